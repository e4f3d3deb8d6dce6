"""``realpolitik serve``: the dashboard and the HTTP API over one store."""

from __future__ import annotations

import errno
import os
import socket
import threading
import webbrowser
from pathlib import Path

import click

from realpolitik.errors import DataError, UsageError
from realpolitik.settings import default_db


def check_port(host: str, port: int) -> None:
    """Fail early, with the fix, when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"port {port} on {host} is in use: pass another with --port"
                ) from exc
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def default_workers() -> int:
    """One server process per core, at most 4 (each holds the prepared store in memory)."""
    return max(1, min(4, os.cpu_count() or 1))


def run_server(db_path: str | Path, *, host: str, port: int, workers: int = 1) -> None:
    """uvicorn over the app for ``db_path``, in ``workers`` processes sharing the port."""
    import uvicorn

    from realpolitik.api.app import DB_VARIABLE, create_app

    if workers <= 1:
        uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")
        return
    os.environ[DB_VARIABLE] = str(Path(db_path).resolve())
    uvicorn.run("realpolitik.api.app:app_from_environment", factory=True, host=host,
                port=port, workers=workers, log_level="warning")  # fmt: skip


def serve_store(
    db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = True,
    workers: int = 1,
) -> None:  # fmt: skip
    """Serve the dashboard and API over ``db_path`` until interrupted (Ctrl-C).

    Prints the URL on stdout.  Raises :class:`DataError` when the store is missing or the
    dashboard is not built (naming the command that builds it), :class:`UsageError` when the
    port is taken.  ``workers`` processes share the port (each opens the store read-only).
    """
    from realpolitik.api import BUILD_COMMAND, dashboard_built, dist_dir

    if not dashboard_built():
        raise DataError(
            f"the dashboard is not built ({dist_dir()} has no index.html): run "
            f"`{BUILD_COMMAND}` (npm --prefix src/realpolitik/web ci && "
            "npm --prefix src/realpolitik/web run build) in the repository, then serve again"
        )
    path = Path(db_path)
    if not path.is_file():
        raise DataError(f"no store at {path}: run `realpolitik ingest FILES --db {path}` first")
    check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    click.echo(f"realpolitik dashboard: {url}  (API docs: {url}docs; Ctrl-C stops)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    run_server(path, host=host, port=port, workers=workers)


@click.command("serve")
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="Store file (default ./realpolitik.duckdb or $REALPOLITIK_DB).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=default_workers,
    show_default="one per core, at most 4",
    help="Server processes sharing the port.",
)
def serve_command(db: Path | None, port: int, host: str, no_browser: bool, workers: int) -> None:
    """Serve the web dashboard and the read-only HTTP API over a store.

    \b
    Example:
      realpolitik serve --db gaza.duckdb --port 8000 --no-browser
    """
    serve_store(db or default_db(), host=host, port=port, open_browser=not no_browser,
                workers=workers)  # fmt: skip
