"""The bundled sample corpus, coded by the real pipeline: who is with whom."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.cli.articles import _articles, ingest_articles, sample_corpus
from realpolitik.network import network
from realpolitik.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Store:
    path: Path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    articles, bad = _articles([str(sample_corpus())], date=None, strict=True)
    assert bad == 0 and len(articles) >= 150
    store = Store.open(path)
    ingest_articles(store, articles, progress=False, pipeline=pipeline)
    again = ingest_articles(store, articles, progress=False, pipeline=pipeline)
    assert again["new"] == 0 and again["already"] == len(articles)
    return store


def _edge(graph: Any, a: str, b: str) -> dict[str, Any]:
    assert graph.has_edge(a, b), f"no edge between {a} and {b}"
    return dict(graph.edges[a, b])


@pytest.mark.parametrize(
    ("a", "b", "allied"),
    [("irn", "pij", True), ("irn", "hamas", True), ("isr", "hamas", False),
     ("isr", "irn", False), ("rus", "ukr", False), ("usa", "ukr", True)],
)  # fmt: skip
def test_signed_ties(sample_store: Store, a: str, b: str, allied: bool) -> None:
    edge = _edge(network(sample_store), a, b)
    assert (edge["score"] > 0) is allied, edge
    assert edge["top_events"], "each tie is explained by the events behind it"
    assert any(e.get("evidence") for e in edge["top_events"])
