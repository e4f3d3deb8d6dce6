"""Resolution of mentions on a date against the packaged knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors import ActorBase
from realpolitik.model import ActorKind

DAY = dt.date(2024, 3, 30)


def test_person_in_office_resolves_to_the_government(kb: ActorBase) -> None:
    actor = kb.resolve("Hossein Amirabdollahian", on=DAY)
    assert actor is not None
    assert (actor.id, actor.name, actor.country, actor.sector, actor.cameo) == (
        "irn",
        "Iran",
        "IRN",
        "GOV",
        "IRNGOV",
    )
    assert actor.person == "Hossein Amirabdollahian"
    assert actor.role == "foreign minister"


def test_person_after_office_is_an_elite(kb: ActorBase) -> None:
    actor = kb.resolve("Hossein Amirabdollahian", on=dt.date(2024, 6, 1))
    assert actor is not None
    assert (actor.id, actor.sector, actor.cameo) == ("irn", "ELI", "IRNELI")


def test_group_leader_resolves_to_the_group(kb: ActorBase) -> None:
    actor = kb.resolve("Ziad al-Nakhalah", on=DAY)
    assert actor is not None
    assert (actor.id, actor.country, actor.sector, actor.cameo) == ("pij", "PSE", "REB", "PSEREB")
    assert actor.kind is ActorKind.GROUP


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Iran's Foreign Minister Hossein Amirabdollahian", ("irn", "GOV")),
        ("the Iranian foreign minister", ("irn", "GOV")),
        ("the foreign minister of Iran", ("irn", "GOV")),
        ("Hamas leader Ismail Haniyeh", ("hamas", "REB")),
        ("the leader of the Iran-backed Palestinian militant group Islamic Jihad", ("pij", "REB")),
        ("Israeli troops", ("isr", "MIL")),
        ("Palestinian civilians", ("pse", "CVL")),
        ("the U.N. Security Council", ("un-security-council", None)),
        ("Tehran", ("irn", "GOV")),
        ("Hizbullah", ("hezbollah", "REB")),
        ("Ansar Allah", ("houthis", "REB")),
        ("PIJ", ("pij", "REB")),
        ("Iran", ("irn", None)),
    ],
)
def test_noun_phrases_resolve_to_their_head(
    kb: ActorBase, mention: str, expected: tuple[str, str | None]
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None, mention
    assert (actor.id, actor.sector) == expected


def test_security_council_is_an_igo(kb: ActorBase) -> None:
    actor = kb.resolve("the U.N. Security Council", on=DAY)
    assert actor is not None and actor.country == "IGO"


@pytest.mark.parametrize(
    "mention",
    ["the group", "officials", "in Tehran", "Iranian oil", "Iran-backed militants", "", "pij"],
)
def test_vague_or_locative_phrases_do_not_resolve(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=DAY) is None


def test_haniyeh_stays_with_hamas_after_his_death(kb: ActorBase) -> None:
    actor = kb.resolve("Ismail Haniyeh", on=dt.date(2024, 9, 1))
    assert actor is not None and actor.id == "hamas" and actor.role is None


def test_bare_agents_only_on_request(kb: ActorBase) -> None:
    assert kb.resolve("soldiers", on=DAY) is None
    actor = kb.resolve("soldiers", on=DAY, bare_agents=True)
    assert actor is not None and (actor.country, actor.sector) == (None, "MIL")


def test_fuzzy_matches_transliterations_only(kb: ActorBase) -> None:
    reading = kb.reading("Hezbolah", on=DAY)
    assert reading is not None and reading.actor.id == "hezbollah" and reading.how == "fuzzy"
    assert kb.resolve("Frank", on=DAY) is None
    assert kb.resolve("puppies", on=DAY) is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Palestinian protesters", ("pse", "CVL", "PSECVLOPP")),  # PLOVER: CVL, OPP second
        ("Burkina Faso's displaced", ("bfa", "REF", "BFAREF")),
        ("a Somalia-based paramilitary group", ("som", "PRM", "SOMUAF")),
        ("the speaker of the Knesset", ("isr", "LEG", "ISRLEG")),
        ("the Senate", ("usa", "LEG", "USALEG")),
        ("the French Senate", ("fra", "LEG", "FRALEG")),  # not the US Senate
        ("a former CIA official", ("usa", "ELI", "USAELI")),
        ("Ecuador's Ombudsman's Office", ("ecu", "GOV", "ECUGOV")),
        ("Harry Ho-jen Tseng, Taiwan's deputy foreign minister", ("twn", "GOV", "TWNGOV")),
        ("German Defense Minister", ("deu", "GOV", "DEUGOVMIL")),
        ("the Lebanese president's office", ("lbn", "GOV", "LBNGOV")),
    ],
)
def test_sectors_follow_plover_and_cameo(
    kb: ActorBase, mention: str, expected: tuple[str, str, str]
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None, mention
    assert (actor.id, actor.sector, actor.cameo) == expected


@pytest.mark.parametrize(
    "mention",
    ["Frank, a cat", "President of the Chadian Human Rights League", "the family"],
)
def test_unknown_heads_do_not_borrow_a_country(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is None or actor.country is None


def test_everyday_names_of_leaders(kb: ActorBase) -> None:
    for mention, country in [("Sisi", "EGY"), ("Erdogan", "TUR"), ("Blinken", "USA")]:
        actor = kb.resolve(mention, on=DAY)
        assert actor is not None and actor.country == country and actor.sector == "GOV"
    assert kb.resolve("may", on=DAY) is None  # a surname alias needs a capital letter


@pytest.mark.parametrize(
    ("mention", "day", "country", "sector", "role"),
    [
        ("General Munir", "2024-06-01", "PAK", "MIL", "army chief"),
        ("Chief of Staff Bagheri", "2022-01-01", "IRN", "MIL", "military chief"),
        ("Chief Minister Banerjee", "2022-01-01", "IND", "GOV", "chief minister"),
        ("Premier Ford", "2022-01-01", "CAN", "GOV", "premier"),
        ("Chinese Premier", "2022-01-01", "CHN", "GOV", "prime minister"),
    ],
)
def test_titles_name_the_offices_news_calls_by_them(
    kb: ActorBase, mention: str, day: str, country: str, sector: str, role: str
) -> None:
    """A military title fits any commander's office; a premier heads a province's government."""
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None
    assert (actor.country, actor.sector, actor.role) == (country, sector, role)


@pytest.mark.parametrize(
    ("mention", "day", "sector", "role"),
    [
        ("Pope Francis", "2024-01-01", "REL", "pope"),
        ("Pope Francis", "2025-06-01", "ELI", None),  # died 2025-04-21
        ("Pope Leo XIV", "2025-06-01", "REL", "pope"),
        ("Pope Benedict XVI", "2010-01-01", "REL", "pope"),
    ],
)
def test_popes_lead_the_holy_see_while_they_reign(
    kb: ActorBase, mention: str, day: str, sector: str, role: str | None
) -> None:
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None
    assert (actor.country, actor.sector, actor.role) == ("VAT", sector, role)


@pytest.mark.parametrize("mention", ["Mohamed", "Ali", "Ahmed"])
def test_a_common_given_name_alone_names_no_leader(kb: ActorBase, mention: str) -> None:
    # Djibouti's prime minister is an Abdoulkader Kamil Mohamed, yet "Mohamed" is hundreds
    # of people's first name
    assert kb.resolve(mention, on=DAY) is None


@pytest.mark.parametrize(("mention", "country"), [("Assad", "SYR"), ("Abbas", "PSE")])
def test_a_rare_given_name_still_names_its_leader(
    kb: ActorBase, mention: str, country: str
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None and actor.country == country


def test_a_mixed_case_acronym_matches_only_as_written(kb: ActorBase) -> None:
    actor = kb.resolve("LeT", on=DAY)
    assert actor is not None and actor.id == "lashkar-e-taiba"
    assert kb.resolve("let", on=DAY) is None
    assert kb.resolve("Let", on=DAY) is None


def test_maduro_stays_president_through_the_disputed_presidency(kb: ActorBase) -> None:
    actor = kb.resolve("Maduro", on=dt.date(2020, 3, 30))
    assert actor is not None
    assert (actor.country, actor.sector, actor.person) == ("VEN", "GOV", "Nicolás Maduro")


@pytest.mark.parametrize(
    "mention", ["pro-Russian separatists", "anti-Israel protesters", "pro-Iran militias"]
)
def test_a_side_taken_is_not_the_actor(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is None or actor.country not in ("RUS", "ISR", "IRN")


@pytest.mark.parametrize(
    ("mention", "day", "entity"),
    [
        ("Charles Michel", "2024-03-30", "european-council"),
        ("Charles Michel", "2018-03-30", "bel"),
        ("Donald Tusk", "2016-03-30", "european-council"),
        ("Donald Tusk", "2024-03-30", "pol"),
        ("Volker Turk", "2024-03-30", "ohchr"),
    ],
)
def test_heads_of_international_bodies_on_the_date(
    kb: ActorBase, mention: str, day: str, entity: str
) -> None:
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None and actor.id == entity


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("European leaders", ("region-europe", "EUR", "GOV", "EURGOV")),
        ("Western powers", ("region-west", "WST", "GOV", "WSTGOV")),
        ("West African states", ("region-west-africa", "WAF", "GOV", "WAFGOV")),
        ("Nordic countries", ("region-scandinavia", "SCN", "GOV", "SCNGOV")),
        ("Europeans", ("region-europe", "EUR", None, "EUR")),
        ("the West", ("region-west", "WST", None, "WST")),
        ("the Middle East", ("region-middle-east", "MEA", None, "MEA")),
    ],
)
def test_regions_stand_for_their_peoples_and_governments(
    kb: ActorBase, mention: str, expected: tuple[str, str, str | None, str]
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None
    assert (actor.id, actor.country, actor.sector, actor.cameo) == expected
    assert actor.kind is ActorKind.REGION


@pytest.mark.parametrize(
    "mention",
    ["Western", "Caribbean", "a Caribbean island", "Western military support", "European"],
)
def test_a_regions_adjective_alone_is_no_actor(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=DAY) is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the European Union", "eu"),
        ("the African Union", "african-union"),
        ("Western Sahara", "esh"),
        ("South African troops", "zaf"),
    ],
)
def test_longer_names_beat_a_regions_adjective(kb: ActorBase, mention: str, expected: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None and actor.id == expected


@pytest.mark.parametrize(
    ("mention", "on", "expected"),
    [
        ("Omer al-Bashir", dt.date(2015, 3, 30), ("sdn", "Omar al-Bashir")),
        ("Omar el-Bashir", dt.date(2015, 3, 30), ("sdn", "Omar al-Bashir")),
        ("Abu Bakr al-Baghdady", dt.date(2015, 3, 30), ("isis", "Abu Bakr al-Baghdadi")),
    ],
)
def test_spelling_variants_of_names_with_particles(
    kb: ActorBase, mention: str, on: dt.date, expected: tuple[str, str]
) -> None:
    actor = kb.resolve(mention, on=on)
    assert actor is not None
    assert (actor.id, actor.person) == expected


@pytest.mark.parametrize("mention", ["Hezb-e-Islami", "Hizb-i Islami", "Hezb-i-Islami"])
def test_transliterations_of_hizb_i_islami(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None and actor.id == "hizb-i-islami-yi-afghanistan"


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("Sergey Kuzhugetovich Shoygu", "RUS"),  # a patronymic the data lacks
        ("Malcolm Bligh Turnbull", "AUS"),  # a middle name
        ("Mohammed bin Zayed Al Nahyan", "ARE"),  # the rest of a recorded name
    ],
)
def test_fuller_forms_of_recorded_names(kb: ActorBase, mention: str, country: str) -> None:
    actor = kb.resolve(mention, on=dt.date(2018, 6, 1))
    assert actor is not None and actor.person is not None and actor.country == country


def test_a_first_and_last_name_fit_only_a_person(kb: ActorBase) -> None:
    # the first and last words of "Islamic Jihad Movement" are no person's name
    assert kb.resolve("Islamic Unknown Jihad", on=dt.date(2018, 6, 1)) is None


@pytest.mark.parametrize(
    "mention",
    ["All Progressives Congress", "National People's Congress", "Popular Liberation Army"],
)
def test_a_longer_name_ending_in_a_known_one_is_another_body(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=dt.date(2018, 6, 1))
    assert actor is None or actor.country not in ("USA", "SYR")


def test_a_party_of_another_state_named_by_its_state(kb: ActorBase) -> None:
    # "Conservative Party" alone is Britain's
    actor = kb.resolve("Canada's Conservative Party", on=dt.date(2018, 6, 1))
    assert actor is not None and (actor.country, actor.sector) == ("CAN", "PTY")


@pytest.mark.parametrize("mention", ["dissident republicans", "a national rally"])
def test_party_names_are_proper_nouns(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=dt.date(2018, 6, 1)) is None


def test_mauritanian_leaders_of_the_phoenix_dictionary_are_mauritanian(kb: ActorBase) -> None:
    actor = kb.resolve("Mohamed Ould Abdel Aziz", on=dt.date(2012, 6, 1))
    assert actor is not None and actor.country == "MRT"


@pytest.mark.parametrize("mention", ["The Senate", "The U.S. State Department"])
def test_a_capitalised_article_is_no_part_of_a_longer_name(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=dt.date(2018, 6, 1))
    assert actor is not None and actor.country == "USA"


def test_a_title_and_a_surname_of_two_past_leaders_of_one_state(kb: ActorBase) -> None:
    actor = kb.resolve("President Bush", on=dt.date(2019, 3, 30))
    assert actor is not None and (actor.country, actor.sector) == ("USA", "ELI")
    assert actor.person is None  # which Bush is unknown


@pytest.mark.parametrize(
    ("mention", "actor_id"),
    [("the G7", "g7"), ("G20 leaders", "g20"), ("the Quad", "quad"), ("the EAC", "eac")],
)
def test_groupings_of_states(kb: ActorBase, mention: str, actor_id: str) -> None:
    actor = kb.resolve(mention, on=dt.date(2024, 3, 30))
    assert actor is not None and actor.id == actor_id


def test_an_acronym_with_a_number_is_written_in_capitals(kb: ActorBase) -> None:
    assert kb.resolve("g7", on=dt.date(2024, 3, 30)) is None


def test_a_big_city_is_no_leader_s_surname(kb: ActorBase) -> None:
    day = dt.date(2022, 6, 27)
    assert kb.resolve("Lagos", on=day) is None  # a place, not Ricardo Lagos
    muscat = kb.resolve("Muscat", on=day)  # a capital for its government, not Joseph Muscat
    assert muscat is not None and muscat.country == "OMN"
