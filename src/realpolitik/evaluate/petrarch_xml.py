"""Reading PETRARCH validation files (``PETR2_GSR_validation.xml``,
``PETR_Validate_records_2_02.xml`` and the older ``PETR.UnitTest.records.xml``).

They are not well-formed XML (``#`` banner lines, self-closing ``<Sentence .../>`` tags
followed by their children, JSON inside ``<PLEvent ...>``), so they are read the way
PETRARCH's ``validation.py`` reads them: comments removed, then one ``<Sentence>`` block
at a time with regular expressions.

A record is evaluated when, as in ``validation.py``, ``evaluate="true"``, its category is
in the file's ``<Include>`` list (``valid`` is a flag there, not a category) and it has at
least one ``<EventCoding>``.  ``~`` in a gold actor code stands for ``---`` and an empty
code is ``---``.  A record whose ``<Text>`` is empty gets its text from the CoNLL-U parse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.evaluate.base import DEFAULT_DATE

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.S)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    code: str
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    category: str
    date: dt.date
    text: str
    events: tuple[GoldEvent, ...]
    noevents: bool
    evaluate: bool
    line: int


@dataclass(frozen=True, slots=True)
class Suite:
    path: Path
    include: frozenset[str] | None  # None: the file names no categories
    records: tuple[Record, ...]  # every record read

    def evaluated(self) -> list[Record]:
        return [
            r
            for r in self.records
            if r.evaluate
            and (self.include is None or r.category in self.include)
            and (r.events or r.noevents)
        ]


def _blank_comments(text: str) -> str:
    """Comments replaced by as many newlines as they held, so line numbers survive."""
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _date(raw: str) -> dt.date:
    for pattern in ("%Y%m%d", "%y%m%d"):
        try:
            return dt.datetime.strptime(raw.strip(), pattern).date()
        except ValueError:
            continue
    return DEFAULT_DATE


def _code(raw: str | None) -> str:
    code = (raw or "").strip().replace("~", "---")
    return code or "---"


def _text_from_parse(parse: str) -> str:
    out: list[str] = []
    for line in parse.splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].strip().isdigit():
            continue
        out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(out).strip()


def _record(attrs: dict[str, str], body: str, *, line: int, origin: str) -> Record:
    if "id" not in attrs:
        raise InputError("<Sentence> without an id attribute", origin=origin, line=line)
    events: list[GoldEvent] = []
    noevents = False
    for match in _CODING.finditer(body):
        coding = dict(_ATTR.findall(match.group(1)))
        if coding.get("noevents", "").lower() == "true" or "error" in coding:
            noevents = True  # an expected discard ("error") codes nothing too
            continue
        if "eventcode" not in coding:
            raise InputError(
                f"<EventCoding> without eventcode in record {attrs['id']}",
                origin=origin,
                line=line + body[: match.start()].count("\n"),
            )
        events.append(
            GoldEvent(
                coding["eventcode"].strip(),
                _code(coding.get("sourcecode")),
                _code(coding.get("targetcode")),
            )
        )
    text_match = _TEXT.search(body)
    text = " ".join(text_match.group(1).split()) if text_match else ""
    if not text and (parse := _PARSE.search(body)):
        text = _text_from_parse(parse.group(1))
    return Record(
        id=attrs["id"],
        category=attrs.get("category", ""),
        date=_date(attrs.get("date", "")),
        text=text,
        events=tuple(events),
        noevents=noevents and not events,
        evaluate=attrs.get("evaluate", "true").strip().lower() == "true",
        line=line,
    )


def read_suite(path: Path) -> Suite:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the validation file: {err}", origin=str(path)) from err
    text = _blank_comments(raw)
    include = None
    if m := _INCLUDE.search(text):
        include = frozenset(m.group(1).split()) - {"valid"}
    records = []
    for m in _SENTENCE.finditer(text):
        attrs = dict(_ATTR.findall(m.group(1)))
        line = text.count("\n", 0, m.start()) + 1
        records.append(_record(attrs, m.group(2), line=line, origin=str(path)))
    if not records:
        raise InputError(
            "no <Sentence> records: is this a PETRARCH validation file?", origin=str(path)
        )
    return Suite(path=path, include=include, records=tuple(records))
