"""From argument tokens to actors: the knowledge base on the article's date, generic agents
("Israeli troops" -> ISR/MIL), pronouns and "the group" bound to the actor they refer to."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from realpolitik.actors import ActorBase, ActorMatch
from realpolitik.actors.index import STANCES
from realpolitik.coding.arguments import (
    AGENT_SECTORS,
    MEDIATION_VERBS,
    bare_core,
    conjuncts,
    governor,
    left_core,
    misread_predicate,
    noun_phrase,
    prep_objects,
    subjects,
)
from realpolitik.coding.context import LOCATIVE_PREPS
from realpolitik.model import Actor, ActorKind, Participant, Precision
from realpolitik.places import Gazetteer

#: Definite descriptions that refer back to an actor named earlier, with the kinds they fit.
ANAPHORS: dict[str, tuple[ActorKind, ...]] = {
    "group": (ActorKind.GROUP,), "movement": (ActorKind.GROUP,), "militants": (ActorKind.GROUP,),
    "organisation": (ActorKind.GROUP, ActorKind.IGO, ActorKind.NGO),
    "organization": (ActorKind.GROUP, ActorKind.IGO, ActorKind.NGO),
    "faction": (ActorKind.GROUP,), "militia": (ActorKind.GROUP,), "rebels": (ActorKind.GROUP,),
    "country": (ActorKind.STATE,), "kingdom": (ActorKind.STATE,), "republic": (ActorKind.STATE,),
    "government": (ActorKind.STATE,), "council": (ActorKind.IGO,), "agency": (ActorKind.IGO, ActorKind.NGO),
    "body": (ActorKind.IGO,), "alliance": (ActorKind.IGO,), "bloc": (ActorKind.IGO,),
}  # fmt: skip
#: Verbs of those who bring sides together.
MEDIATING = MEDIATION_VERBS | {"host", "convene"}
#: Possessive pronouns and the subject pronoun whose referent they share.
OWNERS = {"its": "it", "their": "they"}
#: Kinds of actor that are bodies a person speaks for ("the group", "it").
BODIES = frozenset({ActorKind.GROUP, ActorKind.IGO, ActorKind.NGO})
#: Anaphors that stand for a state as a whole.
STATE_WORDS = frozenset({"country", "kingdom", "republic", "nation"})
PERSON_WORDS = frozenset({"minister", "president", "leader", "chief", "premier", "official",
                          "spokesman", "spokeswoman", "commander", "king", "envoy", "he", "she",
                          "him", "her", "his", "secretary-general", "diplomat", "emir", "prince"})  # fmt: skip
NONPERSON_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
#: Verbs of saying whose reported clause's pronoun subject is the speaker ("X says it will").
REPORTING = frozenset({"say", "claim", "announce", "insist", "state", "declare", "confirm",
                       "add", "report", "warn", "vow", "pledge", "threaten", "promise"})  # fmt: skip


class Mentions:
    """Actor mentions of one document, and resolution of argument tokens to participants."""

    def __init__(
        self,
        doc: Doc,
        *,
        kb: ActorBase,
        on: dt.date,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.on = on
        self.gazetteer = gazetteer
        scanned = [m for m in kb.scan(doc.text, on=on) if not _common_word(m.text, m.actor)]
        merged = _merge(scanned, self._named(doc, kb, on))
        self.matches: list[ActorMatch] = [
            m
            for m in merged
            if (m.actor.person is not None or not _stance(doc.text, m.start))
            and not _currency(doc.text, m)
            and not _inside_other_name(doc, m, kb, on)
        ]
        self._starts = [m.start for m in self.matches]
        self._cache: dict[tuple[int, int], Actor | None] = {}

    @staticmethod
    def _named(doc: Doc, kb: ActorBase, on: dt.date) -> list[ActorMatch]:
        """Named entities the parser found, resolved one by one: a second net under the
        knowledge base's own scan (places after "in" stay places)."""
        found = []
        for ent in doc.ents:
            if ent.label_ not in NAMED_ACTOR_LABELS:
                continue
            before = doc[ent.start - 1] if ent.start > 0 else None
            if ent.label_ in ("GPE", "LOC") and before is not None and before.lower_ in LOCATIVES:
                continue
            actor = resolve_text(kb, ent.text, on=on)
            if actor is not None:
                found.append(ActorMatch(ent.start_char, ent.end_char, ent.text, actor, "ner"))
        return found

    def participants(self) -> list[Participant]:
        return [Participant(m.text, m.actor, m.start, m.end) for m in self.matches]

    # -- resolution of an argument token ------------------------------------------------

    def resolve(self, token: Token, *, allow_place: bool = False) -> list[Participant]:
        """Participants an argument token stands for: one per coordinated actor."""
        out: list[Participant] = []
        heads = conjuncts(token)
        for head in heads:
            if head is not heads[0] and self._one_name(heads[0], head):
                continue  # "Saint Vincent and the Grenadines": one state, not two
            if _both_sides(head):
                out += [
                    p for p in self._two_sides(head) if all(p.actor.id != o.actor.id for o in out)
                ]
                continue
            found = self._resolve_one(head, allow_place=allow_place)
            if found is None:
                continue
            if found.actor.kind is ActorKind.REGION:
                named = self._listed_states(head, found.actor.sector, MEMBER_LISTS)
                if named:  # "the West African states of Benin and Togo": Benin and Togo
                    out += [p for p in named if all(p.actor.id != o.actor.id for o in out)]
                    continue
            others = [*self._coordinated_modifiers(head, found), *self._coordinated_of(head, found)]
            lead = next(_coordinated_lefts(head), None)
            if others and found.actor.sector is None and lead is not None:
                found = self._headed(found, lead, head)
            for one in (found, *others):
                if all(p.actor.id != one.actor.id for p in out):
                    out.append(one)
        return out

    def _coordinated_modifiers(self, head: Token, first: Participant) -> list[Participant]:
        """ "French and German officials": the states of the modifiers after the first, in
        the first one's sector."""
        if first.actor.kind is not ActorKind.STATE:
            return []
        sector = first.actor.sector
        out = []
        for child in _coordinated_lefts(head):
            for conj in child.conjuncts:
                state = self._state(conj.left_edge.idx, conj.idx + len(conj), sector)
                if state is not None:
                    out.append(self._headed(state, conj, head))
        return out

    def _headed(self, state: Participant, modifier: Token, head: Token) -> Participant:
        """A state named by one of several coordinated modifiers, in the sector its modifier
        gives the shared head noun: "Moroccan and French troops" are Moroccan troops and
        French troops, not Morocco and France."""
        if state.actor.sector is not None:
            return state
        words = self.doc.text[modifier.left_edge.idx : modifier.idx + len(modifier)]
        actor = resolve_text(self.kb, f"{words} {head.text}", on=self.on)
        if actor is None or actor.country != state.actor.country or actor.sector is None:
            return state
        return Participant(state.text, actor, state.start, state.end)

    def _one_name(self, first: Token, other: Token) -> bool:
        """Whether one name in the base spans both coordinated words."""
        lo = bisect.bisect_right(self._starts, first.idx)
        return any(
            m.start <= first.idx and other.idx + len(other) <= m.end
            for m in self.matches[max(0, lo - 3) : lo]
        )

    def _two_sides(self, head: Token) -> list[Participant]:
        """ "the two sides", "both countries": the last two different states, groups or
        organisations named together before ("Russia and Ukraine", "Maduro and Ali"), not a
        host or mediator named in between."""
        lo = bisect.bisect_left(self._starts, head.idx)
        before = [m for m in self.matches[max(0, lo - 30) : lo] if m.end <= head.idx]
        start, end = head.left_edge.idx, head.idx + len(head)
        words = self.doc.text[start:end]
        if head.lemma_.lower() in PAIRS_OF_PEOPLE:
            # "Amirabdollahian met Nakhalah … The two men discussed": the last two people
            # named, in this sentence or the one before
            sent = head.sent
            opening = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
            people: dict[str, ActorMatch] = {}
            for m in reversed(before):
                if m.start < opening:
                    break
                if m.actor.person is not None and m.actor.person not in people:
                    people[m.actor.person] = m
            if len(people) == 2:
                return [Participant(words, m.actor, start, end) for m in people.values()]
            return []
        for second, first in zip(reversed(before), reversed(before[:-1]), strict=False):
            gap = self.doc.text[first.end : second.start].strip().lower()
            if (
                gap in ("and", "&")
                and first.actor.kind in SIDE_KINDS
                and second.actor.kind in SIDE_KINDS
                and first.actor.id != second.actor.id
                and not self._mediating(first.start, second.end)
            ):
                return [Participant(words, m.actor, start, end) for m in (first, second)]
        return []

    def _mediating(self, start: int, end: int) -> bool:
        """Whether the pair in ``start:end`` brought the sides together ("CARICOM and Brazil
        helped arrange the meeting"): mediators, not sides."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        while node.dep_ in ("appos", "conj") and node.head != node:
            node = node.head  # "Gonsalves, the bloc CARICOM and Brazil helped"
        if not node.dep_.startswith("nsubj"):
            return False
        verb = node.head
        acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        return any(a.lemma_.lower() in MEDIATING for a in acts)

    def _coordinated_of(self, head: Token, first: Participant) -> list[Participant]:
        """ "the leaders of Brunei, Singapore and Myanmar": the states coordinated in the
        head's "of" phrase after the first, in the first one's sector."""
        if first.actor.kind is not ActorKind.STATE or head.lower_ in ANAPHORS:
            return []
        return self._listed_states(head, first.actor.sector, ("of",), after_first=True)

    def _listed_states(
        self, head: Token, sector: str | None, preps: Sequence[str], *, after_first: bool = False
    ) -> list[Participant]:
        """The states coordinated in the head's phrases opened by one of ``preps`` ("of",
        "including", "such as"), in ``sector``; ``after_first``: all but the first."""
        out = []
        for prep in head.children:
            if prep.dep_ != "prep" or _preposition(prep) not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for member in conjuncts(obj)[1 if after_first else 0 :]:
                    state = self._state(member.left_edge.idx, member.idx + len(member), sector)
                    if state is not None:
                        out.append(state)
        return out

    def _state(
        self, start: int, end: int, sector: str | None, *, upto: int | None = None
    ) -> Participant | None:
        """The state named by the text from ``start`` to ``end``, in ``sector`` when it has
        none of its own; the participant's text runs on to ``upto`` (its head noun)."""
        actor = self._kb(start, end)
        if actor is None or actor.kind is not ActorKind.STATE:
            return None
        if sector and actor.sector is None:
            actor = with_sector(actor, sector)
        stop = upto or end
        return Participant(self.doc.text[start:stop], actor, start, stop)

    def _resolve_one(self, head: Token, *, allow_place: bool) -> Participant | None:
        lower = head.lower_
        if head.lemma_.lower() in ACTS and self._city_modified(head):
            return None  # "the Paris attacks": where they were, not who made them
        if (
            lower in ANAPHORS
            and _definite(head)
            and (_named_left_modifier(head) or _named_of(head))
        ):
            # "the Guatemalan government", "the government of Brazil" name their own actor;
            # "the Iran-backed group" does not
            named = self._named_phrase(head, allow_place=allow_place)
            if named is not None:
                return named
        if (
            head.pos_ == "PRON"
            or (lower in ANAPHORS and _definite(head))
            or (lower in STATE_WORDS and _owned_by_person(head))
            or (lower in PERSON_WORDS and _definite(head) and not _has_named_modifier(head))
        ):
            if relative_pronoun(head):
                return self._relative(head)
            bound = self._subject_owns(head) or self._reporter(head) or self._antecedent(head)
            if bound is not None:
                return bound
            if head.pos_ == "PRON":
                return None
        return self._named_phrase(head, allow_place=allow_place)

    def _named_phrase(self, head: Token, *, allow_place: bool) -> Participant | None:
        """The actor the phrase headed by ``head`` names itself (no anaphora)."""
        owner = self._owner(head)
        if owner is not None:
            return owner
        found = self._own_words(left_core(head), bare_core(head), _before_places(head))
        if found is not None:
            return found
        found = self._with_place(head)
        if found is not None:
            return found
        found = self._hyphen_split(head)
        if found is not None:
            return found
        # "the Saudi-led coalition battling Houthi rebels": its leader, before anyone deeper in
        found = self._leader(head) or self._from_matches(head) or self._from_modifiers(head)
        if found is not None:
            return found
        if allow_place and self.gazetteer is not None:
            return self._place_actor(head)
        return None

    def _own_words(self, *ranges: tuple[int, int]) -> Participant | None:
        """The actor the first of the token ``ranges`` names as a whole, if any."""
        for start, end in ranges:
            span = self.doc[start:end]
            actor = self._kb(span.start_char, span.end_char)
            if actor is not None and not _common_word(span.text, actor):
                return Participant(span.text, actor, span.start_char, span.end_char)
        return None

    def _with_place(self, head: Token) -> Participant | None:
        """The whole phrase with its place ("the government in Kabul"), when the place names
        a state or its capital rather than a person ("a lawyer in Lagos" is no Ricardo Lagos)."""
        cut = _before_places(head)[1]
        start, end = noun_phrase(head)
        if cut >= end:
            return None
        obj = next((c for c in self.doc[cut].children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        place = self.doc[obj.left_edge.i : obj.i + 1]  # "in Iraq and Syria": Iraq
        where = self._kb(place.start_char, place.end_char)
        if where is None or where.person is not None or where.kind is not ActorKind.STATE:
            return None
        return self._own_words((start, end))

    def _previous_subject(self, head: Token, *, named: bool = True) -> Token | None:
        """The main subject of the sentence before ``head``'s, when ``head`` opens its own
        sentence's main clause (the one a "he" or an "it" continues); with ``named``, only
        a name."""
        sent = head.sent
        if head.head.dep_ != "ROOT" or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        if named and not (subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN"):
            return None
        return subject

    def _owner(self, head: Token) -> Participant | None:
        """ "its forces", "their fighters": the agents of the actor the pronoun refers to
        (not their acts: "called off their strike")."""
        if head.lemma_.lower() in ACTS:
            return None
        sector = AGENT_SECTORS.get(head.lemma_.lower())
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if sector is None or poss is None or poss.lower_ not in ("its", "their", "his", "her"):
            return None
        bound = self._reporter(poss) or self._antecedent(poss)
        if bound is None:
            return None
        actor = bound.actor
        if actor.person is not None:
            # "al-Burhan said his forces had withdrawn": the forces of the state he serves
            if actor.kind is not ActorKind.STATE or not actor.country:
                return None
            state = state_actor(self.kb, actor.country, on=self.on)
            if state is None:
                return None
            actor = with_sector(state, sector)
        elif actor.kind is ActorKind.STATE and actor.sector is None:
            actor = with_sector(actor, sector)
        end = head.idx + len(head)
        return Participant(self.doc.text[poss.idx : end], actor, poss.idx, end)

    def _kb(self, start: int, end: int) -> Actor | None:
        key = (start, end)
        if key not in self._cache:
            actor = resolve_text(self.kb, self.doc.text[start:end], on=self.on)
            if actor is not None and actor.person is None and _stance(self.doc.text, start):
                actor = None  # "anti-Israel riots" (but "pro-Hadi forces" are Hadi's)
            self._cache[key] = actor
        return self._cache[key]

    def _hyphen_split(self, head: Token) -> Participant | None:
        """A hyphenated name the parser split into several words ("Hezb-e-Islami" as "Hezb",
        "-", "Islami"): the known name the word is part of."""
        lo = bisect.bisect_right(self._starts, head.idx)
        for m in self.matches[max(0, lo - 3) : lo]:
            inside = m.start <= head.idx and head.idx + len(head) <= m.end
            if inside and "-" in m.text and (m.start, m.end) != (head.idx, head.idx + len(head)):
                return Participant(m.text, m.actor, m.start, m.end)
        return None

    def _inside(self, start: int, end: int) -> list[ActorMatch]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.matches[lo:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def _from_matches(self, head: Token) -> Participant | None:
        """An actor named inside the phrase: a modifier makes a generic agent ("Israeli
        troops"); an apposition or an "of" phrase names the actor itself."""
        start, end = noun_phrase(head)
        span = self.doc[start:end]
        places = _locative_spans(head)  # "assailants in Sampaloc, Manila": not Manila

        def named(m: ActorMatch) -> bool:
            return not _backed(self.doc, m) and not any(a <= m.start < b for a, b in places)

        candidates = [m for m in self._inside(span.start_char, span.end_char) if named(m)]
        if not candidates:
            sub = list(head.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
            for clause in head.children:
                if misread_predicate(clause):  # "The rebels handed their arms to the UN"
                    hi = min(hi, clause.left_edge.idx)
            # "the gunmen who killed soldiers in Lagos": a place deeper in, no actor
            candidates = [m for m in self._inside(lo, hi) if named(m) and not self._placed(m)]
        if not candidates:
            return None
        best = min(candidates, key=lambda m: _distance(self.doc, head, m))
        actor = best.actor
        sector = AGENT_SECTORS.get(head.lemma_.lower())
        if head.idx < best.start and not sector:  # "the blockade of Qatar": Qatar
            return Participant(best.text, actor, best.start, best.end)
        if (
            sector
            and head.idx >= best.end
            and actor.kind is ActorKind.STATE
            and actor.sector is None
        ):
            actor = with_sector(actor, sector)
        text_start = min(best.start, head.idx)
        text_end = max(best.end, head.idx + len(head))
        return Participant(self.doc.text[text_start:text_end], actor, text_start, text_end)

    def _relative(self, head: Token) -> Participant | None:
        """ "the Houthis, who attacked": the noun the clause modifies, named by its own words
        or its modifiers; a generic agent ("the gunmen who …") is left to the coder; a thing
        made ("the parliament passed laws that ban UNRWA") stands for its maker."""
        noun = head.head.head
        found = self._own_words(left_core(noun), bare_core(noun))
        if found is not None:
            return found
        found = self._from_modifiers(noun)
        if found is not None or AGENT_SECTORS.get(noun.lemma_.lower()) or noun.dep_ != "dobj":
            return found
        for subject in subjects(noun.head):  # "the parliament passed laws that ban …"
            for one in self.resolve(subject):
                return Participant(head.text, one.actor, head.idx, head.idx + len(head))
        return None

    def _city_modified(self, head: Token) -> bool:
        """Whether a city's name (a compound, not a possessive) modifies ``head``."""
        return any(
            child.dep_ in ("compound", "nmod") and names_city(self.gazetteer, child)
            for child in head.lefts
        )

    def _placed(self, match: ActorMatch) -> bool:
        """Whether a person's name, a state's or a capital's only says where: the object of a
        place preposition ("in Lagos", "the slums of Nairobi, Kenya")."""
        state = match.actor.kind is ActorKind.STATE and match.actor.sector in (None, "GOV")
        if match.actor.person is None and not state:
            return False
        span = self.doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.head != token:
            if token.dep_ in ("appos", "compound"):
                token = token.head
            elif token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
                return True
            elif token.dep_ == "pobj" and token.head.lower_ == "of":
                token = token.head.head  # "the slums of Nairobi": the slums' place
            else:
                return False
        return False

    def _from_modifiers(self, head: Token) -> Participant | None:
        """A nationality or state name modifying the head: "Iraqi towns" -> Iraq,
        "Hungarian and Romanian officials" -> Hungary (its government)."""
        sector = AGENT_SECTORS.get(head.lemma_.lower())
        leader = self._leader(head)
        if leader is not None:
            return leader
        for child in head.lefts:
            if child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            if child.dep_ == "compound" and child.pos_ == "PROPN" and head.pos_ == "PROPN":
                continue  # "Jonathan Dowdall": a first name, not Goodluck Jonathan
            end = head.idx + len(head)
            state = self._state(child.left_edge.idx, child.idx + len(child), sector, upto=end)
            if state is not None:
                return state
        if sector is None:
            return None
        # "rebels in the Ivory Coast", "students from Indonesia": an agent and its country
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of", "throughout"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                lo, hi = obj.left_edge.idx, obj.idx + len(obj)
                actor = self._kb(lo, hi)
                if actor is not None and actor.person is not None:
                    actor = None  # "soldiers in Lagos": a place, not Ricardo Lagos
                if actor is None and self.gazetteer is not None:
                    place = self.gazetteer.locate(self.doc.text[lo:hi])
                    if place is not None and place.country:
                        actor = state_actor(self.kb, place.country, on=self.on)
                if actor is not None and actor.kind is ActorKind.STATE:
                    actor = with_sector(actor, sector) if actor.sector is None else actor
                    return Participant(self.doc.text[head.idx : hi], actor, head.idx, hi)
        return None

    def _leader(self, head: Token) -> Participant | None:
        """ "Saudi-led coalition warplanes", "the US-led coalition": the forces of the state
        that leads them (a backer, "Iran-backed", is no such leader)."""
        for t in head.subtree:
            if t.i >= head.i:
                break
            if t.lower_ != "led" or t.i == 0 or self.doc[t.i - 1].text != "-":
                continue
            lead = next((c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
            if lead is None:
                continue
            sector = AGENT_SECTORS.get(head.lemma_.lower(), "MIL")
            end = head.idx + len(head)
            state = self._state(lead.left_edge.idx, lead.idx + len(lead), sector, upto=end)
            if state is not None:
                return state
        return None

    def _place_actor(self, head: Token) -> Participant | None:
        assert self.gazetteer is not None
        start, end = left_core(head)
        span = self.doc[start:end]
        place = self.gazetteer.locate(span.text)
        if place is None or not place.country:
            return None
        actor = state_actor(self.kb, place.country, on=self.on)
        if actor is None:
            return None
        return Participant(span.text, actor, span.start_char, span.end_char)

    def _subject_owns(self, head: Token) -> Participant | None:
        """ "it would continue its attacks": a possessive pronoun is its clause's pronoun
        subject's ("its" the same "it", "their" the same "they")."""
        pronoun = OWNERS.get(head.lower_)
        verb = governor(head.head) if head.dep_ == "poss" else None
        if pronoun is None or verb is None:
            return None
        for subject in subjects(verb):
            if subject.lower_ == pronoun:
                bound = self.resolve(subject)
                if bound:
                    actor = bound[0].actor
                    return Participant(head.text, actor, head.idx, head.idx + len(head))
        return None

    def _reporter(self, head: Token) -> Participant | None:
        """ "The Iraqi military says it has seized …": the subject of a clause that a verb of
        saying reports is, as a pronoun, that verb's own subject (of the same kind: "it" for
        a body, "he" for a person)."""
        subject = head.head if head.dep_ == "poss" else head  # "says its jets struck"
        clause = subject.head
        state = head.lower_ in STATE_WORDS and _owned_by_person(head)  # "told … his country"
        if not (head.pos_ == "PRON" or state):
            return None
        if not subject.dep_.startswith("nsubj") or clause.dep_ != "ccomp":
            return None
        if clause.head.lemma_.lower() not in (*REPORTING, "tell"):
            return None
        person = head.lower_ in PERSON_PRONOUNS or state
        for speaker in subjects(clause.head):
            if speaker.pos_ == "PRON":
                continue
            for found in self.resolve(speaker):
                if (found.actor.person is not None) != person:
                    continue
                actor: Actor | None = found.actor
                if state and found.actor.country:
                    actor = state_actor(self.kb, found.actor.country, on=self.on)
                if actor is not None:
                    return Participant(head.text, actor, head.idx, head.idx + len(head))
        return None

    def _antecedent(self, head: Token) -> Participant | None:
        lower = head.lower_
        want_person = lower in PERSON_PRONOUNS or lower in PERSON_WORDS
        if lower in PERSON_PRONOUNS and head.dep_.startswith("nsubj"):
            named = self._previous_subject(head)
            if named is not None:  # "Khan sought warrants … He also sought …": Khan
                found = self._named_phrase(named, allow_place=False)
                if found is None or found.actor.person is None:
                    return None  # a person the base does not know: not someone else
                return Participant(head.text, found.actor, head.idx, head.idx + len(head))
        if lower == "it" and head.dep_.startswith("nsubj"):
            subject = self._previous_subject(head, named=False)
            found = self._named_phrase(subject, allow_place=False) if subject else None
            if found is not None and found.actor.person is None:
                # "The Israeli military said it hit sites in Tehran. It warned Iran …": the
                # military, not the last name before "It"
                return Participant(head.text, found.actor, head.idx, head.idx + len(head))
        kinds = ANAPHORS.get(lower)
        lo = bisect.bisect_left(self._starts, head.idx) - 1
        for m in reversed(self.matches[max(0, lo - 40) : lo + 1]):
            if m.end > head.idx:
                continue
            actor = m.actor
            if want_person and actor.person is None:
                continue
            if (  # "Syrian rebels quit talks with the government": Syria's government
                lower == "government"
                and actor.kind is ActorKind.GENERIC
                and actor.country
                and m.start >= head.sent.start_char
            ):
                state = state_actor(self.kb, actor.country, on=self.on)
                if state is not None:
                    actor = with_sector(state, "GOV")
                    return Participant(head.text, actor, head.idx, head.idx + len(head))
            if (
                lower in STATE_WORDS
                and actor.country
                and actor.kind in (ActorKind.STATE, ActorKind.PERSON)
            ):
                # "the country", "Sall said his country …": the state itself, not its
                # government or army, nor the person
                state = state_actor(self.kb, actor.country, on=self.on)
                if state is not None:
                    return Participant(head.text, state, head.idx, head.idx + len(head))
            if not want_person and actor.person is not None and actor.kind in BODIES:
                # "Houthi negotiator Abdulsalam said … The group said it would …": his body
                actor = dataclasses.replace(actor, person=None, role=None)
            if not want_person and kinds and actor.kind not in kinds:
                continue
            if lower == "government" and actor.person is not None and actor.sector != "GOV":
                continue  # a former leader is no government
            if lower in NONPERSON_PRONOUNS and (
                actor.person is not None or actor.kind is ActorKind.GENERIC
            ):
                continue
            if lower in NONPERSON_PRONOUNS and _backed(self.doc, m):
                continue
            return Participant(head.text, actor, head.idx, head.idx + len(head))
        return None


NAMED_ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})
LOCATIVES = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "within", "into", "from"}
)


def _merge(primary: list[ActorMatch], extra: list[ActorMatch]) -> list[ActorMatch]:
    """``primary`` plus the ``extra`` matches that overlap none of them, in text order."""
    taken = [(m.start, m.end) for m in primary]
    merged = list(primary)
    for m in extra:
        if all(m.end <= a or m.start >= b for a, b in taken):
            merged.append(m)
    return sorted(merged, key=lambda m: (m.start, m.end))


#: Kinds of actor that news names with capitals: "an amnesty" is no Amnesty International.
NAMED_KINDS = frozenset({ActorKind.IGO, ActorKind.NGO, ActorKind.GROUP, ActorKind.PERSON})


def _common_word(text: str, actor: Actor) -> bool:
    """Whether ``text`` names ``actor`` only as a common word would: written all in lower case,
    as no organisation, group or person is."""
    return actor.kind in NAMED_KINDS and text == text.lower()


def resolve_text(kb: ActorBase, text: str, *, on: dt.date) -> Actor | None:
    """``kb.resolve``, also reading a title-case acronym as written in some house styles
    ("Farc", "Ecowas", "Nato") as the acronym."""
    actor = kb.resolve(text, on=on)
    if actor is not None:
        return actor
    words = text.split()
    last = words[-1] if words else ""
    if 3 <= len(last) <= 7 and last.istitle() and last.isalpha():
        return kb.resolve(" ".join([*words[:-1], last.upper()]), on=on)
    return None


def state_actor(kb: ActorBase, iso3: str, *, on: dt.date) -> Actor | None:
    """The state with ISO code ``iso3`` as an actor on ``on``."""
    entity = kb.entity(iso3.lower())
    if entity is None:
        return None
    actor = kb.resolve(entity.name, on=on)
    return actor if actor is not None and actor.kind is ActorKind.STATE else None


#: Sectors through which a state acts; other generic agents of a country ("Palestinian
#: civilians", "protesters in Lahore") are actors of their own, ``<iso3>-<sector>``.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})


def with_sector(actor: Actor, sector: str) -> Actor:
    """A state's generic agent: Israel + troops -> ISR/MIL; Pakistan + protesters -> pak-opp."""
    country = actor.country or ""
    generic = dataclasses.replace(
        actor, sector=sector, cameo=f"{country}{sector}", kind=ActorKind.GENERIC
    )
    return canonical(generic)


#: Agent nouns that name an act, not its agents ("their strike" is no army).
ACTS = frozenset({"strike", "airstrike", "attack", "raid", "fire", "gunfire", "shelling",
                  "bombardment", "bombing", "blast", "explosion", "shooting"})  # fmt: skip


def canonical(actor: Actor) -> Actor:
    """Give a country's non-state generic agent an id of its own (``pse-cvl``), apart from
    the state (``pse``), as the importers do."""
    if (
        actor.kind is ActorKind.GENERIC
        and actor.sector
        and actor.sector not in STATE_SECTORS
        and actor.country
        and actor.id == actor.country.lower()
    ):
        name = f"{actor.name} ({actor.sector})"
        return dataclasses.replace(actor, id=f"{actor.id}-{actor.sector.lower()}", name=name)
    return actor


#: The phrases in which a region's noun lists its members ("the West African states of
#: Benin and Togo", "African countries such as Kenya", "… including Chad").
MEMBER_LISTS = ("of", "including", "such as")
#: Dependencies of the modifiers that coordinated states share a noun through.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _coordinated_lefts(head: Token) -> Iterator[Token]:
    """The head's modifiers coordinated with others ("French" in "French and German
    officials")."""
    return (c for c in head.lefts if c.dep_ in MODIFIER_DEPS and c.conjuncts)


def _preposition(prep: Token) -> str:
    """A preposition's words: "such as" for the "as" of "such as"."""
    if prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children):
        return "such as"
    return prep.lower_


#: What "the two sides" can refer back to.
SIDE_KINDS = frozenset({ActorKind.STATE, ActorKind.GROUP, ActorKind.IGO})


#: "the two men", "both leaders": two people named before.
PAIRS_OF_PEOPLE = frozenset({"man", "woman", "leader", "minister", "president"})


def _both_sides(token: Token) -> bool:
    """ "the two sides", "both sides", "the two countries", "the two men"."""
    words = {c.lower_ for c in token.children}
    return (
        token.lemma_.lower() in ("side", "country", "nation", "party", *PAIRS_OF_PEOPLE)
        and token.tag_ == "NNS"
        and ("both" in words or {"the", "two"} <= words)  # not "two Belgian men"
        and not any(c.dep_ in ("amod", "compound") for c in token.children)
    )


def relative_pronoun(token: Token) -> bool:
    """ "who", "which", "that" opening a relative clause."""
    return token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl"


def names_city(gazetteer: Gazetteer | None, token: Token) -> bool:
    """Whether the name ending at ``token`` is a city's (not a state's): "Paris" in "the
    Paris attacks"."""
    if gazetteer is None or token.pos_ != "PROPN":
        return False
    place = gazetteer.locate(token.doc.text[token.left_edge.idx : token.idx + len(token)])
    return place is not None and place.precision in (Precision.CITY, Precision.POINT)


def _owned_by_person(token: Token) -> bool:
    """ "his country", "her country": a state word owned by a person pronoun."""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children)


def _definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in token.children)  # fmt: skip


def _has_named_modifier(token: Token) -> bool:
    return any(c.pos_ == "PROPN" or c.ent_type_ for c in token.subtree if c != token)


def _named_left_modifier(token: Token) -> bool:
    """ "the Guatemalan government", "the Hamas movement": a name before the head (not the
    backer of "the Iran-backed group", nor anything in a clause after it)."""
    return any(
        c.i < token.i
        and c.dep_ in ("amod", "compound", "nmod")
        and (c.pos_ == "PROPN" or c.ent_type_)
        for c in token.children
    )


def _named_of(token: Token) -> bool:
    """ "the government of Brazil": a name in the head's own "of" phrase."""
    return any(
        g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "ORG", "NORP")
        for g in prep_objects(token, preps=("of",))
    )


#: Prepositions of place whose object names no actor: those that place an event, less the
#: ones that can aim at someone ("near the Ukrainian border", "a water cannon at Philippine
#: boats", "off the Yemeni coast").
PLACE_PREPS = LOCATIVE_PREPS - {"at", "near", "off"}


def _before_places(head: Token) -> tuple[int, int]:
    """The head's noun phrase (token range) up to its first place phrase: "a lawyer in
    Lagos" is a lawyer, not someone named Lagos."""
    start, end = noun_phrase(head)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and start < child.i < end:
            end = child.i
    while end > head.i + 1 and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _locative_spans(head: Token) -> list[tuple[int, int]]:
    """Character ranges of the place phrases hanging from ``head`` ("in Phuket, Thailand")."""
    spans = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            sub = list(child.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def _inside_other_name(doc: Doc, match: ActorMatch, kb: ActorBase, on: dt.date) -> bool:
    """ "Jonathan Dowdall": the first word of a longer person's name the parser found is not
    the person known by that word alone (Goodluck Jonathan), unless the whole name is theirs."""
    if match.actor.person is None or " " in match.text.strip():
        return False
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= span.start and span.end <= ent.end:
            words = [t for t in ent if t.tag_ != "POS"]  # "Bagheri Kani's"
            if len(words) <= len(span) or span.start != words[0].i:
                return False  # only a first name: "Dole" in "Bob Dole" is Dole's surname
            name = {w.lower() for w in match.actor.person.split()}
            if all(t.lower_ in name for t in words):
                return False  # "Bagheri Kani" of Ali Bagheri Kani
            text = doc.text[words[0].idx : words[-1].idx + len(words[-1])]
            whole = resolve_text(kb, text, on=on)
            return whole is None or whole.person != match.actor.person
    return False


def _currency(text: str, match: ActorMatch) -> bool:
    """ "US$1.6 billion", "HK$", "A$": a currency's prefix, not the state."""
    return text[match.end : match.end + 1] == "$"


def _stance(text: str, start: int) -> bool:
    """Whether the name starting at ``start`` only says whose side someone takes:
    "pro-Palestinian protesters" in Washington are no Palestinians, nor are
    "anti-Israel" marchers Israel."""
    before = text[max(0, start - 5) : start].lower()
    return any(before.endswith(word + sep) for word in STANCES for sep in "- ")


def _backed(doc: Doc, match: ActorMatch) -> bool:
    """Whether the mention only modifies: "Iran-backed", "Israeli-occupied"."""
    after = doc.text[match.end : match.end + 12].lower()
    return after.startswith(("-backed", "-supported", "-sponsored", "-funded", "-armed", "-allied",
                             "-aligned", "-led", "-occupied", "-controlled", "-held", "-run", "-owned",
                             "-based", "-linked", "-affiliated"))  # fmt: skip


def _distance(doc: Doc, head: Token, match: ActorMatch) -> tuple[int, int]:
    """Tree distance from ``head`` to the mention's first token (ties: nearer in the text)."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return (99, abs(match.start - head.idx))
    token = span.root
    depth = 0
    current = token
    while current != head and current.head != current and depth < 20:
        current = current.head
        depth += 1
    if current != head:
        depth = 50
    return (depth, abs(match.start - head.idx))


def participants_differ(a: Sequence[Participant], b: Sequence[Participant]) -> bool:
    return {p.actor.id for p in a} != {p.actor.id for p in b}
