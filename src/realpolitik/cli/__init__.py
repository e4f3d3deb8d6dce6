"""The command line: argument parsing plus one library call per command."""

from __future__ import annotations

import sys

import click

from realpolitik import __version__
from realpolitik.cli.actors import actors_group
from realpolitik.cli.articles import (
    code_command,
    demo_command,
    events_command,
    facts_command,
    ingest_command,
)
from realpolitik.cli.bench import bench
from realpolitik.cli.data import blocs_command, import_group, network_command, relations_command
from realpolitik.cli.evaluate import eval_command
from realpolitik.cli.forecast import forecast_command
from realpolitik.cli.serve import serve_command
from realpolitik.errors import RealpolitikError, UsageError


class _Main(click.Group):
    """Turns library errors into one clean line on stderr and the contract's exit codes."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except RealpolitikError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def main() -> None:
    """realpolitik: dated news text in; who met, backed and attacked whom out.

    Data goes to stdout; progress, logs and warnings to stderr.  The default store is
    ./realpolitik.duckdb, or $REALPOLITIK_DB.
    """


for _command in (code_command, ingest_command, events_command, facts_command, demo_command):
    main.add_command(_command)
for _command in (
    actors_group,
    eval_command,
    bench,
    import_group,
    relations_command,
    network_command,
    blocs_command,
    serve_command,
    forecast_command,
):
    main.add_command(_command)
