from __future__ import annotations

from realpolitik.evaluate.base import NONE_LABEL, PRF, Confusion, render_table, top_event
from realpolitik.evaluate.codes import actor_code, country, participant_code


def test_prf_from_sets_and_rates() -> None:
    prf = PRF.of_sets({"a", "b", "c"}, {"b", "c", "d", "e"})
    assert (prf.tp, prf.fp, prf.fn) == (2, 2, 1)
    assert prf.precision == 0.5
    assert prf.recall == 2 / 3
    assert abs(prf.f1 - 4 / 7) < 1e-9


def test_prf_empty_is_zero_not_an_error() -> None:
    assert PRF().f1 == 0.0
    assert (PRF(1, 0, 0) + PRF(0, 1, 1)) == PRF(1, 1, 1)


def test_top_event_is_highest_confidence_first_on_ties(event) -> None:
    a, b, c = event(confidence=0.4), event(confidence=0.9, code="190"), event(confidence=0.9)
    assert top_event([a, b, c]) is b
    assert top_event([]) is None


def test_confusion_counts_precision_recall_and_csv() -> None:
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", NONE_LABEL), ("C", "A")]
    confusion = Confusion.build(pairs, labels=["A", "B"])
    assert confusion.gold_labels == ("A", "B", "C")
    assert confusion.predicted_labels == ("A", "B", "C", NONE_LABEL)
    per = confusion.per_label()
    assert per["A"] == PRF(tp=1, fp=1, fn=1)
    assert per["B"] == PRF(tp=1, fp=1, fn=1)
    assert per["C"] == PRF(tp=0, fp=0, fn=1)
    assert confusion.to_csv().splitlines() == [
        "gold\\predicted,A,B,C,NONE",
        "A,1,1,0,0",
        "B,0,1,0,1",
        "C,1,0,0,0",
    ]


def test_render_table_aligns_columns() -> None:
    text = render_table(("name", "value"), [["a", 0.5], ["long name", 12]])
    lines = text.splitlines()
    assert lines[0].startswith("name") and lines[1].startswith("----")
    assert lines[2] == "a          0.500"
    assert len({len(line) for line in lines}) == 1


def test_country_codes_normalise_cameo_and_gold_slips() -> None:
    assert country("TMP") == "TLS"
    assert country("KSVGOV") == "XKX"
    assert country("JAP") == "JPN"
    assert country("---REB") is None
    assert country("") is None
    assert country("IGOUNO") == "IGO"
    assert actor_code("usa") == "USA"
    assert actor_code("TMPGOV") == "TLSGOV"
    assert actor_code(None) == "---"


def test_participant_code_from_cameo_or_country_and_sector(event) -> None:
    e = event(source=("IRN", "GOV"), target=None)
    assert participant_code(e.source) == "IRNGOV"
    assert participant_code(e.target) == "---"
    e = event(source=(None, "REB"), source_cameo="REB", target=("TLS", None), target_cameo="TMP")
    assert participant_code(e.source) == "---REB"
    assert participant_code(e.target) == "TLS"
    e = event(source=("USA", "GOV"), source_cameo="USAGOVMIL")
    assert participant_code(e.source) == "USAGOVMIL"


def test_code_sentences_uses_code_many_in_order_and_skips_empty_text(event, fake_coder) -> None:
    from types import SimpleNamespace

    from realpolitik.evaluate.base import Sentence, code_sentences

    one, two = event(code="010"), event(code="190")
    plain = fake_coder({"first": [one], "second": [two]})

    class Batched:
        def __init__(self) -> None:
            self.batches: list[int] = []

        def code(self, article):  # pragma: no cover - must not be called
            raise AssertionError("code_many should be used")

        def code_many(self, articles, *, batch_size):
            articles = list(articles)
            self.batches.append(len(articles))
            for a in articles:
                yield SimpleNamespace(events=tuple(plain.code(a)[0]))

    sentences = [Sentence("first"), Sentence("  "), Sentence("second")]
    progress: list[tuple[int, int]] = []
    batched = Batched()
    result = code_sentences(batched, sentences, progress=lambda d, t: progress.append((d, t)))
    assert result == [[one], [], [two]]
    assert batched.batches == [2] and progress == [(1, 2), (2, 2)]
    assert code_sentences(plain, sentences) == [[one], [], [two]]


def test_coder_failure_names_the_item(fake_coder) -> None:
    import pytest

    from realpolitik.evaluate.base import Sentence, code_sentences

    class Broken:
        def code(self, article):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError) as info:
        code_sentences(Broken(), [Sentence("some text", item="GSR-7")])
    assert any("GSR-7" in note for note in info.value.__notes__)
