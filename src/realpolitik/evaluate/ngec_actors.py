"""``eval ngec-actors``: the actor base scored against NGEC's actor-resolution expectations.

The CSV (``ngec_actor_resolution_expectations.csv``) records NGEC's test assertions:
``input_text`` (optionally ``context``) on a ``date`` should give a ``country``
(ISO3, or an IGO code such as ``UNO``), a ``code_1``/``code_2`` sector, a Wikipedia
page (``wiki``/``title``), or nothing at all (``is None``, or ``== None`` on no field).

Scored: ``country``/``country_code``, ``code_1``, ``code_2``, the must-not-resolve rows,
and ``wiki``/``title`` as an identity check: the resolved person or entity must be the
page's subject (the title, without a disambiguating "(diplomat)", is one of its names,
accents ignored); an empty title means NGEC linked no page, met when the mention resolves
to nothing or only to a country or a generic agent.  Left unscored, with their count per
field: NGEC internals with no counterpart here (``remaining_text`` after a nationality is
stripped, the matched agent ``pattern``, the ``source`` of the code, and the infobox job
string ``actor_wiki_job``).

Mapping NGEC's calls onto :meth:`ActorBase.resolve`: agent-only and agent-to-code calls
allow bare agents ("soldiers" -> no country, ``MIL``); a ``context`` supplies the country
when the mention alone has none; ``today`` and a missing date mean the date of the NGEC
snapshot the expectations come from (2024-05-29).
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from realpolitik.actors import ActorBase
from realpolitik.actors.index import RefKind
from realpolitik.actors.text import fold, key
from realpolitik.errors import InputError
from realpolitik.model import Actor, ActorKind

#: NGEC commit date (SOURCE.md): what "today" meant when the expectations were written.
SNAPSHOT = dt.date(2024, 5, 29)
SCORED = ("country", "country_code", "code_1", "code_2", "wiki", "title", "")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_date(text: str) -> dt.date:
    text = text.strip()
    if not text or text.lower() == "today":
        return SNAPSHOT
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return SNAPSHOT


def resolve_row(kb: ActorBase, row: dict[str, str]) -> Actor | None:
    on = parse_date(row.get("date", ""))
    text, context = row["input_text"], (row.get("context") or "").strip()
    bare = row["method"] in ("agent_to_code", "short_text_to_agent")
    actor = kb.resolve(text, on=on, bare_agents=bare)
    if context and (actor is None or actor.country is None):
        with_context = kb.resolve(f"{context} {text}", on=on, bare_agents=bare)
        if with_context is not None and with_context.country is not None:
            return with_context
        place = kb.resolve(context, on=on)
        if actor is not None and place is not None and place.country:
            sector = actor.sector or ""
            return Actor(
                id=place.id,
                name=place.name,
                country=place.country,
                sector=actor.sector,
                cameo=place.country + sector,
                kind=actor.kind,
                person=actor.person,
                role=actor.role,
            )
    return actor


def _codes(actor: Actor) -> list[str]:
    cameo = actor.cameo or ""
    return [cameo[i : i + 3] for i in range(0, len(cameo), 3)]


def _value(actor: Actor | None, field: str) -> str | None:
    if actor is None:
        return None
    if field in ("country", "country_code"):
        return actor.country
    if field in ("wiki", "title"):
        return actor.person or actor.name
    if field == "code_1":
        return actor.sector
    codes = _codes(actor)
    # the CAMEO second role code, in PLOVER terms (CAMEO MED is media, HLH health)
    second = codes[2] if len(codes) > 2 else None
    return {"MED": "JRN", "HLH": "MED"}.get(second or "", second)


def must_not_resolve(row: dict[str, str]) -> bool:
    """``is None``, or NGEC's ``== None`` on the whole result (no field)."""
    return row["op"] == "is" or (row["field"] == "" and row["expected"] == "None")


def _title_key(title: str) -> tuple[str, ...]:
    bare = title.split(" (")[0] if title.endswith(")") else title
    return tuple(key(fold(bare)))


def same_subject(kb: ActorBase | None, actor: Actor | None, title: str) -> bool:
    """Whether ``actor`` is the subject of the Wikipedia page ``title`` ("" = no page)."""
    if not title:
        return actor is None or (
            actor.person is None and actor.kind in (ActorKind.STATE, ActorKind.GENERIC)
        )
    if actor is None:
        return False
    wanted = _title_key(title)
    subject = actor.person or actor.name
    if tuple(key(fold(subject))) == wanted:
        return True
    if actor.person is not None and fuzz.ratio(" ".join(wanted), fold(subject)) >= 88:
        return True  # a transliteration of the same name ("Alexander"/"Aleksandr")
    if kb is None:
        return False
    for ref in kb.index.names.get(wanted, ()):
        if ref.kind == RefKind.PERSON and actor.person is not None:
            if kb.index.people[ref.target].name == actor.person:
                return True
        elif actor.person is not None:
            continue
        elif ref.kind == RefKind.ENTITY and ref.target == actor.id:
            return True
        elif ref.kind == RefKind.ENTITY:  # a state organ: the state with the organ's sector
            organ = kb.index.entities[ref.target]
            if organ.part_of == actor.id and organ.sector == actor.sector:
                return True
        elif ref.kind == RefKind.CAPITAL and ref.target == actor.id and actor.sector == "GOV":
            return True  # "Tehran" standing for Iran's government
    return False


def check(actor: Actor | None, row: dict[str, str], kb: ActorBase | None = None) -> bool:
    """Whether the resolved actor meets the row's expectation (``kb`` names the subjects
    of ``wiki``/``title`` rows)."""
    field, op, expected = row["field"], row["op"], row["expected"]
    if must_not_resolve(row):
        return actor is None
    if field in ("wiki", "title"):
        met = same_subject(kb, actor, expected)
        return met if op == "==" else not met
    got = _value(actor, field)
    if op == "in":
        try:
            options = ast.literal_eval(expected)
        except (ValueError, SyntaxError):
            options = [expected]
        return got in options
    matches = (got or "") == expected
    if not matches and field in ("country", "country_code") and actor is not None and expected:
        matches = expected in _codes(actor)  # "UNO" in IGOUNO, "KSV" for Kosovo
    return matches if op == "==" else not matches


def read_rows(path: Path) -> list[dict[str, str]]:
    if path.is_dir():
        path = path / "ngec_actor_resolution_expectations.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read NGEC expectations ({exc})", origin=str(path)) from exc
    missing = {"method", "input_text", "field", "op", "expected"} - set(rows[0] if rows else {})
    if missing:
        raise InputError(f"not an NGEC expectations file: no {sorted(missing)}", origin=str(path))
    return rows


def evaluate_ngec_actors(path: Path, *, kb: ActorBase, max_failures: int = 100) -> dict[str, Any]:
    """Score ``kb`` on the expectations at ``path`` (the CSV or its folder).

    The result holds ``dataset``, ``n`` (scored expectations), ``accuracy``,
    ``must_not_resolve_ok``, per-field accuracy, ``unscored`` (with its count per field)
    and the first ``max_failures`` misses.
    """
    rows = read_rows(path)
    by_field: Counter[str] = Counter()
    met_by_field: Counter[str] = Counter()
    unscored: Counter[str] = Counter()
    must_not = must_not_ok = 0
    failures: list[dict[str, str | None]] = []
    for row in rows:
        if row["field"] not in SCORED or (row["field"] == "" and not must_not_resolve(row)):
            unscored[row["field"] or "(none)"] += 1
            continue
        actor = resolve_row(kb, row)
        ok = check(actor, row, kb)
        label = "must_not_resolve" if must_not_resolve(row) else row["field"]
        if label == "title":
            label = "wiki"
        by_field[label] += 1
        met_by_field[label] += ok
        if must_not_resolve(row):
            must_not += 1
            must_not_ok += ok
        if not ok:
            failures.append(
                {
                    "input": row["input_text"],
                    "date": row.get("date", ""),
                    "field": label,
                    "expected": row["expected"],
                    "got": _value(actor, row["field"]) if actor else None,
                    "actor": actor.id if actor else None,
                }
            )
    n = sum(by_field.values())
    met = sum(met_by_field.values())
    return {
        "dataset": "ngec-actors",
        "n": n,
        "met": met,
        "accuracy": met / n if n else 0.0,
        "must_not_resolve": must_not,
        "must_not_resolve_ok": must_not_ok / must_not if must_not else 1.0,
        "by_field": {
            f: {"n": by_field[f], "accuracy": met_by_field[f] / by_field[f]} for f in by_field
        },
        "unscored": sum(unscored.values()),
        "unscored_by_field": dict(unscored),
        "failures_total": len(failures),
        "failures": failures[:max_failures],
    }


def render_ngec_actors(result: dict[str, Any], *, failures: int = 20) -> str:
    """A readable report: overall and per-field accuracy, then the first failures."""
    lines = [
        f"ngec-actors  n={result['n']}  accuracy={result['accuracy']:.3f}  "
        f"must_not_resolve_ok={result['must_not_resolve_ok']:.3f}  "
        f"(unscored rows: {result['unscored']}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(result.get("unscored_by_field", {}).items()))
        + ")",
        "",
        f"{'field':<18}{'n':>6}{'accuracy':>10}",
    ]
    for field, stats in sorted(result["by_field"].items()):
        lines.append(f"{field:<18}{stats['n']:>6}{stats['accuracy']:>10.3f}")
    if result["failures"] and failures:
        lines += ["", "first failures (input | field | expected | got):"]
        for f in result["failures"][:failures]:
            lines.append(f"  {f['input']} | {f['field']} | {f['expected']!r} | {f['got']!r}")
    return "\n".join(lines)
