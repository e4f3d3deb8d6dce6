"""Set-based queries for imports, event clustering, dyads and the signed network.

Event ≠ report
--------------
The events table holds *reports*: one row per coded sentence, or per row of an imported
dataset.  Every count and score here uses *events*: clusters of reports that share

- the dataset (a GDELT row and an ICEWS row are never merged),
- the directed dyad (``source_id``, ``target_id``),
- the kind of act (CAMEO root, or the PLOVER type when there is no CAMEO code),
- the place (``location_country``; a report with no place joins the place reported by the
  other reports of the same dyad and act on the same day, else it stands for "no place"),
- and dates in a window: the first report opens an event on its date, and reports of the
  same key up to ``window`` days later (default 1) join it; a report after that opens the
  next event.  (Runs of reports with no gap longer than ``window`` days are cut into
  stretches of ``window + 1`` days from their first report.)

An event's date is its first report's date; ``n_reports`` counts its reports (a GDELT row
already stands for ``NumArticles`` reports), ``n_sources`` the distinct outlets behind them
(articles' ``source``, imported rows' publisher or URL), and ``report_ids`` links every
report.  Its Goldstein score is the mean of its reports'; its quad class the most common.

Stored events
-------------
The events for the default window (one day) are kept in the ``clusters`` table, written in
the same transaction as every batch of reports (:func:`insert_imported`,
:func:`delete_originals`, ``Store.add``/``add_events``): :func:`touch` marks the batch's keys
and :func:`refresh_clusters` re-clusters, for each, only the events that end at most one
window before its earliest touched date, and what follows.  A store written before the table
existed gets it (once) when opened for writing; opened read-only, or asked for another
window, the queries cluster at query time.  :func:`dyad_series` and :func:`network_edges`
read the stored events, so an event is counted in a date window when its first report is
(it is not cut at the window's edge).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.store.duck import Store

#: The ``event_meta`` table's Arrow schema (provenance of imported rows).
META_SCHEMA = pa.schema(
    [("event_id", pa.string()), ("report_source", pa.string()), ("story_id", pa.string()),
     ("n_articles", pa.int32()), ("n_sources", pa.int32()), ("version", pa.int64())]
)  # fmt: skip
#: Country codes for what has no country: left out of country-level networks.
NON_COUNTRIES = ("IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS")
_PERIODS = {"day": "1 day", "week": "1 week", "month": "1 month"}


@dataclass(frozen=True, slots=True)
class Window:
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    inserted: int
    updated: int
    unchanged: int


# -- imports ---------------------------------------------------------------------------


def insert_imported(
    store: Store, events: pa.Table, meta: pa.Table, *, versioned: bool = False
) -> StoreOutcome:
    """Insert imported rows and their provenance in one transaction.

    Ids already stored are left alone, unless ``versioned``: then a stored row whose
    ``event_meta.version`` is older than the incoming one is deleted and replaced (ACLED
    re-exports).  Within the batch, the newest version of a repeated id wins.
    """
    if events.num_rows == 0:
        return StoreOutcome(0, 0, 0)
    con = store.con
    with store.transaction():
        con.register("_in_events", events)
        con.register("_in_meta", meta)
        try:
            if pc.count_distinct(events["event_id"]).as_py() == events.num_rows:
                # no repeated id (the usual case): read the batch where it is
                con.execute(
                    "CREATE TEMP VIEW _in AS SELECT e.*, m.version AS _version "
                    "FROM _in_events e POSITIONAL JOIN _in_meta m"
                )
                con.execute("CREATE TEMP VIEW _in_m AS SELECT * FROM _in_meta")
            else:
                con.execute(
                    "CREATE TEMP TABLE _in AS SELECT e.*, m.version AS _version "
                    "FROM _in_events e POSITIONAL JOIN _in_meta m "
                    "QUALIFY row_number() OVER (PARTITION BY e.event_id "
                    "ORDER BY m.version DESC NULLS LAST) = 1"
                )
                con.execute(
                    "CREATE TEMP TABLE _in_m AS SELECT * FROM _in_meta "
                    "QUALIFY row_number() OVER (PARTITION BY event_id "
                    "ORDER BY version DESC NULLS LAST) = 1"
                )
            updated = 0
            if versioned:
                stale = (
                    "SELECT i.event_id FROM _in i JOIN event_meta m USING (event_id) "
                    "WHERE m.version IS NULL OR m.version < i._version"
                )
                found = con.execute(f"SELECT count(*) FROM ({stale})").fetchall()
                updated = int(found[0][0]) if found else 0
                if updated:
                    con.execute(f"CREATE TEMP TABLE _stale AS {stale}")
                    touch(
                        con, "SELECT * FROM events WHERE event_id IN (SELECT event_id FROM _stale)"
                    )
                    con.execute(
                        "DELETE FROM events WHERE event_id IN (SELECT event_id FROM _stale)"
                    )
                    con.execute(
                        "DELETE FROM event_meta WHERE event_id IN (SELECT event_id FROM _stale)"
                    )
                    con.execute("DROP TABLE _stale")
            columns = ", ".join(events.column_names)
            before = _count(store, "events")
            con.execute(
                f"INSERT INTO events ({columns}) SELECT {columns} FROM _in ON CONFLICT DO NOTHING"
            )
            added = _count(store, "events") - before
            con.execute("INSERT INTO event_meta SELECT * FROM _in_m ON CONFLICT DO NOTHING")
            if added:
                touch(con, "SELECT * FROM _in")
            refresh_clusters(con)
        finally:
            with contextlib.suppress(duckdb.Error):  # after a failure the rollback drops them
                kinds = dict(con.execute(
                    "SELECT table_name, table_type FROM information_schema.tables "
                    "WHERE table_name IN ('_in', '_in_m') AND table_schema = 'main' "
                    "AND table_catalog = 'temp'"
                ).fetchall())  # fmt: skip
                for name, kind in kinds.items():
                    con.execute(f"DROP {'VIEW' if kind == 'VIEW' else 'TABLE'} {name}")
                con.unregister("_in_events")
                con.unregister("_in_meta")
    return StoreOutcome(added - updated, updated, events.num_rows - added)


def delete_originals(store: Store, dataset: str, original_ids: Sequence[str]) -> int:
    """Delete a dataset's rows by original id (ACLED's deletions list); returns rows deleted."""
    if not original_ids:
        return 0
    con = store.con
    with store.transaction():
        where = "dataset = ? AND list_contains(?, original_id)"
        params = [dataset, list(original_ids)]
        before = _count(store, "events")
        touch(con, f"SELECT * FROM events WHERE {where}", params)
        con.execute(
            f"DELETE FROM event_meta WHERE event_id IN (SELECT event_id FROM events WHERE {where})",
            params,
        )
        con.execute(f"DELETE FROM events WHERE {where}", params)
        refresh_clusters(con)
        return before - _count(store, "events")


def _count(store: Store, table: str) -> int:
    rows = store.con.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(rows[0][0]) if rows else 0


# -- clustering ------------------------------------------------------------------------


_DYAD_COLUMNS = ("event_id", "dataset", "date", "source_id", "target_id", "source_country",
                 "target_country", "cameo_root", "plover_event", "quad_class", "goldstein",
                 "location_country")  # fmt: skip
_ALL_COLUMNS = (*_DYAD_COLUMNS, "source_name", "target_name", "cameo_code", "evidence_text",
                "article_id")  # fmt: skip
#: The clustering key of a report (alias ``e``): dataset, directed dyad and act.
_KEY = "hash(e.dataset, e.source_id, e.target_id, coalesce(e.cameo_root, e.plover_event, ''))"
#: The window (days) of the stored ``clusters`` table; other windows cluster at query time.
STORED_WINDOW = 1
#: Bumped whenever the stored clusters would differ: an older table is rebuilt on open.
CLUSTERS_VERSION = f"1/window={STORED_WINDOW}"
_HEAD = """min(p.event_id) AS cluster_id, any_value(p.dataset) AS dataset,
           min(p.date) AS date, max(p.date) AS last_date,
           any_value(p.source_id) AS source_id, any_value(p.target_id) AS target_id,
           any_value(p.source_country) AS source_country,
           any_value(p.target_country) AS target_country,
           nullif(any_value(p.place_key), '') AS location_country,
           any_value(p.cameo_root) AS cameo_root, avg(p.goldstein) AS goldstein"""
_SOURCES = ("greatest(count(DISTINCT coalesce(a.source, m.report_source, p.article_id,"
            " p.event_id)), coalesce(max(m.n_sources), 0))::BIGINT")  # fmt: skip
_PROVENANCE = ("LEFT JOIN event_meta m ON m.event_id = p.event_id"
               " LEFT JOIN articles a ON a.article_id = p.article_id")  # fmt: skip
#: The stored table's columns, in its order.
_STORED_SELECT = f"""min(p.event_id) AS cluster_id, any_value(p.k0) AS k0,
           any_value(p.dataset) AS dataset, min(p.date) AS date, max(p.date) AS last_date,
           any_value(p.source_id) AS source_id, any_value(p.target_id) AS target_id,
           any_value(p.source_name) AS source_name, any_value(p.target_name) AS target_name,
           any_value(p.source_country) AS source_country,
           any_value(p.target_country) AS target_country,
           nullif(any_value(p.place_key), '') AS location_country,
           any_value(p.cameo_root) AS cameo_root, mode(p.cameo_code) AS cameo_code,
           mode(p.plover_event) AS plover_event, mode(p.quad_class) AS quad_class,
           avg(p.goldstein) AS goldstein, count(*)::INTEGER AS n_rows,
           sum(coalesce(m.n_articles, 1))::BIGINT AS n_reports, {_SOURCES} AS n_sources,
           list(p.event_id ORDER BY p.date, p.event_id) AS report_ids,
           any_value(p.evidence_text) AS evidence_text"""
#: What :func:`clusters` returns, read from the stored table.
_CLUSTER_FIELDS = ("cluster_id", "dataset", "date", "last_date", "source_id", "target_id",
                   "source_country", "target_country", "location_country", "cameo_root",
                   "goldstein", "source_name", "target_name", "cameo_code", "plover_event",
                   "quad_class", "n_reports", "n_sources", "report_ids",
                   "evidence_text")  # fmt: skip


def _pipeline(base: str, *, window: int, select: str, joins: str = "", keep: str = "") -> str:
    """Reports (``base``: event columns plus their key ``k0``) grouped into events.

    Partitions use one integer hash of the cluster key (dataset, dyad, act, place) so the
    window passes sort narrow rows; the report rows are joined back only to aggregate.  Both
    window passes break ties by report id, so they see the reports in the same order.
    ``keep`` (joins and a WHERE over ``r0``) narrows which placed reports are clustered.
    """
    return f"""
    WITH base AS MATERIALIZED ({base}),
    daily AS (
        SELECT k0, date, max(location_country) AS day_place FROM base GROUP BY k0, date
    ), r0 AS (
        SELECT b.event_id, b.date, b.k0,
               coalesce(b.location_country, d.day_place, '') AS place_key
        FROM base b JOIN daily d ON d.k0 = b.k0 AND d.date = b.date
    ), r AS (
        SELECT r0.event_id, r0.date, r0.place_key, hash(r0.k0, r0.place_key) AS k
        FROM r0 {keep}
    ), g AS (
        SELECT *, CASE WHEN k IS DISTINCT FROM lag(k) OVER w
                         OR date - lag(date) OVER w > {int(window)} THEN 1 ELSE 0 END AS opens
        FROM r WINDOW w AS (ORDER BY k, date, event_id)
    ), i AS (
        SELECT *, sum(opens) OVER w AS island,
               last_value(CASE WHEN opens = 1 THEN date END IGNORE NULLS) OVER w AS island_start
        FROM g WINDOW w AS (ORDER BY k, date, event_id ROWS UNBOUNDED PRECEDING)
    ), q AS (
        SELECT event_id, place_key, island, (date - island_start) // {int(window) + 1} AS part
        FROM i
    ), p AS (
        SELECT q.island, q.part, q.place_key, b.* FROM q JOIN base b USING (event_id)
    )
    SELECT {select}
    FROM p {joins}
    GROUP BY p.island, p.part
    """


def clusters_sql(where: str, *, window: int, mode: str = "full") -> str:
    """SQL clustering, at query time, the reports ``where`` selects (alias ``e``).

    ``mode``: ``"full"`` (every column, ordered report lists, ``n_sources``), ``"lean"``
    (for scores: no ``n_sources``, the smallest code instead of the most common one; the
    reports of one event share their CAMEO root, hence their quad class) or ``"dyad"``
    (counts and Goldstein only: no names, reports or provenance).
    """
    columns = _DYAD_COLUMNS if mode == "dyad" else _ALL_COLUMNS
    pick = "mode" if mode == "full" else "min"
    joins = ""
    if mode == "dyad":
        select = f"{_HEAD}, min(p.quad_class) AS quad_class"
    else:
        sources, n_reports, reports = "NULL::BIGINT", "count(*)", "list(p.event_id)"
        if mode == "full":
            n_reports = "sum(coalesce(m.n_articles, 1))::BIGINT"
            sources, joins = _SOURCES, _PROVENANCE
            reports = "list(p.event_id ORDER BY p.date, p.event_id)"
        select = f"""{_HEAD},
           any_value(p.source_name) AS source_name, any_value(p.target_name) AS target_name,
           {pick}(p.cameo_code) AS cameo_code, {pick}(p.plover_event) AS plover_event,
           {pick}(p.quad_class) AS quad_class,
           {n_reports} AS n_reports, {sources} AS n_sources,
           {reports} AS report_ids, any_value(p.evidence_text) AS evidence_text"""
    cols = ", ".join(f"e.{c}" for c in columns)
    base = f"SELECT {cols}, {_KEY} AS k0 FROM events e WHERE {where}"
    return _pipeline(base, window=window, select=select, joins=joins)


# -- the stored clusters ---------------------------------------------------------------


def clusters_ready(store: Store) -> bool:
    """Whether the stored ``clusters`` table is current (else queries cluster on the fly)."""
    try:
        row = store.con.execute("SELECT value FROM store_state WHERE key = 'clusters'").fetchone()
    except duckdb.Error:  # a store written before the table existed, opened read-only
        return False
    return row is not None and row[0] == CLUSTERS_VERSION


def ensure_clusters(store: Store) -> None:
    """Build the ``clusters`` table of a store that lacks it (or holds an older version)."""
    if clusters_ready(store):
        return
    con = store.con
    with store.transaction():
        con.execute("DELETE FROM clusters")
        _rebuild(con)
        con.execute("INSERT OR REPLACE INTO store_state VALUES ('clusters', ?)", [CLUSTERS_VERSION])


def touch(con: duckdb.DuckDBPyConnection, reports: str, params: list[Any] | None = None) -> None:
    """Mark for :func:`refresh_clusters` the keys of the reports ``reports`` selects (a query
    or table with the events table's ``dataset``, dyad, act and ``date`` columns): the rows
    about to be inserted, or about to be deleted.  Call inside the write's transaction."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _touched (k0 UBIGINT, lo DATE)")
    con.execute(f"INSERT INTO _touched SELECT {_KEY}, e.date FROM ({reports}) e", params or [])


def refresh_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Re-cluster what :func:`touch` marked, in the caller's transaction, after its writes.

    For each touched key (dataset, dyad, act) with ``lo`` its earliest touched date, only
    the stored events that end on or after ``lo - window`` can change (an earlier event is
    at least one gap longer than the window away from every touched report, and an event's
    stretches are counted from the first report of its run, which stays where it was): they
    are deleted, and the reports from the first of them on are clustered again (for each
    place, from the first deleted event of that place, or from ``lo``).
    """
    if not con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = '_touched' AND temporary"
    ).fetchall()[0][0]:
        return
    try:
        if not con.execute("SELECT count(*) FROM _touched").fetchall()[0][0]:
            return
        if not con.execute("SELECT count(*) FROM clusters").fetchall()[0][0]:
            _rebuild(con)
            return
        w = int(STORED_WINDOW)
        con.execute("CREATE TEMP TABLE _t AS SELECT k0, min(lo) AS lo FROM _touched GROUP BY k0")
        con.execute(
            "CREATE TEMP TABLE _dead AS SELECT c.k0, coalesce(c.location_country, '') AS place_key,"
            f" min(c.date) AS start FROM clusters c JOIN _t ON c.k0 = _t.k0"
            f" WHERE c.last_date >= _t.lo - {w} GROUP BY ALL"
        )
        con.execute(
            f"DELETE FROM clusters c USING _t WHERE c.k0 = _t.k0 AND c.last_date >= _t.lo - {w}"
        )
        con.execute(
            "CREATE TEMP TABLE _from AS SELECT _t.k0, _t.lo, least(_t.lo, coalesce(min(d.start), _t.lo)) AS since"
            " FROM _t LEFT JOIN _dead d USING (k0) GROUP BY _t.k0, _t.lo"
        )
        since = con.execute("SELECT min(since) FROM _from").fetchall()[0][0]
        reports = (
            "SELECT x.* FROM (SELECT {cols} FROM events e WHERE e.date >= ?::DATE) x "
            "JOIN _from f ON f.k0 = x.k0 AND x.date >= f.since"
        )
        keep = (
            "JOIN _from f ON f.k0 = r0.k0 LEFT JOIN _dead d ON d.k0 = r0.k0"
            " AND d.place_key = r0.place_key WHERE r0.date >= least(coalesce(d.start, f.lo), f.lo)"
        )
        _insert_clusters(con, reports, keep=keep, params=[since])
    finally:
        with contextlib.suppress(duckdb.Error):  # after a failure the rollback drops them
            for name in ("_touched", "_t", "_dead", "_from"):
                con.execute(f"DROP TABLE IF EXISTS {name}")


#: Reports clustered at once when the whole table is built (bounds the memory it takes).
_REBUILD_ROWS = 2_000_000


def _rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Cluster every report, in parts of whole keys (each key's reports are in one part)."""
    total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    parts = max(1, -(-int(total) // _REBUILD_ROWS))
    for part in range(parts):
        where = f"{_KEY} % {parts} = {part}" if parts > 1 else "TRUE"
        _insert_clusters(con, f"SELECT {{cols}} FROM events e WHERE {where}")


def _insert_clusters(
    con: duckdb.DuckDBPyConnection, reports: str, *, keep: str = "", params: list[Any] | None = None
) -> None:
    cols = ", ".join(f"e.{c}" for c in _ALL_COLUMNS) + f", {_KEY} AS k0"
    sql = _pipeline(reports.format(cols=cols), window=STORED_WINDOW, select=_STORED_SELECT,
                    joins=_PROVENANCE, keep=keep)  # fmt: skip
    con.execute(f"INSERT INTO clusters {sql} ORDER BY source_id, target_id, date", params or [])


def _where(window: Window, params: list[Any], *extra: str) -> str:
    clauses = list(extra)
    if window.since:
        clauses.append("e.date >= ?")
        params.append(window.since)
    if window.until:
        clauses.append("e.date <= ?")
        params.append(window.until)
    return " AND ".join(clauses) or "TRUE"


def clusters(
    store: Store, *, window: Window = Window(), actor_ids: Sequence[str] = (), days: int = 1
) -> pd.DataFrame:
    """The events (clusters of reports) dated in ``window``, optionally touching ``actor_ids``.

    With the stored window (one day) they are read from the ``clusters`` table, where an
    event that spans the window's edge is whole; other windows cluster, at query time, the
    reports dated in ``window``.
    """
    params: list[Any] = []
    extra = []
    if actor_ids:
        extra.append("(list_contains(?, e.source_id) OR list_contains(?, e.target_id))")
        params.extend([list(actor_ids), list(actor_ids)])
    where = _where(window, params, *extra)
    if days == STORED_WINDOW and clusters_ready(store):
        fields = ", ".join(_CLUSTER_FIELDS)
        sql = f"SELECT {fields} FROM clusters e WHERE {where} ORDER BY date, cluster_id"
    else:
        sql = clusters_sql(where, window=days) + " ORDER BY date, cluster_id"
    return store.con.execute(sql, params).df()


# -- actors ----------------------------------------------------------------------------


def actor_candidates(store: Store, text: str, *, limit: int = 10) -> pd.DataFrame:
    """Stored actors ``text`` may name: an exact id or name first (a short scan that stops
    at the first hit), else names containing ``text``, busiest first."""
    for side in ("source", "target"):
        exact = store.con.execute(
            f"SELECT {side}_id AS id, {side}_name AS name, {side}_country AS country, "
            f"0 AS events, 3 AS rank FROM events WHERE {side}_id = lower($t) "
            f"OR lower({side}_name) = lower($t) LIMIT 1",
            {"t": text},
        ).df()
        if len(exact):
            return exact
    sql = """
        WITH a AS (
            SELECT source_id AS id, source_name AS name, source_country AS country FROM events
            WHERE source_id IS NOT NULL AND source_name ILIKE '%' || $t || '%'
            UNION ALL
            SELECT target_id, target_name, target_country FROM events
            WHERE target_id IS NOT NULL AND target_name ILIKE '%' || $t || '%'
        )
        SELECT id, mode(name) AS name, mode(country) AS country, count(*) AS events, 1 AS rank
        FROM a GROUP BY id ORDER BY events DESC, id LIMIT $n
    """
    return store.con.execute(sql, {"t": text, "n": limit}).df()


def countries_present(store: Store, code: str) -> bool:
    rows = store.con.execute(
        "SELECT count(*) FROM events WHERE source_country = $c OR target_country = $c",
        {"c": code.upper()},
    ).fetchall()
    return bool(rows and rows[0][0])


# -- dyads -----------------------------------------------------------------------------


def _side(level: str, prefix: str) -> str:
    return f"{prefix}_country" if level == "country" else f"{prefix}_id"


def dyad_series(
    store: Store,
    a: Sequence[str],
    b: Sequence[str],
    *,
    by: str = "week",
    level: str = "actor",
    window: Window = Window(),
    normalize: bool = False,
    days: int = 1,
) -> pd.DataFrame:
    """Counts per quad class, summed Goldstein and balance for A→B and B→A per period.

    ``a`` and ``b`` are actor ids (``level="actor"``) or ISO3 codes (``"country"``).  Every
    period from the window's start (else the dyad's first event) to its end is present,
    zero-filled.  ``normalize`` adds ``share`` columns: counts per 1,000 events of the period
    in the whole store (see :func:`period_volume`).
    """
    if by not in _PERIODS:
        raise ValueError(f"by must be one of {', '.join(_PERIODS)}")
    src, tgt = _side(level, "e.source"), _side(level, "e.target")
    qa, qb = ", ".join("?" * len(a)), ", ".join("?" * len(b))
    params: list[Any] = [*a, *b, *b, *a]
    dyad = f"(({src} IN ({qa}) AND {tgt} IN ({qb})) OR ({src} IN ({qb}) AND {tgt} IN ({qa})))"
    if days == STORED_WINDOW and clusters_ready(store):
        # plain IN filters first: zone maps skip the row groups of other dyads
        both = ", ".join("?" * (len(a) + len(b)))
        params = [*a, *b, *a, *b, *params]
        where = _where(window, params, f"{src} IN ({both})", f"{tgt} IN ({both})", dyad)
        inner = ("SELECT date, source_id, source_country, quad_class, goldstein "
                 f"FROM clusters e WHERE {where}")  # fmt: skip
    else:
        where = _where(window, params, dyad)
        inner = clusters_sql(where, window=days, mode="dyad")
    col = "source_country" if level == "country" else "source_id"
    params.append(list(a))
    start = f"'{window.since.isoformat()}'::DATE" if window.since else "(SELECT min(date) FROM c)"
    end = f"'{window.until.isoformat()}'::DATE" if window.until else "(SELECT max(date) FROM c)"
    sql = f"""
    WITH c AS MATERIALIZED ({inner}),
    d AS (
        SELECT date_trunc('{by}', date)::DATE AS period,
               CASE WHEN list_contains(?, {col}) THEN 'A->B' ELSE 'B->A' END AS direction,
               quad_class, goldstein
        FROM c
    ),
    span AS (SELECT date_trunc('{by}', {start})::DATE AS lo,
                    date_trunc('{by}', {end})::DATE AS hi),
    grid AS (
        SELECT g.generate_series::DATE AS period, dir.direction
        FROM span, generate_series(span.lo, span.hi, INTERVAL '{_PERIODS[by]}') g,
             (VALUES ('A->B'), ('B->A')) dir(direction)
    )
    SELECT grid.period, grid.direction,
           count(d.quad_class) FILTER (WHERE d.quad_class = 1) AS verbal_coop,
           count(d.quad_class) FILTER (WHERE d.quad_class = 2) AS material_coop,
           count(d.quad_class) FILTER (WHERE d.quad_class = 3) AS verbal_conflict,
           count(d.quad_class) FILTER (WHERE d.quad_class = 4) AS material_conflict,
           count(d.period) AS events,
           coalesce(sum(d.goldstein), 0) AS goldstein
    FROM grid LEFT JOIN d ON d.period = grid.period AND d.direction = grid.direction
    GROUP BY grid.period, grid.direction ORDER BY grid.period, grid.direction
    """
    frame = store.con.execute(sql, params).df()
    coop = frame["verbal_coop"] + frame["material_coop"]
    conflict = frame["verbal_conflict"] + frame["material_conflict"]
    total = (coop + conflict).where(lambda s: s > 0)
    frame["balance"] = ((coop - conflict) / total).fillna(0.0)
    if normalize and len(frame):
        volume = period_volume(store, by=by, since=frame["period"].min(),
                               until=frame["period"].max())  # fmt: skip
        frame = frame.merge(volume, on="period", how="left")
        per = 1000.0 / frame["volume"].where(frame["volume"] > 0)
        for column in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                       "events"):  # fmt: skip
            frame[f"{column}_per_1000"] = (frame[column] * per).fillna(0.0)
    return frame


def period_volume(store: Store, *, by: str, since: Any, until: Any) -> pd.DataFrame:
    """Events per period in the whole store: the stored events (clusters), else (a store
    opened read-only before it had them) distinct dataset, dyad, act and day."""
    if by not in _PERIODS:
        raise ValueError(f"by must be one of {', '.join(_PERIODS)}")
    volume, table = "count(*)", "clusters"
    if not clusters_ready(store):
        volume = ("count(DISTINCT (dataset, source_id, target_id,"
                  " coalesce(cameo_root, plover_event), date))")  # fmt: skip
        table = "events"
    sql = f"""
        SELECT date_trunc('{by}', date)::DATE AS period, {volume} AS volume
        FROM {table}
        WHERE date >= ?::DATE AND date < ?::DATE + INTERVAL '{_PERIODS[by]}'
        GROUP BY period
    """
    return store.con.execute(sql, [since, until]).df()


# -- the signed network ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scoring:
    """How events become an alliance/enmity score (see :func:`network_edges`)."""

    half_life_days: float = 180.0
    material_weight: float = 2.0
    #: Yields (CAMEO 08: releases, withdrawals, ceasefires, eased sanctions) are what
    #: adversaries concede to each other; they de-escalate but are no sign of alliance.
    yield_weight: float = 0.25
    prior: float = 1.0
    window_days: int = 1
    top: int = 3


def network_edges(
    store: Store,
    *,
    window: Window = Window(),
    level: str = "actor",
    scoring: Scoring = Scoring(),
    min_events: int = 1,
) -> list[dict[str, Any]]:
    """One row per undirected pair: score in [-1, 1] and the events that explain it.

    Each event (cluster) contributes ``c = 0.5 ** (age / half_life) * w * goldstein / 10``,
    where ``age`` is days before the window's end (else the newest event), ``w`` is
    ``material_weight`` for material acts (quad classes 2 and 4) and 1 for verbal ones, times
    ``yield_weight`` for yields (CAMEO root 08).
    ``score = sum(c) / (sum(|c|) + prior)``: the decayed, weighted balance of cooperation
    over conflict, pulled toward 0 when there is little evidence.  ``reports`` counts the
    stored report rows behind the pair's events (not GDELT's ``NumArticles``, which
    :func:`clusters` adds).  At country level, actors
    are grouped by ``*_country``; generic non-state agents (ids ``<iso3>-<sector>``, such as
    citizens or media) and actors without a country are left out.
    """
    a_col, b_col = _side(level, "source"), _side(level, "target")
    params: list[Any] = []
    extra = ["e.source_id IS NOT NULL", "e.target_id IS NOT NULL"]
    if level == "country":
        extra.append("e.source_country IS NOT NULL AND e.target_country IS NOT NULL")
        extra.append(f"NOT list_contains({list(NON_COUNTRIES)}, e.source_country)")
        extra.append(f"NOT list_contains({list(NON_COUNTRIES)}, e.target_country)")
        # generic non-state agents (citizens, media, "ind-cvl") are not the country's acts
        extra.append("NOT starts_with(e.source_id, lower(e.source_country) || '-')")
        extra.append("NOT starts_with(e.target_id, lower(e.target_country) || '-')")
    where = _where(window, params, *extra)
    stored = scoring.window_days == STORED_WINDOW and clusters_ready(store)
    until = window.until
    if stored:
        inner = ("SELECT cluster_id, date, source_id, target_id, source_name, target_name,"
                 " source_country, target_country, quad_class, cameo_code, goldstein,"
                 f" n_rows AS n_reports, report_ids, evidence_text FROM clusters e"
                 f" WHERE {where}")  # fmt: skip
        if until is None:
            found = store.con.execute(f"SELECT max(date) FROM ({inner})", params).fetchall()
            until = found[0][0] if found and found[0][0] else None
    else:
        inner = clusters_sql(where, window=scoring.window_days, mode="lean")
    end = f"'{until.isoformat()}'::DATE" if until else "(SELECT max(date) FROM c)"
    materialized = "" if stored else "MATERIALIZED"  # stored rows are read where they are
    name_a = "source_country" if level == "country" else "source_name"
    name_b = "target_country" if level == "country" else "target_name"
    sql = f"""
    WITH c AS {materialized} ({inner}),
    s AS (
        SELECT least({a_col}, {b_col}) AS source, greatest({a_col}, {b_col}) AS target,
               CASE WHEN {a_col} <= {b_col} THEN {name_a} ELSE {name_b} END AS source_name,
               CASE WHEN {a_col} <= {b_col} THEN {name_b} ELSE {name_a} END AS target_name,
               CASE WHEN {a_col} <= {b_col} THEN source_country ELSE target_country END
                   AS source_country,
               CASE WHEN {a_col} <= {b_col} THEN target_country ELSE source_country END
                   AS target_country,
               cluster_id, date, quad_class, cameo_code, goldstein, n_reports, report_ids,
               evidence_text,
               power(0.5, greatest({end} - date, 0) / {float(scoring.half_life_days)})
                 * CASE WHEN quad_class IN (2, 4) THEN {float(scoring.material_weight)}
                        ELSE 1.0 END
                 * CASE WHEN starts_with(cameo_code, '08') THEN {float(scoring.yield_weight)}
                        ELSE 1.0 END
                 * coalesce(goldstein, 0) / 10.0 AS contribution
        FROM c WHERE {a_col} <> {b_col}
    )
    SELECT source, target, any_value(source_name) AS source_name,
           any_value(target_name) AS target_name,
           any_value(source_country) AS source_country,
           any_value(target_country) AS target_country,
           sum(contribution) / (sum(abs(contribution)) + {float(scoring.prior)}) AS score,
           count(*) AS events, sum(n_reports)::BIGINT AS reports,
           count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
           count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
           count(*) FILTER (WHERE quad_class IN (2, 4)) AS material,
           sum(contribution) AS weight, min(date) AS first_date, max(date) AS last_date,
           max_by({{'event_id': cluster_id, 'date': date, 'cameo': cameo_code,
                    'quad_class': quad_class, 'contribution': contribution,
                    'reports': report_ids, 'evidence': evidence_text}},
                  (abs(contribution), cluster_id), {int(scoring.top)}) AS top_events
    FROM s GROUP BY source, target HAVING count(*) >= {int(min_events)}
    ORDER BY source, target
    """
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
