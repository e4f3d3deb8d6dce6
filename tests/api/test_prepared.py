"""What the server prepares once, and how it orders requests under load."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.api.params import reply_object
from realpolitik.api.prepared import EventJson
from realpolitik.api.queue import Gate
from realpolitik.store import Store


def _ids(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [str(r[0]) for r in store.con.execute("SELECT event_id FROM events").fetchall()]


def test_records_encoded_on_demand_equal_those_encoded_at_startup(db: Path) -> None:
    ids = _ids(db)
    with Store.open(db, read_only=True) as store:
        whole = EventJson()
        whole.prepare(store)
        paged = EventJson(eager_limit=0, keep=3)  # too small a limit: encoded page by page
        paged.prepare(store)
        assert whole.complete and not paged.complete
        expected = [e.json for e in whole.get(store, ids)]
        assert len(expected) == len(ids) == 8
        assert [e.json for e in paged.get(store, ids[:2])] == expected[:2]
        assert [e.json for e in paged.get(store, ids)] == expected  # evicts, still answers
        assert len(paged._by_id) <= len(ids)
        assert paged.get(store, ["no-such-event", ids[0]])[0].json == expected[0]
        assert whole.one(store, "no-such-event") is None


def test_an_encoded_record_is_the_json_the_api_returns(client: TestClient) -> None:
    listed = client.get("/api/events", params={"page_size": 200}).json()
    for item in listed["items"]:
        one = client.get(f"/api/events/{item['event_id']}").json()
        assert {k: v for k, v in one.items() if k not in ("article", "mention_count")} == item
        assert one["mention_count"] >= len(item["marks"])


def test_members_are_added_to_encoded_objects() -> None:
    assert json.loads(reply_object(b"{}", items=b"[1,2]").body) == {"items": [1, 2]}
    body = reply_object(b'{"a":1}', b=b'"x"', c=b"null").body
    assert json.loads(body) == {"a": 1, "b": "x", "c": None}


def test_the_gate_admits_in_arrival_order() -> None:
    async def run() -> list[int]:
        gate = Gate(2)
        order: list[int] = []
        release = asyncio.Event()

        async def request(n: int) -> None:
            async with gate:
                order.append(n)
                await release.wait()

        tasks = [asyncio.create_task(request(n)) for n in range(8)]
        await asyncio.sleep(0)
        assert order == [0, 1]  # two slots
        tasks[5].cancel()  # a client that gives up while waiting loses its place only
        release.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        return order

    assert asyncio.run(run()) == [0, 1, 2, 3, 4, 6, 7]


def test_a_gate_needs_a_slot() -> None:
    with pytest.raises(ValueError, match="slots"):
        Gate(0)


def test_security_headers_on_answers_cached_or_not(client: TestClient) -> None:
    for _ in range(2):  # the second answer comes from the response cache
        response = client.get("/api/overview")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_actor_search_by_name_id_or_country(client: TestClient) -> None:
    def ids(q: str) -> list[str]:
        return [a["id"] for a in client.get("/api/actors", params={"q": q}).json()["items"]]

    assert ids("isRAEL") == ["isr"]
    assert "irn" in ids("IRN") and "irn" in ids("ir")
    listed = client.get("/api/actors", params={"page_size": 2, "page": 2}).json()
    assert listed["total"] > 2 and len(listed["items"]) == 2
    everyone = client.get("/api/actors", params={"page_size": 200}).json()["items"]
    busy = [a["events"] for a in everyone]
    assert busy == sorted(busy, reverse=True)
