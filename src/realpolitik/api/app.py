"""The FastAPI application: the read-only HTTP API and the built dashboard, in one process.

``create_app(db_path)`` opens the store read-only and serves

- ``/api/…``  JSON (see ``/openapi.json``; interactive docs at ``/docs``),
- ``/``       the dashboard built into ``src/realpolitik/web/dist`` by ``make web``.

The dashboard's page carries a Content-Security-Policy that allows scripts from this
origin only, a second guard (after rendering data as text) against untrusted article text.

Under load, API requests are answered in the order they arrive, a few at a time
(:class:`realpolitik.api.queue.ArrivalOrder`), cached or not: a request that needs a query
does not wait behind every cached answer that came after it.  ``realpolitik serve
--workers N`` runs N such processes on one port (:func:`app_from_environment`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from realpolitik import __version__
from realpolitik.api import actors, events, facts, network
from realpolitik.api.cache import ResponseCache
from realpolitik.api.context import Context
from realpolitik.api.queue import ArrivalOrder, SecurityHeaders

#: Where ``make web`` puts the built dashboard.
DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
BUILD_COMMAND = "make web"
#: API requests in progress at once per process (the rest wait in arrival order); also the
#: worker threads that run queries.  DuckDB leaves the GIL while a query runs, so a few
#: overlap one request's query with another's Python work; more only fight over the GIL.
SLOTS = 4
#: The store :func:`app_from_environment` serves (set by ``realpolitik serve --workers``).
DB_VARIABLE = "REALPOLITIK_SERVE_DB"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)


def dist_dir() -> Path:
    return DIST


def dashboard_built(dist: Path | None = None) -> bool:
    return ((dist or DIST) / "index.html").is_file()


def create_app(db_path: str | Path, *, dist: Path | None = None, cache: bool = True) -> FastAPI:
    """The API (and, when built, the dashboard) over the store at ``db_path``, read-only.

    ``cache`` keeps successful API answers (see :mod:`realpolitik.api.cache`): the store is
    opened read-only, so an answer cannot go stale while the app runs.
    """
    ctx = Context.open(db_path)
    ctx.prepare()
    folder = dist or dist_dir()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = SLOTS
        # what was prepared lives as long as the server: keep the collector from walking
        # it (a full collection over the knowledge base stalls every request for ~50 ms)
        gc.collect()
        gc.freeze()
        yield
        ctx.close()

    app = FastAPI(
        title="realpolitik",
        version=__version__,
        description="Coded political events, facts, actors and the signed alliance/enmity "
        "network of one realpolitik store. Read-only.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = ctx
    for module in (events, network, actors, facts):
        app.include_router(module.router)
    app.add_exception_handler(RequestValidationError, _invalid)
    _docs(app, folder)
    _dashboard(app, folder)
    app.add_middleware(SecurityHeaders)
    if cache:
        app.add_middleware(ResponseCache)
    app.add_middleware(ArrivalOrder, slots=SLOTS)  # the outermost: it orders cache hits too
    return app


def app_from_environment() -> FastAPI:
    """The app over the store named by ``$REALPOLITIK_SERVE_DB`` (uvicorn's factory for
    ``--workers``: each worker process opens the store read-only and prepares its own)."""
    return create_app(os.environ[DB_VARIABLE])


async def _invalid(request: Request, exc: Exception) -> Response:
    """422 with one readable line per bad parameter, plus FastAPI's structured detail."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    lines = []
    for err in errors:
        where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
        lines.append(f"{where}: {err.get('msg')} (got {err.get('input')!r})")
    detail: list[Any] = [
        {k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in errors
    ]
    return JSONResponse(status_code=422, content={"message": "; ".join(lines), "detail": detail})


def _docs(app: FastAPI, folder: Path) -> None:
    """Swagger UI from the npm package copied into the build (no CDN); else a plain page."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if (folder / "swagger" / "swagger-ui-bundle.js").is_file():
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title="realpolitik API",
                swagger_js_url="/swagger/swagger-ui-bundle.js",
                swagger_css_url="/swagger/swagger-ui.css",
                swagger_favicon_url="/swagger/favicon-32x32.png",
            )
        return HTMLResponse(
            "<!doctype html><title>realpolitik API</title><h1>realpolitik API</h1>"
            f"<p>The interactive docs come with the dashboard build: run <code>{BUILD_COMMAND}"
            "</code>. The OpenAPI description is at <a href='/openapi.json'>/openapi.json</a>.</p>"
        )

    if (folder / "swagger").is_dir():
        app.mount("/swagger", StaticFiles(directory=folder / "swagger"), name="swagger")


def _dashboard(app: FastAPI, folder: Path) -> None:
    if (folder / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=folder / "assets"), name="assets")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = folder / "index.html"
        if not page.is_file():
            return HTMLResponse(
                "<!doctype html><title>realpolitik</title><p>The dashboard is not built: run "
                f"<code>{BUILD_COMMAND}</code> in the repository, then restart. The API is at "
                "<a href='/docs'>/docs</a>.</p>",
                status_code=503,
            )
        return FileResponse(page, headers=_page_headers())


def _page_headers() -> dict[str, str]:
    return {"Content-Security-Policy": CSP, "Cache-Control": "no-cache"}
