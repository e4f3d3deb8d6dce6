"""Routes over facts: figures paged, over time, and by place."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from realpolitik.api import params as p
from realpolitik.api.records import fact_records, jsonable
from realpolitik.store.web import FactQuery, fact_page, fact_places, fact_series

router = APIRouter(tags=["facts"])
Kinds = Annotated[
    list[str], Query(description=f"Fact kinds ({', '.join(p.FACT_KINDS)}); repeatable.")
]


def _query(kind: list[str], q: str | None, country: list[str], since: Any, until: Any) -> FactQuery:
    p.window(since, until)
    return FactQuery(kinds=p.fact_kinds(kind), text=q,
                     countries=p.codes3(country, what="country"), since=since, until=until)  # fmt: skip


@router.get("/api/facts", summary="Facts (killed, displaced, …), filtered and paged")
def get_facts(
    store: p.Db,
    kind: Kinds = [],  # noqa: B006
    q: p.Text = None,
    country: p.Codes = [],  # noqa: B006
    since: p.Since = None,
    until: p.Until = None,
    page: p.Page = 1,
    page_size: p.PageSize = 50,
) -> Response:
    result = fact_page(store, _query(kind, q, country, since, until), limit=page_size,
                       offset=(page - 1) * page_size)  # fmt: skip
    return p.reply({"total": result.total, "page": page, "page_size": page_size,
            "items": jsonable(fact_records(result.rows))})  # fmt: skip


@router.get("/api/facts/series", summary="Figures per period and kind")
def get_fact_series(
    store: p.Db,
    kind: Kinds = [],  # noqa: B006
    country: p.Codes = [],  # noqa: B006
    since: p.Since = None,
    until: p.Until = None,
    by: p.Period = p.Period.MONTH,
) -> Response:
    rows = fact_series(store, _query(kind, None, country, since, until), by=by.value)
    return p.reply({"by": by.value, "rows": jsonable(rows)})


@router.get("/api/facts/places", summary="Figures per located place and kind (people only)")
def get_fact_places(
    store: p.Db,
    kind: Kinds = [],  # noqa: B006
    since: p.Since = None,
    until: p.Until = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> Response:
    rows = fact_places(store, _query(kind, None, [], since, until), limit=limit)
    return p.reply({"places": jsonable(rows)})
