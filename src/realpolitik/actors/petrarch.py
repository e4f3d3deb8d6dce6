"""Read PETRARCH / Phoenix actor dictionaries as an extra source of dated roles.

Format (petrarch2 ``dictionaries.rst``): a primary phrase in capitals with ``_`` between
words (``HASSAN_ROUHANI_``), ``+`` synonym lines, and codes in brackets on the same or
following lines: ``[IRNGOV 050803-130803]`` (six- or eight-digit dates), ``[IRNGOV >date]``
(from), ``[IRNGOV <date]`` (until) or an undated ``[IRNELI]`` default.  Each entry with a
person-like code (country + sector) becomes a :class:`Person`; codes whose country is not
in the knowledge base are skipped.  ``ActorBase.load(extra=[Path("Phoenix.Countries.actors.txt")])``
reads such a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from realpolitik.actors.entries import KnowledgeData, Person, Spell
from realpolitik.actors.records import SECTORS, slugify
from realpolitik.errors import DataError

#: The role of a spell read from a dictionary code, which names no office.
PETRARCH_ROLE = "office (PETRARCH)"
#: A six-digit year up to this is in the 2000s ("130803"), a later one in the 1900s ("320101").
_PIVOT = 30
_CODE = re.compile(r"\[\s*~?([A-Z-]{3,15})\s*(?:([<>])?\s*(\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*\]")


def _date(text: str | None, *, where: str) -> dt.date | None:
    if not text:
        return None
    if len(text) == 6:  # yymmdd: the century is inferred (Phoenix's dates run 1930-2015)
        year = int(text[:2])
        text = f"{2000 + year if year <= _PIVOT else 1900 + year}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise DataError(f"{where}: bad date {text!r} in a PETRARCH code ({exc})") from exc


def _entries(path: Path) -> Iterator[tuple[int, str, list[str], list[str]]]:
    """(line, primary phrase, synonyms, code strings) for each entry."""
    text = path.read_text(encoding="utf-8", errors="replace")
    current: tuple[int, str, list[str], list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<!--", ";")):
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is not None:
                current[3].append(stripped)
            continue
        if stripped.startswith("+"):
            if current is not None:
                current[2].append(stripped[1:].split("[")[0].strip())
                current[3].append(stripped)
            continue
        if raw[:1].isspace():
            continue
        if current is not None:
            yield current
        phrase, _, rest = stripped.partition("[")
        current = (number, phrase.strip(), [], ["[" + rest] if rest else [])
    if current is not None:
        yield current


def _name(phrase: str) -> str:
    """``LEVON_TER-PETROSYAN_`` -> ``Levon Ter-Petrosyan``."""
    words = phrase.replace("_", " ").lower().split()
    return re.sub(r"(?:^|(?<=[ '-]))[a-z]", lambda m: m.group().upper(), " ".join(words))


def read_petrarch_actors(path: Path, *, known: set[str]) -> KnowledgeData:
    people: list[Person] = []
    for line, phrase, synonyms, codes in _entries(path):
        where = f"{path}:{line}"
        spells: list[Spell] = []
        default: tuple[str, str] | None = None
        for code_text in codes:
            for m in _CODE.finditer(code_text):
                code, op, first, second = m.groups()
                country, sector = code[:3].lower(), code[3:6]
                if country not in known or sector not in SECTORS:
                    continue
                if first is None:
                    default = default or (country, sector)
                    continue
                start = _date(first, where=where) if op != "<" else None
                end = _date(second, where=where) if second else None
                if op == "<":
                    end = _date(first, where=where)
                spells.append(Spell(country, PETRARCH_ROLE, sector, start, end, 60))
        if not spells and default is None:
            continue
        name = _name(phrase)
        if not name or len(name) < 4:
            continue
        people.append(
            Person(
                id=slugify(name),
                name=name,
                aliases=tuple(_name(s) for s in synonyms if s),
                spells=tuple(spells),
                entity=default[0] if default else None,
                sector=default[1] if default else "ELI",
                source=f"PETRARCH dictionary {path.name}",
                origin=where,
            )
        )
    return KnowledgeData((), tuple(people), ())
