"""The dashboard in a real browser: pages load cleanly, the network draws and drills down,
the dyad chart leads to its events, and a hostile article stays inert text."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.slow

PAGES = ("network", "dyad", "actor", "events", "facts", "map")


@pytest.mark.parametrize("name", PAGES)
def test_each_page_loads_without_console_errors(watched: Any, name: str) -> None:
    watched.open(name)
    watched.page.wait_for_timeout(500)
    assert watched.page.locator("#app .error").count() == 0
    watched.shot(name)
    assert watched.errors == []
    assert watched.foreign_requests() == []


def test_the_api_docs_load_offline(watched: Any) -> None:
    watched.page.goto(f"{watched.base_url}/docs")
    watched.page.wait_for_selector(".opblock", timeout=20_000)
    assert watched.page.locator(".opblock").count() >= 10
    watched.shot("docs")
    assert watched.foreign_requests() == []


def test_the_network_draws_its_actors(watched: Any) -> None:
    watched.open("network")
    graph = watched.page.locator("#graph")
    graph.locator("canvas").first.wait_for()
    assert int(graph.get_attribute("data-nodes") or 0) == 6
    labels = watched.page.evaluate(
        "() => document.querySelector('#graph').sigma.getGraph().mapNodes((n, a) => a.label)"
    )
    assert {"Iran", "Israel", "Hamas", "Qatar", "United States"} <= set(labels)
    assert "Israel — Iran" in watched.page.locator("#enmities").inner_text() or (
        "Iran — Israel" in watched.page.locator("#enmities").inner_text()
    )


def test_clicking_an_edge_shows_its_evidence(watched: Any) -> None:
    watched.open("network")
    watched.page.locator("#graph canvas").first.wait_for()
    x, y = watched.page.evaluate(
        """() => {
            const box = document.querySelector('#graph');
            const s = box.sigma;
            const at = (n) => s.framedGraphToViewport(s.getNodeDisplayData(n));
            const a = at('irn'), b = at('isr');
            const r = box.getBoundingClientRect();
            return [r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2];
        }"""
    )
    watched.page.mouse.click(x, y)
    evidence = watched.page.locator("#edge-evidence .event-card")
    evidence.first.wait_for(timeout=10_000)
    text = watched.page.locator("#network-panel").inner_text()
    assert "enmity" in text
    assert "Iran launched drones at Israel." in text
    assert watched.page.locator("#edge-evidence mark.m-trigger").first.inner_text() in (
        "launched", "struck")  # fmt: skip
    watched.shot("network-edge")
    assert watched.errors == []


def test_clicking_a_dyad_point_lists_its_events(watched: Any) -> None:
    watched.open("dyad?a=irn&b=isr&by=month")
    watched.page.locator("#dyad-chart").wait_for()
    x, y = watched.page.evaluate(
        """() => {
            const chart = document.querySelector('.chart-box').chart;
            const meta = chart.getDatasetMeta(1);  // A->B conflict
            const i = chart.data.labels.indexOf('2024-04-01');
            const p = meta.data[i];
            const r = chart.canvas.getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }"""
    )
    watched.page.mouse.click(x, y)
    watched.page.get_by_text("Iran → Israel, 2024-04-01: 1 events").wait_for(timeout=10_000)
    assert "Iran launched drones at Israel." in watched.page.locator("#dyad-events").inner_text()
    watched.shot("dyad-point")
    assert watched.errors == []


def test_a_hostile_article_stays_inert_text(watched: Any, data: ModuleType) -> None:
    watched.open("events?actor=qat")
    row = watched.page.locator("tr.event-row").first
    row.click()
    card = watched.page.locator("tr.event-detail:not([hidden]) .event-card")
    card.wait_for()
    assert card.locator("blockquote.evidence").inner_text() == data.XSS_TEXT
    card.get_by_role("button", name="show article").click()
    article = card.locator("pre.article-text")
    article.wait_for()
    assert article.inner_text() == data.XSS_TEXT
    watched.shot("events-xss")
    # nothing ran: no script, no image error handler, no dialog
    assert watched.page.evaluate("() => window.__xss") is None
    assert watched.page.title() == "realpolitik"
    assert watched.page.locator("#app script, #app img").count() == 0
    watched.open("network")
    watched.page.locator("#graph canvas").first.wait_for()
    watched.page.locator("#alliances button", has_text="Qatar").first.click()
    panel = watched.page.locator("#edge-evidence .event-card blockquote.evidence")
    panel.first.wait_for(timeout=10_000)
    assert data.XSS_TEXT in panel.all_inner_texts()
    watched.shot("network-xss-edge")
    assert watched.dialogs == []
    assert watched.page.evaluate("() => window.__xss") is None
    assert watched.errors == []
