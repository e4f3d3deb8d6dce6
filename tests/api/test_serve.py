"""``realpolitik serve``: what it checks before serving, and what it serves."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import realpolitik.api.app as app_module
from realpolitik.cli.serve import check_port, serve_command, serve_store
from realpolitik.errors import DataError, UsageError


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>realpolitik</title>", "utf-8")
    monkeypatch.setattr(app_module, "DIST", dist)
    return dist


def test_serve_without_a_built_dashboard_names_the_build_command(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "DIST", tmp_path / "nowhere")
    with pytest.raises(DataError, match="make web") as caught:
        serve_store(db, open_browser=False)
    assert "npm --prefix src/realpolitik/web ci" in str(caught.value)


def test_serve_without_a_store_says_how_to_make_one(built: Path, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="realpolitik ingest"):
        serve_store(tmp_path / "none.duckdb", open_browser=False)


def test_a_taken_port_is_a_usage_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(UsageError, match="--port"):
            check_port("127.0.0.1", port)


def test_serve_runs_uvicorn_on_the_app_and_prints_the_url(
    built: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(
        serve_command, ["--db", str(db), "--port", str(port), "--no-browser", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    assert f"http://127.0.0.1:{port}/" in result.output
    [call] = calls
    assert (call["host"], call["port"]) == ("127.0.0.1", port)
    assert call["app"].title == "realpolitik"


def test_serve_with_workers_hands_uvicorn_the_factory_and_the_store(
    built: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from realpolitik.api.app import DB_VARIABLE, app_from_environment

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv(DB_VARIABLE, raising=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(
        serve_command, ["--db", str(db), "--port", str(port), "--no-browser", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    [call] = calls
    assert call["app"] == "realpolitik.api.app:app_from_environment"
    assert call["factory"] is True and call["workers"] == 2
    import os

    assert os.environ[DB_VARIABLE] == str(db.resolve())
    assert app_from_environment().title == "realpolitik"  # what each worker serves
    monkeypatch.delenv(DB_VARIABLE)


def test_serve_rejects_a_bad_port() -> None:
    result = CliRunner().invoke(serve_command, ["--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output
