"""How much fact extraction adds to coding time.

Parses the same texts once with the real spaCy pipeline (the baseline: parsing is what
coding costs anyway), then runs :class:`FactExtractor` on those parsed docs, in the same
run, and prints both times and their ratio.  The issue's target is a ratio below 0.20.

Texts (read from ``../shared/data``; nothing is copied): State HIU humanitarian summaries,
Wikipedia Current Events days from 2022-2024 (the development years) and ACLED notes.

    .venv/bin/python benchmarks/bench_facts.py            # all three sources
    .venv/bin/python benchmarks/bench_facts.py --wcep-days 100 --acled 500 --json
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

import yaml

from realpolitik.facts import FactExtractor
from realpolitik.model import Article
from realpolitik.nlp import load_pipeline, parse
from realpolitik.places import Gazetteer

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared"))


def hiu_articles(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        parts = text.split("---", 2)
        body = parts[2].strip() if len(parts) == 3 else text
        if len(body.split()) > 20:
            head = parts[1] if len(parts) == 3 else ""
            found = re.search(r"date_published:\s*(\d{4}-\d{2}-\d{2})", head)
            date = dt.date.fromisoformat(found.group(1)) if found else dt.date(2000, 1, 1)
            articles.append(Article(Article.make_id(body, date), date, body, origin=str(path)))
    return articles


def wcep_articles(folder: Path, days: int) -> list[Article]:
    articles = []
    for path in sorted(
        p for year in ("2022", "2023", "2024") for p in (folder / year).rglob("*") if p.is_file()
    )[:days]:
        record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = [
            s
            for values in (record.get("Intelligence_Payload") or {}).values()
            for s in values or ()
            if isinstance(s, str) and len(s.split()) > 6
        ]
        if items:
            date = dt.date.fromisoformat(str(record["Date"]))
            text = "\n".join(items)
            articles.append(Article(Article.make_id(text, date), date, text, origin=str(path)))
    return articles


def acled_articles(path: Path, limit: int) -> list[Article]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for _, row in zip(range(limit), csv.DictReader(handle), strict=False)]
    return [
        Article(Article.make_id(r["notes"]), dt.date.fromisoformat(r["event_date"]), r["notes"])
        for r in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wcep-days", type=int, default=150)
    parser.add_argument("--acled", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    data = SHARED / "data"
    if not data.is_dir():
        print(f"no shared data at {SHARED} (set REALPOLITIK_SHARED)", file=sys.stderr)
        return 1
    articles = (
        hiu_articles(data / "news" / "state_hiu_humanitarian" / "posts")
        + wcep_articles(data / "news" / "wcep_daily_2022_2025", args.wcep_days)
        + acled_articles(
            data / "eventdata" / "acled" / "acled_sample_2022H1_global_9000.csv", args.acled
        )
    )
    nlp = load_pipeline()
    fx = FactExtractor(gazetteer=Gazetteer.load())
    parse(nlp, articles[0])  # warm up

    start = time.perf_counter()
    docs = [parse(nlp, article) for article in articles]
    parse_seconds = time.perf_counter() - start

    start = time.perf_counter()
    facts = [fx.extract(doc, article) for doc, article in zip(docs, articles, strict=True)]
    facts_seconds = time.perf_counter() - start

    result = {
        "articles": len(articles),
        "characters": sum(len(a.text) for a in articles),
        "facts": sum(len(f) for f in facts),
        "parse_seconds": round(parse_seconds, 3),
        "facts_seconds": round(facts_seconds, 3),
        "ratio": round(facts_seconds / parse_seconds, 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<16}{value}")
        print(f"facts add {100 * result['ratio']:.1f}% to parse time (target: < 20%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
