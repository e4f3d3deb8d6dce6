"""The HTTP API in-process: shapes, filters, paging, 4xx on bad input, untrusted text."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from realpolitik.api import create_app
from realpolitik.errors import StoreError


def test_overview_counts_and_filter_values(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["events"] == 8 and body["counts"]["articles"] == 7
    assert (body["first_date"], body["last_date"]) == ("2024-03-30", "2024-06-10")
    assert {t["type"] for t in body["event_types"]} == {"CONSULT", "ASSAULT", "AID", "ACCUSE"}
    assert [k["kind"] for k in body["fact_kinds"]] == ["displaced", "killed"]


def test_events_are_paged_newest_first_with_totals(client: TestClient) -> None:
    first = client.get("/api/events", params={"page_size": 3}).json()
    second = client.get("/api/events", params={"page_size": 3, "page": 2}).json()
    assert first["total"] == second["total"] == 8
    dates = [e["date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) >= 5
    ids = {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    assert not ids


def test_event_filters(client: TestClient) -> None:
    def total(**params: object) -> int:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return int(response.json()["total"])

    assert total(actor="irn") == 5
    assert total(actor="Iran") == 5  # a name resolves through the knowledge base or by name
    assert total(source="isr") == 2
    assert total(source="isr", target="irn") == 1
    assert total(between=["irn", "isr"]) == 2
    assert total(type="ASSAULT") == 3
    assert total(type="assault", quad=4) == 3
    assert total(quad=[1, 2]) == 4
    assert total(q="drones") == 1
    assert total(since="2024-05-01", until="2024-05-31") == 2
    assert total(country="QAT") == 1
    assert total(bbox="50,25,52,36") == 3  # Tehran twice, Doha


def test_event_record_marks_trigger_and_actors_in_the_sentence(client: TestClient) -> None:
    [event] = client.get("/api/events", params={"q": "drones"}).json()["items"]
    sentence = event["evidence"]["text"]
    assert sentence == "Iran launched drones at Israel."
    assert event["trigger"] == {"start": 5, "end": 13, "text": "launched"}
    marks = {(m["role"], sentence[m["start"] : m["end"]]) for m in event["marks"]}
    assert marks == {("source", "Iran"), ("target", "Israel")}
    assert event["source"]["id"] == "irn" and event["cameo"]["quad_class"] == 4


def test_one_event_and_its_article(client: TestClient) -> None:
    [listed] = client.get("/api/events", params={"q": "Isfahan"}).json()["items"]
    event = client.get(f"/api/events/{listed['event_id']}").json()
    assert event["article"]["title"] == "Report of 2024-04-20"
    article = client.get(f"/api/articles/{event['article_id']}").json()
    assert article["text"] == "Israel struck Iran near Isfahan."


def test_untrusted_article_text_comes_back_verbatim(client: TestClient, data: ModuleType) -> None:
    [event] = client.get("/api/events", params={"actor": "qat"}).json()["items"]
    assert event["evidence"]["text"] == data.XSS_TEXT
    article = client.get(f"/api/articles/{event['article_id']}")
    assert article.json()["text"] == data.XSS_TEXT
    assert article.headers["content-type"].startswith("application/json")
    assert "<script>" in article.text  # JSON, not HTML: the characters travel as they are


def test_network_has_signed_edges_with_their_events(client: TestClient) -> None:
    body = client.get("/api/network").json()
    names = {n["id"]: n for n in body["nodes"]}
    assert {"irn", "isr", "hamas", "pij", "qat", "usa"} <= set(names)
    assert names["irn"]["region"] == "Middle East" and names["usa"]["region"] == "Americas"
    assert names["hamas"]["kind"] == "group"
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("irn", "isr")]["score"] < 0 < edges[("irn", "pij")]["score"]
    assert all(-1 <= e["score"] <= 1 for e in body["edges"])
    hostile = edges[("irn", "isr")]
    assert len(hostile["events"]) == 2 and hostile["event_count"] == 2
    found = client.get(f"/api/events/{hostile['events'][0]}")
    assert found.status_code == 200


def test_network_filters(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        response = client.get("/api/network", params=params)
        assert response.status_code == 200, response.text
        return {n["id"] for n in response.json()["nodes"]}

    assert ids(until="2024-04-30") == {"irn", "isr", "pij"}
    assert ids(type="ASSAULT") == {"irn", "isr", "hamas"}
    assert "usa" not in ids(region="Middle East")
    assert ids(kind="group", region="Middle East") == set()  # no edge between two groups
    assert ids(min_score=0.99) == set()
    countries = client.get("/api/network", params={"level": "country"}).json()
    assert {"IRN", "ISR"} <= {n["id"] for n in countries["nodes"]}


def test_relations_both_directions(client: TestClient) -> None:
    body = client.get("/api/relations", params={"a": "irn", "b": "isr", "by": "month"}).json()
    assert body["a"] == {"id": "irn", "name": "Iran"} and body["b"]["id"] == "isr"
    ab = {r["period"]: r for r in body["series"]["A->B"]}
    ba = {r["period"]: r for r in body["series"]["B->A"]}
    assert ab["2024-04-01"]["material_conflict"] == 1 and ba["2024-04-01"]["material_conflict"] == 1


def test_actor_profile(client: TestClient) -> None:
    body = client.get("/api/actors/irn", params={"on": "2024-03-30"}).json()
    assert body["knowledge"]["name"] == "Iran" and body["knowledge"]["kind"] == "state"
    roles = {r["role"] for r in body["knowledge"]["roles"]}
    assert "foreign minister" in roles
    people = {r["person"] for r in body["knowledge"]["roles"] if r["role"] == "foreign minister"}
    assert any("Amirabdollahian" in p for p in people)  # in office on that date
    assert [a["id"] for a in body["allies"]] == ["pij"]
    assert body["enemies"] == []  # the drones came later
    assert body["event_total"] == 1
    later = client.get("/api/actors/irn", params={"on": "2024-06-30"}).json()
    assert {e["id"] for e in later["enemies"]} == {"isr", "usa"}


def test_actor_listing(client: TestClient) -> None:
    body = client.get("/api/actors", params={"q": "Isr"}).json()
    assert [a["id"] for a in body["items"]] == ["isr"] and body["items"][0]["events"] == 4


def test_facts_listing_series_and_places(client: TestClient) -> None:
    facts = client.get("/api/facts", params={"kind": "killed"}).json()
    assert facts["total"] == 1 and facts["items"][0]["value"] == 30
    series = client.get("/api/facts/series", params={"by": "month"}).json()["rows"]
    assert {(r["period"], r["kind"], r["reported"]) for r in series} == {
        ("2024-05-01", "killed", 30.0), ("2024-06-01", "displaced", 1000.0)}  # fmt: skip
    places = client.get("/api/facts/places").json()["places"]
    assert {p["place"] for p in places} == {"Gaza"}


def test_event_map_aggregates_cells(client: TestClient) -> None:
    body = client.get("/api/map/events", params={"cell": 5}).json()
    counts = {c["place"]: c["events"] for c in body["cells"]}
    assert counts["Tehran"] == 2 and sum(counts.values()) == 4


def test_blocs(client: TestClient) -> None:
    body = client.get("/api/blocs").json()
    assert set(body) == {"balance", "triads", "blocs"}


@pytest.mark.parametrize(
    ("url", "params", "status", "says"),
    [
        ("/api/events", {"page": 0}, 422, "page"),
        ("/api/events", {"page_size": 1000}, 422, "page_size"),
        ("/api/events", {"since": "2024-02-30"}, 422, "since"),
        ("/api/events", {"since": "2024-06-01", "until": "2024-01-01"}, 422, "swap"),
        ("/api/events", {"type": "DROP TABLE events"}, 422, "PLOVER"),
        ("/api/events", {"quad": 7}, 422, "quad"),
        ("/api/events", {"country": "Iran!"}, 422, "three-letter"),
        ("/api/events", {"bbox": "1,2,3"}, 422, "bbox"),
        ("/api/events", {"between": ["irn", "isr", "usa"]}, 422, "between"),
        ("/api/events", {"order": "random()"}, 422, "order"),
        ("/api/events/no-such-event", {}, 404, "no event"),
        ("/api/events/bad id;--", {}, 422, "event_id"),
        ("/api/articles/nope", {}, 404, "no article"),
        ("/api/network", {"region": "Atlantis"}, 422, "region"),
        ("/api/network", {"kind": "robot"}, 422, "kind"),
        ("/api/network", {"level": "galaxy"}, 422, "level"),
        ("/api/relations", {"a": "irn"}, 422, "b"),
        ("/api/relations", {"a": "irn", "b": "nobody-at-all"}, 404, "no stored actor"),
        ("/api/actors/nobody-at-all", {}, 404, "no actor"),
        ("/api/facts", {"kind": "happy"}, 422, "fact kind"),
        ("/api/map/events", {"cell": 0}, 422, "cell"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(
    client: TestClient, url: str, params: dict[str, object], status: int, says: str
) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    assert says in response.text


def test_the_api_is_read_only(client: TestClient) -> None:
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/events/x").status_code == 405


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/network", "/api/relations", "/api/actors/{actor_id}",
            "/api/facts", "/api/map/events", "/api/blocs"} <= set(spec["paths"])  # fmt: skip
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "since", "page", "page_size"} <= params
    assert client.get("/docs").status_code == 200


def test_dashboard_missing_says_how_to_build_it(db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(db, dist=tmp_path / "nothing")) as c:
        page = c.get("/")
    assert page.status_code == 503 and "make web" in page.text


def test_dashboard_page_has_a_strict_content_security_policy(db: Path, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    with TestClient(create_app(db, dist=tmp_path)) as c:
        page = c.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_missing_store_is_an_error_naming_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="realpolitik ingest"):
        create_app(tmp_path / "none.duckdb")


def test_the_cache_key_ignores_parameter_order_but_not_repeated_values() -> None:
    from realpolitik.api.cache import ResponseCache

    def key(query: str) -> str:
        return ResponseCache.key({"path": "/api/events", "query_string": query.encode()})

    assert key("a=1&b=2") == key("b=2&a=1")
    assert key("between=irn&between=isr") != key("between=isr&between=irn")


def test_cached_answers_equal_fresh_ones(db: Path) -> None:
    with TestClient(create_app(db, cache=False)) as plain, TestClient(create_app(db)) as cached:
        for url in ("/api/events?actor=irn", "/api/network", "/api/facts/series"):
            first, again = cached.get(url), cached.get(url)
            assert first.json() == again.json() == plain.get(url).json()
        assert cached.get("/api/events?page=0").status_code == 422  # errors are not kept
