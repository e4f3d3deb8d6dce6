"""The shape of a noun phrase: known pieces and unknown words, cut into segments.

Word lists and small helpers shared by the resolver (one phrase) and the scanner (a text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from realpolitik.actors.index import Piece
from realpolitik.actors.text import Token

PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "from",
        "at",
        "for",
        "on",
        "with",
        "near",
        "by",
        "against",
        "to",
        "inside",
        "into",
        "across",
        "within",
        "outside",
        "over",
        "under",
        "between",
        "among",
        "toward",
        "towards",
    ]
)
CUTS = frozenset(
    ["who", "which", "that", "whose", "whom", "and", "or", "but", "as", "while", "when", "where"]
)
QUANTIFIERS = frozenset(
    [
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "most",
        "all",
        "few",
        "one",
        "two",
        "three",
        "four",
        "five",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "none",
        "each",
        "both",
        "any",
        "majority",
        "number",
        "members",
        "member",
        "part",
        "group",
        "team",
        "band",
        "crowd",
        "dozen",
    ]
)
PAST = frozenset(
    ["former", "ex", "late", "retired", "then", "onetime", "deposed", "ousted", "exiled"]
)
MODIFIER_SUFFIXES = frozenset(
    [
        "backed",
        "based",
        "led",
        "supported",
        "sponsored",
        "allied",
        "aligned",
        "linked",
        "affiliated",
        "funded",
        "armed",
        "born",
        "controlled",
        "held",
        "run",
        "occupied",
        "style",
        "friendly",
    ]
)
#: Suffixes after which the name still gives the country ("a Somalia-based group").
HOME_SUFFIXES = frozenset({"based", "born"})

#: Nouns that may follow a group's name without changing what it denotes.
FILLERS = frozenset(
    [
        "group",
        "groups",
        "movement",
        "movements",
        "organization",
        "organisation",
        "faction",
        "factions",
        "militia",
        "militias",
        "party",
        "force",
        "office",
        "station",
        "headquarters",
        "unit",
        "units",
        "department",
        "officer",
        "officers",
        "official",
        "officials",
        "members",
        "attackers",
        "alliance",
        "bloc",
        "chief",
    ]
)


#: Lower-case particles inside personal names ("Abdel Fattah el-Sisi", "Ursula von der Leyen").
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "van", "von", "der", "da"}
    | {"di", "du", "le", "la", "dos", "das", "ben"}
)

#: Articles, which name nothing themselves.
ARTICLES = frozenset({"the", "a", "an"})

#: Sectors of office: a "former" holder is an elite (ELI).
OFFICIAL = frozenset({"GOV", "LEG", "JUD", "MIL", "SPY", "COP"})


@dataclass(frozen=True, slots=True)
class Element:
    """One step of a phrase: a known piece, or a single unknown token (``piece is None``)."""

    start: int  # token indices
    end: int
    piece: Piece | None
    modifier: bool = False  # "Iran" in "Iran-backed"
    home: bool = False  # "Somalia" in "Somalia-based": the modified noun's country


def split_elements(text: str, tokens: Sequence[Token], pieces: Sequence[Piece]) -> list[Element]:
    out: list[Element] = []
    i = 0
    for piece in pieces:
        out.extend(Element(j, j + 1, None) for j in range(i, piece.start))
        modifier = is_modifier(text, tokens, piece.end)
        home = modifier and tokens[piece.end].norm in HOME_SUFFIXES
        out.append(Element(piece.start, piece.end, piece, modifier, home))
        i = piece.end
    out.extend(Element(j, j + 1, None) for j in range(i, len(tokens)))
    return out


def split_segments(
    text: str, tokens: Sequence[Token], elements: list[Element]
) -> list[list[Element]]:
    """Split at commas, brackets, relative pronouns and conjunctions outside known names."""
    segments: list[list[Element]] = [[]]
    for element in elements:
        start = tokens[element.start]
        gap = text[tokens[element.start - 1].end : start.start] if element.start else ""
        if segments[-1] and any(c in gap for c in ",;:()"):
            segments.append([])
        if element.piece is None and start.norm in CUTS:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(element)
    return [s for s in segments if s]


def split_prepositions(
    tokens: Sequence[Token], elements: list[Element]
) -> tuple[list[Element], list[list[Element]]]:
    parts: list[list[Element]] = [[]]
    for element in elements:
        if element.piece is None and tokens[element.start].norm in PREPOSITIONS:
            parts.append([])
            continue
        parts[-1].append(element)
    return parts[0], parts[1:]


def is_modifier(text: str, tokens: Sequence[Token], end: int) -> bool:
    """``Iran`` in ``Iran-backed``: a name (ending before token ``end``) that modifies."""
    if end >= len(tokens) or end == 0:
        return False
    nxt = tokens[end]
    gap = text[tokens[end - 1].end : nxt.start]
    return gap.strip() == "-" and nxt.norm in MODIFIER_SUFFIXES


def kind_of(element: Element) -> int | None:
    return element.piece.best.kind if element.piece is not None else None
