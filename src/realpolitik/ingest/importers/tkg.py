"""Temporal-knowledge-graph benchmark directories in the RE-GCN format.

A directory holds ``train.txt``, ``valid.txt`` and ``test.txt`` (``subject relation object
time [unused]`` per line, ids) with ``entity2id.txt`` and ``relation2id.txt``
(``name<TAB>id``).  Entities are ICEWS actor names (``Citizen_(Nigeria)``, ``Iran``, people)
and become actors as ICEWS names do; relations are ICEWS CAMEO event names (``Make_a_visit``)
or CAMEO codes (GDELT) and become CAMEO codes.  Times are hours (a multiple of 24 on every
row) or day indexes, counted from the benchmark's first day: ICEWS14 2014-01-01, ICEWS18
2018-01-01, ICEWS05-15 2005-01-01 (from the folder name; pass ``start=`` otherwise).

The event id comes from the names and the date, so the same fact imported from two splits
of one benchmark (``ICEWS14`` and ``ICEWS14/xerte_split``) is stored once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.errors import InputError
from realpolitik.ingest.importers.base import Parsed, Reject, decode
from realpolitik.ingest.importers.reference import Reference, event_key

SPLITS = ("train", "valid", "test")
KNOWN_STARTS = {"ICEWS14": dt.date(2014, 1, 1), "ICEWS18": dt.date(2018, 1, 1),
                "ICEWS05-15": dt.date(2005, 1, 1), "ICEWS0515": dt.date(2005, 1, 1)}  # fmt: skip


def start_for(folder: Path) -> dt.date | None:
    for part in (folder.name, folder.parent.name):
        for name, start in KNOWN_STARTS.items():
            if part.upper().startswith(name):
                return start
    return None


def _names(path: Path) -> dict[int, str]:
    out: dict[int, str] = {}
    try:
        lines = decode(path.read_bytes()).splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc})", origin=str(path)) from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        name, _, number = line.rstrip("\r").rpartition("\t")
        if not number.strip().isdigit():
            raise InputError("expected `name<TAB>id`", origin=str(path), line=n)
        out[int(number)] = name.strip()
    return out


def parse(path: Path, ref: Reference, *, start: dt.date | None = None) -> list[Parsed]:
    folder = path if path.is_dir() else path.parent
    start = start or start_for(folder)
    if start is None:
        raise InputError(
            "unknown benchmark start date; pass --start YYYY-MM-DD", origin=str(folder)
        )
    entities = _names(folder / "entity2id.txt")
    relations = _names(folder / "relation2id.txt")
    actors = {i: ref.named_actor(n, None, None) for i, n in entities.items()}
    codes = {i: _code(ref, n) for i, n in relations.items()}
    files = [folder / f"{s}.txt" for s in SPLITS] if path.is_dir() else [path]
    return [
        _split(f, start=start, entities=entities, actors=actors, codes=codes, relations=relations)
        for f in files
        if f.exists()
    ]


def _code(ref: Reference, name: str) -> str | None:
    if re.fullmatch(r"\d{2,4}", name.strip()):
        return name.strip()
    return ref.icews_events.get(event_key(name))


def _split(path: Path, *, start: dt.date, entities: dict[int, str], actors: dict[int, Any],
           codes: dict[int, str | None], relations: dict[int, str]) -> Parsed:  # fmt: skip
    origin = str(path)
    rows, lines, rejects = [], [], []
    total = 0
    for n, line in enumerate(decode(path.read_bytes()).splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        total += 1
        try:
            s, r, o, t = (int(p) for p in parts[:4])
        except ValueError:
            rejects.append(Reject(origin, n, "expected integer subject relation object time"))
            continue
        if s not in entities or o not in entities or r not in codes:
            rejects.append(Reject(origin, n, "entity or relation id not in entity2id/relation2id"))
            continue
        rows.append((s, r, o, t))
        lines.append(n)
    quads = np.array(rows, dtype=np.int64).reshape(-1, 4)
    times = quads[:, 3]
    hours = bool(len(times)) and bool((times % 24 == 0).all()) and times.max() >= 24
    days = times // 24 if hours else times
    frame = pd.DataFrame({"_line": lines})
    frame["date"] = pd.to_datetime(start) + pd.to_timedelta(days, unit="D")
    frame["original_id"] = [f"{path.parent.name}/{path.name}:{n}" for n in lines]
    for prefix, column in (("source", 0), ("target", 2)):
        ids = pd.Series(quads[:, column])
        found = ids.map(actors)
        frame[f"{prefix}_text"] = ids.map(entities).str.replace("_", " ")
        for attr in ("id", "name", "country", "sector"):
            frame[f"{prefix}_{attr}"] = found.map(lambda a, attr=attr: getattr(a, attr))
    frame["cameo_code"] = pd.Series(quads[:, 1]).map(codes)
    frame["_key"] = (
        frame["source_text"]
        + "|"
        + pd.Series(quads[:, 1]).map(relations).map(event_key)
        + "|"
        + frame["target_text"]
        + "|"
        + frame["date"].dt.strftime("%Y-%m-%d")
    )
    return Parsed(origin, total, frame, tuple(rejects))
