"""Light document context for an event: when it happened and where."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from realpolitik.model import ActorKind, Article, Location, Precision

if TYPE_CHECKING:
    from realpolitik.coding.mentions import Mentions
    from realpolitik.places import Gazetteer

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")  # fmt: skip
_MONTH_NAMES = "|".join(MONTHS)
_MONTH_DAY = re.compile(
    rf"(?:(\d{{1,2}})\s+({_MONTH_NAMES})|({_MONTH_NAMES})\s+(\d{{1,2}}))(?:,?\s+(\d{{4}}))?"
)
#: How far before the article an event date may be moved by a phrase ("on Monday").
MAX_LOOKBACK = dt.timedelta(days=45)
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "off", "through", "throughout"}
)


def event_date(trigger: Token, published: dt.date) -> dt.date:
    """The event's date from a phrase attached to its trigger, else the article's date."""
    for token in _date_tokens(trigger):
        found = _phrase_date(token, published)
        if found is not None and published - MAX_LOOKBACK <= found <= published:
            return found
    return published


def _date_tokens(trigger: Token) -> list[Token]:
    heads = [trigger]
    if trigger.head != trigger and trigger.dep_ in ("dobj", "pobj", "nsubjpass", "xcomp"):
        heads.append(trigger.head if trigger.dep_ != "pobj" else trigger.head.head)
    out: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.ent_type_ == "DATE" or child.lower_ in ("yesterday", "today", "tonight"):
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("on", "in", "last"):
                out.extend(g for g in child.children if g.ent_type_ == "DATE")
    return out


def _phrase_date(token: Token, published: dt.date) -> dt.date | None:
    doc = token.doc
    if token.ent_type_ == "DATE":
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        text = ent.text.lower() if ent is not None else token.lower_
    else:
        text = token.lower_
    if "yesterday" in text:
        return published - dt.timedelta(days=1)
    if text in ("today", "tonight", "this morning", "this evening"):
        return published
    if "last week" in text:
        return published - dt.timedelta(days=7)
    for number, name in enumerate(WEEKDAYS):
        if name in text:
            back = (published.weekday() - number) % 7
            if "last" in text and back == 0:
                back = 7
            return published - dt.timedelta(days=back)
    match = _MONTH_DAY.search(text)
    if match:
        day = int(match.group(1) or match.group(4))
        month = MONTHS.index(match.group(2) or match.group(3)) + 1
        year = int(match.group(5)) if match.group(5) else published.year
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        if not match.group(5) and found > published:
            # a later day of the year is last year's ("on February 29" written in January
            # 2000 is 1999's, which had none: then the date goes unread)
            try:
                found = found.replace(year=year - 1)
            except ValueError:
                return None
        return found
    return None


def article_countries(mentions: Mentions) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in mentions.matches:
        country = m.actor.country
        if country and len(country) == 3 and country not in ("IGO", "NGO"):
            seen.setdefault(country, None)
    return tuple(seen)


#: Verbs whose object is a topic, their partner being the one "with" whom.
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "review", "examine", "negotiate"})


def locate(
    trigger: Token,
    sent: Span,
    article: Article,
    *,
    gazetteer: Gazetteer | None,
    mentions: Mentions,
) -> tuple[Location | None, bool]:
    """Where the event happened: a place attached to the trigger ("in Tehran"), else the
    most precise place named in the sentence, else one named earlier in its paragraph; and
    whether it is that inherited one (the caller decides whether it fits the event)."""
    if gazetteer is None:
        return None, False
    countries = article_countries(mentions)
    heads = [trigger]
    if trigger.dep_ == "pobj" and trigger.head.head != trigger.head:
        heads.append(trigger.head.head)
    elif trigger.dep_ in ("dobj", "nsubjpass"):
        heads.append(trigger.head)
    # "attacked a US base in Syria": where the act's object is (not a topic's place:
    # "discussed the war in Gaza")
    if trigger.lemma_.lower() not in TOPIC_VERBS:
        heads += [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.dep_ in ("advcl", "conj") and trigger.tag_ == "VBG":
        # "conducts airstrikes across Lebanon, killing 72": where the act it reports was
        heads += [trigger.head, *(c for c in trigger.head.children if c.dep_ == "dobj")]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    left = min(t.i for t in obj.subtree)
                    right = max((t.i for t in obj.subtree if not t.is_punct), default=obj.i) + 1
                    phrase = sent.doc[left:right].text
                    place = gazetteer.locate(phrase, countries=countries)
                    if place is None:  # "the West Side of Chicago, Illinois, United States"
                        place = _consistent(gazetteer.scan(phrase, countries=countries))
                    if place is None:
                        place = gazetteer.locate(obj.text, countries=countries)
                    if place is not None:
                        return place, False
    text = sent.doc.text
    people = [  # "a warrant for Vladimir Putin": no town of Vladimir (but the parser's
        # "person" Khan Younis, a place named whole, stays a place)
        (e.start_char - sent.start_char, e.end_char - sent.start_char)
        for e in sent.ents
        if e.label_ == "PERSON" and len(e) > 1
    ]
    scanned = gazetteer.scan(text[sent.start_char : sent.end_char], countries=countries)
    scanned = _not_actors(scanned, mentions, sent.start_char)
    if trigger.lemma_.lower() in TOPIC_VERBS:  # the topic's places are not the meeting's
        topics = [
            (min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree))
            for c in trigger.children
            if c.dep_ == "dobj"
        ]
        scanned = [
            (start, end, loc)
            for start, end, loc in scanned
            if not any(a <= start + sent.start_char < b for a, b in topics)
        ]
    place = _best_place(scanned, people)
    if place is not None:
        return place, False
    paragraph_start = text.rfind("\n\n", 0, sent.start_char)
    start = max(paragraph_start, 0)
    earlier = text[start : sent.start_char]
    if not earlier.strip():
        return None, False
    before = _not_actors(gazetteer.scan(earlier, countries=countries), mentions, start)
    place = _best_place(before, city_only=True)
    named = {loc.country for _, _, loc in scanned}  # "militants in Mali": not in Nairobi
    if place is not None and named and place.country not in named:
        return None, False
    return place, place is not None


def _consistent(scanned: Sequence[tuple[int, int, Location]]) -> Location | None:
    """The most precise place of a phrase that is in a country the phrase names ("West Side"
    is no town in Turkey when the phrase ends "United States")."""
    named = {loc.country for _, _, loc in scanned if loc.precision is Precision.COUNTRY}
    if not named:
        return None  # "amid the ongoing Gaza conflict" names no place of the act
    fits = [loc for _, _, loc in scanned if loc.country in named]
    for level in (Precision.CITY, Precision.POINT, Precision.REGION):
        found = [loc for loc in fits if loc.precision is level]
        if found:
            return found[0]
    return None


def _not_actors(
    scanned: Sequence[tuple[int, int, Location]], mentions: Mentions, offset: int
) -> list[tuple[int, int, Location]]:
    """The places whose whole name is not that of an actor other than a state or its
    government: "Congress" is the US legislature, not the town in Arizona ("Tehran said"
    stays a place as well as its government, and so does Gaza in "the Gaza health
    ministry")."""
    actors = {
        (m.start - offset, m.end - offset)
        for m in mentions.matches
        if m.actor.kind is not ActorKind.STATE or m.actor.sector not in (None, "GOV")
    }
    return [(start, end, loc) for start, end, loc in scanned if (start, end) not in actors]


def _best_place(
    scanned: Sequence[tuple[int, int, Location]],
    people: Sequence[tuple[int, int]] = (),
    *,
    city_only: bool = False,
) -> Location | None:
    """The most precise of the ``scanned`` places, but not a part of one of ``people``'s
    names."""
    found = [
        loc
        for start, end, loc in scanned
        if not any(
            p_start <= start and end <= p_end and (start, end) != (p_start, p_end)
            for p_start, p_end in people
        )
    ]
    ranked = [loc for loc in found if loc.precision in (Precision.CITY, Precision.POINT)]
    if not ranked and not city_only:
        ranked = [loc for loc in found if loc.precision is Precision.REGION]
    return ranked[0] if ranked else None
