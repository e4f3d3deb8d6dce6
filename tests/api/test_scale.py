"""With 100,000 events every dashboard call stays bounded in size and answers in seconds."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.api import create_app
from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA, Store

pytestmark = pytest.mark.slow

ACTORS = [(f"a{i}", f"Actor {i}", c) for i, c in enumerate(
    ["IRN", "ISR", "USA", "PSE", "LBN", "YEM", "QAT", "EGY", "RUS", "UKR", "SDN", "CHN", "TWN",
     "PRK", "KOR", "IND", "PAK", "TUR", "SAU", "SYR"] * 3)]  # fmt: skip
CODES = [("040", 1, 1.0, "CONSULT"), ("070", 2, 7.0, "AID"), ("111", 3, -2.0, "ACCUSE"),
         ("190", 4, -10.0, "ASSAULT")]  # fmt: skip


def _events(n: int) -> dict[str, list[object]]:
    rng = random.Random(7)
    cols: dict[str, list[object]] = {c: [] for c in EVENT_COLUMNS}
    start = dt.date(2023, 1, 1)
    for i in range(n):
        (sid, sname, sc), (tid, tname, tc) = rng.sample(ACTORS, 2)
        code, quad, goldstein, plover = rng.choice(CODES)
        row = {c: None for c in EVENT_COLUMNS}
        row.update(
            event_id=f"s{i}", dataset="synthetic", date=start + dt.timedelta(rng.randrange(1000)),
            source_id=sid, source_name=sname, source_country=sc, source_text=sname,
            target_id=tid, target_name=tname, target_country=tc, target_text=tname,
            plover_event=plover, cameo_code=code, cameo_root=code[:2], quad_class=quad,
            goldstein=goldstein, location_name=f"Place {i % 500}", location_country=sc,
            lat=rng.uniform(-40, 60), lon=rng.uniform(-100, 140), confidence=0.5,
            evidence_text=f"{sname} and {tname}, report {i}.", evidence_start=0, evidence_end=30,
        )  # fmt: skip
        for c in EVENT_COLUMNS:
            cols[c].append(row[c])
    return cols


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyarrow as pa

    path = tmp_path_factory.mktemp("scale") / "big.duckdb"
    with Store.open(path) as store:
        store.add_events(pa.table(_events(100_000), schema=EVENT_SCHEMA))
    return path


@pytest.mark.parametrize(
    ("url", "size_key", "most"),
    [
        ("/api/overview", None, 0),
        ("/api/events?page=1500&page_size=50", "items", 50),
        ("/api/events?actor=a3&type=ASSAULT&since=2024-01-01", "items", 50),
        ("/api/events?q=report%2099", "items", 50),
        ("/api/network", "nodes", 300),
        ("/api/network?type=AID&since=2024-01-01&until=2024-06-30", "nodes", 300),
        ("/api/relations?a=a0&b=a1&by=week", None, 0),
        ("/api/actors/a2", None, 0),
        ("/api/map/events?cell=0.25", "cells", 2000),
    ],
)
def test_every_call_is_bounded_and_quick(
    big: Path, url: str, size_key: str | None, most: int
) -> None:
    with TestClient(create_app(big, cache=False)) as client:
        client.get("/api/overview")  # open and warm the knowledge base
        started = time.perf_counter()
        response = client.get(url)
        took = time.perf_counter() - started
    assert response.status_code == 200, response.text
    if size_key:
        assert 0 < len(response.json()[size_key]) <= most
    assert took < 5.0, f"{url} took {took:.1f} s"
