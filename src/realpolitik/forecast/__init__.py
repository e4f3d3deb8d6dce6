"""Temporal-knowledge-graph forecasting: data, the strict cut-off, models and evaluation.

    dataset = load_tkg("ICEWS14")
    model = RecurrencyBaseline(lam=0.03, alpha=0.9999)
    evaluate(model, dataset, split="valid")          # Scores(mrr=..., hits1=...)

A model only ever sees ``timeline.before(t)``: every fact strictly earlier than ``t``.
"""

from realpolitik.forecast.bench import BenchResult, ModelName, run_benchmark
from realpolitik.forecast.combined import CombinedModel, Fitted, RankerConfig, fit_model
from realpolitik.forecast.data import TkgDataset, load_tkg, with_inverses
from realpolitik.forecast.evaluate import Forecaster, Scores, evaluate, filtered_ranks
from realpolitik.forecast.features import FeatureConfig
from realpolitik.forecast.history import Snapshot, Timeline
from realpolitik.forecast.recurrency import RecurrencyBaseline, tune_recurrency
from realpolitik.forecast.rules import Rule, RuleConfig, RuleSet, learn_rules

__all__ = [
    "BenchResult",
    "CombinedModel",
    "FeatureConfig",
    "Fitted",
    "Forecaster",
    "ModelName",
    "RankerConfig",
    "RecurrencyBaseline",
    "Rule",
    "RuleConfig",
    "RuleSet",
    "Scores",
    "Snapshot",
    "Timeline",
    "TkgDataset",
    "evaluate",
    "filtered_ranks",
    "fit_model",
    "learn_rules",
    "load_tkg",
    "run_benchmark",
    "tune_recurrency",
    "with_inverses",
]
