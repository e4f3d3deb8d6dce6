from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli.bench import bench
from realpolitik.forecast.bench import ModelName, run_benchmark


def test_cli_json_has_the_spec_keys(tiny: Path) -> None:
    result = CliRunner().invoke(bench, ["tkg", str(tiny), "--json", "--model", "recurrency"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[-1])
    for key in ("dataset", "mrr", "hits1", "hits3", "hits10", "seconds", "peak_mb"):
        assert key in record
    assert record["dataset"] == "TINY"
    assert 0.0 < record["mrr"] <= 1.0
    assert record["peak_mb"] > 0


def test_cli_bad_directory_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(bench, ["tkg", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "not a directory" in result.output


def test_cli_rejects_unknown_model(tiny: Path) -> None:
    result = CliRunner().invoke(bench, ["tkg", str(tiny), "--model", "oracle"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_recurrency_baseline_on_icews14(shared: Path) -> None:
    """The checked reference: Gastinger et al. report 0.3747 test MRR with global parameters."""
    result = run_benchmark(shared / "data" / "tkg" / "ICEWS14", model=ModelName.RECURRENCY)
    assert result.scores.n == 2 * 7371
    assert 0.36 <= result.scores.mrr <= 0.39
    assert 0.37 <= result.valid.mrr <= 0.40
