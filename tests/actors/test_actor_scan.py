"""Finding every actor mention in a text."""

from __future__ import annotations

import datetime as dt

from realpolitik.actors import ActorBase

DAY = dt.date(2024, 3, 30)


def test_scan_finds_whole_phrases_with_offsets(kb: ActorBase) -> None:
    text = (
        "Ziad al-Nakhalah, the leader of the Iran-backed Palestinian militant group Islamic "
        "Jihad, met Iran's Foreign Minister Hossein Amirabdollahian in Tehran. Al-Nakhalah "
        "thanked Iran."
    )
    matches = kb.scan(text, on=DAY)
    for m in matches:
        assert text[m.start : m.end] == m.text
    found = [(m.text, m.actor.id, m.how) for m in matches]
    assert ("Ziad al-Nakhalah", "pij", "person") in found
    assert ("Iran's Foreign Minister Hossein Amirabdollahian", "irn", "person") in found
    assert ("Al-Nakhalah", "pij", "person") in found
    assert ("Iran", "irn", "alias") in found
    texts = [m.text for m in matches]
    assert "Tehran" not in texts  # a place after "in"
    assert all(not t.startswith("Iran-") for t in texts)


def test_scan_is_ordered_and_non_overlapping(kb: ActorBase) -> None:
    text = "Israeli troops and Palestinian civilians; the U.N. Security Council met."
    matches = kb.scan(text, on=DAY)
    assert [(m.actor.id, m.actor.sector) for m in matches] == [
        ("isr", "MIL"),
        ("pse", "CVL"),
        ("un-security-council", None),
    ]
    ends = [m.end for m in matches]
    starts = [m.start for m in matches]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_scan_skips_modifiers_and_compounds(kb: ActorBase) -> None:
    text = (
        "Humanitarian aid during the Israel–Hamas war. The Malaysian Pardons Board met. "
        "Voters reject referendums on the family and care."
    )
    assert kb.scan(text, on=DAY) == []
