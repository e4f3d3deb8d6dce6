"""Humanitarian figures from a parsed article: who was killed, injured, displaced...

A fact is read off the dependency tree around a trigger word ("killed", "deaths",
"displacing", "hostages"): the figure is the number that counts the trigger's victims
(the passive subject, the object, the noun the participle modifies, or the trigger noun's
own number).  Every figure gives one fact; several figures in one sentence ("six soldiers
and six militants are killed") are several facts that add up (see :func:`total`).

Only sentences that pass a cheap regular expression are looked at, so most of the cost is
the parse the coder does anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.facts import lexicon
from realpolitik.facts.figures import figure_of
from realpolitik.facts.numbers import Figure, qualifier_before, read_figure
from realpolitik.model import Article, Fact, FactKind, Location, Qualifier, stable_id
from realpolitik.model import Span as Evidence
from realpolitik.places import Gazetteer

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
_SAY = frozenset({"say", "report", "announce", "tell", "state", "confirm", "add"})
_MORE = frozenset({"more", "other", "additional", "another", "further", "new"})
#: Verbs that end a captivity: the prisoners or hostages they free are no longer held.
_FREEING = frozenset({"release", "free", "swap", "exchange", "repatriate", "pardon", "return",
                      "hand", "handover", "liberate", "rescue"})  # fmt: skip
_TOLL = re.compile(
    r"\b(?:death toll|toll|total)\b[^.;]{0,40}?\b(?:to|at|of|reached|hit|is|was|stands at)\s+"
    r"((?:at least |over |more than |about |nearly |some )?\d[\d,]*(?:\.\d+)?(?:\s+million)?)",
    re.IGNORECASE,
)


_BRINGING = re.compile(
    r"\b(?:bringing|raising|taking|pushing) the (?:death )?(?:toll|total)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Found:
    kind: FactKind
    figure: Figure
    number: tuple[int, int]  # character offsets of the figure
    unit: str
    of: str | None
    perpetrator: str | None
    cumulative: bool


class FactExtractor:
    """Build once with a gazetteer; :meth:`extract` is called per article."""

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    def extract(self, doc: Doc, article: Article) -> list[Fact]:
        facts: list[Fact] = []
        place: _ArticlePlace | None = None
        for sent in doc.sents:
            if sent.end_char <= article.body_start or not lexicon.PREFILTER.search(sent.text):
                continue
            found = list(_facts_in(sent))
            if not found:
                continue
            if place is None:
                place = _ArticlePlace(self._gaz, article.text)
            evidence = _evidence(
                article.text, max(sent.start_char, article.body_start), sent.end_char
            )
            attribution = _attribution(sent)
            location = place.of_sentence(sent.text)
            for item in found:
                facts.append(_fact(article, item, evidence, attribution, location))
        return facts


class _ArticlePlace:
    """Places for one article: its countries give context to every sentence."""

    def __init__(self, gaz: Gazetteer | None, text: str) -> None:
        self._gaz = gaz
        self.countries: tuple[str, ...] = ()
        self.main: Location | None = None
        if gaz is not None:
            found = gaz.mentions(text)
            self.countries = tuple(
                dict.fromkeys(m.place.country for m in found if m.place.country)
            )[:3]
            self.main = gaz.primary(text)

    def of_sentence(self, text: str) -> Location | None:
        if self._gaz is None:
            return None
        return self._gaz.primary(text, countries=self.countries) or self.main


def _evidence(text: str, start: int, end: int) -> Evidence:
    """The sentence without the white space around it."""
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())
    end -= len(chunk) - len(chunk.rstrip())
    return Evidence(text[start:end], start, end)


def _fact(
    article: Article,
    item: _Found,
    evidence: Evidence,
    attribution: str | None,
    location: Location | None,
) -> Fact:
    extras: dict[str, object] = {
        "figure": {
            "text": article.text[item.number[0] : item.number[1]],
            "start": item.number[0],
            "end": item.number[1],
        },
    }
    if item.figure.high is not None:
        extras["high"] = item.figure.high
    return Fact(
        fact_id=stable_id(
            article.article_id, evidence.start, evidence.end, item.kind.value, item.number[0]
        ),
        article_id=article.article_id,
        date=article.date,
        kind=item.kind,
        value=item.figure.value,
        unit=item.unit,
        qualifier=item.figure.qualifier,
        of=item.of,
        location=location,
        attribution=attribution,
        evidence=evidence,
        perpetrator=item.perpetrator,
        cumulative=item.cumulative,
        extras=extras,
    )


def _facts_in(sent: Span) -> Iterator[_Found]:
    used: set[int] = set()
    cumulative_sentence = bool(lexicon.CUMULATIVE.search(sent.text))
    bringing = bool(_BRINGING.search(sent.text))
    for token in sent:
        kind = _kind(token, sent)
        if kind is None or _negated(token) or _freed(token, kind):
            continue
        for head in _victims(token):
            found = figure_of(head, sent, used)
            if found is None:
                continue
            figure, span, unit, of = found
            more = any(t.lower_ in _MORE for t in head.doc[max(span[2] - 1, 0) : span[3] + 1])
            yield _Found(
                kind,
                figure,
                (span[0], span[1]),
                unit,
                of,
                _perpetrator(token),
                cumulative_sentence and not more and not bringing,
            )
    toll = _toll(sent, used, bringing=bringing)
    if toll is not None:
        yield toll


def _toll(sent: Span, used: set[int], *, bringing: bool) -> _Found | None:
    """A running total: "the death toll rose to 53", "bringing the total to 53"."""
    match = _TOLL.search(sent.text)
    if match is None or not (bringing or "death toll" in sent.text.lower()):
        return None
    phrase = match.group(1)
    digits = phrase.lstrip("abcdefghijklmnopqrstuvwxyz ")
    end = sent.start_char + match.end(1)
    start = end - len(digits)
    figure = read_figure(digits, phrase, "")
    if figure is None or any(sent.doc[i].idx == start for i in used):
        return None
    return _Found(
        FactKind.KILLED,
        Figure(figure.value, _toll_qualifier(phrase)),
        (start, end),
        "people",
        None,
        None,
        True,
    )


def _toll_qualifier(text: str) -> Qualifier:
    return qualifier_before(text.rsplit(" ", 1)[0] if " " in text else "")


def _kind(token: Token, sent: Span) -> FactKind | None:
    lemma = token.lemma_.lower()
    kind = lexicon.TRIGGERS.get(lemma) or lexicon.TRIGGERS.get(token.lower_)
    if kind is None:
        if token.lower_ in (
            "insecure",
            "insecurity",
            "hunger",
            "famine",
        ) and lexicon.FOOD_INSECURE.search(sent.text):
            return FactKind.FOOD_INSECURE
        return None
    if lemma in ("flee", "evacuate", "die", "disappear") and token.pos_ != "VERB":
        return None
    if lemma == "body" and token.pos_ != "NOUN":
        return None
    if lemma == "death" and token.dep_ == "compound" and token.head.lower_ == "toll":
        return None  # read by the toll pattern
    return kind


def _negated(token: Token) -> bool:
    """ "did not kill", "no one was killed", "almost killed him"."""
    if any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("almost", "nearly"))
        for c in token.children
    ):
        return True
    return any(
        c.lower_ in ("no", "none")
        for c in token.children
        if c.dep_ in ("det", "nsubj", "nsubjpass")
    )


def _freed(token: Token, kind: FactKind) -> bool:
    """ "freed 74 prisoners", "the release of 24 hostages": people set free, no count of
    those held."""
    if kind not in (FactKind.DETAINED, FactKind.HOSTAGES) or token.pos_ == "VERB":
        return False
    governor = token.head
    if token.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ == "of":
        governor = governor.head  # "the release of 24 hostages"
    freeing = [governor] if token.dep_ in ("dobj", "nsubjpass", "pobj") else []
    freeing += [c for c in token.children if c.dep_ == "amod"]  # "the freed hostages"
    return any(t.lemma_.lower() in _FREEING for t in freeing)


def _victims(token: Token) -> list[Token]:
    """The words that may carry the count of the trigger's victims."""
    deps: tuple[str, ...]
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is not None and before.like_num and token.tag_ in ("VBN", "JJ"):
        return [before]  # "(2,787 killed and 3,152 injured)"
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG"):
        intransitive = (
            token.lemma_ in ("die", "flee", "perish", "disappear", "succumb")
            or token.lower_ == "missing"
        )
        deps = ("nsubjpass", "dobj", "nsubj") if intransitive else ("nsubjpass", "dobj")
        heads = [c for c in token.children if c.dep_ in deps]
        if not heads and token.dep_ in ("acl", "amod", "relcl"):
            heads = [token.head]
        if not heads and token.dep_ in ("conj", "xcomp", "advcl"):
            heads = [c for c in token.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if not heads and token.dep_ in ("conj",) and token.head.dep_ in ("acl", "amod"):
            heads = [token.head.head]
        if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
            heads.append(token.head)  # a misparse: "Three fighters and a councilman were killed"
    elif token.pos_ == "ADJ":
        heads = [token] + ([token.head] if token.dep_ == "amod" else [])
        if token.dep_ in ("acomp", "attr", "oprd"):
            shot_dead = token.head.lemma_ in ("shoot", "stab", "beat", "burn", "hack", "leave")
            deps = ("nsubjpass", "dobj") if shot_dead else ("nsubj", "nsubjpass")
            heads += [c for c in token.head.children if c.dep_ in deps]
    else:
        heads = [token] + [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if token.lemma_ == "body":  # "a man's body was found"
            heads += [c for c in token.children if c.dep_ == "poss"]
        if token.dep_ == "pobj" and token.head.lower_ == "to":  # "beaten to death"
            verb = token.head.head
            heads += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            heads.append(token.head.head)
    if lexicon.TRIGGERS.get(token.lemma_.lower()) is None and token.pos_ == "NOUN":
        verb = token.head  # "2.7 million people face acute food insecurity"
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        heads += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    out: list[Token] = []
    for head in heads:
        out.extend([head, *head.conjuncts])
    return out


def _perpetrator(token: Token) -> str | None:
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        subject = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if subject is None or subject.lower_ in _PRONOUNS or token.lemma_ in ("die", "flee"):
        return None
    return _phrase(subject)


def _attribution(sent: Span) -> str | None:
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
            if source is not None:
                return _phrase(source)
    root = sent.root
    if root.lemma_ in _SAY:
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _PRONOUNS:
            return _phrase(subject)
    return None


def _phrase(token: Token) -> str:
    words: Sequence[Token] = [t for t in token.subtree if t.dep_ not in ("punct", "relcl")]
    words = [t for t in words if not (t.dep_ == "det" and t.head is token)]
    return " ".join(t.text for t in words[:8]).replace(" 's", "'s")
