"""The trigger lexicon: PLOVER v0.8 overrides and other senses of bare verb triggers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.coding.lexicon import Lexicon
from realpolitik.errors import DataError


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_plover_overrides_follow_the_manual(lexicon: Lexicon) -> None:
    assert lexicon.plover["163"] == ("SANCTION", "discontinue")
    assert lexicon.plover["0831"] == ("RETREAT", "resign")
    assert lexicon.plover["0353"] == ("CONCEDE", None)


@pytest.mark.parametrize(
    ("sentence", "verb", "code"),
    [
        ("Iran released two French prisoners.", "released", "0841"),
        ("The ministry released its annual report.", "released", None),
        ("Russia deployed troops to the border.", "deployed", "154"),
        ("The firm deployed a software update.", "deployed", None),
        ("Mali withdrew from the treaty.", "withdrew", "160"),
        ("Mali withdrew its candidacy.", "withdrew", None),
        ("North Korea put its forces on alert.", "put", "152"),
        ("Thailand raised its COVID-19 alert level.", "raised", None),
        # the packaged lemmatizer reads "staged" as "stag"; the pipeline mends it
        ("Students staged a protest in Dhaka.", "staged", "141"),
        ("Students are staging a demonstration.", "staging", "141"),
    ],
)
def test_verb_senses(
    lexicon: Lexicon, nlp: Any, sentence: str, verb: str, code: str | None
) -> None:
    [token] = [t for t in nlp(sentence) if t.text == verb]
    match = lexicon.match_verb(token)
    assert (match.code if match else None) == code


def test_a_code_written_twice_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text(
        'codes:\n  "160": {verbs: ["cancel +visit"]}\n  "160": {verbs: ["quit +treaty"]}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="written twice"):
        Lexicon.load(path)
