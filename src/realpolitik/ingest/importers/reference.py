"""The code tables importers share: countries, sectors, CAMEO groups and event codes.

Build one :class:`Reference` with :meth:`Reference.load` and pass it to every parser.
Actor ids follow the knowledge base: a state is its lower-case ISO3 (``irn``), a named
organisation or group a slug of its name (``hamas``), a generic non-state agent of a country
``<iso3>-<sector>`` (``ind-cvl``).  State agents (government, military, police, judiciary,
legislature, intelligence) act for their state and get the state's id; the original actor
code stays in ``*_cameo`` and the original text in ``*_text``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import DataError
from realpolitik.ontology import Ontology
from realpolitik.settings import data_path

#: Agents that act for their state: their events are the state's events.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_SECTOR_PRIORITY = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO", "NGO", "REB", "OPP", "PTY")
#: Words ICEWS uses for generic agents ("Citizen (India)") that its sector table lacks.
GENERIC_WORDS = {
    "citizen": "CVL", "civilian": "CVL", "protester": "OPP", "armed gang": "CRM",
    "criminal": "CRM", "media": "MED", "business": "BUS", "student": "EDU", "refugee": "REF",
    "militant": "REB", "insurgent": "REB", "rebel": "REB", "head of government": "GOV",
    "ministry": "GOV", "cabinet": "GOV", "lawmaker": "LEG", "member of the judiciary": "JUD",
    "other authorities / officials": "GOV", "foreign affairs": "GOV", "men": "CVL",
    "women": "CVL", "children": "CVL", "media personnel": "MED",
    "cabinet / council of ministers / advisors": "GOV", "head of state": "GOV",
    "ministry of foreign affairs": "GOV", "army": "MIL", "military personnel": "MIL",
    "special forces": "MIL", "legislature": "LEG", "parliament": "LEG", "court judge": "JUD",
}  # fmt: skip
_GENERIC = re.compile(r"^(?P<word>.+?)\s*\((?P<country>[^()]+)\)$")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    from realpolitik.actors.text import fold

    return _SLUG.sub("-", fold(text)).strip("-")


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            lines = (line for line in fh if not line.startswith("#"))
            yield from enumerate(csv.DictReader(lines), start=3)
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc}; reinstall realpolitik") from exc


@dataclass(frozen=True, slots=True)
class ActorCode:
    """One resolved actor: what goes into ``*_id``, ``*_name``, ``*_country``, ``*_sector``."""

    id: str | None
    name: str | None
    country: str | None
    sector: str | None


class Reference:
    """Country, sector, group and event-code tables, loaded once from ``data/ontology``."""

    def __init__(
        self,
        *,
        ontology: Ontology,
        names: dict[str, str],
        codes: dict[tuple[str, str], str],
        sectors: dict[str, str],
        groups: dict[str, tuple[str, str]],
        icews_events: dict[str, str],
        leaders: dict[str, str] | None = None,
    ) -> None:
        self.ontology = ontology
        self.names = names  # iso3 -> name
        self.codes = codes  # (scheme, code) -> iso3
        self.sectors = sectors  # ICEWS sector name (lower) -> CAMEO agent code
        self.groups = groups  # CAMEO group code -> (name, kind)
        self.icews_events = icews_events  # normalised ICEWS event name -> CAMEO code
        self.leaders = leaders or {}  # leader name (lower) -> ISO3 (heads since 2000)

    @classmethod
    def load(cls, folder: Path | None = None) -> Reference:
        folder = folder or data_path("ontology")
        names = {r["iso3"]: r["name"] for _, r in _rows(folder / "countries.csv")}
        codes = {
            (r["scheme"], r["code"]): r["iso3"] for _, r in _rows(folder / "country_codes.csv")
        }
        sectors = {r["sector"].lower(): r["agent"] for _, r in _rows(folder / "icews_sectors.csv")}
        groups = {r["code"]: (r["name"], r["kind"]) for _, r in _rows(folder / "cameo_groups.csv")}
        events: dict[str, str] = {}
        for _, r in _rows(folder / "cameo_icews_names.csv"):
            events.setdefault(event_key(r["name"]), r["code"])
        leaders: dict[str, str] = {}
        for _, r in _rows(folder / "leaders.csv"):
            leaders.setdefault(r["name"].lower(), r["iso3"])
        return cls(
            ontology=Ontology.load(folder / "cameo.csv"),
            names=names, codes=codes, sectors=sectors, groups=groups, icews_events=events,
            leaders=leaders,
        )  # fmt: skip

    # -- countries -----------------------------------------------------------------------

    def iso3(self, scheme: str, code: str | None) -> str | None:
        """ISO3 for a code in ``scheme`` (``fips``, ``cameo``, ``name``, ``cow``, ``isonum``)."""
        if not code:
            return None
        code = code.strip()
        if scheme == "name":
            code = code.lower()
        elif scheme in ("cow", "isonum"):
            code = code.lstrip("0") or "0"
        return self.codes.get((scheme, code))

    def country_name(self, iso3: str) -> str:
        return self.names.get(iso3, iso3)

    # -- actors --------------------------------------------------------------------------

    def state(self, iso3: str, sector: str | None) -> ActorCode:
        """A country's actor: the state itself for state agents, else ``<iso3>-<sector>``."""
        name = self.country_name(iso3)
        if sector is None or sector in STATE_SECTORS:
            return ActorCode(iso3.lower(), name, iso3, sector)
        return ActorCode(f"{iso3.lower()}-{sector.lower()}", f"{name} ({sector})", iso3, sector)

    def cameo_actor(
        self, code: object, country: object, group: object, sector: object
    ) -> ActorCode:
        """A GDELT/CAMEO actor from its code, country code, known-group code and type."""
        code, country, group, sector = (
            v if isinstance(v, str) and v else None for v in (code, country, group, sector)
        )
        if group and group in self.groups:
            gname, kind = self.groups[group]
            iso3 = self.iso3("cameo", country)
            home = iso3 or (kind.upper() if kind in ("igo", "ngo") else None)
            return ActorCode(
                slug(gname), gname, home, sector or (kind.upper() if kind != "group" else None)
            )
        iso3 = self.iso3("cameo", country)
        if iso3:
            return self.state(iso3, sector)
        if country:  # a CAMEO region code (AFR, MEA, WST)
            return ActorCode(country.lower(), country, None, sector)
        if code:
            head = code[:3]
            if head in ("IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"):
                return ActorCode(slug(code), code, head, sector or head)
            return ActorCode(None, None, None, sector or head)
        return ActorCode(None, None, None, None)

    def agent(self, sectors: str | None) -> str | None:
        """The main CAMEO agent code of an ICEWS sector list (state agents first)."""
        if not sectors:
            return None
        found = []
        for part in re.split(r",(?![^(]*\))", sectors.strip('"')):
            code = self.sectors.get(part.strip().lower())
            if code and code != "---":
                found.append(code[:3])
        for wanted in _SECTOR_PRIORITY:
            if wanted in found:
                return wanted
        return found[0] if found else None

    def named_actor(self, name: object, sectors: object, country: object) -> ActorCode:
        """An ICEWS-style actor: a country name, ``Word (Country)``, or a named entity."""
        name, sectors, country = (
            v if isinstance(v, str) else None for v in (name, sectors, country)
        )
        if not name:
            return ActorCode(None, None, None, None)
        name = name.replace("_", " ").strip()
        sector = self.agent(sectors)
        iso3 = self.iso3("name", country)
        itself = self.iso3("name", name)
        if itself:
            return self.state(itself, sector if sector in STATE_SECTORS else None)
        generic = _GENERIC.match(name)
        if generic and self.iso3("name", generic["country"]):
            home = self.iso3("name", generic["country"]) or ""
            word = generic["word"].strip().lower()
            sector = (
                sector
                or (self.sectors.get(word) or "")[:3]
                or GENERIC_WORDS.get(word)
                or GENERIC_WORDS.get(word.rstrip("s"))
            )
            if sector:
                return self.state(home, sector)
            base = self.country_name(home)
            return ActorCode(f"{home.lower()}-{slug(word)}", f"{base} ({word})", home, None)
        if sector in STATE_SECTORS and iso3:
            return self.state(iso3, sector)
        leader = self.leaders.get(name.lower())
        if leader and (iso3 is None or iso3 == leader):
            # a head of state or government (since 2000) acts for the state; without the
            # event's date this ignores when they held office
            return self.state(leader, "GOV")
        where = iso3 or (sector if sector in ("IGO", "NGO") else None)
        return ActorCode(slug(name) or None, name, where, sector)


def event_key(name: str) -> str:
    """How ICEWS event names are compared: lower case, ``_`` and ``-`` as spaces."""
    return " ".join(re.sub(r"[_\-]", " ", name).lower().split())
