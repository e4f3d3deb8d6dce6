"""Dyadic time series and blocs."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from realpolitik.errors import UsageError
from realpolitik.network import balance, find_blocs, relations

D = dt.date(2024, 3, 30)


def test_relations_both_directions_zero_filled(gaza_store):
    frame = relations(gaza_store, "Israel", "Hamas", by="week")
    assert set(frame["direction"]) == {"A->B", "B->A"}
    periods = frame["period"].drop_duplicates()
    assert len(frame) == 2 * len(periods)
    # six strikes and six attacks every three days: all material conflict, balance -1
    assert frame.loc[frame["direction"] == "A->B", "material_conflict"].sum() == 6
    assert frame.loc[frame["direction"] == "B->A", "material_conflict"].sum() == 6
    active = frame[frame["events"] > 0]
    assert (active["balance"] == -1).all()
    assert frame["goldstein"].sum() == pytest.approx(-120.0)


def test_relations_fill_empty_periods_with_zeros(gaza_store):
    frame = relations(gaza_store, "irn", "Islamic Jihad", by="day",
                      since=dt.date(2024, 3, 1), until=D)  # fmt: skip
    assert len(frame) == 2 * 30
    assert frame["events"].sum() == 2  # the aid and the meeting (three reports)
    quiet = frame[frame["period"].astype(str) == "2024-03-15"]
    assert quiet["events"].tolist() == [0, 0] and quiet["balance"].tolist() == [0.0, 0.0]


def test_relations_normalised(gaza_store):
    frame = relations(gaza_store, "Israel", "Hamas", by="month", normalize=True)
    busy = frame[frame["events"] > 0].iloc[0]
    assert 0 < busy["events_per_1000"] <= 1000


def test_relations_country_level(gaza_store):
    frame = relations(gaza_store, "ISR", "Palestine", by="month", level="country")
    assert frame["events"].sum() == 12


def test_unknown_actor_is_a_usage_error(gaza_store):
    with pytest.raises(UsageError):
        relations(gaza_store, "Atlantis", "Israel")


def _signed(edges: list[tuple[str, str, float]]) -> nx.Graph:
    graph = nx.Graph()
    for a, b, s in edges:
        graph.add_edge(a, b, score=s)
    for n in graph:
        graph.nodes[n]["name"] = n.upper()
    return graph


def test_balance_counts_balanced_triads():
    graph = _signed([("a", "b", 0.5), ("b", "c", 0.5), ("a", "c", -0.5),  # unbalanced
                     ("c", "d", -0.5), ("b", "d", -0.5)])  # b, c, d: + - - balanced  # fmt: skip
    share, triads = balance(graph)
    assert triads == 2 and share == 0.5


def test_blocs_split_two_camps():
    camp1, camp2 = ["a", "b", "c"], ["x", "y", "z"]
    edges = [(p, q, 0.8) for camp in (camp1, camp2) for i, p in enumerate(camp)
             for q in camp[i + 1:]]  # fmt: skip
    edges += [(p, q, -0.7) for p in camp1 for q in camp2]
    report = find_blocs(_signed(edges))
    assert sorted(sorted(b.members) for b in report.blocs) == [camp1, camp2]
    assert report.balance == 1.0
    bloc = report.blocs[0]
    assert bloc.internal[0].score == 0.8 and bloc.external[0].score == -0.7
    assert report.to_record()["blocs"][0]["names"][0] in {"A", "X"}


def test_blocs_on_the_gaza_store(gaza_store):
    from realpolitik.network import network

    report = find_blocs(network(gaza_store, until=D), min_size=1)
    side = {m: b.number for b in report.blocs for m in b.members}
    assert side["irn"] == side["palestinian-islamic-jihad"]
    assert side["isr"] != side["hamas"]
