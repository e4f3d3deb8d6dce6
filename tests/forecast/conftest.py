"""A tiny handmade temporal graph in the RE-GCN layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ENTITIES = ["Iran", "Israel", "Hamas", "United_States", "Egypt"]
RELATIONS = ["Threaten", "Use_conventional_military_force", "Consult"]


def write_tkg(root: Path, train: str, valid: str, test: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "entity2id.txt").write_text(
        "".join(f"{name}\t{i}\n" for i, name in enumerate(ENTITIES))
    )
    (root / "relation2id.txt").write_text(
        "".join(f"{name}\t{i}\n" for i, name in enumerate(RELATIONS))
    )
    for name, body in (("train", train), ("valid", valid), ("test", test)):
        (root / f"{name}.txt").write_text(body)
    return root


@pytest.fixture
def make_tkg() -> Callable[[Path, str, str, str], Path]:
    return write_tkg


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """Times in hours (24 per day, as ICEWS14): Iran threatens Israel on days 0 and 2,
    attacks on day 3; Hamas consults Egypt; the US consults Israel."""
    train = (
        "0\t0\t1\t0\t-1\n0\t0\t1\t48\t-1\n2\t2\t4\t0\t-1\n3\t2\t1\t24\t-1\n"
        "0\t1\t1\t72\t-1\n2\t2\t4\t72\t-1\n"
    )
    valid = "0\t0\t1\t96\t-1\n3\t2\t1\t96\t-1\n"
    test = "0\t1\t1\t120\t-1\n0\t1\t2\t120\t-1\n2\t2\t4\t144\t-1\n"
    return write_tkg(tmp_path / "TINY", train, valid, test)
