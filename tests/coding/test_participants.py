"""Generic agents placed by where an act happened keep the words that name them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from realpolitik.model import Article


def test_a_generic_agent_names_its_own_words(pipeline: Any) -> None:
    text = "More than 40 protesters were arrested in Nairobi, police said."
    article = Article(article_id="a", date=dt.date(2024, 2, 12), text=text)
    events, _facts = pipeline.code(article)
    (event,) = [e for e in events if e.cameo.code == "173"]
    assert (event.source.actor.id, event.target.actor.id) == ("ken", "ken-opp")
    for side, words in ((event.source, "police"), (event.target, "More than 40 protesters")):
        assert side.text == words
        assert side.start is not None and side.end is not None
        assert text[side.start : side.end] == words
