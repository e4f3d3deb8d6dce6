"""Data flows one way: ingest -> nlp -> actors/places -> coding/facts -> store ->
network/forecast/evaluate -> api -> cli.  A module imports only from its own stage and the
stages to its left (and the shared model, errors and settings)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "realpolitik"
RANK = {
    "__init__": 0, "model": 0, "errors": 0, "settings": 0, "ontology": 0,
    "ingest": 1, "nlp": 2, "actors": 3, "places": 3, "coding": 4, "facts": 4, "store": 5, "cluster": 5,
    "network": 6, "forecast": 6, "evaluate": 6, "api": 7, "web": 7, "cli": 8, "__main__": 9,
}  # fmt: skip
#: Importers of existing event datasets stand beside the store, not beside the article
#: readers: they map names with the actor base and write bulk Arrow tables into the store.
PLACED = {"ingest/importers": RANK["store"]}


def _stage(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("realpolitik.")
        ):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("realpolitik.")
            )
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "node_modules" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    stage = _stage(path)
    if stage not in RANK:
        pytest.fail(f"{path.relative_to(PACKAGE)}: stage {stage!r} has no place in the flow")
    where = "/".join(path.relative_to(PACKAGE).parts[:2])
    rank = PLACED.get(where, RANK[stage])
    for imported in _imports(path):
        assert imported in RANK, f"{path.relative_to(PACKAGE)}: realpolitik.{imported} has no stage"
        assert RANK[imported] <= rank, (
            f"{path.relative_to(PACKAGE)} ({stage}) imports realpolitik.{imported}, a later stage"
        )
