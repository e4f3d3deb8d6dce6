"""POLECAT weekly files (Harvard Dataverse): tab-separated, header row, PLOVER-coded.

Columns as in the POLECAT documentation (``Event ID, Event Date, Event Type, Event Mode,
Intensity`` or ``Event Intensity``, ``Quad Code, Contexts, Actor Name, Actor Country, …``).
``None`` marks a missing value; several actors are ``;``-joined: the first is the event's
actor (the full list stays in ``*_text``).  There is no CAMEO code: the PLOVER type, mode
and contexts are kept, ``Intensity`` is used as the Goldstein-like score and ``Quad Code``
(``"MATERIAL CONFLICT"``) as the quad class, else the PLOVER type's quad (``PLOVER_QUAD``;
the manual contradicts itself on SANCTION: pass ``quads=`` to choose).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from realpolitik.errors import InputError
from realpolitik.ingest.importers.base import (
    Parsed,
    blank,
    number,
    read_table,
    read_text,
    reject_rows,
)
from realpolitik.ingest.importers.reference import STATE_SECTORS, ActorCode, Reference, slug

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
    "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
    "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
QUAD_NAMES = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
              "MATERIAL CONFLICT": 4}  # fmt: skip
MISSING = ("None", "NA", "nan")
REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Name")


def parse(path: Path, ref: Reference) -> list[Parsed]:
    return [parse_text(str(path), read_text(path), ref)]


def _first(value: str | None) -> str | None:
    if not value:
        return None
    head = value.split(";")[0].strip()
    return None if head in MISSING else head or None


def actor(ref: Reference, name: object, country: object, sector: object) -> ActorCode:
    name, country, sector = (v if isinstance(v, str) else None for v in (name, country, sector))
    if not name:
        return ActorCode(None, None, None, None)
    iso3 = ref.iso3("cameo", country) or ref.iso3("name", country)
    sector = sector.upper()[:3] if sector else None
    itself = ref.iso3("name", name)
    if itself:
        return ref.state(itself, sector if sector in STATE_SECTORS else None)
    if iso3 and sector in STATE_SECTORS:
        return ref.state(iso3, sector)
    return ActorCode(slug(name) or None, name, iso3, sector)


def parse_text(
    origin: str, text: str, ref: Reference, *, quads: Mapping[str, int] = PLOVER_QUAD
) -> Parsed:
    raw, rows, rejects = read_table(origin, text, delimiter="\t")
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing and rows:
        raise InputError(
            f"not a POLECAT file: no {', '.join(missing)} column(s)", origin=origin, line=1
        )
    if not rows:
        return Parsed(origin, 0, pd.DataFrame(), tuple(rejects))

    def col(name: str, *alts: str) -> pd.Series:
        for n in (name, *alts):
            if n in raw.columns:
                return blank(raw[n], *MISSING)
        return pd.Series(None, index=raw.index, dtype=object)

    date = pd.to_datetime(col("Event Date").str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    etype = col("Event Type").str.upper()
    bad = date.isna() | col("Event ID").isna() | ~etype.isin(list(quads))
    raw, more = reject_rows(origin, raw, bad, "no Event ID, a bad Event Date or an unknown "
                                              "Event Type")  # fmt: skip
    rejects += more
    frame = pd.DataFrame({"_line": raw["_line"], "date": date.loc[raw.index]})
    frame["original_id"] = col("Event ID")
    for prefix, side in (("source", "Actor"), ("target", "Recipient")):
        names = col(f"{side} Name")
        first = names.map(_first)
        country = col(f"{side} Country").map(_first)
        sector = col(f"Primary {side} Sector").map(_first)
        keys = pd.Series(list(zip(first, country, sector, strict=True)), index=raw.index)
        found = keys.map({k: actor(ref, *k) for k in pd.unique(keys)})
        frame[f"{prefix}_text"] = names
        for attr in ("id", "name", "country", "sector"):
            frame[f"{prefix}_{attr}"] = found.map(lambda a, attr=attr: getattr(a, attr))
    frame["plover_event"] = etype.loc[raw.index]
    frame["plover_mode"] = col("Event Mode").str.lower()
    frame["plover_context"] = col("Contexts").map(
        lambda c: "|".join(p.strip() for p in c.split(";") if p.strip()) if c else None
    )
    quad = col("Quad Code").str.upper().map(QUAD_NAMES)
    frame["quad_class"] = quad.fillna(frame["plover_event"].map(dict(quads)))
    frame["goldstein"] = number(col("Intensity", "Event Intensity"))
    frame["location_name"] = col("Placename").fillna(col("City")).fillna(col("Country"))
    place = col("Country")
    frame["location_country"] = place.map(
        {c: ref.iso3("cameo", c) or ref.iso3("name", c) for c in pd.unique(place)}
    )
    frame["lat"] = number(col("Latitude"))
    frame["lon"] = number(col("Longitude"))
    frame["evidence_text"] = col("Event Text")
    frame["report_source"] = col("Source")
    frame["story_id"] = col("Story ID")
    return Parsed(origin, rows, frame, tuple(rejects))
