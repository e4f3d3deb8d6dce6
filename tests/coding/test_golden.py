"""The coder on golden files: tests/golden/NAME.txt beside the expected NAME.jsonl.

Regenerate on purpose with ``pytest tests/coding/test_golden.py --update-golden`` and review
the diff.  Each expected line is a compact view of one event or fact record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from realpolitik.ingest import read
from realpolitik.model import Article

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def compact(record: dict[str, Any], text: str) -> dict[str, Any]:
    if record["type"] == "event":
        target = record["target"]
        trigger = record.get("trigger") or {}
        return {
            "type": "event",
            "source": f"{record['source']['id']}/{record['source']['sector']}",
            "event": record["plover"]["event"],
            "mode": record["plover"]["mode"],
            "cameo": record["cameo"]["code"],
            "target": f"{target['id']}/{target['sector']}" if target else None,
            "date": record["date"],
            "location": (record["location"] or {}).get("name"),
            "trigger": trigger.get("text"),
        }
    return {
        "type": "fact",
        "kind": record["kind"],
        "value": record["value"],
        "unit": record["unit"],
        "qualifier": record["qualifier"],
        "evidence": text[record["evidence"]["start"] : record["evidence"]["end"]][:60],
    }


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, pipeline: Any, request: pytest.FixtureRequest) -> None:
    [article] = list(read([str(GOLDEN / f"{name}.txt")]))
    assert isinstance(article, Article)
    events, facts = pipeline.code(article)
    got = [compact(e.to_record(), article.text) for e in events]
    got += [compact(f.to_record(), article.text) for f in facts]
    expected_path = GOLDEN / f"{name}.jsonl"
    if request.config.getoption("--update-golden"):
        expected_path.write_text("".join(json.dumps(g, sort_keys=True) + "\n" for g in got))
    expected = [json.loads(line) for line in expected_path.read_text().splitlines() if line.strip()]
    assert got == expected
