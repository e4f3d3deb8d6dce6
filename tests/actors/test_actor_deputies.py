"""Vice presidents, speakers of the lower house and first deputy prime ministers
(``people_deputies.yaml``).

The file is checked on its own (well-formed, no more holders at a time than the office has
seats, a spell with no end only where the term runs past 2026), against the heads of state in
the rest of the base (a vice president who became president leaves the office that day) and
against the dated reference data in ``shared/data/actors_ref``: the CIA directory
(~2019-10-06).  The resolver must then give the holder's country, sector (GOV, or LEG for a
speaker) and role on a date, an ex-elite (ELI) once out of office, and keep a head of state who
was also vice president a head of state."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Person
from realpolitik.actors.loader import read_yaml

DEPUTIES = curated.DATA / "people_deputies.yaml"

#: role -> (sector, rank)
ROLES = {
    "vice president": ("GOV", 20),
    "speaker": ("LEG", 25),
    "deputy prime minister": ("GOV", 30),
}

_VP_STATES = (
    "usa irn irq afg nga ken zaf bra arg ven col idn phl chn egy syr tur gha uga zwe tza ecu "
    "per bol cub sdn ssd twn"
)
_SPEAKER_STATES = (
    "usa gbr fra deu ita rus ukr isr irn irq lbn tur ind pak jpn kor twn pol hun geo arm egy "
    "nga ken zaf aus can bra"
)

#: Every office the file covers, (entity, role) -> how many hold it at a time.
OFFICES: dict[tuple[str, str], int] = {
    **{(state, "vice president"): 1 for state in _VP_STATES.split()},
    **{(state, "speaker"): 1 for state in _SPEAKER_STATES.split()},
    ("rus", "deputy prime minister"): 2,  # two first deputies in 2007-2008 and 2008-2012
    ("ukr", "deputy prime minister"): 1,
    ("isr", "deputy prime minister"): 1,  # the alternate prime minister
}
OFFICES.update(
    {
        ("irq", "vice president"): 3,
        ("afg", "vice president"): 2,  # first and second vice presidents
        ("syr", "vice president"): 2,
        ("zwe", "vice president"): 2,
        ("per", "vice president"): 2,  # first and second vice presidents
        ("ssd", "vice president"): 2,  # vice president and first vice president
    }
)

LAST_SURE = dt.date(2025, 6, 30)

#: A spell that runs on from the time of writing: the term runs past 2026 and the holder is
#: not removed by an ordinary vote.
OPEN = {
    ("usa", "vice president"),
    ("nga", "vice president"),
    ("ken", "vice president"),
    ("bra", "vice president"),
    ("arg", "vice president"),
    ("idn", "vice president"),
    ("chn", "vice president"),
    ("gha", "vice president"),
    ("ecu", "vice president"),
    ("twn", "vice president"),
    ("gbr", "speaker"),
    ("deu", "speaker"),
    ("ita", "speaker"),
    ("ind", "speaker"),
    ("pak", "speaker"),
    ("twn", "speaker"),
    ("nga", "speaker"),
    ("ken", "speaker"),
    ("zaf", "speaker"),
    ("aus", "speaker"),
    ("can", "speaker"),
    ("bra", "speaker"),
}

#: People who held the presidency as acting president while keeping the vice-presidency (or
#: the speakership).
ACTING = {
    "Raúl Castro": "acting president from 2006-07-31 while first vice president",
    "Mohammad Mokhber": "acting president from 2024-05-20 while first vice president",
    "Oleksandr Turchynov": "acting president in 2014 while chairman of the Rada",
    "Bronisław Komorowski": "acting president in 2010 while marshal of the Sejm",
    "Nino Burjanadze": "acting president twice while chairperson of parliament",
    "Dalia Itzik": "acting president in 2007 while speaker of the Knesset",
    "Alen Simonyan": "acting president in 2022 while president of the National Assembly",
}

#: The CIA directory's country names for the states covered.
STATES = {
    "Afghanistan": "afg",
    "Argentina": "arg",
    "Armenia": "arm",
    "Australia": "aus",
    "Bolivia": "bol",
    "Brazil": "bra",
    "Canada": "can",
    "China": "chn",
    "Colombia": "col",
    "Cuba": "cub",
    "Ecuador": "ecu",
    "Egypt": "egy",
    "France": "fra",
    "Georgia": "geo",
    "Germany": "deu",
    "Ghana": "gha",
    "Hungary": "hun",
    "India": "ind",
    "Indonesia": "idn",
    "Iran": "irn",
    "Iraq": "irq",
    "Israel": "isr",
    "Italy": "ita",
    "Japan": "jpn",
    "Kenya": "ken",
    "Korea, South": "kor",
    "Lebanon": "lbn",
    "Nigeria": "nga",
    "Pakistan": "pak",
    "Peru": "per",
    "Philippines": "phl",
    "Poland": "pol",
    "Russia": "rus",
    "South Africa": "zaf",
    "South Sudan": "ssd",
    "Sudan": "sdn",
    "Syria": "syr",
    "Taiwan": "twn",
    "Tanzania": "tza",
    "Turkey": "tur",
    "Uganda": "uga",
    "Ukraine": "ukr",
    "United Kingdom": "gbr",
    "United States": "usa",
    "Venezuela": "ven",
    "Zimbabwe": "zwe",
}

#: CIA titles of the offices, by role; Iran's many "vice president for ..." and Cuba's vice
#: presidents other than the first are left out, as is Taiwan's vice premier.
_TITLE = [
    (
        "vice president",
        re.compile(
            r"^((first|second|executive) )?vice president$|^deputy president$"
            r"|^first vice president of council of state$",
            re.I,
        ),
    ),
    ("speaker", re.compile(r"^speaker of parliament$|^chairman of rada$", re.I)),
    ("deputy prime minister", re.compile(r"^first deputy (premier|prime minister)$", re.I)),
]

#: CIA directory rows the curated data rightly disagrees with: (state, role) -> why.
CIA_EXEMPT = {
    ("ecu", "vice president"): "wrong: Otto Sonnenholzner was vice president from 2018-12-11 "
    "to 2020-07-07",
    ("sdn", "vice president"): "stale (Bashir's first and second vice presidents); the file "
    "takes the deputy chairman of the Sovereignty Council (Hemedti from 2019-08-21)",
    ("ukr", "speaker"): "stale: Dmytro Razumkov succeeded Andriy Parubiy on 2019-08-29",
    ("ukr", "deputy prime minister"): "stale: Stepan Kubiv left with the Groysman government "
    "on 2019-08-29",
    ("geo", "speaker"): "stale: Irakli Kobakhidze resigned on 2019-06-21; Archil Talakvadze "
    "followed",
}

#: Name matching on the folded words without particles, allowing for transliteration
#: ("Dostum"/"DOSTAM", "Danish"/"DANESH").
same_person = curated.NameMatch(
    threshold=70, particles={"al", "el", "acting"}, drop_brackets=True
).same


def test_name_matching() -> None:
    assert same_person("Abdul Rashid Dostum", "Abdul Rashid DOSTAM")
    assert same_person("Delcy Rodriguez Gomez", "Delcy RODRIGUEZ Gomez")
    assert same_person("Oluyemi Osinbajo", 'Oluyemi "Yemi" OSINBAJO')
    assert not same_person("Andriy Parubiy", "Dmytro RAZUMKOV")
    assert not same_person("Kembo Mohadi", "Constantino CHIWENGA")


@pytest.fixture(scope="module")
def people() -> list[Person]:
    return list(read_yaml(DEPUTIES).people)


@pytest.fixture(scope="module")
def holders(people: list[Person]) -> curated.Holders:
    assert all(s.start is not None for person in people for s in person.spells)
    return curated.index_holders(people)


def test_file_entries_are_well_formed(people: list[Person]) -> None:
    assert len(people) >= 250
    assert len({p.id for p in people}) == len(people)
    for person in people:
        assert person.source.startswith("public record"), person.name
        assert person.spells, person.name
        assert person.name not in person.aliases, person.name
        for s in person.spells:
            assert (s.entity, s.role) in OFFICES, (person.name, s.entity, s.role)
            assert (s.sector, s.rank) == ROLES[s.role], (person.name, s.role, s.sector, s.rank)
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.start >= dt.date(1976, 1, 1), (person.name, s)
            assert s.end is None or dt.date(2005, 1, 1) <= s.end <= dt.date(2026, 12, 31), (
                person.name,
                s,
            )


def test_every_office_has_holders(holders: curated.Holders) -> None:
    assert not [office for office in sorted(OFFICES) if not holders[office]]


def test_no_more_holders_than_seats(holders: curated.Holders) -> None:
    """A successor may start a few days before the predecessor's recorded end (dates to the
    month), no more: a week into each spell, the office has no more holders than seats."""
    crowded = []
    for office, spells in holders.items():
        for _, start, end in spells:
            day = min(start + dt.timedelta(days=7), end - dt.timedelta(days=1))
            on = {p.name for p in curated.holders_on(holders, office, day, end_included=False)}
            if len(on) > OFFICES[office]:
                crowded.append((office, str(day), sorted(on)))
    assert not crowded


def test_open_spells_and_uncertain_ends(people: list[Person]) -> None:
    """A spell runs on only where the term runs past 2026; one that ends on the last day
    established says so."""
    wrong = []
    for person in people:
        for s in person.spells:
            if s.end is None and (s.entity, s.role) not in OFFICES.keys() & OPEN:
                wrong.append((person.name, s.entity, s.role, "open"))
            if s.end is None and "open:" not in person.source:
                wrong.append((person.name, s.entity, s.role, "open without a reason"))
            if s.end == LAST_SURE and "later not established" not in person.source:
                wrong.append((person.name, s.entity, s.role, "end without a reason"))
    assert not wrong
    # every office left open has exactly one holder at the time of writing
    for office in OPEN:
        ongoing = [
            p.name
            for p in people
            for s in p.spells
            if (s.entity, s.role) == office and s.end is None
        ]
        assert len(ongoing) == 1, (office, ongoing)


def test_known_holders_on_dates(holders: curated.Holders) -> None:
    checks = [
        ("usa", "vice president", "2006-01-01", "Dick Cheney"),
        ("usa", "vice president", "2022-01-01", "Kamala Harris"),
        ("irn", "vice president", "2015-01-01", "Eshaq Jahangiri"),
        ("ken", "vice president", "2023-01-01", "Rigathi Gachagua"),
        ("ven", "vice president", "2017-06-01", "Tareck El Aissami Maddah"),
        ("sdn", "vice president", "2021-01-01", "Mohamed Hamdan Dagalo"),
        ("usa", "speaker", "2016-01-01", "Paul Ryan"),
        ("gbr", "speaker", "2012-01-01", "John Bercow"),
        ("rus", "speaker", "2013-01-01", "Sergey Yevgenyevich Naryshkin"),
        ("irn", "speaker", "2010-01-01", "Ali Larijani"),
        ("isr", "speaker", "2015-01-01", "Yuli Edelstein"),
        ("ind", "speaker", "2016-01-01", "Sumitra Mahajan"),
        ("pol", "speaker", "2012-01-01", "Ewa Kopacz"),
        ("ukr", "deputy prime minister", "2017-01-01", "Stepan Kubiv"),
        ("isr", "deputy prime minister", "2021-01-01", "Benny Gantz"),
    ]
    wrong = []
    for state, role, day, name in checks:
        ours = curated.holders_on(
            holders, (state, role), dt.date.fromisoformat(day), end_included=False
        )
        on = [p.name for p in ours]
        if on != [name]:
            wrong.append((state, role, day, name, on))
    assert not wrong


def test_vice_president_leaves_on_becoming_head_of_state(
    kb: ActorBase, people: list[Person]
) -> None:
    """A vice president (or speaker) who became head of state of the same state leaves the
    office when the presidency starts (a week's leeway), unless only acting."""
    ours = {p.id for p in people}
    wrong = []
    for person in kb.data.people:
        if person.id not in ours or person.name in ACTING:
            continue
        heads = [s for s in person.spells if s.role == "head of state" and s.start is not None]
        for s in person.spells:
            if (s.entity, s.role) not in OFFICES or s.start is None:
                continue
            end = s.end or dt.date.max
            for h in heads:
                if h.entity == s.entity and s.start < h.start < end - dt.timedelta(days=7):
                    wrong.append((person.name, s.role, str(s.end), str(h.start)))
    assert not wrong


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    # a state outside this file, or a vacant office (Iraq's in 2019), gives no row
    cia = curated.cia_holders(shared, STATES, _TITLE, lambda office: office in OFFICES)
    assert len(cia) >= 25
    wrong = []
    for (state, role), names in sorted(cia.items()):
        ours = curated.holders_on(holders, (state, role), curated.CIA_DAY, end_included=False)
        if (state, role) in CIA_EXEMPT:
            ok = any(same_person(n, c) for p in ours for n in p.names for c in names)
            assert not ok, f"{state} {role} now matches the CIA row: drop the exemption"
            continue
        # every listed holder is ours (Afghanistan, Zimbabwe and South Sudan list two)
        missing = [c for c in names if not any(same_person(n, c) for p in ours for n in p.names)]
        if missing:
            wrong.append((state, role, missing, [p.name for p in ours]))
    assert not wrong


@pytest.mark.parametrize(
    ("mention", "day", "person", "country", "sector", "role"),
    [
        ("Vice President Dick Cheney", "2006-01-01", "Dick Cheney", "USA", "GOV", "vice president"),
        ("Joe Biden", "2010-01-01", "Joe Biden", "USA", "GOV", "vice president"),
        ("JD Vance", "2025-03-01", "JD Vance", "USA", "GOV", "vice president"),
        ("Speaker Pelosi", "2020-01-01", "Nancy Pelosi", "USA", "LEG", "speaker"),
        ("Nancy Pelosi", "2008-06-01", "Nancy Pelosi", "USA", "LEG", "speaker"),
        ("Ali Larijani", "2015-01-01", "Ali Larijani", "IRN", "LEG", "speaker"),
        ("Nabih Berri", "2010-01-01", "Nabih Berri", "LBN", "LEG", "speaker"),
        ("Bulent Arinc", "2006-01-01", "Bülent Arınç", "TUR", "LEG", "speaker"),
        ("Michel Temer", "2010-01-01", "Michel Temer", "BRA", "LEG", "speaker"),
        ("Michel Temer", "2012-01-01", "Michel Temer", "BRA", "GOV", "vice president"),
        ("Yemi Osinbajo", "2016-01-01", 'Oluyemi "Yemi" Osinbajo', "NGA", "GOV", "vice president"),
        ("Hemedti", "2021-01-01", "Mohamed Hamdan Dagalo", "SDN", "GOV", "vice president"),
        ("Riek Machar", "2012-01-01", "Riek Machar", "SSD", "GOV", "vice president"),
        ("Farouk al-Sharaa", "2012-01-01", "Farouk al-Sharaa", "SYR", "GOV", "vice president"),
        ("Dmitry Medvedev", "2006-06-01", "Dmitri Medvedev", "RUS", "GOV", "deputy prime minister"),
        ("Benny Gantz", "2020-08-01", "Benny Gantz", "ISR", "GOV", "deputy prime minister"),
        ("Igor Shuvalov", "2010-01-01", "Igor Shuvalov", "RUS", "GOV", "deputy prime minister"),
    ],
)
def test_holder_resolves_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str, sector: str, role: str
) -> None:
    curated.assert_resolves(
        kb, mention, day, person=person, country=country, sector=sector, role=role
    )


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Dick Cheney", "2012-01-01", "Dick Cheney", "USA"),
        ("Mike Pence", "2022-01-01", "Mike Pence", "USA"),
        ("Ali Larijani", "2021-01-01", "Ali Larijani", "IRN"),
        ("John Bercow", "2021-01-01", "John Bercow", "GBR"),
        ("Riek Machar", "2014-01-01", "Riek Machar", "SSD"),
        ("Rigathi Gachagua", "2025-01-01", "Rigathi Gachagua", "KEN"),
        ("Kevin McCarthy", "2024-01-01", "Kevin McCarthy", "USA"),
    ],
)
def test_holder_out_of_office_is_elite(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="ELI")


@pytest.mark.parametrize(
    ("mention", "day"),
    [
        ("Michel Temer", "2017-01-01"),
        ("Kgalema Motlanthe", "2008-12-01"),
        ("Raúl Castro", "2007-01-01"),
        ("Goodluck Jonathan", "2012-01-01"),
    ],
)
def test_head_of_state_outranks_the_vice_presidency(kb: ActorBase, mention: str, day: str) -> None:
    curated.assert_resolves(kb, mention, day, sector="GOV", role="head of state")


def test_title_with_a_country_is_no_person(kb: ActorBase) -> None:
    """ "The Iranian parliament speaker" alone names the office, not whoever held it."""
    actor = kb.resolve("the Iranian parliament speaker", on=dt.date(2015, 1, 1))
    assert actor is not None and (actor.country, actor.sector) == ("IRN", "LEG")
    assert actor.person is None
    actor = kb.resolve("the US vice president", on=dt.date(2010, 1, 1))
    assert actor is not None and (actor.country, actor.sector) == ("USA", "GOV")
    assert actor.person is None
