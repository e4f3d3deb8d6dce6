"""The strict temporal cut-off: a :class:`Timeline` of known facts and its
:class:`Snapshot` ``before(t)``, the only view of the past a model is ever given.

Relations are doubled: relation ``r + R`` is the inverse of ``r``, so every query is an
object query ``(subject, relation, ?)``.  Sparse matrices put the pair ``(s, r)`` on row
``snapshot.pair_rows(s, r)`` and the object on the column.

A snapshot cut from a :class:`Timeline` reads its matrices off the timeline's
:class:`FactIndex` (facts sorted once by cell and time; each cut-off is a masked segment
sum, with one row per pair that occurs on the timeline), so stepping through hundreds of
days costs no re-sorting; a bare snapshot builds them from its own facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from realpolitik.forecast.data import Quads, with_inverses

FloatArray = npt.NDArray[np.float64]


class Timeline:
    """All facts known to an experiment (both directions), sorted by time."""

    def __init__(self, quads: Quads, *, num_entities: int, num_relations: int) -> None:
        both = with_inverses(np.asarray(quads, dtype=np.int64), num_relations)
        order = np.argsort(both[:, 3], kind="stable")
        self.quads: Quads = both[order]
        self.num_entities = num_entities
        self.num_relations = num_relations
        self._pairs: FactIndex | None = None
        self._lookup = np.zeros(0, dtype=np.int64)
        self._relations: FactIndex | None = None

    @property
    def pair_index(self) -> FactIndex:
        """Facts keyed by (pair row, object), built on first use and shared by snapshots.

        Its rows are the compact ones of :attr:`pair_lookup`, not ``s * 2R + r``.
        """
        if self._pairs is None:
            pairs = self.quads[:, 0] * (2 * self.num_relations) + self.quads[:, 1]
            seen, rows = np.unique(pairs, return_inverse=True)
            lookup = np.full(self.num_entities * 2 * self.num_relations, len(seen), np.int64)
            lookup[seen] = np.arange(len(seen))
            self._lookup = lookup
            self._pairs = FactIndex(
                rows.ravel(), self.quads[:, 2], self.quads[:, 3],
                shape=(len(seen) + 1, self.num_entities),
            )  # fmt: skip
        return self._pairs

    @property
    def pair_lookup(self) -> npt.NDArray[np.int64]:
        """Row of pair ``s * 2R + r`` in :attr:`pair_index`: one row per pair that occurs
        on the timeline, plus a last row, always empty, shared by all other pairs (a row
        numbering only; a snapshot's matrices hold nothing from after its cut-off)."""
        _ = self.pair_index
        return self._lookup

    @property
    def relation_index(self) -> FactIndex:
        """Facts keyed by (doubled relation, object)."""
        if self._relations is None:
            self._relations = FactIndex(
                self.quads[:, 1], self.quads[:, 2], self.quads[:, 3],
                shape=(2 * self.num_relations, self.num_entities),
            )  # fmt: skip
        return self._relations

    @property
    def times(self) -> npt.NDArray[np.int64]:
        return self.quads[:, 3]

    def before(self, t: int) -> Snapshot:
        """Every fact with time strictly earlier than ``t``; nothing at ``t`` or later."""
        end = int(np.searchsorted(self.quads[:, 3], t, side="left"))
        return Snapshot(
            quads=self.quads[:end],
            now=int(t),
            num_entities=self.num_entities,
            num_relations=self.num_relations,
            timeline=self,
        )


class FactIndex:
    """Facts sorted once by matrix cell, then time, so that the matrix of any cut-off
    ``now`` is a masked segment sum over the sorted facts: no sort and no COO conversion
    per snapshot, and the result is the same as building it from ``Timeline.before(now)``.

    The cells holding a fact before ``now`` (the sparsity pattern) are shared by every
    matrix of the same ``now`` and memoised for the latest one asked for, since the
    single-step protocol advances through the days in order.
    """

    def __init__(
        self,
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        times: npt.NDArray[np.int64],
        *,
        shape: tuple[int, int],
    ) -> None:
        self.shape = shape
        cells = rows.astype(np.int64) * shape[1] + cols
        order = np.lexsort((times, cells))
        cells, self.times = cells[order], times[order].astype(np.int64)
        start = np.ones(len(cells), dtype=bool)
        start[1:] = cells[1:] != cells[:-1]
        self.starts = np.flatnonzero(start)
        self.cells = cells[self.starts]
        small = max(shape[0], shape[1], len(cells)) < np.iinfo(np.int32).max
        self._index_dtype = np.int32 if small else np.int64
        self._memo: tuple[int, _Pattern] | None = None

    def _pattern(self, now: int) -> _Pattern:
        if self._memo is None or self._memo[0] != now:
            self._memo = (now, self._build_pattern(now))
        return self._memo[1]

    def _build_pattern(self, now: int) -> _Pattern:
        mask = self.times < now
        if not len(self.starts):
            counts = np.zeros(0, dtype=np.int64)
        else:
            counts = np.add.reduceat(mask.astype(np.int64), self.starts)
        live = counts > 0
        cells = self.cells[live]
        rows = cells // self.shape[1]
        indptr = np.zeros(self.shape[0] + 1, dtype=self._index_dtype)
        np.cumsum(np.bincount(rows, minlength=self.shape[0]), out=indptr[1:])
        return _Pattern(
            mask=mask,
            live=live,
            counts=counts[live],
            last=self.times[self.starts[live] + counts[live] - 1],
            indices=(cells % self.shape[1]).astype(self._index_dtype),
            indptr=indptr,
        )

    def matrix(self, now: int, lam: float, *, latest: bool = False) -> sp.csr_matrix:
        """``Σ 2^(-lam (now - t'))`` per cell over its facts with ``t' < now`` (or the
        term of the latest fact only, when ``latest``), in canonical CSR form."""
        pattern = self._pattern(now)
        if latest:
            data = np.exp2(-lam * (now - pattern.last).astype(np.float64))
        elif lam == 0.0:
            data = pattern.counts.astype(np.float64)
        else:
            ages = np.where(pattern.mask, now - self.times, 0).astype(np.float64)
            weights = np.where(pattern.mask, np.exp2(-lam * ages), 0.0)
            data = np.add.reduceat(weights, self.starts)[pattern.live] if len(weights) else ages
        return sp.csr_matrix((data, pattern.indices, pattern.indptr), shape=self.shape, copy=False)


@dataclass(frozen=True)
class _Pattern:
    mask: npt.NDArray[np.bool_]
    """Which sorted facts lie before the cut-off."""
    live: npt.NDArray[np.bool_]
    """Which cells hold at least one of them."""
    counts: npt.NDArray[np.int64]
    last: npt.NDArray[np.int64]
    indices: npt.NDArray[Any]
    indptr: npt.NDArray[Any]


@dataclass(frozen=True)
class Snapshot:
    """The past as seen at time ``now``: facts (both directions) with time < ``now``.

    Matrices derived from it are memoised in ``_cache`` (the snapshot itself never changes).
    """

    quads: Quads
    now: int
    num_entities: int
    num_relations: int
    timeline: Timeline | None = field(default=None, repr=False, compare=False)
    """The timeline this snapshot was cut from: its indexes give the matrices quickly."""
    _cache: dict[tuple[object, ...], object] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.quads) and int(self.quads[:, 3].max()) >= self.now:
            raise ValueError(f"snapshot at {self.now} holds a fact at or after its own time")

    @property
    def num_rows(self) -> int:
        """Rows of a pair matrix: one per (subject, doubled relation), or, cut from a
        timeline, one per pair of its index (see :attr:`Timeline.pair_lookup`)."""
        if self.timeline is not None:
            return int(self.timeline.pair_index.shape[0])
        return self.num_entities * 2 * self.num_relations

    def pair_rows(self, subjects: npt.ArrayLike, relations: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """Rows of the pair matrices for ``(subject, relation)``: always go through this."""
        rows = np.asarray(subjects, dtype=np.int64) * (2 * self.num_relations) + np.asarray(
            relations, dtype=np.int64
        )
        if self.timeline is not None:
            return self.timeline.pair_lookup[rows]
        return rows

    def recency(self, lam: float, *, latest: bool = False) -> sp.csr_matrix:
        """Pair matrix of ``2 ** (-lam * (now - t'))`` over facts ``(s, r, o, t')``.

        Summed over repeated facts, or only the most recent one when ``latest``.
        """
        key = ("recency", float(lam), latest)
        if key not in self._cache:
            self._cache[key] = self._build_recency(lam, latest=latest)
        matrix: sp.csr_matrix = self._cache[key]
        return matrix

    def _build_recency(self, lam: float, *, latest: bool) -> sp.csr_matrix:
        if self.timeline is not None:
            return self.timeline.pair_index.matrix(self.now, lam, latest=latest)
        q = self.quads
        weights = np.exp2(-lam * (self.now - q[:, 3]).astype(np.float64))
        rows = self.pair_rows(q[:, 0], q[:, 1])
        if latest and len(q):
            keys = rows * self.num_entities + q[:, 2]
            order = np.lexsort((-weights, keys))
            keys, weights = keys[order], weights[order]
            first = np.ones(len(keys), dtype=bool)
            first[1:] = keys[1:] != keys[:-1]
            keys, weights = keys[first], weights[first]
            rows, cols = keys // self.num_entities, keys % self.num_entities
        else:
            cols = q[:, 2]
        matrix = sp.csr_matrix((weights, (rows, cols)), shape=(self.num_rows, self.num_entities))
        matrix.sum_duplicates()
        return matrix

    def relation_recency(self, lam: float) -> sp.csr_matrix:
        """Decayed counts ``Σ 2^(-lam (now - t'))`` of each object under each doubled
        relation: shape ``(2R, E)``; ``lam = 0`` counts."""
        key: tuple[object, ...] = ("relation_recency", float(lam))
        if key not in self._cache and self.timeline is not None:
            self._cache[key] = self.timeline.relation_index.matrix(self.now, lam)
        elif key not in self._cache:
            q = self.quads
            weights = np.exp2(-lam * (self.now - q[:, 3]).astype(np.float64))
            self._cache[key] = sp.csr_matrix(
                (weights, (q[:, 1], q[:, 2])), shape=(2 * self.num_relations, self.num_entities)
            )
        matrix: sp.csr_matrix = self._cache[key]
        return matrix

    def decay_mass(self, lam: float) -> float:
        """Sum of ``2 ** (-lam * (now - ts))`` over the steps ``ts`` from the first fact up to
        (not including) the last one, the normaliser of the recurrency baseline."""
        if not len(self.quads):
            return 1e-15
        steps = np.arange(int(self.quads[0, 3]), int(self.quads[-1, 3]))
        return max(float(np.exp2(-lam * (self.now - steps)).sum()), 1e-15)
