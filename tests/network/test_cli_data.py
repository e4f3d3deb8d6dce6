"""The import, relations, network and blocs commands, through click's runner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from realpolitik.cli.data import (
    blocs_command,
    import_group,
    network_command,
    relations_command,
)

ROW = "\t".join(
    ["1", "20240330", "", "", "", "IRNGOV", "IRAN", "IRN", "", "", "", "", "GOV", "", "",
     "PSEREB", "HAMAS", "PSE", "HMS", "", "", "", "REB", "", "", "1", "070", "070", "07", "2",
     "7.0", "3", "1", "3", "0", *([""] * 22), "https://example.org"]
)  # fmt: skip


def test_import_then_query(tmp_path, gaza_store):
    runner = CliRunner()
    export = tmp_path / "x.export.CSV"
    export.write_text(ROW + "\nbroken\n", encoding="utf-8")
    db = str(gaza_store.path)
    gaza_store.close()
    out = runner.invoke(import_group, ["gdelt", str(export), "--db", db])
    assert out.exit_code == 0, out.output
    assert "2 rows = 1 accepted + 1 rejected; 1 new" in out.stdout
    assert f"rejected {export}:2:" in out.stderr

    rel = runner.invoke(relations_command, ["Israel", "Hamas", "--by", "month", "--format",
                                            "jsonl", "--db", db])  # fmt: skip
    assert rel.exit_code == 0, rel.output
    records = [json.loads(line) for line in rel.stdout.splitlines()]
    assert {r["direction"] for r in records} == {"A->B", "B->A"}

    net = runner.invoke(network_command, ["--until", "2024-03-30", "--db", db])
    assert net.exit_code == 0, net.output
    graph = json.loads(net.stdout)
    pair = {(e["source"], e["target"]): e["score"] for e in graph["edges"]}
    assert pair[("hamas", "isr")] < 0 < pair[("hamas", "irn")]

    gexf = runner.invoke(network_command, ["--format", "gexf", "-o", str(tmp_path / "n.gexf"),
                                           "--db", db])  # fmt: skip
    assert gexf.exit_code == 0 and (tmp_path / "n.gexf").read_text().startswith("<?xml")

    blocs = runner.invoke(blocs_command, ["--level", "actor", "--min-events", "1", "--db", db])
    assert blocs.exit_code == 0, blocs.output
    assert blocs.stdout.startswith("structural balance:")


def test_errors_exit_codes(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(network_command, ["--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1
    bad = runner.invoke(relations_command, ["A"])
    assert bad.exit_code == 2
