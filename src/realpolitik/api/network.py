"""Routes over the signed network: the network for a window, a dyad's relations, blocs.

Scores come from :mod:`realpolitik.network`.  With an event-type filter the edges are
scored by :func:`realpolitik.store.web.typed_edges` (the same formula over reports).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, Query, Response

from realpolitik.api import params as p
from realpolitik.api.context import Context
from realpolitik.api.records import REGIONS, jsonable
from realpolitik.errors import UsageError
from realpolitik.model import ActorKind
from realpolitik.network import find_blocs, resolve
from realpolitik.store import Store
from realpolitik.store.analytics import Window, dyad_series
from realpolitik.store.web import EventQuery, typed_edges

router = APIRouter(tags=["network"])
KINDS = tuple(kind.value for kind in ActorKind)


def network_json(
    ctx: Context,
    store: Store,
    *,
    since: dt.date | None,
    until: dt.date | None,
    level: p.Level = p.Level.ACTOR,
    min_events: int = 1,
    types: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Nodes (with region and kind) and signed edges (with their top events).

    Without an event-type filter the answer is shared per window: treat it as read-only.
    """
    if not types:
        return ctx.network_view(since, until, level.value, min_events)
    rows = typed_edges(store, EventQuery(types=types, since=since, until=until))
    edges = [_typed_edge(r) for r in rows if int(r["events"]) >= min_events]
    return ctx.annotate({"nodes": _nodes_from_edges(rows), "edges": edges}, level.value)


def _typed_edge(row: dict[str, Any]) -> dict[str, Any]:
    keep = ("source", "target", "score", "events", "reports", "cooperation", "conflict",
            "material", "first_date", "last_date", "top_events")  # fmt: skip
    edge = {k: jsonable(row[k]) for k in keep}
    edge["score"] = round(float(edge["score"]), 4)
    return edge


def _nodes_from_edges(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    for row in rows:
        for side in ("source", "target"):
            node = nodes.setdefault(
                row[side],
                {
                    "id": row[side],
                    "name": row[f"{side}_name"],
                    "country": row[f"{side}_country"],
                    "events": 0,
                },
            )
            node["events"] += int(row["events"])
    return sorted(nodes.values(), key=lambda n: n["id"])


def _filter(
    graph: dict[str, Any], *, regions: tuple[str, ...], kinds: tuple[str, ...],
    min_score: float, max_nodes: int,
) -> dict[str, Any]:  # fmt: skip
    nodes = [n for n in graph["nodes"]
             if (not regions or n["region"] in regions) and (not kinds or n["kind"] in kinds)]  # fmt: skip
    nodes.sort(key=lambda n: (-int(n.get("events", 0)), n["id"]))
    keep = {n["id"] for n in nodes[:max_nodes]}
    edges = [e for e in graph["edges"] if e["source"] in keep and e["target"] in keep
             and abs(float(e["score"])) >= min_score]  # fmt: skip
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    return {"nodes": [n for n in nodes if n["id"] in linked], "edges": edges}


@router.get("/api/network", summary="The signed alliance/enmity network for a window")
def get_network(
    ctx: p.Ctx,
    store: p.Db,
    since: p.Since = None,
    until: p.Until = None,
    level: p.Level = p.Level.ACTOR,
    type: p.Types = [],  # noqa: B006
    region: Annotated[list[str], Query(description=f"Regions: {', '.join(REGIONS)}.")] = [],  # noqa: B006
    kind: Annotated[list[str], Query(description=f"Actor kinds: {', '.join(KINDS)}.")] = [],  # noqa: B006
    min_events: Annotated[int, Query(ge=1, le=10_000)] = 1,
    min_score: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    max_nodes: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Response:
    p.window(since, until)
    for value in region:
        if value not in REGIONS:
            raise p.bad(f"unknown region {value!r}: use one of {', '.join(REGIONS)}")
    for value in kind:
        if value not in KINDS:
            raise p.bad(f"unknown actor kind {value!r}: use one of {', '.join(KINDS)}")
    graph = network_json(ctx, store, since=since, until=until, level=level,
                         min_events=min_events, types=p.event_types(type))  # fmt: skip
    out = _filter(graph, regions=tuple(region), kinds=tuple(kind), min_score=min_score,
                  max_nodes=max_nodes)  # fmt: skip
    return p.reply(
        {"since": jsonable(since), "until": jsonable(until), "level": level.value, **out}
    )


@router.get("/api/relations", summary="A dyad's cooperation/conflict series, both directions")
def get_relations(
    ctx: p.Ctx,
    store: p.Db,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name.")],
    by: p.Period = p.Period.MONTH,
    since: p.Since = None,
    until: p.Until = None,
) -> Response:
    p.window(since, until)
    if by == p.Period.YEAR:
        raise p.bad("by must be day, week or month for relations")
    (a_id, a_name), (b_id, b_name) = (_actor(ctx, store, x) for x in (a, b))
    frame = dyad_series(store, [a_id], [b_id], by=by.value, window=Window(since, until))
    series: dict[str, list[dict[str, Any]]] = {"A->B": [], "B->A": []}
    for row in frame.to_dict("records"):
        series[str(row.pop("direction"))].append(jsonable(row))
    return p.reply({"a": {"id": a_id, "name": a_name}, "b": {"id": b_id, "name": b_name},
                    "by": by.value, "series": series})  # fmt: skip


def _actor(ctx: Context, store: Store, text: str) -> tuple[str, str]:
    """A stored actor id as is (with its usual name); else the stored actor ``text`` names."""
    stored = ctx.actors().get(text)
    if stored is not None:
        return text, str(stored["name"] or text)
    try:
        found = resolve(store, text)
    except UsageError as exc:
        raise p.bad(str(exc), status=404) from exc
    return found.ids[0], found.name


@router.get("/api/blocs", summary="Coalitions in the signed network, with a balance score")
def get_blocs(
    ctx: p.Ctx,
    store: p.Db,
    since: p.Since = None,
    until: p.Until = None,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = 0.05,
) -> Response:
    p.window(since, until)
    cached = ctx.network_json(since, until, p.Level.ACTOR.value, 1)
    graph = nx.Graph()
    for node in cached["nodes"]:
        graph.add_node(node["id"], name=node.get("name", node["id"]))
    for edge in cached["edges"]:
        graph.add_edge(edge["source"], edge["target"], score=edge["score"])
    if graph.number_of_edges() == 0:
        return p.reply({"balance": None, "triads": 0, "blocs": []})
    return p.reply(dict(jsonable(find_blocs(graph, threshold=threshold).to_record())))
