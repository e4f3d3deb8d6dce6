"""Candidate answers and their features for the learned ranker.

For each query ``(s, r, ?)`` at time ``t`` (from a :class:`Snapshot`, so only facts before
``t``) the candidates are the objects with any evidence (the same triple before, a rule
firing, any relation between ``s`` and the object) plus the most frequent recent objects of
``r``; the ``top_k`` with the highest pre-score are kept.  Every feature is a sparse
``(queries, E)`` matrix read at the candidate cells, so no dense query-by-entity array is
built here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from realpolitik.forecast.history import Snapshot
from realpolitik.forecast.rules import RuleSet

FEATURES = (
    "psi",
    "triple_count",
    "triple_last",
    "triple_last_slow",
    "pair_any",
    "pair_any_reverse",
    "rule1",
    "rule2",
    "rule3",
    "relation_prior",
    "relation_recent",
    "object_recent",
    "query_count",
    "inverse_query_count",
    "rank_psi",
)

_CHUNK = 512


@dataclass(frozen=True)
class FeatureConfig:
    lam_psi: float = 0.03
    lam_fast: float = 0.1
    lam_slow: float = 0.01
    top_k: int = 50
    prior_candidates: int = 20


@dataclass(frozen=True)
class Candidates:
    """Rows of (query, entity) candidate pairs with their feature vectors."""

    query: npt.NDArray[np.int64]
    entity: npt.NDArray[np.int64]
    features: npt.NDArray[np.float32]


def candidates(
    queries: npt.NDArray[np.int64], history: Snapshot, rules: RuleSet, config: FeatureConfig
) -> Candidates:
    parts = [
        _chunk(queries[lo : lo + _CHUNK], history, rules, config)
        for lo in range(0, len(queries), _CHUNK)
    ]
    offsets = np.cumsum(
        [0, *(min(_CHUNK, len(queries) - lo) for lo in range(0, len(queries), _CHUNK))]
    )
    if not parts:
        return Candidates(
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros((0, len(FEATURES)), np.float32),
        )
    return Candidates(
        query=np.concatenate([p.query + off for p, off in zip(parts, offsets, strict=False)]),
        entity=np.concatenate([p.entity for p in parts]),
        features=np.concatenate([p.features for p in parts]),
    )


def _chunk(
    queries: npt.NDArray[np.int64], history: Snapshot, rules: RuleSet, config: FeatureConfig
) -> Candidates:
    """All features of one chunk of queries (long, but one straight pass over the table)."""
    r2 = 2 * history.num_relations
    s, r = queries[:, 0], queries[:, 1]
    rows = history.pair_rows(s, r)
    psi = history.recency(config.lam_psi)[rows] / history.decay_mass(config.lam_psi)
    count = history.recency(0.0)[rows]
    last = history.recency(config.lam_fast, latest=True)[rows]
    last_slow = history.recency(config.lam_slow, latest=True)[rows]
    fast = history.recency(config.lam_fast)
    pair_any = _any_relation(s, history, fast, inverse=False)
    reverse = _any_relation(s, history, fast, inverse=True)
    inverse_rows = (r + history.num_relations) % r2
    rule_scores = [
        rules.apply(queries, history, lam=config.lam_fast, length=length) for length in (1, 2, 3)
    ]
    prior = _normalise_rows(history.relation_recency(0.0))
    recent_all = _normalise_rows(history.relation_recency(config.lam_fast))
    object_recent = np.asarray(history.relation_recency(config.lam_fast).sum(axis=0)).ravel()
    # evidence first; the most frequent recent objects of the relation join with a tiny score
    top_rel, top_obj = _top_per_row(recent_all, config.prior_candidates)
    popular = sp.csr_matrix(
        (1e-3 * _at(recent_all, top_rel, top_obj), (top_rel, top_obj)), shape=recent_all.shape
    )[r]
    pre = 3.0 * last + rule_scores[0] + rule_scores[1] + rule_scores[2] + popular
    pre = pre + 0.1 * pair_any.log1p() + 0.05 * reverse.log1p()
    query, entity = _top_per_row(pre.tocsr(), config.top_k)
    rank_psi = _row_rank(psi.tocsr(), query, _at(psi, query, entity))
    columns = [
        _at(psi, query, entity),
        np.log1p(_at(count, query, entity)),
        _at(last, query, entity),
        _at(last_slow, query, entity),
        np.log1p(_at(pair_any, query, entity)),
        np.log1p(_at(reverse, query, entity)),
        *(_at(m, query, entity) for m in rule_scores),
        _at(prior, r[query], entity),
        _at(recent_all, r[query], entity),
        np.log1p(object_recent[entity]),
        np.log1p(np.asarray(count.sum(axis=1)).ravel()[query]),
        np.log1p(
            np.asarray(
                history.recency(0.0)[history.pair_rows(s, inverse_rows)].sum(axis=1)
            ).ravel()[query]
        ),
        np.log1p(rank_psi),
    ]
    features = np.stack(columns, axis=1).astype(np.float32)
    return Candidates(query=query, entity=entity, features=features)


def _any_relation(
    subjects: npt.NDArray[np.int64], history: Snapshot, fast: sp.csr_matrix, *, inverse: bool
) -> sp.csr_matrix:
    """``(n, E)``: decayed facts from the subject to each candidate under any relation, or
    (``inverse``) from the candidate back to the subject, stored as inverse relations."""
    n = len(subjects)
    first = history.num_relations if inverse else 0
    block = np.arange(first, first + history.num_relations)
    picker = sp.csr_matrix(
        (
            np.ones(n * len(block)),
            (
                np.repeat(np.arange(n), len(block)),
                history.pair_rows(subjects[:, None], block[None, :]).ravel(),
            ),
        ),
        shape=(n, history.num_rows),
    )
    return (picker @ fast).tocsr()


def _row_rank(
    matrix: sp.csr_matrix, rows: npt.NDArray[np.int64], values: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """How many stored entries of each row exceed the given value (non-negative data)."""
    scale = float(matrix.data.max()) + 1.0 if matrix.nnz else 1.0
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    keys = np.sort(row_of * scale + matrix.data)
    position = np.searchsorted(keys, rows * scale + values, side="right")
    end = np.searchsorted(keys, (rows + 1) * scale, side="left")
    return (end - position).astype(np.float64)


def _at(
    matrix: sp.csr_matrix, rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """``matrix[rows[i], cols[i]]`` for each ``i`` (duplicates summed), without sorting the
    matrix: its stored cells are looked up among the wanted ones instead."""
    if len(rows) == 0:
        return np.zeros(0)
    matrix = matrix.tocsr()
    width = matrix.shape[1]
    wanted = rows.astype(np.int64) * width + cols
    stored = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    keys = stored * width + matrix.indices
    if matrix.has_canonical_format:  # sorted keys: look the wanted cells up among them
        position = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        if not len(keys):
            return np.zeros(len(rows))
        return np.where(keys[position] == wanted, matrix.data[position], 0.0)
    presorted = bool(np.all(wanted[1:] >= wanted[:-1]))
    order = np.arange(len(wanted)) if presorted else np.argsort(wanted, kind="stable")
    ordered = wanted[order]
    position = np.minimum(np.searchsorted(ordered, keys), len(ordered) - 1)
    hit = ordered[position] == keys
    found = np.bincount(position[hit], weights=matrix.data[hit], minlength=len(ordered))
    # repeated wanted cells: every copy takes the value found at the first of them
    first = np.searchsorted(ordered, ordered, side="left")
    out = np.empty(len(rows))
    out[order] = found[first]
    return out


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    totals = np.asarray(matrix.sum(axis=1)).ravel()
    return (sp.diags(1.0 / np.maximum(totals, 1e-12)) @ matrix).tocsr()


def _top_per_row(
    matrix: sp.csr_matrix, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Row and column of the (at most) ``k`` largest positive entries of each row, sorted
    by row and column.

    ``matrix`` must not store a cell twice (sums of sparse matrices never do), but its
    columns need not be sorted.
    """
    matrix = matrix.tocsr()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    if not len(rows):
        return rows, rows.copy()
    top = float(matrix.data.max())
    # one float key: row ascending, then value descending
    order = np.argsort(rows + (1.0 - matrix.data / (2.0 * top + 1.0)), kind="stable")
    rows, cols, data = rows[order], matrix.indices[order].astype(np.int64), matrix.data[order]
    keep = (np.arange(len(rows)) - matrix.indptr[rows] < k) & (data > 0)
    rows, cols = rows[keep], cols[keep]
    order = np.argsort(rows * matrix.shape[1] + cols)  # by row, then column
    return rows[order], cols[order]


def fallback_scores(queries: npt.NDArray[np.int64], history: Snapshot) -> npt.NDArray[np.float64]:
    """``(queries, E)`` share of each object among the relation's past objects."""
    return _normalise_rows(history.relation_recency(0.0))[queries[:, 1]].toarray()
