"""``realpolitik bench``: benchmarks of the forecasting models.

Register with ``main.add_command(bench)`` (``from realpolitik.cli.bench import bench``).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from realpolitik.errors import RealpolitikError


@click.group()
def bench() -> None:
    """Benchmarks on public datasets."""


@bench.command("tkg")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option(
    "--split",
    type=click.Choice(["valid", "test"]),
    default="test",
    show_default=True,
    help="Split to report; parameters are always chosen on valid.",
)
@click.option(
    "--model",
    "model_name",
    type=click.Choice(["recurrency", "rules", "combined"]),
    default="combined",
    show_default=True,
    help="Forecasting model.",
)
def tkg(directory: Path, as_json: bool, split: str, model_name: str) -> None:
    """Temporal-KG forecasting benchmark on an RE-GCN-format DIRECTORY (train.txt valid.txt
    test.txt entity2id.txt relation2id.txt): time-aware filtered MRR and Hits@1/3/10,
    single-step, both directions."""
    from realpolitik.forecast.bench import ModelName, run_benchmark

    try:
        result = run_benchmark(directory, model=ModelName(model_name), split=split)
    except RealpolitikError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from exc
    record = result.as_dict()
    if as_json:
        click.echo(json.dumps(record))
        return
    click.echo(f"{result.dataset} {split} ({result.model}, {result.scores.n} queries)")
    for key in ("mrr", "hits1", "hits3", "hits10"):
        click.echo(f"  {key:<7} {record[key]:.4f}")
    click.echo(f"  valid mrr {result.valid.mrr:.4f}  params {json.dumps(result.params)}")
    click.echo(
        f"  {record['seconds']} s wall, {record['cpu_seconds']} s CPU, peak {record['peak_mb']} MB"
    )
