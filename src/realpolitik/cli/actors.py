"""``realpolitik actors``: resolve a mention on a date, search the knowledge base, add files.

Register with ``main.add_command(actors_group)`` (the group is named ``actors``).

    realpolitik actors resolve "Iran's foreign minister" --on 2024-03-30 [--format jsonl]
    realpolitik actors --search Haniyeh
    realpolitik actors add my_actors.yaml
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

import click

from realpolitik.actors import ActorBase, SearchHit, user_dir
from realpolitik.actors.loader import read_files
from realpolitik.errors import DataError


def _load() -> ActorBase:
    try:
        return ActorBase.load()
    except DataError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


def _hit_lines(hit: SearchHit) -> list[str]:
    where = "/".join(x for x in (hit.country, hit.sector) if x) or "-"
    lines = [f"{hit.name}  [{hit.kind.value}] id={hit.id} {where} cameo={hit.cameo or '-'}"]
    if hit.aliases:
        lines.append("  aliases: " + ", ".join(hit.aliases[:12]))
    for spell in hit.spells:
        start = spell.start.isoformat() if spell.start else "?"
        end = spell.end.isoformat() if spell.end else "present"
        lines.append(f"  {start} .. {end}  {spell.role} of {spell.entity} ({spell.sector})")
    for sponsor in hit.sponsors:
        span = f"{sponsor.start or '?'}..{sponsor.end or 'present'}"
        lines.append(f"  supported by {sponsor.by} {span}")
    lines.append(f"  source: {hit.source}")
    return lines


@click.group("actors", invoke_without_command=True)
@click.option("--search", "search", metavar="NAME", help="List entries matching NAME.")
@click.pass_context
def actors_group(ctx: click.Context, search: str | None) -> None:
    """The actor knowledge base: resolve mentions on a date, search, add your own actors."""
    if ctx.invoked_subcommand is not None:
        return
    if search is None:
        click.echo(ctx.get_help())
        ctx.exit(2)
    hits = _load().search(search)
    if not hits:
        click.echo(f"no actor matches {search!r}", err=True)
        sys.exit(1)
    for hit in hits:
        click.echo("\n".join(_hit_lines(hit)))


@actors_group.command("resolve")
@click.argument("text")
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date the mention is read on (default: today).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True
)
def resolve_command(text: str, on: dt.datetime | None, fmt: str) -> None:
    """Print the actor TEXT stands for on the date, or "not resolved" (exit 1)."""
    day = on.date() if on else dt.date.today()
    reading = _load().reading(text, on=day)
    if reading is None:
        if fmt == "jsonl":
            click.echo(json.dumps({"type": "actor", "text": text, "resolved": False}))
        click.echo(f"not resolved: {text!r} on {day.isoformat()}", err=fmt == "jsonl")
        sys.exit(1)
    record = {**reading.actor.to_record(), "text": text, "on": day.isoformat(), "how": reading.how}
    if fmt == "jsonl":
        click.echo(json.dumps(record, ensure_ascii=False))
        return
    actor = reading.actor
    click.echo(f"{text!r} on {day.isoformat()} -> {actor.name} ({actor.id})")
    for key in ("country", "sector", "cameo", "kind", "person", "role", "wikidata", "how"):
        value = record.get(key)
        if value:
            click.echo(f"  {key}: {value}")


@actors_group.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def add_command(file: Path) -> None:
    """Check FILE (YAML/CSV actor entries) and install it in the user actor folder."""
    try:
        read_files([file], base=_load().data)
    except DataError as err:
        click.echo(f"rejected: {err}", err=True)
        sys.exit(1)
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file.name
    shutil.copyfile(file, target)
    click.echo(f"added {file} as {target}")
