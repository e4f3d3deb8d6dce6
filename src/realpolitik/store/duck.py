"""The DuckDB event store: the only module that speaks SQL.

Writes happen in one transaction per batch: a crash or a kill mid-ingest leaves the store as
it was before the batch (DuckDB rolls back an uncommitted transaction when it reopens the
file).  Every table is keyed by content-derived ids, so re-ingesting changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from realpolitik.errors import StoreError
from realpolitik.model import Coded, Event, Fact

EVENT_COLUMNS = (
    "event_id", "dataset", "original_id", "article_id", "date",
    "source_text", "source_id", "source_name", "source_country", "source_sector", "source_cameo",
    "target_text", "target_id", "target_name", "target_country", "target_sector", "target_cameo",
    "plover_event", "plover_mode", "plover_context", "cameo_code", "cameo_root", "quad_class",
    "goldstein", "location_name", "location_country", "lat", "lon", "location_precision",
    "confidence", "evidence_text", "evidence_start", "evidence_end", "trigger_start", "trigger_end",
)  # fmt: skip

FACT_COLUMNS = (
    "fact_id", "article_id", "date", "kind", "value", "unit", "qualifier", "of_what",
    "location_name", "location_country", "lat", "lon", "location_precision", "attribution",
    "perpetrator", "cumulative", "evidence_text", "evidence_start", "evidence_end",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorQuery:
    """Who a filter means: actor ids from the knowledge base, else a name to match loosely."""

    ids: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Filter:
    actor: ActorQuery | None = None
    source: ActorQuery | None = None
    target: ActorQuery | None = None
    types: tuple[str, ...] = ()  # PLOVER types, CAMEO codes or roots, or fact kinds
    since: dt.date | None = None
    until: dt.date | None = None
    datasets: tuple[str, ...] = ()
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class IngestCounts:
    articles: int
    events: int
    facts: int


class Store:
    """A realpolitik store in one DuckDB file (``":memory:"`` for a throw-away one)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        target = str(path)
        try:
            if read_only:
                con = duckdb.connect(target, read_only=True)
            else:
                if target != ":memory:":
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                con = duckdb.connect(target)
                for sql in _schema_files():
                    con.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {target}: {exc}") from exc
        store = cls(con, target)
        if not read_only:
            from realpolitik.store.analytics import ensure_clusters

            ensure_clusters(store)  # once, for a store written before the clusters table
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: the batch is committed whole or rolled back whole."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- writing -----------------------------------------------------------------------

    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(set(article_ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE list_contains(?, article_id)", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: Sequence[Coded]) -> IngestCounts:
        """Store coded articles in one transaction; articles already stored are skipped."""
        known = self.known_articles(c.article.article_id for c in batch)
        fresh: dict[str, Coded] = {}
        for coded in batch:
            if coded.article.article_id not in known:
                fresh.setdefault(coded.article.article_id, coded)
        if not fresh:
            return IngestCounts(0, 0, 0)
        items = list(fresh.values())
        events = [e for c in items for e in c.events]
        facts = [f for c in items for f in c.facts]
        with self.transaction() as con:
            self._insert(con, "articles", _articles_table(items))
            self._insert(con, "sentences", _sentences_table(items))
            self._insert(con, "mentions", _mentions_table(items))
            _insert_events(con, events_table(events))
            self._insert(con, "facts", _facts_table(facts))
        return IngestCounts(len(items), len(events), len(facts))

    def add_events(self, table: pa.Table) -> int:
        """Insert imported events (columns named as in ``EVENT_COLUMNS``); existing ids win."""
        with self.transaction() as con:
            return _insert_events(con, table)

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> int:
        if table.num_rows == 0:
            return 0
        con.register("_incoming", table)
        try:
            columns = ", ".join(table.column_names)
            rows = con.execute(
                f"INSERT INTO {name} ({columns}) SELECT {columns} FROM _incoming ON CONFLICT DO NOTHING"
            ).fetchall()
        finally:
            con.unregister("_incoming")
        return int(rows[0][0]) if rows else 0

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for name in ("articles", "sentences", "mentions", "events", "facts"):
            row = self.con.execute(f"SELECT count(*) FROM {name}").fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def events(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        """Stored events as flat rows (newest first), filtered."""
        where, params = _where(flt or Filter(), kind="event")
        limit = _limit(flt)
        sql = f"SELECT * FROM events {where} ORDER BY date DESC, event_id {limit}"
        return self._dicts(sql, params)

    def facts(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        where, params = _where(flt or Filter(), kind="fact")
        limit = _limit(flt)
        sql = f"SELECT * FROM facts {where} ORDER BY date DESC, fact_id {limit}"
        return self._dicts(sql, params)

    def fact_totals(self, flt: Filter | None = None, *, by: str) -> list[dict[str, Any]]:
        """Totals of facts by ``kind`` and ``month`` or ``place``.

        The same figure repeated in several articles (same kind, value, place and date) counts
        once; a cumulative figure ("bringing the toll to 53") is not summed with others: the
        period's largest cumulative figure is reported beside the sum of incremental ones.
        """
        group = {"month": "strftime(date, '%Y-%m')", "place": "coalesce(location_name, '')",
                 "kind": "''"}[by]  # fmt: skip
        where, params = _where(flt or Filter(), kind="fact")
        sql = f"""
            WITH distinct_facts AS (
                SELECT DISTINCT kind, unit, value, cumulative, date, location_name,
                       {group} AS grp
                FROM facts {where}
            )
            SELECT grp AS {by}, kind, unit,
                   sum(value) FILTER (WHERE NOT coalesce(cumulative, false)) AS reported,
                   max(value) FILTER (WHERE coalesce(cumulative, false)) AS cumulative_max,
                   count(*) AS figures
            FROM distinct_facts GROUP BY grp, kind, unit ORDER BY grp, kind, unit
        """
        rows = self._dicts(sql, params)
        if by == "kind":
            for row in rows:
                row.pop("kind_", None)
        return rows

    def top_actors(self, *, limit: int = 10) -> list[dict[str, Any]]:
        sql = """
            SELECT id, any_value(name) AS name, count(*) AS events FROM (
                SELECT source_id AS id, source_name AS name FROM events
                UNION ALL
                SELECT target_id, target_name FROM events WHERE target_id IS NOT NULL
            ) GROUP BY id ORDER BY events DESC, id LIMIT ?
        """
        return self._dicts(sql, [limit])

    def top_dyads(self, *, limit: int = 10) -> list[dict[str, Any]]:
        """Undirected actor pairs by event count, with their cooperation/conflict balance."""
        sql = """
            SELECT least(source_name, target_name) AS a, greatest(source_name, target_name) AS b,
                   count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   round(avg(goldstein), 2) AS mean_goldstein
            FROM events WHERE target_id IS NOT NULL AND source_id <> target_id
            GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?
        """
        return self._dicts(sql, [limit])

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _insert_events(con: duckdb.DuckDBPyConnection, table: pa.Table) -> int:
    """Insert event reports and re-cluster what they touch (inside the caller's transaction)."""
    from realpolitik.store.analytics import refresh_clusters, touch

    added = Store._insert(con, "events", table)
    if added:
        con.register("_touch_events", table)
        try:
            touch(con, "SELECT * FROM _touch_events")
        finally:
            con.unregister("_touch_events")
        refresh_clusters(con)
    return added


def _schema_files() -> list[str]:
    """``schema.sql`` first, then every other ``schema_*.sql`` beside it, in name order."""
    folder = resources.files("realpolitik.store")
    names = sorted(
        p.name for p in folder.iterdir() if p.name.startswith("schema") and p.name.endswith(".sql")
    )
    names.sort(key=lambda n: n != "schema.sql")
    return [folder.joinpath(n).read_text(encoding="utf-8") for n in names]


def date_window(since: dt.date | None, until: dt.date | None) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters for a date window (either end may be open)."""
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append("date >= ?")
        params.append(since)
    if until:
        clauses.append("date <= ?")
        params.append(until)
    return clauses, params


def _limit(flt: Filter | None) -> str:
    if flt is None or flt.limit is None:
        return ""
    return f"LIMIT {int(flt.limit)}"


def _actor_sql(query: ActorQuery, sides: Sequence[str], params: list[Any]) -> str:
    ors = []
    for side in sides:
        if query.ids:
            ors.append(f"list_contains(?, {side}_id)")
            params.append(list(query.ids))
        if query.text:
            ors.append(f"({side}_name ILIKE ? OR {side}_text ILIKE ? OR {side}_country = upper(?))")
            params.extend([f"%{query.text}%", f"%{query.text}%", query.text])
    return "(" + " OR ".join(ors) + ")" if ors else "TRUE"


def _where(flt: Filter, *, kind: str) -> tuple[str, list[Any]]:
    clauses, params = date_window(flt.since, flt.until)
    if kind == "event":
        if flt.actor:
            clauses.append(_actor_sql(flt.actor, ("source", "target"), params))
        if flt.source:
            clauses.append(_actor_sql(flt.source, ("source",), params))
        if flt.target:
            clauses.append(_actor_sql(flt.target, ("target",), params))
        if flt.types:
            clauses.append(
                "(list_contains(?, upper(plover_event)) OR list_contains(?, cameo_code)"
                " OR list_contains(?, cameo_root))"
            )
            upper = [t.upper() for t in flt.types]
            params.extend([upper, list(flt.types), list(flt.types)])
        if flt.datasets:
            clauses.append("list_contains(?, dataset)")
            params.append(list(flt.datasets))
    else:
        if flt.types:
            clauses.append("list_contains(?, kind)")
            params.append([t.lower() for t in flt.types])
        if flt.actor and flt.actor.text:
            clauses.append("(perpetrator ILIKE ? OR location_name ILIKE ? OR of_what ILIKE ?)")
            params.extend([f"%{flt.actor.text}%"] * 3)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def events_table(events: Sequence[Event], *, dataset: str = "realpolitik") -> pa.Table:
    rows: dict[str, list[Any]] = {c: [] for c in EVENT_COLUMNS}
    for e in events:
        src, tgt, loc = e.source, e.target, e.location
        values: dict[str, Any] = {
            "event_id": e.event_id, "dataset": dataset, "original_id": None,
            "article_id": e.article_id, "date": e.date,
            "source_text": src.text, "source_id": src.actor.id, "source_name": src.actor.name,
            "source_country": src.actor.country, "source_sector": src.actor.sector,
            "source_cameo": src.actor.cameo,
            "target_text": tgt.text if tgt else None, "target_id": tgt.actor.id if tgt else None,
            "target_name": tgt.actor.name if tgt else None,
            "target_country": tgt.actor.country if tgt else None,
            "target_sector": tgt.actor.sector if tgt else None,
            "target_cameo": tgt.actor.cameo if tgt else None,
            "plover_event": e.plover.event, "plover_mode": e.plover.mode,
            "plover_context": "|".join(e.plover.context) or None,
            "cameo_code": e.cameo.code, "cameo_root": e.cameo.root,
            "quad_class": e.cameo.quad_class, "goldstein": e.cameo.goldstein,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "location_precision": loc.precision.value if loc else None,
            "confidence": e.confidence, "evidence_text": e.evidence.text,
            "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
            "trigger_start": e.trigger.start if e.trigger else None,
            "trigger_end": e.trigger.end if e.trigger else None,
        }  # fmt: skip
        for c in EVENT_COLUMNS:
            rows[c].append(values[c])
    return pa.table(rows, schema=EVENT_SCHEMA)


_STR, _INT, _DBL = pa.string(), pa.int32(), pa.float64()
_EVENT_TYPES = {
    "date": pa.date32(), "quad_class": _INT, "evidence_start": _INT, "evidence_end": _INT,
    "trigger_start": _INT, "trigger_end": _INT, "goldstein": _DBL, "lat": _DBL, "lon": _DBL,
    "confidence": _DBL,
}  # fmt: skip
#: The Arrow schema of the events table: importers build tables of this shape.
EVENT_SCHEMA = pa.schema([(c, _EVENT_TYPES.get(c, _STR)) for c in EVENT_COLUMNS])


def _facts_table(facts: Sequence[Fact]) -> pa.Table:
    rows: dict[str, list[Any]] = {c: [] for c in FACT_COLUMNS}
    for f in facts:
        loc = f.location
        values = {
            "fact_id": f.fact_id, "article_id": f.article_id, "date": f.date,
            "kind": f.kind.value, "value": float(f.value), "unit": f.unit,
            "qualifier": f.qualifier.value, "of_what": f.of,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "location_precision": loc.precision.value if loc else None,
            "attribution": f.attribution, "perpetrator": f.perpetrator,
            "cumulative": f.cumulative, "evidence_text": f.evidence.text,
            "evidence_start": f.evidence.start, "evidence_end": f.evidence.end,
        }  # fmt: skip
        for c in FACT_COLUMNS:
            rows[c].append(values[c])
    types = {"date": pa.date32(), "value": _DBL, "lat": _DBL, "lon": _DBL,
             "cumulative": pa.bool_(), "evidence_start": _INT, "evidence_end": _INT}  # fmt: skip
    return pa.table(rows, schema=pa.schema([(c, types.get(c, _STR)) for c in FACT_COLUMNS]))


def _articles_table(items: Sequence[Coded]) -> pa.Table:
    arts = [c.article for c in items]
    return pa.table(
        {
            "article_id": [a.article_id for a in arts],
            "date": pa.array([a.date for a in arts], pa.date32()),
            "title": [a.title for a in arts],
            "url": [a.url for a in arts],
            "source": [a.source for a in arts],
            "origin": [a.origin for a in arts],
            "line": pa.array([a.line for a in arts], _INT),
            "body_start": pa.array([a.body_start for a in arts], _INT),
            "text": [a.text for a in arts],
        }
    )


def _sentences_table(items: Sequence[Coded]) -> pa.Table:
    ids, idx, starts, ends = [], [], [], []
    for c in items:
        for i, s in enumerate(c.sentences):
            ids.append(c.article.article_id)
            idx.append(i)
            starts.append(s.start)
            ends.append(s.end)
    return pa.table(
        {"article_id": ids, "idx": pa.array(idx, _INT),
         "start_char": pa.array(starts, _INT), "end_char": pa.array(ends, _INT)}
    )  # fmt: skip


def _mentions_table(items: Sequence[Coded]) -> pa.Table:
    cols: dict[str, list[Any]] = {
        k: [] for k in ("article_id", "start_char", "end_char", "text", "actor_id",
                        "actor_name", "country", "sector", "cameo")
    }  # fmt: skip
    for c in items:
        for m in c.mentions:
            cols["article_id"].append(c.article.article_id)
            cols["start_char"].append(m.start)
            cols["end_char"].append(m.end)
            cols["text"].append(m.text)
            cols["actor_id"].append(m.actor.id)
            cols["actor_name"].append(m.actor.name)
            cols["country"].append(m.actor.country)
            cols["sector"].append(m.actor.sector)
            cols["cameo"].append(m.actor.cameo)
    schema = pa.schema([(k, _INT if k in ("start_char", "end_char") else _STR) for k in cols])
    return pa.table(cols, schema=schema)


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in SPEC.md's event record shape (plus provenance)."""

    def side(prefix: str) -> dict[str, Any] | None:
        if row.get(f"{prefix}_id") is None and row.get(f"{prefix}_text") is None:
            return None
        return {
            k: row.get(f"{prefix}_{k}")
            for k in ("text", "id", "name", "country", "sector", "cameo")
        }

    location = None
    if row.get("location_name") or row.get("lat") is not None:
        location = {
            "name": row.get("location_name"), "country": row.get("location_country"),
            "lat": row.get("lat"), "lon": row.get("lon"), "precision": row.get("location_precision"),
        }  # fmt: skip
    context = row.get("plover_context")
    return {
        "type": "event",
        "event_id": row["event_id"],
        "article_id": row.get("article_id"),
        "date": _iso(row["date"]),
        "source": side("source"),
        "target": side("target"),
        "plover": {"event": row.get("plover_event"), "mode": row.get("plover_mode"),
                   "context": context.split("|") if context else []},
        "cameo": {"code": row.get("cameo_code"), "root": row.get("cameo_root"),
                  "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein")},
        "location": location,
        "confidence": row.get("confidence"),
        "evidence": {"text": row.get("evidence_text"), "start": row.get("evidence_start"),
                     "end": row.get("evidence_end")},
        "dataset": row.get("dataset"),
        "original_id": row.get("original_id"),
    }  # fmt: skip


def fact_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored fact row in SPEC.md's fact record shape."""
    value = row["value"]
    location = None
    if row.get("location_name"):
        location = {
            "name": row.get("location_name"), "country": row.get("location_country"),
            "lat": row.get("lat"), "lon": row.get("lon"), "precision": row.get("location_precision"),
        }  # fmt: skip
    return {
        "type": "fact",
        "fact_id": row["fact_id"],
        "article_id": row["article_id"],
        "date": _iso(row["date"]),
        "kind": row["kind"],
        "value": int(value) if float(value).is_integer() else value,
        "unit": row["unit"],
        "qualifier": row["qualifier"],
        "of": row.get("of_what"),
        "location": location,
        "attribution": row.get("attribution"),
        "evidence": {"text": row.get("evidence_text"), "start": row.get("evidence_start"),
                     "end": row.get("evidence_end")},
        "perpetrator": row.get("perpetrator"),
        "cumulative": row.get("cumulative"),
    }  # fmt: skip


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
