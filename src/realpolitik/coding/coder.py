"""The event coder: triggers from the lexicon, actors from the parse, codes from the codebook.

For each sentence: find trigger words (verbs, nouns, "X-backed Y"), drop the negated ones and
the ones that are only the content of another act ("accused Israel of attacking" is one
ACCUSE, not an attack), find source and target in the dependency tree, resolve them on the
article's date, narrow the CAMEO code by its object, and keep one event per (source, PLOVER
type, target) in the sentence.  A small learned sentence model (``classifier``) then re-ranks
the sentence's events and drops unlikely extras; it never adds an event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.actors import ActorBase
from realpolitik.coding import arguments as arg
from realpolitik.coding.classifier import PentaClassifier, rerank
from realpolitik.coding.context import TOPIC_VERBS, event_date, locate
from realpolitik.coding.lexicon import Lexicon, Match, hyphenated
from realpolitik.coding.mentions import (
    REPORTING,
    Mentions,
    canonical,
    names_city,
    participants_differ,
    relative_pronoun,
    state_actor,
    with_sector,
)
from realpolitik.model import (
    Actor,
    Article,
    Event,
    Location,
    Participant,
    Plover,
    Precision,
    stable_id,
)
from realpolitik.model import (
    Span as TextSpan,
)
from realpolitik.ontology import Ontology
from realpolitik.places import Gazetteer

#: PLOVER types that require a recipient (PLOVER v0.8: COOPERATE, AID, SANCTION).  A bare
#: verb of these ("helped", "cooperated") is an event only with a recipient found; a trigger
#: that names what was given or done ("provided aid", "imposed sanctions", "the aid") is one
#: whose recipient the text leaves unnamed, kept with a lower confidence like any other.
NEEDS_TARGET = frozenset({"COOPERATE", "AID", "SANCTION"})
#: Codes whose trigger takes a place as target standing for its country ("visited Tehran").
PLACE_TARGETS = ("042", "043", "19", "18", "20", "17", "15")
#: Roots of violence (CAMEO 18-20): assault, fight, mass violence.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Roots of force whose target, when the text names none, is the state where it happened.
PLACE_TARGET_ROOTS = VIOLENT_ROOTS
#: Roots whose object clause is reported content, not a separate event.
CONTENT_ROOTS = frozenset({"02", "03", "09", "10", "11", "12", "13", "14"})
#: Roots whose target may be the object of their complement ("threatened to strike Israel");
#: for rejections only a cooperative complement ("refused to lift sanctions on Iran"), since
#: "refused to attack X" rejects nothing of X's.
COMPLEMENT_TARGET_ROOTS = frozenset({"02", "03", "10", "12", "13"})
#: Roots whose nominal trigger names its source with "from" ("warnings from China").
SPOKEN_FROM_ROOTS = frozenset({"02", "03", "05", "07", "10", "11", "12", "13"})
#: Roots of cooperative acts, whose refusal is coded as REJECT.
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: Words for the relations two sides restore or establish together.
TIES = frozenset({"relations", "ties", "relation"})
#: Words that make a cooperative act mutual between coordinated sides.
MUTUAL = frozenset({"joint", "jointly", "bilateral", "mutual", "together"})
#: Verbs of an exchange between coordinated sides.
SWAPS = frozenset({"swap", "exchange", "trade"})
#: Reciprocal acts: "Iran and Russia met" is a meeting of each with the other.
RECIPROCAL = ("040", "041", "042", "043", "044", "046", "057", "06", "190", "193", "0871",
              "0356", "036")  # fmt: skip
#: Roots whose object is often the actor's own ("withdrew its troops", "recalled its
#: ambassador", "put its army on alert"): such an object is no target, and the object's own
#: prepositional object may be one ("its ambassador to Spain").
OWN_OBJECT_ROOTS = frozenset({"08", "13", "15", "16"})
#: Roots where a state's branches can be each other's targets ("the government urged
#: parliament"); not meetings and visits (a minister "returned to Iran"), acts on one's
#: own (``OWN_OBJECT_ROOTS``: "recalled its ambassador"), or force ("Syrian forces struck
#: Damascus").
DOMESTIC_ROOTS = frozenset({"01", "02", "03", "05", "06", "07", "09", "10", "11", "12"})
#: Documents that speak for whoever issues them ("a resolution demanding a ceasefire").
DOCUMENTS = frozenset({"resolution", "statement", "declaration", "communique", "letter",
                       "motion", "decree", "report", "text", "draft"})  # fmt: skip
#: Verbs whose complement is an act denied, not done (CAMEO 016, no PLOVER event).
DENIALS = frozenset({"deny", "refute"})
#: Auxiliaries of obligation: what a speaker says another "must" do is a demand.
OBLIGATION = frozenset({"must", "should"})
#: What one declines to do when declining comment (CAMEO 011, no PLOVER event).
NO_COMMENT = frozenset({"comment", "elaborate", "discuss", "speculate", "specify", "say"})
#: Words of a fight between sides; with protesters on one side, a violent protest.
CLASHES = frozenset({"clash", "scuffle", "fight", "battle", "skirmish", "confront"})
#: Names that condemn what they are given: "called the strike a war crime".
DENOUNCING = frozenset({"crime", "provocation", "disgrace", "escalation", "aggression",
                        "terrorism", "terrorist", "outrageous", "dangerous", "reckless",
                        "irresponsible", "unacceptable", "violation", "blatant", "madness",
                        "massacre", "genocide", "threat", "shameful", "barbaric", "illegal",
                        "wrong", "lie", "attack"})  # fmt: skip
#: Verbs of witnessing: their subject saw or told of an act, did not do it (unlike one
#: who "announced an offensive").
WITNESSING = frozenset({"report", "hear", "see", "witness", "feel", "describe", "record",
                        "detect", "observe", "notice", "recount", "recall"})  # fmt: skip
#: Verbs a game's winner does to its loser ("Ireland beat Spain 32-55").
WINNING = frozenset({"beat", "defeat", "thrash", "rout", "edge", "crush", "down", "overcome",
                     "outscore", "trounce", "hammer"})  # fmt: skip
#: A game's score: "32-55", "2–1".
SCORE = re.compile(r"\b\d{1,3}\s?[–-]\s?\d{1,3}\b")
#: What a company does with its "operations" (not military ones): "closing its operations".
BUSINESS_VERBS = frozenset({"close", "shut", "expand", "relocate", "sell", "scale", "wind",
                            "restructure", "move", "transfer", "streamline"})  # fmt: skip
#: Violence that protesters doing it makes a riot.
RIOTS = frozenset({"attack", "storm", "raid", "burn", "torch", "ransack", "stone", "target"})
#: Dependencies that open a subordinate clause.
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp"})
#: Noun triggers that also name the actors they form.
ACTOR_NOUNS = frozenset({"alliance", "coalition", "partnership"})
#: Passive acts only one kind of actor does, by CAMEO code: arrests, expulsions (of people and
#: of diplomats), states of emergency and curfews.
AGENTLESS = {"173": "COP", "174": "GOV", "1724": "GOV", "172": "GOV", "161": "GOV", "166": "GOV"}
#: Where a state holds people ("released from prison").
CUSTODY = frozenset({"prison", "jail", "gaol", "detention", "custody"})
#: Weapons named as a passive act's agent, which stand for someone unidentified.
WEAPONS = frozenset({"device", "ied", "bomb", "mine", "landmine", "explosive", "explosives",
                     "grenade", "car", "vehicle", "booby"})  # fmt: skip
#: Verdicts, which only a court hands down.
VERDICTS = frozenset({"sentence", "convict"})
#: Verbs whose subject meets what their object names: "the plan drew condemnation".
DRAWING = frozenset({"draw", "attract", "face", "receive", "earn", "spark", "provoke",
                     "trigger", "prompt", "meet"})  # fmt: skip
#: Verbs of letting someone do something ("allowed UN inspectors to visit").
PERMITS = frozenset({"allow", "let", "permit"})
#: Words that make the forces that come peacekeepers.
PEACEKEEPING = frozenset({"peacekeeper", "peacekeepers", "peacekeeping"})
#: Prepositions that place an act before, after or around another ("after the bombing").
AROUND = arg.PAST_PREPS | {"before", "upon"}
#: Verbs of warning, a threat when they name whom they warn.
WARNING_VERBS = frozenset({"warn", "caution"})
#: Prepositions whose object is what others did around the clause ("despite warnings",
#: "despite sanctions").
OTHERS_PREPS = frozenset({"despite"})
#: Prepositions by which one noun is about, or comes around, another ("a deadline over the
#: attack").
ABOUT = AROUND | {"over", "about", "regarding", "concerning"}
#: Verbs whose agentless passive subject moved by its own state's order ("troops were
#: deployed"): forces are deployed by those who command them.
SELF_MOVED = frozenset({"deploy", "station"})
#: Verbs that offer, rather than do, what their object names.
OFFERS = frozenset({"offer", "propose"})
#: Verbs that announce one's own hostile act to come; such an act is a threat.
MENACING = frozenset({"vow", "threaten", "warn", "pledge", "promise", "swear", "prepare",
                      "ready", "prepared"})  # fmt: skip
#: The threat (CAMEO 13x) of each hostile root: force, repression, protest.
THREATENED = {"18": "138", "19": "138", "20": "1383", "17": "137", "172": "132", "1724": "1324",
              "14": "133"}  # fmt: skip
#: Verbs that declare a ceasefire rather than observe it.
DECLARING = frozenset({"declare", "announce", "proclaim", "call"})
#: Roots of coercion and force whose agentless report by security forces is their own act.
AUTHORITY_ROOTS = frozenset({"17", "18", "19"})
BACKING_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "armed", "allied"})


@dataclass(frozen=True, slots=True)
class Candidate:
    match: Match
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    hypothetical: bool
    pronoun: bool
    #: Sectors of generic agents named without a country ("protesters", "gunmen"): they
    #: belong to the country where the event happened.
    local_sources: tuple[str, ...] = ()
    local_targets: tuple[str, ...] = ()
    #: The words naming those generic agents, as token ranges ("more than 500 civilians").
    local_source_words: tuple[int, int] | None = None
    local_target_words: tuple[int, int] | None = None


class Coder:
    """Codes parsed documents into events.  Build once; ``code`` is safe to call repeatedly."""

    def __init__(
        self,
        *,
        kb: ActorBase,
        ontology: Ontology,
        lexicon: Lexicon,
        gazetteer: Gazetteer | None = None,
        classifier: PentaClassifier | None = None,
    ) -> None:
        self.kb = kb
        self.ontology = ontology
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        #: Re-ranks and vetoes each sentence's events (None: the rules' confidence alone).
        self.classifier = classifier
        #: One-word agent nouns of the knowledge base ("separatists", "inmates") and their
        #: sectors: people of no named country, placed where the event is
        self.agents = agent_terms(kb)

    def mentions(self, doc: Doc, article: Article) -> Mentions:
        return Mentions(doc, kb=self.kb, on=article.date, gazetteer=self.gazetteer)

    def code(self, doc: Doc, article: Article, *, mentions: Mentions | None = None) -> list[Event]:
        mentions = mentions or self.mentions(doc, article)
        events: list[Event] = []
        for sent in doc.sents:
            events.extend(self._sentence(sent, article, mentions))
        return events

    # -- one sentence -------------------------------------------------------------------

    def _sentence(self, sent: Span, article: Article, mentions: Mentions) -> list[Event]:
        matches = self._triggers(sent)
        contents = {m.token.i for m in matches if m.code[:2] in CONTENT_ROOTS}
        best: dict[tuple[str, str, str], Event] = {}
        named: set[str] = set()  # events whose verb came with its object ("expressed regret")
        for found in matches:
            if self._is_content(found.token, contents, sent) or self._no_comment(found):
                continue
            match = self._refusal(found) if arg.negated(found.token) else found
            if match is None:
                continue
            candidate = self._obliged(match, mentions) or self._arguments(match, mentions)
            if candidate is None:
                continue
            for event in self._events(candidate, sent, article, mentions):
                if not candidate.match.nominal and candidate.match.specificity >= 2:
                    named.add(event.event_id)
                key = (
                    event.source.actor.id,
                    event.plover.event,
                    event.target.actor.id if event.target else "",
                )
                kept = best.get(key)
                if kept is None or event.confidence > kept.confidence:
                    best[key] = event
        # "carried out strikes, killing IS fighters": the targetless report of an act is
        # the same event as the one that names its target
        aimed = {(s, t) for s, t, r in best if r}
        events = [e for (s, t, r), e in best.items() if r or (s, t) not in aimed]
        if self.classifier is not None and events:
            events = rerank(events, self.classifier.proba(sent.text), named=named)
        return sorted(events, key=lambda e: (e.trigger.start if e.trigger else 0, e.event_id))

    def _triggers(self, sent: Span) -> list[Match]:
        found: list[Match] = []
        for token in sent:
            match: Match | None = None
            if token.lower_ in BACKING_WORDS and token.dep_ == "amod":
                match = Match("050", token, 1, False, False)
            elif (
                token.pos_ in ("VERB", "AUX")
                or arg.verb_tagged_noun(token)  # "A Mexican court issues the warrants"
                or (token.pos_ == "ADJ" and token.tag_ == "VBN")
                or (token.pos_ == "ADJ" and token.dep_ == "acomp")  # "is skeptical of"
            ):
                match = self.lexicon.match_verb(token) or _protesting(token) or _warning(token)
                if match is not None and match.code == "114" and _demonstrating(token):
                    match = Match("141", token, 1, False, True)
                if (
                    match is not None
                    and match.code.startswith("19")
                    and (
                        _strikes_work(token)
                        or any(c.dep_ == "dobj" and _labour_strike(c) for c in token.children)
                    )
                ):  # "teachers struck", "launched a general strike"
                    match = Match("143", token, 1, False, True)
            elif token.pos_ == "NOUN" and token.ent_type_ not in arg.TIMES:
                match = self.lexicon.match_noun(token)
                if match is not None and _names_actor(token):
                    match = None
                if match is not None and _labour_strike(token):
                    match = Match("143", token, 1, True, True)
            if match is not None and _naming(match):
                # "Putin called the attack a provocation": a denunciation if the name is one
                match = Match("111", token, 1, False, False) if _denounced(token) else None
            if match is not None and (
                _game(match, sent)
                or _business(match)
                or _voting(match)
                or _pleading(match)
                or _compound_adjective(match)
            ):
                match = None
            if match is not None:
                found.append(match)
        # "war games": a noun that only modifies another trigger is part of that one; "ended
        # the strike", "cancelled a visit": a verb pattern naming its object consumes it
        heads = {m.token.i for m in found}
        named = {m.token.i for m in found if not m.nominal and m.specificity >= 2}
        return [
            m
            for m in found
            if not (m.token.dep_ == "compound" and m.token.head.i in heads)
            and not (m.nominal and m.token.dep_ == "dobj" and m.token.head.i in named)
        ]

    @staticmethod
    def _no_comment(match: Match) -> bool:
        """ "declined to comment": CAMEO's 011, a statement PLOVER codes as nothing."""
        token = match.token
        return token.lemma_.lower() in ("decline", "refuse") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in token.children
        )

    @staticmethod
    def _refusal(match: Match) -> Match | None:
        """A negated cooperative act in the future is a rejection ("Syria will not accept
        refugees", "would not meet the demands"); any other negated act did not happen."""
        if (
            match.code[:2] in COOPERATIVE_ROOTS
            and arg.irrealis(match.token)
            and not _conditional(match.token)
        ):
            return Match(
                "120", match.token, match.specificity, match.nominal, False, match.particles
            )
        return None

    def _is_content(self, token: Token, contents: set[int], sent: Span) -> bool:
        """Whether ``token`` sits inside the object of an accusation, demand, threat or
        promise, or of a denial ("denied that its army had shelled")."""
        child = token
        for ancestor in arg.path_to_root(token):
            if ancestor.i < sent.start or ancestor.i >= sent.end:
                return False
            if ancestor.lemma_.lower() in DENIALS and arg.is_complement(child):
                return True
            if ancestor.i in contents and arg.is_complement(child):
                return True
            child = ancestor
        return False

    # -- arguments ----------------------------------------------------------------------

    def _obliged(self, match: Match, mentions: Mentions) -> Candidate | None:
        """ "Russia says Israel must end attacks on Syria": what one side says another must
        do is its demand on that side (CAMEO 10), not the act itself."""
        verb = arg.clause_verb(match.token)  # "must end its attacks": the verb "end"
        if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in verb.children):
            return None
        if arg.is_passive(verb):
            return None  # "intervention must be avoided": by whom, the text does not say
        speakers = [p for t in arg.subjects(verb.head) for p in mentions.resolve(t)]
        obliged = [p for t in arg.subjects(verb) for p in mentions.resolve(t)]
        if not speakers or not obliged or not participants_differ(speakers, obliged):
            return None
        demand = Match("100", verb, match.specificity, False, False, match.particles)
        return Candidate(demand, tuple(speakers), tuple(obliged), False, False)

    def _arguments(self, match: Match, mentions: Mentions) -> Candidate | None:
        token = match.token
        allow_place = match.code.startswith(PLACE_TARGETS)
        if match.nominal:
            return self._noun_arguments(match, mentions, allow_place=allow_place)
        if token.dep_ == "amod" and token.lower_ in BACKING_WORDS:  # "the Iran-backed group"
            backers = [c for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod")]
            backing = [p for b in backers for p in mentions.resolve(b)]
            backed = mentions.resolve(token.head)
            if not backed:
                return None  # "Iran-backed militias" of no name: support for nobody known
            return Candidate(match, tuple(backing), tuple(backed), False, False)
        weapon = False
        passive = arg.is_passive(token)
        if passive:
            source_tokens = arg.agent_of(token) or self._reporting_authority(match, mentions)
            target_tokens = arg.passive_subjects(token)
            if _hazards(source_tokens, match):
                return None  # "killed by landslides and flooding": no one's act
            if source_tokens and all(t.lemma_.lower() in WEAPONS for t in source_tokens):
                source_tokens, weapon = [], True  # "killed by an improvised explosive device"
            if not source_tokens and (
                match.code.startswith("0874") or token.lemma_.lower() in SELF_MOVED
            ):
                # "their forces have been withdrawn": the forces withdrew, from wherever;
                # "Russian soldiers were deployed as peacekeepers": by their own state
                source_tokens, target_tokens = target_tokens, list(arg.objects(token))
        else:
            source_tokens = arg.subjects(token)
            if _hazards(source_tokens, match):
                return None  # "wildfires destroy forests and kill cattle"
            skip = ("for",) if match.code[:2] in ("02", "10") else ()
            target_tokens = [] if match.no_target else list(arg.objects(token, skip_preps=skip))
            if token.lemma_.lower() in TOPIC_VERBS:  # "discussed Syria": with whom, not what
                dobjs = (c for c in token.children if c.dep_ == "dobj")
                target_tokens = arg.prep_objects(token, *dobjs, preps=("with",))
            if not target_tokens and not match.no_target and match.particles:
                # "arrived in Tehran": the object of the pattern's own preposition
                target_tokens = arg.prep_objects(token, preps=match.particles)
            if not target_tokens and not match.no_target and token.lemma_.lower() in PERMITS:
                target_tokens = arg.infinitive_subjects(token)  # whom it let in
            if (
                not target_tokens
                and not match.no_target
                and match.code[:2] in COMPLEMENT_TARGET_ROOTS
            ):
                # "called for Israel to withdraw": who is asked; "threatened to strike Israel":
                # the object of the complement
                target_tokens = arg.complement_subjects(token)
                if not target_tokens and match.code[:2] in ("02", "10"):
                    target_tokens = arg.mandated_subjects(token)
                for child in token.children:
                    if (
                        not target_tokens
                        and child.dep_ in ("xcomp", "ccomp")
                        and (match.code[:2] != "12" or self._cooperative(child))
                    ):
                        target_tokens = list(arg.objects(child))
                        break
        document = _document_of(token)
        if document is not None and source_tokens == [document]:
            # "issued a statement urging North Korea to comply": the statement's own words
            # ("a UN statement") name its author, not what it urges
            source_tokens = [
                c for c in document.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")
            ]
        sources = [p for t in source_tokens for p in mentions.resolve(t)]
        document = document if not sources else None
        if document is not None:
            # "the Council adopted a resolution demanding a ceasefire": the document's author
            author = arg.governor(document)
            sources = (
                [p for t in arg.subjects(author) for p in mentions.resolve(t)] if author else []
            )
        own_things = match.code[:2] in OWN_OBJECT_ROOTS
        if own_things:  # "recalled its ambassador to Spain": the object's own target
            target_tokens = list(target_tokens)
            target_tokens += [g for t in target_tokens[:1] for g in arg.noun_objects(t)]
            # "withdrew its ambassador from France", either attachment
            target_tokens += arg.prep_objects(token, *target_tokens[:1], preps=("from",))
            target_tokens += arg.out_of_objects(token)  # "pulled out of Iraq"
        # "put its forces on alert": the source's own forces are no target
        targets = _first_targets(
            target_tokens, mentions, sources, allow_place=allow_place, code=match.code
        )
        pronoun = any(t.pos_ == "PRON" for t in source_tokens)
        local_sources = () if sources else self._agent_sectors(source_tokens)
        if not sources and not source_tokens and passive:
            # "was sentenced to ten years": by the country's courts; "is arrested": by its
            # police; "a state of emergency is declared": by its government; a bomb's victims:
            # by someone unidentified
            local_sources = _agentless(match, weapon)
        if not sources and not local_sources and match.code.startswith("14"):
            local_sources = ("OPP",)  # "court clerks demonstrated": whoever protests
        return Candidate(
            match,
            tuple(sources),
            tuple(targets),
            arg.irrealis(token),
            pronoun,
            local_sources=local_sources,
            local_targets=() if targets else self._agent_sectors(target_tokens[:1]),
            local_source_words=_phrase(source_tokens),
            local_target_words=_phrase(target_tokens),
        )

    def _cooperative(self, verb: Token) -> bool:
        """Whether ``verb`` is a cooperative act ("lift" sanctions, "meet", "release")."""
        found = self.lexicon.match_verb(verb)
        return found is not None and found.code[:2] in COOPERATIVE_ROOTS

    def _reporting_authority(self, match: Match, mentions: Mentions) -> list[Token]:
        """Who did an agentless coercive act, by who reports it: "40 protesters were arrested,
        police said" is the police's arrest; "three militants were killed, the army said" the
        army's attack.  Only security forces and governments report their own coercion so."""
        token = match.token
        root = match.code[:2]
        if root not in AUTHORITY_ROOTS:
            return []
        reporter = token.head if token.dep_ in ("ccomp", "parataxis") else None
        if reporter is None or reporter.lemma_.lower() not in REPORTING:
            return []
        speakers = [t for t in arg.subjects(reporter) if t.pos_ != "PRON"]
        sectors = {p.actor.sector for t in speakers for p in mentions.resolve(t)}
        sectors |= set(self._agent_sectors(speakers))
        # every reporter is the authority ("Hamas and Iran's Revolutionary Guards said" that
        # Haniyeh was killed: no one there reports their own act)
        if root == "17" and sectors and sectors <= {"COP", "MIL", "GOV", "JUD"}:
            return speakers
        victims = self._agent_sectors(arg.passive_subjects(token)) + tuple(
            p.actor.sector or "" for t in arg.passive_subjects(token) for p in mentions.resolve(t)
        )
        if (
            sectors
            and sectors <= {"COP", "MIL"}
            and victims
            and set(victims) <= {"REB", "UAF", "CRM"}
        ):
            return speakers  # security forces report the militants they killed
        return []

    def _noun_arguments(
        self, match: Match, mentions: Mentions, *, allow_place: bool
    ) -> Candidate | None:
        noun = match.token
        sources: list[Participant] = []
        by: list[Token] = []
        by_agents: tuple[str, ...] = ()
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
                if child.dep_ != "poss" and names_city(self.gazetteer, child):
                    continue  # "the Brussels bombings", "the Paris attacks": where, not who
                sources = mentions.resolve(child)
                if sources:
                    break
        if not sources:
            by = arg.prep_objects(noun, preps=("by",))
            sources = [p for t in by for p in mentions.resolve(t)]
            by_agents = () if sources else self._agent_sectors(by)  # "an attack by gunmen"
        if not sources and match.code[:2] in SPOKEN_FROM_ROOTS:
            # "despite warnings from China", "calls from the EU", "aid from Japan": theirs
            sources = [
                p for t in arg.prep_objects(noun, preps=("from",)) for p in mentions.resolve(t)
            ]
        governor = arg.governor(noun)
        if not sources and governor is not None and self._inherits_subject(match, governor):
            sources = [p for t in arg.subjects(governor) for p in mentions.resolve(t)]
        if (
            not sources
            and governor is not None
            and noun.dep_ == "nsubjpass"
            and governor.lemma_.lower() in self.lexicon.light_verbs
        ):  # "the exercise was staged by US marines and Jordanian forces": theirs
            sources = [p for t in arg.agent_of(governor) for p in mentions.resolve(t)]
        drawn = (
            governor
            if governor is not None and noun.dep_ == "dobj" and governor.lemma_.lower() in DRAWING
            else None
        )
        if not sources and drawn is not None:  # "drew condemnation from the EU": the EU's
            givers = arg.prep_objects(noun, drawn, preps=("from",))
            sources = [p for t in givers for p in mentions.resolve(t)]
        targets: list[Participant] = []
        victims: list[Token] = []
        if not match.no_target:
            target_tokens = list(arg.noun_objects(noun))
            if match.code[:2] in ("17", "18", "19", "20") or match.code == "054":
                target_tokens += arg.noun_of(noun)
            if (
                match.code[:2] in PLACE_TARGET_ROOTS
                and noun.dep_ == "pobj"
                and noun.head.lower_ in ("in", "by", "during")
                and arg.is_passive(noun.head.head)
            ):  # "seven militants are killed in Israeli airstrikes": the strikes' victims
                victims = arg.passive_subjects(noun.head.head)
            targets = _first_targets(
                [*target_tokens, *victims],
                mentions,
                sources,
                allow_place=allow_place,
                code=match.code,
            )
            if not targets and match.code[:2] in OWN_OBJECT_ROOTS:
                # "its withdrawal of troops from Iraq": whom the own things leave
                leaving = arg.prep_objects(noun, *arg.noun_of(noun), preps=("from",))
                targets = _first_targets(
                    leaving, mentions, sources, allow_place=allow_place, code=match.code
                )
            if not targets and drawn is not None:  # "Israel's plan drew condemnation": Israel's
                targets = _first_targets(
                    arg.subjects(drawn), mentions, sources, allow_place=False, code=match.code
                )
            if (
                not targets
                and governor is not None
                and governor.lemma_.lower() in self.lexicon.light_verbs
            ):
                objects = (t for t in arg.objects(governor, skip_preps=("for",)) if t != noun)
                targets = _first_targets(
                    objects, mentions, sources, allow_place=allow_place, code=match.code
                )
        holders = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [noun]
        # "fighting broke out between X and Y"
        between = arg.prep_objects(*holders, preps=("between", "among"))
        local: tuple[str, ...] = ()
        local_targets: tuple[str, ...] = ()
        if between and not sources:
            sides = [t for b in between for t in arg.conjuncts(b)]
            found = {p.actor.id: p for t in sides for p in mentions.resolve(t)}
            parties = list(found.values())
            if len(parties) >= 2:
                sources, targets = parties[:1], parties[1:2]
            elif match.code[:2] in PLACE_TARGET_ROOTS:  # "a clash between two rival groups"
                kinds = self._agent_sectors(sides) or (("UAF",) if len(between) == 1 else ())
                sources, targets = parties[:1], []  # the named side is no target of itself
                local = () if sources else kinds[:1]
                others = [k for k in kinds if not sources or k != sources[0].actor.sector]
                local_targets = tuple(others[:1]) if sources else kinds[1:2] or kinds[:1]
        if not targets and not local_targets and victims:
            # "eleven people are killed in a shooting"
            local_targets = self._agent_sectors(victims)
        thanked = self._thanked_for(noun, mentions)
        if thanked is not None:
            sources, targets = thanked
        local_words = None
        if not sources and not local and by_agents:
            local, local_words = by_agents[:1], _phrase(by)
        if not sources and not local and governor and self._inherits_subject(match, governor):
            local = self._agent_sectors(arg.subjects(governor))
            local_words = _phrase(arg.subjects(governor))
        if not sources and not local and match.code.startswith("14"):
            local = ("OPP",)  # a protest whose organisers go unnamed
        if not sources and not local and noun.lemma_.lower() in BLASTS:
            local = ("UAF",)  # "a bomb explosion occurred": by someone unidentified
        if (
            not sources
            and not local
            and victims
            and noun.lemma_.lower() in DELIBERATE
            and noun.head.head.lemma_.lower() in HARMED
        ):
            local = ("UAF",)  # "a party official was killed in an ambush": by someone unnamed
        return Candidate(
            match,
            tuple(sources),
            tuple(targets),
            arg.irrealis(noun),
            False,
            local_sources=local,
            local_targets=() if targets else local_targets,
            local_source_words=local_words,
        )

    def _agent_sectors(self, tokens: list[Token]) -> tuple[str, ...]:
        """The sectors of argument tokens that are people of no named country: the coder's own
        agent nouns, then the knowledge base's."""
        out = []
        for token in tokens:
            if relative_pronoun(token):
                token = token.head.head  # "the gunmen who killed": the gunmen
            if token.lemma_.lower() in (*COLLECTIVES, "member"):
                # "a group of residents": the residents; "members of the presidential guard":
                # the guard
                members = arg.prep_objects(token, preps=("of",))
                token = members[0] if members else token
            lemma = token.lemma_.lower()
            if token.pos_ == "PROPN" and _opens(token) and lemma.endswith("s"):
                lemma = lemma[:-1]  # "Protesters" opening a sentence, tagged as a name
            if lemma in NOT_PEOPLE or any(
                c.dep_ in ("amod", "compound") and c.lower_ in REGIONS for c in token.children
            ):
                continue  # "European leaders" are no one's of the country the event is in
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
                continue  # "withdrew its troops from Kherson": its own, not Kherson's
            if token.pos_ == "NOUN" and any(
                c.dep_ == "amod" and c.lower_ == "armed" for c in token.children
            ):
                out.append("UAF")  # "armed individuals", "three armed men"
                continue
            kinds = [arg.AGENT_SECTORS.get(c.lemma_.lower()) or LOCAL_AGENTS.get(c.lemma_.lower())
                     for c in token.children if c.dep_ == "compound"]  # fmt: skip
            if any(kinds) and (
                lemma in ("member", "man", "individual", "person", "leader", "commander", "chief")
            ):  # "gang members", "militia members", "a rebel commander"
                out.append(next(k for k in kinds if k))
                continue
            sector = (
                arg.AGENT_SECTORS.get(lemma)
                or LOCAL_AGENTS.get(lemma)
                or self.agents.get(token.lower_)
                or self.agents.get(lemma)
            )
            if sector == "GOV" and any(c.lower_ == "arab" for c in token.children):
                continue  # "Arab states", "Arab leaders": of many states (but "Arab militias")
            if sector and (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and _opens(token))):
                out.append(sector)  # a capitalised "Protesters" opening a sentence is no name
        return tuple(out)

    def _inherits_subject(self, match: Match, governor: Token) -> bool:
        """Whether the clause's subject is the noun trigger's source: "Hamas launched an attack",
        "X promised victory after a meeting with Y" — but not "Iran condemned the attack"."""
        noun = match.token
        if noun.dep_ == "pobj" and noun.head.lower_ in OTHERS_PREPS:
            return False  # "continued despite calls for a ceasefire": others' calls
        if governor.lemma_.lower() in self.lexicon.light_verbs:
            # "gave Putin a deadline over the attack": the deadline is given, not the attack
            return not _about_other_noun(noun, governor)
        if ARMED_OR_OPPOSING & set(
            self._agent_sectors([c for c in noun.lefts if c.dep_ in ("compound", "amod")])
        ):
            return False  # "Ecuador declared an emergency after gang clashes": the gangs'
        if noun.dep_ == "pobj" and noun.head.lower_ in arg.CIRCUMSTANCE_PREPS:
            # but "Indonesia must ensure security after the Bali bombing": violence before,
            # after or amid an act is seldom its actor's own
            # ("following clashes, Russian forces captured the town": fighting has two sides)
            return not (
                noun.head.lower_ in AROUND
                and match.code[:2] in VIOLENT_ROOTS
                and noun.lemma_.lower() not in (*CLASHES, "fighting", "hostilities")
            )
        if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in arg.CULPABLE:
            return True  # "the cartel has been responsible for killings": its killings
        if noun.dep_ == "dobj" and governor.lemma_.lower() in WITNESSING:
            return False  # "residents report explosions": they heard them
        if noun.dep_ == "dobj" and governor.lemma_.lower() in DRAWING:
            return False  # "the plan drew condemnation": others condemned it
        if _claimed(noun):
            return True
        return self.lexicon.match_verb(governor) is None and noun.dep_ == "dobj"

    def _thanked_for(
        self, noun: Token, mentions: Mentions
    ) -> tuple[list[Participant], list[Participant]] | None:
        """ "X thanked Y for its support": Y is the one who supports X."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for":
            return None
        verb = prep.head
        if verb.lemma_.lower() not in ("thank", "praise", "commend", "hail", "applaud", "salute"):
            return None
        givers = [p for t in arg.objects(verb) for p in mentions.resolve(t)]
        receivers = [p for t in arg.subjects(verb) for p in mentions.resolve(t)]
        if givers and receivers:
            # "thanked Iran for its support for the Palestinians": the support names its own
            named = [p for t in arg.noun_objects(noun) for p in mentions.resolve(t)]
            return givers[:1], named or receivers
        return None

    # -- events -------------------------------------------------------------------------

    def _events(
        self, cand: Candidate, sent: Span, article: Article, mentions: Mentions
    ) -> list[Event]:
        code, promised_yield = self._reading(cand)
        entry = self.ontology.entry(code)
        plover = self._plover(code, cand.match, promised_yield=promised_yield)
        if plover is None:
            return []
        trigger = cand.match.token
        location, inherited = locate(
            trigger, sent, article, gazetteer=self.gazetteer, mentions=mentions
        )
        sources, targets = list(cand.sources), list(cand.targets)
        if (
            inherited
            and location is not None
            and (code[:2] not in PLACE_TARGET_ROOTS or cand.targets)
        ):
            # all but an attack on no one named (which reaches abroad): a place from an
            # earlier sentence of the paragraph only when it is a side's own ("Jordan voiced
            # disappointment" is not in Rafah, nor do Nigerian teachers strike there)
            sides = {p.actor.country for p in (*sources, *targets) if p.actor.country}
            if sides and location.country not in sides:
                location = None
        if not sources and cand.local_sources:
            # where the act was, else the country its named target belongs to ("Moldova's
            # former president is arrested": by Moldova's police), else one the sentence names
            where = (
                location or self._side_country(targets, article.date) or self._named_country(sent)
            )
            sources = self._locals(
                cand.local_sources, where, article, article_wide=True,
                words=sent.doc, span=cand.local_source_words,
            )  # fmt: skip
        if not targets and cand.local_targets:
            targets = self._locals(
                cand.local_targets, location, article, article_wide=False,
                words=sent.doc, span=cand.local_target_words,
            )  # fmt: skip
        if not sources:
            return []
        if (
            code[:2] == "04"
            and not targets
            and all(p.actor.sector in ("CVL", "UNK") and p.actor.person is None for p in sources)
        ):
            return []  # "killing 21 people travelling to a pilgrimage site": no diplomacy
        rioters = [p for p in (*sources, *targets) if _opposing(p.actor)]
        rioting = trigger.lemma_.lower() in CLASHES or (
            trigger.lemma_.lower() in RIOTS and all(_opposing(p.actor) for p in sources)
        )
        if code[:2] == "19" and rioting and rioters:
            # "protesters clashed with police", "rioters stormed the police station": a violent
            # protest (CAMEO 145), by the protesters
            others = [p for p in (*sources, *targets) if not _opposing(p.actor)]
            sources, targets, code = rioters, others[:1], "145"
            entry = self.ontology.entry(code)
            plover = self._plover(code, cand.match) or plover
        pairs: list[tuple[Participant, Participant | None]]
        reciprocal = not targets and len(sources) > 1 and _reciprocal(code, trigger)
        if reciprocal:
            pairs = [(a, b) for a in sources for b in sources if a.actor.id != b.actor.id]
        elif targets:
            pairs = [(s, t) for s in sources for t in targets]
        else:
            pairs = [(s, None) for s in sources]
        if cand.hypothetical:
            plover = Plover(plover.event, "hypothetical", plover.context)
        date = event_date(trigger, article.date)
        events = []
        if (
            not targets
            and not reciprocal  # "the army and the RSF clashed": each the other's target
            and location is not None
            and (code[:2] in PLACE_TARGET_ROOTS or plover.event in NEEDS_TARGET)
        ):  # an attack, aid or sanctions in another state's territory reach that state
            pairs = [(s, self._occupant(s, location, article)) for s, _ in pairs]
        if (
            not targets
            and not reciprocal
            and not cand.pronoun
            and plover.event in NEEDS_TARGET
            and any(t is None for _, t in pairs)
        ):
            # "Germany gave 352 million euros to promote investment in Ethiopia": aid,
            # cooperation or sanctions reach the one other state the sentence names
            other = self._sole_other_state(sources, sent, article)
            pairs = [(s, t or other) for s, t in pairs]
        pairs = [(_canonical(s), _canonical(t) if t else None) for s, t in pairs]
        # a generic side ("security forces" placed in Somalia) may meet its own kind
        generic_targets = not cand.sources or (not cand.targets and bool(cand.local_targets))
        for source, target in pairs:
            if target is not None and _same(source, target):
                if not generic_targets:
                    continue
                target = None  # "security forces clashed with police forces": one side known
            if target is None and plover.event in NEEDS_TARGET and _bare(cand.match):
                continue
            confidence = self._confidence(cand, target is not None)
            if not cand.sources:  # the source is a generic agent placed by the event's country
                confidence = max(0.05, confidence - 0.15)
            events.append(self._event(article, sent, trigger, source, target, plover, entry.cameo,
                                      location, confidence, date))  # fmt: skip
        return events

    def _reading(self, cand: Candidate) -> tuple[str, bool]:
        """The CAMEO code a candidate reads as, and whether it is a yield promised for later."""
        token = cand.match.token
        code = self._code(cand.match)
        if cand.match.nominal and code[:2] in PLACE_TARGET_ROOTS and _joint(token):
            code = "062"  # "will conduct joint operations with the Guyana Defence Force"
        if code.startswith("042") and _peacekeepers(arg.subjects(token)):
            code = "074"  # "Chinese peacekeepers arrived in South Sudan": peacekeeping
        future = cand.hypothetical and arg.future(token)
        threat = next((THREATENED[code[:n]] for n in (4, 3, 2) if code[:n] in THREATENED), None)
        if threat is not None and (future or (cand.hypothetical and _menaced(token))):
            return threat, False  # "vowed to attack Israel", "said it would attack Rafah"
        if token.lemma_.lower() in OFFERS and code[:2] in COOPERATIVE_ROOTS:
            return intent_code(code), False  # CAMEO 03: an offer of aid or asylum is an intent
        if future:
            return intent_code(code), code[:2] == "08"
        return code, False

    def _plover(self, code: str, match: Match, *, promised_yield: bool = False) -> Plover | None:
        """The PLOVER reading of ``code``: the cross-walk's, the lexicon's where the PLOVER
        manual departs from it, and PLOVER v0.8's own for announced retreats and declared
        ceasefires (CONCEDE: verbal, not yet done) and court verdicts (SANCTION "convict"; a
        prison term is also COERCE)."""
        plover = self.ontology.plover_for(code)
        if plover is None:
            return None
        if code in self.lexicon.plover:
            event_type, mode = self.lexicon.plover[code]
            plover = Plover(event_type, mode, plover.context)
        if promised_yield or (code == "0871" and match.token.lemma_.lower() in DECLARING):
            return Plover("CONCEDE", None, plover.context)
        if code.startswith("173") and _verdict(match):
            return Plover("SANCTION", "convict", plover.context)
        return plover

    def _locals(
        self,
        sectors: tuple[str, ...],
        location: Location | None,
        article: Article,
        *,
        article_wide: bool,
        words: Doc | None = None,
        span: tuple[int, int] | None = None,
    ) -> list[Participant]:
        """Generic agents of the country where the event happened ("protesters" in Lahore);
        with ``article_wide``, of the article's main place when the sentence names none."""
        if (location is None or not location.country) and article_wide and self.gazetteer:
            location = self.gazetteer.primary(article.body)  # the article's main place
        if location is None or not location.country:
            return []
        state = state_actor(self.kb, location.country, on=article.date)
        if state is None:
            return []
        if words is not None and span is not None:  # "Protesters", not "opp"
            named = words[span[0] : span[1]]
            return [
                Participant(
                    named.text, with_sector(state, sector), named.start_char, named.end_char
                )
                for sector in sectors[:1]
            ]
        return [Participant(sector.lower(), with_sector(state, sector)) for sector in sectors[:1]]

    def _side_country(self, sides: list[Participant], side_day: dt.date) -> Location | None:
        """The state a named side belongs to (not an organisation's pseudo-country)."""
        for side in sides:
            country = side.actor.country
            if country and state_actor(self.kb, country, on=side_day) is not None:
                return Location(country, country, None, None, Precision.COUNTRY)
        return None

    def _named_country(self, sent: Span) -> Location | None:
        """The country a sentence names as a place ("in Karimama, Benin")."""
        if self.gazetteer is None:
            return None
        found = self.gazetteer.scan(sent.text)
        return next((loc for _, _, loc in found if loc.precision is Precision.COUNTRY), None)

    def _sole_other_state(
        self, sources: Sequence[Participant], sent: Span, article: Article
    ) -> Participant | None:
        """The state that the sentence names as a place, when it names exactly one besides
        the sources' own ("… to promote investment in Ethiopia"; not a co-source: "Saudi
        Arabia and Britain helped")."""
        if self.gazetteer is None or not sources:
            return None
        own = {p.actor.country for p in sources}
        found = {
            loc.country: loc
            for _, _, loc in self.gazetteer.scan(sent.text)
            if loc.precision is Precision.COUNTRY and loc.country not in own
        }
        if len(found) != 1:
            return None
        (location,) = found.values()
        return self._occupant(sources[0], location, article)

    def _occupant(
        self, source: Participant, location: Location, article: Article
    ) -> Participant | None:
        """The state where a target-less attack happened, when it is not the attacker's own:
        "Israeli strikes in Gaza" hit Palestine, "Hamas fighters … into southern Israel" Israel."""
        if not location.country or location.country == source.actor.country:
            return None
        actor = state_actor(self.kb, location.country, on=article.date)
        if actor is None:
            return None
        return Participant(location.name, actor, None, None)

    def _code(self, match: Match) -> str:
        code = match.code
        if code in self.lexicon.refine:
            # "pledged … in response to their requests": a reason, not a vowed response
            subtree = [t for t in match.token.subtree if not _in_response(t)]
            words = {t.lemma_.lower() for t in subtree if t.i != match.token.i}
            words |= {t.lower_ for t in subtree} | hyphenated(subtree)
            code = self.lexicon.refined(code, words)
        return code

    def _confidence(self, cand: Candidate, has_target: bool) -> float:
        score = 0.55
        score += 0.15 if not cand.match.nominal else 0.0
        score += 0.1 if has_target else 0.0
        score += 0.05 * min(cand.match.specificity, 2)
        score -= 0.25 if cand.hypothetical else 0.0
        score -= 0.1 if cand.pronoun else 0.0
        score -= 0.15 if cand.match.token.lower_ in BACKING_WORDS else 0.0
        score -= 0.08 * min(_embedding(cand.match.token), 3)
        return max(0.05, min(0.97, score))

    def _event(
        self,
        article: Article,
        sent: Span,
        trigger: Token,
        source: Participant,
        target: Participant | None,
        plover: Plover,
        cameo: object,
        location: Location | None,
        confidence: float,
        date: dt.date,
    ) -> Event:
        start, end = _sentence_bounds(sent)
        evidence = TextSpan(article.text[start:end], start, end)
        trig = TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger))
        event_id = stable_id(article.article_id, start, trig.start, source.actor.id,
                             target.actor.id if target else "", plover.event)  # fmt: skip
        return Event(
            event_id=event_id,
            article_id=article.article_id,
            date=date,
            source=source,
            target=target,
            plover=plover,
            cameo=cameo,  # type: ignore[arg-type]
            location=location,
            confidence=confidence,
            evidence=evidence,
            trigger=trig,
        )


#: Cooperative acts announced for the future are intentions (PLOVER: future CONSULT,
#: SUPPORT, COOPERATE and AID are AGREE; promised concessions are CAMEO's 035).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "07": "033",
                "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035",
                "081": "0351", "0841": "0353", "085": "0354", "086": "0355", "0863": "0355",
                "087": "0356", "0871": "0356", "0874": "0356"}  # fmt: skip


def intent_code(code: str) -> str:
    """The "express intent to …" code of a cooperative act (unchanged for other acts)."""
    for n in range(len(code), 1, -1):
        if code[:n] in INTENT_CODES:
            return INTENT_CODES[code[:n]]
    return code


#: Explosions whose perpetrator goes unnamed are an unidentified armed group's.
BLASTS = frozenset({"explosion", "blast", "bombing", "bomb", "ied", "shooting", "stabbing"})
#: Violent acts no accident does: a victim's agentless "was shot" or "was killed in an ambush"
#: is someone's act, if unnamed.
DELIBERATE = frozenset({
    "abduct", "kidnap", "shoot", "stab", "behead", "ambush", "assassinate", "torture",
    "lynch", "execute", "gun", "attack", "assault", "raid", "massacre", "abduction",
    "kidnapping", "assassination", "execution",
})  # fmt: skip
#: What befalls the victims of a violent act ("killed in an ambush", not "alarmed by it").
HARMED = frozenset({"kill", "wound", "injure", "hurt", "maim", "abduct", "kidnap"})
#: Generic agents without a country, beyond the agent nouns the arguments module knows.
LOCAL_AGENTS = {"gunman": "UAF", "assailant": "UAF", "attacker": "UAF", "shooter": "UAF",
                "bomber": "UAF", "sniper": "UAF", "hijacker": "UAF", "kidnapper": "CRM",
                "suspect": "CRM", "trafficker": "CRM", "gang": "CRM", "robber": "CRM",
                "column": "MIL", "rioter": "OPP", "local": "CVL", "individual": "CVL",
                "tribesman": "CVL", "rider": "CVL", "farmer": "AGR",
                "worker": "LAB", "supporter": "OPP", "member": "CVL", "trader": "BUS",
                "teacher": "EDU", "lawyer": "JUD", "mob": "CVL", "youth": "CVL", "crowd": "CVL",
                "villager": "CVL", "inhabitant": "CVL", "man": "CVL", "person": "CVL",
                "guard": "MIL"}  # fmt: skip


PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "picketer", "rioter"})
PROTEST_VERBS = frozenset({"gather", "assemble", "march", "rally", "block", "stage", "hold", "picket",
                           "take", "chant", "occupy", "converge", "parade", "burn",
                           "demand", "denounce", "condemn", "call"})  # fmt: skip


GATHERING_VERBS = frozenset({"gather", "assemble", "rally", "march", "converge", "meet", "stage",
                             "block", "picket", "occupy", "blockade", "park"})  # fmt: skip
PROTEST_PURPOSES = frozenset({"protest", "denounce", "demonstrate", "demand", "oppose", "deplore",
                              "condemn", "complain", "decry", "express", "call", "reject",
                              "criticize", "criticise", "contest", "claim", "show", "press",
                              "urge", "commemorate", "mark", "honour", "honor"})  # fmt: skip


def _warning(verb: Token) -> Match | None:
    """A warning given to a named party ("Austria warned Turkmenistan about troop
    movements") is CAMEO's threat (130); one given to no one named is a statement."""
    if verb.lemma_.lower() not in WARNING_VERBS:
        return None
    if any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG"))
        for c in verb.children
    ):
        return Match("130", verb, 1, False, False)
    return None


def _protesting(verb: Token) -> Match | None:
    """What protesters do in the street ("protesters gathered in Lahore"), and a gathering
    held to protest ("workers gathered to denounce the closure"), is a protest."""
    lemma = verb.lemma_.lower()
    if lemma not in PROTEST_VERBS:
        return None
    if any(c.dep_ in arg.SUBJECT_DEPS and c.lemma_.lower() in PROTESTERS for c in verb.children):
        return Match("141", verb, 1, False, True)
    if lemma in GATHERING_VERBS and any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in PROTEST_PURPOSES for c in verb.children
    ):
        return Match("141", verb, 1, False, True)
    return None


def _demonstrating(verb: Token) -> bool:
    """ "bakers protested in front of the ministry to demand …" is a demonstration, not a
    protest lodged *to* someone (the "to" of a purpose clause is no particle)."""
    return verb.lemma_.lower() == "protest" and not any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children
    )


def _canonical(participant: Participant) -> Participant:
    actor = canonical(participant.actor)
    if actor is participant.actor:
        return participant
    return dataclasses.replace(participant, actor=actor)


#: Agent nouns that are weapons or acts, not people: "the strike" is no one's agent.
NOT_PEOPLE = frozenset({"jet", "warplane", "aircraft", "drone", "missile", "strike", "airstrike",
                        "artillery", "tank", "warship", "shelling", "attack", "raid", "fire",
                        "bombardment", "gunfire", "hospital", "embassy", "ministry"})  # fmt: skip


#: Nouns that name a set of people by its members: "a group of residents", "dozens of youths".
COLLECTIVES = frozenset({"group", "number", "crowd", "band", "dozen", "hundred", "thousand",
                         "scores", "score", "mob", "team", "batch"})  # fmt: skip
#: Words that make "strike" a work stoppage, not an attack ("a general strike", "teachers
#: ended their strike", "a strike for higher wages").
LABOUR_WORDS = frozenset({"general", "labor", "labour", "nationwide", "indefinite", "worker",
                          "union", "teacher", "doctor", "nurse", "driver", "employee", "wage",
                          "pay", "salary", "warning", "sit-down", "wildcat", "transport",
                          "trucker", "staff", "miner", "day", "hour", "week"})  # fmt: skip
#: Who strikes from work (not "the consulate general", which "suffers damage in a strike").
WORKERS = frozenset({"labor", "labour", "worker", "union", "teacher", "doctor", "nurse", "driver",
                     "employee", "trucker", "staff", "miner"})  # fmt: skip
LABOUR_VERBS = frozenset({"observe", "end", "join", "declare", "suspend", "call", "go", "stage",
                          "hold", "organize", "organise", "continue", "extend", "begin"})  # fmt: skip


def _first_targets(
    tokens: Iterable[Token],
    mentions: Mentions,
    sources: Sequence[Participant],
    *,
    allow_place: bool,
    code: str = "",
) -> list[Participant]:
    """The participants of the first target token that names any, leaving out the sources'
    own forces and places ("Syrian forces struck the enclave near Damascus": no target).
    A named person is nobody's own forces ("Venezuela banned Guaido"), and in words and
    in politics a state's branches act on one another ("the administration pushed
    Congress")."""
    own: dict[str, set[str | None]] = {}  # Syria's rebels are not its government
    for p in sources:
        own.setdefault(canonical(p.actor).id, set()).add(p.actor.sector)
    people = {p.actor.person for p in sources}
    domestic = code[:2] in DOMESTIC_ROOTS

    def kept(p: Participant) -> bool:
        sectors = own.get(canonical(p.actor).id)
        if sectors is None:
            return True
        if p.actor.person is not None and p.actor.person not in people:
            return True
        # a branch of its own state ("pushed Congress"), not the state itself: "Putin agreed
        # to a ceasefire between Russia and Ukraine" is no agreement with Russia
        return domestic and p.actor.sector is not None and p.actor.sector not in sectors

    for token in tokens:
        found = [p for p in mentions.resolve(token, allow_place=allow_place) if kept(p)]
        if found:
            return found
    return []


def _about_other_noun(noun: Token, governor: Token) -> bool:
    """Whether ``noun`` is what another noun below ``governor`` is about, or what it came
    after: "a deadline over the attack" ("a wave of attacks", "progress towards a deal" are
    the attacks and the deal)."""
    current = noun
    while current.head != current and current.head != governor:
        if (
            current.dep_ == "pobj"
            and current.head.lower_ in ABOUT
            and current.head.head.pos_ in ("NOUN", "PROPN")
        ):
            return True
        current = current.head
    return False


def _peacekeepers(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are peacekeepers ("peacekeepers", "peacekeeping troops")."""
    phrases = (t.doc[slice(*arg.noun_phrase(t))] for t in tokens)
    return any(w.lower_ in PEACEKEEPING for phrase in phrases for w in phrase)


def _joint(noun: Token) -> bool:
    """ "joint operations with X": force shared with a partner, not used against one."""
    if not any(c.dep_ == "amod" and c.lower_ == "joint" for c in noun.children):
        return False
    holders = [noun] if noun.head == noun else [noun, noun.head]
    return any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children)


#: Natural and accidental causes of harm, which are nobody's act.
HAZARDS = frozenset({"landslide", "mudslide", "flood", "flooding", "wildfire", "bushfire",
                     "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon", "tornado",
                     "avalanche", "rain", "rainfall", "heatwave", "lightning", "drought", "tsunami",
                     "eruption", "crash", "collision", "accident", "outbreak", "disease", "virus",
                     "epidemic", "pandemic", "blaze"})  # fmt: skip


def _hazards(tokens: list[Token], match: Match) -> bool:
    """Whether the doers of a violent act are natural or accidental causes."""
    return match.code[:2] in PLACE_TARGET_ROOTS and bool(tokens) and all(map(_hazard, tokens))


def _hazard(token: Token) -> bool:
    """Whether an argument names a natural or accidental cause ("landslides and flooding")."""
    return all(
        t.lemma_.lower() in HAZARDS or t.lower_.removesuffix("s") in HAZARDS
        for t in arg.conjuncts(token)
    )  # "Wildfires" opening a sentence may be tagged a name


def _game(match: Match, sent: Span) -> bool:
    """A sports result told as a fight: "Ireland beating Spain 32-55"."""
    return (
        match.code[:2] in PLACE_TARGET_ROOTS
        and match.token.lemma_.lower() in WINNING
        and SCORE.search(sent.text) is not None
    )


def _names_given(call: Token) -> list[Token]:
    """What a "call" names something: "called it [an environmental bomb]"."""
    if call.lemma_.lower() != "call":
        return []
    objects = [c for c in call.children if c.dep_ in ("dobj", "dative")]
    if len(objects) >= 2:  # "the shoal, which China calls Huangyan Island"
        return objects[1:]
    return [c for c in call.children if c.dep_ in ("oprd", "acomp", "attr")]


def _naming(match: Match) -> bool:
    """ "Zelensky called it an environmental bomb": calling something names it, it is no
    phone call."""
    return bool(_names_given(match.token))


def _denounced(call: Token) -> bool:
    """Whether the name ``call`` gives something condemns it ("a crime", "reckless")."""
    return any(t.lemma_.lower() in DENOUNCING for c in _names_given(call) for t in c.subtree)


def _compound_adjective(match: Match) -> bool:
    """ "the Israeli-occupied Golan Heights": a past act named only to describe something,
    not reported (but "Iran-backed militias" still tell who backs whom)."""
    token = match.token
    return (
        match.code[:2] not in ("05", "07")
        and token.dep_ == "amod"
        and token.tag_ == "VBN"
        and token.i > 0
        and token.doc[token.i - 1].text in ("-", "‑")
    )


def _pleading(match: Match) -> bool:
    """ "pleaded guilty": a defendant's plea in court, no appeal to anyone."""
    token = match.token
    return token.lemma_.lower() == "plead" and any(
        c.lower_ in ("guilty", "innocent") for c in token.children
    )


def _voting(match: Match) -> bool:
    """ "Greeks head to the polls": voters, not a visit."""
    return match.code[:2] == "04" and any(
        g.lemma_.lower() in ("poll", "polls", "ballot")
        for c in match.token.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
    )


def _business(match: Match) -> bool:
    """A company's "operations", not a military operation: "is closing its operations"."""
    token = match.token
    if not match.nominal or token.lemma_.lower() != "operation":
        return False
    governor = arg.governor(token)
    return governor is not None and governor.lemma_.lower() in BUSINESS_VERBS


def _claimed(noun: Token) -> bool:
    """ "Abu Sayyaf claimed responsibility for the raid": the claimant's act (not when it
    "did not claim" it)."""
    prep = noun.head
    holder = prep.head
    verb = holder.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and holder.lemma_.lower() in ("responsibility", "credit")
        and verb.lemma_.lower() in ("claim", "take", "accept", "admit")
        and not arg.negated(verb)
    )


def _reciprocal(code: str, trigger: Token) -> bool:
    """Whether coordinated sources act on each other: meetings, agreements, clashes, and
    relations restored or established between them ("Ethiopia and Eritrea restored ties")."""
    if trigger.lemma_.lower() in SWAPS:
        return True  # "Russia and Ukraine swapped prisoners", "… exchanged fire"
    if code.startswith(("190", "193")) and any(
        c.dep_ == "dobj" and c.lower_ not in ("other", "another") for c in trigger.children
    ):
        return False  # "Iraqi and US forces raided a village": they raided it, together
    if code.startswith(RECIPROCAL):
        return True
    if code[:2] not in COOPERATIVE_ROOTS:
        return False
    if trigger.lemma_.lower() == "agree":
        return True  # "Canada and Britain agreed to a trade deal": with each other
    # "Jordan and Britain will hold joint exercises", "… restored ties"
    return any(t.lemma_.lower() in TIES or t.lower_ in TIES | MUTUAL for t in trigger.subtree)


def _bare(match: Match) -> bool:
    """A verb trigger without the object or particle that says what was done ("helped")."""
    return not match.nominal and match.specificity == 0


def _menaced(token: Token) -> bool:
    """Whether ``token`` is the complement of a verb of vowing or threatening ("vowed to
    attack")."""
    return token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in MENACING


#: Agents whose clashes or attacks are their own, whoever the clause's subject is.
ARMED_OR_OPPOSING = frozenset({"CRM", "REB", "UAF", "MIL", "COP", "OPP"})
#: Heads whose compound trigger describes people or bodies, not an act.
KINDS_OF_PEOPLE = frozenset({"agency", "worker", "group", "organization", "organisation",
                             "official", "staff", "negotiator", "activist", "volunteer",
                             "charity", "ngo", "envoy", "team", "coordinator", "chief"})  # fmt: skip


def _names_actor(noun: Token) -> bool:
    """ "The rebel alliance said": an alliance that acts is an actor, not an event; "aid
    agencies", "peace negotiators": a trigger that only says what kind of people these are."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in KINDS_OF_PEOPLE:
        return True
    return noun.lemma_.lower() in ACTOR_NOUNS and noun.dep_ in ("nsubj", "nsubjpass", "poss")


def _embedding(token: Token) -> int:
    """How many subordinate clauses deep ``token`` sits: the sentence's main act is what the
    sentence reports; an act in a relative or adverbial clause is background."""
    return sum(1 for t in (token, *token.ancestors) if t.dep_ in SUBORDINATE)


def _phrase(tokens: list[Token]) -> tuple[int, int] | None:
    """The token range of the first argument's phrase, if there is one."""
    return arg.noun_phrase(tokens[0]) if tokens else None


def _same(a: Participant, b: Participant) -> bool:
    """Whether two sides are one actor: Moldova's police and its former president are not."""
    return (a.actor.id, a.actor.person, a.actor.sector) == (
        b.actor.id,
        b.actor.person,
        b.actor.sector,
    )


def _verdict(match: Match) -> bool:
    """A court's verdict: "sentenced", "convicted", "found guilty"."""
    lemma = match.token.lemma_.lower()
    return lemma in VERDICTS or (
        lemma == "find" and any(c.lower_ == "guilty" for c in match.token.children)
    )


def _agentless(match: Match, weapon: bool) -> tuple[str, ...]:
    """Who does a passive act whose doer the sentence leaves out, where only one kind can."""
    if weapon or _assault(match):
        return ("UAF",)  # "was abducted", "was shot dead", "was ambushed": by someone unnamed
    if _verdict(match):
        return ("JUD",)
    if match.code.startswith("0841") and _from_custody(match.token):
        return ("GOV",)  # "were released from prison": by the state that held them
    for prefix, sector in AGENTLESS.items():
        if match.code.startswith(prefix):
            return (sector,)
    return ()


def _from_custody(verb: Token) -> bool:
    """ "released from prison", "freed from detention" (not "from captivity": captors may be
    anyone)."""
    return any(g.lemma_.lower() in CUSTODY for g in arg.prep_objects(verb, preps=("from",)))


def _assault(match: Match) -> bool:
    """An act of violence only someone does on purpose: an abduction, an assault, a shooting
    ("was killed", "was wounded" may be an accident's)."""
    token = match.token
    return (
        match.code[:2] in VIOLENT_ROOTS
        and token.lemma_.lower() in DELIBERATE
        and not any(c.dep_ == "prt" for c in token.children)  # drones "shot down"
    )


def _document_of(token: Token) -> Token | None:
    """The document a participle speaks for: its head ("a resolution demanding a ceasefire"),
    or, when the parse hangs it elsewhere ("passes a resolution by a vote of 153-10, with 23
    abstentions, demanding …"), the nearest document before it that a verb governs."""
    if token.dep_ not in ("acl", "advcl") or token.tag_ not in ("VBG", "VBN"):
        return None
    if token.head.lemma_.lower() in DOCUMENTS:
        return token.head
    for t in reversed(token.doc[token.sent.start : token.i]):
        if t.lemma_.lower() in DOCUMENTS and t.dep_ in ("dobj", "nsubjpass"):
            return t
    return None


def _opens(token: Token) -> bool:
    """Whether ``token`` is the first word of its sentence."""
    before = token.doc[token.sent.start : token.i]
    return all(t.is_space or t.is_punct for t in before)


def _conditional(token: Token) -> bool:
    """Whether ``token`` sits in an "if" or "unless" clause ("if no deal is reached")."""
    for t in (token, *token.ancestors):
        if t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children
        ):
            return True
    return False


def _strikes_work(verb: Token) -> bool:
    """ "the union said it was prepared to strike": workers striking, with nothing struck."""
    if verb.lemma_.lower() != "strike" or any(
        c.dep_ in ("dobj", "nsubjpass")
        or (
            c.dep_ == "prep"
            and c.lower_ in ("at", "on")
            and not any(g.ent_type_ in arg.TIMES for g in c.children)
        )
        for c in verb.children
    ):
        return False
    return any(t.lemma_.lower() in LABOUR_WORDS for t in verb.sent if t.pos_ == "NOUN")


def _labour_strike(noun: Token) -> bool:
    if noun.lemma_.lower() != "strike":
        return False
    near = {t.lemma_.lower() for t in noun.subtree if t.i != noun.i}
    if near & LABOUR_WORDS:
        return True
    head = noun.head
    if head.pos_ == "ADP" and head.lower_ == "on" and head.head.lemma_.lower() == "go":
        return True  # "went on strike"
    verb = arg.governor(noun)  # "employees stopped work in a strike"
    if verb is not None and any(
        t.lemma_.lower() in WORKERS for s in arg.subjects(verb) for t in s.subtree
    ):
        return True
    if noun.dep_ == "dobj" and head.lemma_.lower() in LABOUR_VERBS:
        subjects = {t.lemma_.lower() for t in arg.subjects(head)}
        return not subjects & {"army", "military", "troops", "force", "forces", "jet", "drone"}
    return False


def _in_response(token: Token) -> bool:
    """ "response" in "in response to"."""
    return token.lower_ == "response" and token.dep_ == "pobj" and token.head.lower_ == "in"


def _opposing(actor: Actor) -> bool:
    """Protesters and dissidents: sector OPP, or OPP as the second role code as PLOVER's
    agents give it (``CVLOPP``)."""
    return actor.sector == "OPP" or (actor.cameo or "").endswith("OPP")


#: Regions whose people are of many states ("European leaders", "Western diplomats").
REGIONS = frozenset({"european", "western", "african", "asian", "latin", "gulf",
                     "nordic", "scandinavian", "baltic", "balkan", "eastern", "caribbean",
                     "pacific", "international", "foreign", "world", "global", "regional",
                     "middle", "mideast", "sahel", "levantine", "maghreb"})  # fmt: skip
#: Agent sectors too vague to stand for anyone placed by the event ("group", an organisation).
_VAGUE_SECTORS = frozenset({"UNK", "IGO", "NGO", "PTY"})
#: Agent nouns that are places ("withdrawing from the town"), things, someone's own
#: company ("arrived with a delegation"), or states of nowhere in particular ("several
#: countries"), not a side of their own.
_NOT_AGENTS = frozenset({
    "city", "cities", "town", "towns", "village", "villages", "neighborhood", "neighborhoods",
    "neighbourhood", "neighbourhoods", "province", "provinces", "settlement", "settlements",
    "community", "communities", "capital", "capitals", "kingdom", "kingdoms", "chamber",
    "chambers", "diet", "diets", "union", "unions", "delegation", "delegate", "delegates",
    "airliner", "airliners", "jetliner", "jetliners", "state-owned", "country",
    "countries", "nation", "nations", "power", "powers",
})  # fmt: skip


def agent_terms(kb: ActorBase) -> dict[str, str]:
    """The knowledge base's one-word agent nouns ("separatists") and their sectors."""
    return {
        term.phrase.lower(): term.sector
        for term in kb.data.terms
        if " " not in term.phrase
        and not term.title
        and term.sector not in _VAGUE_SECTORS
        and term.phrase.lower() not in _NOT_AGENTS
    }


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character range of the sentence without surrounding white space."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return sent.start_char, sent.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
