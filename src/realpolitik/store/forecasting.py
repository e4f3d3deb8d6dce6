"""Queries behind dyadic forecasts on the user's own store (see ``realpolitik.forecast.dyadic``).

Every query takes the cut-off ``before`` and returns only rows with ``date < before``: a
forecast made at ``before`` never sees that day or anything later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from realpolitik.store.analytics import NON_COUNTRIES
from realpolitik.store.duck import Store

LEVELS = ("actor", "country")


def _sides(level: str) -> tuple[str, str]:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "country":
        return "source_country", "target_country"
    return "source_id", "target_id"


def date_range(store: Store) -> tuple[dt.date, dt.date] | None:
    """The first and last event dates in the store, or ``None`` when it holds no event."""
    row = store.con.execute("SELECT min(date)::DATE, max(date)::DATE FROM events").fetchone()
    if row is None or row[0] is None:
        return None
    return row[0], row[1]


def dyad_day_counts(
    store: Store, *, before: dt.date, level: str = "actor", since: dt.date | None = None
) -> pd.DataFrame:
    """Reports per day, directed dyad, quad class and PLOVER type, strictly before ``before``.

    Columns: ``day`` (days since 1970-01-01), ``u`` (source), ``v`` (target), ``quad_class``,
    ``plover_event``, ``n``.  Self-dyads and one-sided events are left out; at country level
    so is what has no country (IGO, NGO…).
    """
    src, tgt = _sides(level)
    where = [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}", "date < $before"]
    params: dict[str, Any] = {"before": before}
    if since is not None:
        where.append("date >= $since")
        params["since"] = since
    if level == "country":
        where.append(f"NOT list_contains({list(NON_COUNTRIES)}, {src})")
        where.append(f"NOT list_contains({list(NON_COUNTRIES)}, {tgt})")
    sql = f"""
        SELECT datediff('day', DATE '1970-01-01', date::DATE)::INTEGER AS day,
               {src} AS u, {tgt} AS v, quad_class, plover_event, count(*)::INTEGER AS n
        FROM events WHERE {" AND ".join(where)}
        GROUP BY ALL ORDER BY day
    """
    return store.con.execute(sql, params).df()


def dyad_events(
    store: Store,
    a: Sequence[str],
    b: Sequence[str],
    *,
    before: dt.date,
    level: str = "actor",
    limit: int = 10,
) -> pd.DataFrame:
    """The newest events between ``a`` and ``b`` (either direction) strictly before ``before``."""
    src, tgt = _sides(level)
    sql = f"""
        SELECT date::DATE AS date, source_name, target_name, {src} AS source, {tgt} AS target,
               cameo_code, plover_event, quad_class, goldstein
        FROM events
        WHERE date < $before
          AND ((list_contains($a, {src}) AND list_contains($b, {tgt}))
            OR (list_contains($b, {src}) AND list_contains($a, {tgt})))
        ORDER BY date DESC, event_id LIMIT $n
    """
    params = {"before": before, "a": list(a), "b": list(b), "n": int(limit)}
    return store.con.execute(sql, params).df()
