"""The read-only HTTP API (FastAPI) over a realpolitik store, and the dashboard it serves."""

from realpolitik.api.app import BUILD_COMMAND, create_app, dashboard_built, dist_dir

__all__ = ["BUILD_COMMAND", "create_app", "dashboard_built", "dist_dir"]
