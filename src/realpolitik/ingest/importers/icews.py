"""ICEWS coded event files (Dataverse ``events.*.tab``): tab-separated with a header.

Countries are written out in full (mapped to ISO3), actors carry comma-separated ICEWS
sectors (mapped to CAMEO agent codes), ``NA`` marks a missing value.  ``Event ID`` is not
unique across files, ``(Event ID, Event Date)`` is: the event id is made from both.  The
same event reported by several stories is several rows; they are clustered into one event
by the network queries (see ``realpolitik.store.analytics``).
"""

from __future__ import annotations

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
from realpolitik.ingest.importers.reference import Reference

REQUIRED = ("Event ID", "Event Date", "Source Name", "CAMEO Code")


def parse(path: Path, ref: Reference) -> list[Parsed]:
    return [parse_text(str(path), read_text(path), ref)]


def parse_text(origin: str, text: str, ref: Reference) -> Parsed:
    raw, rows, rejects = read_table(origin, text, delimiter="\t")
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing and rows:
        raise InputError(
            f"not an ICEWS event file: no {', '.join(missing)} column(s); "
            "use `import icews` on Dataverse events.*.tab files",
            origin=origin,
            line=1,
        )
    if not rows:
        return Parsed(origin, 0, pd.DataFrame(), tuple(rejects))
    na = ("NA",)
    date = pd.to_datetime(blank(raw["Event Date"], *na), format="%Y-%m-%d", errors="coerce")
    raw, more = reject_rows(origin, raw, date.isna(), "Event Date is not YYYY-MM-DD")
    rejects += more
    code = blank(raw["CAMEO Code"], *na)
    raw, more = reject_rows(origin, raw, code.isna() | blank(raw["Event ID"], *na).isna(),
                            "no Event ID or CAMEO Code")  # fmt: skip
    rejects += more
    frame = pd.DataFrame({"_line": raw["_line"], "date": date.loc[raw.index]})
    frame["original_id"] = blank(raw["Event ID"])
    key = frame["original_id"] + "@" + frame["date"].dt.strftime("%Y-%m-%d")
    frame["_key"] = key
    for prefix, side in (("source", "Source"), ("target", "Target")):
        name = blank(raw[f"{side} Name"], *na)
        sectors = blank(raw[f"{side} Sectors"], *na)
        country = blank(raw[f"{side} Country"], *na)
        keys = pd.Series(list(zip(name, sectors, country, strict=True)), index=raw.index)
        found = keys.map({k: ref.named_actor(*k) for k in pd.unique(keys)})
        frame[f"{prefix}_text"] = name
        for attr in ("id", "name", "country", "sector"):
            frame[f"{prefix}_{attr}"] = found.map(lambda a, attr=attr: getattr(a, attr))
    frame["cameo_code"] = blank(raw["CAMEO Code"]).str.zfill(3)
    frame["goldstein"] = number(blank(raw.get("Intensity", pd.Series(index=raw.index)), *na))
    city = blank(raw.get("City", pd.Series(index=raw.index, dtype=object)), *na)
    province = blank(raw.get("Province", pd.Series(index=raw.index, dtype=object)), *na)
    country = blank(raw.get("Country", pd.Series(index=raw.index, dtype=object)), *na)
    frame["location_name"] = city.fillna(province).fillna(country)
    frame["location_country"] = country.map({c: ref.iso3("name", c) for c in pd.unique(country)})
    frame["location_precision"] = (
        city.notna()
        .map({True: "city", False: None})
        .fillna(province.notna().map({True: "region", False: None}))
        .fillna(country.notna().map({True: "country", False: None}))
    )
    frame["lat"] = number(blank(raw.get("Latitude", pd.Series(index=raw.index)), *na))
    frame["lon"] = number(blank(raw.get("Longitude", pd.Series(index=raw.index)), *na))
    frame["report_source"] = blank(raw.get("Publisher", pd.Series(index=raw.index)), *na)
    frame["story_id"] = blank(raw.get("Story ID", pd.Series(index=raw.index)), *na)
    return Parsed(origin, rows, frame, tuple(rejects))
