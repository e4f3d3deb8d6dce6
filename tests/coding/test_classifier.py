"""The learned sentence model that re-ranks the coder's events: its numpy inference, the
shipped weights, and the re-ranking rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from realpolitik.coding.classifier import (
    CLASSES,
    PentaClassifier,
    char_wb_ngrams,
    rerank,
    word_ngrams,
)
from realpolitik.model import Actor, ActorKind, Cameo, Event, Participant, Plover, Span
from realpolitik.ontology import penta_of_root

TEXTS = [
    "Israeli jets struck   Gaza on Sunday, killing 12 people.",
    "Iran's foreign minister met his Russian counterpart in Moscow.",
    "A",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_analyzers_match_scikit_learn(text: str) -> None:
    text_module = pytest.importorskip("sklearn.feature_extraction.text")
    word = text_module.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    char = text_module.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    assert word_ngrams(text, 1, 2) == word(text)
    assert char_wb_ngrams(text, 2, 5) == char(text)


def test_penta_of_root() -> None:
    assert [penta_of_root(r) for r in ("01", "02", "04", "07", "11", "16", "19", "21", "x")] == [
        0, 0, 1, 2, 3, 3, 4, -1, -1
    ]  # fmt: skip


@pytest.fixture(scope="module")
def model() -> PentaClassifier:
    return PentaClassifier.load()


def test_shipped_model_reads_plain_sentences(model: PentaClassifier) -> None:
    attack = model.proba("Government troops shelled the rebel-held town, killing five fighters.")
    talks = model.proba("The two presidents held talks in Moscow on Tuesday.")
    assert attack.shape == (len(CLASSES),)
    assert np.isclose(attack.sum(), 1.0) and np.isclose(talks.sum(), 1.0)
    assert int(attack.argmax()) == 4
    assert int(talks.argmax()) in (0, 1)


def _event(code: str, confidence: float) -> Event:
    actor = Actor("irn", "Iran", "IRN", "GOV", "IRNGOV", ActorKind.STATE)
    return Event(
        event_id=code,
        article_id="a",
        date=dt.date(2024, 1, 1),
        source=Participant("Iran", actor),
        target=None,
        plover=Plover("CONSULT"),
        cameo=Cameo(code=code, root=code[:2], quad_class=1, goldstein=0.0),
        location=None,
        confidence=confidence,
        evidence=Span("Iran met.", 0, 9),
    )


def test_rerank_prefers_the_class_the_model_believes_and_drops_unlikely_extras() -> None:
    proba = np.array([0.05, 0.8, 0.1, 0.04, 0.01])
    met, attacked = _event("040", 0.6), _event("190", 0.8)
    ranked = rerank([attacked, met], proba)
    assert [e.cameo.code for e in ranked] == ["040"]  # the attack has p = 0.01 < VETO
    assert 0.0 < ranked[0].confidence <= 1.0
    both = rerank([attacked, met], np.array([0.05, 0.5, 0.05, 0.05, 0.35]))
    top = max(both, key=lambda e: e.confidence)
    assert top.cameo.code == "040" and len(both) == 2


def test_rerank_keeps_a_lone_event_unless_the_sentence_is_a_bare_statement() -> None:
    [kept] = rerank([_event("190", 0.8)], np.array([0.3, 0.3, 0.3, 0.08, 0.02]))
    assert kept.cameo.code == "190"
    assert rerank([_event("190", 0.8)], np.array([0.9, 0.05, 0.03, 0.01, 0.01])) == []
    [comment] = rerank([_event("013", 0.6)], np.array([0.9, 0.05, 0.03, 0.01, 0.01]))
    assert comment.cameo.code == "013"  # a CAMEO 01 event survives in a statement
