"""Routes over actors: the stored actors, and one actor's profile on a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from realpolitik.api import params as p
from realpolitik.api.context import Context
from realpolitik.api.prepared import json_array
from realpolitik.api.records import jsonable
from realpolitik.store import ActorQuery
from realpolitik.store.web import EventQuery, event_id_page

router = APIRouter(tags=["actors"])
ActorId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[\w.:-]+$")]


@router.get("/api/actors", summary="Stored actors, busiest first")
async def get_actors(
    ctx: p.Ctx,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Part of an actor's name or id (any case), or its ISO3 country.",
        ),
    ] = None,
    page: p.Page = 1,
    page_size: p.PageSize = 50,
) -> Response:
    listed = ctx.actor_list()
    if q:
        text, code = q.lower(), q.upper()
        listed = [a for a in listed if text in a[0] or text in a[1] or a[2] == code]
    start = (page - 1) * page_size
    items = [a[3] for a in listed[start : start + page_size]]
    return p.reply({"total": len(listed), "page": page, "page_size": page_size, "items": items})


@router.get("/api/actors/{actor_id}", summary="An actor's profile on a date")
def get_actor(
    ctx: p.Ctx,
    store: p.Db,
    actor_id: ActorId,
    on: Annotated[
        dt.date | None,
        Query(
            description="The date the roles, allies and enemies are read on "
            "(default: the store's last event)."
        ),
    ] = None,
    top: Annotated[int, Query(ge=1, le=50)] = 8,
) -> Response:
    stored = ctx.actors().get(actor_id)
    entity = ctx.kb.entity(actor_id)
    if stored is None and entity is None:
        raise p.bad(f"no actor {actor_id!r}: list actors with /api/actors?q=NAME", status=404)
    day = on or (stored["last_date"] if stored else dt.date.today())
    profile: dict[str, Any] = {"id": actor_id, "on": day, "stored": stored}
    if entity is not None:
        profile["knowledge"] = {
            "name": entity.name, "kind": entity.kind.value, "country": entity.country,
            "sector": entity.sector, "aliases": list(entity.aliases[:12]),
            "wikidata": entity.wikidata, "source": entity.source,
            "sponsors": [{"id": s.id, "name": s.name} for s in ctx.kb.sponsors(actor_id, on=day)],
            "roles": [
                {"person_id": r.person_id, "person": r.person, "role": r.role, "sector": r.sector,
                 "start": r.start, "end": r.end}
                for r in ctx.roles(actor_id, on=day)[:40]
            ],
        }  # fmt: skip
    else:
        profile["knowledge"] = None
    profile["allies"], profile["enemies"] = _ties(ctx, actor_id, until=day, top=top)
    total, ids = event_id_page(store, EventQuery(actor=ActorQuery(ids=(actor_id,)), until=day),
                               limit=20, offset=0)  # fmt: skip
    profile["event_total"] = total
    recent = json_array([e.json for e in ctx.events.get(store, ids)])
    return p.reply(dict(jsonable(profile)), raw={"recent_events": recent})


def _ties(
    ctx: Context, actor_id: str, *, until: dt.date, top: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    graph = ctx.network_json(None, until, "actor", 1)
    names = {n["id"]: n.get("name", n["id"]) for n in graph["nodes"]}
    ties = []
    for edge in graph["edges"]:
        if actor_id not in (edge["source"], edge["target"]):
            continue
        other = edge["target"] if edge["source"] == actor_id else edge["source"]
        ties.append({"id": other, "name": names.get(other, other), "score": edge["score"],
                     "events": edge["events"], "last_date": edge.get("last_date")})  # fmt: skip
    allies = sorted((t for t in ties if t["score"] > 0), key=lambda t: -t["score"])[:top]
    enemies = sorted((t for t in ties if t["score"] < 0), key=lambda t: t["score"])[:top]
    return allies, enemies
