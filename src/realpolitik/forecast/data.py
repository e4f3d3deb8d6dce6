"""Reader for temporal-knowledge-graph benchmark directories in the RE-GCN format.

A directory holds ``train.txt``, ``valid.txt`` and ``test.txt`` (whitespace-separated
``subject relation object time [unused]`` integer rows) and ``entity2id.txt`` /
``relation2id.txt`` (``name<TAB>id``).  Times are stored in raw units (hours for ICEWS14 and
ICEWS18, days for ICEWS05-15); the reader divides them by their greatest common step so that
one step is one snapshot (one day on every ICEWS file).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import reduce
from math import gcd
from pathlib import Path

import numpy as np
import numpy.typing as npt

from realpolitik.errors import DataError, InputError

Quads = npt.NDArray[np.int64]
"""An ``(n, 4)`` array of ``subject, relation, object, step`` rows."""

SPLITS = ("train", "valid", "test")
_INT = re.compile(r"-?\d+")


@dataclass(frozen=True)
class TkgDataset:
    """One benchmark: three splits of quadruples plus entity and relation names.

    ``relations`` counts forward relations only; inverse relation ``r + num_relations``
    stands for the subject query of relation ``r`` (see :func:`with_inverses`).
    """

    name: str
    entities: tuple[str, ...]
    relations: tuple[str, ...]
    train: Quads
    valid: Quads
    test: Quads
    step: int
    """Raw time units per step (24 for hourly-stamped daily data)."""

    @property
    def num_entities(self) -> int:
        return len(self.entities)

    @property
    def num_relations(self) -> int:
        return len(self.relations)

    def split(self, name: str) -> Quads:
        if name not in SPLITS:
            raise InputError(f"unknown split {name!r}; use one of {', '.join(SPLITS)}")
        quads: Quads = getattr(self, name)
        return quads

    def relation_name(self, relation: int) -> str:
        """Readable name of a (possibly inverse) relation id."""
        n = self.num_relations
        base = self.relations[relation % n].replace("_", " ")
        return base if relation < n else f"{base} (inverse)"

    def entity_name(self, entity: int) -> str:
        return self.entities[entity].replace("_", " ")


def with_inverses(quads: Quads, num_relations: int) -> Quads:
    """The quadruples plus ``(o, r + num_relations, s, t)`` for every ``(s, r, o, t)``."""
    inverse = quads[:, [2, 1, 0, 3]].copy()
    inverse[:, 1] += num_relations
    return np.concatenate([quads, inverse])


def load_tkg(directory: str | Path) -> TkgDataset:
    """Read an RE-GCN-format directory; raises :class:`InputError` naming file and line."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(
            f"not a directory; pass a folder with {', '.join(SPLITS)} files", origin=str(root)
        )
    entities = _read_names(root / "entity2id.txt")
    relations = _read_names(root / "relation2id.txt")
    raw = {
        name: _read_quads(root / f"{name}.txt", len(entities), len(relations)) for name in SPLITS
    }
    times = np.unique(np.concatenate([q[:, 3] for q in raw.values()]))
    step = _time_step(times)
    scaled = {}
    for name, quads in raw.items():
        quads = quads.copy()
        quads[:, 3] //= step
        scaled[name] = quads
    return TkgDataset(
        name=root.name,
        entities=entities,
        relations=relations,
        train=scaled["train"],
        valid=scaled["valid"],
        test=scaled["test"],
        step=step,
    )


def _time_step(times: npt.NDArray[np.int64]) -> int:
    diffs = np.diff(times)
    if len(diffs) == 0:
        return 1
    return int(reduce(gcd, (int(d) for d in np.unique(diffs)), 0)) or 1


def _read_names(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        raise InputError(
            "missing; an RE-GCN directory needs entity2id.txt and relation2id.txt", origin=str(path)
        )
    names: dict[int, str] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            name, sep, ident = text.rpartition("\t")
            if not sep or not _INT.fullmatch(ident.strip()):
                raise InputError(
                    f"expected 'name<TAB>id', got {text[:60]!r}", origin=str(path), line=number
                )
            key = int(ident)
            if key in names:
                raise InputError(f"id {key} assigned twice", origin=str(path), line=number)
            names[key] = name.strip()
    if sorted(names) != list(range(len(names))):
        raise DataError(f"{path}: ids must be 0..{len(names) - 1} without gaps")
    return tuple(names[i] for i in range(len(names)))


def _read_quads(path: Path, num_entities: int, num_relations: int) -> Quads:
    if not path.is_file():
        raise InputError("missing split file", origin=str(path))
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        return np.zeros((0, 4), dtype=np.int64)
    try:
        table = np.loadtxt(io.StringIO(text), dtype=np.int64, ndmin=2)
    except ValueError as exc:  # locate the offending line for the message
        _raise_bad_line(path, text, exc)
        raise  # unreachable: _raise_bad_line always raises
    if table.shape[1] not in (4, 5):
        _raise_bad_line(path, text, None)
    quads = np.ascontiguousarray(table[:, :4])
    bad = (
        (quads[:, 0] < 0)
        | (quads[:, 0] >= num_entities)
        | (quads[:, 2] < 0)
        | (quads[:, 2] >= num_entities)
        | (quads[:, 1] < 0)
        | (quads[:, 1] >= num_relations)
        | (quads[:, 3] < 0)
    )
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputError(
            f"id out of range in {quads[row].tolist()} ({num_entities} entities, "
            f"{num_relations} relations, time >= 0); check entity2id.txt/relation2id.txt",
            origin=str(path),
            line=_line_of_row(text, row),
        )
    return quads


def _line_of_row(text: str, row: int) -> int:
    seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            seen += 1
            if seen == row:
                return number
    return row + 1


def _raise_bad_line(path: Path, text: str, cause: Exception | None) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) not in (4, 5) or not all(_INT.fullmatch(f) for f in fields):
            raise InputError(
                f"expected 'subject relation object time [extra]' integers, got {line[:60]!r}",
                origin=str(path),
                line=number,
            ) from cause
    raise InputError("rows have inconsistent column counts", origin=str(path)) from cause
