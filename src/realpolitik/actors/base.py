"""The actor knowledge base: load the data files once, then resolve mentions on a date."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import logging
import os
import pickle
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from realpolitik.actors.entries import Entity, KnowledgeData, Person, Spell, Sponsor
from realpolitik.actors.index import Index, Piece, RefKind
from realpolitik.actors.loader import read_files
from realpolitik.actors.petrarch import PETRARCH_ROLE
from realpolitik.actors.phrase import ARTICLES, PARTICLES
from realpolitik.actors.resolver import Reading, Resolver
from realpolitik.actors.scan import scan_text
from realpolitik.actors.text import Token, fold, tokenize
from realpolitik.errors import DataError
from realpolitik.model import Actor, ActorKind
from realpolitik.settings import data_path

log = logging.getLogger(__name__)

#: Environment variable naming a folder of user actor files (``*.yaml``, ``*.csv``).
USER_DIR_ENV = "REALPOLITIK_ACTORS_DIR"
_FUZZY_CUTOFF = 85.0
_CACHE_LIMIT = 200_000
#: Bump when the compiled form (Index, entries) changes shape.
_CACHE_VERSION = "actors-8"
_CACHE_KEEP = 6


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A mention found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str  # "alias" | "demonym" | "title" | "person" | "agent" | "fuzzy"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A knowledge-base entry that matches a searched name, with its dated roles."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    cameo: str | None
    aliases: tuple[str, ...]
    spells: tuple[Spell, ...]
    sponsors: tuple[Sponsor, ...]
    wikidata: str | None
    source: str
    score: float


def _listed_only(person: Person) -> bool:
    """A person known only from a PETRARCH dictionary's role codes (no office title): a
    name without a face, matched as written and never as a spelling variant ("Joseph
    Onika" is no reading of an unknown "Joseph Monka")."""
    return bool(person.spells) and all(s.role == PETRARCH_ROLE for s in person.spells)


def user_dir() -> Path:
    """Where ``realpolitik actors add`` puts user files: ``$REALPOLITIK_ACTORS_DIR``, else
    ``$XDG_CONFIG_HOME/realpolitik/actors`` (``~/.config/realpolitik/actors``)."""
    if os.environ.get(USER_DIR_ENV):
        return Path(os.environ[USER_DIR_ENV])
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "realpolitik" / "actors"


def packaged_files() -> list[Path]:
    folder = data_path("actors")
    return _actor_files(folder)


def _actor_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".csv", ".txt")]
    # in name order: a later file's entry overrides an earlier one's (``read_files``)
    return sorted(files, key=lambda p: p.name)


class ActorBase:
    """Resolve actor mentions on a date.  Build once with :meth:`load`, then share."""

    def __getstate__(self) -> dict[str, object]:
        state = {name: getattr(self, name) for name in self.__dict__}
        state["_cache"] = {}
        state["_parsed"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def __init__(self, data: KnowledgeData, *, skipped: tuple[str, ...] = ()) -> None:
        self.data = data
        #: Messages for user files that were left out because they are malformed.
        self.skipped = skipped
        self.index = Index(data)
        self.resolver = Resolver(self.index)
        self._cache: dict[tuple[str, dt.date, bool], Reading | None] = {}
        self._parsed: dict[str, tuple[list[Token], list[Piece]]] = {}
        self._fuzzy_names: list[str] = []
        self._fuzzy_refs: list[tuple[int, str]] = []
        self._add_fuzzy(list(self.index.names))

    def _add_fuzzy(self, name_keys: Iterable[tuple[str, ...]]) -> None:
        for name_key in name_keys:
            name = " ".join(name_key)
            ref = self.index.names[name_key][0]
            if len(name) < 6 or ref.kind not in (RefKind.ENTITY, RefKind.PERSON, RefKind.DEMONYM):
                continue
            if ref.kind == RefKind.PERSON and _listed_only(self.index.people[ref.target]):
                continue
            self._fuzzy_names.append(name)
            self._fuzzy_refs.append((ref.kind, ref.target))

    def _extend(self, data: KnowledgeData, *, skipped: tuple[str, ...] = ()) -> ActorBase:
        """This base (just loaded, not shared) with ``data`` read on top of its own data:
        only the new or changed entries are indexed."""
        entities = {e.id: e for e in self.data.entities}
        people = {p.id: p for p in self.data.people}
        terms = {t.phrase.lower(): t for t in self.data.terms}
        changed = KnowledgeData(
            tuple(e for e in data.entities if entities.get(e.id) is not e),
            tuple(p for p in data.people if people.get(p.id) is not p),
            tuple(t for t in data.terms if terms.get(t.phrase.lower()) is not t),
        )
        self.data = data
        self.skipped = skipped
        self._add_fuzzy(self.index.extend(changed))
        self._cache.clear()
        self._parsed.clear()
        return self

    @classmethod
    def load(cls, *, extra: Sequence[Path] = (), user: bool = True) -> ActorBase:
        """The packaged knowledge base, then the user folder (see :func:`user_dir`), then
        ``extra`` files; a later entry with the same id overrides an earlier one.

        A malformed ``extra`` file raises :class:`DataError` naming file, line and reason;
        a malformed file in the user folder is skipped with a warning.
        """
        packaged = packaged_files()
        found = _actor_files(user_dir()) if user else []
        for path in extra:
            if not Path(path).is_file():
                raise DataError(f"{path}: actor file not found")
        extras = [Path(p) for p in extra]
        files = [*packaged, *found, *extras]
        compiled = read_compiled(packaged)
        if compiled is not None:  # the usual case: index only what user files add
            if not found and not extras:
                return compiled
            data, skipped = _read_user_files(compiled.data, found, extras)
            return compiled._extend(data, skipped=skipped)
        # a packaged file changed since it was compiled: read every file, once
        before = _cache_path(files)
        cached = _read_cache(files)
        if cached is not None:
            for message in cached.skipped:
                log.warning("skipping user actor file: %s", message)
            return cached
        data, skipped = _read_user_files(read_files(packaged), found, extras)
        kb = cls(data, skipped=skipped)
        if _cache_path(files) == before:  # no file changed while it was read
            _write_cache(files, kb)
        return kb

    # -- resolution --------------------------------------------------------------------

    def resolve(self, mention: str, *, on: dt.date, bare_agents: bool = False) -> Actor | None:
        """The actor the head of ``mention`` denotes on ``on``, or ``None``.

        ``bare_agents`` says the mention is known to be an actor (NGEC's
        ``agent_to_code``): a role noun with no country ("soldiers") then gives a
        country-less generic actor, and a city its country with no sector; the coder
        leaves it off.
        """
        reading = self.reading(mention, on=on, bare_agents=bare_agents)
        return reading.actor if reading else None

    def reading(self, mention: str, *, on: dt.date, bare_agents: bool = False) -> Reading | None:
        """Like :meth:`resolve`, also saying how the actor was found."""
        cache_key = (mention, on, bare_agents)
        if cache_key in self._cache:
            return self._cache[cache_key]
        reading = self._read(mention, on=on, bare_agents=bare_agents)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[cache_key] = reading
        return reading

    def _read(self, mention: str, *, on: dt.date, bare_agents: bool) -> Reading | None:
        parsed = self._parsed.get(mention)
        if parsed is None:
            tokens = tokenize(mention)
            parsed = (tokens, self.index.pieces(tokens))
            if len(self._parsed) >= _CACHE_LIMIT:
                self._parsed.clear()
            self._parsed[mention] = parsed
        tokens, pieces = parsed
        if not tokens:
            return None
        reading = self.resolver.phrase(mention, tokens, pieces, on=on, bare_agents=bare_agents)
        if reading is None and not pieces:
            reading = self._fuzzy(mention, tokens, on=on)
        return reading

    def _fuzzy(self, mention: str, tokens: Sequence[Token], *, on: dt.date) -> Reading | None:
        """Transliteration variants of a proper name ("Khurelsukh", "Hizbullah")."""
        words = [t for t in tokens if t.norm not in ARTICLES]
        if not words or len(words) > 4 or not all(t.upper or t.norm in PARTICLES for t in words):
            return None  # a proper name ("Omer al-Bashir"), not a phrase of common words
        reading = self._fuzzy_name(words, on=on)
        if reading is None and len(words) >= 3 and all(t.upper for t in words):
            # "Sergey Kuzhugetovich Shoygu": a patronymic or middle name the data lacks
            reading = self._fuzzy_name([words[0], words[-1]], on=on, person=True)
        return reading

    def _fuzzy_name(
        self, words: Sequence[Token], *, on: dt.date, person: bool = False
    ) -> Reading | None:
        """The one name within the cutoff of ``words``, of the same number of words and
        the same initial; with ``person``, only a person's."""
        query = " ".join(t.norm for t in words)
        if len(query) < 6:
            return None
        hit = process.extractOne(
            query, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if hit is None:
            return None
        name, _score, position = hit
        if name[0] != query[0] or name.count(" ") != query.count(" "):
            return None
        kind, _target = self._fuzzy_refs[position]
        if person and kind != RefKind.PERSON:
            return None
        reading = self.resolver.phrase(
            name, tokenize(name), self.index.pieces(tokenize(name)), on=on
        )
        if reading is None or (kind == RefKind.PERSON and reading.actor.person is None):
            return None
        return Reading(reading.actor, "fuzzy")

    def scan(self, text: str, *, on: dt.date) -> list[ActorMatch]:
        """Every actor mention in ``text``: longest, non-overlapping, in text order."""
        return [
            ActorMatch(start, end, text[start:end], reading.actor, reading.how)
            for start, end, reading in scan_text(self, text, on=on)
        ]

    # -- browsing ----------------------------------------------------------------------

    def search(self, name: str, *, limit: int = 10) -> list[SearchHit]:
        """Entries whose names match ``name`` (exactly first, then closely)."""
        wanted = fold(name).strip()
        hits: dict[str, SearchHit] = {}
        for entity in self.data.entities:
            score = _name_score(wanted, (*entity.names, *entity.demonyms, entity.id))
            if score:
                hits["e:" + entity.id] = _entity_hit(entity, score)
        for person in self.data.people:
            score = _name_score(wanted, (*person.names, person.id))
            if score:
                hits["p:" + person.id] = self._person_hit(person, score)
        return sorted(hits.values(), key=lambda h: (-h.score, h.name))[:limit]

    def _person_hit(self, person: Person, score: float) -> SearchHit:
        entity = self.index.entities.get(person.entity or "")
        return SearchHit(
            id=person.id,
            name=person.name,
            kind=ActorKind.PERSON,
            country=entity.country if entity else None,
            sector=person.sector,
            cameo=None,
            aliases=person.aliases,
            spells=tuple(sorted(person.spells, key=lambda s: s.start or dt.date.min)),
            sponsors=(),
            wikidata=person.wikidata,
            source=person.source,
            score=score,
        )

    def entity(self, entity_id: str) -> Entity | None:
        return self.index.entities.get(entity_id)

    def sponsors(self, entity_id: str, *, on: dt.date) -> list[Entity]:
        """The states and groups known to support ``entity_id`` on ``on`` (Iran for PIJ).

        A sponsor relation with only years is taken to cover those whole years."""
        entity = self.index.entities.get(entity_id)
        if entity is None:
            return []
        found = []
        for sponsor in entity.sponsors:
            start = sponsor.start or dt.date.min
            end = sponsor.end or dt.date.max
            if sponsor.end is not None and sponsor.end.month == 1 and sponsor.end.day == 1:
                end = dt.date(sponsor.end.year, 12, 31)  # "end: 2017" means the whole year
            if start <= on <= end and sponsor.by in self.index.entities:
                found.append(self.index.entities[sponsor.by])
        return found

    def pieces(self, text: str) -> tuple[list[Token], list[Piece]]:
        tokens = tokenize(text)
        return tokens, self.index.pieces(tokens)

    def __len__(self) -> int:
        return len(self.data.entities) + len(self.data.people)


def _read_user_files(
    base: KnowledgeData, found: list[Path], extras: list[Path]
) -> tuple[KnowledgeData, tuple[str, ...]]:
    """``base`` with the user folder's files and then ``extras`` read on top; a malformed
    user file is skipped (and named), a malformed extra file raises :class:`DataError`."""
    try:
        return read_files([*found, *extras], base=base), ()
    except DataError:
        if not found:
            raise
    data, skipped = _read_skipping_bad_user_files(base, found)
    return read_files(extras, base=data), skipped


def _read_skipping_bad_user_files(
    data: KnowledgeData, found: list[Path]
) -> tuple[KnowledgeData, tuple[str, ...]]:
    """The packaged data plus every user file that reads cleanly on top of it."""
    skipped: list[str] = []
    for path in found:
        try:
            data = read_files([path], base=data)
        except DataError as exc:
            log.warning("skipping user actor file: %s", exc)
            skipped.append(str(exc))
    return data, tuple(skipped)


#: The packaged knowledge base, compiled by ``scripts/build_actors.py`` and shipped beside
#: the data files: a header line (JSON: format, the SHA-1 of every packaged file) and the
#: zlib-compressed pickle of the :class:`ActorBase`.  It is used only while every packaged
#: file still has the recorded content; otherwise the files are read.
COMPILED_NAME = "compiled.actors"


def _digests(files: Sequence[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in files}


def read_compiled(packaged: Sequence[Path]) -> ActorBase | None:
    """The compiled packaged knowledge base, or ``None`` if absent or stale."""
    path = data_path("actors", COMPILED_NAME)
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            if header.get("format") != _CACHE_VERSION or header.get("files") != _digests(packaged):
                log.debug("compiled actor base %s is stale; reading the data files", path)
                return None
            kb = _unpickle(zlib.decompress(handle.read()))
    except (OSError, ValueError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return kb if isinstance(kb, ActorBase) else None


def _unpickle(blob: bytes) -> object:
    """``pickle.loads`` with the cyclic garbage collector paused: the base is some 100,000
    new objects, and each collection they would trigger walks every object the process
    holds (a second base in memory made loading twice as slow)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(blob)
    finally:
        if enabled:
            gc.enable()


def write_compiled() -> Path:
    """Compile the packaged data files (``scripts/build_actors.py`` calls this)."""
    packaged = packaged_files()
    root = data_path().parent  # entries name their origin as "data/actors/FILE:LINE"
    with contextlib.chdir(root):
        kb = ActorBase(read_files([p.relative_to(root) for p in packaged]))
    header = {"format": _CACHE_VERSION, "files": _digests(packaged)}
    path = data_path("actors", COMPILED_NAME)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as handle:
        handle.write(json.dumps(header, sort_keys=True).encode() + b"\n")
        handle.write(zlib.compress(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL), 6))
    tmp.replace(path)
    return path


def cache_dir() -> Path:
    """Compiled knowledge bases: ``$XDG_CACHE_HOME/realpolitik`` (``~/.cache/realpolitik``).

    The data files stay the source of truth: a cache entry is keyed by every file's path,
    size and modification time, so editing a file makes a new one.
    """
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "realpolitik"


def _cache_path(files: Sequence[Path]) -> Path:
    digest = hashlib.sha1(_CACHE_VERSION.encode())
    for path in files:
        stat = path.stat()
        digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return cache_dir() / f"actors-{digest.hexdigest()[:20]}.pickle"


def _read_cache(files: Sequence[Path]) -> ActorBase | None:
    path = _cache_path(files)
    try:
        with path.open("rb") as handle:
            kb = _unpickle(handle.read())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return kb if isinstance(kb, ActorBase) else None


def _write_cache(files: Sequence[Path], kb: ActorBase) -> None:
    path = _cache_path(files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        old = sorted(path.parent.glob("actors-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-_CACHE_KEEP]:  # keep the few most recent compiled forms
            stale.unlink(missing_ok=True)
    except OSError as exc:  # a read-only home still works, only slower
        log.debug("cannot write actor cache %s: %s", path, exc)


def _name_score(wanted: str, names: Iterable[str]) -> float:
    best = 0.0
    for name in names:
        folded = fold(name)
        if folded == wanted:
            return 100.0
        if wanted in folded.split() or (len(wanted) >= 4 and folded.startswith(wanted)):
            best = max(best, 90.0)
        else:
            score = fuzz.ratio(wanted, folded)
            if score >= 85:
                best = max(best, float(score) - 10)
    return best


def _entity_hit(entity: Entity, score: float) -> SearchHit:
    return SearchHit(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        country=entity.country,
        sector=entity.sector,
        cameo=entity.cameo,
        aliases=entity.aliases,
        spells=(),
        sponsors=entity.sponsors,
        wikidata=entity.wikidata,
        source=entity.source,
        score=score,
    )
