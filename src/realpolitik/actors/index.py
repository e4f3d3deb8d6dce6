"""The compiled lookup form of the knowledge base: every name, keyed by its folded tokens.

``Index.pieces(tokens)`` finds the longest known names in a token list; the resolver
interprets the sequence of pieces.  The index is built once per :class:`ActorBase`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from realpolitik.actors.entries import Entity, KnowledgeData, Person, Term
from realpolitik.actors.text import Token, acronym_case, canon, key


class RefKind(enum.IntEnum):
    """What a name refers to; the lower the value, the stronger the reading."""

    ENTITY = 0
    PERSON = 1
    DEMONYM = 2
    CAPITAL = 3
    TERM = 4
    CITY = 5


class Ref(NamedTuple):
    """A reading of a name.  ``kind`` is a :class:`RefKind` value kept as a plain int, so
    the compiled index pickles (and loads from the cache) quickly; compare with ``==``."""

    kind: int
    target: str  # entity id, person id or term phrase key
    caps: bool  # the name is an acronym: match only when written in capitals


@dataclass(frozen=True, slots=True)
class Piece:
    """Tokens ``start:end`` (token indices) form a known name with these readings."""

    start: int
    end: int
    refs: tuple[Ref, ...]

    @property
    def best(self) -> Ref:
        return self.refs[0]


#: Words that make the name after them a side taken, not an actor: "pro-Russian".
STANCES = frozenset({"pro", "anti"})


def _is_acronym(name: str) -> bool:
    """A one-word name of up to six letters written as an acronym ("NATO", "LeT"): it is
    matched only when written so ("let" is a verb)."""
    letters = [c for c in name if c.isalpha()]
    return (
        " " not in name.strip()
        and len(letters) <= 6
        and (all(c.isupper() for c in letters) or acronym_case(name.strip()))
    )


class Index:
    def __init__(self, data: KnowledgeData) -> None:
        self.entities: dict[str, Entity] = {}
        self.people: dict[str, Person] = {}
        self.terms: dict[str, Term] = {}
        self.names: dict[tuple[str, ...], list[Ref]] = {}
        #: last word of every person's names -> person ids ("bush" -> both Bushes)
        self.surnames: dict[str, list[str]] = {}
        #: first word of people's names of two words or more -> how many such names (each
        #: spelling of a person counts) begin with it ("mohamed": 187); see :meth:`common_given`
        self.given: dict[str, int] = {}
        self.reach: dict[str, int] = {}
        self.extend(data)

    def common_given(self, word: str) -> bool:
        """Whether ``word`` is mostly a given name ("Mohamed", "Ali", "Charles"): it begins
        at least ten names, and twice as many as there are people whose names end with it.
        Such a word alone names no one ("Assad", "Petro", "Hussein" still do)."""
        count = self.given.get(word, 0)
        return count >= 10 and count >= 2 * len(self.surnames.get(word, ()))

    def extend(self, data: KnowledgeData) -> list[tuple[str, ...]]:
        """Add (or override) entries; they win the names they share with earlier ones.
        Returns the name keys that were new."""
        self.entities.update((e.id, e) for e in data.entities)
        self.people.update((p.id, p) for p in data.people)
        known = set(self.names)
        old = {k: len(v) for k, v in self.names.items()}
        # later entries (hand-written files, user files) win a name shared with earlier ones
        for entity in reversed(data.entities):
            for name in entity.names:
                self._add(name, RefKind.ENTITY, entity.id)
            for name in entity.demonyms:
                self._add(name, RefKind.DEMONYM, entity.id)
            for name in entity.capitals:
                self._add(name, RefKind.CAPITAL, entity.id)
            for name in entity.cities:
                self._add(name, RefKind.CITY, entity.id)
        for person in reversed(data.people):
            for name in person.names:
                self._add(name, RefKind.PERSON, person.id)
                words = key(name)
                if len(words) > 1:
                    self.given[words[0]] = self.given.get(words[0], 0) + 1
                    ids = self.surnames.setdefault(words[-1], [])
                    if person.id not in ids:
                        ids.append(person.id)
        for term in data.terms:
            term_key = " ".join(key(term.phrase))
            self.terms[term_key] = term
            self._add(term.phrase, RefKind.TERM, term_key, caps=False)
        for name_key, refs in self.names.items():
            added = len(refs) - old.get(name_key, 0)
            if added and name_key in old:  # the new readings come first among equals
                refs[:] = refs[-added:] + refs[:-added]
            if added:
                refs.sort(key=lambda r: r.kind)
                first = name_key[0]
                self.reach[first] = max(self.reach.get(first, 0), len(name_key))
        return [k for k in self.names if k not in known]

    def _add(self, name: str, kind: RefKind, target: str, *, caps: bool | None = None) -> None:
        name_key = key(name)
        if not name_key:
            return
        ref = Ref(int(kind), target, _is_acronym(name) if caps is None else caps)
        refs = self.names.setdefault(name_key, [])
        for i, r in enumerate(refs):
            if (r.kind, r.target) == (kind, target):
                if r.caps and not ref.caps:  # also listed as "Nato": any case matches
                    refs[i] = ref
                return
        refs.append(ref)

    def pieces(self, tokens: Sequence[Token]) -> list[Piece]:
        """Greedy longest, non-overlapping known names, left to right; a state or group named
        only as the side someone takes is none ("pro-Russian separatists", "anti-Israel
        marchers"), but a person is: "pro-Hadi forces" are forces loyal to him."""
        norms = [canon(t) for t in tokens]
        found: list[Piece] = []
        i, n = 0, len(tokens)
        while i < n:
            stance = i > 0 and norms[i - 1] in STANCES
            reach = self.reach.get(norms[i], 0)
            for length in range(min(reach, n - i), 0, -1):
                refs = self.names.get(tuple(norms[i : i + length]))
                if refs is None:
                    continue
                fitting = tuple(
                    r
                    for r in refs
                    if (not r.caps or _written_caps(tokens[i]))
                    and (length > 1 or r.kind != RefKind.PERSON or tokens[i].upper)
                    and (any(t.upper for t in tokens[i : i + length]) or not self._party(r))
                    and (not stance or r.kind == RefKind.PERSON)
                )
                if fitting and norms[i] == "the" and self._longer_after(norms, i, length):
                    i += 1  # "the West Bank": not "the West" and "Bank"
                    break
                if fitting:
                    found.append(Piece(i, i + length, fitting))
                    i += length
                    break
            else:
                i += 1
        return found

    def _party(self, ref: Ref) -> bool:
        """Whether ``ref`` is a party's name, a proper noun only with a capital ("the
        Republicans", "al-Nour", not "dissident republicans" or "a national rally")."""
        if ref.kind != RefKind.ENTITY:
            return False
        entity = self.entities.get(ref.target)
        return entity is not None and entity.sector == "PTY"

    def _longer_after(self, norms: list[str], i: int, length: int) -> bool:
        """Whether a name starting after the "the" at ``i`` runs past ``i + length``."""
        start = i + 1
        reach = self.reach.get(norms[start], 0) if start < len(norms) else 0
        for longer in range(min(reach, len(norms) - start), length - 1, -1):
            if tuple(norms[start : start + longer]) in self.names:
                return True
        return False


def _written_caps(token: Token) -> bool:
    return token.caps or "." in token.norm
