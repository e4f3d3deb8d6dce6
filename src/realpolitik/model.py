"""Frozen records passed between the stages of the pipeline.

Data flows one way: ingest -> nlp -> actors -> coding and facts -> store -> network and
forecast -> api, web, cli.  Every stage takes and returns these records; none of them is
mutated after it is built.  ``to_record()`` gives the JSON shape fixed by SPEC.md.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field
from typing import Any


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hexadecimal id derived from ``parts`` (same parts, same id)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One dated article.  ``text`` is the text as read: offsets in records index it.

    ``body_start`` is where the prose begins (after a ``date YYYY-MM-DD`` header line).
    ``origin`` names the file and ``line`` the line (JSON Lines, CSV) it came from.
    """

    article_id: str
    date: dt.date
    text: str
    body_start: int = 0
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None
    line: int | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @staticmethod
    def make_id(body: str, date: dt.date | None = None) -> str:
        """Article ids come from the prose and the date alone (white space folded), so the
        same article read twice, from any format, is the same article."""
        return stable_id(date.isoformat() if date else "", " ".join(body.split()))


class ActorKind(enum.StrEnum):
    STATE = "state"
    IGO = "igo"
    NGO = "ngo"
    GROUP = "group"  # armed groups, militias, parties, movements
    PERSON = "person"
    GENERIC = "generic"  # "Israeli troops", "Palestinian civilians"
    REGION = "region"  # "European leaders", "Western powers": CAMEO's region codes


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as the coder uses it on one date.

    ``country`` is ISO 3166-1 alpha-3 or a CAMEO three-letter code for what has none
    (``IGO``, ``NGO``); ``sector`` a PLOVER/CAMEO agent code (``GOV``, ``MIL``, ``REB``…);
    ``cameo`` the combined CAMEO actor code (``IRNGOV``).  A person resolved through an
    office carries the office's actor and names the person and role.
    """

    id: str
    name: str
    country: str | None
    sector: str | None
    cameo: str | None
    kind: ActorKind
    person: str | None = None
    role: str | None = None
    wikidata: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "type": "actor",
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "cameo": self.cameo,
            "kind": self.kind.value,
            "person": self.person,
            "role": self.role,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor as mentioned in one event: the mention's text and what it resolved to."""

    text: str
    actor: Actor
    start: int | None = None
    end: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "id": self.actor.id,
            "name": self.actor.name,
            "country": self.actor.country,
            "sector": self.actor.sector,
            "cameo": self.actor.cameo,
        }


class Precision(enum.StrEnum):
    POINT = "point"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: Precision = Precision.CITY

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision.value,
        }


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float

    def to_record(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
        }


@dataclass(frozen=True, slots=True)
class Plover:
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    date: dt.date
    source: Participant
    target: Participant | None
    plover: Plover
    cameo: Cameo
    location: Location | None
    confidence: float
    evidence: Span
    trigger: Span | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "type": "event",
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date.isoformat(),
            "source": self.source.to_record(),
            "target": self.target.to_record() if self.target else None,
            "plover": self.plover.to_record(),
            "cameo": self.cameo.to_record(),
            "location": self.location.to_record() if self.location else None,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_record(),
        }
        if self.trigger is not None:
            record["trigger"] = self.trigger.to_record()
        return record


class FactKind(enum.StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    DISPLACED = "displaced"
    DETAINED = "detained"
    HOSTAGES = "hostages"
    MISSING = "missing"
    REFUGEES = "refugees"
    FOOD_INSECURE = "food_insecure"


class Qualifier(enum.StrEnum):
    EXACT = "exact"
    AT_LEAST = "at least"
    OVER = "over"
    ABOUT = "about"
    UP_TO = "up to"


@dataclass(frozen=True, slots=True)
class Fact:
    fact_id: str
    article_id: str
    date: dt.date
    kind: FactKind
    value: float
    unit: str  # "people" or "percent"
    qualifier: Qualifier
    of: str | None
    location: Location | None
    attribution: str | None
    evidence: Span
    perpetrator: str | None = None
    cumulative: bool = False
    extras: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_record(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        record: dict[str, Any] = {
            "type": "fact",
            "fact_id": self.fact_id,
            "article_id": self.article_id,
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "value": value,
            "unit": self.unit,
            "qualifier": self.qualifier.value,
            "of": self.of,
            "location": self.location.to_record() if self.location else None,
            "attribution": self.attribution,
            "evidence": self.evidence.to_record(),
            "perpetrator": self.perpetrator,
            "cumulative": self.cumulative,
        }
        record.update(self.extras)
        return record


@dataclass(frozen=True, slots=True)
class Coded:
    """Everything the coder found in one article: what the store keeps of it."""

    article: Article
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Participant, ...] = ()
