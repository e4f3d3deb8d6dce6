"""The built dashboard in headless Chromium (Debian's), served by uvicorn on loopback.

Skips, with the reason, when Chromium, Playwright or the built dashboard is missing.
Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from realpolitik.api import BUILD_COMMAND, create_app, dashboard_built, dist_dir

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _store_data() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "api" / "store_data.py"
    spec = importlib.util.spec_from_file_location("realpolitik_tests_web_store_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def data() -> ModuleType:
    return _store_data()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, data: ModuleType) -> Iterator[str]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    if importlib.util.find_spec("playwright") is None:
        pytest.skip(
            "playwright is not installed: pip install playwright (never 'playwright install')"
        )
    if not dashboard_built():
        pytest.skip(f"the dashboard is not built in {dist_dir()}: run `{BUILD_COMMAND}`")
    import uvicorn

    db = data.build_store(tmp_path_factory.mktemp("web") / "small.duckdb")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with its console errors, page errors and dialogs recorded."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, route: str) -> None:
        name = route.split("?")[0]
        self.page.goto(f"{self.base_url}/#/{route}")
        self.page.wait_for_selector(f"#app[data-ready='{name}']", timeout=20_000)

    def foreign_requests(self) -> list[str]:
        """Requests that left the app's origin (a CDN, tiles, fonts …): there must be none."""
        return [u for u in self.requests if not u.startswith((self.base_url, "data:", "blob:"))]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield Watched(page, base_url)
    context.close()
