"""Dyad and network timings on a store of synthetic events (10 million by default).

Events are spread over ten years (2015-2024) between 400 actors (the pair frequencies are
skewed, as in real data: a few dyads carry most events), with real CAMEO codes, quad
classes and Goldstein weights.  Times: ``relations`` for the busiest dyad by week, and
``network`` for the 2024 window (one year, about a tenth of the store).

.venv/bin/python benchmarks/bench_network.py [--events 10000000] [--db /tmp/bench10m.duckdb]
(the store is kept, and reused when it already holds the events; it is filled in date order,
one ``--chunk`` of days after another, each chunk one import transaction that also updates the
stored clusters)
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from realpolitik.ingest.importers.base import META_COLUMNS
from realpolitik.network import network, relations
from realpolitik.store import EVENT_SCHEMA, Store
from realpolitik.store.analytics import META_SCHEMA, insert_imported

CODES = [("042", 1, 1.9), ("043", 1, 2.8), ("051", 1, 3.4), ("057", 1, 8.0), ("036", 1, 4.0),
         ("061", 2, 6.4), ("070", 2, 7.0), ("0841", 2, 7.0), ("111", 3, -2.0), ("112", 3, -2.0),
         ("130", 3, -4.4), ("172", 4, -5.0), ("173", 4, -5.0), ("190", 4, -10.0),
         ("195", 4, -10.0), ("1823", 4, -9.0)]  # fmt: skip
ACTORS = 400
#: A busy dyad (about 0.5% of all events), not the busiest (about 3%).
A, B = "actor-003", "actor-007"
START = dt.date(2015, 1, 1)
DAYS = 3653


def chunk(
    rng: np.random.Generator, first: int, n: int, days: tuple[int, int] = (0, DAYS)
) -> tuple[pa.Table, pa.Table]:
    src = np.minimum(rng.zipf(1.4, n) - 1, ACTORS - 1)
    tgt = (src + np.minimum(rng.zipf(1.4, n), ACTORS - 1)) % ACTORS
    code = rng.integers(0, len(CODES), n)
    day = rng.integers(*days, n)
    ids = [f"{i:016x}" for i in range(first, first + n)]
    names = np.array([f"actor-{k:03d}" for k in range(ACTORS)], dtype=object)
    country = np.array([f"C{k % 190:02d}" for k in range(ACTORS)], dtype=object)
    codes = np.array([c[0] for c in CODES], dtype=object)
    cols = {
        "event_id": ids, "dataset": ["bench"] * n, "original_id": ids,
        "date": pa.array((np.datetime64(START) + day).astype("datetime64[D]"), pa.date32()),
        "source_id": names[src], "source_name": names[src], "source_country": country[src],
        "target_id": names[tgt], "target_name": names[tgt], "target_country": country[tgt],
        "cameo_code": codes[code], "cameo_root": [c[:2] for c in codes[code]],
        "quad_class": pa.array(np.array([c[1] for c in CODES])[code], pa.int32()),
        "goldstein": np.array([c[2] for c in CODES])[code],
        "location_country": np.where(rng.random(n) < 0.7, country[src], None),
    }  # fmt: skip
    arrays = [pa.array(cols[f.name], f.type) if f.name in cols else pa.nulls(n, f.type)
              for f in EVENT_SCHEMA]  # fmt: skip
    events = pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)
    meta = pa.Table.from_arrays(
        [events["event_id"], *(pa.nulls(n, f.type) for f in list(META_SCHEMA)[1:])],
        schema=META_SCHEMA,
    )
    assert tuple(meta.column_names) == META_COLUMNS
    return events, meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_network.duckdb"))
    parser.add_argument("--chunk", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with Store.open(args.db) as store:
        have = store.counts()["events"]
        t0 = time.perf_counter()
        for first in range(have, args.events, args.chunk):
            # in date order, as data arrives: each chunk covers the next stretch of days
            n = min(args.chunk, args.events - first)
            days = (DAYS * first // args.events, DAYS * (first + n) // args.events)
            insert_imported(store, *chunk(rng, first, n, days))
        if have < args.events:
            print(f"filled {args.events - have:,} events in {time.perf_counter() - t0:.1f} s")
        total = store.counts()["events"]
        for run in range(2):
            t0, c0 = time.perf_counter(), time.process_time()
            frame = relations(store, A, B, by="week")
            rel = time.perf_counter() - t0, time.process_time() - c0
            t0, c0 = time.perf_counter(), time.process_time()
            graph = network(store, since=dt.date(2024, 1, 1), until=dt.date(2024, 12, 31))
            net = time.perf_counter() - t0, time.process_time() - c0
            print(f"run {run + 1}, store of {total:,} events:")
            events = int(frame["events"].sum())
            print(
                f"  relations {A} {B} --by week: {len(frame)} rows, {events:,} events,"
                f" {rel[0]:.2f} s wall, {rel[1]:.2f} s CPU (target < 0.5 s)"
            )
            print(
                f"  network 2024: {graph.number_of_nodes()} nodes,"
                f" {graph.number_of_edges():,} edges, {net[0]:.2f} s wall, {net[1]:.2f} s CPU"
                " (target < 5 s)"
            )


if __name__ == "__main__":
    main()
