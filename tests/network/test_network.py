"""The signed network on hand-built events that mimic the coder's output."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from realpolitik.network import Scoring, clusters, dumps, edges, network, to_json

D = dt.date(2024, 3, 30)


def test_iran_and_pij_allies_israel_and_hamas_enemies(gaza_store):
    graph = network(gaza_store, until=D)
    ally = graph.edges["irn", "palestinian-islamic-jihad"]
    enemy = graph.edges["hamas", "isr"]
    assert ally["score"] > 0.3
    assert enemy["score"] < -0.5
    # explained by the events behind the score, with their evidence
    assert any("Islamic Jihad" in (e["evidence"] or "") for e in ally["top_events"])
    assert all(e["contribution"] < 0 for e in enemy["top_events"])
    assert len(enemy["top_events"]) == 3


def test_reports_of_one_meeting_count_once(gaza_store):
    graph = network(gaza_store, until=D)
    ally = graph.edges["irn", "palestinian-islamic-jihad"]
    assert ally["events"] == 2  # the meeting (3 articles) and the arms delivery
    assert ally["reports"] == 4
    meeting = next(e for e in ally["top_events"] if e["cameo"] == "043")
    assert len(meeting["reports"]) == 3


def test_scores_are_bounded_and_decay(gaza_store):
    frame = edges(gaza_store, until=D)
    assert frame["score"].between(-1, 1).all()
    slow = edges(gaza_store, until=D, scoring=Scoring(half_life_days=1.0))
    row = frame.set_index(["source", "target"]).loc[("hamas", "usa")]
    fast = slow.set_index(["source", "target"]).loc[("hamas", "usa")]
    assert abs(fast["weight"]) < abs(row["weight"])  # older events weigh less


def test_material_acts_weigh_more(make_store, ev):
    verbal = [ev("irn", "hamas", "0234", D, n=k) for k in range(1)]
    material = [ev("usa", "isr", "070", D)]
    store = make_store(verbal + material)
    frame = edges(store, until=D).set_index(["source", "target"])
    assert frame.loc[("isr", "usa"), "weight"] > 2 * frame.loc[("hamas", "irn"), "weight"]


def test_country_level_merges_groups_into_their_country(gaza_store):
    actors = network(gaza_store, until=D)
    countries = network(gaza_store, until=D, level="country")
    assert "hamas" in actors and "pse" not in actors
    assert countries.has_edge("ISR", "PSE") and countries.edges["ISR", "PSE"]["score"] < 0
    assert countries.nodes["PSE"]["name"] == "Palestine"


def test_exports(gaza_store):
    graph = network(gaza_store, until=D)
    data = json.loads(dumps(graph, "json"))
    assert {"id", "name", "country"} <= set(data["nodes"][0])
    assert {"source", "target", "score"} <= set(data["edges"][0])
    assert data == json.loads(json.dumps(to_json(graph), default=str))
    for fmt in ("graphml", "gexf"):
        root = ET.fromstring(dumps(graph, fmt))
        assert root.tag.endswith(fmt)
    back = nx.parse_graphml(dumps(graph, "graphml"))
    assert back.number_of_edges() == graph.number_of_edges()
    csv_text = dumps(graph, "csv")
    assert csv_text.splitlines()[0].startswith("source,target,source_name,target_name,score")
    assert len(csv_text.splitlines()) == graph.number_of_edges() + 1


def test_clusters_link_every_report(gaza_store):
    frame = clusters(gaza_store, actor_ids=["palestinian-islamic-jihad"])
    meeting = frame[frame["cameo_code"] == "043"].iloc[0]
    assert meeting["n_reports"] == 3 and meeting["n_sources"] == 3
    assert len(meeting["report_ids"]) == 3


@pytest.mark.parametrize("level", ["actor", "country"])
def test_empty_window_gives_empty_graph(gaza_store, level):
    graph = network(gaza_store, since=dt.date(2030, 1, 1), level=level)
    assert graph.number_of_nodes() == 0
