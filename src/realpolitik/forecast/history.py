"""The strict temporal cut-off: a :class:`Timeline` of known facts and its
:class:`Snapshot` ``before(t)``, the only view of the past a model is ever given.

Relations are doubled: relation ``r + R`` is the inverse of ``r``, so every query is an
object query ``(subject, relation, ?)``.  Sparse matrices put the pair ``(s, r)`` on row
``s * 2R + r`` and the object on the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        )


@dataclass(frozen=True)
class Snapshot:
    """The past as seen at time ``now``: facts (both directions) with time < ``now``.

    Matrices derived from it are memoised in ``_cache`` (the snapshot itself never changes).
    """

    quads: Quads
    now: int
    num_entities: int
    num_relations: int
    _cache: dict[tuple[object, ...], object] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.quads) and int(self.quads[:, 3].max()) >= self.now:
            raise ValueError(f"snapshot at {self.now} holds a fact at or after its own time")

    @property
    def num_rows(self) -> int:
        """Rows of a pair matrix: one per (subject, doubled relation)."""
        return self.num_entities * 2 * self.num_relations

    def pair_rows(self, subjects: npt.ArrayLike, relations: npt.ArrayLike) -> npt.NDArray[np.int64]:
        return np.asarray(subjects, dtype=np.int64) * (2 * self.num_relations) + np.asarray(
            relations, dtype=np.int64
        )

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
        if key not in self._cache:
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
