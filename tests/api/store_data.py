"""A small store of hand-built coded articles for the API and browser tests.

One article is hostile: its text carries ``<script>`` and ``<img onerror=…>``, and its event's
evidence sentence is that text, so every view that shows evidence shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from realpolitik.model import (
    Actor,
    ActorKind,
    Article,
    Cameo,
    Coded,
    Event,
    Fact,
    FactKind,
    Location,
    Participant,
    Plover,
    Precision,
    Qualifier,
    Span,
)  # fmt: skip
from realpolitik.store import Store

IRAN = Actor("irn", "Iran", "IRN", "GOV", "IRNGOV", ActorKind.STATE)
ISRAEL = Actor("isr", "Israel", "ISR", "GOV", "ISRGOV", ActorKind.STATE)
PIJ = Actor("pij", "Palestinian Islamic Jihad", "PSE", "REB", "PSEREB", ActorKind.GROUP)
HAMAS = Actor("hamas", "Hamas", "PSE", "REB", "PSEREB", ActorKind.GROUP)
QATAR = Actor("qat", "Qatar", "QAT", "GOV", "QATGOV", ActorKind.STATE)
USA = Actor("usa", "United States", "USA", "GOV", "USAGOV", ActorKind.STATE)

TEHRAN = Location("Tehran", "IRN", 35.69, 51.42, Precision.CITY)
GAZA = Location("Gaza", "PSE", 31.5, 34.45, Precision.CITY)
DOHA = Location("Doha", "QAT", 25.29, 51.53, Precision.CITY)

XSS_TEXT = (
    "Qatar hosted talks with Hamas <script>document.title='pwned';window.__xss=1</script>"
    ' in Doha <img src=x onerror="window.__xss=2;alert(1)">.'
)
PLOVER = {1: ("CONSULT", "040", 1.0), 2: ("AID", "070", 7.0), 3: ("ACCUSE", "111", -2.0),
          4: ("ASSAULT", "190", -10.0)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence's event: ``source`` ``trigger`` ``target``, each found in ``text``."""

    text: str
    source: tuple[Actor, str]
    target: tuple[Actor, str]
    trigger: str
    quad: int
    place: Location | None = None


def coded(
    day: dt.date, lines: list[Line], *, facts: tuple[tuple[FactKind, int, str], ...] = ()
) -> Coded:
    text = " ".join(line.text for line in lines)
    article = Article(Article.make_id(text, day), day, text, title=f"Report of {day}")
    events, sentences, mentions = [], [], []
    at = 0
    for n, line in enumerate(lines):
        start = text.index(line.text, at)
        end = start + len(line.text)
        at = end
        sentences.append(Span(line.text, start, end))
        sides = []
        for actor, said in (line.source, line.target):
            s = text.index(said, start)
            sides.append(Participant(said, actor, s, s + len(said)))
        mentions.extend(sides)
        t = text.index(line.trigger, start)
        plover, code, goldstein = PLOVER[line.quad]
        events.append(Event(
            event_id=f"ev-{article.article_id}-{n}", article_id=article.article_id, date=day,
            source=sides[0], target=sides[1], plover=Plover(plover, None, ()),
            cameo=Cameo(code, code[:2], line.quad, goldstein), location=line.place,
            confidence=0.8, evidence=Span(line.text, start, end),
            trigger=Span(line.trigger, t, t + len(line.trigger)),
        ))  # fmt: skip
    out_facts = tuple(
        Fact(fact_id=f"f-{article.article_id}-{i}", article_id=article.article_id, date=day,
             kind=kind, value=value, unit="people", qualifier=Qualifier.AT_LEAST, of=None,
             location=GAZA, attribution=None, evidence=sentences[0])
        for i, (kind, value, _) in enumerate(facts)
    )  # fmt: skip
    return Coded(article, tuple(events), out_facts, tuple(sentences), tuple(mentions))


def articles() -> list[Coded]:
    d = dt.date
    return [
        coded(
            d(2024, 3, 30),
            [
                Line(
                    "Palestinian Islamic Jihad leaders met Iran's minister in Tehran.",
                    (PIJ, "Palestinian Islamic Jihad"),
                    (IRAN, "Iran"),
                    "met",
                    1,
                    TEHRAN,
                )
            ],
        ),
        coded(
            d(2024, 4, 14),
            [
                Line(
                    "Iran launched drones at Israel.",
                    (IRAN, "Iran"),
                    (ISRAEL, "Israel"),
                    "launched",
                    4,
                )
            ],
        ),
        coded(
            d(2024, 4, 20),
            [
                Line(
                    "Israel struck Iran near Isfahan.",
                    (ISRAEL, "Israel"),
                    (IRAN, "Iran"),
                    "struck",
                    4,
                )
            ],
        ),
        coded(
            d(2024, 5, 2),
            [
                Line(
                    "Israel bombed Hamas in Gaza, killing at least 30 people.",
                    (ISRAEL, "Israel"),
                    (HAMAS, "Hamas"),
                    "bombed",
                    4,
                    GAZA,
                )
            ],
            facts=((FactKind.KILLED, 30, "killing"),),
        ),
        coded(
            d(2024, 5, 9), [Line(XSS_TEXT, (QATAR, "Qatar"), (HAMAS, "Hamas"), "hosted", 1, DOHA)]
        ),
        coded(
            d(2024, 6, 3),
            [
                Line(
                    "The United States sent aid to Israel.",
                    (USA, "United States"),
                    (ISRAEL, "Israel"),
                    "sent aid",
                    2,
                ),
                Line(
                    "Iran accused the United States of aggression.",
                    (IRAN, "Iran"),
                    (USA, "United States"),
                    "accused",
                    3,
                ),
            ],
            facts=((FactKind.DISPLACED, 1000, "fled"),),
        ),
        coded(
            d(2024, 6, 10),
            [
                Line(
                    "Hamas leaders met Iran's supreme leader in Tehran.",
                    (HAMAS, "Hamas"),
                    (IRAN, "Iran"),
                    "met",
                    1,
                    TEHRAN,
                )
            ],
        ),
    ]


def build_store(path: Path) -> Path:
    with Store.open(path) as store:
        store.add(articles())
    return path
