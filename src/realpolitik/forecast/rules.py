"""Temporal rules in the spirit of TLogic (Liu et al., AAAI 2022).

A cyclic rule of length ``L`` reads ``if X r1 Z1, Z1 r2 Z2, ..., Z(L-1) rL Y happened (in
that order, before t), then X h Y at t``.  Rules are found by temporal random walks (each
walk starts at a fact ``(X, h, Y, t)`` and follows earlier facts, in non-decreasing time,
back to ``Y``); a rule's confidence is its support (body pairs that also carry the head)
over its body support, counted with sparse matrix products on a sample of subjects.

Applying a rule set to queries ``(X, h, ?)`` sums, over rules and body paths, the rule's
confidence times the recency ``2^(-λ (t - t'))`` of each step's latest fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from realpolitik.forecast.data import Quads, TkgDataset, with_inverses
from realpolitik.forecast.history import Snapshot

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Rule:
    head: int
    body: tuple[int, ...]
    confidence: float
    support: int
    body_support: int

    def render(self, dataset: TkgDataset) -> str:
        """The rule as a sentence, e.g. ``if X threatened Y, then X ...``."""
        names = ["X", *(f"Z{i}" for i in range(1, len(self.body))), "Y"]
        atoms = [_atom(dataset, rel, names[i], names[i + 1]) for i, rel in enumerate(self.body)]
        when = " and then ".join(atoms)
        return (
            f"if {when} (earlier), then {_atom(dataset, self.head, 'X', 'Y')} "
            f"[confidence {self.confidence:.2f}: {self.support} of {self.body_support}]"
        )


def _atom(dataset: TkgDataset, relation: int, left: str, right: str) -> str:
    name = dataset.relations[relation % dataset.num_relations].replace("_", " ").lower()
    if relation >= dataset.num_relations:
        left, right = right, left
    return f"{left} {name} {right}"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    num_relations: int

    def of_length(self, length: int) -> tuple[Rule, ...]:
        return self._by_length.get(length, ())

    @cached_property
    def _by_length(self) -> dict[int, tuple[Rule, ...]]:
        lengths = sorted({len(rule.body) for rule in self.rules})
        return {n: tuple(r for r in self.rules if len(r.body) == n) for n in lengths}

    def for_head(self, head: int) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.head == head)

    def apply(
        self, queries: IntArray, history: Snapshot, *, lam: float, length: int
    ) -> sp.csr_matrix:
        """``(len(queries), E)`` scores from the rules of one body length."""
        rules = self.of_length(length)
        n = len(queries)
        shape = (n, history.num_entities)
        if not rules or n == 0:
            return sp.csr_matrix(shape)
        heads = np.array([r.head for r in rules])
        bodies = np.array([r.body for r in rules])
        conf = np.array([r.confidence for r in rules])
        # pair every query with every rule of its head relation
        order = np.argsort(heads, kind="stable")
        lo = np.searchsorted(heads[order], queries[:, 1], side="left")
        hi = np.searchsorted(heads[order], queries[:, 1], side="right")
        count = hi - lo
        query = np.repeat(np.arange(n), count)
        rule = order[_ranges(lo, count)]
        if len(rule) == 0:
            return sp.csr_matrix(shape)
        recency = history.recency(lam, latest=True)
        # first hop: rows (X, r1) of the recency matrix, weighted by confidence
        walk = recency[history.pair_rows(queries[query, 0], bodies[rule, 0])]
        walk = sp.diags(conf[rule]) @ walk
        for step in range(1, length):
            walk = _expand(walk.tocsr(), bodies[rule, step], history) @ recency
        gather = sp.csr_matrix(
            (np.ones(len(query)), (query, np.arange(len(query)))), shape=(n, len(query))
        )
        return (gather @ walk).tocsr()


def _ranges(starts: IntArray, counts: IntArray) -> IntArray:
    """Concatenation of ``arange(s, s + c)`` for each start and count."""
    total = int(counts.sum())
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total) - offsets + np.repeat(starts, counts)


def _expand(walk: sp.csr_matrix, relation: IntArray, history: Snapshot) -> sp.csr_matrix:
    """Re-index row ``i``'s entity columns ``z`` to the pair rows of ``(z, relation[i])``."""
    per_row = np.diff(walk.indptr)
    cols = history.pair_rows(walk.indices, np.repeat(relation, per_row))
    return sp.csr_matrix((walk.data, cols, walk.indptr), shape=(walk.shape[0], history.num_rows))


@dataclass(frozen=True)
class RuleConfig:
    walks: int = 200_000
    max_length: int = 3
    min_walks: int = 2
    per_head: tuple[int, int, int] = (40, 20, 5)
    sample_subjects: int = 400
    smoothing: float = 5.0
    min_confidence: float = 0.01
    seed: int = 0


def learn_rules(
    quads: Quads, *, num_entities: int, num_relations: int, config: RuleConfig = RuleConfig()
) -> RuleSet:
    """Mine cyclic rules of length 1..``max_length`` from ``quads`` (forward facts)."""
    rng = np.random.default_rng(config.seed)
    facts = with_inverses(quads, num_relations)
    walker = _Walker(facts, num_entities)
    r2 = 2 * num_relations
    candidates: list[tuple[int, tuple[int, ...]]] = []
    for length in range(1, config.max_length + 1):
        found = walker.walk(rng, length=length, count=config.walks)
        if len(found) == 0:
            continue
        keys, hits = np.unique(found, axis=0, return_counts=True)
        keep = hits >= config.min_walks
        keys, hits = keys[keep], hits[keep]
        cap = config.per_head[min(length, len(config.per_head)) - 1]
        order = np.lexsort((-hits, keys[:, 0]))
        keys = keys[order]
        head_start = np.searchsorted(keys[:, 0], keys[:, 0], side="left")
        keys = keys[np.arange(len(keys)) - head_start < cap]
        candidates.extend((int(k[0]), tuple(int(x) for x in k[1:])) for k in keys)
    first = _adjacency(facts, num_entities, r2, latest=False)
    last = _adjacency(facts, num_entities, r2, latest=True)
    rules = []
    for head, body in candidates:
        rule = _confidence(head, body, first, last, rng, config)
        if rule.confidence >= config.min_confidence:
            rules.append(rule)
    return RuleSet(rules=tuple(rules), num_relations=num_relations)


def _adjacency(facts: Quads, num_entities: int, r2: int, *, latest: bool) -> list[sp.csr_matrix]:
    """One ``E x E`` matrix per doubled relation holding ``1 +`` the first (or, when
    ``latest``, the last) time each pair occurred."""
    out = []
    sign = 1 if latest else -1
    order = np.lexsort((sign * facts[:, 3], facts[:, 2], facts[:, 0], facts[:, 1]))
    part_all = facts[order]
    keep = np.ones(len(part_all), dtype=bool)  # the last row of each (r, s, o) group
    keep[:-1] = np.any(part_all[1:, :3] != part_all[:-1, :3], axis=1)
    part_all = part_all[keep]
    bounds = np.searchsorted(part_all[:, 1], np.arange(r2 + 1))
    for rel in range(r2):
        part = part_all[bounds[rel] : bounds[rel + 1]]
        m = sp.csr_matrix(
            (part[:, 3] + 1.0, (part[:, 0], part[:, 2])), shape=(num_entities, num_entities)
        )
        m.sort_indices()
        out.append(m)
    return out


def _confidence(
    head: int,
    body: tuple[int, ...],
    first: list[sp.csr_matrix],
    last: list[sp.csr_matrix],
    rng: np.random.Generator,
    config: RuleConfig,
) -> Rule:
    """Support / body support on a sample of the subjects of the first body relation.

    Length 1 is time-aware (the head must occur after the body's first occurrence);
    longer bodies count pairs joined by a path, regardless of order.
    """
    subjects = np.flatnonzero(np.diff(first[body[0]].indptr))
    if len(subjects) > config.sample_subjects:
        subjects = rng.choice(subjects, size=config.sample_subjects, replace=False)
    heads = last[head][subjects]
    if len(body) == 1:
        start = first[body[0]][subjects]
        body_support = int(start.nnz)
        both_start = start.multiply(heads > 0).tocsr()
        both_end = heads.multiply(start > 0).tocsr()
        both_start.sort_indices()
        both_end.sort_indices()
        support = int(np.count_nonzero(both_start.data < both_end.data))
    else:
        paths = first[body[0]][subjects]
        for rel in body[1:]:
            paths = (paths > 0).astype(np.float64) @ (first[rel] > 0).astype(np.float64)
        paths = (paths.tocsr() > 0).astype(np.float64)
        # a path back to the subject itself is no forecast
        paths = paths - paths.multiply(
            sp.csr_matrix(
                (np.ones(len(subjects)), (np.arange(len(subjects)), subjects)), shape=paths.shape
            )
        )
        paths.eliminate_zeros()
        body_support = int(paths.nnz)
        support = int(paths.multiply(heads > 0).nnz)
    confidence = support / (body_support + config.smoothing)
    return Rule(
        head=head, body=body, confidence=confidence, support=support, body_support=body_support
    )


class _Walker:
    """Vectorised temporal random walks over facts sorted by (node, time)."""

    def __init__(self, facts: Quads, num_entities: int) -> None:
        self.facts = facts
        self.span = int(facts[:, 3].max()) + 2 if len(facts) else 2
        self.num_entities = num_entities
        by_node = np.lexsort((facts[:, 3], facts[:, 0]))
        self.by_node = facts[by_node]
        self.node_keys = self.by_node[:, 0] * self.span + self.by_node[:, 3]
        pair = facts[:, 0] * num_entities + facts[:, 2]
        by_pair = np.lexsort((facts[:, 3], pair))
        self.by_pair = facts[by_pair]
        self.pair_keys = pair[by_pair] * self.span + self.by_pair[:, 3]

    def _step(
        self,
        rng: np.random.Generator,
        keys: IntArray,
        table: Quads,
        base: IntArray,
        lo: IntArray,
        hi: IntArray,
    ) -> tuple[IntArray, npt.NDArray[np.bool_]]:
        start = np.searchsorted(keys, base * self.span + lo, side="left")
        stop = np.searchsorted(keys, base * self.span + hi, side="left")
        ok = stop > start
        pick = start + np.floor(rng.random(len(base)) * np.maximum(stop - start, 1)).astype(
            np.int64
        )
        return np.minimum(pick, len(table) - 1), ok

    def walk(self, rng: np.random.Generator, *, length: int, count: int) -> IntArray:
        """Rows ``(head, r1, ..., rL)`` of the walks that closed a cycle."""
        heads = self.facts[rng.integers(0, len(self.facts), size=count)]
        node, target, t_head = heads[:, 0], heads[:, 2], heads[:, 3]
        lower = np.zeros(count, dtype=np.int64)
        alive = np.ones(count, dtype=bool)
        rels = []
        visited = [node]
        for step in range(length):
            if step == length - 1:  # close the cycle: an edge node -> target
                base = node * self.num_entities + target
                pick, ok = self._step(rng, self.pair_keys, self.by_pair, base, lower, t_head)
                edge = self.by_pair[pick]
            else:
                pick, ok = self._step(rng, self.node_keys, self.by_node, node, lower, t_head)
                edge = self.by_node[pick]
                ok &= edge[:, 2] != target
                for seen in visited:
                    ok &= edge[:, 2] != seen
            alive &= ok
            rels.append(edge[:, 1])
            node, lower = edge[:, 2], edge[:, 3]
            visited.append(node)
        return np.stack([heads[:, 1], *rels], axis=1)[alive]
