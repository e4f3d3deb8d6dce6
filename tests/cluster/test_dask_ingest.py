"""``realpolitik ingest --scheduler`` on a real dask.distributed LocalCluster (two worker
processes, one thread each) with the real coding pipeline: the same rows as the DuckDB
path, idempotent re-runs, bad records named, and whole batches only after a worker or the
driver is killed mid-ingest."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.cli.articles import sample_corpus
from realpolitik.cluster import ParquetStore, ingest_parquet, open_parquet
from realpolitik.ingest import BadRecord, read
from realpolitik.store import Store

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

N_ARTICLES = 8
KEYS = {"articles": "article_id", "sentences": "article_id, idx", "events": "event_id",
        "facts": "fact_id", "mentions": "article_id, start_char, end_char, actor_id"}  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(sample_corpus().glob("*.txt"))[:N_ARTICLES]:
        shutil.copy(path, folder / path.name)
    (folder / "feed.jsonl").write_text(
        '{"text": "Israeli troops raided Jenin.", "date": "2024-03-01"}\n{"date": "2024-03-02"}\n'
    )
    return folder


@pytest.fixture(scope="module")
def duckdb_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The default DuckDB ingest of the same corpus, started first to overlap the cluster's."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    command = [sys.executable, "-m", "realpolitik", "ingest", str(corpus), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    yield process, db
    process.kill()


@pytest.fixture(scope="module")
def client(duckdb_run: Any) -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def reference(duckdb_run: Any, client: Any) -> dict[str, list[tuple[Any, ...]]]:
    process, db = duckdb_run
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert "1 bad record(s) skipped" in out
    with Store.open(db, read_only=True) as store:
        return {t: _rows(store, t, k) for t, k in KEYS.items()}


def _rows(store: Store, table: str, key: str) -> list[tuple[Any, ...]]:
    columns = [
        c for (c,) in store.con.execute(
            f"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'ingested_at'"
        ).fetchall()
    ]  # fmt: skip
    return store.con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}").fetchall()


def _parquet_rows(root: Path) -> dict[str, list[tuple[Any, ...]]]:
    with open_parquet(root) as store:
        return {t: _rows(store, t, k) for t, k in KEYS.items()}


def _ingest(corpus: Path, root: Path, address: str) -> Any:
    args = ["ingest", str(corpus), "--parquet", str(root), "--scheduler", address]
    return CliRunner().invoke(main, [*args, "--batch-size", "2"])


def test_cluster_ingest_equals_duckdb_and_is_idempotent(
    client: Any, corpus: Path, reference: dict, tmp_path: Path
) -> None:
    root = tmp_path / "pq"
    first = _ingest(corpus, root, client.scheduler.address)
    assert first.exit_code == 0, first.output
    assert f"{corpus / 'feed.jsonl'}:2" in first.stderr  # the bad record, by file and line
    assert (
        f"{N_ARTICLES + 1} stored, 0 already in the store, 1 bad record(s) skipped" in first.stdout
    )
    assert len(ParquetStore(root).batches()) == 5  # batches of two articles
    assert _parquet_rows(root) == reference
    assert len(reference["events"]) > 0

    files = {p: p.stat().st_mtime_ns for p in root.rglob("*.parquet")}
    again = _ingest(corpus, root, client.scheduler.address)
    assert again.exit_code == 0, again.output
    assert f"0 stored, {N_ARTICLES + 1} already in the store" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*.parquet")} == files


def test_a_worker_killed_mid_ingest_is_replaced(
    client: Any, corpus: Path, reference: dict, tmp_path: Path
) -> None:
    articles = [a for a in read([str(corpus)]) if not isinstance(a, BadRecord)]
    pids = client.run(os.getpid)
    killed = threading.Event()

    def kill_one(_: int) -> None:  # after the first stored batch, the other is mid-batch
        if not killed.is_set():
            killed.set()
            os.kill(max(pids.values()), signal.SIGKILL)

    totals = ingest_parquet(
        articles, tmp_path / "pq", scheduler=client.scheduler.address, batch_size=1,
        on_batch=kill_one,
    )  # fmt: skip
    assert killed.is_set() and totals.new == N_ARTICLES + 1
    assert _parquet_rows(tmp_path / "pq") == reference
    client.wait_for_workers(2, timeout=120)
    assert max(pids.values()) not in client.run(os.getpid).values()  # it was replaced


def test_a_killed_driver_leaves_whole_batches_and_resumes(
    client: Any, corpus: Path, reference: dict, tmp_path: Path
) -> None:
    root = tmp_path / "pq"
    command = [sys.executable, "-m", "realpolitik", "ingest", str(corpus), "--parquet", str(root),
               "--scheduler", client.scheduler.address, "--batch-size", "1"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if len(list((root / "_batches").glob("*.json"))) >= 2:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)

    partial = _parquet_rows(root)
    stored = {row[0] for row in partial["articles"]}
    assert 0 < len(stored) < N_ARTICLES + 1, "the kill should land mid-ingest"
    for table in ("events", "facts", "sentences", "mentions"):  # all of their rows, no others
        expected = [r for r in reference[table] if _article_of(table, r) in stored]
        assert partial[table] == expected, table

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(stored)} already in the store" in resumed.stdout
    assert _parquet_rows(root) == reference
    listed = {f for b in ParquetStore(root).batches() for fs in b.files.values() for f in fs}
    assert {str(p.relative_to(root)) for p in root.rglob("*.parquet")} == listed


def _article_of(table: str, row: tuple[Any, ...]) -> Any:
    """The article id of a row (its position in the table's columns)."""
    return row[{"events": 3, "facts": 1}.get(table, 0)]
