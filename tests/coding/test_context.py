"""Event dates read from the words around a trigger (``coding/context.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from realpolitik.coding.context import event_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Iran attacked Israel on Wednesday.", dt.date(2024, 4, 14), dt.date(2024, 4, 10)),
        ("Iran attacked Israel yesterday.", dt.date(2024, 4, 14), dt.date(2024, 4, 13)),
        ("Iran attacked Israel on April 13.", dt.date(2024, 4, 14), dt.date(2024, 4, 13)),
        # a later day of the year is last year's
        ("Iran attacked Israel on December 30.", dt.date(2024, 1, 5), dt.date(2023, 12, 30)),
        # last year had no February 29: the date goes unread, and nothing fails
        ("The army attacked the rebels on February 29.", dt.date(2000, 1, 1), dt.date(2000, 1, 1)),
        ("The army attacked the rebels on February 30.", dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
    ],
)
def test_dates_from_phrases(nlp: Any, text: str, published: dt.date, expected: dt.date) -> None:
    doc = nlp(text)
    trigger = next(t for t in doc if t.lemma_ == "attack")
    assert event_date(trigger, published) == expected
