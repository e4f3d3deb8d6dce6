"""Shared pieces of the command line: date options, errors, and writing rows."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click


class DateType(click.ParamType):
    """A ``YYYY-MM-DD`` option value as a ``datetime.date``."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date as YYYY-MM-DD", param, ctx)


def fail(message: str, *, code: int = 1) -> NoReturn:
    """Print ``message`` to stderr and exit: 1 bad input or nothing to do, 2 usage error."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def emit_rows(
    rows: Sequence[dict[str, Any]],
    *,
    fmt: str,
    columns: Sequence[str],
    record: Callable[[dict[str, Any]], dict[str, Any]],
    output: Path | None = None,
) -> None:
    """Write ``rows`` as a table (people), JSON Lines of records, CSV or Parquet (machines)."""
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(record(row), ensure_ascii=False, default=_plain) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        names = list(rows[0]) if rows else list(columns)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_plain(row.get(n)) for n in names])
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([{k: _plain(v) for k, v in r.items()} for r in rows])
        if output is None:
            if sys.stdout.isatty():
                fail("parquet is binary: pass --output FILE or redirect stdout", code=2)
            pq.write_table(table, sys.stdout.buffer)
        else:
            pq.write_table(table, output)
    else:
        _table(rows, columns)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    if not rows:
        click.echo("(no rows)", err=True)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(str(_plain(value)).split())
