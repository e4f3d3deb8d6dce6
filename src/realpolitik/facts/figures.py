"""The figure that counts a trigger's victims, read off the parse tree: "1.6 million",
"a man" (one), "another" (one), "both" (two), "80% of its population"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.facts import lexicon
from realpolitik.facts.numbers import VAGUE, Figure, read_figure
from realpolitik.model import Qualifier

_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "dozen"})
_PERCENT = frozenset({"%", "percent", "per cent", "pc"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})

#: (figure, (start_char, end_char, first token, last token), unit, of)
Found = tuple[Figure, tuple[int, int, int, int], str, "str | None"]


def figure_of(
    head: Token, sent: Span, used: set[int]
) -> tuple[Figure, tuple[int, int, int, int], str, str | None] | None:
    """The figure counting ``head``: (figure, (start_char, end_char, first_i, last_i), unit, of)."""
    if head.lemma_.lower() in ("casualty", "casualties"):
        return None  # killed and injured together: neither kind
    if head.lower_ in lexicon.NOT_PEOPLE or head.lemma_.lower() in lexicon.NOT_PEOPLE:
        return None
    unit, of = "people", None
    number: Token | None = None
    if head.like_num or head.lower_ in VAGUE:
        number = head
        target = next(
            (
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if target is not None and (target.lower_ in lexicon.NOT_PEOPLE):
            return None
    else:
        number = next(
            (
                c
                for c in head.children
                if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in VAGUE)
            ),
            None,
        )
        if number is None:
            number = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of" and head.lower_ in VAGUE
                ),
                None,
            )
        if number is None and head.pos_ in ("NOUN", "PROPN"):
            number = _number_before(head)
    if head.lower_ in _PERCENT or (number is not None and number.head.lower_ in _PERCENT):
        unit = "percent"
        of = _percent_of(head if head.lower_ in _PERCENT else number.head)  # type: ignore[union-attr]
    if number is None:
        return _one_person(head, used)
    if _is_date(number) or (number.i > 0 and number.doc[number.i - 1].lower_ in ("no", "not")):
        return None
    tokens = _number_run(number)
    if not tokens or any(t.i in used for t in tokens):
        return None
    first, last = tokens[0], tokens[-1]
    nxt = head.doc[last.i + 1] if last.i + 1 < len(head.doc) else None
    if (
        nxt is not None
        and nxt.lower_ in ("-", "year", "years")
        and unit == "people"
        and head.lower_ not in ("%",)
    ):
        return None  # "25-year-old"
    text = head.doc[first.i : last.i + 1].text
    before = sent.doc.text[sent.start_char : first.idx]
    after = sent.doc.text[last.idx + len(last.text) : sent.end_char]
    figure = read_figure(text, before, after)
    if figure is None or (unit == "people" and _looks_like_year(figure, text)):
        return None
    used.update(t.i for t in tokens)
    return figure, (first.idx, last.idx + len(last.text), first.i, last.i), unit, of


def _number_run(number: Token) -> list[Token]:
    """The contiguous words of one figure around ``number`` ("1.6 million", "thirty-eight")."""

    def part(t: Token) -> bool:
        return t.like_num or t.lower_ in _SCALE_WORDS or t.lower_ in VAGUE

    doc = number.doc
    first = last = number.i
    while first > number.sent.start and (
        part(doc[first - 1]) or (doc[first - 1].text == "-" and first > 1 and part(doc[first - 2]))
    ):
        first -= 1
    while last + 1 < number.sent.end and part(doc[last + 1]):
        last += 1
    return [doc[i] for i in range(first, last + 1)]


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _is_date(number: Token) -> bool:
    """ "11 January", "January 11": a day of the month, not a count."""
    doc = number.doc
    near = [doc[i] for i in (number.i - 1, number.i + 1) if 0 <= i < len(doc)]
    return any(t.lower_ in _MONTHS for t in (*near, *number.children))


def _number_before(head: Token) -> Token | None:
    """A number among the words before a noun that the parser hung elsewhere:
    "twenty Boko Haram militants", "Three HM militants"."""
    doc = head.doc
    for token in doc[head.left_edge.i : head.i]:
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if after in ("-", "year", "years", "old"):
            continue  # an age: "a 25-year-old man"
        if token.like_num and head.left_edge.i <= token.head.i <= head.i:
            return token
    return None


def _one_person(
    head: Token, used: set[int]
) -> tuple[Figure, tuple[int, int, int, int], str, str | None] | None:
    """ "a man was killed" is one person; "the victims were killed" is no figure."""
    if head.i in used:
        return None
    if head.lower_ in ("another", "both") and head.pos_ in ("DET", "PRON", "NOUN"):
        used.add(head.i)
        return (
            Figure(1 if head.lower_ == "another" else 2, Qualifier.EXACT),
            (head.idx, head.idx + len(head.text), head.i, head.i),
            "people",
            None,
        )
    if head.lower_ in ("him", "her", "he", "she") and head.dep_ in ("dobj", "nsubjpass", "nsubj"):
        used.add(head.i)
        span = (head.idx, head.idx + len(head.text), head.i, head.i)
        return Figure(1, Qualifier.EXACT), span, "people", None
    if head.tag_ not in ("NN", "JJ") or head.lemma_.lower() not in lexicon.PERSON:
        return None
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    if det is None or det.lower_ not in ("a", "an", "one", "another", "the", "his", "her", "their"):
        return None
    used.add(head.i)
    return (
        Figure(1, Qualifier.EXACT),
        (det.idx, head.idx + len(head.text), det.i, head.i),
        "people",
        None,
    )


def _looks_like_year(figure: Figure, text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= figure.value <= 2100


def _percent_of(percent: Token) -> str | None:
    """ "over 80% of its population" -> "population of Gaza" (``its`` read from the sentence)."""
    pobj = next(
        (
            g
            for c in percent.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if pobj is None:
        return None
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    rest = " ".join(
        t.text
        for t in pobj.subtree
        if t.dep_ not in ("poss", "case", "det")
        and t not in (owner.subtree if owner is not None else ())
    )
    if owner is None:
        return rest
    if owner.lower_ in _POSSESSIVE:
        antecedent = _antecedent(percent.sent, owner)
        return f"{rest} of {antecedent}" if antecedent else rest
    return f"{rest} of {' '.join(t.text for t in owner.subtree if t.dep_ != 'case')}"


def _antecedent(sent: Span, pronoun: Token) -> str | None:
    """The proper name a possessive pronoun most likely points back to, in its sentence."""
    names = [t for t in sent if t.i < pronoun.i and t.pos_ == "PROPN"]
    if not names:
        return None
    last = names[-1]
    compound = [
        t
        for t in last.subtree
        if (t.pos_ == "PROPN" and t.dep_ in ("compound", "poss")) or t is last
    ]
    return " ".join(t.text for t in compound)
