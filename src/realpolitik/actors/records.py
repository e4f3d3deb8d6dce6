"""One entry of an actor data file, checked field by field into a record.

Every error names the file and line of the entry (``path:line``) and says what to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from realpolitik.actors.entries import Entity, Person, Spell, Sponsor, Term
from realpolitik.errors import DataError
from realpolitik.model import ActorKind
from realpolitik.ontology import CAMEO_AGENT_CODES

#: Sector (agent) codes an entry may use: CAMEO/PLOVER primary and secondary role codes.
#: ``sector`` follows PLOVER where the two differ (MED = health, JRN = journalists and media);
#: ``secondary`` is the CAMEO second role code, used only in the combined ``cameo`` string.
SECTORS = CAMEO_AGENT_CODES | {
    "REL", "JRN", "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT", "SET",
    # PLOVER sector codes CAMEO lacks (PLOVER v0.8 sector table)
    "PRM", "PRE", "UNK", "SOC",
}  # fmt: skip
SECTIONS = {
    "states": ActorKind.STATE,
    "organs": ActorKind.STATE,
    "organisations": ActorKind.IGO,
    "groups": ActorKind.GROUP,
    "regions": ActorKind.REGION,
}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CODE3 = re.compile(r"^[A-Z]{3}$")


def slugify(name: str) -> str:
    from realpolitik.actors.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def parse_date(value: object, *, where: str, field: str) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (start of the period) or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        parts = value.strip().split("-")
        try:
            if len(parts) == 1 and len(parts[0]) == 4:
                return dt.date(int(parts[0]), 1, 1)
            if len(parts) == 2:
                return dt.date(int(parts[0]), int(parts[1]), 1)
            if len(parts) == 3:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError as exc:
            raise DataError(f"{where}: {field} {value!r} is not a valid date ({exc})") from exc
    raise DataError(f"{where}: {field} {value!r} is not a date; write YYYY-MM-DD")


class _Entry:
    """Typed access to one mapping entry, with errors that say where it is."""

    def __init__(self, raw: object, *, path: Path, line: int, section: str) -> None:
        self.where = f"{path}:{line}"
        if not isinstance(raw, dict):
            raise DataError(f"{self.where}: each {section} entry must be a mapping, not {raw!r}")
        self.raw = raw

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.raw.get(field)
        if value is None or value == "":
            if required:
                raise DataError(f"{self.where}: missing required field {field!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise DataError(f"{self.where}: {field} must be a string, not {value!r}")
        return str(value)

    def names(self, field: str) -> tuple[str, ...]:
        value = self.raw.get(field)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise DataError(f"{self.where}: {field} must be a list of names")
        return tuple(value)

    def integer(self, field: str) -> int | None:
        value = self.raw.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataError(f"{self.where}: {field} must be a whole number, not {value!r}")
        return value

    def date(self, field: str) -> dt.date | None:
        return parse_date(self.raw.get(field), where=self.where, field=field)

    def sector(self, field: str = "sector", *, required: bool = False) -> str | None:
        value = self.text(field, required=required)
        if value is not None and value not in SECTORS:
            raise DataError(
                f"{self.where}: {field} {value!r} is not a known sector code "
                f"(use one of {', '.join(sorted(SECTORS))})"
            )
        return value

    def code3(self, field: str) -> str | None:
        value = self.text(field)
        if value is not None and not _CODE3.match(value):
            raise DataError(f"{self.where}: {field} {value!r} must be three capital letters")
        return value

    def slug(self, field: str = "id", *, fallback: str | None = None) -> str:
        value = self.text(field) or (slugify(fallback) if fallback else None)
        if value is None or not _SLUG.match(value):
            raise DataError(
                f"{self.where}: {field} {value!r} must be a lower-case slug (a-z, 0-9, '-')"
            )
        return value

    def source(self) -> str:
        value = self.text("source")
        if value is None:
            raise DataError(f"{self.where}: missing 'source:' (say where the facts come from)")
        return value


def entity_from(raw: object, *, path: Path, line: int, section: str) -> Entity:
    e = _Entry(raw, path=path, line=line, section=section)
    kind_text = e.text("kind")
    try:
        kind = ActorKind(kind_text) if kind_text else SECTIONS[section]
    except ValueError as exc:
        raise DataError(f"{e.where}: kind {kind_text!r} is not one of {list(ActorKind)}") from exc
    name = e.text("name", required=True) or ""
    iso3 = e.code3("iso3")
    country = e.code3("country") or iso3
    if section == "organs" and not e.text("of"):
        raise DataError(f"{e.where}: an organ needs 'of:' (the id of its state)")
    if kind is ActorKind.STATE and country is None:
        raise DataError(f"{e.where}: a state needs iso3 (or country)")
    sector = e.sector()
    cameo = e.text("cameo") or ((country or "") + (sector or "")) or None
    sponsors = []
    for raw_s in e.raw.get("sponsors") or []:
        s = _Entry(raw_s, path=path, line=line_of(raw_s, line), section="sponsor")
        sponsors.append(
            Sponsor(
                by=s.slug("by"),
                start=s.date("start"),
                end=s.date("end"),
                source=s.text("source") or "",
            )
        )
    return Entity(
        id=e.slug("id", fallback=iso3 or name),
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        cameo=cameo,
        aliases=e.names("aliases"),
        demonyms=e.names("demonyms"),
        capitals=e.names("capitals"),
        cities=e.names("cities"),
        iso3=iso3,
        gw=e.integer("gw"),
        cow=e.integer("cow"),
        start=e.date("start"),
        end=e.date("end"),
        sponsors=tuple(sponsors),
        wikidata=e.text("wikidata"),
        source=e.source(),
        origin=e.where,
        part_of=e.text("of") if section == "organs" else None,
        secondary=e.sector("secondary"),
    )


def spell_from(raw: object, *, path: Path, line: int) -> Spell:
    s = _Entry(raw, path=path, line=line, section="role")
    start, end = s.date("start"), s.date("end")
    if start and end and end < start:
        raise DataError(f"{s.where}: role ends ({end}) before it starts ({start})")
    return Spell(
        entity=s.slug("of"),
        role=s.text("role", required=True) or "",
        sector=s.sector(required=True) or "",
        start=start,
        end=end,
        rank=s.integer("rank") or 50,
        source=s.text("source") or "",
    )


def person_from(raw: object, *, path: Path, line: int) -> Person:
    e = _Entry(raw, path=path, line=line, section="people")
    name = e.text("name", required=True) or ""
    spells = tuple(
        spell_from(r, path=path, line=line_of(r, line)) for r in (e.raw.get("roles") or [])
    )
    return Person(
        id=e.slug("id", fallback=name),
        name=name,
        aliases=e.names("aliases"),
        spells=spells,
        entity=e.text("entity"),
        sector=e.sector() or "ELI",
        wikidata=e.text("wikidata"),
        source=e.source(),
        origin=e.where,
    )


def term_from(raw: object, *, path: Path, line: int) -> Term:
    e = _Entry(raw, path=path, line=line, section="terms")
    return Term(
        phrase=e.text("phrase", required=True) or "",
        sector=e.sector(required=True) or "",
        role=e.text("role"),
        secondary=e.sector("secondary"),
        title=bool(e.raw.get("title", False)),
        source=e.source(),
        origin=e.where,
    )


def line_of(raw: object, default: int) -> int:
    return int(raw.get("__line__", default)) if isinstance(raw, dict) else default
