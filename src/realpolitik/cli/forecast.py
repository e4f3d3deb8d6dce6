"""``realpolitik forecast``: what may happen between two actors, and how good that has been.

Register with ``main.add_command(forecast_command)``
(``from realpolitik.cli.forecast import forecast_command``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from realpolitik.cli.output import DateType, fail
from realpolitik.errors import RealpolitikError, UsageError
from realpolitik.settings import default_db
from realpolitik.store import Store


@contextmanager
def _store(db: Path | None) -> Iterator[Store]:
    path = db or default_db()
    if not Path(path).exists():
        fail(f"no store at {path}; import or ingest something first")
    try:
        with Store.open(path, read_only=True) as store:
            yield store
    except UsageError as exc:
        fail(str(exc), code=2)
    except RealpolitikError as exc:
        fail(str(exc))


def _p(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _print_forecast(record: dict[str, Any], names: tuple[str, str]) -> None:
    a, b = names
    click.echo(f"{a} - {b}: {record['cutoff']} to {record['until']} ({record['horizon']} days), "
               f"from the events before {record['cutoff']}")  # fmt: skip
    directed = any(k["a_to_b"] is not None for k in record["kinds"])
    head = f"{'kind':<31} {'P(any)':>7}"
    if directed:
        head += f" {'A->B':>6} {'B->A':>6}"
    click.echo(head + f" {'base':>6} {'last h':>6} {'decay14':>7} {'days ago':>8}")
    for k in record["kinds"]:
        line = f"{k['kind']:<31} {_p(k['probability']):>7}"
        if directed:
            line += f" {_p(k['a_to_b']):>6} {_p(k['b_to_a']):>6}"
        ago = "" if k["days_since"] is None else str(k["days_since"])
        click.echo(line + f" {_p(k['base_rate']):>6} {k['recent']:>6} {k['decayed_14']:>7.2f}"
                          f" {ago:>8}")  # fmt: skip
    click.echo("(last h: reports in the last horizon; decay14: reports with a 14-day half-life)")
    if record["rules"]:
        click.echo("\nrules (mined from the same history) that match their recent past:")
        for rule in record["rules"]:
            click.echo(f"  {rule}")
    if record["past"]:
        click.echo("\nlatest events between them:")
        for e in record["past"]:
            click.echo(
                f"  {e['date']}  {e['source_name']} -> {e['target_name']}  "
                f"{e['cameo_code'] or ''} {e['plover_event'] or ''} (quad {e['quad_class']})"
            )
    else:
        click.echo("\nno earlier event between them")


def _print_backtest(record: dict[str, Any]) -> None:
    click.echo(f"backtest: {len(record['cutoffs'])} cut-offs from {record['cutoffs'][0]} every "
               f"{record['step']} days, horizon {record['horizon']} days, {record['n']} "
               f"forecasts ({record['positives']} happened), {record['seconds']} s")  # fmt: skip
    click.echo(f"{'':<12} {'Brier':>9} {'log loss':>9}")
    for name in ("model", "base_rate", "persistence"):
        s = record[name]
        click.echo(f"{name:<12} {s['brier']:>9.5f} {s['log_loss']:>9.5f}")
    click.echo("\nreliability (predicted vs observed):")
    click.echo(f"{'bin':<10} {'count':>8} {'predicted':>10} {'observed':>9}")
    for b in record["reliability"]:
        click.echo(f"{b['lo']:.1f}-{b['hi']:.1f}    {b['count']:>8} {_p(b['mean_predicted']):>10}"
                   f" {_p(b['observed']):>9}")  # fmt: skip


@click.command("forecast")
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option(
    "--horizon", type=click.IntRange(1, 365), default=7, show_default=True, help="Days ahead."
)
@click.option(
    "--on",
    type=DateType(),
    default=None,
    help="First forecast day; only events before it are read "
    "(default: the day after the store's last event).",
)
@click.option(
    "--level",
    type=click.Choice(["actor", "country"]),
    default="actor",
    show_default=True,
    help="Dyads of actors or of countries.",
)
@click.option(
    "--directions", is_flag=True, help="Also forecast A->B and B->A apart (fits a second model)."
)
@click.option(
    "--backtest",
    "run_backtest",
    is_flag=True,
    help="Replay the store's history with rolling cut-offs instead.",
)
@click.option(
    "--step",
    type=click.IntRange(1, 365),
    default=28,
    show_default=True,
    help="Days between backtest cut-offs.",
)
@click.option(
    "--since",
    type=DateType(),
    default=None,
    help="First backtest cut-off (default: once a full training window exists).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="The store (default ./realpolitik.duckdb or $REALPOLITIK_DB).",
)
def forecast_command(a: str | None, b: str | None, horizon: int, on: dt.date | None,
                     level: str, directions: bool, run_backtest: bool, step: int,
                     since: dt.date | None, fmt: str, as_json: bool,
                     db: Path | None) -> None:  # fmt: skip
    """Probability of each quad class and PLOVER type between A and B in the next HORIZON
    days, with the past events behind it; or, with --backtest, Brier score and log loss of
    the model against the base-rate and persistence baselines on the store's own history.

    Examples: realpolitik forecast Iran Israel --horizon 14;
    realpolitik forecast --backtest --json
    """
    from realpolitik.forecast.backtest import backtest, forecast_dyad

    as_json = as_json or fmt == "json"
    if run_backtest:
        if a or b or on:
            fail("--backtest replays the whole store; drop A, B and --on", code=2)
        with _store(db) as store:
            result = backtest(store, horizon=horizon, step=step, since=since, level=level)
        record = result.as_dict()
        if as_json:
            click.echo(json.dumps(record))
        else:
            _print_backtest(record)
        return
    if not (a and b):
        fail("name two actors (realpolitik forecast Iran Israel) or pass --backtest", code=2)
    from realpolitik.network import resolve

    with _store(db) as store:
        ra, rb = resolve(store, a, level=level), resolve(store, b, level=level)
        if ra.ids == rb.ids:
            fail(f"{a!r} and {b!r} are the same actor ({ra.name})", code=2)
        outlook = forecast_dyad(store, ra.ids[0], rb.ids[0], horizon=horizon, on=on,
                                level=level, directed=directions)  # fmt: skip
    record = outlook.as_dict() | {"a_name": ra.name, "b_name": rb.name}
    if as_json:
        click.echo(json.dumps(record, default=str))
    else:
        _print_forecast(record, (ra.name, rb.name))
