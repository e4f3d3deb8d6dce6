"""Adding up an article's figures without counting the same toll twice."""

from __future__ import annotations

import re
from collections.abc import Iterable

from realpolitik.model import Fact, FactKind


def total(facts: Iterable[Fact], kind: FactKind = FactKind.KILLED) -> float:
    """The number of people of ``kind`` in one article, counting each figure once.

    Figures in one clause add up ("six soldiers and six militants": 12).  The same toll
    repeated in another clause is not added again, so the total is the largest clause sum,
    plus the clauses that say they add to it ("One PDF member also died", "killing another").
    Running totals ("bringing the total to 53") and percentages are left out.
    """
    sums: dict[tuple[int, int], float] = {}
    summaries: dict[tuple[int, int], float] = {}
    first: tuple[int, int] | None = None
    extra = 0.0
    for fact in facts:
        if fact.kind is not kind or fact.unit != "people" or fact.cumulative:
            continue
        figure = fact.extras.get("figure") or {}
        offset = int(figure.get("start", fact.evidence.start)) - fact.evidence.start
        end = int(figure.get("end", fact.evidence.start)) - fact.evidence.start
        clause = len(_CLAUSE_END.findall(fact.evidence.text[:offset]))
        text = _CLAUSE_END.split(fact.evidence.text)[clause] if offset >= 0 else ""
        key = (fact.evidence.start, clause)
        if _SUMMARY.match(fact.evidence.text[end:]):  # "(3 fatalities)" restates the clause
            summaries[key] = max(summaries.get(key, 0.0), fact.value)
        elif first is not None and key not in sums and _ADDITIVE.search(text):
            extra += fact.value
        else:
            first = first or key
            sums[key] = sums.get(key, 0.0) + fact.value
    chain = (sums[first] if first is not None else 0.0) + extra
    for key, value in summaries.items():
        sums[key] = max(sums.get(key, 0.0), value)
    return max([chain, *sums.values()])


_SUMMARY = re.compile(r"\s*(?:fatalit|deaths?\b|dead\b|people dead|killed\b)", re.IGNORECASE)


_CLAUSE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z0-9\[(])")
_ADDITIVE = re.compile(r"\b(?:also|another|additional|further|more|other)\b", re.IGNORECASE)
