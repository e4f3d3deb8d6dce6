from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli.evaluate import eval_command
from realpolitik.evaluate import dispatch as run_module
from realpolitik.evaluate.dispatch import as_evaluation, run

RECORD = {
    "id": "T-1",
    "text": "Freedonia attacked Sylvania.",
    "event_v08": "ASSAULT",
    "actor": [{"code": "FRE"}],
    "recipient": [{"code": "SYL"}],
    "markup": "",
}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def coder(monkeypatch: pytest.MonkeyPatch, event, fake_coder):
    fake = fake_coder(
        {
            RECORD["text"]: [
                event(plover="ASSAULT", code="190", source=("FRE", None), target=("SYL", None))
            ]
        }
    )
    monkeypatch.setattr(run_module, "load_pipeline", lambda: fake)
    return fake


def test_json_is_last_line_and_progress_goes_to_stderr(gold_file: Path, coder) -> None:
    result = CliRunner().invoke(eval_command, ["plover-gsr", str(gold_file), "--json"])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["dataset"] == "plover-gsr" and metrics["event_accuracy"] == 1.0
    assert "coded 1/1" in result.stderr and "coded 1/1" not in result.stdout


def test_confusion_file_written(gold_file: Path, tmp_path: Path, coder) -> None:
    out = tmp_path / "confusion.csv"
    result = CliRunner().invoke(
        eval_command, ["plover-gsr", str(gold_file), "--confusion", str(out)]
    )
    assert result.exit_code == 0
    assert out.read_text().splitlines() == ["gold\\predicted,ASSAULT", "ASSAULT,1"]


def test_details_file_has_one_line_per_sentence(gold_file: Path, tmp_path: Path, coder) -> None:
    out = tmp_path / "details.jsonl"
    result = CliRunner().invoke(eval_command, ["plover-gsr", str(gold_file), "--details", str(out)])
    assert result.exit_code == 0
    (item,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert item["id"] == "T-1" and item["correct"] is True
    assert item["predicted_countries"] == [["actor", "FRE"], ["recipient", "SYL"]]


def test_missing_file_exits_1_and_bad_split_exits_2(tmp_path: Path, coder) -> None:
    runner = CliRunner()
    missing = runner.invoke(eval_command, ["petrarch", str(tmp_path / "nope.xml")])
    assert missing.exit_code == 1 and "nope.xml" in missing.stderr
    bad_split = runner.invoke(eval_command, ["petrarch", str(tmp_path), "--split", "dev"])
    assert bad_split.exit_code == 2
    unknown = runner.invoke(eval_command, ["gdelt", str(tmp_path)])
    assert unknown.exit_code == 2


def test_foreign_evaluators_are_imported_lazily(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys
    import types

    calls = {}
    module = types.ModuleType("realpolitik.evaluate.acled")

    def evaluate_acled(path, *, pipeline, limit):
        calls["args"] = (path, pipeline, limit)
        return {"n": 2, "country_accuracy": 0.5}

    module.evaluate_acled = evaluate_acled  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "realpolitik.evaluate.acled", module)
    result = run("acled", tmp_path, limit=2, load_coder=lambda: "PIPE")  # type: ignore[arg-type]
    assert calls["args"] == (tmp_path, "PIPE", 2)
    assert result.metrics == {"dataset": "acled", "n": 2, "country_accuracy": 0.5}
    assert "country_accuracy" in result.table


def test_package_import_does_not_pull_foreign_evaluators() -> None:
    import subprocess
    import sys

    code = (
        "import sys, realpolitik.evaluate, realpolitik.cli.evaluate; "
        "print([m for m in sys.modules if m.endswith(('.acled', '.ngec_actors'))"
        " or m.startswith('realpolitik.coding')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_as_evaluation_accepts_objects_with_to_dict() -> None:
    class Result:
        table = "my table"

        def to_dict(self):
            return {"n": 1, "accuracy": 1.0}

    evaluation = as_evaluation(Result(), dataset="ngec-actors")
    assert evaluation.metrics["dataset"] == "ngec-actors" and evaluation.table == "my table"


@pytest.mark.slow
def test_real_pipeline_on_a_few_plover_sentences(shared: Path) -> None:
    pytest.importorskip("realpolitik.coding")
    gold = shared / "data/eventcoding/plover_gsr"
    result = CliRunner().invoke(eval_command, ["plover-gsr", str(gold), "--limit", "20", "--json"])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["n"] == 20 and metrics["uncoded"] < 20
    assert 0.0 <= metrics["event_accuracy"] <= 1.0 and 0.0 <= metrics["actor_country_f1"] <= 1.0


SPEC_KEYS = {
    "plover-gsr": {"dataset", "n", "event_accuracy", "actor_country_f1"},
    "petrarch": {"dataset", "records", "root_country", "full"},
    "conflibert": {"dataset", "n", "accuracy", "macro_f1", "span_f1"},
}
LEVEL_KEYS = {"correct", "uncoded", "extra", "null", "tp_rate", "fp_rate"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("dataset", "relative"),
    [
        ("plover-gsr", "plover_gsr"),
        ("petrarch", "udpetrarch_validation/PETR2_GSR_validation.xml"),
        ("conflibert", "conflibert_cameo"),
    ],
)
def test_spec_keys_on_real_files(shared: Path, fake_coder, dataset: str, relative: str) -> None:
    path = shared / "data/eventcoding" / relative
    metrics = run(dataset, path, limit=5, load_coder=lambda: fake_coder({})).metrics
    assert SPEC_KEYS[dataset] <= set(metrics)
    if dataset == "petrarch":
        assert set(metrics["root_country"]) >= LEVEL_KEYS and set(metrics["full"]) >= LEVEL_KEYS
    if dataset == "conflibert":
        assert set(metrics["span_f1"]) == {"source", "target"}
    json.dumps(metrics)  # JSON-ready
