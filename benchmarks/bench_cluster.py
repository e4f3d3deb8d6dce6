"""Ingest throughput: the DuckDB path in one process against a Dask LocalCluster writing the
Parquet store, on the bundled sample corpus (``--copies N``: N copies with shifted dates).

Both paths are timed warm (pipelines already loaded: the steady state of a long ingest)
and cold (the whole ingest, cluster start and pipeline loads included).  CPU seconds are
the driver's plus, for the cluster, every worker's.  On a 2-core machine expect little
gain: the workers share the cores the single process had.

.venv/bin/python benchmarks/bench_cluster.py [--workers 2] [--copies 1]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import tempfile
import time
from pathlib import Path

from realpolitik.cli.articles import ingest_articles, sample_corpus
from realpolitik.cluster import ingest_parquet, open_parquet
from realpolitik.cluster.run import worker_pipeline
from realpolitik.ingest import BadRecord, read
from realpolitik.model import Article
from realpolitik.store import Store


def corpus(copies: int) -> list[Article]:
    base = [a for a in read([str(sample_corpus())]) if not isinstance(a, BadRecord)]
    out = []
    for k in range(copies):
        for a in base:
            day = a.date.replace(year=a.date.year - k) if k else a.date
            out.append(dataclasses.replace(a, date=day, article_id=Article.make_id(a.body, day)))
    return out


def duckdb_path(articles: list[Article], folder: Path, *, warm: bool) -> dict[str, float]:
    if warm:
        worker_pipeline()
    else:
        worker_pipeline.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    with Store.open(folder / f"bench-{warm}.duckdb") as store:
        totals = ingest_articles(store, articles, progress=False, pipeline=worker_pipeline())
    return {"articles": totals["new"], "events": totals["events"],
            "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}  # fmt: skip


def cluster_path(
    articles: list[Article], folder: Path, *, workers: int, warm: bool
) -> dict[str, float]:
    from distributed import Client, LocalCluster

    wall, cpu = time.perf_counter(), time.process_time()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)  # fmt: skip
    with Client(cluster) as client:
        if warm:
            client.run(worker_pipeline)
            wall, cpu = time.perf_counter(), time.process_time()
        before = client.run(time.process_time)
        root = folder / f"bench-{warm}-parquet"
        totals = ingest_parquet(articles, root, scheduler=client.scheduler.address)
        after = client.run(time.process_time)
        elapsed = time.perf_counter() - wall
        worker_cpu = sum(after[w] - before[w] for w in after if w in before)
    cluster.close()
    with open_parquet(root) as store:
        assert store.counts()["articles"] == totals.new
    return {"articles": totals.new, "events": totals.events, "batches": totals.batches,
            "wall": elapsed, "cpu": time.process_time() - cpu + worker_cpu}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    articles = corpus(args.copies)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for warm in (True, False):
            label = "warm" if warm else "cold"
            results[f"duckdb_{label}"] = duckdb_path(articles, folder, warm=warm)
            results[f"cluster_{label}"] = cluster_path(
                articles, folder, workers=args.workers, warm=warm
            )
    print(f"{len(articles)} articles, LocalCluster of {args.workers} worker(s), "
          f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    for name, r in results.items():
        r["articles_per_s"] = r["articles"] / r["wall"]
        r["articles_per_cpu_s"] = r["articles"] / r["cpu"]
        print(f"  {name:<14} {r['articles']:>5} articles {r['events']:>6} events  "
              f"wall {r['wall']:7.1f} s  cpu {r['cpu']:7.1f} s  "
              f"{r['articles_per_s']:6.2f} articles/s  {r['articles_per_cpu_s']:6.2f} per cpu-s")  # fmt: skip
    for label in ("warm", "cold"):
        ratio = (
            results[f"cluster_{label}"]["articles_per_s"]
            / results[f"duckdb_{label}"]["articles_per_s"]
        )
        print(f"  cluster / duckdb articles/s ({label}): {ratio:.2f}")
    print(json.dumps({k: {m: round(v, 3) for m, v in r.items()} for k, r in results.items()}))


if __name__ == "__main__":
    main()
