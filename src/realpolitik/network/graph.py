"""Dyads and the signed alliance/enmity network, as pandas frames and networkx graphs.

Scores (see :func:`realpolitik.store.analytics.network_edges`): every event (a cluster of
reports, see ``realpolitik.store.analytics``) between two actors contributes
``0.5 ** (age / half_life) * w * goldstein / 10`` with ``w = 2`` for material acts and ``1``
for verbal ones, ``age`` in days before the window's end, ``half_life`` 180 days by default
(CAMEO 08 yields weigh a quarter: they de-escalate but are no sign of alliance);
``score = sum / (sum of magnitudes + 1)`` lies in [-1, 1], positive for alliance.  Each edge
keeps its top contributing events (ids, date, CAMEO code, reports, evidence text).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from realpolitik.errors import UsageError
from realpolitik.ingest.importers.reference import Reference
from realpolitik.store import Store
from realpolitik.store.analytics import (
    Scoring,
    Window,
    actor_candidates,
    dyad_series,
    network_edges,
)

LEVELS = ("actor", "country")
_EDGE_COLUMNS = ("source", "target", "source_name", "target_name", "source_country",
                 "target_country", "score", "events", "reports", "cooperation", "conflict",
                 "material", "weight", "first_date", "last_date", "top_events")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a name on the command line stands for: actor ids or one country."""

    text: str
    ids: tuple[str, ...]
    name: str


def resolve(
    store: Store, text: str, *, level: str = "actor", ref: Reference | None = None
) -> Resolved:
    """The stored actor (or, at country level, the ISO3 country) ``text`` names."""
    if level == "country":
        ref = ref or Reference.load()
        iso3 = ref.iso3("cameo", text.upper()) or ref.iso3("name", text)
        if iso3 is None:
            found = actor_candidates(store, text, limit=1)
            iso3 = (
                str(found["country"].iloc[0]) if len(found) and found["country"].iloc[0] else None
            )
        if iso3 is None:
            raise UsageError(f"no country called {text!r}; use a name or ISO3 code (IRN)")
        return Resolved(text, (iso3,), ref.country_name(iso3))
    found = actor_candidates(store, text)
    if found.empty:
        raise UsageError(
            f"no stored actor matches {text!r}; list actors with `realpolitik actors` "
            "or pass an actor id (irn, hamas)"
        )
    best = found.iloc[0]
    return Resolved(text, (str(best["id"]),), str(best["name"]))


def relations(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "week",
    level: str = "actor",
    since: dt.date | None = None,
    until: dt.date | None = None,
    normalize: bool = False,
) -> pd.DataFrame:
    """The dyad's time series in both directions (``A->B`` and ``B->A``), zero-filled."""
    ra, rb = resolve(store, a, level=level), resolve(store, b, level=level)
    frame = dyad_series(store, ra.ids, rb.ids, by=by, level=level,
                        window=Window(since, until), normalize=normalize)  # fmt: skip
    frame.insert(0, "a", ra.name)
    frame.insert(1, "b", rb.name)
    return frame


def edges(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    level: str = "actor",
    scoring: Scoring | None = None,
    min_events: int = 1,
) -> pd.DataFrame:
    if level not in LEVELS:
        raise UsageError(f"level must be one of {', '.join(LEVELS)}")
    rows = network_edges(store, window=Window(since, until), level=level,
                         scoring=scoring or Scoring(), min_events=min_events)  # fmt: skip
    return pd.DataFrame(rows, columns=_EDGE_COLUMNS)


def network(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    level: str = "actor",
    scoring: Scoring | None = None,
    min_events: int = 1,
    ref: Reference | None = None,
) -> nx.Graph:
    """The signed network: nodes are actors (or countries), edges carry ``score`` and why."""
    scoring = scoring or Scoring()
    rows = network_edges(store, window=Window(since, until), level=level, scoring=scoring,
                         min_events=min_events)  # fmt: skip
    ref = ref or (Reference.load() if level == "country" else None)
    graph = nx.Graph(level=level, since=str(since or ""), until=str(until or ""),
                     half_life_days=scoring.half_life_days)  # fmt: skip
    nodes: dict[str, dict[str, Any]] = {}  # built first, then added in one go (30k+ edges)
    links = []
    for row in rows:
        for side in ("source", "target"):
            node = row[side]
            attrs = nodes.get(node)
            if attrs is None:
                name = row[f"{side}_name"]
                label = ref.country_name(node) if ref is not None and level == "country" else name
                attrs = nodes[node] = {"name": label or node,
                                       "country": row[f"{side}_country"] or "", "events": 0}  # fmt: skip
            attrs["events"] += row["events"]
        links.append((row["source"], row["target"], {
            "score": round(row["score"], 4), "events": row["events"], "reports": row["reports"],
            "cooperation": row["cooperation"], "conflict": row["conflict"],
            "material": row["material"], "first_date": str(row["first_date"]),
            "last_date": str(row["last_date"]), "top_events": [_event(e) for e in row["top_events"]],
        }))  # fmt: skip
    graph.add_nodes_from(nodes.items())
    graph.add_edges_from(links)
    return graph


def _event(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": raw["event_id"], "date": str(raw["date"]), "cameo": raw["cameo"],
        "quad_class": raw["quad_class"], "contribution": round(raw["contribution"] or 0.0, 4),
        "reports": raw["reports"] or [], "evidence": raw["evidence"],
    }  # fmt: skip


def to_json(graph: nx.Graph) -> dict[str, Any]:
    """The SPEC's JSON: ``{"nodes": [{"id", "name", …}], "edges": [{"source", "score", …}]}``."""
    nodes = [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True))]
    links = [{"source": a, "target": b, **attrs} for a, b, attrs in graph.edges(data=True)]
    return {"nodes": nodes, "edges": sorted(links, key=lambda e: (e["source"], e["target"]))}


def flat(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only (GraphML/GEXF): top events become id lists."""
    out = nx.Graph(**{k: v for k, v in graph.graph.items() if isinstance(v, str | int | float)})
    out.add_nodes_from(graph.nodes(data=True))
    for a, b, attrs in graph.edges(data=True):
        plain = {k: v for k, v in attrs.items() if k != "top_events"}
        plain["top_event_ids"] = " ".join(e["event_id"] for e in attrs.get("top_events", []))
        evidence = [e["evidence"] for e in attrs.get("top_events", []) if e.get("evidence")]
        plain["evidence"] = " | ".join(evidence[:1])
        out.add_edge(a, b, **plain)
    return out


def edges_table(graph: nx.Graph) -> pd.DataFrame:
    rows = []
    for a, b, attrs in graph.edges(data=True):
        row = {"source": a, "target": b, "source_name": graph.nodes[a]["name"],
               "target_name": graph.nodes[b]["name"]}  # fmt: skip
        row.update({k: v for k, v in attrs.items() if k != "top_events"})
        row["top_event_ids"] = " ".join(e["event_id"] for e in attrs.get("top_events", []))
        rows.append(row)
    return pd.DataFrame(rows).sort_values(["source", "target"]) if rows else pd.DataFrame()


def dumps(graph: nx.Graph, fmt: str) -> str:
    """The network as ``json``, ``graphml``, ``gexf`` or ``csv`` (edges) text."""
    if fmt == "json":
        return json.dumps(to_json(graph), ensure_ascii=False, default=str)
    if fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(flat(graph), buffer)
        return buffer.getvalue().decode("utf-8")
    if fmt == "csv":
        return str(edges_table(graph).to_csv(index=False))
    raise UsageError(f"unknown format {fmt!r}; use json, graphml, gexf or csv")
