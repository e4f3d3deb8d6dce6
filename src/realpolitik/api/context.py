"""What every request shares: the open store, the actor knowledge base and a result cache.

The store is opened read-only once; each request gets its own DuckDB cursor (a cursor is
a connection of its own to the same database, so requests on worker threads never share
one).  The knowledge base loads on first use.  Results that take a scan of the whole store
(the signed network) are cached: the store is read-only while it is served.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Spell
from realpolitik.api.records import Regions
from realpolitik.errors import StoreError
from realpolitik.network import network, to_json
from realpolitik.store import Store
from realpolitik.store.web import actor_rows


@dataclass(frozen=True, slots=True)
class Role:
    person_id: str
    person: str
    role: str
    sector: str
    start: dt.date | None
    end: dt.date | None


class Context:
    """One served store.  Build with :meth:`open`; share across requests."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._kb: ActorBase | None = None
        self._roles: dict[str, list[tuple[str, str, Spell]]] | None = None
        self._actors: dict[str, dict[str, Any]] | None = None
        self._lock = threading.Lock()
        self.regions = Regions()
        self.network_json = lru_cache(maxsize=64)(self._network_json)

    @classmethod
    def open(cls, db_path: str | Path) -> Context:
        path = Path(db_path)
        if str(db_path) != ":memory:" and not path.is_file():
            raise StoreError(
                f"no store at {path}: run 'realpolitik ingest FILES --db {path}' first"
            )
        return cls(Store.open(path, read_only=str(db_path) != ":memory:"))

    def close(self) -> None:
        self.store.close()

    def cursor(self) -> Iterator[Store]:
        """A store on a fresh cursor for one request (a FastAPI dependency)."""
        con = self.store.con.cursor()
        try:
            yield Store(con, self.store.path)
        finally:
            con.close()

    # -- the knowledge base --------------------------------------------------------------

    @property
    def kb(self) -> ActorBase:
        with self._lock:
            if self._kb is None:
                self._kb = ActorBase.load()
            return self._kb

    def roles(self, entity_id: str, *, on: dt.date) -> list[Role]:
        """Who holds an office in ``entity_id`` on ``on`` (most senior first)."""
        kb = self.kb
        with self._lock:
            if self._roles is None:
                index: dict[str, list[tuple[str, str, Spell]]] = {}
                for person in kb.data.people:
                    for spell in person.spells:
                        index.setdefault(spell.entity, []).append((person.id, person.name, spell))
                self._roles = index
            spells = self._roles.get(entity_id, [])
        held = sorted((s.rank, name, pid, s) for pid, name, s in spells if s.covers(on))
        return [Role(pid, name, s.role, s.sector, s.start, s.end) for _, name, pid, s in held]

    # -- cached aggregates ----------------------------------------------------------------

    def actors(self) -> dict[str, dict[str, Any]]:
        """Every stored actor by id (name, country, sector, events, dates), read once."""
        with self._lock:
            if self._actors is None:
                con = self.store.con.cursor()
                try:
                    self._actors = actor_rows(Store(con, self.store.path))
                finally:
                    con.close()
            return self._actors

    def _network_json(
        self, since: dt.date | None, until: dt.date | None, level: str, min_events: int
    ) -> dict[str, Any]:
        con = self.store.con.cursor()
        try:
            graph = network(Store(con, self.store.path), since=since, until=until, level=level,
                            min_events=min_events)  # fmt: skip
        finally:
            con.close()
        return to_json(graph)
