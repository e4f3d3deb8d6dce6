"""``realpolitik eval``: the event coder scored against the field's gold sets.

Each evaluator reads a gold file in its own format, codes its sentences with a
:class:`Coder` and returns an :class:`Evaluation` (JSON metrics, a readable table and,
where it makes sense, a confusion matrix).  :func:`run` dispatches by dataset name and
loads the coder, and the separately written ``acled`` / ``ngec-actors`` evaluators, only
when needed.
"""

from __future__ import annotations

from realpolitik.evaluate.base import (
    PRF,
    Coder,
    Confusion,
    Evaluation,
    Sentence,
    code_sentences,
    sentence_article,
    top_event,
)
from realpolitik.evaluate.conflibert import evaluate_conflibert
from realpolitik.evaluate.dispatch import DATASETS, SPLITS, as_evaluation, run
from realpolitik.evaluate.petrarch import evaluate_petrarch
from realpolitik.evaluate.plover_gsr import evaluate_plover_gsr

__all__ = [
    "DATASETS",
    "PRF",
    "SPLITS",
    "Coder",
    "Confusion",
    "Evaluation",
    "Sentence",
    "as_evaluation",
    "code_sentences",
    "evaluate_conflibert",
    "evaluate_petrarch",
    "evaluate_plover_gsr",
    "run",
    "sentence_article",
    "top_event",
]
