from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from realpolitik.errors import InputError
from realpolitik.forecast.data import load_tkg, with_inverses


def test_reads_splits_names_and_day_steps(tiny: Path) -> None:
    ds = load_tkg(tiny)
    assert ds.name == "TINY"
    assert ds.num_entities == 5 and ds.num_relations == 3
    assert ds.step == 24
    assert ds.train.shape == (6, 4)
    assert ds.test[:, 3].tolist() == [5, 5, 6]
    assert ds.entity_name(3) == "United States"
    assert ds.relation_name(4) == "Use conventional military force (inverse)"


def test_padded_columns_and_crlf(tmp_path: Path, make_tkg: Callable[..., Path]) -> None:
    root = make_tkg(tmp_path / "d", "0    \t1  \t2\t0\t0\r\n1\t0\t2\t24\t0\r\n", "", "2 0 1 48\n")
    ds = load_tkg(root)
    assert ds.train.tolist() == [[0, 1, 2, 0], [1, 0, 2, 1]]
    assert ds.valid.shape == (0, 4)
    assert ds.test.tolist() == [[2, 0, 1, 2]]


def test_inverses_double_relations() -> None:
    quads = np.array([[0, 1, 2, 5]])
    assert with_inverses(quads, 3).tolist() == [[0, 1, 2, 5], [2, 4, 0, 5]]


@pytest.mark.parametrize(
    ("train", "line", "words"),
    [
        ("0\t0\t1\t0\n0\t0\tx\t0\n", 2, "integers"),
        ("0\t0\t1\t0\n\n0\t0\t1\n", 3, "integers"),
        ("0\t0\t1\t0\n0\t7\t1\t0\n", 2, "out of range"),
        ("0\t0\t9\t0\n", 1, "out of range"),
    ],
)
def test_malformed_lines_name_file_and_line(
    tmp_path: Path, make_tkg: Callable[..., Path], train: str, line: int, words: str
) -> None:
    root = make_tkg(tmp_path / "bad", train, "", "")
    with pytest.raises(InputError) as info:
        load_tkg(root)
    assert info.value.line == line
    assert info.value.origin is not None and info.value.origin.endswith("train.txt")
    assert words in str(info.value)


def test_bad_name_file_and_missing_files(tmp_path: Path, make_tkg: Callable[..., Path]) -> None:
    root = make_tkg(tmp_path / "names", "0\t0\t1\t0\n", "", "")
    (root / "relation2id.txt").write_text("Threaten\t0\nno id here\n")
    with pytest.raises(InputError, match=r"relation2id.txt:2"):
        load_tkg(root)
    (root / "relation2id.txt").unlink()
    with pytest.raises(InputError, match="missing"):
        load_tkg(root)
    with pytest.raises(InputError, match="not a directory"):
        load_tkg(tmp_path / "nowhere")
