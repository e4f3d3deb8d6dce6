"""A partitioned Parquet event store: written by many workers at once, read in place.

Layout of a store folder ``DIR``::

    DIR/_realpolitik.json                          marks the folder as a store (format version)
    DIR/{articles,sentences,mentions}/year=YYYY/month=MM/part-<batch>.parquet   by article date
    DIR/{events,facts}/year=YYYY/month=MM/part-<batch>.parquet                  by record date
    DIR/_batches/<batch>.json                      one manifest per stored batch: the commit

Crash safety: every file is written under a hidden temporary name beside its final one and
renamed into place (atomic on a POSIX filesystem), and a batch is *stored* only once its
manifest lands, after all of its data files.  Readers (:func:`open_parquet`) read only the
files that manifests list, so a kill at any moment leaves only whole batches visible.  A
batch's name is a hash of its article ids, so writing it again rewrites the same files;
files of a batch that never got its manifest are swept by the next ingest.  Re-ingesting
is idempotent: articles that a manifest lists are skipped.

Engines other than realpolitik (DuckDB alone, Spark, Trino) can query the data files in
place with hive partitioning; they see every landed file, so between a crash and the next
ingest they may see part of an unfinished batch (``_batches`` lists the stored ones).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from realpolitik.errors import StoreError
from realpolitik.model import Coded, stable_id
from realpolitik.store import Store
from realpolitik.store.duck import (
    _articles_table,
    _facts_table,
    _mentions_table,
    _sentences_table,
    events_table,
)

FORMAT = "realpolitik-parquet"
VERSION = 1
MARKER = "_realpolitik.json"
BATCHES = "_batches"
#: The tables a batch writes, the commit (manifest) coming after all of them.
TABLES = ("articles", "sentences", "mentions", "events", "facts")
#: Tables whose rows are partitioned by the article's date (they have no date of their own).
_BY_ARTICLE = frozenset({"sentences", "mentions"})
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BatchFiles:
    """What a worker wrote for one batch: the manifest the driver commits."""

    batch: str
    article_ids: tuple[str, ...]
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)  # table -> relative paths
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "batch": self.batch,
            "article_ids": list(self.article_ids),
            "files": {k: list(v) for k, v in self.files.items()}, "counts": self.counts,
            "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BatchFiles:
        return cls(
            data["batch"],
            tuple(data["article_ids"]),
            {k: tuple(v) for k, v in data["files"].items()},
            {k: int(v) for k, v in data["counts"].items()},
        )


def batch_id(article_ids: Iterable[str]) -> str:
    """The name of a batch: a hash of its article ids (order does not matter)."""
    return stable_id(*sorted(set(article_ids)))


class ParquetStore:
    """The folder of a Parquet event store: writing batches, committing them, listing them.

    Writing (:meth:`write_batch`) is safe from many processes at once; committing,
    sweeping and the article index belong to the one driver that holds :meth:`lock`.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # -- the folder ------------------------------------------------------------------------

    @classmethod
    def create(cls, root: str | Path) -> ParquetStore:
        """Open the store at ``root``, making the folder if needed; refuses a folder that
        holds other things than a store."""
        store = cls(root)
        marker = store.root / MARKER
        if store.root.exists() and not store.root.is_dir():
            raise StoreError(f"{store.root} is a file, not a Parquet store folder")
        if not marker.exists():
            if store.root.is_dir() and any(store.root.iterdir()):
                raise StoreError(
                    f"{store.root} is not empty and holds no {MARKER}: choose an empty or new "
                    "folder for the Parquet store"
                )
            (store.root / BATCHES).mkdir(parents=True, exist_ok=True)
            _atomic_write(marker, json.dumps({"format": FORMAT, "version": VERSION}).encode())
        store.check()
        return store

    def check(self) -> None:
        """Raise unless ``root`` is a Parquet store of a version this code reads."""
        marker = self.root / MARKER
        try:
            meta = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"{self.root} is not a realpolitik Parquet store (no readable {MARKER}): "
                "write one with 'realpolitik ingest … --parquet DIR'"
            ) from exc
        if meta.get("format") != FORMAT or int(meta.get("version", 0)) > VERSION:
            raise StoreError(f"{marker}: unknown store format {meta!r}; upgrade realpolitik")

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One ingest at a time: an exclusive lock, released when the process ends."""
        path = self.root / "_lock"
        with open(path, "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise StoreError(
                    f"another ingest is writing {self.root} (it holds {path}); wait for it"
                ) from exc
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- writing (workers) -----------------------------------------------------------------

    def write_batch(self, batch: Sequence[Coded]) -> BatchFiles:
        """Write one batch's data files (not its manifest: see :meth:`commit`).

        Rows are de-duplicated on the DuckDB store's keys, first one wins, as its
        ``INSERT … ON CONFLICT DO NOTHING`` does; articles repeated in ``batch`` count once.
        """
        items = _unique(batch)
        name = batch_id(c.article.article_id for c in items)
        day = {c.article.article_id: c.article.date for c in items}
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        articles = _articles_table(items)
        articles = articles.append_column(
            "ingested_at", pa.array([now] * articles.num_rows, pa.timestamp("us"))
        )
        tables = {
            "articles": articles,
            "sentences": _sentences_table(items),
            "mentions": _mentions_table(items),
            "events": events_table([e for c in items for e in c.events]),
            "facts": _facts_table([f for c in items for f in c.facts]),
        }
        files: dict[str, tuple[str, ...]] = {}
        for table, data in tables.items():
            dates = data.column("date") if "date" in data.column_names else None
            if table in _BY_ARTICLE:
                dates = pa.array([day[a] for a in data.column("article_id").to_pylist()],
                                 pa.date32())  # fmt: skip
            files[table] = tuple(self._write_partitions(table, data, dates, name))
        counts = {t: d.num_rows for t, d in tables.items()}
        return BatchFiles(name, tuple(day), files, counts)

    def _write_partitions(self, table: str, data: pa.Table, dates: Any, name: str) -> Iterator[str]:
        if data.num_rows == 0:
            return
        months = pc.strftime(dates, format="year=%Y/month=%m")
        for part in sorted(set(months.to_pylist())):
            rows = data.filter(pc.equal(months, part))
            relative = f"{table}/{part}/part-{name}.parquet"
            target = self.root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
            try:
                pq.write_table(rows, tmp, compression="zstd")
                _fsync(tmp)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            yield relative

    # -- committing and listing (the driver) -----------------------------------------------

    def commit(self, batch: BatchFiles) -> None:
        """Store a written batch: its manifest lands, atomically, after its data files."""
        missing = [f for fs in batch.files.values() for f in fs if not (self.root / f).is_file()]
        if missing:
            raise StoreError(
                f"batch {batch.batch}: {len(missing)} file(s) the workers wrote are not in "
                f"{self.root} (first: {missing[0]}); the workers and the driver must see the "
                "same folder (a shared filesystem)"
            )
        body = json.dumps(batch.to_json(), ensure_ascii=False).encode("utf-8")
        _atomic_write(self.root / BATCHES / f"{batch.batch}.json", body)

    def batches(self) -> list[BatchFiles]:
        """The stored batches, in name order."""
        out = []
        for path in sorted((self.root / BATCHES).glob("*.json")):
            try:
                out.append(BatchFiles.from_json(json.loads(path.read_bytes())))
            except (OSError, ValueError, KeyError) as exc:
                raise StoreError(f"{path}: unreadable batch manifest ({exc})") from exc
        return out

    def known_articles(self) -> set[str]:
        return {a for b in self.batches() for a in b.article_ids}

    def counts(self) -> dict[str, int]:
        totals = dict.fromkeys(TABLES, 0)
        for b in self.batches():
            for table, n in b.counts.items():
                totals[table] = totals.get(table, 0) + n
        return totals

    def sweep(self) -> int:
        """Delete what interrupted runs left: temporary files, and data files of batches
        that have no manifest.  Call under :meth:`lock`, before writing; returns files deleted."""
        stored = {b.batch for b in self.batches()}
        deleted = 0
        for table in TABLES:
            for path in (self.root / table).rglob("*"):
                if not path.is_file():
                    continue
                stray = path.name.endswith(".tmp") or (
                    path.name.startswith("part-")
                    and path.name.removeprefix("part-").removesuffix(".parquet") not in stored
                )
                if stray:
                    path.unlink(missing_ok=True)
                    deleted += 1
        for path in (self.root / BATCHES).glob(".*.tmp"):
            path.unlink(missing_ok=True)
            deleted += 1
        return deleted


def open_parquet(root: str | Path) -> Store:
    """A read-only :class:`~realpolitik.store.Store` over the Parquet store at ``root``.

    DuckDB (in memory) queries the stored batches' files in place through views named and
    typed like the DuckDB store's tables, so every listing, dyad and network query runs
    unchanged.  The view is a snapshot: batches stored after opening are not seen.
    Events are clustered at query time (the DuckDB file keeps a ``clusters`` table).
    """
    folder = ParquetStore(root)
    folder.check()
    files: dict[str, list[str]] = {t: [] for t in TABLES}
    for b in folder.batches():
        for table, names in b.files.items():
            files.setdefault(table, []).extend(str(folder.root / n) for n in names)
    store = Store.open(":memory:")  # the DuckDB store's empty tables: their names and types
    con = store.con
    try:
        con.execute("DELETE FROM store_state WHERE key = 'clusters'")  # cluster at query time
        for table in TABLES:
            if files[table]:
                _view(con, table, files[table])
    except duckdb.Error as exc:
        store.close()
        raise StoreError(f"cannot read the Parquet store {folder.root}: {exc}") from exc
    store.path = str(folder.root)
    return store


def _view(con: duckdb.DuckDBPyConnection, table: str, paths: list[str]) -> None:
    """Replace the empty ``table`` by a view over ``paths`` with the same columns and types
    (hive partition columns are left out)."""
    columns = con.execute(f"SELECT name, type FROM pragma_table_info('{table}')").fetchall()
    select = ", ".join(f'CAST("{n}" AS {t}) AS "{n}"' for n, t in columns)
    listed = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
    con.execute(f"DROP TABLE {table}")
    con.execute(
        f"CREATE VIEW {table} AS SELECT {select} "
        f"FROM read_parquet([{listed}], hive_partitioning = false, union_by_name = true)"
    )


def is_parquet_store(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


def _unique(batch: Sequence[Coded]) -> list[Coded]:
    """One entry per article and one row per store key, first one wins."""
    out: dict[str, Coded] = {}
    for coded in batch:
        if coded.article.article_id not in out:
            out[coded.article.article_id] = replace(
                coded,
                events=_first(coded.events, lambda e: e.event_id),
                facts=_first(coded.facts, lambda f: f.fact_id),
                mentions=_first(coded.mentions, lambda m: (m.start, m.end, m.actor.id)),
            )
    return list(out.values())


def _first(items: Iterable[T], key: Callable[[T], Hashable]) -> tuple[T, ...]:
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(path: Path, data: bytes) -> None:
    """``data`` at ``path`` whole or not at all (temporary file, fsync, rename, fsync dir)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(data)
        _fsync(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
