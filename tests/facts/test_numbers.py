from __future__ import annotations

import pytest

from realpolitik.facts import parse_number, read_figure
from realpolitik.model import Qualifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("1.6 million", 1_600_000),
        ("thirty-eight", 38),
        ("six", 6),
        ("two hundred", 200),
        ("a dozen", 12),
        ("12", 12),
        ("one hundred and five", 105),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_words() -> None:
    assert parse_number("soldiers") is None


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("killing at least ", Qualifier.AT_LEAST),
        ("more than ", Qualifier.OVER),
        ("displacing over ", Qualifier.OVER),
        ("about ", Qualifier.ABOUT),
        ("nearly ", Qualifier.ABOUT),
        ("up to ", Qualifier.UP_TO),
        ("killed ", Qualifier.EXACT),
    ],
)
def test_qualifier(before: str, qualifier: Qualifier) -> None:
    figure = read_figure("30", before, " people")
    assert figure is not None and figure.qualifier is qualifier


def test_range_reads_low_end_and_keeps_high() -> None:
    figure = read_figure("30", "Between ", " and 40 people were wounded")
    assert figure is not None
    assert (figure.value, figure.high, figure.qualifier) == (30, 40, Qualifier.AT_LEAST)


def test_vague_amounts_are_conservative() -> None:
    figure = read_figure("dozens", "", " were injured")
    assert figure is not None
    assert (figure.value, figure.qualifier, figure.vague) == (12, Qualifier.AT_LEAST, True)
