"""Routes over events and articles: the explorer, one event, one article, the event map."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from realpolitik.api import params as p
from realpolitik.api.context import Context
from realpolitik.api.prepared import dumps, json_array
from realpolitik.api.records import jsonable
from realpolitik.store import Store
from realpolitik.store.web import EventQuery, article_text, event_cells, event_id_page, overview

router = APIRouter(tags=["events"])
Ctx = p.Ctx
Db = p.Db
Id = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[\w.:-]+$")]


@router.get("/api/overview", summary="Counts, date range and the values filters offer")
def get_overview(store: Db) -> Response:
    return p.reply(dict(jsonable(overview(store))))


def build_query(
    ctx: Context,
    store: Store,
    *,
    q: str | None = None,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    types: list[str] | None = None,
    quad: list[int] | None = None,
    country: list[str] | None = None,
    since: Any = None,
    until: Any = None,
) -> EventQuery:
    p.window(since, until)
    return EventQuery(
        text=q, actor=p.actor_query(ctx, store, actor, on=until),
        source=p.actor_query(ctx, store, source, on=until),
        target=p.actor_query(ctx, store, target, on=until),
        types=p.event_types(types or ()), quad_classes=p.quad_classes(quad or ()),
        countries=p.codes3(country or (), what="country"), since=since, until=until,
    )  # fmt: skip


@router.get("/api/events", summary="Events, filtered and paged (newest first)")
def get_events(
    ctx: Ctx,
    store: Db,
    q: p.Text = None,
    actor: p.ActorText = None,
    source: p.ActorText = None,
    target: p.ActorText = None,
    between: Annotated[
        list[str],
        Query(max_length=2, description="Two actors: events either way between them."),
    ] = [],  # noqa: B006 - FastAPI copies defaults
    type: p.Types = [],  # noqa: B006
    quad: p.Quads = [],  # noqa: B006
    country: p.Codes = [],  # noqa: B006
    since: p.Since = None,
    until: p.Until = None,
    bbox: Annotated[
        str | None,
        Query(max_length=100, description="Located in WEST,SOUTH,EAST,NORTH (degrees)."),
    ] = None,
    order: p.EventOrder = p.EventOrder.DATE_DESC,
    page: p.Page = 1,
    page_size: p.PageSize = 50,
) -> Response:
    query = build_query(ctx, store, q=q, actor=actor, source=source, target=target, types=type,
                        quad=quad, country=country, since=since, until=until)  # fmt: skip
    if bbox:
        query = EventQuery(**{**_fields(query), "bbox": p.bounding_box(bbox)})
    if between:
        if len(between) != 2:
            raise p.bad("between takes exactly two actors: ?between=irn&between=isr")
        a, b = (p.actor_query(ctx, store, x, on=until) for x in between)
        if a is not None and b is not None:
            query = EventQuery(**{**_fields(query), "pair": (a, b)})
    total, ids = event_id_page(store, query, limit=page_size, offset=(page - 1) * page_size,
                               order=order.value)  # fmt: skip
    items = json_array([e.json for e in ctx.events.get(store, ids)])
    return p.reply({"total": total, "page": page, "page_size": page_size}, raw={"items": items})


def _fields(query: EventQuery) -> dict[str, Any]:
    return {name: getattr(query, name) for name in EventQuery.__dataclass_fields__}


@router.get("/api/events/{event_id}", summary="One event, its marks and its article")
def get_event(ctx: Ctx, store: Db, event_id: Id) -> Response:
    found = ctx.events.one(store, event_id)
    if found is None:
        raise p.bad(f"no event {event_id!r} in the store", status=404)
    article = ctx.article(store, found.article_id) if found.article_id else None
    return p.reply_object(found.json, article=dumps(article), mention_count=dumps(found.mentions))


@router.get("/api/articles/{article_id}", summary="One stored article, its text verbatim")
def get_article(ctx: Ctx, store: Db, article_id: Id) -> Response:
    meta = ctx.article(store, article_id)
    if meta is None:
        raise p.bad(f"no article {article_id!r} in the store", status=404)
    return p.reply({**meta, "text": article_text(store, article_id)})


@router.get("/api/map/events", summary="Located events counted per grid cell")
def get_event_map(
    ctx: Ctx,
    store: Db,
    actor: p.ActorText = None,
    type: p.Types = [],  # noqa: B006
    quad: p.Quads = [],  # noqa: B006
    since: p.Since = None,
    until: p.Until = None,
    cell: Annotated[float, Query(ge=0.01, le=30, description="Cell size in degrees.")] = 1.0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 2000,
) -> Response:
    query = build_query(ctx, store, actor=actor, types=type, quad=quad, since=since,
                        until=until)  # fmt: skip
    result = event_cells(store, query, cell_degrees=cell, limit=limit)
    return p.reply({"cells": jsonable(result.rows), "total_cells": result.total, "cell": cell})
