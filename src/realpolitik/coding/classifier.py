"""A small learned sentence classifier that re-ranks and vetoes the rule coder's events.

The model is a linear one over TF-IDF word (1-2) and character (2-5, within words)
n-grams, trained by ``scripts/train_penta_classifier.py`` on the ConfliBERT CAMEO training
split (development data only; GPL-3.0, recorded in ``data/coding/model/LICENSE.md``).  It
predicts a sentence's Phoenix PentaClass (:func:`realpolitik.ontology.penta_of_root`):
0 statements and appeals (CAMEO 01-02), 1 verbal cooperation (03-05), 2 material cooperation
(06-08), 3 verbal conflict (09-13, and 16 reduced relations), 4 material conflict (the rest
of 14-20).  The weights are plain arrays in an ``.npz`` file (no pickle); inference is
reimplemented here with numpy, so scikit-learn is needed only to train.

The coder uses it only to choose among events its rules already found (which event is the
sentence's main one, which extra events are unlikely); it never creates an event or an actor.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from realpolitik.errors import DataError
from realpolitik.model import Event
from realpolitik.ontology import penta_of_root

#: PentaClass labels, in the model's column order.
CLASSES = ("0", "1", "2", "3", "4")
MODEL_FILE = "penta.npz"

_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's ``word`` analyzer: lower-cased ``\\w\\w+`` tokens, n-grams joined by
    a space."""
    tokens = _WORD.findall(text.lower())
    grams: list[str] = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: character n-grams inside space-padded words."""
    grams: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < size:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # the word is shorter than n: one n-gram is all there is
                break
    return grams


@dataclass(frozen=True, slots=True)
class _Block:
    """One TF-IDF vectorizer: its analyzer, vocabulary and inverse document frequencies."""

    analyzer: str
    low: int
    high: int
    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int

    def grams(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return word_ngrams(text, self.low, self.high)
        return char_wb_ngrams(text, self.low, self.high)

    def features(self, text: str) -> tuple[list[int], list[float]]:
        """Column indices and values: sublinear tf times idf, l2-normalised."""
        counts = Counter(g for g in self.grams(text) if g in self.vocabulary)
        columns = [self.vocabulary[g] for g in counts]
        values = [(1.0 + math.log(c)) * float(self.idf[i]) for i, c in zip(columns, counts.values(), strict=True)]  # fmt: skip
        norm = math.sqrt(sum(v * v for v in values))
        if norm > 0:
            values = [v / norm for v in values]
        return [i + self.offset for i in columns], values


class PentaClassifier:
    """PentaClass probabilities of sentences.  Load once with :meth:`load`."""

    def __init__(self, blocks: Sequence[_Block], coef: np.ndarray, intercept: np.ndarray) -> None:
        self.blocks = tuple(blocks)
        self.coef = coef  # (classes, features)
        self.intercept = intercept

    @classmethod
    def load(cls, path: Path | None = None) -> PentaClassifier:
        """The model shipped in ``realpolitik/data/coding/model/`` (or the one at ``path``)."""
        source = path or Path(
            str(resources.files("realpolitik") / "data/coding/model" / MODEL_FILE)
        )
        try:
            with np.load(source, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError) as err:
            raise DataError(
                f"cannot read the event classifier {source} ({err}); rebuild it with "
                "scripts/train_penta_classifier.py"
            ) from err
        blocks = []
        offset = 0
        for n, spec in enumerate(str(s) for s in arrays["analyzers"]):
            analyzer, low, high = spec.split(":")
            terms = [str(t) for t in arrays[f"vocabulary_{n}"]]
            blocks.append(
                _Block(
                    analyzer,
                    int(low),
                    int(high),
                    {t: i for i, t in enumerate(terms)},
                    arrays[f"idf_{n}"].astype(np.float64),
                    offset,
                )
            )
            offset += len(terms)
        coef = arrays["coef"].astype(np.float64)
        if coef.shape != (len(CLASSES), offset):
            raise DataError(f"the event classifier {source} has weights of shape {coef.shape}")
        return cls(blocks, coef, arrays["intercept"].astype(np.float64))

    def proba(self, text: str) -> np.ndarray:
        """Probabilities of the five PentaClasses for one sentence."""
        logits = self.intercept.copy()
        for block in self.blocks:
            columns, values = block.features(text)
            if columns:
                logits += self.coef[:, columns] @ np.asarray(values)
        logits -= logits.max()
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum())

    def proba_many(self, texts: Iterable[str]) -> np.ndarray:
        return np.array([self.proba(t) for t in texts])


#: How much the sentence model weighs against the rules' confidence (geometric blend).
BLEND = 0.5
#: A sentence the model reads as a bare statement (class 0, mostly CAMEO 01, which PLOVER does not code) with
#: at least this probability keeps only events whose own class has at least ``VETO_STATED``:
#: "officials said the talks were useful" reports no event.  Set with out-of-fold
#: probabilities on the training split (5 folds): from 0.6 / 0.2 to 0.8 / 0.1 accuracy stays
#: 0.721 (0.718 before), macro-F1 0.779 (0.781), and 16 fewer of its 1,349 sentences lose
#: every event; the model is surest on the sentences it was fitted to, so in-sample
#: thresholds veto too much.
STATEMENT = 0.8
VETO_STATED = 0.1
#: An extra event scoring less than this share of the sentence's top event is dropped:
#: a sentence reports one main event unless its others are about as likely.
RELATIVE = 0.4
#: An extra event whose PentaClass the sentence model gives less than this is dropped
#: (the sentence's top event is always kept).
VETO = 0.05


def penta_of_event(event: Event) -> int:
    """The PentaClass of ``event``'s CAMEO root (see :func:`penta_of_root`)."""
    return penta_of_root(event.cameo.root or event.cameo.code[:2])


def rerank(
    events: Sequence[Event], proba: np.ndarray, *, named: Collection[str] = ()
) -> list[Event]:
    """The events of one sentence with confidences blended with the sentence model's
    probability of their PentaClass, unlikely extras dropped.

    The blended confidence is ``rule ** (1 - BLEND) * p ** BLEND``, so the event the model
    and the rules agree on becomes the sentence's top event; any other event whose class
    has ``p < VETO``, or scores under ``RELATIVE`` times the top one, is left out
    (over-coding: a statement read as an attack, a side remark coded as a second event).  In a
    sentence the model reads as a bare statement (``p(0) >= STATEMENT``), events whose
    class has ``p < VETO_STATED`` are all left out, the top one too, unless their trigger names
    its act outright (``named``: event ids whose verb came with its object, "expressed
    regret", "imposed sanctions").
    """
    stated = float(proba[0]) >= STATEMENT
    scored = []
    for event in events:
        k = penta_of_event(event)
        p = float(proba[k]) if k >= 0 else 0.0
        blended = event.confidence ** (1.0 - BLEND) * max(p, 1e-6) ** BLEND
        scored.append((round(min(0.99, max(0.01, blended)), 4), p, event))
    top = max(score for score, _, _ in scored)
    kept = []
    for score, p, event in scored:
        if (score < top and (p < VETO or score < RELATIVE * top)) or (
            stated and p < VETO_STATED and event.event_id not in named
        ):
            continue
        kept.append(dataclasses.replace(event, confidence=score))
    return kept
