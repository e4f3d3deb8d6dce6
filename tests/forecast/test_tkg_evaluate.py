from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from realpolitik.forecast.data import load_tkg
from realpolitik.forecast.evaluate import (
    Scores,
    evaluate,
    filtered_ranks,
    query_days,
    split_ranks,
)
from realpolitik.forecast.history import Snapshot, Timeline
from realpolitik.forecast.recurrency import RecurrencyBaseline


def test_other_true_answers_are_filtered() -> None:
    scores = np.array([[0.5, 0.9, 0.1, 0.9, 0.0]])
    ranks = filtered_ranks(scores, np.array([0, 0]), np.array([1, 3]))
    # without the filter each would share first place with the other (rank 1.5)
    assert ranks.tolist() == [1.0, 1.0]


def test_ties_take_the_average_position() -> None:
    scores = np.array([[0.2, 0.2, 0.2, 0.9, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]])
    ranks = filtered_ranks(scores, np.array([0, 1]), np.array([0, 2]))
    # one better, two tied: positions 2-4 -> 3; all five tied -> positions 1-5 -> 3
    assert ranks.tolist() == [3.0, 3.0]


def test_filter_only_removes_answers_of_the_same_query() -> None:
    scores = np.array([[0.1, 0.8, 0.9], [0.7, 0.2, 0.1]])
    ranks = filtered_ranks(scores, np.array([0, 1]), np.array([1, 1]))
    assert ranks.tolist() == [2.0, 2.0]


def test_scores_summarise_ranks() -> None:
    scores = Scores.from_ranks(np.array([1.0, 2.0, 4.0, 20.0]))
    assert scores.mrr == pytest.approx((1 + 0.5 + 0.25 + 0.05) / 4)
    assert (scores.hits1, scores.hits3, scores.hits10) == (0.25, 0.5, 0.75)


def test_both_directions_become_object_queries() -> None:
    quads = np.array([[0, 1, 2, 5], [0, 1, 3, 5], [4, 0, 2, 6]])
    days = list(query_days(quads, num_relations=3))
    assert [d.time for d in days] == [5, 6]
    first = days[0]
    asked = {tuple(q) for q in first.queries.tolist()}
    assert asked == {(0, 1), (2, 4), (3, 4)}  # (s, r) and (o, r + R) for each fact
    pairs = {(tuple(first.queries[g]), a) for g, a in zip(first.group, first.answers, strict=True)}
    assert ((0, 1), 2) in pairs and ((0, 1), 3) in pairs and ((2, 4), 0) in pairs


def test_snapshot_holds_only_earlier_facts() -> None:
    timeline = Timeline(
        np.array([[0, 0, 1, 3], [1, 0, 2, 4], [2, 0, 3, 5]]), num_entities=4, num_relations=1
    )
    snapshot = timeline.before(4)
    assert snapshot.quads[:, 3].max() == 3
    assert len(snapshot.quads) == 2  # one fact, both directions
    with pytest.raises(ValueError, match="at or after"):
        Snapshot(quads=timeline.quads, now=5, num_entities=4, num_relations=1)


class _Spy:
    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def score(
        self, queries: npt.NDArray[np.int64], *, history: Snapshot
    ) -> npt.NDArray[np.float64]:
        latest = int(history.quads[:, 3].max()) if len(history.quads) else -1
        self.seen.append((history.now, latest))
        return np.zeros((len(queries), history.num_entities))


def test_a_fact_at_t_is_never_visible_at_t(tiny: Path) -> None:
    ds = load_tkg(tiny)
    spy = _Spy()
    evaluate(spy, ds, split="test")
    assert spy.seen == [(5, 4), (6, 5)]  # single-step: day 5 of test is history on day 6
    # Hamas consulted Egypt on days 0 and 3 (train); the fact on day 6 itself must not count,
    # while Iran's attack on Hamas (day 5) is new: no recurrency evidence for it.
    model = RecurrencyBaseline(lam=0.1, alpha=1.0)
    timeline = Timeline(
        np.concatenate([ds.train, ds.valid, ds.test]), num_entities=5, num_relations=3
    )
    scores = model.score(np.array([[0, 1]]), history=timeline.before(5))
    assert scores[0, 2] == 0.0 and scores[0, 1] > 0.0


def test_recurrency_ranks_on_tiny(tiny: Path) -> None:
    ds = load_tkg(tiny)
    ranks = split_ranks(RecurrencyBaseline(lam=0.1, alpha=0.99), ds, split="test")
    # day 5: Iran attacks Israel (seen on day 3: rank 1) and Hamas (new: Israel is filtered,
    # Hamas ties with the three other unseen objects -> 1 + 3/2); the subject queries
    # (? attacks Israel / Hamas) find Iran by the relation prior; day 6 repeats Hamas-Egypt.
    assert ranks.tolist() == [1.0, 2.5, 1.0, 1.0, 1.0, 1.0]
    assert evaluate(RecurrencyBaseline(), ds, split="test").mrr == pytest.approx((5 + 1 / 2.5) / 6)
