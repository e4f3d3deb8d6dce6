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
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
    """One export's rows, split and mapped column by column (Arrow kernels, not a Python loop
    over rows); line numbers count ``str.splitlines`` lines from 1."""
    lines = text.splitlines()
    if lines and lines[0].startswith(_REDUCED_HEADER):
        return _reduced(origin, lines, ref)
    arr = pa.array(lines, pa.large_string())
    del lines
    cells = pc.split_pattern(arr, "\t")
    width = pc.list_value_length(cells).to_numpy(zero_copy_only=False)
    # a blank line (whitespace only) is skipped; it has a blank first cell
    filled = np.ones(len(arr), dtype=bool)
    maybe = np.flatnonzero(pc.is_null(_strings(pc.list_element(cells, 0))).to_numpy(False))
    if len(maybe):
        spaces = pc.match_substring_regex(arr.take(pa.array(maybe)), r"^\s*$")
        filled[maybe[spaces.to_numpy(zero_copy_only=False)]] = False
    del arr
    rejects: list[Reject] = []
    bad = filled & ~np.isin(width, list(_LAYOUTS))
    for i in np.flatnonzero(bad):
        rejects.append(
            Reject(origin, int(i) + 1, f"{width[i]} columns; GDELT rows have 57, 58 or 61")
        )
    frames = []
    for w in pd.unique(width[filled & ~bad]).tolist():  # widths in order of appearance
        at = _LAYOUTS[w]
        index = np.flatnonzero(filled & (width == w))
        rows = cells if len(index) == len(cells) else cells.take(pa.array(index))
        wanted = {0, 1, 5, 6, 7, 8, 12, 15, 16, 17, 18, 22, 26, 29, 30, 32, 33,
                  49 if at is _V1 else 51, *(i for i in at.values() if i < w)}  # fmt: skip
        raw = {i: _strings(pc.list_element(rows, i)) for i in sorted(wanted)}
        frame, more = _full(origin, raw, index + 1, at, ref)
        frames.append(frame)
        rejects.extend(more)
    frame = (
        pd.concat(frames, ignore_index=True)
        if len(frames) > 1
        else (frames[0] if frames else pd.DataFrame())
    )
    return Parsed(origin, int(filled.sum()), frame, tuple(rejects))


def _strings(arr: pa.Array) -> pa.Array:
    """Trimmed strings, with empty ones as nulls."""
    arr = pc.utf8_trim_whitespace(pc.cast(arr, pa.string()))
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)


def _objects(arr: pa.Array) -> pd.Series:
    """Python strings (None for missing) in an object column, as the importers share them."""
    return pd.Series(arr.to_numpy(zero_copy_only=False), dtype=object)


def _floats(arr: pa.Array) -> np.ndarray:
    try:
        return np.asarray(pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False), float)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return number(_objects(arr)).to_numpy(dtype=float, na_value=np.nan)


def _by_value(arrays: list[pa.Array], fn: Any) -> tuple[list[Any], pa.Array]:
    """``fn`` on each distinct combination of values: the results and each row's index."""
    if len(arrays) == 1:
        keys = arrays[0]
    else:
        keys = pc.binary_join_element_wise(*arrays, "\x1f", null_handling="replace",
                                           null_replacement="")  # fmt: skip
    keys = pc.fill_null(keys, "")
    distinct = pc.unique(keys)
    results = [fn(*((p or None) for p in k.split("\x1f"))) for k in distinct.to_pylist()]
    return results, pc.index_in(keys, distinct)


def _actors(ref: Reference, raw: dict[int, pa.Array], cols: tuple[int, ...]) -> dict[str, Any]:
    code, name, country, group, sector = (raw[c] for c in cols)
    found, index = _by_value([code, country, group, sector], ref.cameo_actor)

    def column(key: str) -> pa.Array:
        return pa.array([getattr(a, key) for a in found], pa.string()).take(index)

    ids = column("id")
    return {
        "text": _objects(name),
        "cameo": _objects(code),
        "id": _objects(ids),
        "name": _objects(pc.if_else(pc.is_valid(ids), column("name"), name)),
        "country": _objects(column("country")),
        "sector": _objects(column("sector")),
    }


def _full(
    origin: str, raw: dict[int, pa.Array], lines: np.ndarray, at: dict[str, int], ref: Reference
) -> tuple[pd.DataFrame, list[Reject]]:
    date = pc.strptime(raw[1], format="%Y%m%d", unit="s", error_is_null=True)
    checks = (
        (pc.is_null(raw[0]), "no GLOBALEVENTID"),
        (pc.is_null(date), "SQLDATE is not a YYYYMMDD date"),
        (pc.is_null(raw[26]), "no EventCode"),
    )
    rejects: list[Reject] = []
    ok = np.ones(len(lines), dtype=bool)
    for failed, reason in checks:
        hit = ok & failed.to_numpy(zero_copy_only=False)
        rejects.extend(Reject(origin, int(n), reason) for n in lines[hit])
        ok &= ~hit
    if not ok.all():
        keep = pa.array(ok)
        raw = {k: v.filter(keep) for k, v in raw.items()}
        date, lines = date.filter(keep), lines[ok]
    src = _actors(ref, raw, (5, 6, 7, 8, 12))
    tgt = _actors(ref, raw, (15, 16, 17, 18, 22))
    places, index = _by_value([raw[at["action_country"]]], lambda c: ref.iso3("fips", c))
    cols: dict[str, Any] = {
        "_line": lines, "original_id": _objects(raw[0]),
        "date": pd.Series(date.to_numpy(zero_copy_only=False)).astype("datetime64[s]"),
    }  # fmt: skip
    for prefix, side in (("source", src), ("target", tgt)):
        for key in ("text", "id", "name", "country", "sector", "cameo"):
            cols[f"{prefix}_{key}"] = side[key]
    cols["cameo_code"] = _objects(raw[26])
    cols["quad_class"] = _floats(raw[29])
    cols["goldstein"] = _floats(raw[30])
    cols["location_name"] = _objects(raw[at["action_name"]])
    cols["location_country"] = _objects(pa.array(places, pa.string()).take(index))
    cols["lat"] = _floats(raw[at["action_lat"]])
    cols["lon"] = _floats(raw[at["action_lon"]])
    precision = pd.Series(_floats(raw[49 if at is _V1 else 51])).map(_PRECISION)
    cols["location_precision"] = precision.astype(object)
    cols["report_source"] = _objects(raw[at["url"]]) if at["url"] in raw else None
    cols["n_articles"] = _floats(raw[33])
    cols["n_sources"] = _floats(raw[32])
    return pd.DataFrame(cols), rejects


#: GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_PRECISION = {1: "country", 2: "region", 3: "city", 4: "city", 5: "region"}


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
