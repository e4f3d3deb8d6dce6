"""Forecasts on the store: one dyad's outlook (:func:`forecast_dyad`) and the replay of the
store's own history with rolling cut-offs (:func:`backtest`).

For each cut-off ``T`` (every ``step`` days from ``since`` while ``T + horizon`` is still
inside the store), the model is fitted on ``history.before(T)`` only, predicts every unit of
the dyads active before ``T`` and is scored against ``[T, T + horizon)``.  Two baselines are
scored on the same units: the *base rate* (the kind's frequency over dyads in the training
history) and *persistence* (1 if the kind occurred in the dyad in ``[T - horizon, T)``).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from realpolitik.errors import InputError
from realpolitik.forecast.data import TkgDataset
from realpolitik.forecast.dyadic import (
    FEATURES,
    KINDS,
    DyadConfig,
    DyadPrediction,
    Examples,
    FloatArray,
    History,
    examples,
    fit,
    predict_pair,
)
from realpolitik.forecast.rules import RuleConfig, learn_rules
from realpolitik.store.duck import Store
from realpolitik.store.forecasting import date_range, dyad_day_counts, dyad_events

EPOCH = dt.date(1970, 1, 1)
LOG_LOSS_EPS = 1e-4
"""Probabilities are clipped to [eps, 1 - eps] for log loss (persistence says 0 or 1)."""
_RECENT = FEATURES.index("kind_recent")


def to_day(date: dt.date) -> int:
    return (date - EPOCH).days


def to_date(day: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(day))


@dataclass(frozen=True)
class Score:
    brier: float
    log_loss: float

    @classmethod
    def of(cls, p: FloatArray, y: FloatArray) -> Score:
        q = np.clip(p, LOG_LOSS_EPS, 1 - LOG_LOSS_EPS)
        loss = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)) if len(y) else float("nan")
        brier = float(np.mean((p - y) ** 2)) if len(y) else float("nan")
        return cls(round(brier, 6), round(float(loss), 6))


@dataclass(frozen=True)
class Bin:
    lo: float
    hi: float
    count: int
    mean_predicted: float | None
    observed: float | None


def reliability(p: FloatArray, y: FloatArray, *, bins: int = 10) -> list[Bin]:
    """Ten equal-width probability bins (the last one closed): mean prediction vs outcome."""
    index = np.minimum((p * bins).astype(np.int64), bins - 1)
    count = np.bincount(index, minlength=bins)
    mean_p = np.bincount(index, weights=p, minlength=bins)
    mean_y = np.bincount(index, weights=y, minlength=bins)
    out = []
    for i in range(bins):
        c = int(count[i])
        out.append(Bin(round(i / bins, 2), round((i + 1) / bins, 2), c,
                       round(float(mean_p[i] / c), 4) if c else None,
                       round(float(mean_y[i] / c), 4) if c else None))  # fmt: skip
    return out


@dataclass(frozen=True)
class BacktestResult:
    horizon: int
    step: int
    cutoffs: tuple[dt.date, ...]
    n: int
    positives: int
    model: Score
    base_rate: Score
    persistence: Score
    reliability: tuple[Bin, ...]
    seconds: float
    config: DyadConfig = field(default_factory=DyadConfig)

    @property
    def beats_baselines(self) -> bool:
        return self.model.brier < min(self.base_rate.brier, self.persistence.brier)

    def as_dict(self) -> dict[str, Any]:
        return {
            "horizon": self.horizon, "step": self.step,
            "cutoffs": [d.isoformat() for d in self.cutoffs], "n": self.n,
            "positives": self.positives, "model": asdict(self.model),
            "base_rate": asdict(self.base_rate), "persistence": asdict(self.persistence),
            "beats_baselines": self.beats_baselines,
            "reliability": [asdict(b) for b in self.reliability], "seconds": self.seconds,
        }  # fmt: skip


@dataclass(frozen=True)
class Predictions:
    """One fold's units with the three forecasts and the outcome."""

    model: FloatArray
    base_rate: FloatArray
    persistence: FloatArray
    y: FloatArray


def fold(
    history: History, t: int, config: DyadConfig, *,
    memo: dict[tuple[int, bool], Examples] | None = None,
) -> Predictions:  # fmt: skip
    """Fit strictly before ``t``, predict the dyads active before ``t``, read the outcome."""
    model = fit(history.before(t), t, config, memo=memo)
    test = examples(history, [t], config, directed=False)
    kinds = test.x[:, 0].astype(np.int64)
    return Predictions(
        model=model.predict(test.x),
        base_rate=model.base_rates[kinds],
        persistence=(test.x[:, _RECENT] > 0).astype(np.float64),
        y=test.y,
    )


def default_since(first: int, config: DyadConfig) -> int:
    """The first cut-off with a full training window (lookback plus every training cut-off)."""
    return (
        first
        + config.lookback
        + config.horizon
        + config.step * (config.train_cutoffs + config.calibration_cutoffs)
    )


def run(
    history: History, *, config: DyadConfig, step: int, since: int | None = None
) -> BacktestResult:
    if history.day.size == 0:
        raise InputError("the store holds no dyadic events to replay; import or ingest first")
    started = time.perf_counter()
    first, last = int(history.day[0]), int(history.day[-1])
    start = since if since is not None else default_since(first, config)
    cutoffs = list(range(start, last + 2 - config.horizon, step))
    if not cutoffs:
        raise InputError(
            f"no cut-off between {to_date(start)} and {to_date(last + 1 - config.horizon)}: "
            "pass an earlier --since or a shorter --horizon"
        )
    memo: dict[tuple[int, bool], Examples] = {}
    folds = [fold(history, t, config, memo=memo) for t in cutoffs]
    y = np.concatenate([f.y for f in folds])
    p = np.concatenate([f.model for f in folds])
    return BacktestResult(
        horizon=config.horizon,
        step=step,
        cutoffs=tuple(to_date(t) for t in cutoffs),
        n=len(y),
        positives=int(y.sum()),
        model=Score.of(p, y),
        base_rate=Score.of(np.concatenate([f.base_rate for f in folds]), y),
        persistence=Score.of(np.concatenate([f.persistence for f in folds]), y),
        reliability=tuple(reliability(p, y)),
        seconds=round(time.perf_counter() - started, 1),
        config=config,
    )


def backtest(
    store: Store,
    *,
    horizon: int = 7,
    step: int = 28,
    since: dt.date | None = None,
    level: str = "actor",
    config: DyadConfig | None = None,
) -> BacktestResult:
    """Replay the store's history with rolling cut-offs every ``step`` days from ``since``."""
    span = date_range(store)
    if span is None:
        raise InputError("the store holds no events; import or ingest something first")
    config = config or DyadConfig(horizon=horizon)
    counts = dyad_day_counts(store, before=span[1] + dt.timedelta(days=1), level=level)
    history = History.from_counts(counts)
    return run(history, config=config, step=step,
               since=to_day(since) if since else None)  # fmt: skip


@dataclass(frozen=True)
class DyadForecast:
    """What may happen between ``a`` and ``b`` in ``[cutoff, cutoff + horizon)``, from the
    events strictly before ``cutoff`` only."""

    a: str
    b: str
    cutoff: dt.date
    horizon: int
    prediction: DyadPrediction
    past: tuple[dict[str, Any], ...]
    rules: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "cutoff": self.cutoff.isoformat(),
            "until": (self.cutoff + dt.timedelta(days=self.horizon - 1)).isoformat(),
            "horizon": self.horizon,
            "kinds": [asdict(k) for k in self.prediction.kinds],
            "days_since_any": self.prediction.any_days_since,
            "volume_60": self.prediction.volume_60,
            "training_rows": self.prediction.training_rows,
            "rules": list(self.rules),
            "past": [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in e.items()}
                     for e in self.past],
        }  # fmt: skip


def forecast_dyad(
    store: Store,
    a: str,
    b: str,
    *,
    horizon: int = 7,
    on: dt.date | None = None,
    level: str = "actor",
    config: DyadConfig | None = None,
    directed: bool = True,
) -> DyadForecast:
    """Forecast the kinds between actor (or country) codes ``a`` and ``b`` from ``on`` (default:
    the day after the store's last event) for ``horizon`` days; only events dated before
    ``on`` are read."""
    span = date_range(store)
    if span is None:
        raise InputError("the store holds no events; import or ingest something first")
    cutoff = on or span[1] + dt.timedelta(days=1)
    config = config or DyadConfig(horizon=horizon)
    counts = dyad_day_counts(store, before=cutoff, level=level)
    history = History.from_counts(counts, extra=(a, b))
    prediction = predict_pair(history, to_day(cutoff), a, b, config, directed=directed)
    past = dyad_events(store, [a], [b], before=cutoff, level=level, limit=10)
    rows = tuple(
        {k: (v.date() if isinstance(v, dt.datetime) else v) for k, v in row.items()}
        for row in past.astype(object).where(past.notna(), None).to_dict("records")
    )  # fmt: skip
    names = {a: str(past_names(past, a)), b: str(past_names(past, b))}
    rules = dyad_rules(history, to_day(cutoff), a, b, lookback=config.lookback, names=names)
    return DyadForecast(a, b, cutoff, config.horizon, prediction, rows, rules)


def past_names(past: Any, code: str) -> str:
    """The stored name of actor ``code`` among ``past`` events, else the code itself."""
    for side in ("source", "target"):
        hit = past.loc[past[side] == code, f"{side}_name"]
        if len(hit) and hit.iloc[0]:
            return str(hit.iloc[0])
    return code


#: PLOVER types as verbs, for rules rendered as sentences ("if X accused Y, ...").
VERBS = {
    "AGREE": "agreed with", "CONSULT": "consulted", "SUPPORT": "supported",
    "CONCEDE": "conceded to", "COOPERATE": "cooperated with", "AID": "aided",
    "RETREAT": "retreated from", "REQUEST": "made a request of", "ACCUSE": "accused",
    "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
    "SANCTION": "sanctioned", "MOBILIZE": "mobilized against", "COERCE": "coerced",
    "ASSAULT": "assaulted",
}  # fmt: skip


def dyad_rules(
    history: History, t: int, a: str, b: str, *, lookback: int = 90, names: dict[str, str],
    top: int = 5, config: RuleConfig | None = None,
) -> tuple[str, ...]:  # fmt: skip
    """Temporal rules (``realpolitik.forecast.rules``, mined from ``history.before(t)``
    only, over PLOVER types) whose body happened between ``a`` and ``b`` in the last
    ``lookback`` days, as sentences, most confident first."""
    past = history.before(t)
    plover = past.kind >= 4
    quads = np.unique(np.column_stack([past.u, past.kind - 4, past.v, past.day])[plover], axis=0)
    if len(quads) == 0 or a not in history.actors or b not in history.actors:
        return ()
    relations = tuple(VERBS[k] for k in KINDS[4:])
    r = len(relations)
    config = config or RuleConfig(walks=50_000, max_length=1, per_head=(20, 0, 0))
    ruleset = learn_rules(quads, num_entities=past.num_actors, num_relations=r, config=config)
    ia, ib = history.actors.index(a), history.actors.index(b)
    recent = quads[(quads[:, 3] >= t - lookback) & np.isin(quads[:, 0], [ia, ib])
                   & np.isin(quads[:, 2], [ia, ib])]  # fmt: skip
    seen = {(int(s), int(rel), int(o)) for s, rel, o, _ in recent}
    dataset = TkgDataset("store", history.actors, relations, quads, quads[:0], quads[:0], 1)
    best: dict[str, tuple[float, str]] = {}
    for rule in ruleset.rules:
        body = rule.body[0]
        for x, y in ((ia, ib), (ib, ia)):
            fact = (x, body, y) if body < r else (y, body - r, x)
            if fact not in seen:
                continue
            who = {"X": names[history.actors[x]], "Y": names[history.actors[y]]}
            parts = re.split(r"\b([XY])\b", rule.render(dataset))
            text = "".join(who.get(part, part) for part in parts)
            sentence = text.split(" [", 1)[0]  # a rule and its inverse read the same
            if rule.confidence > best.get(sentence, (-1.0, ""))[0]:
                best[sentence] = (rule.confidence, text)
    return tuple(text for _, text in sorted(best.values(), key=lambda v: -v[0])[:top])
