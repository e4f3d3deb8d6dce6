"""The FastAPI application: the read-only HTTP API and the built dashboard, in one process.

``create_app(db_path)`` opens the store read-only and serves

- ``/api/…``  JSON (see ``/openapi.json``; interactive docs at ``/docs``),
- ``/``       the dashboard built into ``src/realpolitik/web/dist`` by ``make web``.

The dashboard's page carries a Content-Security-Policy that allows scripts from this
origin only, a second guard (after rendering data as text) against untrusted article text.
"""

from __future__ import annotations

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

#: Where ``make web`` puts the built dashboard.
DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
BUILD_COMMAND = "make web"
QUERY_THREADS = 4
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
    folder = dist or dist_dir()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # few queries at a time: DuckDB runs each on every core, and more threads only
        # fight over the GIL while answers from the cache wait on the event loop
        anyio.to_thread.current_default_thread_limiter().total_tokens = QUERY_THREADS
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
    if cache:
        app.add_middleware(ResponseCache)
    return app


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

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _page_headers() -> dict[str, str]:
    return {"Content-Security-Policy": CSP, "Cache-Control": "no-cache"}
