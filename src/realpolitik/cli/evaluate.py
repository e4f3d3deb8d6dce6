"""``realpolitik eval DATASET PATH``: score the coder against a gold set.

Register with ``main.add_command(eval_command)`` (the command is named ``eval``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from realpolitik.errors import RealpolitikError, UsageError
from realpolitik.evaluate.dispatch import DATASETS, run


def _progress(done: int, total: int) -> None:
    if done == total or done % 25 == 0:
        click.echo(f"\rcoded {done}/{total}", nl=done == total, err=True)


@click.command("eval")
@click.argument("dataset", type=click.Choice(DATASETS))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="End with one JSON object of metrics.")
@click.option(
    "--confusion",
    "confusion_file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the per-class confusion matrix to FILE as CSV.",
)
@click.option(
    "--details",
    "details_file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write one JSON line per scored sentence (gold, prediction, verdict) to FILE.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    help="Which split to read when PATH is a folder with both (conflibert: train = dev).",
)
def eval_command(
    dataset: str,
    path: Path,
    as_json: bool,
    confusion_file: Path | None,
    details_file: Path | None,
    limit: int | None,
    split: str | None,
) -> None:
    """Score the event coder on DATASET read from PATH.

    DATASET is one of plover-gsr, petrarch, conflibert, acled, ngec-actors; PATH is the
    gold file (or the folder holding it) in the dataset's own format.
    """
    try:
        evaluation = run(dataset, path, split=split, limit=limit, progress=_progress)
    except UsageError as err:
        raise click.UsageError(str(err)) from err
    except RealpolitikError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(evaluation.table)
    if confusion_file is not None:
        if evaluation.confusion is None:
            click.echo(f"warning: {dataset} has no confusion matrix; nothing written", err=True)
        else:
            confusion_file.write_text(evaluation.confusion.to_csv(), encoding="utf-8")
            click.echo(f"confusion matrix written to {confusion_file}", err=True)
    if details_file is not None:
        lines = (json.dumps(dict(item), ensure_ascii=False) + "\n" for item in evaluation.items)
        details_file.write_text("".join(lines), encoding="utf-8")
        click.echo(f"{len(evaluation.items)} item records written to {details_file}", err=True)
    if as_json:
        click.echo(json.dumps(dict(evaluation.metrics), sort_keys=False))
