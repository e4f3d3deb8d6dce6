"""Dyadic forecasts on the user's store: will A and B see an act of each kind in the next days?

A *kind* is one of the four quad classes or one of the 16 PLOVER types.  A *unit* is a dyad
(unordered pair, or ordered when ``directed``) and a kind.  At a cut-off day ``t`` the model
sees only ``history.before(t)`` (events with day < t) and predicts whether the unit's kind
occurs in ``[t, t + horizon)``.

Training replays the store's own past: cut-offs ``t_k = T - horizon - k * step`` all keep
their labels before ``T``, so the model fitted for a forecast at ``T`` never sees ``T``.  A
LightGBM classifier is fitted on the older cut-offs and Platt-scaled on the newest ones.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from realpolitik.ontology import PLOVER_TYPES

log = logging.getLogger(__name__)

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
KINDS: tuple[str, ...] = tuple(f"quad {i + 1}" for i in range(4)) + PLOVER_TYPES
NKINDS = len(KINDS)
HALF_LIVES = (3.0, 14.0, 60.0)
FEATURES = (
    "kind", "kind_3", "kind_14", "kind_60", "kind_recent", "kind_days_since",
    "any_3", "any_14", "any_60", "any_days_since", "rev_14", "rev_60",
    "actor_lo", "actor_hi", "kind_lo", "kind_hi", "kind_share",
)  # fmt: skip
_NEVER = 10_000.0
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class History:
    """All reports as (day, u, v, kind, n) arrays, sorted by day, with actors as integers."""

    day: IntArray
    u: IntArray
    v: IntArray
    kind: IntArray
    n: FloatArray
    actors: tuple[str, ...]

    @classmethod
    def from_counts(cls, counts: pd.DataFrame, *, extra: tuple[str, ...] = ()) -> History:
        """From ``store.forecasting.dyad_day_counts``: each report row counts for its quad
        class and for its PLOVER type.  ``extra`` actors get a code even without events."""
        ends = pd.concat([counts["u"], counts["v"]]).astype(str)
        actors = sorted(set(ends) | set(extra))
        codes = pd.Categorical(ends, categories=actors).codes.astype(np.int64)
        u, v = codes[: len(counts)], codes[len(counts) :]
        quad = counts["quad_class"].to_numpy(dtype="float64", na_value=np.nan)
        plover = counts["plover_event"].map({p: 4 + i for i, p in enumerate(PLOVER_TYPES)})
        pk = plover.to_numpy(dtype="float64", na_value=np.nan)
        day, n = counts["day"].to_numpy(np.int64), counts["n"].to_numpy(np.float64)
        parts = [(quad - 1, day, u, v, n), (pk, day, u, v, n)]
        kind = np.concatenate([p[0] for p in parts])
        keep = ~np.isnan(kind) & (kind >= 0) & (kind < NKINDS)
        cols = [np.concatenate([p[i] for p in parts])[keep] for i in range(1, 5)]
        order = np.argsort(cols[0], kind="stable")
        return cls(
            day=cols[0][order].astype(np.int64),
            u=cols[1][order].astype(np.int64),
            v=cols[2][order].astype(np.int64),
            kind=kind[keep][order].astype(np.int64),
            n=cols[3][order].astype(np.float64),
            actors=tuple(str(a) for a in actors),
        )

    @property
    def num_actors(self) -> int:
        return len(self.actors)

    def _slice(self, lo: int, hi: int) -> History:
        return History(self.day[lo:hi], self.u[lo:hi], self.v[lo:hi], self.kind[lo:hi],
                       self.n[lo:hi], self.actors)  # fmt: skip

    def before(self, t: int) -> History:
        """Every report with day strictly earlier than ``t``; nothing on ``t`` or later."""
        return self._slice(0, int(np.searchsorted(self.day, t, side="left")))

    def between(self, lo: int, hi: int) -> History:
        """Reports with ``lo <= day < hi`` (the labels' window)."""
        a = int(np.searchsorted(self.day, lo, side="left"))
        return self._slice(a, int(np.searchsorted(self.day, hi, side="left")))

    def pairs(self, *, directed: bool) -> IntArray:
        """Each report's dyad as one integer (the smaller actor first unless ``directed``)."""
        if directed:
            return self.u * self.num_actors + self.v
        lo, hi = np.minimum(self.u, self.v), np.maximum(self.u, self.v)
        return lo * self.num_actors + hi


@dataclass(frozen=True)
class DyadConfig:
    horizon: int = 7
    step: int = 7
    train_cutoffs: int = 10
    calibration_cutoffs: int = 2
    lookback: int = 90
    min_events: int = 2
    trees: int = 150
    learning_rate: float = 0.05
    leaves: int = 31
    min_leaf: int = 100
    negative_rate: float = 0.2
    """Share of negative training rows kept (weighted back up, so calibration holds)."""
    threads: int = 1
    seed: int = 0


def candidate_pairs(history: History, t: int, config: DyadConfig, *, directed: bool) -> IntArray:
    """Dyads with at least ``min_events`` reports in the ``lookback`` days before ``t``."""
    recent = history.between(t - config.lookback, t)
    keys, counts = np.unique(recent.pairs(directed=directed), return_counts=True)
    return keys[counts >= config.min_events].astype(np.int64)


def _sum_by(keys: IntArray, values: FloatArray, grid: IntArray) -> FloatArray:
    """Sum of ``values`` per key, read out at ``grid`` (0 where the key never occurs)."""
    series = pd.Series(values).groupby(keys).sum()
    return series.reindex(grid, fill_value=0.0).to_numpy(np.float64)


def _max_by(keys: IntArray, values: FloatArray, grid: IntArray, fill: float) -> FloatArray:
    series = pd.Series(values).groupby(keys).max()
    return series.reindex(grid, fill_value=fill).to_numpy(np.float64)


def features(
    past: History, t: int, pairs: IntArray, *, horizon: int, directed: bool
) -> tuple[FloatArray, IntArray]:
    """The feature matrix (rows: ``pairs`` × kinds, columns: ``FEATURES``) at cut-off ``t``.

    ``past`` must already be ``history.before(t)``; the unit keys are returned beside it.
    """
    if past.day.size and past.day[-1] >= t:
        raise ValueError(f"features at day {t} were given reports from day {past.day[-1]}")
    m, nk = past.num_actors, NKINDS
    age = (t - past.day).astype(np.float64)
    dyad = past.pairs(directed=directed)
    unit = dyad * nk + past.kind
    grid_units = (pairs[:, None] * nk + np.arange(nk)[None, :]).ravel()
    grid_pairs = np.repeat(pairs, nk)
    cols: dict[str, FloatArray] = {"kind": np.tile(np.arange(nk, dtype=np.float64), len(pairs))}
    decay = {h: past.n * 0.5 ** ((age - 1) / h) for h in HALF_LIVES}
    for h, w in decay.items():
        cols[f"kind_{h:.0f}"] = _sum_by(unit, w, grid_units)
        cols[f"any_{h:.0f}"] = _sum_by(dyad, w, grid_pairs)
    cols["kind_recent"] = _sum_by(unit, past.n * (age <= horizon), grid_units)
    cols["kind_days_since"] = t - _max_by(unit, past.day.astype(np.float64), grid_units, -_NEVER)
    cols["any_days_since"] = t - _max_by(dyad, past.day.astype(np.float64), grid_pairs, -_NEVER)
    if directed:
        reverse = past.v * m + past.u
        rev_units = reverse * nk + past.kind
        cols["rev_14"] = _sum_by(rev_units, decay[14.0], grid_units)
        cols["rev_60"] = _sum_by(rev_units, decay[60.0], grid_units)
    else:
        cols["rev_14"] = cols["rev_60"] = np.zeros(len(grid_units))
    # the two actors' activity with anyone, overall and in this kind (smaller first)
    ends = np.concatenate([past.u, past.v])
    w60 = np.concatenate([decay[60.0], decay[60.0]])
    actor = pd.Series(w60).groupby(ends).sum().reindex(np.arange(m), fill_value=0.0).to_numpy()
    kinds2 = np.concatenate([past.kind, past.kind])
    actor_kind = _sum_by(ends * nk + kinds2, w60, np.arange(m * nk))
    a, b = grid_pairs // m, grid_pairs % m
    kk = np.tile(np.arange(nk), len(pairs))
    cols["actor_lo"] = np.minimum(actor[a], actor[b])
    cols["actor_hi"] = np.maximum(actor[a], actor[b])
    ka, kb = actor_kind[a * nk + kk], actor_kind[b * nk + kk]
    cols["kind_lo"], cols["kind_hi"] = np.minimum(ka, kb), np.maximum(ka, kb)
    share = _sum_by(past.kind, decay[60.0], np.arange(nk))
    cols["kind_share"] = (share / max(float(share.sum()), 1e-9))[kk]
    matrix = np.column_stack([cols[name] for name in FEATURES])
    return matrix, grid_units


def labels(future: History, units: IntArray, *, directed: bool) -> FloatArray:
    """1.0 where the unit's kind occurs among ``future``'s reports, else 0.0."""
    seen = future.pairs(directed=directed) * NKINDS + future.kind
    return np.isin(units, seen).astype(np.float64)


@dataclass(frozen=True)
class Examples:
    x: FloatArray
    y: FloatArray
    units: IntArray
    cutoff: IntArray


def examples(
    history: History, cutoffs: list[int], config: DyadConfig, *, directed: bool,
    memo: dict[tuple[int, bool], Examples] | None = None,
) -> Examples:  # fmt: skip
    """Features and labels at each cut-off (labels from ``[t, t + horizon)``)."""
    parts = []
    for t in cutoffs:
        key = (t, directed)
        if memo is not None and key in memo:
            parts.append(memo[key])
            continue
        pairs = candidate_pairs(history, t, config, directed=directed)
        x, units = features(history.before(t), t, pairs, horizon=config.horizon,
                            directed=directed)  # fmt: skip
        y = labels(history.between(t, t + config.horizon), units, directed=directed)
        part = Examples(x, y, units, np.full(len(y), t, dtype=np.int64))
        if memo is not None:
            memo[key] = part
        parts.append(part)
    return Examples(
        x=np.concatenate([p.x for p in parts]) if parts else np.zeros((0, len(FEATURES))),
        y=np.concatenate([p.y for p in parts]) if parts else np.zeros(0),
        units=np.concatenate([p.units for p in parts]) if parts else np.zeros(0, np.int64),
        cutoff=np.concatenate([p.cutoff for p in parts]) if parts else np.zeros(0, np.int64),
    )


def _logit(p: FloatArray) -> FloatArray:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(q / (1 - q)), dtype=np.float64)


def platt(scores: FloatArray, y: FloatArray, *, iterations: int = 50) -> tuple[float, float]:
    """``(a, b)`` of ``sigmoid(a * score + b)`` fitted to ``y`` by Newton's method (with a
    tiny ridge so a separable slice cannot blow up)."""
    a, b = 1.0, 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(a * scores + b)))
        w = p * (1 - p)
        g = np.array([np.sum((p - y) * scores) + 1e-3 * (a - 1), np.sum(p - y) + 1e-3 * b])
        h = np.array([[np.sum(w * scores * scores) + 1e-3, np.sum(w * scores)],
                      [np.sum(w * scores), np.sum(w) + 1e-3]])  # fmt: skip
        step = np.linalg.solve(h, g)
        a, b = a - float(step[0]), b - float(step[1])
        if float(np.abs(step).max()) < 1e-8:
            break
    return a, b


@dataclass(frozen=True)
class DyadModel:
    """A fitted classifier, its Platt scaling and the base rates of the training history."""

    booster: Any
    a: float
    b: float
    base_rates: FloatArray
    directed: bool
    config: DyadConfig = field(default_factory=DyadConfig)

    def predict(self, x: FloatArray) -> FloatArray:
        if self.booster is None:
            return np.asarray(self.base_rates[x[:, 0].astype(np.int64)], dtype=np.float64)
        raw = np.asarray(self.booster.predict(x), dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-(self.a * _logit(raw) + self.b)))


def training_cutoffs(t: int, config: DyadConfig) -> list[int]:
    """Cut-offs whose labels end on or before ``t`` (oldest first)."""
    n = config.train_cutoffs + config.calibration_cutoffs
    return [t - config.horizon - k * config.step for k in range(n)][::-1]


def fit(
    history: History, t: int, config: DyadConfig, *, directed: bool = False,
    memo: dict[tuple[int, bool], Examples] | None = None,
) -> DyadModel:  # fmt: skip
    """Fit on ``history.before(t)`` only: every training label lies before ``t``."""
    import lightgbm

    first = int(history.day[0]) if history.day.size else t
    cutoffs = [c for c in training_cutoffs(t, config) if c > first + config.step]
    data = examples(history.before(t), cutoffs, config, directed=directed, memo=memo)
    base = np.array([data.y[data.x[:, 0] == k].mean() if np.any(data.x[:, 0] == k) else 0.0
                     for k in range(NKINDS)])  # fmt: skip
    enough = len(cutoffs) > config.calibration_cutoffs
    split = cutoffs[-config.calibration_cutoffs] if enough else t
    train = data.cutoff < split
    if not enough or train.sum() < 100 or data.y[train].min() == data.y[train].max():
        log.warning("too little history before day %d to fit a model; using base rates", t)
        return DyadModel(None, 1.0, 0.0, base, directed, config)
    params = {
        "objective": "binary", "learning_rate": config.learning_rate,
        "num_leaves": config.leaves, "min_data_in_leaf": config.min_leaf, "feature_fraction": 0.9,
        "bagging_fraction": 0.8, "bagging_freq": 1, "seed": config.seed,
        "num_threads": config.threads, "max_bin": 63, "verbose": -1,
    }  # fmt: skip
    rng = np.random.default_rng(config.seed)
    keep = train & ((data.y > 0) | (rng.random(len(data.y)) < config.negative_rate))
    weight = np.where(data.y[keep] > 0, 1.0, 1.0 / config.negative_rate)
    dataset = lightgbm.Dataset(
        data.x[keep],
        data.y[keep],
        weight=weight,
        feature_name=list(FEATURES),
        categorical_feature=["kind"],
    )
    booster = lightgbm.train(params, dataset, num_boost_round=config.trees)
    held = ~train
    raw = np.asarray(booster.predict(data.x[held]), dtype=np.float64)
    a, b = platt(_logit(raw), data.y[held])
    return DyadModel(booster, a, b, base, directed, config)


# -- one dyad's forecast ---------------------------------------------------------------


def kind_label(kind: int) -> str:
    return f"{KINDS[kind]} ({QUADS[kind]})" if kind < 4 else KINDS[kind]


@dataclass(frozen=True)
class KindForecast:
    """One kind's probability in the horizon and the history behind it."""

    kind: str
    probability: float
    a_to_b: float | None
    b_to_a: float | None
    base_rate: float
    decayed_14: float
    recent: int
    days_since: int | None


@dataclass(frozen=True)
class DyadPrediction:
    kinds: tuple[KindForecast, ...]
    any_days_since: int | None
    volume_60: float
    training_rows: int


def predict_pair(
    history: History, t: int, a: str, b: str, config: DyadConfig, *, directed: bool = True
) -> DyadPrediction:
    """Fit on ``history.before(t)`` and forecast the kinds between ``a`` and ``b`` (actor
    codes present in ``history.actors``) in ``[t, t + horizon)``."""
    past = history.before(t)
    m = history.num_actors
    ia, ib = history.actors.index(a), history.actors.index(b)
    memo: dict[tuple[int, bool], Examples] = {}
    both = fit(past, t, config, directed=False, memo=memo)
    pair = np.array([min(ia, ib) * m + max(ia, ib)], dtype=np.int64)
    x, _ = features(past, t, pair, horizon=config.horizon, directed=False)
    p = both.predict(x)
    one_way: list[FloatArray | None] = [None, None]
    if directed:
        model = fit(past, t, config, directed=True, memo=memo)
        for i, key in enumerate((ia * m + ib, ib * m + ia)):
            xd, _ = features(past, t, np.array([key], np.int64), horizon=config.horizon,
                             directed=True)  # fmt: skip
            one_way[i] = model.predict(xd)
    col = {name: i for i, name in enumerate(FEATURES)}

    def since(value: float) -> int | None:
        return None if value >= _NEVER else int(value)

    kinds = tuple(
        KindForecast(
            kind=kind_label(k),
            probability=round(float(p[k]), 4),
            a_to_b=None if one_way[0] is None else round(float(one_way[0][k]), 4),
            b_to_a=None if one_way[1] is None else round(float(one_way[1][k]), 4),
            base_rate=round(float(both.base_rates[k]), 4),
            decayed_14=round(float(x[k, col["kind_14"]]), 2),
            recent=int(x[k, col["kind_recent"]]),
            days_since=since(float(x[k, col["kind_days_since"]])),
        )
        for k in range(NKINDS)
    )
    rows = sum(len(e.y) for key, e in memo.items() if not key[1])
    return DyadPrediction(kinds, since(float(x[0, col["any_days_since"]])),
                          round(float(x[0, col["any_60"]]), 2), rows)  # fmt: skip
