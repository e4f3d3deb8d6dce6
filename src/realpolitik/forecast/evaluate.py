"""The standard TKG forecasting protocol: time-aware filtered ranks, single-step.

For every timestamp ``t`` of the evaluated split, each fact ``(s, r, o, t)`` gives an object
query ``(s, r, ?)`` and a subject query ``(o, r⁻¹, ?)``.  The model scores every entity for
each distinct query from the snapshot ``timeline.before(t)`` (single-step: earlier days of the
evaluated split are history).  Other true answers of the same query at ``t`` are removed
from the ranking; ties count as the average of the positions they span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from realpolitik.forecast.data import Quads, TkgDataset, with_inverses
from realpolitik.forecast.history import Snapshot, Timeline

FloatMatrix = npt.NDArray[np.floating]

_CHUNK = 256
QUERY_BLOCK = 2048
"""Queries scored at a time: bounds the dense ``(queries, E)`` score array of a busy day."""


class Forecaster(Protocol):
    """A model: a score for every entity as the answer of each ``(subject, relation)``
    query, computed from ``history`` only (facts strictly before ``history.now``)."""

    def score(self, queries: npt.NDArray[np.int64], *, history: Snapshot) -> FloatMatrix: ...


@dataclass(frozen=True)
class Scores:
    """Time-aware filtered metrics over ``n`` queries (both directions)."""

    n: int
    mrr: float
    hits1: float
    hits3: float
    hits10: float

    @classmethod
    def from_ranks(cls, ranks: npt.NDArray[np.float64]) -> Scores:
        if len(ranks) == 0:
            return cls(0, 0.0, 0.0, 0.0, 0.0)
        return cls(
            n=len(ranks),
            mrr=float(np.mean(1.0 / ranks)),
            hits1=float(np.mean(ranks <= 1)),
            hits3=float(np.mean(ranks <= 3)),
            hits10=float(np.mean(ranks <= 10)),
        )


@dataclass(frozen=True)
class QueryDay:
    """The queries of one timestamp: distinct ``(s, r)`` pairs and the facts answering them."""

    time: int
    queries: npt.NDArray[np.int64]
    """``(g, 2)`` distinct subject/relation pairs."""
    group: npt.NDArray[np.int64]
    """For each fact, the row of its query in ``queries``."""
    answers: npt.NDArray[np.int64]
    """For each fact, its true object."""

    def blocks(self, size: int = QUERY_BLOCK) -> Iterator[QueryDay]:
        """The day cut into runs of at most ``size`` queries, each with its own facts;
        every query is answered whole, so ranks and filtering are those of the day."""
        if len(self.queries) <= size:
            yield self
            return
        order = np.argsort(self.group, kind="stable")
        bounds = np.searchsorted(self.group[order], np.arange(0, len(self.queries) + size, size))
        for i, lo in enumerate(range(0, len(self.queries), size)):
            facts = order[bounds[i] : bounds[i + 1]]
            yield QueryDay(
                time=self.time,
                queries=self.queries[lo : lo + size],
                group=self.group[facts] - lo,
                answers=self.answers[facts],
            )


def query_days(quads: Quads, num_relations: int) -> Iterator[QueryDay]:
    """Group a split's facts (both directions) by timestamp, in time order."""
    both = with_inverses(quads, num_relations)
    both = both[np.argsort(both[:, 3], kind="stable")]
    times, starts = np.unique(both[:, 3], return_index=True)
    bounds = [*starts.tolist(), len(both)]
    for i, t in enumerate(times.tolist()):
        day = both[bounds[i] : bounds[i + 1]]
        keys = day[:, 0] * (2 * num_relations) + day[:, 1]
        uniq, group = np.unique(keys, return_inverse=True)
        queries = np.stack([uniq // (2 * num_relations), uniq % (2 * num_relations)], axis=1)
        yield QueryDay(time=int(t), queries=queries, group=group.ravel(), answers=day[:, 2])


def filtered_ranks(
    scores: FloatMatrix, group: npt.NDArray[np.int64], answers: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Rank of each fact's answer in its query row, other true answers of the same query
    removed, ties at the average position (rank 1 is best)."""
    n = len(answers)
    target = scores[group, answers]
    greater = np.empty(n, dtype=np.float64)
    equal = np.empty(n, dtype=np.float64)
    for lo in range(0, n, _CHUNK):  # chunks of rows bound the memory of the comparison
        rows = scores[group[lo : lo + _CHUNK]]
        x = target[lo : lo + _CHUNK, None]
        greater[lo : lo + _CHUNK] = (rows > x).sum(axis=1)
        equal[lo : lo + _CHUNK] = (rows == x).sum(axis=1) - 1
    # distinct (query, answer) pairs are the filter set of each query
    pair_keys = np.unique(group * scores.shape[1] + answers)
    pair_group, pair_answer = pair_keys // scores.shape[1], pair_keys % scores.shape[1]
    start = np.searchsorted(pair_group, group, side="left")
    stop = np.searchsorted(pair_group, group, side="right")
    count = stop - start
    fact = np.repeat(np.arange(n), count)
    pair = (
        np.arange(count.sum())
        - np.repeat(np.cumsum(count) - count, count)
        + np.repeat(start, count)
    )
    other = pair_answer[pair] != answers[fact]
    fact, pair = fact[other], pair[other]
    other_score = scores[pair_group[pair], pair_answer[pair]]
    greater -= np.bincount(fact, weights=other_score > target[fact], minlength=n)
    equal -= np.bincount(fact, weights=other_score == target[fact], minlength=n)
    return 1.0 + greater + 0.5 * equal


def split_timeline(dataset: TkgDataset, split: str) -> Timeline:
    """The facts a model may look back on when evaluated on ``split`` (single-step)."""
    parts = {
        "train": [dataset.train],
        "valid": [dataset.train, dataset.valid],
        "test": [dataset.train, dataset.valid, dataset.test],
    }[split]
    return Timeline(
        np.concatenate(parts),
        num_entities=dataset.num_entities,
        num_relations=dataset.num_relations,
    )


def evaluate(model: Forecaster, dataset: TkgDataset, *, split: str = "test") -> Scores:
    """Score ``model`` on ``split`` with the time-aware filtered single-step protocol."""
    return Scores.from_ranks(split_ranks(model, dataset, split=split))


def split_ranks(model: Forecaster, dataset: TkgDataset, *, split: str) -> npt.NDArray[np.float64]:
    timeline = split_timeline(dataset, split)
    ranks = []
    for day in query_days(dataset.split(split), dataset.num_relations):
        history = timeline.before(day.time)
        for block in day.blocks():
            scores = model.score(block.queries, history=history)
            ranks.append(filtered_ranks(scores, block.group, block.answers))
    return np.concatenate(ranks) if ranks else np.zeros(0)
