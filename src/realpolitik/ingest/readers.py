"""Readers for article files: dated articles, plain text, JSON Lines, CSV/TSV and HTML.

Every reader yields :class:`~realpolitik.model.Article` for a good record and
:class:`BadRecord` for a bad one (with file and line), so one broken record never aborts a
batch.  Offsets in coded records index ``Article.text``: for a text file that is the whole
file as decoded, for JSON Lines and CSV the ``text`` field, for HTML the extracted main text.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError, UsageError
from realpolitik.model import Article

#: File endings each reader takes; a directory is searched for these.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

STDIN = "-"

_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})\b[ \t]*(?:\r?\n\s*|(?=\S)|\Z)")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that could not be read: where it is and why."""

    origin: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason}"


Item = Article | BadRecord


def expand(specs: Iterable[str]) -> list[str]:
    """Files, directories (recursive, known formats only), globs and ``-``, in a stable order.

    A spec that matches nothing is a usage error naming it.
    """
    out: list[str] = []
    for spec in specs:
        if spec == STDIN:
            out.append(STDIN)
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
            )
            out.extend(found)
        elif path.is_file():
            out.append(str(path))
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {spec!r}")
            out.extend(m for m in matches if Path(m).is_file())
        else:
            raise UsageError(f"no such file or directory: {spec!r}")
    return out


def read(specs: Iterable[str], *, date: dt.date | None = None) -> Iterator[Item]:
    """Read every article under ``specs``; ``date`` is the fallback for undated plain text."""
    for name in expand(specs):
        if name == STDIN:
            yield from read_bytes(sys.stdin.buffer.read(), origin="<stdin>", date=date)
        else:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                yield BadRecord(name, None, f"cannot read file: {exc.strerror or exc}")
                continue
            yield from read_bytes(data, origin=name, date=date)


def read_bytes(data: bytes, *, origin: str, date: dt.date | None = None) -> Iterator[Item]:
    """Read one file's bytes, choosing the format from its name (or its content for stdin)."""
    if b"\x00" in data[:8192]:
        yield BadRecord(origin, None, "binary file (NUL bytes), not an article")
        return
    suffix = Path(origin).suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        suffix = _sniff(data)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, origin=origin, date=date)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(data, origin=origin, date=date, tab=suffix == ".tsv")
    elif suffix in HTML_SUFFIXES:
        yield _guard(_read_html, data, origin=origin, date=date)
    else:
        yield _guard(_read_text, data, origin=origin, date=date)


def _guard(reader: Any, data: bytes, *, origin: str, date: dt.date | None) -> Item:
    try:
        article: Article = reader(data, origin=origin, date=date)
        return article
    except InputError as exc:
        return BadRecord(origin, exc.line, exc.reason)


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        return ".jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return ".html"
    return ".txt"


def _decode(data: bytes, *, origin: str, first_line: int = 1) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = first_line + data[: exc.start].count(b"\n")
        raise InputError(
            f"undecodable bytes (not UTF-8) at byte {exc.start}; re-save the file as UTF-8",
            origin=origin,
            line=line,
        ) from exc


def parse_date(value: object, *, origin: str, line: int | None) -> dt.date:
    """An ISO date (or a full timestamp, or a date written out) as a ``datetime.date``."""
    text = str(value).strip()
    if _ISO.match(text[:10]):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError as exc:
            raise InputError(f"unparseable date {text!r}", origin=origin, line=line) from exc
    import dateparser  # slow to import; most inputs never need it

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True}) if text else None
    if parsed is None:
        raise InputError(f"unparseable date {text!r}", origin=origin, line=line)
    return parsed.date()


def _read_text(data: bytes, *, origin: str, date: dt.date | None) -> Article:
    text = _decode(data, origin=origin)
    match = _HEADER.match(text)
    body_start = 0
    if match:
        day = parse_date(match.group(1), origin=origin, line=text[: match.start(1)].count("\n") + 1)
        body_start = match.end()
    else:
        fallback = date or _date_from_name(origin)
        if fallback is None:
            raise InputError(
                "no date: start the file with 'date YYYY-MM-DD', pass --date, "
                "or put the date in the file name",
                origin=origin,
            )
        day = fallback
    return _article(text, day, origin=origin, body_start=body_start)


def _date_from_name(origin: str) -> dt.date | None:
    match = _NAME_DATE.search(Path(origin).name)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _article(
    text: str,
    day: dt.date,
    *,
    origin: str,
    body_start: int = 0,
    line: int | None = None,
    fields: dict[str, Any] | None = None,
) -> Article:
    body = text[body_start:]
    if not body.strip():
        raise InputError("no text", origin=origin, line=line)
    fields = fields or {}

    def opt(key: str) -> str | None:
        value = fields.get(key)
        return str(value) if value not in (None, "") else None

    return Article(
        article_id=Article.make_id(body, day),
        date=day,
        text=text,
        body_start=body_start,
        title=opt("title"),
        url=opt("url"),
        source=opt("source"),
        origin=origin,
        line=line,
    )


def _from_fields(
    fields: dict[str, Any], *, origin: str, line: int, date: dt.date | None
) -> Article:
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no text (the 'text' field is missing or empty)", origin=origin, line=line)
    raw_date = fields.get("date") or fields.get("published")
    if raw_date:
        day = parse_date(raw_date, origin=origin, line=line)
    elif date is not None:
        day = date
    else:
        raise InputError(
            "no date (give a 'date' or 'published' field, or --date)", origin=origin, line=line
        )
    return _article(text, day, origin=origin, line=line, fields=fields)


def _read_jsonl(data: bytes, *, origin: str, date: dt.date | None) -> Iterator[Item]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(_decode(raw, origin=origin, first_line=number))
            if not isinstance(record, dict):
                raise InputError(
                    "a JSON Lines record must be an object", origin=origin, line=number
                )
            yield _from_fields(record, origin=origin, line=number, date=date)
        except json.JSONDecodeError as exc:
            yield BadRecord(origin, number, f"invalid JSON: {exc.msg} (column {exc.colno})")
        except InputError as exc:
            yield BadRecord(origin, exc.line or number, exc.reason)


def _read_csv(data: bytes, *, origin: str, date: dt.date | None, tab: bool) -> Iterator[Item]:
    try:
        text = _decode(data, origin=origin)
    except InputError as exc:
        yield BadRecord(origin, exc.line, exc.reason)
        return
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if tab else ",")
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield BadRecord(origin, 1, "the header has no 'text' column")
        return
    start = 2
    try:
        for row in reader:
            try:
                if None in row:
                    raise InputError("more fields than the header names", origin=origin, line=start)
                yield _from_fields(row, origin=origin, line=start, date=date)
            except InputError as exc:
                yield BadRecord(origin, exc.line or start, exc.reason)
            start = reader.line_num + 1
    except csv.Error as exc:
        yield BadRecord(origin, reader.line_num, f"malformed CSV: {exc}")


def _read_html(data: bytes, *, origin: str, date: dt.date | None) -> Article:
    import trafilatura  # heavy; only HTML needs it

    html = _decode(data, origin=origin)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no main text found in the HTML page", origin=origin)
    raw_date = getattr(doc, "date", None)
    day = (
        parse_date(raw_date, origin=origin, line=None)
        if raw_date
        else date or _date_from_name(origin)
    )
    if day is None:
        raise InputError("no publication date in the page; pass --date", origin=origin)
    fields = {
        "title": getattr(doc, "title", None),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }
    return _article(text, day, origin=origin, fields=fields)
