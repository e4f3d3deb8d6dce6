from __future__ import annotations

from pathlib import Path

import numpy as np

from realpolitik.forecast.data import load_tkg
from realpolitik.forecast.history import Timeline
from realpolitik.forecast.rules import Rule, RuleConfig, RuleSet, learn_rules

THREATEN, ATTACK, CONSULT = 0, 1, 2


def _threat_then_attack(num_pairs: int = 40, seed: int = 0) -> np.ndarray:
    """Pairs (a, b): a threatens b on day d, attacks b on day d + 2; noise consultations."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 30, size=num_pairs)
    b = (a + 1 + rng.integers(0, 29, size=num_pairs)) % 30
    day = rng.integers(0, 40, size=num_pairs)
    threats = np.stack([a, np.full(num_pairs, THREATEN), b, day], axis=1)
    attacks = np.stack([a, np.full(num_pairs, ATTACK), b, day + 2], axis=1)
    noise = np.stack(
        [
            rng.integers(0, 30, 60),
            np.full(60, CONSULT),
            rng.integers(0, 30, 60),
            rng.integers(0, 42, 60),
        ],
        axis=1,
    )
    return np.concatenate([threats, attacks, noise])


def test_walks_find_threat_then_attack() -> None:
    quads = _threat_then_attack()
    rules = learn_rules(
        quads,
        num_entities=30,
        num_relations=3,
        config=RuleConfig(walks=20_000, max_length=2, seed=1),
    )
    found = {(r.head, r.body): r for r in rules.rules}
    rule = found[(ATTACK, (THREATEN,))]
    assert rule.confidence > 0.8
    assert (THREATEN, (ATTACK,)) not in found  # the attack always comes after the threat


def test_rule_reads_as_a_sentence(tiny: Path) -> None:
    ds = load_tkg(tiny)
    rule = Rule(head=1, body=(0,), confidence=0.5, support=5, body_support=10)
    text = rule.render(ds)
    assert text.startswith("if X threaten Y (earlier), then X use conventional military force Y")
    assert "5 of 10" in text
    inverse = Rule(head=2, body=(4, 2), confidence=0.25, support=1, body_support=4)
    assert inverse.render(ds).startswith(
        "if Z1 use conventional military force X and then Z1 consult Y (earlier)"
    )


def test_apply_follows_paths_before_t_only() -> None:
    # X=0 threatens Z=1 on day 1; Z consults Y=2 on day 2; rule: threaten . consult => attack
    quads = np.array([[0, THREATEN, 1, 1], [1, CONSULT, 2, 2], [1, CONSULT, 3, 5]])
    rules = RuleSet(
        rules=(
            Rule(head=ATTACK, body=(THREATEN, CONSULT), confidence=0.5, support=1, body_support=2),
        ),
        num_relations=3,
    )
    timeline = Timeline(quads, num_entities=4, num_relations=3)
    scores = rules.apply(
        np.array([[0, ATTACK], [0, CONSULT]]), timeline.before(5), lam=0.0, length=2
    ).toarray()
    assert scores[0].tolist() == [0.0, 0.0, 0.5, 0.0]  # Y=3 is consulted only on day 5
    assert not scores[1].any()  # no rule for that head
