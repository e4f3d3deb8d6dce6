"""Fixtures shared by the actor tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from realpolitik.actors import ActorBase

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kb() -> ActorBase:
    """The packaged knowledge base (no user files), loaded once for all actor tests."""
    return ActorBase.load(user=False)


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """``scripts/build_actors.py`` as a module (the build script is not in the package)."""
    spec = importlib.util.spec_from_file_location("build_actors", REPO / "scripts/build_actors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_actors", module)
    spec.loader.exec_module(module)
    return module
