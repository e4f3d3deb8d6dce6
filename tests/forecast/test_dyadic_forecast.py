"""Dyadic forecasts on a store: the strict cut-off, the features, the model and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from realpolitik.cli.forecast import forecast_command
from realpolitik.forecast.backtest import forecast_dyad, to_day
from realpolitik.forecast.dyadic import (
    FEATURES,
    KINDS,
    NKINDS,
    DyadConfig,
    History,
    features,
    fit,
    labels,
    platt,
    training_cutoffs,
)
from realpolitik.model import stable_id
from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA, Store
from realpolitik.store.forecasting import dyad_day_counts

START = dt.date(2024, 1, 1)
CODES = {"111": (3, "ACCUSE"), "042": (1, "CONSULT"), "190": (4, "ASSAULT"), "070": (2, "AID")}
SMALL = DyadConfig(horizon=3, step=3, train_cutoffs=6, calibration_cutoffs=2, lookback=30,
                   min_events=1, trees=30, leaves=7, min_leaf=5)  # fmt: skip


def report(source: str, target: str, code: str, day: int) -> dict[str, object]:
    quad, plover = CODES[code]
    row: dict[str, object] = {c: None for c in EVENT_COLUMNS}
    row.update(event_id=stable_id(source, target, code, day), dataset="test",
               date=START + dt.timedelta(days=day), source_id=source, target_id=target,
               source_name=source.upper(), target_name=target.upper(),
               source_country=source.upper()[:3], target_country=target.upper()[:3],
               cameo_code=code, cameo_root=code[:2], quad_class=quad, plover_event=plover)  # fmt: skip
    return row


def synthetic(days: int = 120, seed: int = 1) -> list[dict[str, object]]:
    """Iran accuses Israel every third day, the US consults Israel on odd days, Hamas and
    Israel fight in bursts, Egypt and Hamas meet now and then."""
    rng = np.random.default_rng(seed)
    rows = [report("irn", "isr", "111", d) for d in range(0, days, 3)]
    rows += [report("usa", "isr", "042", d) for d in range(1, days, 2)]
    rows += [report("hamas", "isr", "190", d) for d in range(days) if (d // 10) % 3 == 0]
    rows += [report("isr", "hamas", "190", d) for d in range(days) if (d // 10) % 3 == 0
             and rng.random() < 0.5]  # fmt: skip
    rows += [report("egy", "hamas", "042", d) for d in range(days) if rng.random() < 0.15]
    rows += [report("usa", "egy", "070", d) for d in range(days) if rng.random() < 0.05]
    return rows


def make_store(path: Path, rows: list[dict[str, object]]) -> Store:
    store = Store.open(path)
    store.add_events(pa.Table.from_pylist(rows, schema=EVENT_SCHEMA))
    return store


@pytest.fixture
def store(tmp_path: Path):
    with make_store(tmp_path / "s.duckdb", synthetic()) as opened:
        yield opened


def history_of(rows: list[dict[str, object]], tmp_path: Path, name: str) -> History:
    with make_store(tmp_path / f"{name}.duckdb", rows) as s:
        return History.from_counts(dyad_day_counts(s, before=START + dt.timedelta(days=999)))


def test_counts_query_is_strict(store: Store) -> None:
    cut = START + dt.timedelta(days=30)
    counts = dyad_day_counts(store, before=cut)
    assert counts["day"].max() == to_day(cut) - 1
    assert counts["n"].sum() == sum(1 for r in synthetic() if r["date"] < cut)  # type: ignore[operator]


def test_history_before_excludes_the_cut_off_day(tmp_path: Path) -> None:
    history = history_of(synthetic(), tmp_path, "h")
    t = to_day(START) + 30
    assert history.before(t).day.max() == t - 1
    assert history.between(t, t + 3).day.min() == t
    assert {k for k in KINDS} >= {"quad 3", "ACCUSE"} and NKINDS == 20


def test_features_refuse_the_future(tmp_path: Path) -> None:
    history = history_of(synthetic(), tmp_path, "h")
    t = to_day(START) + 30
    with pytest.raises(ValueError, match="reports from day"):
        features(history.before(t + 1), t, np.array([0], np.int64), horizon=3, directed=False)


def test_features_and_labels_by_hand(tmp_path: Path) -> None:
    rows = [report("irn", "isr", "111", d) for d in (0, 3, 6)] + [report("isr", "irn", "042", 9)]
    history = history_of(rows, tmp_path, "h")
    t = to_day(START) + 8
    irn, isr = history.actors.index("irn"), history.actors.index("isr")
    pair = np.array([min(irn, isr) * history.num_actors + max(irn, isr)], np.int64)
    x, units = features(history.before(t), t, pair, horizon=3, directed=False)
    accuse = KINDS.index("ACCUSE")
    col = {name: i for i, name in enumerate(FEATURES)}
    assert x.shape == (NKINDS, len(FEATURES))
    assert x[accuse, col["kind_recent"]] == 1  # day 6 is within the last 3 days
    assert x[accuse, col["kind_days_since"]] == 2
    assert x[accuse, col["kind_3"]] == pytest.approx(
        0.5 ** (1 / 3) + 0.5 ** (4 / 3) + 0.5 ** (7 / 3)
    )
    assert x[KINDS.index("CONSULT"), col["kind_3"]] == 0  # day 9 is after the cut-off
    y = labels(history.between(t, t + 3), units, directed=False)
    assert y[KINDS.index("CONSULT")] == 1 and y[KINDS.index("quad 1")] == 1
    assert y.sum() == 2


def test_training_never_sees_the_cut_off_day(tmp_path: Path) -> None:
    """Events on the cut-off day (and later) change neither features nor labels of training:
    the fitted model is the same with or without them."""
    rows = synthetic()
    t = to_day(START) + 90
    extra = [report("irn", "isr", "190", d) for d in range(90, 95)]
    extra += [report("egy", "usa", "111", 90)]
    plain = history_of(rows, tmp_path, "plain")
    more = history_of(rows + extra, tmp_path, "more")
    assert max(training_cutoffs(t, SMALL)) + SMALL.horizon <= t
    m1, m2 = fit(plain, t, SMALL), fit(more, t, SMALL)
    pair = np.array([0, 1, 2], np.int64)
    x1, _ = features(plain.before(t), t, pair, horizon=3, directed=False)
    assert np.array_equal(m1.predict(x1), m2.predict(x1))
    assert np.array_equal(m1.base_rates, m2.base_rates)


def test_probabilities_are_probabilities(tmp_path: Path) -> None:
    history = history_of(synthetic(), tmp_path, "h")
    t = to_day(START) + 100
    for directed in (False, True):
        model = fit(history, t, SMALL, directed=directed)
        assert model.booster is not None
        keys = np.arange(history.num_actors**2, dtype=np.int64)
        x, _ = features(history.before(t), t, keys, horizon=3, directed=directed)
        p = model.predict(x)
        assert np.all((p >= 0) & (p <= 1)) and np.isfinite(p).all()


def test_platt_recovers_a_known_sigmoid() -> None:
    rng = np.random.default_rng(0)
    s = rng.normal(size=20_000)
    y = (rng.random(s.size) < 1 / (1 + np.exp(-(2.0 * s - 1.0)))).astype(float)
    a, b = platt(s, y)
    assert a == pytest.approx(2.0, abs=0.15) and b == pytest.approx(-1.0, abs=0.1)


def test_forecast_dyad_reads_only_the_past(store: Store) -> None:
    on = START + dt.timedelta(days=60)
    out = forecast_dyad(store, "irn", "isr", on=on, horizon=3, config=SMALL, directed=True)
    assert out.cutoff == on and len(out.prediction.kinds) == NKINDS
    assert all(e["date"] < on for e in out.past) and out.past
    accuse = out.prediction.kinds[KINDS.index("ACCUSE")]
    assert accuse.probability > out.prediction.kinds[KINDS.index("AID")].probability
    assert accuse.a_to_b is not None and accuse.b_to_a is not None
    assert accuse.a_to_b > accuse.b_to_a  # Iran accuses Israel, not the other way
    assert any(
        r.startswith("if IRN accused ISR (earlier), then IRN accused ISR") for r in out.rules
    )


def test_forecast_pair_without_history(store: Store) -> None:
    out = forecast_dyad(store, "irn", "nobody", horizon=3, config=SMALL, directed=False)
    assert out.past == () and out.prediction.any_days_since is None
    assert all(0 <= k.probability <= 1 for k in out.prediction.kinds)


def test_cli_forecast_table_and_json(tmp_path: Path) -> None:
    make_store(tmp_path / "s.duckdb", synthetic(days=100)).close()
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    table = runner.invoke(forecast_command, ["irn", "isr", "--db", db, "--horizon", "3"])
    assert table.exit_code == 0, table.output
    assert "ACCUSE" in table.output and "latest events" in table.output
    out = runner.invoke(forecast_command, ["irn", "isr", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    record = json.loads(out.output.strip().splitlines()[-1])
    assert record["cutoff"] == "2024-04-10" and len(record["kinds"]) == NKINDS
    assert all(0 <= k["probability"] <= 1 for k in record["kinds"])


def test_cli_errors(tmp_path: Path) -> None:
    make_store(tmp_path / "s.duckdb", synthetic(days=40)).close()
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(forecast_command, ["--db", db]).exit_code == 2
    assert runner.invoke(forecast_command, ["irn", "isr", "--backtest", "--db", db]).exit_code == 2
    assert runner.invoke(forecast_command, ["irn", "zzz-nobody", "--db", db]).exit_code == 2
    missing = runner.invoke(forecast_command, ["irn", "isr", "--db", str(tmp_path / "no.db")])
    assert missing.exit_code == 1


def test_country_level(store: Store) -> None:
    counts = dyad_day_counts(store, before=START + dt.timedelta(days=50), level="country")
    assert set(pd.concat([counts["u"], counts["v"]])) <= {"IRN", "ISR", "USA", "HAM", "EGY"}
