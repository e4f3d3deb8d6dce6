"""Coalitions in the signed network, and how balanced it is.

Blocs are found by signed community detection with ``leidenalg`` (Traag & Bruggeman's
approach: modularity is maximised on the positive edges and minimised on the negative ones,
``optimise_partition_multiplex`` with layer weights 1 and -1).  Structural balance is the
share of balanced triads among the closed triads whose three edges are all signed: a triad
is balanced when the product of its signs is positive ("the enemy of my enemy is my friend").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import igraph as ig
import leidenalg
import networkx as nx


@dataclass(frozen=True, slots=True)
class Tie:
    source: str
    target: str
    score: float

    def to_record(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "score": self.score}


@dataclass(frozen=True, slots=True)
class Bloc:
    number: int
    members: tuple[str, ...]
    names: tuple[str, ...]
    internal: tuple[Tie, ...]  # strongest alliances inside
    external: tuple[Tie, ...]  # strongest ties (by |score|) to outsiders

    def to_record(self) -> dict[str, Any]:
        return {
            "bloc": self.number, "members": list(self.members), "names": list(self.names),
            "internal": [t.to_record() for t in self.internal],
            "external": [t.to_record() for t in self.external],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class BlocReport:
    balance: float | None  # share of balanced signed triads, None when there is none
    triads: int
    blocs: tuple[Bloc, ...]

    def to_record(self) -> dict[str, Any]:
        return {"balance": self.balance, "triads": self.triads,
                "blocs": [b.to_record() for b in self.blocs]}  # fmt: skip


def balance(graph: nx.Graph, *, threshold: float = 0.0) -> tuple[float | None, int]:
    """(share of balanced triads, number of signed triads) over edges with |score| > threshold."""
    sign: dict[frozenset[str], int] = {}
    adj: dict[str, set[str]] = {}
    for a, b, attrs in graph.edges(data=True):
        s = float(attrs.get("score", 0.0))
        if abs(s) > threshold and a != b:
            sign[frozenset((a, b))] = 1 if s > 0 else -1
            adj.setdefault(a, set()).add(b)
            adj.setdefault(b, set()).add(a)
    balanced = total = 0
    order = {n: i for i, n in enumerate(sorted(adj))}
    for a in adj:
        for b in adj[a]:
            if order[b] <= order[a]:
                continue
            for c in adj[a] & adj[b]:
                if order[c] <= order[b]:
                    continue
                total += 1
                prod = sign[frozenset((a, b))] * sign[frozenset((b, c))] * sign[frozenset((a, c))]
                balanced += prod > 0
    return (balanced / total if total else None), total


def find_blocs(
    graph: nx.Graph, *, threshold: float = 0.05, seed: int = 0, top: int = 3, min_size: int = 2
) -> BlocReport:
    """Signed communities (blocs of at least ``min_size``), with their strongest ties."""
    nodes = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pos = ig.Graph(n=len(nodes))
    neg = ig.Graph(n=len(nodes))
    pw, nw = [], []
    for a, b, attrs in graph.edges(data=True):
        s = float(attrs.get("score", 0.0))
        if s > threshold:
            pos.add_edge(index[a], index[b])
            pw.append(s)
        elif s < -threshold:
            neg.add_edge(index[a], index[b])
            nw.append(-s)
    pos.es["weight"] = pw
    neg.es["weight"] = nw
    part_pos = leidenalg.ModularityVertexPartition(pos, weights="weight")
    part_neg = leidenalg.ModularityVertexPartition(neg, weights="weight")
    optimiser = leidenalg.Optimiser()
    optimiser.set_rng_seed(seed)
    optimiser.optimise_partition_multiplex([part_pos, part_neg], layer_weights=[1, -1])
    groups: dict[int, list[str]] = {}
    for i, community in enumerate(part_pos.membership):
        groups.setdefault(community, []).append(nodes[i])
    members = sorted((m for m in groups.values() if len(m) >= min_size), key=lambda m: (-len(m), m))
    blocs = []
    for number, group in enumerate(members, start=1):
        inside = set(group)
        internal, external = [], []
        for a in group:
            for b, attrs in graph[a].items():
                tie = Tie(a, b, float(attrs.get("score", 0.0)))
                if b in inside and a < b:
                    internal.append(tie)
                elif b not in inside:
                    external.append(tie)
        internal.sort(key=lambda t: -t.score)
        external.sort(key=lambda t: -abs(t.score))
        names = tuple(str(graph.nodes[n].get("name", n)) for n in group)
        blocs.append(
            Bloc(number, tuple(group), names, tuple(internal[:top]), tuple(external[:top]))
        )
    share, triads = balance(graph, threshold=threshold)
    return BlocReport(share, triads, tuple(blocs))
