from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.facts import FactExtractor
from realpolitik.model import Article, Fact
from realpolitik.nlp import parse
from realpolitik.places import Gazetteer


@pytest.fixture(scope="session")
def small_gazetteer() -> Gazetteer:
    """Cities of 15,000 people and more: enough for these texts, and quick to load."""
    return Gazetteer.load(min_population=15000)


@pytest.fixture(scope="session")
def extract(nlp, small_gazetteer):
    fx = FactExtractor(gazetteer=small_gazetteer)

    def run(text: str, *, body_start: int = 0) -> list[Fact]:
        article = Article(
            article_id="a1", date=dt.date(2024, 3, 30), text=text, body_start=body_start
        )
        facts = fx.extract(parse(nlp, article), article)
        for fact in facts:
            assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        return facts

    return run
