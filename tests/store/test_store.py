"""The DuckDB store: round trip, idempotence, all-or-nothing batches, filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from realpolitik.model import (
    Actor,
    ActorKind,
    Article,
    Cameo,
    Coded,
    Event,
    Fact,
    FactKind,
    Location,
    Participant,
    Plover,
    Precision,
    Qualifier,
    Span,
)  # fmt: skip
from realpolitik.store import ActorQuery, Filter, Store, event_record, fact_record

IRAN = Actor("irn", "Iran", "IRN", "GOV", "IRNGOV", ActorKind.STATE)
PIJ = Actor("pij", "Palestinian Islamic Jihad", "PSE", "REB", "PSEREB", ActorKind.GROUP)
ISRAEL = Actor("isr", "Israel", "ISR", "MIL", "ISRMIL", ActorKind.STATE)


def _coded(text: str, day: dt.date, *, source: Actor, target: Actor, quad: int = 1) -> Coded:
    article = Article(Article.make_id(text, day), day, text)
    event = Event(
        event_id=f"e-{article.article_id}",
        article_id=article.article_id,
        date=day,
        source=Participant(source.name, source, 0, 4),
        target=Participant(target.name, target, 10, 14),
        plover=Plover("CONSULT", "visit", ("diplomatic",)),
        cameo=Cameo("042", "04", quad, 1.9),
        location=Location("Tehran", "IRN", 35.69, 51.42, Precision.CITY),
        confidence=0.8,
        evidence=Span(text, 0, len(text)),
        trigger=Span(text[5:9], 5, 9),
    )
    fact = Fact(
        fact_id=f"f-{article.article_id}", article_id=article.article_id, date=day,
        kind=FactKind.DISPLACED, value=80, unit="percent", qualifier=Qualifier.OVER,
        of="population of Gaza", location=None, attribution=None, evidence=Span(text, 0, len(text)),
    )  # fmt: skip
    return Coded(article, (event,), (fact,), (Span(text, 0, len(text)),), (event.source,))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "t.duckdb") as s:
        yield s


def test_round_trip_gives_spec_records(store: Store) -> None:
    coded = _coded("PIJ met Iran in Tehran.", dt.date(2024, 3, 30), source=PIJ, target=IRAN)
    counts = store.add([coded])
    assert (counts.articles, counts.events, counts.facts) == (1, 1, 1)
    [row] = store.events()
    record = event_record(row)
    expected = coded.events[0].to_record()
    for key in ("event_id", "article_id", "date", "target", "location", "evidence", "confidence"):
        assert record[key] == expected[key], key
    assert record["source"] == coded.events[0].to_record()["source"]
    assert record["cameo"] == {"code": "042", "root": "04", "quad_class": 1, "goldstein": 1.9}
    assert record["plover"] == {"event": "CONSULT", "mode": "visit", "context": ["diplomatic"]}
    [fact] = store.facts()
    assert fact_record(fact)["value"] == 80 and fact_record(fact)["of"] == "population of Gaza"


def test_adding_twice_changes_nothing(store: Store) -> None:
    batch = [
        _coded(f"Talk {i}.", dt.date(2024, 1, 1 + i), source=PIJ, target=IRAN) for i in range(3)
    ]
    store.add(batch)
    before = store.counts()
    again = store.add(batch)
    assert (again.articles, again.events) == (0, 0)
    assert (
        store.counts()
        == before
        == {"articles": 3, "sentences": 3, "mentions": 3, "events": 3, "facts": 3}
    )


def test_a_failing_batch_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add([_coded("First.", dt.date(2024, 1, 1), source=PIJ, target=IRAN)])
    before = store.counts()
    import realpolitik.store.duck as duck

    def broken(facts: object) -> pa.Table:
        raise RuntimeError("killed mid-batch")

    monkeypatch.setattr(duck, "_facts_table", broken)
    with pytest.raises(RuntimeError):
        store.add([_coded("Second.", dt.date(2024, 1, 2), source=PIJ, target=IRAN)])
    assert store.counts() == before


def test_filters(store: Store) -> None:
    store.add([
        _coded("A.", dt.date(2024, 1, 1), source=PIJ, target=IRAN),
        _coded("B.", dt.date(2024, 2, 1), source=ISRAEL, target=PIJ, quad=4),
        _coded("C.", dt.date(2024, 3, 1), source=IRAN, target=ISRAEL),
    ])  # fmt: skip
    assert len(store.events(Filter(actor=ActorQuery(ids=("pij",))))) == 2
    assert len(store.events(Filter(source=ActorQuery(ids=("pij",))))) == 1
    assert len(store.events(Filter(target=ActorQuery(text="Israel")))) == 1
    assert [r["source_id"] for r in store.events(Filter(since=dt.date(2024, 2, 1)))] == [
        "irn",
        "isr",
    ]
    assert len(store.events(Filter(until=dt.date(2024, 1, 31)))) == 1
    assert len(store.events(Filter(types=("CONSULT",)))) == 3
    assert len(store.events(Filter(types=("04",)))) == 3
    assert len(store.events(Filter(types=("ASSAULT",)))) == 0
    assert len(store.events(Filter(limit=2))) == 2
    dyads = store.top_dyads()
    assert {(d["a"], d["b"]) for d in dyads} == {
        ("Iran", "Palestinian Islamic Jihad"), ("Israel", "Palestinian Islamic Jihad"), ("Iran", "Israel")
    }  # fmt: skip


def test_fact_totals_count_a_repeated_figure_once(store: Store) -> None:
    a = _coded(
        "Over 80% of Gaza's population is displaced.", dt.date(2024, 3, 30), source=PIJ, target=IRAN
    )
    b = _coded(
        "Over 80% of Gaza's population is displaced, the UN says.",
        dt.date(2024, 3, 30),
        source=PIJ,
        target=IRAN,
    )
    store.add([a, b])
    [row] = store.fact_totals(by="month")
    assert row["month"] == "2024-03" and row["reported"] == 80 and row["figures"] == 1
