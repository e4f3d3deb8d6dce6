"""Reading a figure: "1,500", "1.6 million", "thirty-eight", "dozens", "between 30 and 40",
and the qualifier before it ("at least", "over", "about", "up to")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from realpolitik.model import Qualifier

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "mn": 10**6,
    "m": 10**6,
    "k": 1000,
    "bn": 10**9,
}

#: Vague amounts, read conservatively as ACLED's codebook does ("dozens" is 12,
#: "hundreds" 100), always with the qualifier "at least".
VAGUE = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "tens": 10,
}

_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("no fewer than", Qualifier.AT_LEAST),
    ("no less than", Qualifier.AT_LEAST),
    ("a minimum of", Qualifier.AT_LEAST),
    ("at least", Qualifier.AT_LEAST),
    ("more than", Qualifier.OVER),
    ("over", Qualifier.OVER),
    ("above", Qualifier.OVER),
    ("in excess of", Qualifier.OVER),
    ("upwards of", Qualifier.OVER),
    ("nearly", Qualifier.ABOUT),
    ("almost", Qualifier.ABOUT),
    ("about", Qualifier.ABOUT),
    ("around", Qualifier.ABOUT),
    ("approximately", Qualifier.ABOUT),
    ("roughly", Qualifier.ABOUT),
    ("an estimated", Qualifier.ABOUT),
    ("estimated", Qualifier.ABOUT),
    ("some", Qualifier.ABOUT),
    ("close to", Qualifier.ABOUT),
    ("up to", Qualifier.UP_TO),
    ("as many as", Qualifier.UP_TO),
    ("at most", Qualifier.UP_TO),
)
_QUALIFIER_RE = re.compile(
    r"(?:^|\W)(" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + r")\s*$", re.IGNORECASE
)
_QUALIFIER_OF = {q: k for q, k in _QUALIFIERS}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    qualifier: Qualifier
    high: float | None = None  # the top of a range ("between 30 and 40")
    vague: bool = False


def parse_number(text: str) -> float | None:
    """``"1,500"`` -> 1500, ``"1.6 million"`` -> 1600000, ``"thirty-eight"`` -> 38."""
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def qualifier_before(prefix: str) -> Qualifier:
    """The qualifier that ends ``prefix`` (the text just before a figure), else exact."""
    match = _QUALIFIER_RE.search(prefix[-30:])
    return _QUALIFIER_OF[match.group(1).lower()] if match else Qualifier.EXACT


_RANGE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:and|to|-|–)\s*([\d,.]+|[a-z\-]+)", re.IGNORECASE)


def read_figure(number_text: str, before: str, after: str) -> Figure | None:
    """The figure ``number_text`` with its qualifier (from ``before``) and range (``after``)."""
    lowered = number_text.lower().strip()
    if lowered in VAGUE:
        return Figure(VAGUE[lowered], Qualifier.AT_LEAST, vague=True)
    value = parse_number(number_text)
    if value is None:
        return None
    qualifier = qualifier_before(before)
    match = _RANGE_AFTER.match(after)
    if match and (_RANGE.search(before) or after.lstrip()[:1] in "-–" or "to" in after[:4]):
        high = parse_number(match.group(1))
        if high is not None and high > value:
            return Figure(value, Qualifier.AT_LEAST, high=high)
    return Figure(value, qualifier)
