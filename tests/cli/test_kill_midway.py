"""A kill in the middle of an ingest leaves the store whole: every stored article has all of
its rows, and running the ingest again completes it to the same counts as a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from realpolitik.cli.articles import sample_corpus
from realpolitik.store import Store

pytestmark = pytest.mark.slow


def _ingest(db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "realpolitik", "ingest", str(sample_corpus()), "--db", str(db)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _consistent(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        orphans = store.con.execute(
            "SELECT count(*) FROM events e WHERE e.article_id IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.article_id = e.article_id)"
        ).fetchone()
        bare = store.con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
        ).fetchone()
        assert orphans == (0,) and bare == (0,)
        return store.counts()


def test_killed_ingest_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.duckdb"
    assert _ingest(clean).wait(timeout=600) == 0
    expected = _consistent(clean)

    killed = tmp_path / "killed.duckdb"
    wal = Path(f"{killed}.wal")
    process = _ingest(killed)
    deadline = time.monotonic() + 300
    # kill once the first batch is committed: its rows are in the write-ahead log, and the
    # log has stopped growing for a moment (a kill during the write would undo the batch)
    last, steady_since = 0, time.monotonic()
    while time.monotonic() < deadline and process.poll() is None:
        size = wal.stat().st_size if wal.exists() else 0
        if size != last:
            last, steady_since = size, time.monotonic()
        elif size > 50_000 and time.monotonic() - steady_since > 0.5:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    partial = _consistent(killed)
    assert 0 < partial["articles"] < expected["articles"], "the kill should land mid-ingest"

    assert _ingest(killed).wait(timeout=600) == 0
    assert _consistent(killed) == expected
