"""What every gold-set evaluator shares: the coder it scores, the result it returns, and
the small counting helpers (precision/recall/F1, a confusion matrix, a readable table).

An evaluator reads a gold file, codes each sentence with a :class:`Coder` (the real
``realpolitik.coding.Pipeline`` or, in tests, a fake made of hand-built events) and returns
an :class:`Evaluation`: the JSON metrics SPEC.md fixes, a table for people, and optionally a
confusion matrix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from realpolitik.model import Article, Event, Fact

#: Date given to gold sentences that carry none (the PLOVER GSR placeholder date).
DEFAULT_DATE = dt.date(2000, 1, 1)

#: Label used in confusion matrices for a sentence we coded nothing in.
NONE_LABEL = "NONE"

#: ``progress(done, total)``: called after each coded sentence (the CLI draws on stderr).
Progress = Callable[[int, int], None]


class Coder(Protocol):
    """Anything that codes one article into events and facts (``realpolitik.coding.Pipeline``)."""

    def code(self, article: Article) -> tuple[Sequence[Event], Sequence[Fact]]: ...


def sentence_article(text: str, *, date: dt.date = DEFAULT_DATE) -> Article:
    """A one-sentence article, dated ``date``, the way every evaluator builds its input."""
    return Article(article_id=Article.make_id(text, date), date=date, text=text)


def code_sentence(
    coder: Coder, text: str, *, date: dt.date = DEFAULT_DATE, item: str = ""
) -> list[Event]:
    """The events of one gold sentence.  A coder failure propagates, noting which item."""
    try:
        events, _facts = coder.code(sentence_article(text, date=date))
    except Exception as err:
        err.add_note(f"while coding gold item {item or '?'}: {text!r}")
        raise
    return list(events)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence to code: its text, date and a label naming it in messages."""

    text: str
    date: dt.date = DEFAULT_DATE
    item: str = ""


def code_sentences(
    coder: Coder,
    sentences: Sequence[Sentence],
    *,
    progress: Progress | None = None,
    batch_size: int = 64,
) -> list[list[Event]]:
    """The events of each sentence, in order; an empty text codes to nothing.

    A coder with ``code_many(articles, batch_size=...)`` (the real Pipeline: it parses in
    batches, about twice as fast) is used through it; any other coder one sentence at a time.
    """
    todo = [(i, s) for i, s in enumerate(sentences) if s.text.strip()]
    results: list[list[Event]] = [[] for _ in sentences]
    many = getattr(coder, "code_many", None)
    if callable(many):
        articles = [sentence_article(s.text, date=s.date) for _, s in todo]
        done = 0
        try:
            for (i, _), coded in zip(todo, many(articles, batch_size=batch_size), strict=True):
                results[i] = list(coded.events)
                done += 1
                if progress:
                    progress(done, len(todo))
        except Exception as err:
            err.add_note(f"while coding gold items in batches, after item {done} of {len(todo)}")
            raise
        return results
    for n, (i, sentence) in enumerate(todo, start=1):
        results[i] = code_sentence(coder, sentence.text, date=sentence.date, item=sentence.item)
        if progress:
            progress(n, len(todo))
    return results


def top_event(events: Sequence[Event]) -> Event | None:
    """The event with the highest confidence (the first one on a tie), or None."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def of_sets(gold: Iterable[object], predicted: Iterable[object]) -> PRF:
        g, p = set(gold), set(predicted)
        return PRF(tp=len(g & p), fp=len(p - g), fn=len(g - p))

    def to_record(self, *, support: int | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
        if support is not None:
            record["support"] = support
        return record


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts of (gold label, predicted label) pairs over a fixed label order."""

    gold_labels: tuple[str, ...]
    predicted_labels: tuple[str, ...]
    counts: Mapping[tuple[str, str], int]

    @staticmethod
    def build(pairs: Iterable[tuple[str, str]], *, labels: Sequence[str] = ()) -> Confusion:
        """``labels`` fixes the order; labels seen only in ``pairs`` follow, sorted, and the
        ``NONE`` prediction (nothing coded) comes last."""
        counts = Counter(pairs)
        gold = list(labels) + sorted({g for g, _ in counts} - set(labels))
        seen_pred = {p for _, p in counts} - set(gold) - {NONE_LABEL}
        predicted = [*gold, *sorted(seen_pred)]
        if any(p == NONE_LABEL for _, p in counts):
            predicted.append(NONE_LABEL)
        return Confusion(tuple(gold), tuple(predicted), dict(counts))

    def per_label(self) -> dict[str, PRF]:
        """Precision/recall per gold label, counting a prediction of label L as a claim."""
        result: dict[str, PRF] = {}
        for label in self.gold_labels:
            tp = self.counts.get((label, label), 0)
            fp = sum(n for (g, p), n in self.counts.items() if p == label and g != label)
            fn = sum(n for (g, p), n in self.counts.items() if g == label and p != label)
            result[label] = PRF(tp, fp, fn)
        return result

    def support(self, label: str) -> int:
        return sum(n for (g, _), n in self.counts.items() if g == label)

    def to_csv(self) -> str:
        """Rows are gold labels, columns predictions; the corner cell reads ``gold\\predicted``."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["gold\\predicted", *self.predicted_labels])
        for g in self.gold_labels:
            writer.writerow([g, *(self.counts.get((g, p), 0) for p in self.predicted_labels)])
        return out.getvalue()


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One evaluator's result: ``metrics`` is the JSON object (it always holds ``dataset``),
    ``table`` the readable report, ``confusion`` the per-class matrix when there is one and
    ``items`` the per-sentence verdicts."""

    dataset: str
    metrics: Mapping[str, Any]
    table: str
    confusion: Confusion | None = None
    #: One JSON-ready record per scored item (gold, prediction, verdict), for error analysis.
    items: tuple[Mapping[str, Any], ...] = field(default=())


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain fixed-width table: first column left-aligned, the rest right-aligned."""
    cells = [list(header), *([fmt(v) for v in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])]
        parts += [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def prf_rows(per_label: Mapping[str, PRF], support: Callable[[str], int]) -> list[list[object]]:
    return [
        [label, prf.precision, prf.recall, prf.f1, support(label)]
        for label, prf in per_label.items()
    ]


PRF_HEADER = ("class", "precision", "recall", "f1", "support")
