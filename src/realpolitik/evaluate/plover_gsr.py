"""``eval plover-gsr``: the PLOVER gold-standard records (CAMEO manual examples).

Reads ``PLOVER_GSR_CAMEO.normalized.jsonl`` or the original ``PLOVER_GSR_CAMEO.txt`` (a
JSON array).  Per sentence:

- **event type**: the type of our highest-confidence event against the gold PLOVER type,
  v0.5 names mapped to v0.8 (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
  FIGHT->ASSAULT).  A sentence we code nothing in counts as wrong (prediction ``NONE``).
- **actor/recipient countries**: the countries of the top event's source and target
  against the gold actor and recipient codes, as sets, micro-averaged over sentences.
  Codes go through :func:`realpolitik.evaluate.codes.country` (ISO3; ``JAP``->``JPN`` and
  the other slips fixed; ``IGO``/``NGO``/``IMG`` kept as written).  Roles count: a gold
  actor is matched by our source, a gold recipient by our target.  A reciprocal gold record
  (``SRC/TAR`` markup: actors, no recipient) is role-free: its actors are matched by our
  source and target alike.  Gold entries without a code are skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError
from realpolitik.evaluate.base import (
    NONE_LABEL,
    PRF,
    PRF_HEADER,
    Coder,
    Confusion,
    Evaluation,
    Progress,
    Sentence,
    code_sentences,
    prf_rows,
    render_table,
    top_event,
)
from realpolitik.evaluate.codes import country, participant_country
from realpolitik.model import Event

DATASET = "plover-gsr"
NORMALIZED_NAME = "PLOVER_GSR_CAMEO.normalized.jsonl"
ORIGINAL_NAME = "PLOVER_GSR_CAMEO.txt"

#: PLOVER v0.5b1 (2016) names to v0.8 (2021), per plover_gsr/SOURCE.md.
V05_TO_V08 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    event: str  # PLOVER v0.8
    actors: frozenset[str]  # comparable country codes
    recipients: frozenset[str]
    reciprocal: bool

    def roles(self) -> set[tuple[str, str]]:
        if self.reciprocal:
            return {("either", c) for c in self.actors | self.recipients}
        return {("actor", c) for c in self.actors} | {("recipient", c) for c in self.recipients}


def _codes(entries: object) -> frozenset[str]:
    if isinstance(entries, str):  # the original has one bare-string target
        entries = [{"code": entries}] if entries.strip() else []
    if not isinstance(entries, list):
        return frozenset()
    found = (country(e.get("code")) for e in entries if isinstance(e, dict))
    return frozenset(c for c in found if c)


def _gold(record: object, *, origin: str, line: int) -> GoldSentence | None:
    if not isinstance(record, dict):
        raise InputError("expected a JSON object per record", origin=origin, line=line)
    if record.get("event") == "DOCUMENT":
        return None
    try:
        text = record["text"]
        raw_event = record.get("event_v08") or record["event"]
    except KeyError as err:
        raise InputError(
            f"record lacks {err}; is this a PLOVER GSR file?", origin=origin, line=line
        ) from err
    info = record.get("textInfo")
    markup = record.get("markup") or (info.get("markup") if isinstance(info, dict) else info)
    actors = _codes(record.get("actor", record.get("source")))
    recipients = _codes(record.get("recipient", record.get("target")))
    return GoldSentence(
        id=str(record.get("id", line)),
        text=" ".join(str(text).split()),
        event=V05_TO_V08.get(raw_event.upper(), raw_event.upper()),
        actors=actors,
        recipients=recipients,
        reciprocal="SRC/TAR" in str(markup or "") and not recipients,
    )


def read_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences of a PLOVER GSR file (normalised JSONL or the original array);
    ``path`` may be the folder holding either."""
    if path.is_dir():
        for name in (NORMALIZED_NAME, ORIGINAL_NAME):
            if (path / name).is_file():
                return read_gold(path / name)
        raise InputError(
            f"no {NORMALIZED_NAME} or {ORIGINAL_NAME} in this folder", origin=str(path)
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the gold file: {err}", origin=str(path)) from err
    records: Iterator[tuple[int, Any]]
    if text.lstrip().startswith("["):
        try:
            records = enumerate(json.loads(text), start=1)  # "line" = record number
        except json.JSONDecodeError as err:
            raise InputError(
                f"not valid JSON: {err.msg}", origin=str(path), line=err.lineno
            ) from err
    else:
        records = iter(_jsonl(text, origin=str(path)))
    gold = [g for n, r in records if (g := _gold(r, origin=str(path), line=n))]
    if not gold:
        raise InputError("no PLOVER records found", origin=str(path))
    return gold


def _jsonl(text: str, *, origin: str) -> list[tuple[int, Any]]:
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as err:
            raise InputError(
                f"not valid JSON ({err.msg}); expected one record per line", origin=origin, line=n
            ) from err
    return rows


def predicted_roles(event: Event | None, *, reciprocal: bool) -> set[tuple[str, str]]:
    if event is None:
        return set()
    source, target = participant_country(event.source), participant_country(event.target)
    if reciprocal:
        return {("either", c) for c in (source, target) if c}
    roles = set()
    if source:
        roles.add(("actor", source))
    if target:
        roles.add(("recipient", target))
    return roles


@dataclass(frozen=True, slots=True)
class Scored:
    gold: GoldSentence
    predicted: str  # PLOVER type of the top event, or NONE
    countries: PRF
    predicted_roles: frozenset[tuple[str, str]] = frozenset()
    any_match: bool = False  # some event (not only the top one) has the gold type

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.gold.id,
            "text": self.gold.text,
            "gold": self.gold.event,
            "predicted": self.predicted,
            "correct": self.gold.event == self.predicted,
            "gold_countries": sorted(map(list, self.gold.roles())),
            "predicted_countries": sorted(map(list, self.predicted_roles)),
        }


def score_sentence(gold: GoldSentence, events: Sequence[Event]) -> Scored:
    top = top_event(events)
    predicted = top.plover.event.upper() if top else NONE_LABEL
    ours = frozenset(predicted_roles(top, reciprocal=gold.reciprocal))
    any_match = any(e.plover.event.upper() == gold.event for e in events)
    return Scored(gold, predicted, PRF.of_sets(gold.roles(), ours), ours, any_match)


def evaluate_plover_gsr(
    path: Path,
    *,
    coder: Coder,
    limit: int | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    gold = read_gold(path)[:limit] if limit else read_gold(path)
    coded = code_sentences(coder, [Sentence(g.text, item=g.id) for g in gold], progress=progress)
    return summarise([score_sentence(g, events) for g, events in zip(gold, coded, strict=True)])


def summarise(scored: Sequence[Scored]) -> Evaluation:
    n = len(scored)
    labels = sorted({s.gold.event for s in scored})
    confusion = Confusion.build(((s.gold.event, s.predicted) for s in scored), labels=labels)
    per_type = confusion.per_label()
    countries = sum((s.countries for s in scored), PRF())
    correct = sum(s.predicted == s.gold.event for s in scored)
    metrics: dict[str, Any] = {
        "dataset": DATASET,
        "n": n,
        "event_accuracy": round(correct / n, 4) if n else 0.0,
        "actor_country_f1": round(countries.f1, 4),
        "any_event_accuracy": round(sum(s.any_match for s in scored) / n, 4) if n else 0.0,
        "actor_country": countries.to_record(),
        "uncoded": sum(s.predicted == NONE_LABEL for s in scored),
        "per_type": {t: prf.to_record(support=confusion.support(t)) for t, prf in per_type.items()},
        "predicted": dict(Counter(s.predicted for s in scored).most_common()),
    }
    table = "\n".join(
        [
            f"PLOVER GSR: {n} sentences",
            f"event accuracy (top event type = gold)  {metrics['event_accuracy']:.3f}",
            f"actor/recipient country F1              {countries.f1:.3f}"
            f"  (P {countries.precision:.3f}, R {countries.recall:.3f})",
            f"some event has the gold type            {metrics['any_event_accuracy']:.3f}",
            f"sentences coded with nothing            {metrics['uncoded']}",
            "",
            render_table(PRF_HEADER, prf_rows(per_type, confusion.support)),
        ]
    )
    return Evaluation(DATASET, metrics, table, confusion, tuple(s.to_record() for s in scored))
