"""An app over a small hand-built store, tested in-process (no server)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from realpolitik.api import create_app


def store_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "realpolitik_tests_api_store_data", Path(__file__).with_name("store_data.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def data() -> ModuleType:
    return store_data()


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, data: ModuleType) -> Path:
    path: Path = data.build_store(tmp_path_factory.mktemp("api") / "small.duckdb")
    return path


@pytest.fixture(scope="session")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c
