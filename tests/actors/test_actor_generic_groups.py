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
