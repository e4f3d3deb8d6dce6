"""Fixtures for the dataset importers: one code table, fresh stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from realpolitik.ingest.importers import ImportResult, Reference, import_paths
from realpolitik.store import Store


@pytest.fixture(scope="session")
def ref() -> Reference:
    return Reference.load()


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "imports.duckdb") as s:
        yield s


@pytest.fixture
def run(store, ref) -> Callable[..., list[ImportResult]]:
    def run(dataset: str, *paths: Path) -> list[ImportResult]:
        return list(import_paths(store, dataset, list(paths), ref=ref))

    return run
