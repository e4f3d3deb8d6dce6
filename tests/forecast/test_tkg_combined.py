from __future__ import annotations

import numpy as np
import pytest

from realpolitik.forecast.combined import RankerConfig, fit_model
from realpolitik.forecast.data import TkgDataset
from realpolitik.forecast.evaluate import evaluate
from realpolitik.forecast.recurrency import RecurrencyBaseline
from realpolitik.forecast.rules import RuleConfig

THREATEN, ATTACK, CONSULT = 0, 1, 2


def _synthetic(seed: int = 0) -> TkgDataset:
    """Threats are followed by attacks two days later; consultations repeat.  Pairs are
    new each time, so recurrency cannot see the attacks coming but a rule can."""
    rng = np.random.default_rng(seed)
    n, days = 60, 60
    rows = []
    for day in range(days - 2):
        a = rng.choice(n, size=4, replace=False)
        b = (a + 1 + rng.integers(0, n - 1, size=4)) % n
        rows += [[x, THREATEN, y, day] for x, y in zip(a, b, strict=True)]
        rows += [[x, ATTACK, y, day + 2] for x, y in zip(a, b, strict=True)]
        rows += [[day % 7, CONSULT, (day % 7) + 7, day]]
    quads = np.array(rows, dtype=np.int64)
    split = [
        quads[quads[:, 3] < 40],
        quads[(quads[:, 3] >= 40) & (quads[:, 3] < 50)],
        quads[quads[:, 3] >= 50],
    ]
    return TkgDataset(
        name="SYN",
        entities=tuple(f"e{i}" for i in range(n)),
        relations=("Threaten", "Attack", "Consult"),
        train=split[0],
        valid=split[1],
        test=split[2],
        step=1,
    )


@pytest.fixture(scope="module")
def synthetic() -> TkgDataset:
    return _synthetic()


def test_rules_forecast_what_recurrency_cannot(synthetic: TkgDataset) -> None:
    fitted = fit_model(
        synthetic,
        rules_only=True,
        rule_config=RuleConfig(walks=20_000, max_length=2),
        ranker=RankerConfig(ranker_days=15),
    )
    recurrency = evaluate(RecurrencyBaseline(lam=0.1, alpha=0.99), synthetic, split="valid")
    assert fitted.valid.mrr > recurrency.mrr + 0.2
    assert fitted.valid.mrr == pytest.approx(evaluate(fitted.model, synthetic, split="valid").mrr)


def test_ranker_trains_and_scores(synthetic: TkgDataset) -> None:
    fitted = fit_model(
        synthetic,
        rule_config=RuleConfig(walks=20_000, max_length=2),
        ranker=RankerConfig(ranker_days=15, trees=20, patience=5),
    )
    assert fitted.params["trees"] >= 1
    scores = evaluate(fitted.model, synthetic, split="test")
    assert scores.mrr > 0.4
