"""A UCDP name that only describes its group is no name: the words mean any such group."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

import pytest

from realpolitik.actors import ActorBase

AGENTS = {"insurgents", "opposition coalition", "presidential guard", "forces", "front", "mps"}
DEMONYMS = {"syrian", "lebanese", "islamic", "indian"}


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Opposition coalition", True),
        ("Presidential guard", True),
        ("Syrian insurgents", True),
        ("Lebanese Forces", False),  # written as a name
        ("Islamic Front", False),
        ("MPS", False),  # an acronym, not "MPs"
        ("Hutu rebels", False),  # no state's name or demonym before the agent noun
    ],
)
def test_generic_names(build: ModuleType, name: str, generic: bool) -> None:
    assert build.generic_name(name, AGENTS, DEMONYMS) is generic


@pytest.mark.parametrize(
    ("mention", "country", "sector"),
    [
        ("the presidential guard", None, "MIL"),
        ("the opposition coalition", None, "PTY"),
        ("Syrian insurgents", "SYR", "REB"),
    ],
)
def test_descriptions_are_generic_agents(
    kb: ActorBase, mention: str, country: str | None, sector: str
) -> None:
    actor = kb.resolve(mention, on=dt.date(2024, 5, 1), bare_agents=True)
    assert actor is not None
    assert (actor.country, actor.sector, actor.kind.value) == (country, sector, "generic")


STATES = {"armenia": "arm", "georgia": "geo", "china": "chn", "prc": "chn"}


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Republic of Armenia", True),  # UCDP's name for a government in 1990-91
        ("Republic of Georgia", True),
        ("PRC", True),
        ("Republic of Abkhazia", False),
        ("Popular Resistance Committees", False),
    ],
)
def test_state_names(build: ModuleType, name: str, state: bool) -> None:
    assert build.state_name(name, STATES) is state


def test_a_short_alias_shared_as_the_tail_of_other_names_is_dropped(build: ModuleType) -> None:
    names = {"garo national liberation army", "liberation army", "elite army"}
    assert build.tail_of_other("Liberation Army", names)
    assert not build.tail_of_other("Elite Army", names)
    assert not build.tail_of_other("Garo National Liberation Army", names)


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("the Armed Forces of the Republic of Armenia", "ARM"),
        ("Popular Resistance Committees", "PSE"),
    ],
)
def test_state_style_names_resolve_to_the_state(kb: ActorBase, mention: str, country: str) -> None:
    actor = kb.resolve(mention, on=dt.date(2018, 6, 1))
    assert actor is not None and actor.country == country
