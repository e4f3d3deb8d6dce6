"""Shared fixtures.  Real data lives in ../shared/data beside the checkout; tests that need
it skip with a reason when it is absent (a user's fresh clone), and CI always has it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``shared/`` folder with ``data/`` and ``seed/``; skips when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"real data not found at {SHARED} (set REALPOLITIK_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from realpolitik.nlp import load_pipeline

    return load_pipeline()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*.jsonl from the coder's current output (review the diff).",
    )


@pytest.fixture(scope="session")
def pipeline():
    """The whole coding pipeline, loaded once for the session."""
    from realpolitik.coding import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / "article-2024-03-30.txt"
