"""``realpolitik bench tkg``: tune on valid, score once on the chosen split, time it."""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from realpolitik.forecast.data import load_tkg
from realpolitik.forecast.evaluate import Forecaster, Scores, evaluate
from realpolitik.forecast.recurrency import tune_recurrency


class ModelName(StrEnum):
    RECURRENCY = "recurrency"
    RULES = "rules"
    COMBINED = "combined"


@dataclass(frozen=True)
class BenchResult:
    dataset: str
    model: str
    split: str
    scores: Scores
    valid: Scores
    seconds: float
    peak_mb: float
    cpu_seconds: float
    """User + system CPU time: the fairer cost on a machine shared with other work."""
    params: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The ``--json`` record (SPEC keys first)."""
        return {
            "dataset": self.dataset,
            "mrr": self.scores.mrr,
            "hits1": self.scores.hits1,
            "hits3": self.scores.hits3,
            "hits10": self.scores.hits10,
            "seconds": round(self.seconds, 1),
            "cpu_seconds": round(self.cpu_seconds, 1),
            "peak_mb": round(self.peak_mb, 1),
            "model": self.model,
            "split": self.split,
            "n": self.scores.n,
            "valid_mrr": self.valid.mrr,
            "params": self.params,
        }


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024.0 if sys.platform != "darwin" else kb / 1024.0 / 1024.0


def run_benchmark(
    directory: str | Path, *, model: ModelName = ModelName.COMBINED, split: str = "test"
) -> BenchResult:
    """Fit and tune ``model`` with train/valid only, then evaluate it on ``split``."""
    start, cpu_start = time.perf_counter(), cpu_seconds()
    dataset = load_tkg(directory)
    forecaster: Forecaster
    params: dict[str, object]
    if model is ModelName.RECURRENCY:
        tuning = tune_recurrency(dataset)
        forecaster = tuning.best
        params = {"lambda": tuning.best.lam, "alpha": tuning.best.alpha}
        valid = Scores(
            n=0,
            mrr=tuning.grid[tuning.best.lam, tuning.best.alpha],
            hits1=float("nan"),
            hits3=float("nan"),
            hits10=float("nan"),
        )
    else:
        from realpolitik.forecast.combined import fit_model

        fitted = fit_model(dataset, rules_only=model is ModelName.RULES)
        forecaster, params, valid = fitted.model, fitted.params, fitted.valid
    scores = valid if split == "valid" and valid.n else evaluate(forecaster, dataset, split=split)
    return BenchResult(
        dataset=dataset.name,
        model=model.value,
        split=split,
        scores=scores,
        valid=valid,
        seconds=time.perf_counter() - start,
        cpu_seconds=cpu_seconds() - cpu_start,
        peak_mb=peak_mb(),
        params=params,
    )
