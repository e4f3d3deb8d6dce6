"""``eval petrarch``: PETRARCH's validation records, scored the way its own scorer does.

PETRARCH's ``validation.py`` (UniversalPetrarch, dev-validate) tallies per record
Correct / Uncoded / Extra / Null and reports TP = correct / (correct + uncoded) and
FP = extra / records.  This module follows it, with set semantics (duplicates of one
coding count once, so "uncoded" can never go negative):

- each of our events becomes (CAMEO code, source code, target code); an event without an
  event code is **null** (PETRARCH's ``---`` event) and is neither correct nor extra;
- so is an event with no source or no target at all (``---``; a sector alone, ``---REB``,
  is an actor) unless the gold holds that very coding: the reference scorer leaves such
  codings out in English mode, since PETRARCH's gold is dyadic (PETRARCH-2 codes only
  events with both sides); the few gold codings with a missing side can still be met;
- a record with gold events: correct = codings in both sets, uncoded = gold codings we
  missed, extra = our codings not in the gold;
- a ``noevents`` record: coding nothing is 1 correct; coding anything is 1 uncoded (the
  expected "no event" was not produced) plus one extra per coding, exactly as
  ``validation.py`` counts it.  (One deliberate difference: a ``noevents`` record that
  yields only null events counts as correct here; ``validation.py`` prints "CORRECT" for
  it but tallies it as uncoded.)

Two levels: ``root_country`` compares the 2-digit CAMEO root and the source and target
countries (first 3 letters of the actor code, ``---`` for none); ``full`` compares the
full event code and the full actor codes.  Our actors are written as CAMEO codes by
:func:`realpolitik.evaluate.codes.participant_code`; country codes on both sides go
through :func:`realpolitik.evaluate.codes.country` (CAMEO ``TMP``/``KSV`` = ISO ``TLS``/
``XKX``...).  A missing target is ``---``, as in the gold (``targetcode="---"``).

The TABARI-style suites (``PETR_Validate_records_2_02.xml``, ``PETR.UnitTest.records.xml``)
use fictional states and their own dictionaries: they run, but score low without those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError
from realpolitik.evaluate.base import (
    Coder,
    Evaluation,
    Progress,
    Sentence,
    code_sentences,
    render_table,
)
from realpolitik.evaluate.codes import NULL, actor_code, country, participant_code
from realpolitik.evaluate.petrarch_xml import GoldEvent, Record, read_suite
from realpolitik.model import Event

DATASET = "petrarch"
DEFAULT_NAME = "PETR2_GSR_validation.xml"

Coding = tuple[str, str, str]  # (event code, source code, target code)
LEVELS: dict[str, Callable[[Coding], Coding]] = {
    "root_country": lambda c: (c[0][:2], country(c[1]) or NULL, country(c[2]) or NULL),
    "full": lambda c: (c[0], actor_code(c[1]), actor_code(c[2])),
}


@dataclass(frozen=True, slots=True)
class Tally:
    records: int = 0
    correct: int = 0
    uncoded: int = 0
    extra: int = 0
    null: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.records + other.records,
            self.correct + other.correct,
            self.uncoded + other.uncoded,
            self.extra + other.extra,
            self.null + other.null,
        )

    @property
    def tp_rate(self) -> float:
        found = self.correct + self.uncoded
        return self.correct / found if found else 0.0

    @property
    def fp_rate(self) -> float:
        return self.extra / self.records if self.records else 0.0

    def to_record(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "correct": self.correct,
            "uncoded": self.uncoded,
            "extra": self.extra,
            "null": self.null,
            "tp_rate": round(self.tp_rate, 4),
            "fp_rate": round(self.fp_rate, 4),
        }


def coding_of(event: Event) -> Coding | None:
    """Our event as a PETRARCH coding; None for a null event (no event code)."""
    code = (event.cameo.code or "").strip()
    if not code or code.startswith(NULL):
        return None
    return (code, participant_code(event.source), participant_code(event.target))


def score_record(
    gold: Sequence[GoldEvent], noevents: bool, coded: Iterable[Coding | None], *, level: str
) -> Tally:
    """One record's tally at ``level`` (``root_country`` or ``full``)."""
    key = LEVELS[level]
    expected = {key((g.code, g.source, g.target)) for g in gold}
    every = list(coded)
    codings = [
        c for c in every if c is not None and (NULL not in (c[1], c[2]) or key(c) in expected)
    ]
    null = len(every) - len(codings)
    ours = {key(c) for c in codings}
    if noevents and not gold:
        if ours:
            return Tally(1, 0, 1, len(ours), null)
        return Tally(1, 1, 0, 0, null)
    return Tally(1, len(ours & expected), len(expected - ours), len(ours - expected), null)


@dataclass(frozen=True, slots=True)
class Scored:
    record: Record
    tallies: dict[str, Tally]
    coded: tuple[Coding | None, ...] = ()

    def to_record(self) -> dict[str, Any]:
        r = self.record
        return {
            "id": r.id,
            "category": r.category,
            "text": r.text,
            "gold": "noevents" if r.noevents else [[g.code, g.source, g.target] for g in r.events],
            "coded": [list(c) if c else None for c in self.coded],
            **{level: tally.to_record() for level, tally in self.tallies.items()},
        }


def resolve_path(path: Path) -> Path:
    if path.is_dir():
        if (path / DEFAULT_NAME).is_file():
            return path / DEFAULT_NAME
        raise InputError(
            f"no {DEFAULT_NAME} in this folder; name the XML file itself", origin=str(path)
        )
    return path


def evaluate_petrarch(
    path: Path,
    *,
    coder: Coder,
    limit: int | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    suite = read_suite(resolve_path(path))
    records = suite.evaluated()[:limit] if limit else suite.evaluated()
    sentences = [Sentence(r.text, date=r.date, item=r.id) for r in records]
    scored = []
    for record, events in zip(
        records, code_sentences(coder, sentences, progress=progress), strict=True
    ):
        codings = [coding_of(e) for e in events]
        tallies = {
            level: score_record(record.events, record.noevents, codings, level=level)
            for level in LEVELS
        }
        scored.append(Scored(record, tallies, tuple(codings)))
    return summarise(scored, file=suite.path.name)


def summarise(scored: Sequence[Scored], *, file: str) -> Evaluation:
    metrics: dict[str, Any] = {
        "dataset": DATASET,
        "file": file,
        "records": len(scored),
        "noevents_records": sum(s.record.noevents for s in scored),
        "gold_events": sum(len(s.record.events) for s in scored),
    }
    categories = list(dict.fromkeys(s.record.category for s in scored))
    sections = [f"PETRARCH validation: {file}, {len(scored)} records"]
    for level in LEVELS:
        total = sum((s.tallies[level] for s in scored), Tally())
        by_category = {
            cat: sum((s.tallies[level] for s in scored if s.record.category == cat), Tally())
            for cat in categories
        }
        metrics[level] = {
            **total.to_record(),
            "by_category": {cat: t.to_record() for cat, t in by_category.items()},
        }
        rows = [[cat, *_row(t)] for cat, t in [*by_category.items(), ("Total", total)]]
        sections += ["", f"level: {level}", render_table(_HEADER, rows)]
    sections.append("TP = correct/(correct+uncoded); FP = extra/records")
    items = tuple(s.to_record() for s in scored)
    return Evaluation(DATASET, metrics, "\n".join(sections), items=items)


_HEADER = ("category", "records", "correct", "uncoded", "extra", "null", "TP", "FP")


def _row(t: Tally) -> list[object]:
    return [t.records, t.correct, t.uncoded, t.extra, t.null, t.tp_rate, t.fp_rate]
