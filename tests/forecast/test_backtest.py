"""The backtest: rolling cut-offs, the two baselines, scores and the reliability table."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from click.testing import CliRunner

from realpolitik.cli.forecast import forecast_command
from realpolitik.errors import InputError
from realpolitik.forecast.backtest import Score, backtest, fold, reliability, to_day
from realpolitik.forecast.dyadic import KINDS, NKINDS, DyadConfig, History, examples
from realpolitik.model import stable_id
from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA, Store
from realpolitik.store.forecasting import dyad_day_counts

START = dt.date(2024, 1, 1)
CODES = {"111": (3, "ACCUSE"), "042": (1, "CONSULT"), "190": (4, "ASSAULT")}
SMALL = DyadConfig(horizon=3, step=3, train_cutoffs=5, calibration_cutoffs=2, lookback=30,
                   min_events=1, trees=30, leaves=7, min_leaf=5)  # fmt: skip


def report(source: str, target: str, code: str, day: int) -> dict[str, object]:
    quad, plover = CODES[code]
    row: dict[str, object] = {c: None for c in EVENT_COLUMNS}
    row.update(event_id=stable_id(source, target, code, day), dataset="test",
               date=START + dt.timedelta(days=day), source_id=source, target_id=target,
               source_name=source, target_name=target, cameo_code=code, cameo_root=code[:2],
               quad_class=quad, plover_event=plover)  # fmt: skip
    return row


def store_of(path: Path, rows: list[dict[str, object]]) -> Store:
    store = Store.open(path)
    store.add_events(pa.Table.from_pylist(rows, schema=EVENT_SCHEMA))
    return store


def patterned(days: int = 90) -> list[dict[str, object]]:
    rng = np.random.default_rng(3)
    rows = [report("a", "b", "111", d) for d in range(0, days, 3)]
    rows += [report("c", "b", "042", d) for d in range(days) if (d // 6) % 2 == 0]
    rows += [report("d", "a", "190", d) for d in range(days) if rng.random() < 0.1]
    rows += [report("e", "c", "042", d) for d in range(days) if rng.random() < 0.3]
    return rows


def test_scores_by_hand() -> None:
    p, y = np.array([0.0, 1.0, 0.5, 0.2]), np.array([0.0, 0.0, 1.0, 0.0])
    score = Score.of(p, y)
    assert score.brier == pytest.approx((0 + 1 + 0.25 + 0.04) / 4)
    eps = 1e-4
    expected = -(np.log(1 - eps) + np.log(eps) + np.log(0.5) + np.log(0.8)) / 4
    assert score.log_loss == pytest.approx(expected, abs=1e-5)


def test_reliability_bins_count_every_prediction() -> None:
    rng = np.random.default_rng(0)
    p = np.concatenate([rng.random(997), [0.0, 1.0, 0.1]])
    y = (rng.random(p.size) < p).astype(float)
    bins = reliability(p, y)
    assert len(bins) == 10 and sum(b.count for b in bins) == p.size
    assert bins[9].count == np.sum(p >= 0.9) and bins[1].count == np.sum((p >= 0.1) & (p < 0.2))
    for b in bins:
        if b.count:
            assert b.mean_predicted is not None and b.lo <= b.mean_predicted <= b.hi


def test_baselines_on_a_hand_made_store(tmp_path: Path) -> None:
    """a accuses b every third day up to day 33, then stops; c consults b every other day.
    At cut-off day 36 persistence looks at [33, 36); the base rate is the kind's share of
    positive units over the training cut-offs."""
    rows = [report("a", "b", "111", d) for d in range(0, 34, 3)]
    rows += [report("c", "b", "042", d) for d in range(0, 45, 2)]
    with store_of(tmp_path / "s.duckdb", rows) as s:
        history = History.from_counts(dyad_day_counts(s, before=START + dt.timedelta(days=99)))
    t = to_day(START) + 36
    out = fold(history, t, SMALL)
    test = examples(history, [t], SMALL, directed=False)
    accuse = test.x[:, 0] == KINDS.index("ACCUSE")
    consult = test.x[:, 0] == KINDS.index("CONSULT")
    ab = accuse & (test.units // NKINDS == _pair(history, "a", "b"))
    # a accused b on day 33, inside [33, 36): persistence says 1, and nothing follows
    assert out.persistence[ab].tolist() == [1.0] and out.y[ab].tolist() == [0.0]
    cb = consult & (test.units // NKINDS == _pair(history, "b", "c"))
    assert out.persistence[cb].tolist() == [1.0] and out.y[cb].tolist() == [1.0]
    # base rate = share of (dyad, ACCUSE) units with an accusation, over training cut-offs
    cutoffs = [t - 3 - 3 * k for k in range(7)]
    train = examples(history.before(t), [c for c in cutoffs if c > to_day(START) + 3], SMALL,
                     directed=False)  # fmt: skip
    rate = train.y[train.x[:, 0] == KINDS.index("ACCUSE")].mean()
    assert out.base_rate[ab][0] == pytest.approx(rate)
    assert np.all((out.model >= 0) & (out.model <= 1))


def _pair(history: History, x: str, y: str) -> int:
    i, j = sorted((history.actors.index(x), history.actors.index(y)))
    return i * history.num_actors + j


def test_backtest_on_a_patterned_store(tmp_path: Path) -> None:
    with store_of(tmp_path / "s.duckdb", patterned()) as s:
        result = backtest(s, horizon=3, step=6, since=START + dt.timedelta(days=45), config=SMALL)
    assert result.cutoffs[0] == START + dt.timedelta(days=45)
    assert result.cutoffs[-1] <= START + dt.timedelta(days=87)
    assert sum(b.count for b in result.reliability) == result.n > 0
    assert 0 <= result.model.brier <= 1 and result.model.log_loss >= 0
    # regular patterns: the model must beat the base rate
    assert result.model.brier < result.base_rate.brier


def test_backtest_needs_room(tmp_path: Path) -> None:
    with (
        store_of(tmp_path / "s.duckdb", patterned(20)) as s,
        pytest.raises(InputError, match="--since"),
    ):
        backtest(s, horizon=3, step=6, config=SMALL)


def test_cli_backtest_json_last_line(tmp_path: Path) -> None:
    store_of(tmp_path / "s.duckdb", patterned()).close()
    runner = CliRunner()
    args = ["--backtest", "--horizon", "7", "--step", "14", "--since", "2024-02-20",
            "--db", str(tmp_path / "s.duckdb")]  # fmt: skip
    out = runner.invoke(forecast_command, [*args, "--json"])
    assert out.exit_code == 0, out.output
    record = json.loads(out.output.strip().splitlines()[-1])
    assert {"model", "base_rate", "persistence", "reliability", "n"} <= set(record)
    assert sum(b["count"] for b in record["reliability"]) == record["n"]
    table = runner.invoke(forecast_command, args)
    assert table.exit_code == 0 and "persistence" in table.output and "0.9-1.0" in table.output


@pytest.mark.slow
def test_icews14_backtest_beats_both_baselines(shared: Path, tmp_path: Path) -> None:
    from realpolitik.cli import main

    runner = CliRunner()
    db = str(tmp_path / "icews14.duckdb")
    imported = runner.invoke(
        main, ["import", "tkg", str(shared / "data" / "tkg" / "ICEWS14"), "--db", db]
    )
    assert imported.exit_code == 0, imported.output
    started = time.perf_counter()
    out = runner.invoke(forecast_command, ["--backtest", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    record = json.loads(out.output.strip().splitlines()[-1])
    assert record["model"]["brier"] < record["base_rate"]["brier"]
    assert record["model"]["brier"] < record["persistence"]["brier"]
    assert time.perf_counter() - started < 600
