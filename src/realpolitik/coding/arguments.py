"""Finding who did what to whom in a dependency parse.

Pure functions over spaCy tokens: the subject and object tokens of a trigger, negation and
modality.  Resolution of those tokens to actors happens in ``mentions``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Tags of finite verbs (a participle "killed" or "fighting" can modify a noun; these cannot).
FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Entity types a subject misread as a modifier can be.
NAMED_SUBJECTS = frozenset({"ORG", "GPE", "PERSON", "NORP"})
#: Passive verbs of report whose subject is their complement's ("is said to have fled").
RAISING = frozenset({"report", "say", "believe", "expect", "think", "understand", "know",
                     "allege", "rumour", "rumor", "claim", "suspect"})  # fmt: skip
#: Nouns whose infinitive is their issuer's act ("issued orders to release").
ORDERS = frozenset({"order", "decision", "decree", "instruction", "directive"})
#: Verbs whose object does what their infinitive says ("warned the Houthis to stop").
OBJECT_CONTROL = frozenset({"warn", "urge", "ask", "tell", "order", "force", "compel",
                            "persuade", "press", "pressure", "encourage", "invite", "advise",
                            "instruct", "beg", "implore", "push", "oblige", "require"})  # fmt: skip
#: Verbs whose bare complement is their subject's own act ("Ethiopia let free 74 leaders").
CAUSATIVES = frozenset({"let", "help"})
#: Verbs of bringing sides together ("arranged the meeting", "brokered a deal").
MEDIATION_VERBS = frozenset({"arrange", "broker", "mediate", "facilitate", "organise", "organize"})
#: Entity types of when, not who.
TIMES = frozenset({"DATE", "TIME"})
#: Prepositions whose object is the target of a verb trigger.
TARGET_PREPS = frozenset(
    {"with", "to", "against", "on", "at", "into", "toward", "towards", "upon", "over"}
)
#: Nouns of where something happens, never a target ("on the sidelines of the summit",
#: "on the island of Saint Vincent").
WHERE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "island", "coast",
                         "outskirts", "shore", "edge", "fringe", "fringes"})  # fmt: skip
#: Prepositions whose object is the target of a noun trigger ("support for Ukraine").
NOUN_TARGET_PREPS = TARGET_PREPS | {"for", "between", "among"}
#: Verbs whose complement is wished for, planned or threatened, not done.
IRREALIS_HEADS = frozenset({
    "plan", "intend", "threaten", "vow", "promise", "want", "seek", "hope", "expect", "consider",
    "propose", "offer", "aim", "prepare", "agree", "refuse", "pledge", "try", "attempt",
    "plot", "urge", "ask", "call", "demand", "warn", "wish", "need", "push", "press", "encourage",
    "fail", "decline", "reject", "deny", "willing", "ready", "prepared", "eager",
})  # fmt: skip
#: Prepositions of circumstance: "after a meeting with Y" is the clause subject's meeting.
CIRCUMSTANCE_PREPS = frozenset(
    {
        "following",
        "after",
        "during",
        "before",
        "at",
        "in",
        "amid",
        "since",
        "upon",
        "on",
        "despite",
        "through",
    }
)
#: Prepositions whose object happened before or around the clause ("vowed revenge after the
#: bombing"): a fact of its own, whatever the clause's mood.
PAST_PREPS = frozenset({"after", "following", "since", "amid", "despite"})
NEGATING_HEADS = frozenset({"refuse", "fail", "decline", "deny", "reject", "avoid"})
MODALS = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "can", "'ll", "'d", "must"}
)
#: Nouns that are actors' agents, with the sector they stand for.
AGENT_SECTORS = {
    "troops": "MIL", "troop": "MIL", "soldier": "MIL", "forces": "MIL", "force": "MIL", "army": "MIL",
    "military": "MIL", "navy": "MIL", "jet": "MIL", "warplane": "MIL", "aircraft": "MIL",
    "drone": "MIL", "missile": "MIL", "strike": "MIL", "airstrike": "MIL", "artillery": "MIL",
    "tank": "MIL", "warship": "MIL", "commander": "MIL", "general": "MIL", "shelling": "MIL",
    "attack": "MIL", "raid": "MIL", "bombardment": "MIL", "fire": "MIL", "gunfire": "MIL",
    "police": "COP", "policeman": "COP", "officer": "COP", "security": "COP",
    "government": "GOV", "official": "GOV", "minister": "GOV", "ministry": "GOV",
    "president": "GOV", "authority": "GOV", "authorities": "GOV", "leader": "GOV",
    "cabinet": "GOV", "diplomat": "GOV", "envoy": "GOV", "ambassador": "GOV", "spokesman": "GOV",
    "spokesperson": "GOV", "administration": "GOV", "embassy": "GOV", "negotiator": "GOV",
    "civilian": "CVL", "people": "CVL", "resident": "CVL", "villager": "CVL", "child": "CVL",
    "woman": "CVL", "family": "CVL", "worker": "CVL", "citizen": "CVL", "population": "CVL",
    "militant": "REB", "rebel": "REB", "insurgent": "REB", "fighter": "REB", "gunman": "REB",
    "militia": "REB", "guerrilla": "REB", "faction": "REB", "group": "REB",
    "protester": "OPP", "demonstrator": "OPP", "activist": "OPP", "opposition": "OPP",
    "lawmaker": "LEG", "parliament": "LEG", "legislator": "LEG", "court": "JUD", "judge": "JUD",
    "prisoner": "CVL", "hostage": "CVL", "refugee": "REF", "journalist": "JRN",
    "settler": "CVL", "student": "EDU", "doctor": "MED", "hospital": "MED",
}  # fmt: skip


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("Iran and Russia" -> both)."""
    return [token, *[c for c in token.conjuncts if c.i > token.i and not verb_tagged_noun(c)]]


#: Nouns of intent whose infinitive is their owner's act: "announced plans to send aid".
INTENTS = frozenset({"plan", "decision", "intention", "bid", "effort", "attempt", "move",
                     "offer", "commitment", "proposal", "readiness", "willingness", "vow",
                     "pledge", "promise", "threat"})  # fmt: skip


def subjects(verb: Token) -> list[Token]:
    """The grammatical subject of ``verb``, inherited through control, coordination and clauses."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        found = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if found:
            return found
        misread = [  # "USAID had announced", "USAID" tagged an adverb: a name before the verb
            c
            for c in current.lefts
            if c.dep_ in ("advmod", "npadvmod", "dep") and c.ent_type_ in NAMED_SUBJECTS
        ]
        if misread and not is_passive_voice(current):
            return misread[:1]
        if current is not verb and current.lemma_.lower() in RAISING:
            # "IS is reported to have captured the town": the reported one captured it
            found = [c for c in current.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if found:
                return found
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBG"):
            return [current.head]
        if (
            current.dep_ == "acl"
            and current.head.lemma_.lower() in (*ORDERS, *INTENTS)
            and current.head.dep_ == "dobj"
            and infinitive(current)
        ):  # "X issued orders to release the prisoners", "announced plans to send aid": the
            # one who ordered or planned it
            current = current.head.head
            continue
        if current.dep_ == "acl" and infinitive(current):
            owners = [c for c in current.head.children if c.dep_ == "poss"]
            if owners:  # "Putin's decision to recognize the regions": Putin's act
                return owners
        if misread_predicate(current):
            return [current.head]
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL:
            told = [c for c in current.head.children if c.dep_ == "dobj"]
            if told:  # "warned the Houthis to stop attacking ships": the Houthis would stop
                return told
        if current.dep_ == "conj" and verb_tagged_noun(current) and current.head.pos_ == "NOUN":
            return [current.head]  # "gunmen and a bomber kill": the coordinated nouns
        if (
            current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp")
            or (current.dep_ == "ccomp" and current.head.lemma_.lower() in CAUSATIVES)
        ) and current.head != current:
            current = current.head
            if current.dep_ == "prep" and current.head.pos_ in ("VERB", "AUX"):
                current = current.head  # "after reaching an agreement": the clause's subject
            elif current.dep_ == "prep" and _culpable(current.head):
                current = current.head.head  # "X is guilty of violating the ceasefire"
            continue
        return []
    return []


def infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive ("plans to send", "allowed them to visit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive_subjects(verb: Token) -> list[Token]:
    """Whom ``verb`` lets or has do something, where the parse makes them the subject of an
    infinitive clause ("allowed UN inspectors to visit": the inspectors)."""
    return [
        s
        for c in verb.children
        if c.dep_ == "ccomp" and infinitive(c)
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def verb_tagged_noun(token: Token) -> bool:
    """A present-tense verb the tagger read as a noun ("a court issues the warrants",
    "gunmen and a bomber kill 61 people"): a "noun" with a direct object of its own."""
    return token.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in token.children)


def misread_predicate(verb: Token) -> bool:
    """ "The Iraqi air force carried out strikes" parsed as a noun with a clause: a verb that
    hangs from a root noun and acts, rather than describes ("killed in the raid"), is that
    noun's predicate. It acts if finite, or a participle with a direct object (passive
    participles take none)."""
    return (
        verb.dep_ == "acl"
        and verb.head.dep_ == "ROOT"
        and (verb.tag_ in FINITE or any(c.dep_ == "dobj" for c in verb.children))
    )


def agent_of(verb: Token) -> list[Token]:
    """The ``by`` agent of a passive verb ("were killed by Israeli strikes" -> strikes)."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def is_passive_voice(verb: Token) -> bool:
    """A passive auxiliary or subject under ``verb``."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if _agented_participle(verb):
        return True
    if misread_predicate(verb):
        return False  # a misparsed main clause: "The air force carried out strikes"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _agented_participle(verb: Token) -> bool:
    """ "…, hosted by Trump", "Backed by Iran, the Houthis …": a past participle modifying a
    clause, with its agent named."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in verb.children)
    )


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "…against Israel, backed by Iran": a participle after a comma modifies the clause,
        # not the nearest noun, and the parse cannot say which; leave the target out.
        detached = verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.head.dep_ == "pobj"
        found = [] if detached else [verb.head]
    if not found and _agented_participle(verb):
        # "they met at the White House, hosted by Trump": the clause's subject was hosted
        found = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if not found and verb.dep_ == "conj":
        # "the fishermen, held captive, have been freed": a coordinated passive shares its
        # head's subject, passive or not
        return passive_subjects(verb.head) or [
            c for c in verb.head.children if c.dep_ in SUBJECT_DEPS
        ]
    return found


def objects(verb: Token, *, skip_preps: tuple[str, ...] = ()) -> Iterator[Token]:
    """Candidate targets of ``verb``, best first: direct objects, then prepositional ones."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "obj"):
            yield child
    for child in verb.children:
        if (
            child.dep_ in ("prep", "dative")
            and child.lower_ in TARGET_PREPS
            and child.lower_ not in skip_preps
        ):  # "on Thursday" is when, not whom; "on the sidelines of the G20" is where
            yield from (
                g
                for g in child.children
                if g.dep_ == "pobj"
                and g.ent_type_ not in TIMES
                and not (g.pos_ == "NOUN" and g.lemma_.lower() in WHERE_NOUNS)
            )
    for child in verb.children:  # "called on Israel", where "on" is a particle
        if child.dep_ == "prt" and child.lower_ in TARGET_PREPS:
            yield from (g for g in verb.children if g.dep_ == "pobj")


def out_of_objects(verb: Token) -> list[Token]:
    """The objects of "out of" after ``verb`` ("pulled out of Iraq")."""
    outs = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "out"]
    return prep_objects(verb, *outs, preps=("of",))


def prep_objects(*holders: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the prepositions in ``preps`` that hang from any of ``holders``
    ("withdrew its ambassador from France", with ``from``: France)."""
    return [
        g
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def noun_objects(noun: Token) -> Iterator[Token]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            yield from (g for g in child.children if g.dep_ == "pobj")


def noun_of(noun: Token) -> list[Token]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def governor(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from ("held talks" -> held; "after a meeting with" -> the
    clause's verb), or None."""
    current = noun
    for _ in range(3):
        head = current.head
        if head == current:
            return None
        if current.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head
        if current.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if verb.pos_ in ("VERB", "AUX"):
                return verb
            if _culpable(verb):  # "the cartel has been responsible for killings": been
                return verb.head
            current = verb
            continue
        if current.dep_ == "conj" or (current.dep_ == "compound" and head.pos_ == "NOUN"):
            current = head  # "launched a mediation effort": the effort's verb
            continue
        return None
    return None


#: Adjectives that make their subject the doer of what follows ("guilty of violating",
#: "responsible for the killings").
CULPABLE = frozenset({"guilty", "responsible", "culpable"})


def _culpable(token: Token) -> bool:
    """ "guilty" or "responsible" as the complement of a clause's verb ("is guilty of …")."""
    return (
        token.dep_ == "acomp"
        and token.lemma_.lower() in CULPABLE
        and token.head.pos_ in ("VERB", "AUX")
    )


def negated(token: Token) -> bool:
    """Whether the trigger is denied: "did not meet", "no talks", "refused to attack"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
        return True
    head = token.head
    if token.dep_ == "acomp" and any(c.dep_ == "neg" for c in head.children):
        return True  # "was not willing", "is not pleased"
    if (
        token.dep_ == "xcomp"
        and head.dep_ == "acomp"
        and any(c.dep_ == "neg" for c in head.head.children)
    ):
        return True  # "was not willing to negotiate"
    if token.dep_ == "xcomp" and head.lemma_.lower() in NEGATING_HEADS:
        return True
    if token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children):
        return True
    return (
        token.dep_ == "conj"
        and head != token
        and any(c.dep_ == "neg" for c in head.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
    )


def clause_verb(token: Token) -> Token | None:
    """The verb whose modality a trigger shares: itself, or the verb a noun trigger hangs
    from (None when it hangs from none)."""
    return governor(token) if token.pos_ in ("NOUN", "PROPN") else token


def irrealis(token: Token) -> bool:
    """Whether the trigger is future, wished, threatened or conditional, not a past act."""
    if token.dep_ == "pobj" and token.head.lower_ in PAST_PREPS:
        return False
    verb = clause_verb(token)
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    if infinitive(verb) and verb.dep_ in (
        "xcomp",
        "advcl",
        "acl",
    ):
        return verb.head.lemma_.lower() in IRREALIS_HEADS or verb.dep_ == "acl"
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    ):
        return True
    return bool(verb.dep_ == "xcomp" and verb.head.lemma_.lower() in IRREALIS_HEADS)


def is_complement(token: Token) -> bool:
    """Whether ``token`` hangs from its head as what is said, asked or promised (not as its
    subject or a circumstance)."""
    if token.dep_ in ("xcomp", "ccomp", "dobj", "dative", "pcomp", "attr", "oprd"):
        return True
    if token.dep_ == "advcl" and _for_clause(token):
        return True  # "called for Israel to withdraw"
    return token.dep_ == "prep" and token.lower_ in (
        "of",
        "for",
        "to",
        "over",
        "against",
        "about",
        "on",
    )


def _for_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a "for X to do" clause."""
    return any(c.dep_ == "mark" and c.lower_ == "for" and c.i < verb.i for c in verb.children)


def complement_subjects(verb: Token) -> list[Token]:
    """Who is asked or promised to act, when the parse hangs "for Israel to withdraw" as a
    clause of ``verb``: the clause's own subject."""
    return [
        g
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp") and _for_clause(c)
        for g in c.children
        if g.dep_ in SUBJECT_DEPS
    ]


def mandated_subjects(verb: Token) -> list[Token]:
    """Who is told to act in a clause of demand ("demanded that the United States lift its
    sanctions", "insisted that Israel should withdraw"): the subject of a clause in the
    present (the subjunctive) or with "should" or "must", not one telling what was done."""
    return [
        g
        for c in verb.children
        if c.dep_ == "ccomp"
        and (
            (
                c.tag_ in ("VB", "VBP", "VBZ")
                and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
            )
            or any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in c.children)
        )
        for g in c.children
        if g.dep_ == "nsubj"
    ]


FUTURE_HEADS = frozenset({"plan", "intend", "promise", "pledge", "vow", "agree", "offer", "prepare",
                          "ready", "prepared", "willing", "expect", "aim", "commit"})  # fmt: skip


def future(token: Token) -> bool:
    """Whether the act is announced for the future ("will allow", "ready to host", "agreed to
    release"), as opposed to wished for by someone else or conditional."""
    verb = clause_verb(token)
    if verb is None:
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children
    ):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_HEADS:
        return True
    return verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in FUTURE_HEADS


def path_to_root(token: Token) -> Iterator[Token]:
    current = token
    for _ in range(40):
        if current.head == current:
            return
        yield current.head
        current = current.head


def left_core(token: Token) -> tuple[int, int]:
    """Token range of ``token`` with its left modifiers: "Iran's Foreign Minister Hossein X"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "det", "npadvmod", "nummod", "quantmod",
                          "punct", "case", "predet", "poss"):  # fmt: skip
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "case") or (child.dep_ == "appos" and child.pos_ == "PROPN"):
            end = max(end, child.right_edge.i + 1)
    return start, end


def bare_core(token: Token) -> tuple[int, int]:
    """The name itself: ``token`` with the adjectives and nouns right before it, without
    determiners or numbers ("at least 25 Palestinians" -> "Palestinians")."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
        and token.doc[start - 1].head.i >= token.i
    ):
        start -= 1
    return start, token.i + 1


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range of ``token``'s phrase without relative clauses and other clauses."""
    start, end = token.i, token.i + 1
    for t in token.subtree:
        # a full stop hanging from a root noun would stretch the phrase over a misread
        # predicate ("The rebels handed their arms to the UN.")
        if _inside_clause(t, token) or t.dep_ == "punct":
            continue
        start, end = min(start, t.i), max(end, t.i + 1)
    return start, end


def _inside_clause(t: Token, root: Token) -> bool:
    current = t
    while current != root and current.head != current:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "cc"):
            return True
        current = current.head
    return False
