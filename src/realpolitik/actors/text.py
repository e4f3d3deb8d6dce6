"""Folding and tokenising mention text so that names match however they are written.

Folding keeps the length of the text (one character in, one character out), so token
offsets found in the folded text index the original text too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Tokens: dotted abbreviations (``u.n.``), the possessive ``'s``, and runs of letters/digits.
_TOKEN = re.compile(r"(?:[a-z]\.){2,}|'s\b|[a-z0-9]+")

_PUNCT = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u02bf": "'",
    "\u02be": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _PUNCT.items()}
    for code in range(0xC0, 0x2B0):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        ).lower()
        if len(base) == 1 and base.isascii():
            table[code] = base
    table[ord("ß")] = "s"
    table[ord("æ")] = "a"
    table[ord("ø")] = "o"
    table[ord("đ")] = "d"
    table[ord("ł")] = "l"
    table[ord("ı")] = "i"
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Lower-case, strip accents and unify quotes and dashes, keeping the length."""
    folded = text.translate(_TABLE).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.translate(_TABLE).lower()[:1] or c for c in text)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its folded form, offsets, and whether the original began upper-case."""

    norm: str
    start: int
    end: int
    upper: bool  # first character upper-case in the original
    caps: bool  # written as an acronym in the original: see :func:`acronym_case`


def tokenize(text: str) -> list[Token]:
    folded = fold(text)
    tokens: list[Token] = []
    for m in _TOKEN.finditer(folded):
        raw = text[m.start() : m.end()]
        tokens.append(
            Token(
                norm=m.group(),
                start=m.start(),
                end=m.end(),
                upper=raw[:1].isupper(),
                caps=acronym_case(raw),
            )
        )
    return tokens


def acronym_case(word: str) -> bool:
    """Whether ``word`` is written as an acronym: all capitals ("NATO", "U.S.", "G7"), or
    mixed case ending in a capital ("LeT", "MoD"; not "McCain")."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) == 1 and any(c.isdigit() for c in word):
        return letters[0].isupper()  # "G7", "G20", "P5"
    if len(letters) < 2:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper == len(letters) or (upper >= 2 and letters[-1].isupper())


def key(text: str) -> tuple[str, ...]:
    """The lookup key of a name: its folded tokens, dots dropped from abbreviations."""
    return tuple(_canon(t) for t in _TOKEN.findall(fold(text)))


def _canon(norm: str) -> str:
    return norm.replace(".", "") if norm.endswith(".") and len(norm) > 2 else norm


def canon(token: Token) -> str:
    """The lookup form of one token (``u.n.`` -> ``un``)."""
    return _canon(token.norm)
