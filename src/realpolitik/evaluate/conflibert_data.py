"""Readers for ConfliBERT's CAMEO files: the class TSV and the BIO-tagged CoNLL file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import InputError

Span = tuple[int, int]  # first and last token index, inclusive


@dataclass(frozen=True, slots=True)
class NerSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    line: int


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read: {err}", origin=str(path)) from err


def read_class_file(path: Path) -> list[tuple[str, str]]:
    """``(sentence, label)`` pairs from ``sentence<TAB>label`` lines (CRLF or LF)."""
    rows = []
    for n, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise InputError(
                "expected 'sentence<TAB>label' with a label 0-4", origin=str(path), line=n
            )
        rows.append((text.strip(), label.strip()))
    return rows


def read_ner_file(path: Path) -> list[NerSentence]:
    """Sentences of ``token tag`` lines separated by blank lines."""
    sentences: list[NerSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    first = 0
    for n, line in enumerate([*_read(path).splitlines(), ""], start=1):
        if not line.strip():
            if tokens:
                sentences.append(NerSentence(tuple(tokens), tuple(tags), first))
            tokens, tags = [], []
            continue
        token, sep, tag = line.rstrip().rpartition(" ")
        if not sep or not (tag == "O" or tag[:2] in {"B-", "I-"}):
            raise InputError("expected 'token TAG' with a BIO tag", origin=str(path), line=n)
        if not tokens:
            first = n
        tokens.append(token)
        tags.append(tag)
    return sentences


def bio_spans(tags: Sequence[str]) -> list[tuple[str, Span]]:
    """``(label, span)`` for each BIO chunk; an ``I-`` without its ``B-`` opens a chunk."""
    spans: list[tuple[str, Span]] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if label is not None and (kind != "I" or name != label):
            spans.append((label, (start, i - 1)))
            label = None
        if kind == "B" or (kind == "I" and label is None):
            label, start = name, i
    return spans


def gold_spans(tags: Sequence[str]) -> tuple[set[Span], set[Span]]:
    """Gold source spans (S and R) and target spans (T and R)."""
    sources: set[Span] = set()
    targets: set[Span] = set()
    for label, span in bio_spans(tags):
        if label in {"S", "R"}:
            sources.add(span)
        if label in {"T", "R"}:
            targets.add(span)
    return sources, targets


def _scan(tokens: Sequence[str], text: str) -> tuple[list[Span], bool]:
    offsets: list[Span] = []
    cursor = 0
    clean = True
    for token in tokens:
        found = text.find(token, cursor)
        if found < 0 or text[cursor:found].strip():
            clean = False
            offsets.append((cursor, cursor))
            continue
        offsets.append((found, found + len(token)))
        cursor = found + len(token)
    return offsets, clean and not text[cursor:].strip()


def token_offsets(tokens: Sequence[str], text: str) -> list[Span]:
    """Character ``(start, end)`` of each token in ``text``, found left to right; a token
    not found where expected gets an empty span at the cursor."""
    return _scan(tokens, text)[0]


def aligns(tokens: Sequence[str], text: str) -> bool:
    """Whether ``text`` holds exactly ``tokens``, in order, with only white space between."""
    return _scan(tokens, text)[1]
