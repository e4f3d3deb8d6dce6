"""Fact extraction on hand-written sentences that each pin one behaviour."""

from __future__ import annotations

import datetime as dt

from realpolitik.facts import FactExtractor, total
from realpolitik.model import Article, FactKind, Qualifier
from realpolitik.nlp import parse


def test_seed_article_displaced_80_percent(shared, extract) -> None:
    text = (shared / "seed" / "article-2024-03-30.txt").read_text(encoding="utf-8")
    body_start = text.index("In a significant")
    facts = extract(text, body_start=body_start)
    displaced = [f for f in facts if f.kind is FactKind.DISPLACED]
    assert len(displaced) == 1
    fact = displaced[0]
    assert (fact.value, fact.unit, fact.qualifier) == (80, "percent", Qualifier.OVER)
    assert fact.of == "population of Gaza"
    assert fact.location is not None and (fact.location.name, fact.location.country) == (
        "Gaza",
        "PSE",
    )
    assert "displacing over 80% of its population" in fact.evidence.text
    assert fact.to_record()["value"] == 80


def test_fact_ids_are_stable(extract) -> None:
    text = "At least 30 people were killed in Rafah."
    assert [f.fact_id for f in extract(text)] == [f.fact_id for f in extract(text)]


def test_figures_in_one_sentence_add_up(extract) -> None:
    facts = extract("Six soldiers and six militants were killed in the clashes.")
    assert [f.value for f in facts] == [6, 6]
    assert total(facts) == 12


def test_repeated_toll_is_not_double_counted(extract) -> None:
    facts = extract("Gunmen killed three civilians in the village. 3 fatalities.")
    assert total(facts) == 3


def test_also_adds(extract) -> None:
    facts = extract("The attack killed five soldiers. One rebel also died.")
    assert total(facts) == 6


def test_cumulative_versus_incremental(extract) -> None:
    facts = extract("Israeli strikes killed 12 civilians, bringing the total to 53.")
    by_value = {f.value: f for f in facts}
    assert set(by_value) == {12, 53}
    assert not by_value[12].cumulative and by_value[53].cumulative
    assert by_value[12].perpetrator == "Israeli strikes"
    assert total(facts) == 12


def test_attribution_and_qualifier(extract) -> None:
    facts = extract("At least 30 people were killed, according to the Gaza health ministry.")
    assert len(facts) == 1
    assert facts[0].qualifier is Qualifier.AT_LEAST
    assert facts[0].attribution == "the Gaza health ministry"
    assert facts[0].location is not None and facts[0].location.country == "PSE"


def test_words_and_ranges(extract) -> None:
    facts = extract("Between 30 and 40 people were wounded and hundreds of families fled.")
    injured = [f for f in facts if f.kind is FactKind.INJURED]
    assert [(f.value, f.qualifier, f.extras.get("high")) for f in injured] == [
        (30, Qualifier.AT_LEAST, 40)
    ]


def test_millions_and_percent_of_population(extract) -> None:
    facts = extract(
        "Over 1.6 million people are internally displaced (74% of the population), "
        "according to OCHA."
    )
    values = {(f.kind, f.value, f.unit) for f in facts}
    assert (FactKind.DISPLACED, 1_600_000, "people") in values
    assert (FactKind.DISPLACED, 74, "percent") in values
    assert all(f.attribution == "OCHA" for f in facts)


def test_other_kinds(extract) -> None:
    cases = {
        "Police arrested four protesters.": (FactKind.DETAINED, 4),
        "Hamas is holding about 130 hostages.": (FactKind.HOSTAGES, 130),
        "Gunmen abducted 3 teenagers.": (FactKind.HOSTAGES, 3),
        "Twelve fishermen are missing after the storm.": (FactKind.MISSING, 12),
        "Uganda hosts 1.5 million refugees.": (FactKind.REFUGEES, 1_500_000),
        "Around 2.7 million people face acute food insecurity in Sudan.": (
            FactKind.FOOD_INSECURE,
            2_700_000,
        ),
        "A 25-year-old man was shot and killed.": (FactKind.KILLED, 1),
    }
    for text, (kind, value) in cases.items():
        facts = extract(text)
        assert [(f.kind, f.value) for f in facts] == [(kind, value)], text


def test_no_fact_from_things_dates_or_negations(extract) -> None:
    for text in (
        "Russia launched 597 drones at Ukraine overnight.",
        "Troops destroyed 3 vehicles and killed no one.",
        "On 11 January 2022, the protest ended peacefully.",
        "There were no casualties.",
        "No one was killed in the attack.",
        "The team won 3-1 on page 12 of the report in 2024.",
    ):
        assert [f for f in extract(text) if f.kind is FactKind.KILLED] == [], text


def test_header_offsets_are_article_offsets(nlp) -> None:
    text = "date 2024-03-30\nAt least 30 people were killed in Rafah."
    article = Article(article_id="h", date=dt.date(2024, 3, 30), text=text, body_start=16)
    facts = FactExtractor().extract(parse(nlp, article), article)
    assert len(facts) == 1
    fact = facts[0]
    assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.startswith("At least 30")
    assert fact.location is None  # no gazetteer given


def test_casualties_split_into_killed_and_injured(extract) -> None:
    facts = extract(
        "As of April 26th, OHCHR reported 5,939 civilian casualties "
        "(2,787 killed and 3,152 injured)."
    )
    assert {(f.kind, f.value) for f in facts} == {(FactKind.KILLED, 2787), (FactKind.INJURED, 3152)}
    assert all(f.cumulative and f.attribution == "OHCHR" for f in facts)


def test_numbers_the_parser_hangs_on_a_compound(extract) -> None:
    facts = extract("Soldiers intercepted and killed more than twenty Boko Haram militants.")
    assert [(f.value, f.qualifier) for f in facts] == [(20, Qualifier.OVER)]


def test_pronoun_victims_count_one(extract) -> None:
    assert total(extract("Gunmen attacked the prayer leader, killing him.")) == 1
    assert total(extract("He was killed in the incident.")) == 1


def test_almost_is_not_a_death(extract) -> None:
    assert extract("A mob beat up a suspect and almost killed him.") == []


def test_summary_caps_added_clauses(extract) -> None:
    facts = extract(
        "A man was killed in the north. The same day, another man was killed in the south. "
        "2 fatalities."
    )
    assert total(facts) == 2
