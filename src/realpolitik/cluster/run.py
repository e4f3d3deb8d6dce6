"""Ingest into a Parquet store, in this process or on a Dask cluster.

The driver (this process) skips articles the store already holds, cuts the rest into
batches and hands them out; each worker loads the coding pipeline once, codes its batch
and writes the batch's Parquet files; the driver commits each written batch (its manifest
lands last).  A batch that fails, or a driver or worker killed mid-batch, leaves files that
no manifest lists: invisible to readers, swept by the next ingest, which codes those
articles again.  Dask re-runs the task of a worker that dies on another worker.
"""

from __future__ import annotations

import functools
import logging
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.cluster.parquet import BatchFiles, ParquetStore
from realpolitik.errors import StoreError, UsageError
from realpolitik.model import Article

if TYPE_CHECKING:
    from distributed import Client

    from realpolitik.coding import Pipeline

#: Batches per worker thread that keep every worker busy while others finish (and bound how
#: much article text waits on the scheduler).
IN_FLIGHT_PER_THREAD = 2
MIN_BATCH, MAX_BATCH = 4, 256


@dataclass(frozen=True, slots=True)
class Totals:
    read: int  # distinct articles given
    already: int  # already in the store
    new: int  # stored by this run
    events: int
    facts: int
    batches: int
    swept: int  # files of interrupted runs deleted


@functools.lru_cache(maxsize=1)
def worker_pipeline() -> Pipeline:
    """The coding pipeline of this process, loaded on first use and kept (one per worker)."""
    from realpolitik.coding import Pipeline

    return Pipeline.load()


def code_batch(articles: Sequence[Article], root: str) -> BatchFiles:
    """A worker's task: code ``articles`` and write their files under ``root`` (uncommitted)."""
    coded = list(worker_pipeline().code_many(articles))
    return ParquetStore(root).write_batch(coded)


def batch_size_for(n_articles: int, threads: int) -> int:
    """About four batches per worker thread, within [MIN_BATCH, MAX_BATCH] articles."""
    return max(MIN_BATCH, min(MAX_BATCH, math.ceil(n_articles / max(1, 4 * threads))))


def ingest_parquet(
    articles: Iterable[Article],
    root: str | Path,
    *,
    scheduler: str | None = None,
    batch_size: int | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> Totals:
    """Code ``articles`` and store them in the Parquet store at ``root``.

    ``scheduler``: ``None`` codes in this process; ``"local"`` or ``"local:N"`` starts a
    Dask LocalCluster of N worker processes (default: one per core), one thread each;
    anything else is a Dask scheduler address (``tcp://HOST:8786``) whose workers have
    realpolitik installed and see ``root`` at the same path.  ``on_batch`` is called with the
    number of articles of each stored batch (a progress bar).
    """
    folder = ParquetStore.create(root)
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.article_id, article)
    with folder.lock():
        swept = folder.sweep()
        known = folder.known_articles()
        todo = [a for a in unique.values() if a.article_id not in known]
        stored = Totals(len(unique), len(unique) - len(todo), 0, 0, 0, 0, swept)
        if not todo:
            return stored
        with _executor(scheduler) as run:
            size = batch_size or batch_size_for(len(todo), run.threads)
            batches = [todo[i : i + size] for i in range(0, len(todo), size)]
            for written in run.map(batches, str(folder.root)):
                folder.commit(written)
                stored = Totals(
                    stored.read, stored.already, stored.new + written.counts["articles"],
                    stored.events + written.counts["events"],
                    stored.facts + written.counts["facts"], stored.batches + 1, swept,
                )  # fmt: skip
                if on_batch:
                    on_batch(written.counts["articles"])
    return stored


class _Local:
    """Batches coded one after another in this process."""

    threads = 1

    def map(self, batches: list[list[Article]], root: str) -> Iterator[BatchFiles]:
        for batch in batches:
            yield code_batch(batch, root)


class _Dask:
    """Batches coded on a Dask cluster, a bounded number in flight, stored as they finish."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.threads = max(1, sum(client.nthreads().values()))

    def map(self, batches: list[list[Article]], root: str) -> Iterator[BatchFiles]:
        from distributed import as_completed

        pending = iter(batches)
        submitted = [
            self._submit(b, root) for b in _take(pending, IN_FLIGHT_PER_THREAD * self.threads)
        ]
        # as_completed waits on the *default* client's loop unless told otherwise; with a
        # second client in the process (the caller's own) that loop is the wrong one and
        # future.result() fails with "bound to a different event loop" (dask/distributed#4357)
        running = as_completed(submitted, loop=self.client.loop)
        try:
            for future in running:
                try:
                    written = future.result()
                except Exception as exc:
                    raise StoreError(
                        f"a batch failed on the cluster: {exc}; batches stored so far stay "
                        "stored, run the ingest again to code the rest"
                    ) from exc
                for batch in _take(pending, 1):
                    submitted.append(self._submit(batch, root))
                    running.add(submitted[-1])
                future.release()
                yield written
        finally:
            self.client.cancel([f for f in submitted if not f.done()])

    def _submit(self, batch: list[Article], root: str) -> Any:
        return self.client.submit(code_batch, batch, root)


def _take(items: Iterator[list[Article]], n: int) -> list[list[Article]]:
    out = []
    for _ in range(n):
        try:
            out.append(next(items))
        except StopIteration:
            break
    return out


@contextmanager
def _executor(scheduler: str | None) -> Iterator[_Local | _Dask]:
    if scheduler is None:
        yield _Local()
        return
    with _client(scheduler) as client:
        yield _Dask(client)


def _client(scheduler: str) -> AbstractContextManager[Client]:
    """A client of the cluster ``scheduler`` names (``local[:N]`` starts one here)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency, but say what to do
        raise UsageError(
            "--scheduler needs dask.distributed: pip install 'dask[distributed]'"
        ) from exc
    if scheduler == "local" or scheduler.startswith("local:"):
        workers = scheduler.partition(":")[2]
        if workers and not workers.isdigit():
            raise UsageError(f"--scheduler {scheduler!r}: write local or local:N (N workers)")
        n = int(workers) if workers else (os.cpu_count() or 1)
        return _local_cluster(max(1, n), Client, LocalCluster)
    if "://" not in scheduler:
        raise UsageError(
            f"--scheduler {scheduler!r}: give a scheduler address such as tcp://HOST:8786, "
            "or local[:N]"
        )
    return _remote(scheduler, Client)


@contextmanager
def _remote(scheduler: str, client_cls: Any) -> Iterator[Client]:
    try:
        client = client_cls(scheduler, timeout="30s")
    except OSError as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()  # the cluster stays up: it is not ours


@contextmanager
def _local_cluster(n: int, client_cls: Any, cluster_cls: Any) -> Iterator[Client]:
    cluster = cluster_cls(n_workers=n, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR)  # fmt: skip
    try:
        with client_cls(cluster) as client:
            yield client
    finally:
        cluster.close()
