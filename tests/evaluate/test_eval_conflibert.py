from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import InputError
from realpolitik.evaluate.conflibert import evaluate_conflibert, penta_class
from realpolitik.evaluate.conflibert_data import (
    aligns,
    bio_spans,
    gold_spans,
    read_class_file,
    read_ner_file,
    token_offsets,
)

S1 = "Freedonia 's leader met Sylvania ."
S2 = "Freedonia troops shelled the border town ."
S3 = "Officials said nothing ."

CLASS_TSV = f"{S1}\t1\r\n{S2}\t4\r\n{S3}\t0\r\n"
NER = """Freedonia B-R
's I-R
leader I-R
met O
Sylvania B-R
. O

Freedonia B-S
troops I-S
shelled O
the O
border B-T
town I-T
. O

Officials B-S
said O
nothing O
. O
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "cameo_class").mkdir()
    (tmp_path / "cameo_ner").mkdir()
    (tmp_path / "cameo_class/test.tsv").write_bytes(CLASS_TSV.encode())
    (tmp_path / "cameo_ner/test.txt").write_text(NER, encoding="utf-8")
    return tmp_path


def test_penta_class_boundaries() -> None:
    roots = ("01", "02", "03", "05", "06", "08", "09", "13", "14", "15", "16", "17", "20")
    assert [penta_class(r) for r in roots] == [
        "0", "0", "1", "1", "2", "2", "3", "3", "4", "4", "3", "4", "4"
    ]  # fmt: skip
    with pytest.raises(ValueError):
        penta_class("21")


def test_bio_spans_and_reciprocal_gold() -> None:
    tags = ["B-S", "I-S", "O", "I-T", "B-T", "B-R", "I-R"]
    assert bio_spans(tags) == [("S", (0, 1)), ("T", (3, 3)), ("T", (4, 4)), ("R", (5, 6))]
    sources, targets = gold_spans(tags)
    assert sources == {(0, 1), (5, 6)}
    assert targets == {(3, 3), (4, 4), (5, 6)}


def test_token_offsets_and_alignment() -> None:
    text = "U.S. troops left."
    assert token_offsets(["U.S.", "troops", "left", "."], text) == [
        (0, 4),
        (5, 11),
        (12, 16),
        (16, 17),
    ]
    assert aligns(["U.S.", "troops", "left", "."], text)
    assert not aligns(["U.S.", "left"], text)


def test_readers(folder: Path, tmp_path: Path) -> None:
    assert read_class_file(folder / "cameo_class/test.tsv")[1] == (S2, "4")
    ner = read_ner_file(folder / "cameo_ner/test.txt")
    assert len(ner) == 3 and ner[1].tags[4] == "B-T" and ner[1].line == 8
    bad = tmp_path / "bad.tsv"
    bad.write_text("a sentence\t7\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:1"):
        read_class_file(bad)


def test_class_and_span_metrics(folder: Path, event, fake_coder) -> None:
    leader, sylvania = (
        (S1.index("Freedonia 's leader"), S1.index(" met")),
        (S1.index("Sylvania"), S1.index(" .")),
    )
    troops, town = (0, S2.index(" shelled")), (S2.index("the border"), S2.index(" ."))
    coder = fake_coder(
        {
            # reciprocal meeting coded as a pair: both spans found on both sides
            S1: [
                event(code="040", source_span=leader, target_span=sylvania, confidence=0.8),
                event(code="040", source_span=sylvania, target_span=leader, confidence=0.7),
                event(code="190", source_span=(0, 9), confidence=0.1),  # ignored: not top code
            ],
            # right class; source exact, target "the border town" vs gold "border town"
            S2: [event(code="195", source_span=troops, target_span=town)],
            # S3: nothing coded -> class NONE, gold source missed
        }
    )
    result = evaluate_conflibert(folder, coder=coder)
    m = result.metrics
    assert m["dataset"] == "conflibert" and m["n"] == 3 and m["split"] == "test"
    assert m["accuracy"] == round(2 / 3, 4) and m["uncoded"] == 1
    # F1 per class: 0 -> 0, 1 -> 1, 4 -> 1; classes 2 and 3 occur nowhere and are left out
    assert m["macro_f1"] == round(2 / 3, 4)
    # reading the uncoded S3 as class 0 (its gold) makes every sentence right
    assert m["uncoded_as_statement"] == {"accuracy": 1.0, "macro_f1": 1.0}
    src, tgt = m["spans"]["source"], m["spans"]["target"]
    assert (src["tp"], src["fp"], src["fn"]) == (3, 0, 1)
    assert (tgt["tp"], tgt["fp"], tgt["fn"]) == (2, 1, 1)
    assert m["span_f1"]["source"] == round(6 / 7, 4)
    # token level: target tokens {0,1,2,4} + {4,5} gold vs ours {0,1,2,4} + {3,4,5}
    assert m["spans"]["target_tokens"]["fp"] == 1
    assert len(coder.seen) == 3  # aligned files: each sentence coded once
    assert result.confusion is not None and result.confusion.counts[("0", "NONE")] == 1


def test_dev_split_reads_train_files_and_codes_unaligned_ner(tmp_path: Path, fake_coder) -> None:
    (tmp_path / "train.tsv").write_text(f"{S2}\t4\n", encoding="utf-8")
    (tmp_path / "train.txt").write_text(NER, encoding="utf-8")
    coder = fake_coder({})
    m = evaluate_conflibert(tmp_path, coder=coder, split="dev").metrics
    assert m["n"] == 1 and m["span_n"] == 3 and len(coder.seen) == 4
    with pytest.raises(InputError):
        evaluate_conflibert(tmp_path, coder=coder, split="test")


@pytest.mark.slow
def test_real_test_split_parses_and_aligns(shared: Path) -> None:
    folder = shared / "data/eventcoding/conflibert_cameo"
    labelled = read_class_file(folder / "cameo_class/test.tsv")
    ner = read_ner_file(folder / "cameo_ner/test.txt")
    assert len(labelled) == len(ner) == 451
    assert all(aligns(s.tokens, text) for (text, _), s in zip(labelled, ner, strict=True))
    assert len(read_ner_file(folder / "cameo_ner/train.txt")) == 1153
    assert len(read_class_file(folder / "cameo_class/train.tsv")) == 1349
