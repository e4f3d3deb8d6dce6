"""Dyads, the signed alliance/enmity network and blocs, as pandas frames and networkx graphs."""

from realpolitik.network.blocs import Bloc, BlocReport, Tie, balance, find_blocs
from realpolitik.network.graph import (
    LEVELS,
    Resolved,
    dumps,
    edges,
    edges_table,
    network,
    relations,
    resolve,
    to_json,
)
from realpolitik.store.analytics import Scoring, clusters

__all__ = [
    "LEVELS",
    "Bloc",
    "BlocReport",
    "Resolved",
    "Scoring",
    "Tie",
    "balance",
    "clusters",
    "dumps",
    "edges",
    "edges_table",
    "find_blocs",
    "network",
    "relations",
    "resolve",
    "to_json",
]
