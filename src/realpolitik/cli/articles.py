"""Commands over articles and what is coded from them: code, ingest, events, facts, demo."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from realpolitik.cli.output import DateType, emit_rows, fail, warn
from realpolitik.ingest import BadRecord, read
from realpolitik.model import Article
from realpolitik.settings import data_path, default_db
from realpolitik.store import ActorQuery, Filter, Store, event_record, fact_record

FORMATS = click.Choice(["table", "jsonl", "csv", "parquet"])
BATCH = 32


def _articles(
    paths: Sequence[str], *, date: dt.date | None, strict: bool
) -> tuple[list[Article], int]:
    """Read every article; bad records are reported on stderr and counted (or fatal with
    ``strict``, before anything is written)."""
    articles: list[Article] = []
    bad = 0
    for item in read(paths, date=date):
        if isinstance(item, BadRecord):
            if strict:
                fail(f"bad record: {item}", code=1)
            warn(f"skipped bad record: {item}")
            bad += 1
        else:
            articles.append(item)
    return articles, bad


@functools.lru_cache(maxsize=1)
def _pipeline() -> Any:
    """The coding pipeline, loaded on first use (only the commands that code pay for it)."""
    from realpolitik.coding import Pipeline

    return Pipeline.load()


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--only", type=click.Choice(["events", "facts"]), help="Print only one kind of record."
)
@click.option("--date", type=DateType(), help="Date for undated plain text (YYYY-MM-DD).")
@click.option("--strict", is_flag=True, help="Exit non-zero at the first bad record.")
def code_command(
    paths: tuple[str, ...], only: str | None, date: dt.date | None, strict: bool
) -> None:
    """Code articles without storing them; print event and fact records as JSON Lines.

    \b
    Example:
      realpolitik code ../shared/seed/article-2024-03-30.txt --only events
    """
    articles, bad = _articles(paths, date=date, strict=strict)
    if not articles:
        fail("nothing to code: no readable article", code=1)
    pipeline = _pipeline()
    out = sys.stdout
    for coded in pipeline.code_many(articles):
        if only != "facts":
            for event in coded.events:
                out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
        if only != "events":
            for fact in coded.facts:
                out.write(json.dumps(fact.to_record(), ensure_ascii=False) + "\n")
    if bad:
        warn(f"{bad} bad record(s) skipped")


def ingest_articles(
    store: Store, articles: list[Article], *, progress: bool, pipeline: Any = None
) -> dict[str, int]:
    """Code and store ``articles`` in all-or-nothing batches; already stored ones are skipped."""
    known = store.known_articles(a.article_id for a in articles)
    todo = [a for a in articles if a.article_id not in known]
    totals = {
        "read": len(articles),
        "new": 0,
        "events": 0,
        "facts": 0,
        "already": len(articles) - len(todo),
    }
    if not todo:
        return totals
    pipeline = pipeline or _pipeline()
    batch: list[Any] = []
    with click.progressbar(
        length=len(todo), label="coding", file=sys.stderr, hidden=not progress
    ) as bar:
        for coded in pipeline.code_many(todo):
            batch.append(coded)
            if len(batch) >= BATCH:
                _flush(store, batch, totals)
                bar.update(len(batch))
                batch = []
        if batch:
            _flush(store, batch, totals)
            bar.update(len(batch))
    return totals


def _flush(store: Store, batch: list[Any], totals: dict[str, int]) -> None:
    counts = store.add(batch)
    totals["new"] += counts.articles
    totals["events"] += counts.events
    totals["facts"] += counts.facts


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="Store file (default ./realpolitik.duckdb or $REALPOLITIK_DB).",
)
@click.option("--date", type=DateType(), help="Date for undated plain text (YYYY-MM-DD).")
@click.option(
    "--strict", is_flag=True, help="Exit non-zero at the first bad record, writing nothing."
)
@click.option(
    "--parquet",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write a partitioned Parquet store in this folder instead of a DuckDB file.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Code on a Dask cluster (tcp://HOST:8786), or local[:N] for N worker processes "
    "here; needs --parquet.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    help="Articles per batch sent to a worker (default: about four batches per worker).",
)
def ingest_command(
    paths: tuple[str, ...],
    db: Path | None,
    date: dt.date | None,
    strict: bool,
    parquet: Path | None,
    scheduler: str | None,
    batch_size: int | None,
) -> None:
    """Code articles and store them; re-ingesting the same article changes nothing.

    \b
    Example:
      realpolitik ingest news/ --db gaza.duckdb
      realpolitik ingest news/ --parquet store/ --scheduler tcp://10.0.0.5:8786
    """
    if scheduler and not parquet:
        fail("--scheduler writes a Parquet store: pass --parquet DIR", code=2)
    if parquet and db:
        fail("pass either --db (a DuckDB file) or --parquet (a folder), not both", code=2)
    articles, bad = _articles(paths, date=date, strict=strict)
    if not articles:
        fail("nothing to ingest: no readable article", code=1)
    if parquet:
        _ingest_parquet(articles, parquet, scheduler=scheduler, batch_size=batch_size, bad=bad)
        return
    with Store.open(db or default_db()) as store:
        totals = ingest_articles(store, articles, progress=sys.stderr.isatty())
    click.echo(
        f"read {totals['read']} article(s): {totals['new']} stored, {totals['already']} already in "
        f"the store, {bad} bad record(s) skipped; {totals['events']} events and "
        f"{totals['facts']} facts added to {db or default_db()}"
    )


def _ingest_parquet(
    articles: list[Article], root: Path, *, scheduler: str | None, batch_size: int | None, bad: int
) -> None:
    from realpolitik.cluster import ingest_parquet

    with click.progressbar(
        length=len(articles), label="coding", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        totals = ingest_parquet(
            articles, root, scheduler=scheduler, batch_size=batch_size, on_batch=bar.update
        )
    where = f"on {scheduler}" if scheduler else "in this process"
    swept = f"; {totals.swept} file(s) of an interrupted run swept" if totals.swept else ""
    click.echo(
        f"read {totals.read} article(s): {totals.new} stored, {totals.already} already in the "
        f"store, {bad} bad record(s) skipped; {totals.events} events and {totals.facts} facts "
        f"added to {root} (Parquet, {totals.batches} batch(es) coded {where}){swept}"
    )


def actor_queries(*names: str | None, on: dt.date | None = None) -> tuple[ActorQuery | None, ...]:
    """What a user means by each actor name: knowledge-base ids, else the name itself
    (the knowledge base is loaded once, and only when a name is given)."""
    if not any(names):
        return tuple(None for _ in names)
    from realpolitik.actors import ActorBase

    kb = ActorBase.load()
    out: list[ActorQuery | None] = []
    for text in names:
        actor = kb.resolve(text, on=on or dt.date.today()) if text else None
        if not text:
            out.append(None)
        elif actor is None:
            out.append(ActorQuery(text=text))
        else:
            out.append(ActorQuery(ids=(actor.id,)))
    return tuple(out)


def _listing_options(func: Any) -> Any:
    options = [
        click.option("--db", type=click.Path(path_type=Path), help="Store file."),
        click.option(
            "--parquet",
            type=click.Path(file_okay=False, path_type=Path),
            help="Read a Parquet store folder (written by ingest --parquet) instead.",
        ),
        click.option(
            "--actor", help='Either side is this actor (Iran, IRN, Hamas, "Islamic Jihad").'
        ),
        click.option("--since", type=DateType(), help="On or after this date."),
        click.option("--until", type=DateType(), help="On or before this date."),
        click.option(
            "--type", "types", multiple=True, help="Event type or fact kind (repeatable)."
        ),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many rows."),
        click.option("--format", "fmt", type=FORMATS, default="table", show_default=True),
        click.option(
            "--output", "-o", type=click.Path(path_type=Path), help="Write to a file (parquet)."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _open_existing(db: Path | None, parquet: Path | None = None) -> Store:
    if parquet:
        from realpolitik.cluster import open_parquet

        if db:
            fail("pass either --db (a DuckDB file) or --parquet (a folder), not both", code=2)
        if not parquet.is_dir():
            fail(f"no Parquet store at {parquet}: run 'realpolitik ingest … --parquet DIR'")
        return open_parquet(parquet)
    path = db or default_db()
    if not Path(path).exists():
        fail(f"no store at {path}: run 'realpolitik ingest' first or pass --db", code=1)
    if Path(path).is_dir():  # a Parquet store folder given as --db
        from realpolitik.cluster import open_parquet

        return open_parquet(path)
    return Store.open(path, read_only=True)


@click.command("events")
@_listing_options
@click.option("--source", help="The acting side is this actor.")
@click.option("--target", help="The receiving side is this actor.")
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    help="Only events from this dataset (realpolitik, gdelt, …).",
)
def events_command(db: Path | None, parquet: Path | None, actor: str | None, since: dt.date | None, until: dt.date | None,
                   types: tuple[str, ...], limit: int | None, fmt: str, output: Path | None,
                   source: str | None, target: str | None, datasets: tuple[str, ...]) -> None:  # fmt: skip
    """List stored events, newest first.

    \b
    Example:
      realpolitik events --actor Iran --since 2024-01-01 --format jsonl
    """
    actor_q, source_q, target_q = actor_queries(actor, source, target, on=until)
    flt = Filter(actor=actor_q, source=source_q, target=target_q, types=types, since=since,
                 until=until, datasets=datasets, limit=limit)  # fmt: skip
    with _open_existing(db, parquet) as store:
        rows = store.events(flt)
    columns = ("date", "source_name", "plover_event", "cameo_code", "target_name", "location_name",
               "confidence", "evidence_text")  # fmt: skip
    emit_rows(rows, fmt=fmt, columns=columns, record=event_record, output=output)


@click.command("facts")
@_listing_options
@click.option(
    "--by", "by", type=click.Choice(["month", "place", "kind"]), help="Totals instead of rows."
)
def facts_command(db: Path | None, parquet: Path | None, actor: str | None, since: dt.date | None, until: dt.date | None,
                  types: tuple[str, ...], limit: int | None, fmt: str, output: Path | None,
                  by: str | None) -> None:  # fmt: skip
    """List stored facts (killed, injured, displaced, …), newest first.

    \b
    Example:
      realpolitik facts --type killed --since 2024-01-01 --format csv
    """
    flt = Filter(actor=ActorQuery(text=actor) if actor else None, types=types, since=since,
                 until=until, limit=limit)  # fmt: skip
    with _open_existing(db, parquet) as store:
        if by:
            rows = store.fact_totals(flt, by=by)
            emit_rows(
                rows, fmt=fmt, columns=tuple(rows[0]) if rows else (), record=dict, output=output
            )
            return
        rows = store.facts(flt)
    columns = ("date", "kind", "value", "unit", "qualifier", "of_what", "location_name", "attribution",
               "evidence_text")  # fmt: skip
    emit_rows(rows, fmt=fmt, columns=columns, record=fact_record, output=output)


def sample_corpus() -> Path:
    return data_path("sample")


@click.command("demo")
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="Store to create (default: a fresh file in a temporary folder).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--no-browser", is_flag=True, help="Print the dashboard's URL without opening a browser."
)
@click.option(
    "--no-serve", is_flag=True, help="Only ingest and summarise; do not serve the dashboard."
)
def demo_command(db: Path | None, port: int, no_browser: bool, no_serve: bool) -> None:
    """Ingest the bundled sample corpus into a fresh store, summarise it and serve the dashboard.

    \b
    Example:
      realpolitik demo --no-browser
    """
    path = db or Path(tempfile.mkdtemp(prefix="realpolitik-demo-")) / "demo.duckdb"
    if path.exists():
        path.unlink()
    articles, _ = _articles([str(sample_corpus())], date=None, strict=False)
    click.echo(f"realpolitik demo: coding {len(articles)} sample articles into {path}", err=True)
    with Store.open(path) as store:
        totals = ingest_articles(store, articles, progress=sys.stderr.isatty())
        for line in summary_lines(store):
            click.echo(line)
    click.echo(
        f"\n{totals['new']} articles, {totals['events']} events, {totals['facts']} facts in {path}"
    )
    click.echo(f"explore: realpolitik events --db {path} --actor Iran")
    if not no_serve:
        from realpolitik.cli.serve import serve_store  # the web stack loads only to serve

        serve_store(path, port=port, open_browser=not no_browser)


def summary_lines(store: Store) -> Iterator[str]:
    yield "Top actors"
    for row in store.top_actors(limit=12):
        yield f"  {row['events']:>4}  {row['name']}"
    yield "\nTop dyads (cooperation / conflict events, mean Goldstein)"
    for row in store.top_dyads(limit=12):
        balance = (
            "allied "
            if row["cooperation"] > row["conflict"]
            else "hostile"
            if row["conflict"] > row["cooperation"]
            else "mixed  "
        )
        yield (f"  {row['events']:>4}  {balance}  {row['a']} — {row['b']}  "
               f"({row['cooperation']} / {row['conflict']}, {row['mean_goldstein']:+.1f})")  # fmt: skip
    yield "\nLatest events"
    for row in store.events(Filter(limit=8)):
        target = row["target_name"] or "—"
        yield f"  {row['date']}  {row['source_name']} {row['plover_event']} {target}"
        yield f"      “{_shorten(row['evidence_text'], 150)}”"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
