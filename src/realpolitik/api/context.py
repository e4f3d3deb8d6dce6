"""What every request shares: the open store, the actor knowledge base, what is prepared.

The store is opened read-only once; each request gets its own DuckDB cursor (a cursor is
a connection of its own to the same database, so requests on worker threads never share
one).  :meth:`Context.prepare` (run when the app is made) loads the knowledge base, the
stored actors and articles' metadata and encodes the event records
(:mod:`realpolitik.api.prepared`): the store is read-only while it is served, so none of
it goes stale.  Networks, which take a scan of the whole store, are kept per window.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Generator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Spell
from realpolitik.api.prepared import EventJson
from realpolitik.api.records import Regions, jsonable
from realpolitik.errors import StoreError
from realpolitik.ingest.importers.reference import Reference
from realpolitik.network import network, to_json
from realpolitik.store import Store
from realpolitik.store.web import actor_rows, article_meta, article_metas

#: Articles whose metadata is read at startup (a bigger store reads it per request).
ARTICLE_LIMIT = 50_000


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
        self._articles: dict[str, dict[str, Any]] | None = None
        self._actor_list: list[tuple[str, str, str, dict[str, Any]]] | None = None
        self._reference: Reference | None = None
        self._lock = threading.Lock()
        self.regions = Regions()
        self.events = EventJson()
        self.network_json = lru_cache(maxsize=64)(self._network_json)
        self.network_view = lru_cache(maxsize=64)(self._network_view)

    @classmethod
    def open(cls, db_path: str | Path) -> Context:
        path = Path(db_path)
        if path.is_dir():  # a Parquet store written by a cluster ingest
            from realpolitik.cluster import open_parquet

            return cls(open_parquet(path))
        if str(db_path) != ":memory:" and not path.is_file():
            raise StoreError(
                f"no store at {path}: run 'realpolitik ingest FILES --db {path}' first"
            )
        return cls(Store.open(path, read_only=str(db_path) != ":memory:"))

    def close(self) -> None:
        self.store.close()

    def prepare(self) -> None:
        """Read and encode once what requests share (see the module's docstring)."""
        self._role_index()  # loads the knowledge base too
        self.actor_list()
        self.reference()
        con = self.store.con.cursor()
        try:
            store = Store(con, self.store.path)
            self.events.prepare(store)
            row = con.execute("SELECT count(*) FROM articles").fetchone()
            if row is not None and int(row[0]) <= ARTICLE_LIMIT:
                metas = {k: jsonable(v) for k, v in article_metas(store).items()}
                with self._lock:
                    self._articles = metas
        finally:
            con.close()

    def article(self, store: Store, article_id: str) -> dict[str, Any] | None:
        """An article's metadata (JSON-safe), or None when there is no such article."""
        if self._articles is not None:
            return self._articles.get(article_id)
        meta = article_meta(store, article_id)
        return None if meta is None else dict(jsonable(meta))

    def cursor(self) -> Generator[Store, None, None]:
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
        spells = self._role_index().get(entity_id, [])
        held = sorted(((pid, name, s) for pid, name, s in spells if s.covers(on)),
                      key=lambda h: (h[2].rank, h[1], h[0]))  # fmt: skip
        return [Role(pid, name, s.role, s.sector, s.start, s.end) for pid, name, s in held]

    def _role_index(self) -> dict[str, list[tuple[str, str, Spell]]]:
        kb = self.kb
        with self._lock:
            if self._roles is None:
                index: dict[str, list[tuple[str, str, Spell]]] = {}
                for person in kb.data.people:
                    for spell in person.spells:
                        index.setdefault(spell.entity, []).append((person.id, person.name, spell))
                self._roles = index
            return self._roles

    def reference(self) -> Reference:
        """Country names and codes (for country-level networks), read once."""
        with self._lock:
            if self._reference is None:
                self._reference = Reference.load()
            return self._reference

    # -- cached aggregates ----------------------------------------------------------------

    def actor_list(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Stored actors busiest first, as (lowercase id, lowercase name, country, JSON-safe
        row), for listing and name search without a query."""
        with self._lock:
            if self._actor_list is not None:
                return self._actor_list
        rows = sorted(self.actors().values(), key=lambda r: (-int(r["events"]), str(r["id"])))
        listed = [(str(r["id"]).lower(), str(r["name"] or "").lower(), str(r["country"] or ""),
                   dict(jsonable(r))) for r in rows]  # fmt: skip
        with self._lock:
            self._actor_list = listed
        return listed

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
                            min_events=min_events, ref=self.reference() if level == "country"
                            else None)  # fmt: skip
        finally:
            con.close()
        return to_json(graph)

    def _network_view(
        self, since: dt.date | None, until: dt.date | None, level: str, min_events: int
    ) -> dict[str, Any]:
        """The network as the API shows it (see :meth:`annotate`); not to be changed."""
        raw = self.network_json(since, until, level, min_events)
        graph = {"nodes": [dict(n) for n in raw["nodes"]], "edges": [dict(e) for e in raw["edges"]]}
        return self.annotate(graph, level)

    def annotate(self, graph: dict[str, Any], level: str) -> dict[str, Any]:
        """Nodes get a region, sector and kind; edges their event count and top event ids."""
        known = self.actors() if level == "actor" else {}
        for node in graph["nodes"]:
            node["region"] = self.regions.of(node.get("country"))
            node["sector"] = known.get(node["id"], {}).get("sector")
            entity = self.kb.entity(node["id"]) if level == "actor" else None
            node["kind"] = entity.kind.value if entity else (
                "state" if level == "country" else "generic")  # fmt: skip
        for edge in graph["edges"]:
            edge["event_count"] = int(edge["events"])
            edge["events"] = [e["event_id"] for e in edge.get("top_events", [])]
        return graph
