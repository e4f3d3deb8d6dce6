"""The records of the knowledge base as read from its data files.

An :class:`Entity` is something a mention can stand for (a state, an organisation, an
armed group or party); a :class:`Person` holds dated :class:`Spell` s in entities; a
:class:`Term` is a common noun or title ("troops", "foreign minister") that gives a sector.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from realpolitik.model import ActorKind

_T = TypeVar("_T")


def _fast_pickle(cls: type[_T]) -> type[_T]:
    """Pickle a slotted frozen dataclass as a plain tuple of its fields.

    The compiled knowledge base is cached as a pickle; the generic dataclass state
    functions look the fields up per object and made loading several times slower.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]

    def getstate(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in names)

    # unrolled: one statement per field, no loop (about twice as fast to load)
    body = "".join(f"    _set(self, {n!r}, state[{i}])\n" for i, n in enumerate(names))
    space: dict[str, Any] = {"_set": object.__setattr__}
    exec(f"def setstate(self, state):\n{body}", space)
    setstate = space["setstate"]

    setattr(cls, "__getstate__", getstate)  # noqa: B010
    setattr(cls, "__setstate__", setstate)  # noqa: B010
    return cls


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Sponsor:
    """``by`` (an entity id) supports the entity between ``start`` and ``end``."""

    by: str
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    cameo: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # adjectival and plural forms ("Iranian", "Iranians")
    capitals: tuple[str, ...] = ()  # a capital alone stands for the government
    cities: tuple[str, ...] = ()  # a city gives the country to an agent ("Minsk police")
    iso3: str | None = None
    gw: int | None = None
    cow: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    sponsors: tuple[Sponsor, ...] = ()
    wikidata: str | None = None
    source: str = ""
    origin: str = ""  # file:line it was read from
    #: An organ of a state ("CIA" of ``usa``): resolves to that state with this sector.
    part_of: str | None = None
    secondary: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Spell:
    """A person holds ``role`` in ``entity`` (with ``sector``) from ``start`` to ``end``.

    Either date may be ``None`` (open).  ``end`` is the last day in office.
    """

    entity: str
    role: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    rank: int = 50  # lower is more senior; picks among concurrent spells
    source: str = ""

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    spells: tuple[Spell, ...]
    #: Entity the person stands for outside any spell (their state as ``ELI``, or a group).
    entity: str | None = None
    sector: str | None = "ELI"
    wikidata: str | None = None
    source: str = ""
    origin: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Term:
    """A common noun or title: ``phrase`` gives ``sector`` (and ``role`` for titles).

    ``title`` terms name an office ("foreign minister"); a title before a proper name
    ("Foreign Minister X") makes the name the office holder.
    """

    phrase: str
    sector: str
    role: str | None = None
    title: bool = False
    secondary: str | None = None  # CAMEO second role code: defence minister -> GOV + MIL
    source: str = ""
    origin: str = ""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class KnowledgeData:
    """Everything read from the data files, in file order (later files override)."""

    entities: tuple[Entity, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
