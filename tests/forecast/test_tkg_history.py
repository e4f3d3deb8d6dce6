"""The timeline's fact indexes give the same matrices as building them from the snapshot."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from realpolitik.forecast.combined import RankerConfig, _ranker_cut
from realpolitik.forecast.evaluate import QueryDay, filtered_ranks, query_days
from realpolitik.forecast.features import FeatureConfig, _at, candidates
from realpolitik.forecast.history import Snapshot, Timeline
from realpolitik.forecast.rules import RuleConfig, learn_rules

E, R, DAYS = 12, 3, 20


def _random_quads(seed: int = 0, n: int = 400) -> np.ndarray:
    """Repeated pairs (few entities) and several facts per cell and day, times 0..DAYS-1."""
    rng = np.random.default_rng(seed)
    return np.stack(
        [
            rng.integers(0, E, n),
            rng.integers(0, R, n),
            rng.integers(0, E, n),
            rng.integers(0, DAYS, n),
        ],
        axis=1,
    ).astype(np.int64)


def _plain(snapshot: Snapshot) -> Snapshot:
    """The same cut-off without the timeline: matrices built from its own facts."""
    return Snapshot(snapshot.quads, snapshot.now, snapshot.num_entities, snapshot.num_relations)


def _pair_dense(snapshot: Snapshot, matrix: sp.csr_matrix) -> np.ndarray:
    """``(E * 2R, E)`` dense view in the ``s * 2R + r`` order, whatever the row numbering."""
    s, r = np.divmod(np.arange(E * 2 * R), 2 * R)
    return np.asarray(matrix[snapshot.pair_rows(s, r)].toarray())


@pytest.mark.parametrize(("lam", "latest"), [(0.0, False), (0.1, False), (0.1, True), (0.03, True)])
def test_indexed_matrices_equal_recomputed_ones_at_every_cut_off(lam: float, latest: bool) -> None:
    timeline = Timeline(_random_quads(), num_entities=E, num_relations=R)
    # forward, as the protocol advances, then back again (the memo must not go stale)
    for now in [*range(DAYS + 2), 7, 3, 15]:
        fast = timeline.before(now)
        slow = _plain(fast)
        a, b = fast.recency(lam, latest=latest), slow.recency(lam, latest=latest)
        assert a.nnz == b.nnz  # the same cells: nothing from ``now`` or later
        np.testing.assert_allclose(_pair_dense(fast, a), _pair_dense(slow, b), rtol=1e-12)
        np.testing.assert_allclose(
            fast.relation_recency(lam).toarray(), slow.relation_recency(lam).toarray(), rtol=1e-12
        )


def test_counts_grow_by_each_days_facts() -> None:
    quads = _random_quads(seed=1)
    timeline = Timeline(quads, num_entities=E, num_relations=R)
    previous = np.zeros((E * 2 * R, E))
    for now in range(1, DAYS + 1):
        snapshot = timeline.before(now)
        counts = _pair_dense(snapshot, snapshot.recency(0.0))
        day = quads[quads[:, 3] == now - 1]
        added = np.zeros_like(previous)
        np.add.at(added, (day[:, 0] * 2 * R + day[:, 1], day[:, 2]), 1.0)
        np.add.at(added, (day[:, 2] * 2 * R + day[:, 1] + R, day[:, 0]), 1.0)
        np.testing.assert_array_equal(counts, previous + added)
        previous = counts


def test_pairs_never_seen_share_one_empty_row() -> None:
    quads = np.array([[0, 0, 1, 0], [2, 1, 3, 4]])
    timeline = Timeline(quads, num_entities=5, num_relations=2)
    snapshot = timeline.before(3)
    rows = snapshot.pair_rows(np.array([4, 3, 2]), np.array([0, 1, 1]))
    assert rows[0] == rows[1] == snapshot.num_rows - 1  # (4, r0), (3, r1) never occur
    matrix = snapshot.recency(0.0)
    assert matrix[rows[0]].nnz == 0
    assert matrix[rows[2]].nnz == 0  # (2, r1, 3) happens on day 4, after the cut-off
    assert timeline.before(5).recency(0.0)[rows[2]].toarray()[0, 3] == 1.0


def test_features_are_the_same_with_and_without_the_index() -> None:
    quads = _random_quads(seed=2, n=600)
    rules = learn_rules(
        quads[quads[:, 3] < 12],
        num_entities=E,
        num_relations=R,
        config=RuleConfig(walks=5_000, min_walks=1, sample_subjects=E),
    )
    assert rules.rules
    timeline = Timeline(quads, num_entities=E, num_relations=R)
    config = FeatureConfig(top_k=5, prior_candidates=3)
    for day in query_days(quads[quads[:, 3] >= 12], R):
        fast = timeline.before(day.time)
        a = candidates(day.queries, fast, rules, config)
        b = candidates(day.queries, _plain(fast), rules, config)
        np.testing.assert_array_equal(a.query, b.query)
        np.testing.assert_array_equal(a.entity, b.entity)
        np.testing.assert_allclose(a.features, b.features, rtol=1e-5)


def test_blocks_of_a_day_rank_as_the_whole_day() -> None:
    rng = np.random.default_rng(3)
    quads = _random_quads(seed=3, n=300)
    quads[:, 3] = 0
    day = next(query_days(quads, R))
    scores = rng.integers(0, 4, size=(len(day.queries), E)).astype(np.float64)  # many ties
    whole = filtered_ranks(scores, day.group, day.answers)
    parts, lo = [], 0
    blocks = list(day.blocks(7))
    assert len(blocks) == -(-len(day.queries) // 7)
    for block in blocks:
        assert isinstance(block, QueryDay)
        block_scores = scores[lo : lo + len(block.queries)]
        parts.append(filtered_ranks(block_scores, block.group, block.answers))
        lo += len(block.queries)
    assert sorted(np.concatenate(parts).tolist()) == sorted(whole.tolist())


@pytest.mark.parametrize("canonical", [True, False])
def test_at_reads_cells_with_repeats(canonical: bool) -> None:
    rng = np.random.default_rng(4)
    rows, cols = rng.integers(0, 9, 60), rng.integers(0, 11, 60)
    matrix = sp.csr_matrix((rng.random(60), (rows, cols)), shape=(9, 11))  # repeated cells
    if canonical:
        matrix.sum_duplicates()
    dense = matrix.toarray()
    want_rows, want_cols = rng.integers(0, 9, 200), rng.integers(0, 11, 200)
    np.testing.assert_allclose(_at(matrix, want_rows, want_cols), dense[want_rows, want_cols])


def test_ranker_days_extend_to_enough_facts_within_the_later_half() -> None:
    times = np.repeat(np.arange(100), 10)  # 10 facts a day
    assert _ranker_cut(times, RankerConfig(ranker_days=5, ranker_facts=20)) == 95
    assert _ranker_cut(times, RankerConfig(ranker_days=5, ranker_facts=300)) == 70
    assert _ranker_cut(times, RankerConfig(ranker_days=5, ranker_facts=10_000)) == 50
