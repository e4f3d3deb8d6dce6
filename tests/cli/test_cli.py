"""The command line in-process: code, ingest (idempotent, bad input), events, facts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli import main

ARTICLE = (
    "date 2024-01-12\n\nThe United States and Britain carried out airstrikes against the Houthis "
    "in Yemen on Friday. Qatar's prime minister met Hamas leaders in Doha. At least 25 people "
    "were killed in Rafah, according to the Gaza health ministry.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "feed.jsonl").write_text(
        json.dumps(
            {
                "text": "Iran condemned Israel's strike on its consulate in Damascus.",
                "date": "2024-04-02",
            }
        )
        + "\n{broken\n"
    )
    return folder


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("code", "ingest", "events", "facts", "demo"):
        assert name in result.output
    for name in ("code", "ingest", "events", "facts", "demo"):
        sub = CliRunner().invoke(main, [name, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output


def test_code_prints_only_json_lines(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(corpus / "a.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["type"] for r in records} == {"event", "fact"}
    assert any(
        r["type"] == "event" and r["source"]["id"] == "usa" and r["plover"]["event"] == "ASSAULT"
        for r in records
    )
    only = CliRunner().invoke(main, ["code", str(corpus / "a.txt"), "--only", "facts"])
    assert {json.loads(x)["type"] for x in only.stdout.splitlines()} == {"fact"}


def test_ingest_is_idempotent_and_reports_bad_records(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "feed.jsonl:2" in first.stderr and "2 stored" in first.stdout
    listing = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    before = listing.stdout
    second = runner.invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert "0 stored, 2 already" in second.stdout
    assert runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"]).stdout == before


def test_strict_fails_before_writing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "strict.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--strict"])
    assert result.exit_code == 1 and "feed.jsonl:2" in result.stderr
    assert not db.exists()


def test_listings_filter_and_format(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.duckdb"
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(corpus), "--db", str(db)])
    houthis = runner.invoke(
        main, ["events", "--db", str(db), "--actor", "Houthis", "--format", "jsonl"]
    )
    records = [json.loads(x) for x in houthis.stdout.splitlines()]
    assert records and all(
        "houthis" in (r["source"]["id"], (r["target"] or {}).get("id")) for r in records
    )
    since = runner.invoke(
        main, ["events", "--db", str(db), "--since", "2024-03-01", "--format", "jsonl"]
    )
    assert all(json.loads(x)["date"] >= "2024-03-01" for x in since.stdout.splitlines())
    table = runner.invoke(main, ["events", "--db", str(db), "--limit", "1"])
    assert table.exit_code == 0 and len(table.stdout.splitlines()) == 2
    facts = runner.invoke(main, ["facts", "--db", str(db), "--format", "csv", "--type", "killed"])
    rows = list(csv.DictReader(io.StringIO(facts.stdout)))
    assert rows and rows[0]["kind"] == "killed" and float(rows[0]["value"]) == 25


def test_usage_and_missing_store_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["events", "--since", "yesterday"]).exit_code == 2
    missing = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.stderr
    assert runner.invoke(main, ["ingest", str(tmp_path / "nothing-here.txt")]).exit_code == 2


@pytest.mark.slow
def test_demo_codes_the_sample_and_serves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import realpolitik.cli.serve as serve

    served: list[tuple[Path, int, bool]] = []
    monkeypatch.setattr(
        serve,
        "serve_store",
        lambda path, *, port, open_browser: served.append((path, port, open_browser)),
    )
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(main, ["demo", "--db", str(db), "--no-browser", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "Top dyads" in result.stdout and "Iran" in result.stdout and "Hamas" in result.stdout
    assert served == [(db, 8123, False)]
