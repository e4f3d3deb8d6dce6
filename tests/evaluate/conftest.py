"""Fakes for the evaluator tests: events built by hand and a coder that returns them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import pytest

from realpolitik.model import (
    Actor,
    ActorKind,
    Article,
    Cameo,
    Event,
    Fact,
    Participant,
    Plover,
    Span,
)

ActorSpec = tuple[str | None, str | None] | None  # (country, sector) or no participant


def _participant(
    spec: ActorSpec, *, text: str, span: tuple[int, int] | None, cameo: str | None
) -> Participant | None:
    if spec is None:
        return None
    country, sector = spec
    actor = Actor(
        id=f"{country}-{sector}",
        name=text,
        country=country,
        sector=sector,
        cameo=cameo,
        kind=ActorKind.STATE,
    )
    start, end = span if span else (None, None)
    return Participant(text=text, actor=actor, start=start, end=end)


def make_event(
    *,
    plover: str = "CONSULT",
    code: str = "040",
    source: ActorSpec = ("USA", None),
    target: ActorSpec = ("IRN", None),
    confidence: float = 0.5,
    source_text: str = "source",
    target_text: str = "target",
    source_span: tuple[int, int] | None = None,
    target_span: tuple[int, int] | None = None,
    source_cameo: str | None = None,
    target_cameo: str | None = None,
) -> Event:
    src = _participant(source, text=source_text, span=source_span, cameo=source_cameo)
    assert src is not None, "an event always has a source"
    return Event(
        event_id=f"e{code}{confidence}",
        article_id="a",
        date=dt.date(2000, 1, 1),
        source=src,
        target=_participant(target, text=target_text, span=target_span, cameo=target_cameo),
        plover=Plover(plover),
        cameo=Cameo(code=code, root=code[:2], quad_class=1, goldstein=0.0),
        location=None,
        confidence=confidence,
        evidence=Span("x", 0, 1),
    )


class FakeCoder:
    """Codes a sentence into the events listed for its text (none for unknown text)."""

    def __init__(self, events: Mapping[str, Sequence[Event]]):
        self.events = {" ".join(k.split()): list(v) for k, v in events.items()}
        self.seen: list[Article] = []

    def code(self, article: Article) -> tuple[list[Event], list[Fact]]:
        self.seen.append(article)
        return list(self.events.get(" ".join(article.text.split()), [])), []


@pytest.fixture
def event() -> Callable[..., Event]:
    return make_event


@pytest.fixture
def fake_coder() -> type[FakeCoder]:
    return FakeCoder
