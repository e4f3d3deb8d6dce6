"""The stored clusters table, kept up to date batch by batch, equals clustering from scratch."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa
import pytest

from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA, Store
from realpolitik.store.analytics import (
    META_SCHEMA,
    STORED_WINDOW,
    clusters,
    clusters_ready,
    clusters_sql,
    delete_originals,
    insert_imported,
)

START = dt.date(2024, 1, 1)


def _rows(rng: random.Random, first: int, n: int, *, version: int = 1) -> list[dict]:
    rows = []
    for i in range(first, first + n):
        row = dict.fromkeys(EVENT_COLUMNS)
        code = rng.choice(["042", "043", "190", "195", "111"])
        row.update(event_id=f"r{i:05d}", dataset=rng.choice(["x", "x", "y"]),
                   original_id=f"o{i:05d}", date=START + dt.timedelta(days=rng.randrange(40)),
                   source_id=rng.choice("ab"), target_id=rng.choice("bc"), cameo_code=code,
                   cameo_root=code[:2], quad_class=4 if code[0] == "1" else 1,
                   goldstein=rng.uniform(-10, 5),
                   location_country=rng.choice([None, None, "PSE", "ISR"]))  # fmt: skip
        rows.append(row)
    return rows


def _insert(store: Store, rows: list[dict], *, versioned: bool = False, version: int = 1) -> None:
    events = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
    n = events.num_rows
    meta = pa.Table.from_arrays(
        [events["event_id"], pa.nulls(n, pa.string()), pa.nulls(n, pa.string()),
         pa.nulls(n, pa.int32()), pa.nulls(n, pa.int32()), pa.array([version] * n, pa.int64())],
        schema=META_SCHEMA,
    )  # fmt: skip
    insert_imported(store, events, meta, versioned=versioned)


def _stored(store: Store) -> set[tuple]:
    frame = clusters(store)
    return {(tuple(r.report_ids), r.location_country, r.n_reports, r.date, r.last_date)
            for r in frame.itertuples()}  # fmt: skip


def _scratch(store: Store) -> set[tuple]:
    sql = clusters_sql("TRUE", window=STORED_WINDOW)
    frame = store.con.execute(sql).df()
    return {(tuple(r.report_ids), r.location_country, r.n_reports, r.date, r.last_date)
            for r in frame.itertuples()}  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batches_deletions_and_updates_match_a_full_clustering(tmp_path, seed):
    rng = random.Random(seed)
    with Store.open(tmp_path / "s.duckdb") as store:
        first = 0
        for size in (60, 25, 1, 40, 10):
            _insert(store, _rows(rng, first, size))
            first += size
            assert _stored(store) == _scratch(store)
        gone = [f"o{k:05d}" for k in rng.sample(range(first), 30)]
        assert delete_originals(store, "x", gone) > 0
        assert _stored(store) == _scratch(store)
        # a newer version of some rows moves them to other dates, dyads and places
        moved = _rows(rng, 0, 50, version=2)
        _insert(store, moved, versioned=True, version=2)
        assert _stored(store) == _scratch(store)
        assert len(_stored(store)) > 20


def test_a_store_without_the_table_gets_it_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        _insert(store, _rows(random.Random(0), 0, 50))
        store.con.execute("DELETE FROM clusters")
        store.con.execute("DELETE FROM store_state")
        assert not clusters_ready(store)
    with Store.open(path, read_only=True) as store:  # read-only: clustered at query time
        assert not clusters_ready(store)
        expected = _stored(store)
    with Store.open(path) as store:
        assert clusters_ready(store)
        assert _stored(store) == expected == _scratch(store)


def test_add_events_keeps_the_clusters_too(tmp_path):
    rng = random.Random(7)
    with Store.open(tmp_path / "s.duckdb") as store:
        for first in (0, 30, 60):
            store.add_events(pa.Table.from_pylist(_rows(rng, first, 30), schema=EVENT_SCHEMA))
            assert _stored(store) == _scratch(store)
