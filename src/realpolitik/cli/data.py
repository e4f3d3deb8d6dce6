"""``realpolitik import``, ``relations``, ``network`` and ``blocs``.

Register with::

    from realpolitik.cli.data import blocs_command, import_group, network_command, relations_command
    for command in (import_group, relations_command, network_command, blocs_command):
        main.add_command(command)
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from realpolitik.errors import RealpolitikError, UsageError
from realpolitik.settings import default_db
from realpolitik.store import Store
from realpolitik.store.analytics import Scoring

_SHOWN_REJECTS = 20
_DB = click.option("--db", type=click.Path(path_type=Path), default=None,
                   help="The store (default ./realpolitik.duckdb or $REALPOLITIK_DB).")  # fmt: skip
_SINCE = click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
                      help="First day (YYYY-MM-DD).")  # fmt: skip
_UNTIL = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
                      help="Last day (YYYY-MM-DD); decay is measured back from it.")  # fmt: skip


@contextmanager
def _store(db: Path | None, *, must_exist: bool = False) -> Iterator[Store]:
    path = db or default_db()
    if must_exist and not Path(path).exists():
        click.echo(f"error: no store at {path}; import or ingest something first", err=True)
        raise SystemExit(1)
    try:
        if must_exist and Path(path).is_dir():  # a Parquet store written by a cluster ingest
            from realpolitik.cluster import open_parquet

            with open_parquet(path) as store:
                yield store
            return
        with Store.open(path) as store:
            yield store
    except UsageError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from exc
    except RealpolitikError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from exc


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


# -- import ----------------------------------------------------------------------------


@click.group("import")
def import_group() -> None:
    """Load an existing event dataset into the store (GDELT, ICEWS, ACLED, POLECAT, TKG).

    Example: realpolitik import gdelt 20191024143000.export.CSV.zip --db events.duckdb
    """


def _run_import(
    dataset: str,
    files: tuple[Path, ...],
    db: Path | None,
    *,
    deletions: Path | None = None,
    start: dt.date | None = None,
) -> None:
    from functools import partial

    from realpolitik.ingest.importers import PARSERS, Reference, import_paths, tkg
    from realpolitik.store.analytics import delete_originals

    ref = Reference.load()
    failed = False
    parsers = dict(PARSERS)
    if start is not None:
        parsers["tkg"] = partial(tkg.parse, start=start)
    with _store(db) as store:
        if deletions is not None:
            ids = _deletion_ids(deletions)
            n = delete_originals(store, dataset, ids)
            click.echo(f"{deletions}: deleted {n} of {len(ids)} listed rows")
        for path in files:
            try:
                results = list(import_paths(store, dataset, [path], ref=ref, parsers=parsers))
            except RealpolitikError as exc:
                click.echo(f"error: {exc}", err=True)
                failed = True
                continue
            for r in results:
                for reject in r.rejects[:_SHOWN_REJECTS]:
                    click.echo(f"rejected {reject}", err=True)
                if len(r.rejects) > _SHOWN_REJECTS:
                    click.echo(f"… and {len(r.rejects) - _SHOWN_REJECTS} more rejected rows "
                               f"in {r.origin}", err=True)  # fmt: skip
                click.echo(
                    f"{r.origin}: {r.rows} rows = {r.accepted} accepted + {r.rejected} rejected; "
                    f"{r.inserted} new, {r.updated} updated, {r.unchanged} unchanged"
                )
    if failed:
        raise SystemExit(1)


def _deletion_ids(path: Path) -> list[str]:
    """ACLED deletions: one ``event_id_cnty`` per line, or a CSV with that column."""
    import csv

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        click.echo(f"error: cannot read {path}: {exc}", err=True)
        raise SystemExit(1) from exc
    if lines and "event_id_cnty" in lines[0]:
        return [row["event_id_cnty"] for row in csv.DictReader(lines) if row["event_id_cnty"]]
    return [line.strip() for line in lines if line.strip()]


_FILES = click.argument("files", nargs=-1, required=True,
                        type=click.Path(exists=True, path_type=Path))  # fmt: skip


@import_group.command("gdelt")
@_FILES
@_DB
def import_gdelt(files: tuple[Path, ...], db: Path | None) -> None:
    """GDELT 1.0 (57/58 columns), 2.0 (61 columns) or reduced exports, plain or .zip."""
    _run_import("gdelt", files, db)


@import_group.command("icews")
@_FILES
@_DB
def import_icews(files: tuple[Path, ...], db: Path | None) -> None:
    """ICEWS coded event files (Dataverse events.*.tab)."""
    _run_import("icews", files, db)


@import_group.command("acled")
@_FILES
@_DB
@click.option(
    "--deletions",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="ACLED deletions list (event_id_cnty per line or CSV) to remove first.",
)
def import_acled(files: tuple[Path, ...], db: Path | None, deletions: Path | None) -> None:
    """ACLED CSV exports; a re-export with newer timestamps updates the stored rows."""
    _run_import("acled", files, db, deletions=deletions)


@import_group.command("polecat")
@_FILES
@_DB
def import_polecat(files: tuple[Path, ...], db: Path | None) -> None:
    """POLECAT weekly files (tab-separated, header row)."""
    _run_import("polecat", files, db)


@import_group.command("tkg")
@_FILES
@_DB
@click.option(
    "--start",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="The benchmark's day 0 when the folder name does not say (ICEWS14 etc.).",
)
def import_tkg(files: tuple[Path, ...], db: Path | None, start: dt.datetime | None) -> None:
    """TKG benchmark directories in the RE-GCN format (or single split files)."""
    _run_import("tkg", files, db, start=_date(start))


# -- relations, network, blocs ---------------------------------------------------------


@click.command("relations")
@click.argument("a")
@click.argument("b")
@click.option(
    "--by", type=click.Choice(["day", "week", "month"]), default="week", show_default=True
)
@click.option(
    "--level", type=click.Choice(["actor", "country"]), default="actor", show_default=True
)
@click.option("--normalize", is_flag=True, help="Add counts per 1,000 events of the period.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@_SINCE
@_UNTIL
@_DB
def relations_command(a: str, b: str, by: str, level: str, normalize: bool, fmt: str,
                      since: dt.datetime | None, until: dt.datetime | None,
                      db: Path | None) -> None:  # fmt: skip
    """The dyad's cooperation/conflict time series, both directions, zero-filled.

    Example: realpolitik relations Iran "Islamic Jihad" --by month
    """
    from realpolitik.network import relations

    with _store(db, must_exist=True) as store:
        frame = relations(store, a, b, by=by, level=level, since=_date(since),
                          until=_date(until), normalize=normalize)  # fmt: skip
    if frame.empty:
        click.echo("no events between them", err=True)
        raise SystemExit(1)
    frame["period"] = frame["period"].astype(str)
    if fmt == "jsonl":
        click.echo(frame.to_json(orient="records", lines=True, force_ascii=False).rstrip())
    elif fmt == "csv":
        click.echo(frame.to_csv(index=False).rstrip())
    else:
        click.echo(frame.to_string(index=False))


@click.command("network")
@_SINCE
@_UNTIL
@click.option(
    "--level",
    type=click.Choice(["actor", "country"]),
    default="actor",
    show_default=True,
    help="Actors as coded (Hamas apart from Palestine) or countries.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "gexf", "csv"]),
    default="json",
    show_default=True,
)
@click.option(
    "--half-life",
    type=float,
    default=Scoring().half_life_days,
    show_default=True,
    help="Days after which an event weighs half.",
)
@click.option("--min-events", type=int, default=1, show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file instead of stdout.",
)
@_DB
def network_command(since: dt.datetime | None, until: dt.datetime | None, level: str, fmt: str,
                    half_life: float, min_events: int, output: Path | None,
                    db: Path | None) -> None:  # fmt: skip
    """The signed actor network: score in [-1, 1], positive for alliance.

    Example: realpolitik network --since 2014-01-01 --until 2014-12-31 --format gexf -o w.gexf
    """
    from realpolitik.network import Scoring, dumps, network

    with _store(db, must_exist=True) as store:
        graph = network(store, since=_date(since), until=_date(until), level=level,
                        scoring=Scoring(half_life_days=half_life),
                        min_events=min_events)  # fmt: skip
    text = dumps(graph, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {output}",
                   err=True)  # fmt: skip
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@click.command("blocs")
@_SINCE
@_UNTIL
@click.option(
    "--level", type=click.Choice(["actor", "country"]), default="country", show_default=True
)
@click.option(
    "--min-events",
    type=int,
    default=3,
    show_default=True,
    help="Ties with fewer events are left out.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_DB
def blocs_command(since: dt.datetime | None, until: dt.datetime | None, level: str,
                  min_events: int, as_json: bool, db: Path | None) -> None:  # fmt: skip
    """Coalitions in the signed network, with the share of balanced triads.

    Example: realpolitik blocs --since 2014-01-01 --until 2014-12-31
    """
    from realpolitik.network import find_blocs, network

    with _store(db, must_exist=True) as store:
        graph = network(store, since=_date(since), until=_date(until), level=level,
                        min_events=min_events)  # fmt: skip
    if graph.number_of_edges() == 0:
        click.echo("no ties in that window", err=True)
        raise SystemExit(1)
    report = find_blocs(graph)
    if as_json:
        click.echo(json.dumps(report.to_record(), ensure_ascii=False))
        return
    share = "n/a" if report.balance is None else f"{report.balance:.3f}"
    click.echo(f"structural balance: {share} of {report.triads} signed triads balanced")
    for bloc in report.blocs:
        click.echo(f"\nbloc {bloc.number} ({len(bloc.members)}): {', '.join(bloc.names)}")
        for label, ties in (
            ("strongest inside", bloc.internal),
            ("strongest outside", bloc.external),
        ):
            text = "; ".join(f"{t.source}–{t.target} {t.score:+.2f}" for t in ties) or "none"
            click.echo(f"  {label}: {text}")
