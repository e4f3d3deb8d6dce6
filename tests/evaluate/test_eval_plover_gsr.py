from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.errors import InputError
from realpolitik.evaluate.plover_gsr import evaluate_plover_gsr, read_gold

# Hand-written records in the normalised PLOVER GSR shape (not copied from the gold file).
RECORDS = [
    {
        "id": "T-1",
        "text": "Freedonia attacked Sylvania.",
        "event_v05": "FIGHT",
        "event_v08": "ASSAULT",
        "actor": [{"actorText": "Freedonia", "code": "FRE"}],
        "recipient": [{"actorText": "Sylvania", "code": "SYL"}],
        "markup": "",
    },
    {
        "id": "T-2",
        "text": "Tokyo and Rome agreed.",
        "event_v05": "AGREE",
        "event_v08": "AGREE",
        "actor": [{"code": "JAP"}, {"code": "ITL"}],
        "recipient": [],
        "markup": "(SRC/TAR: Tokyo) and (SRC/TAR: Rome) (EVT: agreed).",
    },
    {
        "id": "T-3",
        "text": "Nobody did anything.",
        "event_v05": "DEMAND",
        "event_v08": "REQUEST",
        "actor": [{"raw": "diplomatic"}],
        "recipient": [],
        "markup": "",
    },
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_reads_normalised_jsonl(gold_file: Path) -> None:
    gold = read_gold(gold_file)
    assert [g.event for g in gold] == ["ASSAULT", "AGREE", "REQUEST"]
    assert gold[1].actors == {"JPN", "ITA"} and gold[1].reciprocal
    assert gold[2].actors == frozenset()  # an entry without a code is skipped


def test_reads_original_array_with_v05_names_and_bare_string_target(tmp_path: Path) -> None:
    path = tmp_path / "orig.txt"
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {
            "id": "O-1",
            "text": "A b.",
            "event": "DISAPPROVE",
            "source": [{"code": "USA"}],
            "target": "IRQ",
            "textInfo": {"markup": "x"},
        },
        {"id": "O-2", "text": "C d.", "event": "DEMAND", "source": [{"code": "USA"}], "target": ""},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    gold = read_gold(path)
    assert [(g.id, g.event) for g in gold] == [("O-1", "ACCUSE"), ("O-2", "REQUEST")]
    assert gold[0].recipients == {"IRQ"} and gold[1].recipients == frozenset()


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        read_gold(path)


def test_event_accuracy_counts_uncoded_as_wrong(gold_file: Path, event, fake_coder) -> None:
    coder = fake_coder(
        {
            "Freedonia attacked Sylvania.": [
                event(plover="ACCUSE", confidence=0.3),
                event(
                    plover="ASSAULT",
                    code="190",
                    source=("FRE", "MIL"),
                    target=("SYL", None),
                    confidence=0.8,
                ),
            ],
            "Tokyo and Rome agreed.": [
                event(plover="CONSULT", source=("JPN", None), target=("ITA", None)),
                event(plover="AGREE", source=("USA", None), target=None, confidence=0.2),
            ],
        }
    )
    result = evaluate_plover_gsr(gold_file, coder=coder)
    m = result.metrics
    assert m["dataset"] == "plover-gsr" and m["n"] == 3
    assert m["event_accuracy"] == round(1 / 3, 4)
    assert m["uncoded"] == 1
    assert m["any_event_accuracy"] == round(2 / 3, 4)  # AGREE is there, just not on top
    assert m["per_type"]["ASSAULT"]["recall"] == 1.0
    assert m["per_type"]["AGREE"]["recall"] == 0.0
    assert result.confusion is not None
    assert result.confusion.counts[("REQUEST", "NONE")] == 1
    assert result.confusion.counts[("AGREE", "CONSULT")] == 1
    # countries: T-1 actor FRE + recipient SYL both right; T-2 reciprocal JPN/ITA both right
    assert m["actor_country_f1"] == 1.0


def test_country_roles_matter_unless_reciprocal(gold_file: Path, event, fake_coder) -> None:
    coder = fake_coder(
        {
            # roles swapped on a directed record: both wrong
            "Freedonia attacked Sylvania.": [event(source=("SYL", None), target=("FRE", None))],
            # swapped on a reciprocal record: both right; the alias ITL->ITA applies to gold
            "Tokyo and Rome agreed.": [event(source=("ITA", None), target=("JPN", None))],
            # a country where gold has none: a false positive
            "Nobody did anything.": [event(source=("USA", None), target=None)],
        }
    )
    ac = evaluate_plover_gsr(gold_file, coder=coder).metrics["actor_country"]
    assert (ac["tp"], ac["fp"], ac["fn"]) == (2, 3, 2)


def test_limit_and_progress(gold_file: Path, fake_coder) -> None:
    calls: list[tuple[int, int]] = []
    result = evaluate_plover_gsr(
        gold_file, coder=fake_coder({}), limit=2, progress=lambda d, t: calls.append((d, t))
    )
    assert result.metrics["n"] == 2 and calls == [(1, 2), (2, 2)]


@pytest.mark.slow
def test_real_gold_file_parses(shared: Path) -> None:
    folder = shared / "data/eventcoding/plover_gsr"
    normalised = read_gold(folder / "PLOVER_GSR_CAMEO.normalized.jsonl")
    original = read_gold(folder / "PLOVER_GSR_CAMEO.txt")
    assert len(normalised) == len(original) == 322
    assert [g.event for g in normalised] == [g.event for g in original]
    assert len({g.event for g in normalised}) == 16
    assert sum(g.reciprocal for g in normalised) >= 15
