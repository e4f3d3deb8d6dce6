"""The trigger lexicon: which words signal which CAMEO code (``data/coding/triggers.yaml``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Token

from realpolitik.coding.arguments import MEDIATION_VERBS, TIMES, infinitive_subjects
from realpolitik.errors import DataError
from realpolitik.settings import data_path


class _UniqueKeys(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping (YAML would silently
    keep the last: a second ``"160":`` entry would drop the first one's triggers)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is written twice in one mapping", key_node.start_mark
            )
        seen.add(key)
    return dict(yaml.SafeLoader.construct_mapping(loader, node))


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)

#: Dependency labels under which a particle or preposition of a phrasal verb hangs.
_PARTICLE_DEPS = frozenset(
    {"prt", "prep", "agent", "advmod", "dative", "dobj", "pobj", "acomp", "xcomp", "aux"}
)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    lemma: str
    particles: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return len(self.particles) + 2 * len(self.objects)


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    words: tuple[str, ...]  # lemmas, in order
    head: int  # index in ``words`` of the word that is the trigger token

    @property
    def specificity(self) -> int:
        return len(self.words)


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    token: Token
    specificity: int
    nominal: bool
    no_target: bool
    particles: tuple[str, ...] = ()


class Lexicon:
    """Verb and noun patterns indexed by the trigger word's lemma."""

    def __init__(
        self,
        verbs: dict[str, list[VerbPattern]],
        nouns: dict[str, list[NounPattern]],
        refine: dict[str, dict[str, str]],
        light_verbs: frozenset[str],
        no_target: frozenset[str],
        plover: dict[str, tuple[str, str | None]] | None = None,
        other_senses: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.verbs = verbs
        self.nouns = nouns
        self.refine = refine
        self.light_verbs = light_verbs
        self.no_target = no_target
        #: PLOVER v0.8 type and mode of CAMEO codes where the manual departs from the
        #: CAMEO2PLOVER cross-walk ("impose sanctions" is SANCTION, a resignation RETREAT).
        self.plover = plover or {}
        #: Objects that make a bare verb trigger another sense ("released a report").
        self.other_senses = other_senses or {}

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        path = path or data_path("coding", "triggers.yaml")
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
        except yaml.YAMLError as exc:
            raise DataError(f"{path}: not valid YAML: {exc}") from exc
        verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        nouns: dict[str, list[NounPattern]] = defaultdict(list)
        no_target: set[str] = set()
        for code, entry in (raw.get("codes") or {}).items():
            code = str(code)
            if not isinstance(entry, dict):
                raise DataError(f"{path}: entry {code!r} must be a mapping with verbs/nouns")
            if entry.get("no_target"):
                no_target.add(code)
            for text in entry.get("verbs") or ():
                pattern = _verb_pattern(code, str(text))
                verbs[pattern.lemma].append(pattern)
            for text in entry.get("nouns") or ():
                noun = _noun_pattern(code, str(text))
                nouns[noun.words[noun.head]].append(noun)
        refine = {
            str(k): {str(w): str(c) for w, c in v.items()}
            for k, v in (raw.get("refine") or {}).items()
        }
        light = frozenset(str(v) for v in raw.get("light_verbs") or ())
        plover: dict[str, tuple[str, str | None]] = {}
        for code, value in (raw.get("plover") or {}).items():
            event, _, mode = str(value).partition("/")
            plover[str(code)] = (event, mode or None)
        other = {
            str(k): frozenset(str(w).lower() for w in v)
            for k, v in (raw.get("other_senses") or {}).items()
        }
        return cls(dict(verbs), dict(nouns), refine, light, frozenset(no_target), plover, other)

    def match_verb(self, token: Token) -> Match | None:
        """The most specific verb pattern that ``token`` (a verb) satisfies."""
        best: VerbPattern | None = None
        for pattern in self.verbs.get(token.lemma_.lower(), ()):
            if best is not None and pattern.specificity <= best.specificity:
                continue
            if not pattern.objects and _object_is(token, self.other_senses.get(pattern.code)):
                continue
            if not pattern.particles and (_going_on(token) or _helping_to_mediate(token)):
                continue
            if (
                _has_particles(token, pattern.particles)
                and _has_objects(token, pattern.objects)
                and not _reversed(token, pattern.objects)
            ):
                best = pattern
        if best is None:
            return None
        return Match(
            best.code, token, best.specificity, False, best.code in self.no_target, best.particles
        )

    def match_noun(self, token: Token) -> Match | None:
        """The most specific noun pattern whose trigger word is ``token``."""
        best: NounPattern | None = None
        doc = token.doc
        for pattern in self.nouns.get(token.lemma_.lower(), ()):
            if best is not None and pattern.specificity <= best.specificity:
                continue
            start = token.i - pattern.head
            end = start + len(pattern.words)
            if (
                start >= 0
                and end <= len(doc)
                and all(_word_is(doc[start + k], word) for k, word in enumerate(pattern.words))
            ) or _apart(token, pattern):
                best = pattern
        if best is None:
            return None
        return Match(best.code, token, best.specificity, True, best.code in self.no_target)

    def refined(self, code: str, words: set[str]) -> str:
        """Narrow ``code`` by what its object names (``call for`` + ``ceasefire`` -> 0256)."""
        table = self.refine.get(code)
        if not table:
            return code
        for word, narrow in table.items():
            if word in words:
                return narrow
        return code


def _apart(token: Token, pattern: NounPattern) -> bool:
    """A noun and its preposition set apart ("a call from the EU for a ceasefire")."""
    return (
        pattern.head == 0
        and len(pattern.words) == 2
        and any(c.dep_ == "prep" and c.lower_ == pattern.words[1] for c in token.children)
    )


def _word_is(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _verb_pattern(code: str, text: str) -> VerbPattern:
    words = text.split()
    objects = tuple(w[1:].lower() for w in words[1:] if w.startswith("+"))
    particles = tuple(w.lower() for w in words[1:] if not w.startswith("+"))
    return VerbPattern(code, words[0].lower(), particles, objects)


def _noun_pattern(code: str, text: str) -> NounPattern:
    # the tokenizer splits "cease-fire" into "cease", "-", "fire": so does the pattern
    words = tuple(w.lower() for w in text.replace("-", " - ").split())
    functional = {"for", "of", "against", "the", "a", "on", "with"}
    # The trigger is the last word before the first function word: "aid package" -> package,
    # "violation of the ceasefire" -> violation, "call for" -> call.
    head = 0
    while head + 1 < len(words) and words[head + 1] not in functional:
        head += 1
    return NounPattern(code, words, head)


#: Particles that make a verb of pressure one of going on: "pressed on", "pushed ahead".
ONWARD = frozenset({"on", "ahead", "forward"})


def _going_on(token: Token) -> bool:
    """ "Israel pressed on with its offensive": it went on, it demanded nothing."""
    return token.lemma_.lower() in ("press", "push") and any(
        c.dep_ == "prt" and c.lower_ in ONWARD for c in token.children
    )


#: Acts of bringing sides together that "help" may introduce.
MEDIATION = MEDIATION_VERBS | {"negotiate", "secure"}


def _helping_to_mediate(token: Token) -> bool:
    """ "CARICOM and Brazil helped arrange the meeting", "Qatar helped broker a deal": the
    act helped is the mediation (coded on its own verb), no aid to anyone."""
    return token.lemma_.lower() in ("help", "assist") and any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in MEDIATION for c in token.children
    )


def _has_particles(token: Token, particles: tuple[str, ...]) -> bool:
    if not particles:
        return True
    # "agreed on Wednesday" is no "agree on": a preposition heading a date is no particle.
    children = [c for c in token.children if c.dep_ in _PARTICLE_DEPS and not _heads_date(c)]
    near = {c.lower_ for c in children}
    near |= {g.lower_ for c in children for g in c.children}
    near |= {g.lemma_.lower() for c in children for g in c.children}
    # "calls for the world to investigate": "for" opens the clause the verb governs
    near |= {
        g.lower_
        for c in token.children
        if c.dep_ in ("advcl", "ccomp")
        for g in c.children
        if g.dep_ == "mark" and g.i < c.i
    }
    return all(p in near for p in particles)


def _heads_date(token: Token) -> bool:
    return any(g.ent_type_ in TIMES for g in token.children if g.dep_ == "pobj")


def _object_is(token: Token, words: frozenset[str] | None) -> bool:
    """Whether the direct object (or passive subject) of ``token`` is one of ``words``."""
    if not words:
        return False
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and (c.lemma_.lower() in words or c.lower_ in words)
        for c in token.children
    )


def _has_objects(token: Token, objects: tuple[str, ...]) -> bool:
    if not objects:
        return True
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in (
            "dobj",
            "nsubjpass",
            "attr",
            "oprd",
            "pobj",
            "prep",
            "xcomp",
            "dative",
            "obj",
            "npadvmod",  # "eased curfew hours"
        ) or (child.dep_ == "ccomp" and child.pos_ == "ADJ"):  # "found him guilty"
            words = [t for t in child.subtree if not _in_clause(t, child)]
            for t in words:
                found.add(t.lemma_.lower())
                found.add(t.lower_)
            found |= hyphenated(words)
    # "allowed UN inspectors to visit": the parse makes the object the clause's subject
    for subject in infinitive_subjects(token):
        found |= {w for t in subject.subtree for w in (t.lemma_.lower(), t.lower_)}
    return all(o in found or _singular(o) in found for o in objects)


def _in_clause(token: Token, top: Token) -> bool:
    """Whether ``token`` sits in a clause of its own below ``top``: "announced plans to
    monitor aid agencies" announces no aid."""
    current = token
    while current != top and current.head != current:
        if current.dep_ in ("relcl", "advcl", "ccomp") or (
            current.dep_ == "acl" and any(c.lower_ == "to" for c in current.children)
        ):
            return True
        current = current.head
    return False


#: Nouns that undo what they govern: "announced a suspension of aid" announces no aid.
REVERSALS = frozenset({"suspension", "halt", "end", "cut", "cuts", "cancellation", "freeze",
                       "withdrawal", "lifting", "ban", "reduction", "removal", "denial"})  # fmt: skip


def _reversed(token: Token, objects: tuple[str, ...]) -> bool:
    """Whether the verb's direct object undoes the object word the pattern names."""
    if not objects:
        return False
    heads = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    return any(h.lemma_.lower() in REVERSALS and h.lemma_.lower() not in objects for h in heads)


def hyphenated(tokens: Iterable[Token]) -> set[str]:
    """The hyphenated words the tokenizer split ("cease", "-", "fire" -> "cease-fire")."""
    out = set()
    for t in tokens:
        if t.text == "-" and 0 < t.i < len(t.doc) - 1:
            before, after = t.doc[t.i - 1], t.doc[t.i + 1]
            if before.idx + len(before) == t.idx and t.idx + 1 == after.idx:
                out.add(f"{before.lower_}-{after.lower_}")
    return out


def _singular(word: str) -> str:
    """ "missiles" for "a missile": a plural object word of a pattern matches one thing too."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
