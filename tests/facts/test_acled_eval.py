"""``eval acled``: ACLED's conventions, the event-type mapping and the scoring loop, on
rows written here (ACLED's own rows may not be copied), plus one real-data check."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from realpolitik.evaluate.acled import (
    BATTLES,
    CIVILIANS,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    acled_event_type,
    acled_fatalities,
    distance_km,
    evaluate_acled,
    format_table,
    read_rows,
    split_of,
)
from realpolitik.facts import FactExtractor
from realpolitik.model import (
    Actor,
    ActorKind,
    Article,
    Cameo,
    Event,
    Fact,
    Participant,
    Plover,
    Span,
)
from realpolitik.nlp import parse


def _actor(name: str, sector: str) -> Participant:
    actor = Actor(
        id=name, name=name, country="UKR", sector=sector, cameo=f"UKR{sector}", kind=ActorKind.GROUP
    )
    return Participant(text=name, actor=actor)


def _event(
    plover: str,
    code: str,
    *,
    mode: str | None = None,
    source: str = "MIL",
    target: str | None = "MIL",
) -> Event:
    return Event(
        event_id="e",
        article_id="a",
        date=dt.date(2022, 3, 1),
        source=_actor("s", source),
        target=_actor("t", target) if target else None,
        plover=Plover(plover, mode),
        cameo=Cameo(code, code[:2], 4, -10.0),
        location=None,
        confidence=0.8,
        evidence=Span("x", 0, 1),
    )


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([_event("ASSAULT", "195", mode="aerial")], EXPLOSIONS),
        ([_event("ASSAULT", "183")], EXPLOSIONS),
        ([_event("ASSAULT", "190")], BATTLES),
        ([_event("ASSAULT", "194", mode="heavy-weapons", target=None)], EXPLOSIONS),
        ([_event("ASSAULT", "190", source="OPP", target=None)], RIOTS),
        ([_event("ASSAULT", "180", mode="abduct", target=None)], CIVILIANS),
        ([_event("ASSAULT", "182", source="REB", target="CVL")], CIVILIANS),
        ([_event("COERCE", "181", source="REB", target="CVL")], CIVILIANS),
        ([_event("PROTEST", "141", mode="demonstrate", source="CVL", target="GOV")], PROTESTS),
        ([_event("PROTEST", "145", mode="riot", source="CVL", target=None)], RIOTS),
        ([_event("AGREE", "057", source="GOV", target="REB")], STRATEGIC),
        ([_event("PROTEST", "141", source="CVL"), _event("ASSAULT", "190")], BATTLES),
        ([], STRATEGIC),
    ],
)
def test_acled_event_type(events: list[Event], expected: str) -> None:
    assert acled_event_type(events, []) == expected


def _said(event: Event, trigger: str, sentence: str = "x") -> Event:
    return dataclasses.replace(
        event, trigger=Span(trigger, 0, len(trigger)), evidence=Span(sentence, 0, len(sentence))
    )


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # ACLED's "Looting/property destruction" is a strategic development
        ([_said(_event("PROTEST", "145", mode="riot", source="REB", target=None), "looted")],
         STRATEGIC),
        # the invasion a protest opposes is its topic, not what happened
        ([_event("PROTEST", "141", source="OPP", target=None),
          _said(_event("COERCE", "192", source="MIL", target="MIL"), "invasion")], PROTESTS),
        # unnamed men who shoot a man: an unidentified armed group's attack
        ([_said(_event("ASSAULT", "190", source="CVL", target="CVL"), "shot")], CIVILIANS),
        # a mob that kills a man: mob violence, not an armed group's attack
        ([_said(dataclasses.replace(_event("ASSAULT", "190", source="CVL", target=None),
                                    source=dataclasses.replace(_actor("s", "CVL"),
                                                               text="a mob")), "killed")],
         RIOTS),
        # a mob that beats a man: mob violence
        ([_said(_event("ASSAULT", "182", source="CVL", target="CVL"), "beat")], RIOTS),
        # tear gas at a riot is an intervention, not remote violence
        ([_event("PROTEST", "145", mode="riot", source="OPP", target=None),
          _said(_event("ASSAULT", "194", mode="heavy-weapons", target="OPP"), "fired",
                "Soldiers fired tear gas at the rioters.")], RIOTS),
        # a dispersed demonstration: a protest with intervention; a dispersed riot: a riot
        ([_said(_event("ASSAULT", "175", source="COP", target="OPP"), "dispersed",
                "Police dispersed the demonstrators.")], PROTESTS),
        ([_said(_event("ASSAULT", "175", source="COP", target="OPP"), "dispersed",
                "Police dispersed the rioters.")], RIOTS),
        # arson: ACLED's property destruction, unless a crowd does it
        ([_said(_event("ASSAULT", "1712", source="MIL", target=None), "set")], STRATEGIC),
        ([_said(_event("ASSAULT", "1712", source="CVL", target=None), "setting")], RIOTS),
        # rebels who attack a village and kill a woman: no armed side opposes them
        ([_event("ASSAULT", "190", source="REB", target=None),
          _event("ASSAULT", "190", source="REB", target="CVL")], CIVILIANS),
        # but an attack on soldiers that also kills a civilian is a battle
        ([_event("ASSAULT", "190", source="REB", target="MIL"),
          _event("ASSAULT", "190", source="REB", target="CVL")], BATTLES),
    ],
)  # fmt: skip
def test_acled_event_type_codebook_refinements(events: list[Event], expected: str) -> None:
    assert acled_event_type(events, []) == expected


@pytest.fixture(scope="module")
def fx(small_gazetteer) -> FactExtractor:
    return FactExtractor(gazetteer=small_gazetteer)


def _facts(nlp, fx: FactExtractor, text: str) -> list[Fact]:
    article = Article(article_id="a", date=dt.date(2022, 3, 1), text=text)
    return fx.extract(parse(nlp, article), article)


def test_killing_without_violent_event_is_violence_against_civilians(nlp, fx) -> None:
    facts = _facts(nlp, fx, "Gunmen shot and killed two farmers near the village.")
    assert acled_event_type([], facts) == CIVILIANS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 4 civilians and injured 2 others in the market.", 4),
        ("The clash killed 5 rebels (fatalities coded to another event).", 0),
        ("Troops killed 4 fighters and 1 soldier died. Fatalities coded as 3.", 3),
        ("Shelling killed 6 civilians in three villages (6 fatalities split across 3 events).", 2),
        (
            "Fighting broke out and several fighters were killed. Unclear fatalities coded as 10.",
            10,
        ),
        ("A man was killed in a drive-by shooting (coded separately). Police arrested two.", 0),
        ("Residents protested over the murder of a child last week.", 0),
        ("Rebels attacked the base. There were no casualties.", 0),
        ("One soldier was killed. The rebels claimed killing 3 soldiers.", 1),
    ],
)
def test_acled_fatalities_conventions(nlp, fx, text: str, expected: int) -> None:
    assert acled_fatalities(_facts(nlp, fx, text), text) == expected


def test_distance_km() -> None:
    assert distance_km(31.5, 34.45, 31.5, 34.45) == 0
    assert 740 < distance_km(50.45, 30.52, 55.75, 37.62) < 770  # Kyiv-Moscow, about 755 km


def _write_rows(path: Path) -> None:
    header = [
        "event_id_cnty",
        "event_date",
        "event_type",
        "iso",
        "latitude",
        "longitude",
        "notes",
        "fatalities",
    ]
    rows = [
        [
            "TST1",
            "2022-03-01",
            "Violence against civilians",
            "804",
            "49.99",
            "36.23",
            "On 1 March 2022, Russian forces killed 3 civilians in Kharkiv. 3 fatalities.",
            "3",
        ],
        [
            "TST2",
            "2022-03-02",
            "Protests",
            "276",
            "52.52",
            "13.40",
            "On 2 March 2022, around 500 people demonstrated in Berlin against the war.",
            "0",
        ],
        [
            "TST3",
            "2022-03-03",
            "Battles",
            "566",
            "11.85",
            "13.16",
            "On 3 March 2022, soldiers clashed with militants near Maiduguri (Borno), killing two.",
            "4",
        ],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


class FactsOnly:
    """A stand-in for the coder: our facts plus one hand-made event per note."""

    def __init__(self, nlp, fx: FactExtractor, events: dict[str, list[Event]]) -> None:
        self.nlp, self.fx, self.events = nlp, fx, events

    def code(self, article: Article) -> tuple[Sequence[Event], Sequence[Fact]]:
        key = next(k for k in self.events if k in article.text)
        return self.events[key], self.fx.extract(parse(self.nlp, article), article)


def test_evaluate_acled_scores_rows(tmp_path: Path, nlp, fx, small_gazetteer) -> None:
    path = tmp_path / "acled.csv"
    _write_rows(path)
    pipeline = FactsOnly(
        nlp,
        fx,
        {
            "Kharkiv": [_event("ASSAULT", "182", source="MIL", target="CVL")],
            "Berlin": [_event("PROTEST", "141", source="CVL", target=None)],
            "Maiduguri": [_event("ASSAULT", "183")],
        },
    )
    metrics = evaluate_acled(
        path, pipeline=pipeline, split="all", locate=lambda a: small_gazetteer.primary(a.text)
    )
    assert metrics["n"] == 3
    assert metrics["fatalities_exact_nonzero"] == 0.5  # 3 = 3; 2 != 4
    assert metrics["fatalities_exact_zero"] == 1.0
    assert metrics["fatalities_mae_nonzero"] == 1.0
    assert metrics["country_accuracy"] == 1.0
    assert metrics["location_50km"] == 1.0
    assert metrics["event_type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    table = format_table(metrics)
    assert "fatalities_exact_nonzero" in table and "0.500" in table


def test_split_is_fixed_and_halves(tmp_path: Path) -> None:
    assert split_of("TST1") == split_of("TST1")
    ids = [f"X{i}" for i in range(1000)]
    dev = sum(split_of(i) == "dev" for i in ids)
    assert 400 < dev < 600


def test_read_rows_rejects_other_files(tmp_path: Path) -> None:
    from realpolitik.errors import InputError

    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an ACLED export"):
        read_rows(path)


@pytest.mark.slow
def test_real_acled_dev_sample_facts_and_places(shared, nlp, fx, small_gazetteer) -> None:
    path = shared / "data" / "eventdata" / "acled" / "acled_sample_2022H1_global_9000.csv"
    pipeline = FactsOnly(nlp, fx, {"": []})
    metrics = evaluate_acled(
        path,
        pipeline=pipeline,
        split="dev",
        limit=300,
        locate=lambda a: small_gazetteer.primary(a.text),
    )
    assert metrics["fatalities_exact_nonzero"] >= 0.75
    assert metrics["fatalities_exact_zero"] >= 0.97
    assert metrics["country_accuracy"] >= 0.8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A mob lynched a man after he killed four people in the market.", 1),
        ("Police arrested ten members after a party member was killed on 7 January.", 0),
        ("People held a vigil for a girl who died there. [size=around 100]", 0),
        ("Air defences sustained 3 fatalities. 3 fatalities spread across 3 events.", 1),
    ],
)
def test_acled_fatalities_prior_and_protest_deaths(nlp, fx, text: str, expected: int) -> None:
    assert acled_fatalities(_facts(nlp, fx, text), text) == expected
