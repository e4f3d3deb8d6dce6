"""GDELT event exports: 1.0 (57 or 58 tab-separated columns, no header), 2.0 (61 columns),
the 1.0 "reduced" dyadic files (header ``Date Source Target CAMEOCode …``), plain or zipped.

GDELT's geography uses FIPS 10-4 country codes (mapped to ISO3); its actor country codes are
CAMEO codes (mostly ISO3; mapped too).  Event codes stay strings with their leading zeros.
A GDELT row is already GDELT's own de-duplicated event: ``NumArticles`` and ``NumSources``
are kept in ``event_meta`` and count as that row's reports and sources.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from realpolitik.errors import InputError
from realpolitik.ingest.importers.base import Parsed, Reject, blank, number, reject_rows
from realpolitik.ingest.importers.reference import ActorCode, Reference

#: Column positions of the fields we keep, per layout width.
_V1 = {"action_name": 50, "action_country": 51, "action_lat": 53, "action_lon": 54,
       "dateadded": 56, "url": 57}  # fmt: skip
_V2 = {"action_name": 52, "action_country": 53, "action_lat": 56, "action_lon": 57,
       "dateadded": 59, "url": 60}  # fmt: skip
_LAYOUTS = {57: _V1, 58: _V1, 61: _V2}
_REDUCED_HEADER = "Date\tSource\tTarget\tCAMEOCode"


def read_texts(path: Path) -> Iterator[tuple[str, str]]:
    """``(origin, text)`` for a file, or for each member of a ``.zip``."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if not info.is_dir():
                        yield f"{path}!{info.filename}", _decode(zf.read(info), path)
        else:
            yield str(path), _decode(path.read_bytes(), path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"cannot read the file ({exc})", origin=str(path)) from exc


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse(path: Path, ref: Reference) -> list[Parsed]:
    return [parse_text(origin, text, ref) for origin, text in read_texts(path)]


def parse_text(origin: str, text: str, ref: Reference) -> Parsed:
    lines = text.splitlines()
    if lines and lines[0].startswith(_REDUCED_HEADER):
        return _reduced(origin, lines, ref)
    rejects: list[Reject] = []
    frames = []
    rows = 0
    by_width: dict[int, list[list[str]]] = {}
    numbers: dict[int, list[int]] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        rows += 1
        cells = line.split("\t")
        width = len(cells)
        if width not in _LAYOUTS:
            rejects.append(Reject(origin, n, f"{width} columns; GDELT rows have 57, 58 or 61"))
            continue
        by_width.setdefault(width, []).append(cells)
        numbers.setdefault(width, []).append(n)
    for width, table in by_width.items():
        raw = pd.DataFrame(table, columns=range(width), dtype=object)
        raw["_line"] = numbers[width]
        frame, more = _full(origin, raw, _LAYOUTS[width], ref)
        frames.append(frame)
        rejects.extend(more)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return Parsed(origin, rows, frame, tuple(rejects))


def _actors(
    ref: Reference, raw: pd.DataFrame, cols: tuple[int, int, int, int, int]
) -> pd.DataFrame:
    code, name, country, group, sector = (blank(raw[c]) for c in cols)
    keys = pd.Series(list(zip(code, country, group, sector, strict=True)), index=raw.index)
    mapping = {k: ref.cameo_actor(*k) for k in pd.unique(keys)}
    found: pd.Series = keys.map(mapping)
    return pd.DataFrame(
        {
            "text": name,
            "cameo": code,
            "id": found.map(lambda a: a.id),
            "name": found.map(lambda a: a.name).where(found.map(lambda a: a.id).notna(), name),
            "country": found.map(lambda a: a.country),
            "sector": found.map(lambda a: a.sector),
        }
    )


def _full(
    origin: str, raw: pd.DataFrame, at: dict[str, int], ref: Reference
) -> tuple[pd.DataFrame, list[Reject]]:
    date = pd.to_datetime(raw[1], format="%Y%m%d", errors="coerce")
    bad_id = blank(raw[0]).isna()
    raw, rejects = reject_rows(origin, raw, bad_id, "no GLOBALEVENTID")
    date = date.loc[raw.index]
    raw, more = reject_rows(origin, raw, date.isna(), "SQLDATE is not a YYYYMMDD date")
    rejects += more
    date = date.loc[raw.index]
    raw, more = reject_rows(origin, raw, blank(raw[26]).isna(), "no EventCode")
    rejects += more
    date = date.loc[raw.index]
    src = _actors(ref, raw, (5, 6, 7, 8, 12))
    tgt = _actors(ref, raw, (15, 16, 17, 18, 22))
    place_country = apply_fips(ref, blank(raw[at["action_country"]]))
    frame = pd.DataFrame({"_line": raw["_line"], "original_id": blank(raw[0]), "date": date})
    for prefix, side in (("source", src), ("target", tgt)):
        for key in ("text", "id", "name", "country", "sector", "cameo"):
            frame[f"{prefix}_{key}"] = side[key]
    frame["cameo_code"] = blank(raw[26])
    frame["quad_class"] = number(raw[29])
    frame["goldstein"] = number(raw[30])
    frame["location_name"] = blank(raw[at["action_name"]])
    frame["location_country"] = place_country
    frame["lat"] = number(raw[at["action_lat"]])
    frame["lon"] = number(raw[at["action_lon"]])
    frame["location_precision"] = number(raw[49 if at is _V1 else 51]).map(_PRECISION)
    frame["report_source"] = blank(raw[at["url"]]) if at["url"] in raw.columns else None
    frame["n_articles"] = number(raw[33])
    frame["n_sources"] = number(raw[32])
    return frame, rejects


#: GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_PRECISION = {1: "country", 2: "region", 3: "city", 4: "city", 5: "region"}


def apply_fips(ref: Reference, codes: pd.Series) -> pd.Series:
    mapping = {c: ref.iso3("fips", c) for c in pd.unique(codes)}
    return codes.map(mapping)


def _reduced(origin: str, lines: list[str], ref: Reference) -> Parsed:
    header = lines[0].split("\t")
    body = [(n, line) for n, line in enumerate(lines[1:], start=2) if line.strip()]
    rejects = []
    cells, numbers = [], []
    for n, line in body:
        parts = line.split("\t")
        if len(parts) < 8:
            rejects.append(Reject(origin, n, f"{len(parts)} columns; reduced rows have 17"))
            continue
        cells.append([*(parts + [""] * len(header))[: len(header)], line])
        numbers.append(n)
    raw = pd.DataFrame(cells, columns=[*header, "_raw"], dtype=object)
    raw["_line"] = numbers
    date = pd.to_datetime(raw["Date"], format="%Y%m%d", errors="coerce")
    raw, more = reject_rows(origin, raw, date.isna(), "Date is not a YYYYMMDD date")
    rejects += more
    frame = pd.DataFrame({"_line": raw["_line"], "date": date.loc[raw.index]})
    frame["original_id"] = raw["_raw"].map(lambda s: "row:" + s)
    for prefix, column in (("source", "Source"), ("target", "Target")):
        code = blank(raw[column])
        found = code.map({c: _full_code(ref, c) for c in pd.unique(code)})
        frame[f"{prefix}_cameo"] = code
        frame[f"{prefix}_text"] = code
        for key in ("id", "name", "country", "sector"):
            frame[f"{prefix}_{key}"] = found.map(lambda a, key=key: getattr(a, key))
    frame["cameo_code"] = blank(raw["CAMEOCode"])
    frame["quad_class"] = number(raw["QuadClass"])
    frame["goldstein"] = number(raw["Goldstein"])
    frame["lat"] = number(raw.get("ActionGeoLat", pd.Series(dtype=object)))
    frame["lon"] = number(raw.get("ActionGeoLong", pd.Series(dtype=object)))
    frame["n_articles"] = number(raw["NumArts"])
    return Parsed(origin, len(body), frame, tuple(rejects))


def _full_code(ref: Reference, code: str | None) -> ActorCode:
    if not code:
        return ActorCode(None, None, None, None)
    return ref.cameo_actor(code, code[:3], None, code[3:6] or None)
