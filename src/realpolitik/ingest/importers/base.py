"""What every importer shares: rejects with their line, results, and the final table.

A parser turns one file into a :class:`Parsed`: a pandas frame with columns named as in
``EVENT_COLUMNS`` (plus the provenance columns of :data:`META_COLUMNS` and ``_line``), the
number of data rows read, and the rejected rows.  :func:`finish` fills what the CAMEO
ontology gives (root, quad class, Goldstein, PLOVER type) where the dataset did not, makes
the ids, and returns Arrow tables in the store's shape.  ``rows == len(frame) + rejects``.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.errors import InputError
from realpolitik.ingest.importers.reference import Reference
from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA
from realpolitik.store.analytics import META_SCHEMA

#: Provenance kept beside each imported row (table ``event_meta``).
META_COLUMNS = tuple(META_SCHEMA.names)


@dataclass(frozen=True, slots=True)
class Reject:
    origin: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class Parsed:
    """One file read: accepted rows as a frame, and every rejected row with its line."""

    origin: str
    rows: int
    frame: pd.DataFrame
    rejects: tuple[Reject, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one file did to the store.

    ``rows`` data rows were read: ``accepted`` + ``rejected`` of them.  Accepted rows were
    ``inserted`` (new), ``updated`` (a newer version replaced a stored one) or ``unchanged``
    (already stored, a duplicate id, or older than the stored version).
    """

    dataset: str
    origin: str
    rows: int
    accepted: int
    rejected: int
    inserted: int
    updated: int
    unchanged: int
    rejects: tuple[Reject, ...] = field(default=(), repr=False)

    def to_record(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "file": self.origin, "rows": self.rows,
            "accepted": self.accepted, "rejected": self.rejected, "inserted": self.inserted,
            "updated": self.updated, "unchanged": self.unchanged,
        }  # fmt: skip


def ids(dataset: str, keys: pd.Series) -> list[str]:
    """Stable event ids: the same dataset and original key give the same id."""
    sha1, prefix = hashlib.sha1, f"{dataset}\x1f".encode()
    return [sha1(prefix + str(k).encode()).hexdigest()[:16] for k in keys.to_numpy(dtype=object)]


def blank(series: pd.Series, *missing: str) -> pd.Series:
    """Strings with empty values and the dataset's missing markers turned into None."""
    values = series.to_numpy(dtype=object)
    nulls = pd.isna(values)
    if nulls.any():
        values = np.where(nulls, None, values)
    arr = pc.utf8_trim_whitespace(pa.array(values, pa.string()))
    drop = pc.equal(arr, "")
    if missing:
        drop = pc.or_kleene(drop, pc.is_in(arr, pa.array(list(missing), pa.string())))
    arr = pc.if_else(drop, pa.scalar(None, pa.string()), arr)
    return pd.Series(arr.to_numpy(zero_copy_only=False), index=series.index, dtype=object)


def number(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce")


def apply_unique(series: pd.Series, fn: Any) -> pd.Series:
    """``fn`` on each distinct value only (datasets repeat the same actors and codes)."""
    mapping = {v: fn(v) for v in pd.unique(series)}
    return series.map(mapping)


def reject_rows(
    parsed_origin: str, frame: pd.DataFrame, bad: pd.Series, reason: str
) -> tuple[pd.DataFrame, list[Reject]]:
    """Split off the rows where ``bad`` holds, as rejects naming their line."""
    rejects = [Reject(parsed_origin, int(line), reason) for line in frame.loc[bad, "_line"]]
    return frame.loc[~bad], rejects


def finish(parsed: Parsed, ref: Reference, dataset: str) -> tuple[pa.Table, pa.Table, Parsed]:
    """The store's event and meta tables for ``parsed``; rows with unknown codes are rejected."""
    frame = parsed.frame.copy(deep=False)  # columns are replaced, never changed in place
    n = len(frame)
    rejects = list(parsed.rejects)
    for column in EVENT_COLUMNS:
        if column not in frame:
            frame[column] = None
    onto = ref.ontology
    if n:
        codes = blank(frame["cameo_code"])
        known = apply_unique(codes, lambda c: c is None or _known(onto, c))
        frame, more = reject_rows(parsed.origin, frame.assign(cameo_code=codes),
                                  ~known.astype(bool),
                                  "unknown CAMEO event code")  # fmt: skip
        rejects.extend(more)
        codes = frame["cameo_code"]
        entries = {c: _entry(onto, c) for c in pd.unique(codes) if c is not None}

        def entry(k: int) -> pd.Series:  # field k of each row's ontology entry (else NaN)
            return codes.map({c: e[k] for c, e in entries.items() if e is not None})

        frame["cameo_root"] = codes.str.slice(0, 2)
        quad = number(frame["quad_class"])
        frame["quad_class"] = quad.where(quad.between(1, 4), entry(0))
        gold = number(frame["goldstein"])
        frame["goldstein"] = gold.where(gold.notna(), entry(1))
        for k, column in enumerate(("plover_event", "plover_mode", "plover_context")):
            frame[column] = blank(frame[column]).where(frame[column].notna(), entry(2 + k))
    frame["dataset"] = dataset
    frame["article_id"] = None
    if "event_id" not in parsed.frame:
        key = frame["_key"] if "_key" in frame else frame["original_id"]
        frame["event_id"] = ids(dataset, key) if len(frame) else []
    events = _table(frame, EVENT_SCHEMA)
    meta_frame = frame.copy(deep=False)
    for column in META_COLUMNS:
        if column not in meta_frame:
            meta_frame[column] = None
    meta = _table(meta_frame, META_SCHEMA)
    out = Parsed(parsed.origin, parsed.rows, frame, tuple(rejects))
    return events, meta, out


def _known(onto: Any, code: str) -> bool:
    try:
        onto.entry(code)
    except KeyError:
        return False
    return True


def _entry(onto: Any, code: str | None) -> tuple[Any, ...] | None:
    if code is None:
        return None
    e = onto.entry(code)
    plover = onto.plover_for(code)
    if plover is None:
        return (e.quad_class, e.goldstein, None, None, None)
    return (e.quad_class, e.goldstein, plover.event, plover.mode, "|".join(plover.context) or None)


def _table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    arrays = []
    for fld in schema:
        values = frame[fld.name] if len(frame) else pd.Series([], dtype=object)
        if pa.types.is_date32(fld.type):
            days = pd.to_datetime(values).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
            arrays.append(pa.array(days, fld.type, from_pandas=True))
        elif pa.types.is_floating(fld.type) or pa.types.is_integer(fld.type):
            nums = number(values).to_numpy(dtype="float64", na_value=np.nan)
            mask = np.isnan(nums)
            if pa.types.is_integer(fld.type):
                nums = np.where(mask, 0, nums).astype("int64")
            arrays.append(pa.array(nums, fld.type, mask=mask))
        else:  # parsers give clean strings (None for missing) already
            arrays.append(pa.array(values.to_numpy(dtype=object), fld.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def read_table(origin: str, text: str, *, delimiter: str) -> tuple[pd.DataFrame, int, list[Reject]]:
    """A delimited file with a header row as a frame of strings with a ``_line`` column.

    Rows whose width differs from the header's are rejected with their line; quoted fields
    may span lines (the line is where the row starts).
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return pd.DataFrame(columns=["_line"]), 0, []
    rows: list[list[str]] = []
    lines: list[int] = []
    rejects: list[Reject] = []
    total = 0
    start = reader.line_num + 1
    try:
        for cells in reader:
            if cells and any(c.strip() for c in cells):
                total += 1
                if len(cells) == len(header):
                    rows.append(cells)
                    lines.append(start)
                else:
                    rejects.append(Reject(origin, start, f"{len(cells)} fields; the header has "
                                                          f"{len(header)}"))  # fmt: skip
            start = reader.line_num + 1
    except csv.Error as exc:
        rejects.append(Reject(origin, start, f"unreadable from here on ({exc})"))
        total += 1
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame["_line"] = lines
    return frame, total, rejects


def read_text(path: Path) -> str:
    """A whole dataset file as text (see :func:`decode`); an unreadable file is an InputError."""
    try:
        return decode(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc})", origin=str(path)) from exc


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Latin-1 (some POLECAT files)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
