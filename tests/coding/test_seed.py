"""The reference article end to end: the four records the product promises on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.ingest import read
from realpolitik.model import Article
from realpolitik.ontology import PLOVER_TYPES


@pytest.fixture(scope="module")
def seed(seed_path: Path, pipeline: Any) -> tuple[Article, list[dict], list[dict]]:
    [article] = list(read([str(seed_path)]))
    assert isinstance(article, Article)
    events, facts = pipeline.code(article)
    return article, [e.to_record() for e in events], [f.to_record() for f in facts]


def _between(events: list[dict], a: str, b: str, types: set[str]) -> list[dict]:
    return [
        e for e in events
        if e["plover"]["event"] in types and e["target"]
        and {e["source"]["id"], e["target"]["id"]} == {a, b}
    ]  # fmt: skip


def test_pij_consults_iran_in_tehran(seed: Any) -> None:
    _, events, _ = seed
    found = _between(events, "pij", "irn", {"CONSULT"})
    assert found, events
    assert any(
        e["date"] == "2024-03-30" and (e["location"] or {}).get("name") == "Tehran" for e in found
    )


def test_iran_supports_pij(seed: Any) -> None:
    _, events, _ = seed
    assert any(
        e["source"]["id"] == "irn" and e["target"]["id"] == "pij"
        for e in _between(events, "irn", "pij", {"SUPPORT", "AID"})
    )


def test_security_council_requests_ceasefire(seed: Any) -> None:
    _, events, _ = seed
    found = [
        e
        for e in events
        if e["source"]["id"] == "un-security-council" and e["plover"]["event"] == "REQUEST"
    ]
    assert found and "ceasefire" in found[0]["evidence"]["text"]


def test_displaced_80_percent_of_gaza(seed: Any) -> None:
    _, _, facts = seed
    found = [
        f for f in facts if f["kind"] == "displaced" and f["value"] == 80 and f["unit"] == "percent"
    ]
    assert found and found[0]["qualifier"] == "over" and "Gaza" in found[0]["of"]


def test_records_are_valid_and_evidence_exact(seed: Any) -> None:
    article, events, facts = seed
    assert events and facts
    for record in events + facts:
        ev = record["evidence"]
        assert article.text[ev["start"] : ev["end"]] == ev["text"]
        assert record["date"] == "2024-03-30"
        assert record["article_id"] == article.article_id
    for e in events:
        assert e["plover"]["event"] in PLOVER_TYPES
        assert e["cameo"]["quad_class"] in (1, 2, 3, 4)
        assert 0.0 <= e["confidence"] <= 1.0
        assert e["cameo"]["code"].startswith(e["cameo"]["root"])
        assert e["target"] is None or e["target"]["id"] != e["source"]["id"]
        trigger = e["trigger"]
        assert article.text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert ev_contains(e["evidence"], trigger)


def ev_contains(evidence: dict, span: dict) -> bool:
    return evidence["start"] <= span["start"] and span["end"] <= evidence["end"]
