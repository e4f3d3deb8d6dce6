"""Readers: every input format, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from realpolitik.errors import UsageError
from realpolitik.ingest import BadRecord, expand, read, read_bytes
from realpolitik.model import Article

BODY = "Iran's foreign minister met Hamas leaders in Doha on Tuesday."


def _one(items: list) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_dated_article_with_body_on_the_same_line() -> None:
    data = f" date 2024-03-30 {BODY}\n\nSecond paragraph.".encode()
    article = _one(list(read_bytes(data, origin="a.txt")))
    assert article.date == dt.date(2024, 3, 30)
    assert article.text == data.decode()
    assert article.body.startswith("Iran's foreign minister")
    assert article.text[article.body_start :] == article.body


def test_dated_article_with_header_line() -> None:
    article = _one(list(read_bytes(f"date 2023-11-24\n\n{BODY}".encode(), origin="b.txt")))
    assert article.date == dt.date(2023, 11, 24)
    assert article.body == BODY


def test_same_body_gives_same_id_across_formats(tmp_path: Path) -> None:
    dated = _one(list(read_bytes(f"date 2024-03-30\n{BODY}".encode(), origin="a.txt")))
    line = json.dumps({"text": BODY, "date": "2024-03-30"}).encode()
    from_jsonl = _one(list(read_bytes(line, origin="a.jsonl")))
    assert dated.article_id == from_jsonl.article_id
    other_day = _one(
        list(
            read_bytes(json.dumps({"text": BODY, "date": "2024-03-31"}).encode(), origin="a.jsonl")
        )
    )
    assert other_day.article_id != dated.article_id


def test_plain_text_takes_date_from_option_or_file_name() -> None:
    with_option = _one(
        list(read_bytes(BODY.encode(), origin="notes.txt", date=dt.date(2024, 1, 2)))
    )
    assert with_option.date == dt.date(2024, 1, 2)
    from_name = _one(list(read_bytes(BODY.encode(), origin="news/2024-02-03-doha.txt")))
    assert from_name.date == dt.date(2024, 2, 3)
    compact = _one(list(read_bytes(BODY.encode(), origin="report_20240204.txt")))
    assert compact.date == dt.date(2024, 2, 4)


def test_plain_text_without_any_date_is_a_bad_record_naming_the_file() -> None:
    [bad] = list(read_bytes(BODY.encode(), origin="undated.txt"))
    assert isinstance(bad, BadRecord)
    assert bad.origin == "undated.txt" and "no date" in bad.reason


def test_jsonl_good_and_bad_lines_are_counted_by_line() -> None:
    lines = [
        json.dumps(
            {"text": BODY, "date": "2024-03-30", "title": "T", "url": "http://x", "source": "wire"}
        ),
        "",
        "{not json",
        json.dumps({"date": "2024-03-30"}),
        json.dumps({"text": BODY, "published": "2024-13-45"}),
        json.dumps({"text": "Qatar hosted talks.", "published": "2024-04-01T10:00:00Z"}),
        json.dumps(["a", "list"]),
    ]
    items = list(read_bytes("\n".join(lines).encode(), origin="feed.jsonl"))
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert [a.line for a in good] == [1, 6]
    assert good[0].title == "T" and good[0].url == "http://x" and good[0].source == "wire"
    assert good[1].date == dt.date(2024, 4, 1)
    assert [b.line for b in bad] == [3, 4, 5, 7]
    assert "invalid JSON" in bad[0].reason and "no text" in bad[1].reason
    assert "unparseable date" in bad[2].reason
    assert str(bad[0]).startswith("feed.jsonl:3:")


def test_csv_and_tsv_with_header() -> None:
    csv_data = f'text,date,title\n"{BODY}",2024-03-30,Talks\n,2024-03-30,empty\n'.encode()
    items = list(read_bytes(csv_data, origin="feed.csv"))
    assert isinstance(items[0], Article) and items[0].title == "Talks" and items[0].line == 2
    assert isinstance(items[1], BadRecord) and items[1].line == 3
    tsv = f"date\ttext\n2024-03-30\t{BODY}\n".encode()
    assert _one(list(read_bytes(tsv, origin="feed.tsv"))).body == BODY


def test_csv_without_text_column_is_reported() -> None:
    [bad] = list(read_bytes(b"title,date\nx,2024-01-01\n", origin="feed.csv"))
    assert isinstance(bad, BadRecord) and "'text' column" in bad.reason


def test_multiline_csv_field_keeps_line_numbers() -> None:
    data = f'text,date\n"line one\nline two",2024-03-30\n"{BODY}",bad-date\n'.encode()
    items = list(read_bytes(data, origin="m.csv"))
    assert isinstance(items[0], Article) and items[0].line == 2
    assert isinstance(items[1], BadRecord) and items[1].line == 4


def test_html_main_text_and_date() -> None:
    html = f"""<!doctype html><html><head><title>Talks in Doha</title>
    <meta property="article:published_time" content="2024-03-30T08:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Talks in Doha</h1>
    <p>{BODY} The meeting lasted three hours and covered a ceasefire proposal.</p>
    <p>Officials from Egypt also attended the talks, which ended without an agreement.</p>
    </article><footer>Copyright</footer></body></html>"""
    article = _one(list(read_bytes(html.encode(), origin="page.html")))
    assert article.date == dt.date(2024, 3, 30)
    assert "Iran's foreign minister met Hamas" in article.text
    assert "Copyright" not in article.text


def test_undecodable_bytes_name_the_line() -> None:
    data = b"date 2024-03-30\nfine line\n" + b"bad \xff\xfe byte\n"
    [bad] = list(read_bytes(data, origin="latin.txt"))
    assert isinstance(bad, BadRecord) and bad.line == 3 and "UTF-8" in bad.reason


def test_binary_file_is_rejected() -> None:
    [bad] = list(read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", origin="image.txt"))
    assert isinstance(bad, BadRecord) and "binary" in bad.reason


def test_invalid_header_date_is_a_bad_record() -> None:
    [bad] = list(read_bytes(f"date 2024-02-30\n{BODY}".encode(), origin="a.txt"))
    assert isinstance(bad, BadRecord) and "unparseable date" in bad.reason


def test_empty_body_is_a_bad_record() -> None:
    [bad] = list(read_bytes(b"date 2024-02-03\n\n   \n", origin="a.txt"))
    assert isinstance(bad, BadRecord) and "no text" in bad.reason


def test_directories_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(f"date 2024-01-01\n{BODY}")
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"text": BODY, "date": "2024-01-02"}))
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    found = expand([str(tmp_path)])
    assert [Path(f).name for f in found] == ["a.txt", "b.jsonl"]
    assert [Path(f).name for f in expand([str(tmp_path / "*.txt")])] == ["a.txt"]
    with pytest.raises(UsageError):
        expand([str(tmp_path / "missing.txt")])
    with pytest.raises(UsageError):
        expand([str(tmp_path / "*.csv")])
    assert len([i for i in read([str(tmp_path)]) if isinstance(i, Article)]) == 2


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps({"text": BODY, "date": "2024-03-30"}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    [article] = list(read(["-"]))
    assert isinstance(article, Article) and article.origin == "<stdin>"
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(f"date 2024-03-30 {BODY}".encode()))
    )
    [article] = list(read(["-"]))
    assert isinstance(article, Article) and article.date == dt.date(2024, 3, 30)
