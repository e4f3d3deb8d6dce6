"""The combination: a LightGBM LambdaRank ranker over recurrency, rule and prior features.

Fitting uses the training split only for rules (mined on its earlier part) and ranker
examples (its last days, each scored from the snapshot before that day); the validation
split picks the number of trees.  The test split is never touched here.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from realpolitik.forecast.data import TkgDataset
from realpolitik.forecast.evaluate import (
    QUERY_BLOCK,
    QueryDay,
    Scores,
    filtered_ranks,
    query_days,
    split_timeline,
)
from realpolitik.forecast.features import (
    FEATURES,
    Candidates,
    FeatureConfig,
    candidates,
    fallback_scores,
)
from realpolitik.forecast.history import Snapshot, Timeline
from realpolitik.forecast.rules import RuleConfig, RuleSet, learn_rules

log = logging.getLogger(__name__)

_CANDIDATE_FLOOR = 1e3
"""Added to every candidate's ranker score so that candidates rank above the fallback."""


@dataclass(frozen=True)
class RankerConfig:
    ranker_days: int = 40
    ranker_facts: int = 20_000
    """The ranker learns from the last ``ranker_days`` of train, or more days until they
    hold this many facts, but never from more than the later half of train."""
    queries_per_day: int = 600
    trees: int = 300
    learning_rate: float = 0.1
    leaves: int = 31
    truncation: int = 10
    """LambdaRank pairs only reach this deep into each list: MRR lives at the top."""
    patience: int = 20
    stop_queries: int = 5000
    """Validation queries (a fixed random sample) that decide when to stop adding trees."""
    threads: int = 1
    """One thread: on a shared 2-core machine OpenMP spinning makes two slower than one."""
    seed: int = 0


@dataclass(frozen=True)
class CombinedModel:
    """Scores candidates with ``booster`` (or, without one, the summed rule scores)."""

    rules: RuleSet
    features: FeatureConfig
    booster: Any = None
    """A trained ``lightgbm.Booster`` or None."""

    def score(
        self, queries: npt.NDArray[np.int64], *, history: Snapshot
    ) -> npt.NDArray[np.float64]:
        found = candidates(queries, history, self.rules, self.features)
        return self.score_candidates(found, fallback_scores(queries, history))

    def score_candidates(
        self, found: Candidates, fallback: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """Candidates above ``fallback`` (the relation prior), ordered by the ranker."""
        scores = fallback
        if self.booster is None:
            cols = [FEATURES.index(name) for name in ("rule1", "rule2", "rule3")]
            value = found.features[:, cols].astype(np.float64).sum(axis=1)
            value += 1e-3 * found.features[:, FEATURES.index("relation_recent")]
        else:
            value = np.asarray(self.booster.predict(found.features))
        scores[found.query, found.entity] = _CANDIDATE_FLOOR + value
        return scores


@dataclass(frozen=True)
class Fitted:
    model: CombinedModel
    valid: Scores
    params: dict[str, object] = field(default_factory=dict)


def fit_model(
    dataset: TkgDataset,
    *,
    rules_only: bool = False,
    rule_config: RuleConfig | None = None,
    feature_config: FeatureConfig | None = None,
    ranker: RankerConfig | None = None,
) -> Fitted:
    """Mine rules, train the ranker on late training days, pick its size on valid."""
    rule_config = rule_config or RuleConfig()
    feature_config = feature_config or FeatureConfig()
    ranker = ranker or RankerConfig()
    cut = _ranker_cut(dataset.train[:, 3], ranker)
    mined = dataset.train[dataset.train[:, 3] < cut]
    rules = learn_rules(
        mined,
        num_entities=dataset.num_entities,
        num_relations=dataset.num_relations,
        config=rule_config,
    )
    log.info(
        "mined %d rules from %d facts before step %d (%.0f s CPU)",
        len(rules.rules), len(mined), cut, time.process_time(),
    )  # fmt: skip
    params: dict[str, object] = {"rules": len(rules.rules), "rule_cut": cut}
    rng = np.random.default_rng(ranker.seed)
    valid_days = _collect(dataset, "valid", rules, feature_config, start=None, rng=rng, limit=None)
    log.info("valid candidates (%.0f s CPU)", time.process_time())
    if rules_only:
        model = CombinedModel(rules=rules, features=feature_config)
        return Fitted(model=model, valid=_replay(model, dataset, valid_days), params=params)
    train_days = _collect(
        dataset, "train", rules, feature_config, start=cut, rng=rng, limit=ranker.queries_per_day
    )
    log.info("train candidates (%.0f s CPU)", time.process_time())
    train_x, train_y, train_groups = _examples(train_days, dataset.num_entities)
    valid_x, valid_y, valid_groups = _examples(valid_days, dataset.num_entities)
    stop = _sample_groups((valid_x, valid_y, valid_groups), ranker.stop_queries, rng)
    booster = train_ranker((train_x, train_y, train_groups), stop, ranker)
    log.info("ranker trained (%.0f s CPU)", time.process_time())
    model = CombinedModel(rules=rules, features=feature_config, booster=booster)
    params.update(
        trees=int(booster.best_iteration or ranker.trees),
        train_rows=len(train_y),
        valid_rows=len(valid_y),
    )
    return Fitted(model=model, valid=_replay(model, dataset, valid_days), params=params)


def _ranker_cut(times: npt.NDArray[np.int64], config: RankerConfig) -> int:
    """First day of the ranker's training days (rules are mined before it)."""
    days, per_day = np.unique(times, return_counts=True)
    from_end = np.cumsum(per_day[::-1])
    enough = int(np.searchsorted(from_end, config.ranker_facts)) + 1
    count = min(max(config.ranker_days, enough), len(days) - len(days) // 2)
    return int(days[len(days) - count])


Examples = tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def train_ranker(train: Examples, valid: Examples, config: RankerConfig) -> Any:
    """LambdaRank trees on ``train``; the valid split stops adding trees (early stopping)."""
    import lightgbm

    params = {
        "objective": "lambdarank",
        "learning_rate": config.learning_rate,
        "num_leaves": config.leaves,
        "min_data_in_leaf": 50,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "feature_fraction": 0.9,
        "seed": config.seed,
        "num_threads": config.threads,
        "max_bin": 63,
        "lambdarank_truncation_level": config.truncation,
        "verbose": -1,
        "metric": "map",
        "eval_at": [10],
    }
    train_set = lightgbm.Dataset(train[0], train[1], group=train[2], feature_name=list(FEATURES))
    valid_set = lightgbm.Dataset(valid[0], valid[1], group=valid[2], reference=train_set)
    return lightgbm.train(
        params,
        train_set,
        num_boost_round=config.trees,
        valid_sets=[valid_set],
        callbacks=[lightgbm.early_stopping(config.patience, verbose=False)],
    )


def _sample_groups(examples: Examples, limit: int, rng: np.random.Generator) -> Examples:
    """At most ``limit`` whole query groups of ``examples``, in their original order."""
    x, y, groups = examples
    if len(groups) <= limit:
        return examples
    chosen = np.zeros(len(groups), dtype=bool)
    chosen[rng.choice(len(groups), size=limit, replace=False)] = True
    rows = np.repeat(chosen, groups)
    return x[rows], y[rows], groups[chosen]


@dataclass(frozen=True)
class _Day:
    day: QueryDay
    found: Candidates


def _collect(
    dataset: TkgDataset,
    split: str,
    rules: RuleSet,
    config: FeatureConfig,
    *,
    start: int | None,
    rng: np.random.Generator,
    limit: int | None,
) -> list[_Day]:
    """Candidates of every day of ``split`` (from ``start``; at most ``limit`` queries a day)."""
    timeline = (
        split_timeline(dataset, split)
        if split != "train"
        else Timeline(
            dataset.train, num_entities=dataset.num_entities, num_relations=dataset.num_relations
        )
    )
    quads = dataset.split(split)
    if start is not None:
        quads = quads[quads[:, 3] >= start]
    out = []
    for day in query_days(quads, dataset.num_relations):
        day = _subsample(day, rng, limit)
        out.append(_Day(day, candidates(day.queries, timeline.before(day.time), rules, config)))
    return out


def _examples(days: list[_Day], num_entities: int) -> Examples:
    """Candidate rows labelled 1 for a true answer; groups of rows per query that has one."""
    xs, ys, groups = [], [], []
    for item in days:
        day, found = item.day, item.found
        truth = np.unique(day.group * num_entities + day.answers)
        label = np.isin(found.query * num_entities + found.entity, truth)
        has_answer = np.bincount(found.query, weights=label, minlength=len(day.queries)) > 0
        keep = has_answer[found.query]
        xs.append(found.features[keep])
        ys.append(label[keep].astype(np.int64))
        groups.append(np.bincount(found.query[keep], minlength=len(day.queries))[has_answer])
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(groups)


def _replay(model: CombinedModel, dataset: TkgDataset, days: list[_Day]) -> Scores:
    """The full protocol on precomputed validation candidates (same result as ``evaluate``)."""
    timeline = split_timeline(dataset, "valid")
    ranks = []
    for item in days:
        history = timeline.before(item.day.time)
        found, lo = item.found, 0
        for block in item.day.blocks(QUERY_BLOCK):
            hi = lo + len(block.queries)
            a, b = np.searchsorted(found.query, [lo, hi])  # candidates come sorted by query
            part = Candidates(found.query[a:b] - lo, found.entity[a:b], found.features[a:b])
            scores = model.score_candidates(part, fallback_scores(block.queries, history))
            ranks.append(filtered_ranks(scores, block.group, block.answers))
            lo = hi
    return Scores.from_ranks(np.concatenate(ranks))


def _subsample(day: QueryDay, rng: np.random.Generator, limit: int | None) -> QueryDay:
    if limit is None or len(day.queries) <= limit:
        return day
    chosen = np.sort(rng.choice(len(day.queries), size=limit, replace=False))
    new_index = np.full(len(day.queries), -1)
    new_index[chosen] = np.arange(limit)
    facts = new_index[day.group] >= 0
    return QueryDay(
        time=day.time,
        queries=day.queries[chosen],
        group=new_index[day.group][facts],
        answers=day.answers[facts],
    )
