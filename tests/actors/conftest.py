"""Fixtures shared by the actor tests."""

from __future__ import annotations

import pytest

from realpolitik.actors import ActorBase


@pytest.fixture(scope="session")
def kb() -> ActorBase:
    """The packaged knowledge base (no user files), loaded once for all actor tests."""
    return ActorBase.load(user=False)
