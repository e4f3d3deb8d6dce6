"""Find every actor mention in a text: runs of adjacent known pieces read as one phrase.

"Iran's Foreign Minister Hossein Amirabdollahian" is one run (name, possessive, title,
person); "Iran" in "Iran-backed" is a modifier and no mention; "Tehran" after "in" is a
place.  A person's surname later in the text ("al-Nakhalah") refers back to the person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from realpolitik.actors.index import Piece, RefKind
from realpolitik.actors.phrase import FILLERS, PAST, is_modifier
from realpolitik.actors.resolver import Reading
from realpolitik.actors.text import Token, tokenize
from realpolitik.model import ActorKind

if TYPE_CHECKING:
    from realpolitik.actors.base import ActorBase

_LOCATIVE = frozenset(
    ["in", "at", "near", "inside", "across", "throughout", "within", "into", "outside", "around"]
)
_BRIDGES = frozenset({"'s", *FILLERS})
_SENTENCE_BREAKS = '.,;:()[]!?"\n'


def scan_text(kb: ActorBase, text: str, *, on: dt.date) -> list[tuple[int, int, Reading]]:
    tokens = tokenize(text)
    pieces = kb.index.pieces(tokens)
    found: list[tuple[int, int, Reading]] = []
    surnames: dict[str, str] = {}
    for first, last in _runs(text, tokens, pieces):
        if (
            _is_modifier_run(text, tokens, last)
            or _adjective_only(kb, text, tokens, pieces, first, last)
            or _dash_compound(text, tokens, pieces, first, last)
        ):
            continue
        before = first - 1
        while before >= 0 and tokens[before].norm == "the":
            before -= 1
        if before >= 0 and tokens[before].norm in _LOCATIVE and _placelike(pieces, first):
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        reading = kb.reading(text[start:end], on=on)
        if reading is None:
            continue
        found.append((start, end, reading))
        if reading.actor.person:
            surname = tokenize(reading.actor.person)
            if len(surname) >= 2 and len(surname[-1].norm) >= 4:
                surnames[surname[-1].norm] = text[start:end]
    if surnames:
        found.extend(_surname_mentions(kb, text, tokens, found, surnames, on=on))
        found.sort(key=lambda f: f[0])
    return found


def _runs(text: str, tokens: Sequence[Token], pieces: Sequence[Piece]) -> list[tuple[int, int]]:
    """Token ranges ``(first, last)`` of adjacent pieces, with names after titles."""
    by_start = {p.start: p for p in pieces}
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        piece = by_start.get(i)
        if piece is None:
            i += 1
            continue
        first = i
        if first > 0 and tokens[first - 1].norm in PAST and _joined(text, tokens, first):
            first -= 1
        end = piece.end
        last_kind = piece.best.kind
        while end < n and _joined(text, tokens, end):
            nxt = by_start.get(end)
            token = tokens[end]
            if nxt is not None:
                end, last_kind = nxt.end, nxt.best.kind
            elif (token.norm in _BRIDGES and end + 1 < n and (end + 1) in by_start) or (
                token.norm in _BRIDGES and token.norm != "'s" and last_kind != RefKind.PERSON
            ):
                end += 1
            elif token.upper and last_kind == RefKind.TERM and token.norm not in _BRIDGES:
                while end < n and tokens[end].upper and _joined(text, tokens, end):
                    if end in by_start:
                        break
                    end += 1
                break
            else:
                break
        runs.append((first, end))
        i = end
    return runs


def _joined(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` continues the phrase of token ``i - 1`` (no punctuation between)."""
    gap = text[tokens[i - 1].end : tokens[i].start]
    return not any(c in _SENTENCE_BREAKS for c in gap) and len(gap) <= 2


def _is_modifier_run(text: str, tokens: Sequence[Token], last: int) -> bool:
    return is_modifier(text, tokens, last)


def _adjective_only(
    kb: ActorBase,
    text: str,
    tokens: Sequence[Token],
    pieces: Sequence[Piece],
    first: int,
    last: int,
) -> bool:
    """A lone demonym before an unknown noun ("Palestinian resistance", "Malaysian Pardons
    Board", "a Caribbean island", where "Caribbean" is also the region's name) is no
    mention."""
    if last >= len(tokens) or not _joined(text, tokens, last):
        return False
    return any(
        p.start == first
        and p.end == last
        and (
            p.best.kind == RefKind.DEMONYM
            or any(
                r.kind == RefKind.DEMONYM and kb.index.entities[r.target].kind is ActorKind.REGION
                for r in p.refs
            )
        )
        for p in pieces
    )


def _dash_compound(
    text: str, tokens: Sequence[Token], pieces: Sequence[Piece], first: int, last: int
) -> bool:
    """ "Israel–Hamas war", "North Korea–Ukraine relations": names joined by a dash modify."""
    starts = {p.start for p in pieces}
    return any(
        i in starts and text[tokens[i - 1].end : tokens[i].start] in ("-", "\u2013", "\u2014")
        for i in range(first + 1, last)
    )


def _placelike(pieces: Sequence[Piece], first: int) -> bool:
    for piece in pieces:
        if piece.start == first:
            return piece.best.kind in (RefKind.CAPITAL, RefKind.CITY, RefKind.ENTITY)
    return False


def _surname_mentions(
    kb: ActorBase,
    text: str,
    tokens: Sequence[Token],
    found: list[tuple[int, int, Reading]],
    surnames: dict[str, str],
    *,
    on: dt.date,
) -> list[tuple[int, int, Reading]]:
    taken = [(s, e) for s, e, _ in found]
    extra: list[tuple[int, int, Reading]] = []
    for i, token in enumerate(tokens):
        if token.norm not in surnames or not token.upper:
            continue
        start = token.start
        if i > 0 and tokens[i - 1].norm in ("al", "el") and text[tokens[i - 1].end] == "-":
            start = tokens[i - 1].start
        if any(s < token.end and start < e for s, e in taken):
            continue
        reading = kb.reading(surnames[token.norm], on=on)
        if reading is not None:
            extra.append((start, token.end, Reading(reading.actor, "person")))
            taken.append((start, token.end))
    return extra
