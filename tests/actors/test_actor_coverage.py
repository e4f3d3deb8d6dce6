"""Coverage fixes: adjectival forms, sub-national places, federal agencies, NGOs."""

from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors import ActorBase

DAY = dt.date(2018, 6, 1)


@pytest.mark.parametrize(
    ("mention", "country", "sector"),
    [
        ("the Swiss government", "CHE", "GOV"),  # listed by both source tables: kept
        ("the Polish foreign ministry", "POL", "GOV"),
        ("Burmese authorities", "MMR", "GOV"),
        ("Irish police", "IRL", "COP"),
        ("officials from Kansas", "USA", "GOV"),  # a US state gives its country
        ("the Texas governor", "USA", "GOV"),
        ("ICE", "USA", "COP"),
        ("the U.S. Department of Justice", "USA", "GOV"),
        ("President Salva Kiir", "SSD", "GOV"),  # Wikidata names him Salva Kiir Mayardit
        ("Nato", "IGO", "MIL"),  # an acronym also written in title case
        ("the Maduro government", "VEN", "GOV"),  # a leader's surname before "government"
        ("Maduro", "VEN", "GOV"),  # the one Maduro leading a state on the date
        ("Syrian government shelling", "SYR", "GOV"),  # a weapon stands for its user
        ("Israeli missiles", "ISR", "MIL"),
        ("Japanese peacekeepers", "JPN", "MIL"),
        ("German journalist Mesale Tolu", "DEU", "JRN"),  # role + unknown name
        ("Australian Foreign Minister Stephen Smith", "AUS", "GOV"),  # not Marcus Stephen
        ("the Somali President Mohamed Abdullahi Mohamed Farmajo", "SOM", "GOV"),
    ],
)
def test_resolves(kb: ActorBase, mention: str, country: str, sector: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector)


def test_ngo_resolves(kb: ActorBase) -> None:
    actor = kb.resolve("Action Against Hunger", on=DAY)
    assert actor is not None and actor.id == "action-against-hunger"


@pytest.mark.parametrize(
    "mention",
    [
        "Kansas",
        "in Texas",
        "ice",
        "us",
        "the Foreign Office",
        "Pakistan Muslim League-Quaid",  # an organisation's name, not a person after a term
        "the missiles",
    ],
)
def test_places_and_words_stay_unresolved(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=DAY) is None


def test_bare_surname_needs_a_leader_on_the_date(kb: ActorBase) -> None:
    # Nicolas Maduro took office in 2013; in 2005 the Maduro leading a state was Ricardo
    # (Honduras), so the surname then names him, and in 1990 nobody
    early = kb.resolve("Maduro", on=dt.date(2005, 6, 1))
    assert early is not None and early.country == "HND"
    assert kb.resolve("Maduro", on=dt.date(1990, 6, 1)) is None
