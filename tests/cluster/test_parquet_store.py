"""The Parquet event store without a cluster: the same rows as the DuckDB store, only whole
batches visible after a failure, idempotent re-ingests, and the read commands over it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.cluster import ParquetStore, ingest_parquet, open_parquet
from realpolitik.cluster import run as cluster_run
from realpolitik.errors import StoreError
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
from realpolitik.store import Store
from realpolitik.store.analytics import Window, dyad_series, network_edges

IRAN = Actor("irn", "Iran", "IRN", "GOV", "IRNGOV", ActorKind.STATE)
PIJ = Actor("pij", "Palestinian Islamic Jihad", "PSE", "REB", "PSEREB", ActorKind.GROUP)
ISRAEL = Actor("isr", "Israel", "ISR", "MIL", "ISRMIL", ActorKind.STATE)
PAIRS = [(PIJ, IRAN, 1, 1.9), (ISRAEL, PIJ, 4, -10.0), (IRAN, ISRAEL, 3, -4.0)]


def _article(i: int) -> Article:
    day = dt.date(2024, 1 + i % 4, 1 + i % 27)  # four months: several partitions per batch
    text = f"Report {i}: the two sides met in Tehran and 80 people were displaced."
    return Article(Article.make_id(text, day), day, text)


def _coded(article: Article) -> Coded:
    i = int(article.text.split()[1].rstrip(":"))
    source, target, quad, goldstein = PAIRS[i % len(PAIRS)]
    text = article.text
    event = Event(
        event_id=f"e-{article.article_id}", article_id=article.article_id, date=article.date,
        source=Participant(source.name, source, 0, 6), target=Participant(target.name, target, 7, 12),
        plover=Plover("CONSULT", "visit", ("diplomatic",)), cameo=Cameo("042", "04", quad, goldstein),
        location=Location("Tehran", "IRN", 35.69, 51.42, Precision.CITY), confidence=0.8,
        evidence=Span(text, 0, len(text)), trigger=Span(text[13:16], 13, 16),
    )  # fmt: skip
    fact = Fact(
        fact_id=f"f-{article.article_id}", article_id=article.article_id, date=article.date,
        kind=FactKind.DISPLACED, value=80, unit="people", qualifier=Qualifier.EXACT,
        of=None, location=None, attribution=None, evidence=Span(text, 0, len(text)),
    )  # fmt: skip
    # the coder may repeat a row: both stores keep one per key
    return Coded(article, (event, event), (fact,), (Span(text, 0, len(text)),),
                 (event.source, event.target, event.source))  # fmt: skip


class FakePipeline:
    """Stands in for the coding pipeline (the real one is exercised in test_dask_ingest)."""

    def code_many(self, articles: Iterable[Article]) -> Iterator[Coded]:
        return (_coded(a) for a in articles)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster_run, "worker_pipeline", FakePipeline)


ARTICLES = [_article(i) for i in range(10)]


def _rows(store: Store, table: str, key: str) -> list[tuple[object, ...]]:
    columns = [
        c for (c,) in store.con.execute(
            f"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'ingested_at'"
        ).fetchall()
    ]  # fmt: skip
    sql = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}"
    return store.con.execute(sql).fetchall()


def _duckdb(tmp_path: Path, articles: Sequence[Article]) -> Store:
    store = Store.open(tmp_path / "ref.duckdb")
    store.add([_coded(a) for a in articles])
    return store


KEYS = {"articles": "article_id", "sentences": "article_id, idx", "events": "event_id",
        "facts": "fact_id", "mentions": "article_id, start_char, end_char, actor_id"}  # fmt: skip


def test_rows_equal_the_duckdb_store(tmp_path: Path) -> None:
    totals = ingest_parquet(ARTICLES, tmp_path / "pq", batch_size=3)
    assert (totals.new, totals.events, totals.facts, totals.batches) == (10, 10, 10, 4)
    with _duckdb(tmp_path, ARTICLES) as ref, open_parquet(tmp_path / "pq") as pq:
        assert pq.counts() == ref.counts()
        for table, key in KEYS.items():
            assert _rows(pq, table, key) == _rows(ref, table, key), table
        assert pq.events() == ref.events()  # the listing query, typed as in DuckDB
    parts = {p.parent.name for p in (tmp_path / "pq" / "events").rglob("*.parquet")}
    assert parts == {"month=01", "month=02", "month=03", "month=04"}


def _rounded(value: object) -> object:
    """``value`` with every float rounded to 9 places, through lists and dicts."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def test_network_and_relations_read_in_place(tmp_path: Path) -> None:
    ingest_parquet(ARTICLES, tmp_path / "pq", batch_size=4)
    with _duckdb(tmp_path, ARTICLES) as ref, open_parquet(tmp_path / "pq") as pq:
        edges = network_edges(pq)
        # sums of floats aggregated on several threads may differ in the last bit
        assert _rounded(edges) == _rounded(network_edges(ref))
        assert {(e["source"], e["target"]) for e in edges} == {
            ("irn", "pij"),
            ("isr", "pij"),
            ("irn", "isr"),
        }
        window = Window(dt.date(2024, 1, 1), dt.date(2024, 4, 30))
        series = dyad_series(pq, ["irn"], ["pij"], by="month", window=window)
        expected = dyad_series(ref, ["irn"], ["pij"], by="month", window=window)
        pd.testing.assert_frame_equal(series, expected, check_exact=False, rtol=1e-9)
        assert int(series["events"].sum()) > 0


def test_reingest_adds_nothing_and_rewrites_nothing(tmp_path: Path) -> None:
    ingest_parquet(ARTICLES[:6], tmp_path / "pq", batch_size=3)
    files = {p: p.stat().st_mtime_ns for p in (tmp_path / "pq").rglob("*.parquet")}
    again = ingest_parquet(ARTICLES[:6] + ARTICLES[:2], tmp_path / "pq", batch_size=3)
    assert (again.read, again.already, again.new, again.batches) == (6, 6, 0, 0)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "pq").rglob("*.parquet")} == files
    more = ingest_parquet(ARTICLES, tmp_path / "pq", batch_size=3)
    assert (more.already, more.new) == (6, 4)
    with open_parquet(tmp_path / "pq") as pq:
        assert pq.counts()["articles"] == 10


def test_a_failure_mid_ingest_leaves_whole_batches_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "pq"
    commit = ParquetStore.commit
    calls = []

    def crash_on_third(self: ParquetStore, batch: object) -> None:
        calls.append(batch)
        if len(calls) == 3:  # the third batch's files are written, its manifest is not
            raise KeyboardInterrupt("killed")
        commit(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(ParquetStore, "commit", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        ingest_parquet(ARTICLES, root, batch_size=3)
    (root / "events" / "year=2024" / "month=01" / ".part-x.parquet.123.tmp").write_bytes(b"PAR1")
    with open_parquet(root) as pq:
        partial = pq.counts()
        stored = {a for (a,) in pq.con.execute("SELECT article_id FROM articles").fetchall()}
        assert partial["articles"] == 6 and partial["events"] == 6 and partial["sentences"] == 6
        # every visible event, fact and sentence belongs to a visible article
        for table in ("events", "facts", "sentences", "mentions"):
            ids = {a for (a,) in pq.con.execute(f"SELECT article_id FROM {table}").fetchall()}
            assert ids <= stored, table

    monkeypatch.setattr(ParquetStore, "commit", commit)
    resumed = ingest_parquet(ARTICLES, root, batch_size=3)
    assert resumed.swept > 0 and (resumed.already, resumed.new) == (6, 4)
    assert len(list(root.rglob("*.tmp"))) == 0
    listed = {f for b in ParquetStore(root).batches() for fs in b.files.values() for f in fs}
    assert {str(p.relative_to(root)) for p in root.rglob("*.parquet")} == listed  # no strays
    with _duckdb(tmp_path, ARTICLES) as ref, open_parquet(root) as pq:
        assert pq.counts() == ref.counts()
        for table, key in KEYS.items():
            assert _rows(pq, table, key) == _rows(ref, table, key), table


def test_one_ingest_at_a_time(tmp_path: Path) -> None:
    store = ParquetStore.create(tmp_path / "pq")
    with store.lock(), pytest.raises(StoreError, match="another ingest"):
        ingest_parquet(ARTICLES[:1], tmp_path / "pq")


def test_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not empty"):
        ParquetStore.create(tmp_path)
    with pytest.raises(StoreError, match="not a realpolitik Parquet store"):
        open_parquet(tmp_path)


def _write_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        day = dt.date(2024, 1 + i % 4, 1 + i % 27)
        text = f"Report {i}: the two sides met in Tehran and 80 people were displaced."
        (folder / f"a{i}.txt").write_text(f"date {day.isoformat()}\n{text}\n")
    (folder / "bad.jsonl").write_text('{"text": "fine", "date": "2024-01-02"}\n{"date": "x"}\n')
    return folder


def _fake_from_text(articles: Iterable[Article]) -> Iterator[Coded]:
    for a in articles:
        body = a.body.strip()
        i = int(body.split()[1].rstrip(":")) if body.startswith("Report") else 0
        yield _coded(Article(a.article_id, a.date, f"Report {i}: {a.text}"))


def test_cli_ingest_parquet_then_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakePipeline()
    monkeypatch.setattr(fake, "code_many", _fake_from_text)
    monkeypatch.setattr(cluster_run, "worker_pipeline", lambda: fake)
    corpus = _write_articles(tmp_path / "in", 5)
    runner = CliRunner()
    root = tmp_path / "pq"
    result = runner.invoke(main, ["ingest", str(corpus), "--parquet", str(root)])
    assert result.exit_code == 0, result.output
    assert f"{corpus / 'bad.jsonl'}:2" in result.stderr
    assert "6 stored, 0 already in the store, 1 bad record(s) skipped" in result.stdout
    again = runner.invoke(main, ["ingest", str(corpus), "--parquet", str(root)])
    assert "0 stored, 6 already in the store" in again.stdout
    listed = runner.invoke(main, ["events", "--parquet", str(root), "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    assert len(listed.stdout.splitlines()) == 6
    as_db = runner.invoke(main, ["events", "--db", str(root), "--format", "jsonl"])
    assert as_db.exit_code == 0 and as_db.stdout == listed.stdout
    facts = runner.invoke(
        main, ["facts", "--parquet", str(root), "--by", "kind", "--format", "csv"]
    )
    assert facts.exit_code == 0 and "displaced" in facts.stdout
    network = runner.invoke(main, ["network", "--db", str(root), "--format", "json"])
    assert network.exit_code == 0, network.output
    assert json.loads(network.stdout)["edges"], "the network reads the Parquet store in place"


def test_cli_usage_errors(tmp_path: Path) -> None:
    corpus = _write_articles(tmp_path / "in", 1)
    runner = CliRunner()
    no_dir = runner.invoke(main, ["ingest", str(corpus), "--scheduler", "tcp://h:8786"])
    assert no_dir.exit_code == 2 and "--parquet" in no_dir.stderr
    bad = runner.invoke(
        main, ["ingest", str(corpus), "--parquet", str(tmp_path / "pq"), "--scheduler", "h:8786"]
    )
    assert bad.exit_code == 2 and "tcp://HOST:8786" in bad.stderr
    workers = runner.invoke(
        main, ["ingest", str(corpus), "--parquet", str(tmp_path / "pq"), "--scheduler", "local:x"]
    )
    assert workers.exit_code == 2 and "local:N" in workers.stderr
    missing = runner.invoke(main, ["events", "--parquet", str(tmp_path / "nothing")])
    assert missing.exit_code == 1


def test_the_api_serves_a_parquet_store(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from realpolitik.api import create_app

    ingest_parquet(ARTICLES, tmp_path / "pq", batch_size=4)
    with TestClient(create_app(tmp_path / "pq", cache=False)) as client:
        overview = client.get("/api/overview")
        assert overview.status_code == 200
        assert overview.json()["counts"]["events"] == 10
        network = client.get("/api/network").json()
        assert {(e["source"], e["target"]) for e in network["edges"]} == {
            ("irn", "pij"),
            ("isr", "pij"),
            ("irn", "isr"),
        }
