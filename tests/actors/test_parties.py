"""Political parties (``parties.yaml``): names, aliases and the generic names left to no one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from realpolitik.actors import ActorBase

DAY = dt.date(2024, 6, 1)
PARTIES = (
    Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data" / "actors" / "parties.yaml"
)


def _entries() -> list[dict[str, Any]]:
    return yaml.safe_load(PARTIES.read_text(encoding="utf-8"))["groups"]


@pytest.mark.parametrize(
    ("mention", "on", "party", "country"),
    [
        ("the Republican Party", DAY, "republican-party-usa", "USA"),
        ("GOP", DAY, "republican-party-usa", "USA"),
        ("House Republicans", DAY, "republican-party-usa", "USA"),
        ("the Democrats", dt.date(2008, 11, 4), "democratic-party-usa", "USA"),
        ("Tories", dt.date(2019, 12, 12), "conservative-party-uk", "GBR"),
        ("the Labour Party", DAY, "labour-party-uk", "GBR"),
        ("Sinn Fein", DAY, "sinn-fein", "IRL"),
        ("Sinn Féin", DAY, "sinn-fein", "IRL"),
        ("the National Rally", DAY, "rassemblement-national", "FRA"),
        ("AfD", DAY, "afd", "DEU"),
        ("German Social Democrats", DAY, "spd", "DEU"),
        ("Brothers of Italy", DAY, "brothers-of-italy", "ITA"),
        ("the ruling Law and Justice party", dt.date(2020, 5, 1), "pis", "POL"),
        ("Fidesz", DAY, "fidesz", "HUN"),
        ("United Russia", DAY, "united-russia", "RUS"),
        ("Georgian Dream", DAY, "georgian-dream", "GEO"),
        ("the Liberal Democratic Party", DAY, "ldp-japan", "JPN"),
        ("Kuomintang", DAY, "kuomintang", "TWN"),
        ("the KMT", DAY, "kuomintang", "TWN"),
        ("the Chinese Communist Party", DAY, "ccp", "CHN"),
        ("Pakistan Tehreek-e-Insaf", DAY, "pti", "PAK"),
        ("the Awami League", dt.date(2023, 1, 1), "awami-league", "BGD"),
        ("Yesh Atid", DAY, "yesh-atid", "ISR"),
        ("Ennahda", dt.date(2013, 1, 1), "ennahda", "TUN"),
        ("the Republican People's Party", DAY, "chp", "TUR"),
        ("the All Progressives Congress", DAY, "apc-nigeria", "NGA"),
        ("the Peoples Democratic Party", DAY, "pdp-nigeria", "NGA"),
        ("ZANU-PF", DAY, "zanu-pf", "ZWE"),
        ("Australian Labor Party", DAY, "australian-labor-party", "AUS"),
        ("the Conservative Party of Canada", DAY, "conservative-party-of-canada", "CAN"),
        ("the Nepali Congress", DAY, "nepali-congress", "NPL"),
    ],
)
def test_party_resolves(kb: ActorBase, mention: str, on: dt.date, party: str, country: str) -> None:
    actor = kb.resolve(mention, on=on)
    assert actor is not None, mention
    assert (actor.id, actor.country, actor.sector) == (party, country, "PTY")


@pytest.mark.parametrize(
    "mention",
    [
        "the Socialist Party",  # France, Portugal, Chile, Albania, Serbia, ...
        "the People's Party",  # Spain, Austria, Denmark, Switzerland, ...
        "the Labor Party",  # Australia and Israel
        "the Workers' Party",  # Brazil, Singapore, North Korea, ...
        "the Liberal Party",
        "the National Party",
        "the Green Party",
        "the Social Democratic Party",
        "the Social Democrats",  # not the US Democrats
        "Christian Democrats",
        "the Baath Party",  # Syria's and Iraq's
        "the Communist Party",
        "Labour",  # a common word
    ],
)
def test_generic_party_names_stay_unresolved(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=DAY) is None


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("Italy's Democratic Party", "ITA"),  # "Democratic Party" alone is the US party
        ("Canada's Conservative Party", "CAN"),  # "Conservative Party" alone is Britain's
        ("Israel's Labor Party", "ISR"),
        ("Sweden's Christian Democrats", "SWE"),
        ("Germany's Social Democrats", "DEU"),
    ],
)
def test_a_country_named_before_a_generic_party_name_is_its_owner(
    kb: ActorBase, mention: str, country: str
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, "PTY")


@pytest.mark.parametrize(
    ("mention", "country", "sector"),
    [
        ("Congress", "USA", "LEG"),  # "Nepali Congress", "Trinamool Congress" take no part
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("the Iranian foreign minister", "IRN", "GOV"),
        ("the Congress party", "IND", "PTY"),
    ],
)
def test_other_actors_keep_their_names(
    kb: ActorBase, mention: str, country: str, sector: str
) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    "mention",
    [
        "Pakistan's law and justice minister",  # not Poland's Law and Justice
        "a show of European solidarity",  # not Ukraine's European Solidarity party
        "a new social contract",
        "a historic pact",
    ],
)
def test_common_phrases_are_no_party(kb: ActorBase, mention: str) -> None:
    actor = kb.resolve(mention, on=DAY)
    assert actor is None or actor.sector != "PTY", mention


def test_every_party_answers_to_each_of_its_names(kb: ActorBase) -> None:
    """Each name and alias reads as its own party: none is shadowed by another actor."""
    wrong = []
    for entry in _entries():
        assert entry["sector"] == "PTY", entry["id"]
        assert entry.get("source"), entry["id"]
        state = kb.index.entities[entry["country"].lower()]
        assert entry["cameo"] == f"{state.cameo}PTY", entry["id"]
        for name in [entry["name"], *entry.get("aliases", [])]:
            actor = kb.resolve(name, on=DAY)
            if actor is None or actor.id != entry["id"]:
                wrong.append((name, entry["id"], actor and actor.id))
    assert not wrong
