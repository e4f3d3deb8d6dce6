"""The recurrency baseline of Gastinger et al. (IJCAI 2024), "History repeats itself".

Strict recurrency ψ: an object seen before for the same ``(s, r)`` scores the time-decayed
count ``Σ 2^(-λ (t - t'))`` of its occurrences, normalised by the decay mass of the history.
Relaxed recurrency ξ: the share of the object among all objects of relation ``r`` in the
history.  The prediction is ``α ψ + (1 - α) ξ``, with one global ``λ`` and ``α`` chosen on
the validation split.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from realpolitik.forecast.data import TkgDataset
from realpolitik.forecast.evaluate import Scores, filtered_ranks, query_days, split_timeline
from realpolitik.forecast.history import Snapshot

LAMBDAS = (0.0, 0.01, 0.03, 0.1, 0.3, 1.0)
ALPHAS = (0.9, 0.99, 0.999, 0.9999, 1.0)


@dataclass(frozen=True)
class RecurrencyBaseline:
    lam: float = 0.1
    alpha: float = 0.999

    def strict(self, queries: npt.NDArray[np.int64], history: Snapshot) -> npt.NDArray[np.float64]:
        rows = history.pair_rows(queries[:, 0], queries[:, 1])
        psi = history.recency(self.lam)[rows].toarray()
        return psi / history.decay_mass(self.lam)

    @staticmethod
    def relaxed(queries: npt.NDArray[np.int64], history: Snapshot) -> npt.NDArray[np.float64]:
        counts = history.relation_recency(0.0)[queries[:, 1]].toarray()
        totals = counts.sum(axis=1, keepdims=True)
        return counts / np.maximum(totals, 1.0)

    def score(
        self, queries: npt.NDArray[np.int64], *, history: Snapshot
    ) -> npt.NDArray[np.float64]:
        return self.alpha * self.strict(queries, history) + (1.0 - self.alpha) * self.relaxed(
            queries, history
        )


@dataclass(frozen=True)
class Tuning:
    """Validation MRR of every ``(λ, α)`` tried and the best pair."""

    grid: dict[tuple[float, float], float]
    best: RecurrencyBaseline


def tune_recurrency(
    dataset: TkgDataset, *, lambdas: tuple[float, ...] = LAMBDAS, alphas: tuple[float, ...] = ALPHAS
) -> Tuning:
    """Choose ``λ`` (with ``α = 0.9999``), then ``α``, by MRR on the validation split."""
    grid = _grid(dataset, lambdas, (0.9999,))
    lam = max(grid, key=lambda key: grid[key])[0]
    grid.update(_grid(dataset, (lam,), alphas))
    best = max(grid, key=lambda key: grid[key])
    return Tuning(grid=grid, best=RecurrencyBaseline(lam=best[0], alpha=best[1]))


def _grid(
    dataset: TkgDataset, lambdas: tuple[float, ...], alphas: tuple[float, ...]
) -> dict[tuple[float, float], float]:
    timeline = split_timeline(dataset, "valid")
    ranks: dict[tuple[float, float], list[npt.NDArray[np.float64]]] = {
        (lam, alpha): [] for lam in lambdas for alpha in alphas
    }
    for day in query_days(dataset.valid, dataset.num_relations):
        history = timeline.before(day.time)
        xi = RecurrencyBaseline.relaxed(day.queries, history)
        for lam in lambdas:
            psi = RecurrencyBaseline(lam=lam).strict(day.queries, history)
            for alpha in alphas:
                scores = alpha * psi + (1.0 - alpha) * xi
                ranks[lam, alpha].append(filtered_ranks(scores, day.group, day.answers))
    return {key: Scores.from_ranks(np.concatenate(value)).mrr for key, value in ranks.items()}
