"""ACLED CSV exports, old (numeric ``inter1``/``inter2``) and new (text) API formats.

Rows are versioned by ``timestamp`` (last modification): the event id comes from
``event_id_cnty`` alone, so a re-export replaces the stored row when its timestamp is newer
(delete-then-insert in one transaction) and leaves it alone otherwise.  ACLED deletions
(``event_id_cnty`` lists) go through :func:`realpolitik.store.analytics.delete_originals`.

ACLED has no CAMEO codes: each sub-event type is given the nearest CAMEO code (table
``SUB_EVENT_CAMEO``, realpolitik's own mapping); "Other" and organisational changes get
none, and such rows are imported without a code (they count nowhere in the network).
"""

from __future__ import annotations

import re
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
from realpolitik.ingest.importers.reference import ActorCode, Reference, slug

SUB_EVENT_CAMEO = {
    "armed clash": "190", "government regains territory": "190",
    "non-state actor overtakes territory": "190", "air/drone strike": "195",
    "shelling/artillery/missile attack": "194", "remote explosive/landmine/ied": "183",
    "suicide bomb": "1831", "grenade": "183", "chemical weapon": "204", "attack": "180",
    "abduction/forced disappearance": "181", "sexual violence": "1823",
    "peaceful protest": "141", "protest with intervention": "141",
    "excessive force against protesters": "175", "violent demonstration": "145",
    "mob violence": "145", "agreement": "057", "arrests": "173",
    "looting/property destruction": "171", "disrupted weapons use": "170",
    "non-violent transfer of territory": "0874", "headquarters or base established": "150",
}  # fmt: skip
#: New-format text ``inter`` values to the old numeric codes.
INTER_TEXT = {
    "state forces": 1, "rebel group": 2, "rebel forces": 2, "political militia": 3,
    "militia groups": 3, "identity militia": 4, "communal/identity groups": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external/other forces": 8, "foreign/others": 8,
}  # fmt: skip
_INTER_SECTOR = {1: "MIL", 2: "REB", 3: "UAF", 4: "UAF", 5: "CVL", 6: "OPP", 7: "CVL", 8: None}
_STATE = re.compile(r"^(?:Military|Police) Forces of (?P<country>.+?) \(\d{4}-(?:\d{4})?\)")
_OF_COUNTRY = re.compile(r"\((?P<country>[^()]+)\)\s*$")
REQUIRED = ("event_id_cnty", "event_date", "actor1", "inter1", "country")


def parse(path: Path, ref: Reference) -> list[Parsed]:
    return [parse_text(str(path), read_text(path), ref)]


def inter_code(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip().lower()
    if text.isdigit():
        return int(text) or None
    return INTER_TEXT.get(text.replace(" / ", "/"))


def actor(ref: Reference, name: object, inter: object, home: object) -> ActorCode:
    """States as ISO3, generic agents of a country as ``<iso3>-<sector>``, groups as slugs."""
    name = name if isinstance(name, str) else None
    home = home if isinstance(home, str) else None
    inter = int(inter) if isinstance(inter, int | float) and inter == inter else None
    if not name:
        return ActorCode(None, None, None, None)
    state = _STATE.match(name)
    sector = _INTER_SECTOR.get(inter or 0)
    if state and ref.iso3("name", state["country"]):
        iso3 = ref.iso3("name", state["country"]) or ""
        return ref.state(iso3, "COP" if name.startswith("Police") else "MIL")
    of_country = _OF_COUNTRY.search(name)
    country = ref.iso3("name", of_country["country"]) if of_country else None
    if inter in (5, 6, 7) or (country and name.startswith(("Unidentified", "Civilians"))):
        where = country or home
        if where and sector:
            return ref.state(where, sector)
    return ActorCode(slug(name) or None, name, country or home, sector)


def parse_text(origin: str, text: str, ref: Reference) -> Parsed:
    raw, rows, rejects = read_table(origin, text, delimiter=",")
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing and rows:
        raise InputError(
            f"not an ACLED export: no {', '.join(missing)} column(s)", origin=origin, line=1
        )
    if not rows:
        return Parsed(origin, 0, pd.DataFrame(), tuple(rejects))
    date = pd.to_datetime(blank(raw["event_date"]), format="%Y-%m-%d", errors="coerce")
    raw, more = reject_rows(origin, raw, date.isna(), "event_date is not YYYY-MM-DD")
    rejects += more
    raw, more = reject_rows(origin, raw, blank(raw["event_id_cnty"]).isna(), "no event_id_cnty")
    rejects += more
    home = blank(raw["country"]).map(lambda c: ref.iso3("name", c) if c else None)
    frame = pd.DataFrame({"_line": raw["_line"], "date": date.loc[raw.index]})
    frame["original_id"] = blank(raw["event_id_cnty"])
    for prefix, n in (("source", "1"), ("target", "2")):
        name = blank(raw[f"actor{n}"])
        inter = raw[f"inter{n}"].map(inter_code).astype(object)
        keys = pd.Series(list(zip(name, inter, home, strict=True)), index=raw.index)
        found = keys.map({k: actor(ref, *k) for k in pd.unique(keys)})
        frame[f"{prefix}_text"] = name
        for attr in ("id", "name", "country", "sector"):
            frame[f"{prefix}_{attr}"] = found.map(lambda a, attr=attr: getattr(a, attr))
    sub = (
        blank(raw["sub_event_type"])
        if "sub_event_type" in raw
        else pd.Series(None, index=raw.index)
    )
    frame["cameo_code"] = sub.map(lambda s: SUB_EVENT_CAMEO.get(s.lower()) if s else None)
    frame["plover_mode"] = None
    frame["location_name"] = blank(raw.get("location", pd.Series(index=raw.index, dtype=object)))
    frame["location_country"] = home
    frame["location_precision"] = number(raw.get("geo_precision", pd.Series(index=raw.index))).map(
        {1: "city", 2: "region", 3: "region"}
    )
    frame["lat"] = number(raw.get("latitude", pd.Series(index=raw.index)))
    frame["lon"] = number(raw.get("longitude", pd.Series(index=raw.index)))
    frame["evidence_text"] = blank(raw.get("notes", pd.Series(index=raw.index, dtype=object)))
    frame["report_source"] = blank(raw.get("source", pd.Series(index=raw.index, dtype=object)))
    frame["n_sources"] = frame["report_source"].map(lambda s: s.count(";") + 1 if s else None)
    frame["version"] = number(raw.get("timestamp", pd.Series(index=raw.index)))
    return Parsed(origin, rows, frame, tuple(rejects))
