"""Interpret a noun phrase as the actor its head denotes on a date.

The phrase is split into known pieces (names, demonyms, capitals, titles, agent nouns) by
:class:`~realpolitik.actors.index.Index`; the head is the last piece of the phrase's main
part (before a comma, a relative clause or a preposition).  A person head resolves through
the office they hold on the date; a title or agent noun takes its country from a demonym,
a possessive or an ``of``/``in`` complement; anything else gives ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from realpolitik.actors.entries import Entity, Person, Spell, Term
from realpolitik.actors.index import Index, Piece, RefKind
from realpolitik.actors.phrase import (
    ARTICLES,
    FILLERS,
    OFFICIAL,
    PARTICLES,
    PAST,
    QUANTIFIERS,
    Element,
    kind_of,
    split_elements,
    split_prepositions,
    split_segments,
)
from realpolitik.actors.text import Token, canon, key
from realpolitik.model import Actor, ActorKind


@dataclass(frozen=True, slots=True)
class Reading:
    actor: Actor
    how: str


class Resolver:
    def __init__(self, index: Index) -> None:
        self.index = index

    # -- phrases ---------------------------------------------------------------------

    def phrase(
        self,
        text: str,
        tokens: Sequence[Token],
        pieces: Sequence[Piece],
        *,
        on: dt.date,
        bare_agents: bool = False,
    ) -> Reading | None:
        elements = split_elements(text, tokens, pieces)
        segments = split_segments(text, tokens, elements)
        if not segments:
            return None
        reading = self._segment(text, tokens, segments[0], on=on, bare_agents=bare_agents)
        if reading is not None or len(segments) < 2:
            return reading
        named = all(
            e.piece is None and (tokens[e.start].upper or _hyphenated(text, tokens, e.start))
            for e in segments[0]
        )
        if any(e.piece is None and tokens[e.start].upper for e in segments[0]) and not named:
            return None
        second = self._segment(text, tokens, segments[1], on=on, bare_agents=False)
        if named and (second is None or second.how not in ("title", "person")):
            return None  # "Frank, a cat": only an office describes an unknown name
        return second

    def _segment(
        self,
        text: str,
        tokens: Sequence[Token],
        elements: list[Element],
        *,
        on: dt.date,
        bare_agents: bool,
    ) -> Reading | None:
        main, complements = split_prepositions(tokens, elements)
        if (
            main
            and complements
            and all(
                e.piece is None
                and (tokens[e.start].norm in QUANTIFIERS or tokens[e.start].norm.isdigit())
                for e in main
            )
        ):  # "several of the largest trade unions in Denmark"
            rest = elements[len(main) + 1 :]
            return self._segment(text, tokens, rest, on=on, bare_agents=bare_agents)
        core = [e for e in main if not e.modifier or e.home]
        core = [e for e in core if not (e.piece is None and tokens[e.start].norm == "'s")]
        if not core:
            return None
        # "former", "retired" anywhere before the head make an office holder an elite
        past = any(tokens[i].norm in PAST for e in core[:-1] for i in range(e.start, e.end))
        # nouns after a name that keep its meaning ("the Hamas movement", "the Ombudsman's Office")
        filler: str | None = None
        while len(core) > 1 and core[-1].piece is None and tokens[core[-1].start].norm in FILLERS:
            filler = filler or tokens[core[-1].start].norm
            core.pop()
        # weapons and attacks stand for whoever uses them ("Syrian government shelling",
        # "Israeli missiles", "Houthi drones"): the user of a state's weapons is its military
        armed = False
        while (
            len(core) > 1
            and core[-1].piece is None
            and not tokens[core[-1].start].upper
            and tokens[core[-1].start].norm in _INSTRUMENTS
        ):
            armed = True
            core.pop()
        last = core[-1].piece
        if armed and filler is None and last is not None and kind_of(core[-1]) in _STATELIKE:
            entity = self.index.entities[last.best.target]
            if entity.kind is ActorKind.STATE and entity.part_of is None:
                return Reading(self._entity_actor(entity, sector="MIL"), "agent")
        # trailing capitalised unknown words: a name after a title ("Minister X Y")
        names: list[Element] = []
        if self._other_given_names(tokens, core):
            # "Mohamed Ould Abdel Aziz", "Odin Sanchez": given names that are not those of
            # the person whose one-word surname alias ends the name: someone else
            names.append(core.pop())
        while core and (
            (
                core[-1].piece is None
                and (
                    tokens[core[-1].start].upper
                    or (names and tokens[core[-1].start].norm in PARTICLES)
                )
            )
            or (  # "Stephen Smith": a one-word surname alias used as a first name
                names and kind_of(core[-1]) == RefKind.PERSON and core[-1].end - core[-1].start == 1
            )
        ):
            names.insert(0, core.pop())
        if names:
            if core and kind_of(core[-1]) == RefKind.TERM:
                if self._term(core[-1]).title:
                    holder = self._titled_person(tokens, core, names, complements, on=on, past=past)
                    if holder is not None:
                        return holder
                    return self._term_reading(
                        tokens, core, complements, on=on, past=past, bare=bare_agents
                    )
                # "German journalist Mesale Tolu", "West Bengal Chief Minister Mamata
                # Banerjee": an unknown person described by a role and a country; not
                # "Pakistan Muslim League-Quaid", where the words name an organisation
                if self._term(core[-1]).sector != "REL" and not any(
                    tokens[e.start].norm in _ORGANISATION_WORDS or tokens[e.start].caps
                    for e in names
                ):
                    return self._term_reading(
                        tokens, core, complements, on=on, past=past, bare=bare_agents
                    )
            if not core and len(names) == 1 and not complements:
                return self._leader_by_surname(tokens[names[0].start], on=on)
            if core and kind_of(core[-1]) == RefKind.PERSON:
                person = self.index.people[core[-1].piece.best.target]  # type: ignore[union-attr]
                own = {w for n in person.names for w in key(n)}
                trailing = {tokens[i].norm for e in names for i in range(e.start, e.end)}
                if (len(names) == 1 and core[-1].end - core[-1].start >= 3) or trailing <= own:
                    # "Mohamed Abdullahi Mohamed Farmajo": a full name and a byname;
                    # "Mohammed bin Zayed Al Nahyan": the rest of a recorded name
                    return self._person_reading(person, on=on, past=past)
            return None
        head = core[-1]
        if head.piece is None:
            return None
        kind = head.piece.best.kind
        target = head.piece.best.target
        if kind == RefKind.PERSON:
            return self._person_reading(self.index.people[target], on=on, past=past)
        if kind in (RefKind.ENTITY, RefKind.DEMONYM) and self._region_adjective(tokens, head):
            return None
        if kind == RefKind.ENTITY:
            entity = self.index.entities[target]
            if filler is not None and entity.kind is ActorKind.STATE:
                return None
            if entity.part_of is not None and _named_before(tokens, core):
                return None  # "the All Progressives Congress": not the US Congress
            owner = self._other_state(core)
            home = entity.part_of
            if home is None and entity.sector == "PTY" and entity.country:
                home = entity.country.lower()
            if home is not None and owner is not None and owner.id != home:
                # "the French Senate": France's, though "Senate" alone is the US Senate;
                # "Canada's Conservative Party" is Canada's, not Britain's
                return Reading(self._entity_actor(owner, sector=entity.sector), "demonym")
            return Reading(self._entity_actor(entity), "alias")
        if kind == RefKind.TERM:
            return self._term_reading(tokens, core, complements, on=on, past=past, bare=bare_agents)
        if filler is not None:
            return None
        if kind == RefKind.CAPITAL:
            entity = self.index.entities[target]
            return Reading(self._entity_actor(entity, sector="GOV"), "alias")
        if kind == RefKind.DEMONYM:
            return Reading(self._entity_actor(self.index.entities[target]), "demonym")
        if kind == RefKind.TERM:
            return self._term_reading(tokens, core, complements, on=on, past=past, bare=bare_agents)
        named = len(core) > 1 and core[-2].piece is None and tokens[core[-2].start].upper
        if kind == RefKind.CITY and bare_agents and not named:  # not "Feliciano Valencia"
            # known to stand in an actor's place (NGEC's agent_to_code): a settlement gives
            # its country and no sector, as NGEC codes it; the coder never asks this
            return Reading(self._entity_actor(self.index.entities[target]), "place")
        return None  # a city alone is a place, not an actor

    def _region_adjective(self, tokens: Sequence[Token], head: Element) -> bool:
        """Whether ``head`` is a region's adjective standing alone: "Western" in "Western
        military support", "Caribbean" in "a Caribbean island" name no actor, where
        "Europeans" or "the Caribbean" do."""
        assert head.piece is not None
        entity = self.index.entities[head.piece.best.target]
        if entity.kind is not ActorKind.REGION:
            return False
        words = tuple(canon(t) for t in tokens[head.start : head.end])
        before = tokens[head.start - 1].norm if head.start > 0 else ""
        return (
            before != "the"
            and not words[-1].endswith("s")
            and any(key(d) == words for d in entity.demonyms)
        )

    # -- readings --------------------------------------------------------------------

    def _other_state(self, core: list[Element]) -> Entity | None:
        """The state named just before the head by its name or demonym, if any."""
        if len(core) < 2 or core[-2].piece is None:
            return None
        if kind_of(core[-2]) not in (RefKind.DEMONYM, RefKind.ENTITY):
            return None
        owner = self.index.entities[core[-2].piece.best.target]
        if owner.kind is not ActorKind.STATE or owner.part_of is not None:
            return None
        return owner

    def _term(self, element: Element) -> Term:
        assert element.piece is not None
        return self.index.terms[element.piece.best.target]

    def _term_reading(
        self,
        tokens: Sequence[Token],
        core: list[Element],
        complements: list[list[Element]],
        *,
        on: dt.date,
        past: bool,
        bare: bool,
    ) -> Reading | None:
        term = self._term(core[-1])
        if term.phrase in _LEADER_NOUNS and any(
            kind_of(e) == RefKind.TERM and self._term(e).sector == "REL" for e in core[:-1]
        ):  # "Muslim leaders", "a Jewish community leader": religious leaders (CAMEO REL)
            term = replace(term, sector="REL", role=None, title=False, secondary=None)
        context: tuple[Entity, int] | None = None
        for element in reversed(core[:-1]):
            usable = not element.modifier or element.home
            context = self._context(element, on=on) if usable else None
            if context is not None:
                break
        for complement in complements if context is None and term.phrase not in _STATES else ():
            sub = self._complement(complement, tokens, on=on)
            if sub is not None:
                context = sub
                break
        if context is None and term.sector == "GOV" and len(core) >= 2 and core[-2].piece is None:
            # "the Bush administration", "the Maduro government": a leader's surname
            context = self._surname_state(tokens[core[-2].start], on=on)
        if context is None:
            if not bare:
                return None
            bare_sector = "ELI" if past and term.sector in OFFICIAL else term.sector
            actor = Actor(
                id=f"agent-{bare_sector.lower()}",
                name=term.role or term.phrase,
                country=None,
                sector=bare_sector,
                cameo=f"---{_cameo_role(bare_sector)}{term.secondary or ''}",
                kind=ActorKind.GENERIC,
                role=term.role,
            )
            return Reading(actor, "title" if term.title else "agent")
        entity, via = context
        sector = "ELI" if past and (term.title or term.sector in OFFICIAL) else term.sector
        if entity.kind is ActorKind.REGION:  # "European leaders", "Western media"
            return Reading(self._entity_actor(entity, sector=sector), "demonym")
        if entity.kind is not ActorKind.STATE:
            return Reading(self._entity_actor(entity, role=term.role), "alias")
        if entity.part_of is not None:  # an organ keeps its sector: the Knesset's speaker is LEG
            organ = self._entity_actor(entity, sector="ELI" if past else None, role=term.role)
            return Reading(organ, "alias")
        how = "title" if term.title else ("demonym" if via == RefKind.DEMONYM else "agent")
        kind = ActorKind.STATE if term.title or sector == "GOV" else ActorKind.GENERIC
        actor = self._entity_actor(
            entity, sector=sector, role=term.role, kind=kind, secondary=term.secondary
        )
        return Reading(actor, how)

    def _titled_person(
        self,
        tokens: Sequence[Token],
        core: list[Element],
        names: list[Element],
        complements: list[list[Element]],
        *,
        on: dt.date,
        past: bool,
    ) -> Reading | None:
        """A title and a surname ("President Bush", "Deputy Secretary Hicks"): the one
        person with that surname who held a matching office on the date, else the one who
        held it before; nobody when two qualify."""
        term = self._term(core[-1])
        if term.role is None:
            return None
        candidates = self.index.surnames.get(tokens[names[-1].end - 1].norm)
        if not candidates:  # "President Mohamed Abdullahi Mohamed Farmajo": a name inside
            return self._titled_full_name(tokens, core, names, complements, on=on, past=past)
        where: str | None = None
        for element in reversed(core[:-1]):
            context = self._context(element, on=on)
            if context is not None:
                where = context[0].id
                break
        for complement in complements if where is None else ():
            context = self._complement(complement, tokens, on=on)
            if context is not None:
                where = context[0].id
                break
        given = [tokens[e.start].norm for e in names[:-1]]
        on_date: list[Person] = []
        ever: list[Person] = []
        states: set[str] = set()
        for person_id in candidates:
            person = self.index.people[person_id]
            if given and not any(set(given) <= set(key(n)) for n in person.names):
                continue  # "President George Bush": the given names must fit too
            spells = [  # offices held on or before the date: a title is never prophetic
                s
                for s in person.spells
                if _title_fits(term.role, s.role)
                and (where is None or s.entity == where)
                and (s.start is None or s.start <= on)
            ]
            if spells:
                ever.append(person)
                states.update(s.entity for s in spells)
                if any(s.covers(on) for s in spells):
                    on_date.append(person)
        chosen = on_date if on_date else ever
        if len(chosen) > 1 and not on_date and len(states) == 1:
            # "President Bush" after both Bushes: which one is unknown, but not his state
            entity = self.index.entities.get(states.pop())
            if entity is not None and entity.kind is ActorKind.STATE:
                return Reading(self._entity_actor(entity, sector="ELI"), "title")
        if len(chosen) != 1:
            return None
        return self._person_reading(chosen[0], on=on, past=past)

    def _other_given_names(self, tokens: Sequence[Token], core: list[Element]) -> bool:
        if len(core) < 2 or kind_of(core[-1]) != RefKind.PERSON:
            return False
        if core[-1].end - core[-1].start != 1:
            return False
        given: list[str] = []
        for element in reversed(core[:-1]):
            token = tokens[element.start]
            if element.piece is not None or not token.upper:
                break
            given.append(token.norm)
        given = [g for g in given if g not in _HONORIFICS]
        if not given:
            return False
        person = self.index.people[core[-1].piece.best.target]  # type: ignore[union-attr]
        own = {w for n in person.names for w in key(n)}
        # spelling variants ("Sooronbai"/"Sooronbay", "Mohammad"/"Muhammad") are the same name
        return not any(fuzz.ratio(g, w) >= 70 or g[:3] == w[:3] for g in given for w in own)

    def _titled_full_name(
        self,
        tokens: Sequence[Token],
        core: list[Element],
        names: list[Element],
        complements: list[list[Element]],
        *,
        on: dt.date,
        past: bool,
    ) -> Reading | None:
        """A title and a full name that extends a recorded one ("President Mohamed Abdullahi
        Mohamed Farmajo" for Mohamed Abdullahi Mohamed): every word of a recorded name of at
        least two words appears in the mention, and the person held a fitting office."""
        words = {tokens[i].norm for e in names for i in range(e.start, e.end)}
        found: set[str] = set()
        for word in words - PARTICLES:
            for person_id in self.index.surnames.get(word, ()):
                person = self.index.people[person_id]
                if any(len(key(n)) >= 2 and set(key(n)) <= words for n in person.names):
                    found.add(person_id)
        if len(found) != 1:
            return None
        (person_id,) = found
        term = self._term(core[-1])
        person = self.index.people[person_id]
        assert term.role is not None
        if not any(
            _title_fits(term.role, s.role) and (s.start is None or s.start <= on)
            for s in person.spells
        ):
            return None
        return self._person_reading(person, on=on, past=past)

    def _surname_state(self, token: Token, *, on: dt.date) -> tuple[Entity, int] | None:
        """The state whose leaders (heads of state or government) up to the date bear the
        surname: the one in office on the date if any, else all of them must agree."""
        if not token.upper or token.caps or len(token.norm) < 3:
            return None
        spells = [
            s
            for person_id in self.index.surnames.get(token.norm, ())
            for s in self.index.people[person_id].spells
            if _title_fits("leader", s.role) and (s.start is None or s.start <= on)
        ]
        current = [s for s in spells if s.covers(on)]
        states = {s.entity for s in (current or spells)}
        if len(states) != 1:
            return None
        entity = self.index.entities.get(states.pop())
        return (entity, int(RefKind.PERSON)) if entity is not None else None

    def _leader_by_surname(self, token: Token, *, on: dt.date) -> Reading | None:
        """A bare surname ("Maduro") for the one person of that surname who leads a state
        (head of state or government) on the date; nobody when none or two do."""
        if len(token.norm) < 4 or token.caps or self.index.common_given(token.norm):
            return None
        leaders = [
            person
            for person_id in self.index.surnames.get(token.norm, ())
            if (person := self.index.people[person_id])
            and any(s.covers(on) and _title_fits("leader", s.role) for s in person.spells)
        ]
        if len(leaders) != 1:
            return None
        return self._person_reading(leaders[0], on=on, past=False)

    def _complement(
        self, complement: list[Element], tokens: Sequence[Token], *, on: dt.date
    ) -> tuple[Entity, int] | None:
        """The entity an ``of``/``in`` complement names: its own head, else any name in it."""
        core = list(complement)
        while len(core) > 1 and core[-1].piece is None and tokens[core[-1].start].norm in FILLERS:
            core.pop()
        if not core or core[-1].piece is None:
            return None  # "of the Chadian Human Rights League": its head is unknown
        heads = [e for e in core if e.piece is not None and not e.modifier]
        for element in reversed(heads):
            context = self._context(element, on=on)
            if context is not None:
                return context
        return None

    def _context(self, element: Element, *, on: dt.date) -> tuple[Entity, int] | None:
        if element.piece is None:
            return None
        ref = element.piece.best
        if ref.kind in (RefKind.ENTITY, RefKind.DEMONYM, RefKind.CAPITAL, RefKind.CITY):
            return self.index.entities[ref.target], ref.kind
        if ref.kind == RefKind.PERSON:
            reading = self._person_reading(self.index.people[ref.target], on=on, past=False)
            if reading is not None and reading.actor.id in self.index.entities:
                return self.index.entities[reading.actor.id], ref.kind
        return None

    def _person_reading(self, person: Person, *, on: dt.date, past: bool) -> Reading | None:
        spell = _current(person.spells, on, person.entity)
        if spell is not None and not past:
            entity = self.index.entities[spell.entity]
            sector = spell.sector if entity.kind is ActorKind.STATE else None
            actor = self._entity_actor(entity, sector=sector, person=person, role=spell.role)
            return Reading(actor, "person")
        if person.entity is not None:
            entity = self.index.entities[person.entity]
            sector = person.sector if entity.kind is ActorKind.STATE else None
            return Reading(self._entity_actor(entity, sector=sector, person=person), "person")
        latest = spell or _latest_before(person.spells, on) or _earliest(person.spells)
        if latest is None:
            return None
        entity = self.index.entities[latest.entity]
        if entity.kind is ActorKind.STATE:
            actor = self._entity_actor(entity, sector=person.sector or "ELI", person=person)
        else:
            actor = self._entity_actor(entity, person=person)
        return Reading(actor, "person")

    def _entity_actor(
        self,
        entity: Entity,
        *,
        sector: str | None = None,
        person: Person | None = None,
        role: str | None = None,
        kind: ActorKind | None = None,
        secondary: str | None = None,
    ) -> Actor:
        cameo: str | None = entity.cameo
        if entity.part_of is not None and entity.part_of in self.index.entities:
            organ = entity
            entity = self.index.entities[entity.part_of]
            sector = sector or organ.sector
            secondary = secondary or organ.secondary
            kind = kind or ActorKind.STATE
        if entity.kind is ActorKind.REGION:
            cameo = (entity.cameo or entity.country or "") + _cameo_role(sector)
        elif entity.kind is ActorKind.STATE:
            if sector is not None and secondary is None and role is not None:
                title = self.index.terms.get(" ".join(key(role)))
                secondary = title.secondary if title is not None else None
            cameo = (entity.cameo or entity.country or "") + _cameo_role(sector) + (secondary or "")
        else:
            sector = entity.sector
        return Actor(
            id=entity.id,
            name=entity.name,
            country=entity.country,
            sector=sector,
            cameo=cameo or None,
            kind=kind or entity.kind,
            person=person.name if person else None,
            role=role,
            wikidata=entity.wikidata,
        )


_STATELIKE = (RefKind.DEMONYM, RefKind.ENTITY)
#: Nouns for several states: "countries at a summit in Switzerland" are not Switzerland's.
_STATES = frozenset({"states", "countries", "nations", "powers"})

#: Honorifics before a name, which say nothing of who it is.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "sheikh", "madam"})

#: Weapons and attacks that stand for the actor using them.
_INSTRUMENTS = frozenset(
    {"missile", "missiles", "rocket", "rockets", "shelling", "shells", "artillery", "drone"}
    | {"drones", "warplane", "warplanes", "jets", "airstrike", "airstrikes", "strikes"}
    | {"bombardment", "bombing", "bombings", "helicopter", "helicopters", "aircraft"}
)

#: Words that make a capitalised run an organisation's name rather than a person's.
_ORGANISATION_WORDS = frozenset(
    {"league", "party", "association", "union", "front", "council", "movement", "army"}
    | {"committee", "federation", "congress", "alliance", "brigade", "brigades", "forces"}
    | {"organisation", "organization", "society", "agency", "ministry", "court", "bank"}
)

#: Nouns for leaders in general, which a religious qualifier makes religious leaders.
_LEADER_NOUNS = frozenset({"leader", "leaders"})

#: Titles and the offices of the reference data they name.
_HEAD_OF_STATE = frozenset(
    {"president", "king", "queen", "monarch", "emir", "sultan", "supreme leader", "head of state"}
)
_HEAD_OF_GOVERNMENT = frozenset({"prime minister", "chancellor", "premier", "head of government"})


#: Titles of the commanders of armed forces, any of which news uses for any of their offices.
_MILITARY_CHIEFS = frozenset(
    {"military chief", "chief of staff", "army chief", "commander", "general"}
)


def _named_before(tokens: Sequence[Token], core: list[Element]) -> bool:
    """Whether an unknown capitalised word stands before the head, with only capitalised
    agent nouns between: part of a longer name ("National People's Congress")."""
    for element in reversed(core[:-1]):
        if not tokens[element.start].upper or tokens[element.start].norm in ARTICLES:
            return False
        if element.piece is None:
            return True
        if kind_of(element) != RefKind.TERM:
            return False
    return False


def _title_fits(title: str, office: str) -> bool:
    """Whether a spoken title (``president``) names a recorded office (``head of state``)."""
    if title == office:
        return True
    if title in _HEAD_OF_STATE:
        return office in ("head of state", "effective leader")
    if title in _HEAD_OF_GOVERNMENT:
        return office in ("head of government", "effective leader", "premier")
    if title in _MILITARY_CHIEFS:  # "General Munir", "Chief of Staff Bagheri"
        return office in _MILITARY_CHIEFS
    if title == "minister":
        return "minister" in office and "prime" not in office
    if title == "leader":
        return office in ("head of state", "head of government", "effective leader")
    return False


def _hyphenated(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` continues a hyphenated name ("Ho-jen")."""
    return i > 0 and text[tokens[i - 1].end : tokens[i].start] == "-"


#: PLOVER sector -> CAMEO role code for the combined ``cameo`` string, where they differ.
_CAMEO_ROLE = {"MED": "HLH", "JRN": "MED", "PRM": "UAF", "PRE": "SEP", "UNK": "", "SOC": "NGO"}


def _cameo_role(sector: str | None) -> str:
    if sector is None:
        return ""
    return _CAMEO_ROLE.get(sector, sector)


def _current(spells: Sequence[Spell], on: dt.date, home: str | None = None) -> Spell | None:
    """The most senior spell on ``on``; on a tie, the one in the person's home entity."""
    active = [s for s in spells if s.covers(on)]
    return min(active, key=lambda s: (s.rank, s.entity != home)) if active else None


def _latest_before(spells: Sequence[Spell], on: dt.date) -> Spell | None:
    past = [s for s in spells if s.end is not None and s.end < on]
    return max(past, key=lambda s: s.end or on) if past else None


def _earliest(spells: Sequence[Spell]) -> Spell | None:
    return min(spells, key=lambda s: s.start or dt.date.min) if spells else None
