"""Read-only queries the HTTP API needs beyond :class:`Store`'s methods.

Every value that comes from a request travels as a bound parameter; the only text put into
SQL is chosen here from fixed tables (column names, sort orders, periods).  Everything is
paged or aggregated in DuckDB so a page costs the same with 100 or 100,000 events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from realpolitik.store.duck import ActorQuery, Store, date_window

#: Periods a series may be grouped by, and the SQL ``date_trunc`` part for each.
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of the event explorer, the map and the dyad drill-down (all optional)."""

    text: str | None = None  # words in the evidence sentence or an actor's name
    actor: ActorQuery | None = None  # either side
    source: ActorQuery | None = None
    target: ActorQuery | None = None
    pair: tuple[ActorQuery, ActorQuery] | None = None  # either direction between the two
    types: tuple[str, ...] = ()  # PLOVER types or CAMEO codes / roots
    quad_classes: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()  # ISO3 of either side or of the place
    sectors: tuple[str, ...] = ()  # either side's sector
    since: dt.date | None = None
    until: dt.date | None = None
    datasets: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    rows: list[dict[str, Any]]


def _side_sql(query: ActorQuery, side: str, params: list[Any]) -> str:
    ors = []
    if query.ids:
        ors.append(f"list_contains(?, {side}_id)")
        params.append(list(query.ids))
    if query.text:
        ors.append(f"({side}_name ILIKE ? OR {side}_text ILIKE ?)")
        params.extend([f"%{query.text}%"] * 2)
    return "(" + " OR ".join(ors) + ")" if ors else "TRUE"


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses, params = date_window(q.since, q.until)
    if q.text:
        clauses.append("(evidence_text ILIKE ? OR source_name ILIKE ? OR target_name ILIKE ?)")
        params.extend([f"%{q.text}%"] * 3)
    if q.actor:
        either = [_side_sql(q.actor, "source", params), _side_sql(q.actor, "target", params)]
        clauses.append("(" + " OR ".join(either) + ")")
    if q.source:
        clauses.append(_side_sql(q.source, "source", params))
    if q.target:
        clauses.append(_side_sql(q.target, "target", params))
    if q.pair:
        a, b = q.pair
        one = f"({_side_sql(a, 'source', params)} AND {_side_sql(b, 'target', params)})"
        two = f"({_side_sql(b, 'source', params)} AND {_side_sql(a, 'target', params)})"
        clauses.append(f"({one} OR {two})")
    if q.types:
        clauses.append(
            "(list_contains(?, upper(plover_event)) OR list_contains(?, cameo_code)"
            " OR list_contains(?, cameo_root))"
        )
        params.extend([[t.upper() for t in q.types], list(q.types), list(q.types)])
    if q.quad_classes:
        clauses.append("list_contains(?, quad_class::INTEGER)")
        params.append(list(q.quad_classes))
    if q.countries:
        clauses.append(
            "(list_contains(?, source_country) OR list_contains(?, target_country)"
            " OR list_contains(?, location_country))"
        )
        params.extend([list(q.countries)] * 3)
    if q.sectors:
        clauses.append("(list_contains(?, source_sector) OR list_contains(?, target_sector))")
        params.extend([list(q.sectors)] * 2)
    if q.datasets:
        clauses.append("list_contains(?, dataset)")
        params.append(list(q.datasets))
    if q.bbox:
        clauses.append("lon >= ? AND lat >= ? AND lon < ? AND lat < ?")
        params.extend(q.bbox)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _dicts(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, list(params))
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _scalar(store: Store, sql: str, params: Sequence[Any]) -> Any:
    row = store.con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


# -- events ----------------------------------------------------------------------------

_EVENT_ORDER = {
    "date_desc": "date DESC, event_id",
    "date_asc": "date ASC, event_id",
    "goldstein_asc": "goldstein ASC NULLS LAST, date DESC, event_id",
    "goldstein_desc": "goldstein DESC NULLS LAST, date DESC, event_id",
    "confidence_desc": "confidence DESC NULLS LAST, date DESC, event_id",
}
EVENT_ORDERS = tuple(_EVENT_ORDER)


def event_id_page(
    store: Store, query: EventQuery, *, limit: int, offset: int, order: str = "date_desc"
) -> tuple[int, list[str]]:
    """How many events match, and the ids of one page of them: one query (the count rides
    along as a window total), plus a count only when the page lies past the end."""
    where, params = _where(query)
    sql = (
        f"SELECT event_id, count(*) OVER () AS total FROM events {where} "
        f"ORDER BY {_EVENT_ORDER[order]} LIMIT ? OFFSET ?"
    )
    rows = store.con.execute(sql, [*params, limit, offset]).fetchall()
    if rows:
        return int(rows[0][1]), [str(r[0]) for r in rows]
    if offset == 0:
        return 0, []
    return int(_scalar(store, f"SELECT count(*) FROM events {where}", params) or 0), []


def event_rows(store: Store, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not event_ids:
        return []
    sql = "SELECT * FROM events WHERE list_contains(?, event_id) ORDER BY date DESC, event_id"
    return _dicts(store, sql, [list(event_ids)])


def all_event_rows(store: Store) -> list[dict[str, Any]]:
    """Every stored event row (for a server that encodes each record once at startup)."""
    return _dicts(store, "SELECT * FROM events", [])


def evidence_mentions(
    store: Store, event_ids: Sequence[str] | None
) -> dict[str, list[dict[str, Any]]]:
    """Per event, the actor mentions inside its evidence sentence (article offsets); for
    the events ``event_ids`` names, or for every event when it is None."""
    if event_ids is not None and not event_ids:
        return {}
    chosen = "TRUE" if event_ids is None else "list_contains(?, e.event_id)"
    sql = f"""
        SELECT e.event_id, m.start_char, m.end_char, m.text, m.actor_id, m.actor_name,
               CASE WHEN m.actor_id = e.source_id THEN 'source'
                    WHEN m.actor_id = e.target_id THEN 'target' ELSE 'other' END AS role
        FROM events e JOIN mentions m ON m.article_id = e.article_id
        WHERE {chosen}
          AND m.start_char >= e.evidence_start AND m.end_char <= e.evidence_end
        ORDER BY e.event_id, m.start_char
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for row in _dicts(store, sql, [] if event_ids is None else [list(event_ids)]):
        out.setdefault(row.pop("event_id"), []).append(row)
    return out


def article_meta(store: Store, article_id: str) -> dict[str, Any] | None:
    sql = "SELECT article_id, date, title, url, source, origin FROM articles WHERE article_id = ?"
    rows = _dicts(store, sql, [article_id])
    return rows[0] if rows else None


def article_metas(store: Store) -> dict[str, dict[str, Any]]:
    """Every stored article's metadata (no text) by id."""
    sql = "SELECT article_id, date, title, url, source, origin FROM articles"
    return {r["article_id"]: r for r in _dicts(store, sql, [])}


def article_text(store: Store, article_id: str) -> str | None:
    value = _scalar(store, "SELECT text FROM articles WHERE article_id = ?", [article_id])
    return None if value is None else str(value)


# -- overview --------------------------------------------------------------------------


def overview(store: Store) -> dict[str, Any]:
    """Counts, the date range and the values the dashboard's filters offer."""
    counts = store.counts()
    lo, hi = store.con.execute("SELECT min(date), max(date) FROM events").fetchone() or (None, None)
    types = _dicts(
        store,
        "SELECT plover_event AS type, count(*) AS events FROM events "
        "WHERE plover_event IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
        [],
    )
    sectors = _dicts(
        store,
        "SELECT sector, count(*) AS events FROM (SELECT source_sector AS sector FROM events "
        "UNION ALL SELECT target_sector FROM events) WHERE sector IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1",
        [],
    )
    countries = [
        r["country"]
        for r in _dicts(
            store,
            "SELECT DISTINCT country FROM (SELECT source_country AS country FROM events "
            "UNION ALL SELECT target_country FROM events) WHERE country IS NOT NULL ORDER BY 1",
            [],
        )
    ]
    kinds = _dicts(
        store, "SELECT kind, count(*) AS facts FROM facts GROUP BY 1 ORDER BY 2 DESC, 1", []
    )
    return {"counts": counts, "first_date": lo, "last_date": hi, "event_types": types,
            "sectors": sectors, "countries": countries, "fact_kinds": kinds}  # fmt: skip


# -- actors ----------------------------------------------------------------------------

_ACTORS_CTE = """
    WITH sides AS (
        SELECT source_id AS id, source_name AS name, source_country AS country,
               source_sector AS sector, date FROM events WHERE source_id IS NOT NULL
        UNION ALL
        SELECT target_id, target_name, target_country, target_sector, date
        FROM events WHERE target_id IS NOT NULL
    ), actors AS (
        SELECT id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
               count(*) AS events, min(date) AS first_date, max(date) AS last_date
        FROM sides GROUP BY id
    )
"""


def actor_rows(store: Store, actor_ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    """Name, country, sector, event count and date range of stored actors (all, or these)."""
    if actor_ids is None:
        return {r["id"]: r for r in _dicts(store, f"{_ACTORS_CTE} SELECT * FROM actors", [])}
    if not actor_ids:
        return {}
    sql = f"{_ACTORS_CTE} SELECT * FROM actors WHERE list_contains(?, id)"
    return {r["id"]: r for r in _dicts(store, sql, [list(actor_ids)])}


# -- the map ---------------------------------------------------------------------------


def event_cells(store: Store, query: EventQuery, *, cell_degrees: float, limit: int) -> Page:
    """Events with a place, counted per grid cell of ``cell_degrees`` (busiest cells first).

    A cell is labelled with its most common place (name and country).  One query: places
    are counted per cell first, then cells from them (cheaper than ``mode()`` per cell),
    and the number of cells rides along as a window total.
    """
    where, params = _where(query)
    located = ("AND " if where else "WHERE ") + "lat IS NOT NULL AND lon IS NOT NULL"
    sql = f"""
        WITH p AS (
            SELECT floor(lat / ?)::INTEGER AS cell_row, floor(lon / ?)::INTEGER AS cell_col,
                   location_name, location_country, count(*) AS n,
                   sum(lat) AS lat_sum, sum(lon) AS lon_sum,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events {where} {located}
            GROUP BY ALL
        )
        SELECT round(sum(lat_sum) / sum(n), 3) AS lat, round(sum(lon_sum) / sum(n), 3) AS lon,
               sum(n)::BIGINT AS events, sum(cooperation)::BIGINT AS cooperation,
               sum(conflict)::BIGINT AS conflict,
               arg_max(location_name, (n, location_name)) AS place,
               arg_max(location_country, (n, location_name)) AS country,
               cell_row, cell_col, count(*) OVER () AS total_cells
        FROM p GROUP BY cell_row, cell_col
        ORDER BY events DESC, place, cell_row, cell_col LIMIT ?
    """
    rows = _dicts(store, sql, [cell_degrees, cell_degrees, *params, limit])
    total = int(rows[0]["total_cells"]) if rows else 0
    for row in rows:
        del row["total_cells"]
    return Page(total, rows)


# -- facts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactQuery:
    kinds: tuple[str, ...] = ()
    text: str | None = None  # in the evidence, the place or what was counted
    countries: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None


def _fact_where(q: FactQuery) -> tuple[str, list[Any]]:
    clauses, params = date_window(q.since, q.until)
    if q.kinds:
        clauses.append("list_contains(?, kind)")
        params.append(list(q.kinds))
    if q.countries:
        clauses.append("list_contains(?, location_country)")
        params.append(list(q.countries))
    if q.text:
        clauses.append("(evidence_text ILIKE ? OR location_name ILIKE ? OR of_what ILIKE ?)")
        params.extend([f"%{q.text}%"] * 3)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def fact_page(store: Store, query: FactQuery, *, limit: int, offset: int) -> Page:
    """One page of facts, newest first, and how many match (one query but past the end)."""
    where, params = _fact_where(query)
    sql = (
        f"SELECT *, count(*) OVER () AS _total FROM facts {where} "
        "ORDER BY date DESC, fact_id LIMIT ? OFFSET ?"
    )
    rows = _dicts(store, sql, [*params, limit, offset])
    if rows:
        total = int(rows[0]["_total"])
        for row in rows:
            del row["_total"]
    else:
        total = int(_scalar(store, f"SELECT count(*) FROM facts {where}", params) or 0)
    return Page(total, rows)


_FACT_DISTINCT = """
    WITH f AS (
        SELECT DISTINCT kind, unit, value, coalesce(cumulative, false) AS cumulative, date,
               location_name, location_country, lat, lon
        FROM facts {where}
    )
"""


def fact_series(store: Store, query: FactQuery, *, by: str) -> list[dict[str, Any]]:
    """Per period, kind and unit: the sum of incremental figures and the largest cumulative
    one (a figure repeated by several articles counts once; see ``Store.fact_totals``)."""
    where, params = _fact_where(query)
    sql = _FACT_DISTINCT.format(where=where) + f"""
        SELECT date_trunc('{PERIODS[by]}', date)::DATE AS period, kind, unit,
               coalesce(sum(value) FILTER (WHERE NOT cumulative), 0) AS reported,
               max(value) FILTER (WHERE cumulative) AS cumulative_max, count(*) AS figures
        FROM f GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    """  # fmt: skip
    return _dicts(store, sql, params)


def fact_places(store: Store, query: FactQuery, *, limit: int) -> list[dict[str, Any]]:
    """Figures with a located place, per place, kind and unit (people only, not percents)."""
    where, params = _fact_where(query)
    sql = _FACT_DISTINCT.format(where=where) + """
        SELECT location_name AS place, any_value(location_country) AS country,
               round(avg(lat), 3) AS lat, round(avg(lon), 3) AS lon, kind, unit,
               coalesce(sum(value) FILTER (WHERE NOT cumulative), 0) AS reported,
               max(value) FILTER (WHERE cumulative) AS cumulative_max, count(*) AS figures
        FROM f WHERE lat IS NOT NULL AND lon IS NOT NULL AND unit = 'people'
        GROUP BY location_name, kind, unit
        ORDER BY greatest(reported, coalesce(cumulative_max, 0)) DESC, place LIMIT ?
    """  # fmt: skip
    return _dicts(store, sql, [*params, limit])


# -- the network restricted to some event types ----------------------------------------


def typed_edges(
    store: Store,
    query: EventQuery,
    *,
    half_life_days: float = 90.0,
    material_weight: float = 2.0,
    prior: float = 1.0,
    top: int = 3,
) -> list[dict[str, Any]]:
    """Signed edges from only the events ``query`` selects (the dashboard's type filter).

    The same score as ``realpolitik.network`` (``sum(c) / (sum(|c|) + prior)`` with
    ``c = 0.5 ** (age / half_life) * w * goldstein / 10``), but over reports rather than
    clusters of reports: a simpler reading used only when event types are filtered.
    """
    where, params = _where(query)
    pair = "source_id IS NOT NULL AND target_id IS NOT NULL AND source_id <> target_id"
    where = f"{where} AND {pair}" if where else f"WHERE {pair}"
    sql = f"""
    WITH r AS MATERIALIZED (
        SELECT source_id, target_id, source_name, target_name, source_country, target_country,
               event_id, date, quad_class, cameo_code, goldstein, evidence_text
        FROM events {where}
    ),
    s AS (
        SELECT least(source_id, target_id) AS source, greatest(source_id, target_id) AS target,
               CASE WHEN source_id <= target_id THEN source_name ELSE target_name END AS sname,
               CASE WHEN source_id <= target_id THEN target_name ELSE source_name END AS tname,
               CASE WHEN source_id <= target_id THEN source_country ELSE target_country END
                   AS scountry,
               CASE WHEN source_id <= target_id THEN target_country ELSE source_country END
                   AS tcountry,
               event_id, date, quad_class, cameo_code, evidence_text,
               power(0.5, greatest((SELECT max(date) FROM r) - date, 0) / ?)
                 * CASE WHEN quad_class IN (2, 4) THEN ? ELSE 1.0 END
                 * coalesce(goldstein, 0) / 10.0 AS contribution
        FROM r
    )
    SELECT source, target, any_value(sname) AS source_name, any_value(tname) AS target_name,
           any_value(scountry) AS source_country, any_value(tcountry) AS target_country,
           sum(contribution) / (sum(abs(contribution)) + ?) AS score,
           count(*) AS events, count(*) AS reports,
           count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
           count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
           count(*) FILTER (WHERE quad_class IN (2, 4)) AS material,
           min(date) AS first_date, max(date) AS last_date,
           max_by({{'event_id': event_id, 'date': date, 'cameo': cameo_code,
                    'quad_class': quad_class, 'contribution': contribution,
                    'reports': [event_id], 'evidence': evidence_text}},
                  abs(contribution), ?) AS top_events
    FROM s GROUP BY source, target ORDER BY source, target
    """
    args = [*params, float(half_life_days), float(material_weight), float(prior), int(top)]
    return _dicts(store, sql, args)
