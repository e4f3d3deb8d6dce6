"""``eval conflibert``: ConfliBERT's 5-class CAMEO sentences and source/target spans.

``cameo_class/{train,test}.tsv`` hold ``sentence<TAB>label``; the labels are Phoenix's
PentaClass (conflibert_cameo/SOURCE.md infers it; the training split confirms it): 0
statements and appeals (CAMEO roots 01-02: "urged" is labelled 0 in 12 of 14 training
sentences), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
(09-13) and reduced relations (16: sanctions and expulsions are labelled 3 in 43 of 67),
4 material conflict (14-15, 17-20).  Our sentence class is the PentaClass of the CAMEO root of our
highest-confidence event; a sentence we code nothing in is predicted ``NONE`` and counts as
wrong.  ``macro_f1`` is the mean F1 of the five classes.  ``uncoded_as_statement``
repeats accuracy and macro-F1 reading "coded nothing" as class 0 (a default-class rule:
a sentence with no act of cooperation or conflict is, at most, a statement).

``cameo_ner/{train,test}.txt`` hold BIO tags: ``S`` source, ``T`` target, ``R`` reciprocal
(the span is both).  ``span_f1`` is **exact-match span F1** over token spans: gold source
spans are the S and R spans, gold targets the T and R spans; ours are the token spans
covered by the source (target) participants of every event carrying the top event's CAMEO
code (so both halves of a reciprocal pair count).  ``span_token_f1`` is the lenient
token-level F1 of the same labels.  The test split's two files are sentence-aligned, so each
sentence is coded once; the train (= dev) files are not, so they are coded separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError
from realpolitik.evaluate.base import (
    NONE_LABEL,
    PRF,
    PRF_HEADER,
    Coder,
    Confusion,
    Evaluation,
    Progress,
    Sentence,
    code_sentences,
    prf_rows,
    render_table,
    top_event,
)
from realpolitik.evaluate.conflibert_data import (
    NerSentence,
    aligns,
    gold_spans,
    read_class_file,
    read_ner_file,
    token_offsets,
)
from realpolitik.model import Event, Participant
from realpolitik.ontology import penta_of_root

DATASET = "conflibert"
CLASSES = ("0", "1", "2", "3", "4")
CLASS_NAMES = {
    "0": "statement",
    "1": "verbal coop",
    "2": "material coop",
    "3": "verbal conflict",
    "4": "material conflict",
}
SPLIT_FILES = {"test": ("test.tsv", "test.txt"), "dev": ("train.tsv", "train.txt")}


def penta_class(root: str) -> str:
    """PentaClass of a CAMEO root ("01".."20"), as the coder's sentence model reads the
    ConfliBERT labels (:func:`realpolitik.ontology.penta_of_root`)."""
    k = penta_of_root(root)
    if k < 0:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return str(k)


INVALID_LABEL = "INVALID"


def predicted_class(events: Sequence[Event]) -> str:
    """PentaClass of the top event; ``NONE`` when nothing is coded, ``INVALID`` when the
    top event's CAMEO root is not 01-20 (a coder bug, counted as wrong)."""
    top = top_event(events)
    if top is None:
        return NONE_LABEL
    try:
        return penta_class(top.cameo.root or top.cameo.code[:2])
    except ValueError:
        return INVALID_LABEL


Span = tuple[int, int]  # first and last token index, inclusive


def participant_span(
    participant: Participant | None, text: str, offsets: Sequence[Span]
) -> Span | None:
    """The tokens a participant covers; (-1, -1) when it cannot be placed in the text."""
    if participant is None:
        return None
    start, end = participant.start, participant.end
    if start is None or end is None:
        found = text.find(participant.text) if participant.text else -1
        if found < 0:
            return (-1, -1)
        start, end = found, found + len(participant.text)
    covered = [i for i, (s, e) in enumerate(offsets) if s < end and e > start]
    return (covered[0], covered[-1]) if covered else (-1, -1)


def predicted_spans(
    events: Sequence[Event], text: str, offsets: Sequence[Span]
) -> tuple[set[Span], set[Span]]:
    top = top_event(events)
    if top is None:
        return set(), set()
    group = [e for e in events if e.cameo.code == top.cameo.code]
    sources = {participant_span(e.source, text, offsets) for e in group}
    targets = {participant_span(e.target, text, offsets) for e in group}
    return {s for s in sources if s}, {t for t in targets if t}


def _tokens(spans: set[Span]) -> set[int]:
    return {i for a, b in spans if a >= 0 for i in range(a, b + 1)}


@dataclass(frozen=True, slots=True)
class SpanScore:
    source: PRF
    target: PRF
    source_tokens: PRF
    target_tokens: PRF
    detail: dict[str, list[str]]  # gold and predicted spans as text, for error analysis


def score_spans(sentence: NerSentence, events: Sequence[Event], text: str) -> SpanScore:
    offsets = token_offsets(sentence.tokens, text)
    gold_source, gold_target = gold_spans(sentence.tags)
    ours_source, ours_target = predicted_spans(events, text, offsets)

    def words(spans: set[Span]) -> list[str]:
        return sorted(" ".join(sentence.tokens[a : b + 1]) if a >= 0 else "?" for a, b in spans)

    return SpanScore(
        PRF.of_sets(gold_source, ours_source),
        PRF.of_sets(gold_target, ours_target),
        PRF.of_sets(_tokens(gold_source), _tokens(ours_source)),
        PRF.of_sets(_tokens(gold_target), _tokens(ours_target)),
        {
            "gold_source": words(gold_source),
            "gold_target": words(gold_target),
            "source": words(ours_source),
            "target": words(ours_target),
        },
    )


@dataclass(frozen=True, slots=True)
class Scored:
    """One sentence: its class verdict (class file) and/or its spans (NER file)."""

    text: str
    gold: str | None = None
    predicted: str | None = None
    spans: SpanScore | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"text": self.text}
        if self.gold is not None:
            record |= {
                "gold": self.gold,
                "predicted": self.predicted,
                "correct": self.gold == self.predicted,
            }
        if self.spans is not None:
            record |= self.spans.detail
        return record


def _files(path: Path, split: str) -> tuple[Path | None, Path | None]:
    """The class file and NER file to read: ``path`` is either, or a folder holding
    ``cameo_class/`` and ``cameo_ner/`` (or the files themselves)."""
    if path.is_file():
        return (None, path) if path.suffix == ".txt" else (path, None)
    class_name, ner_name = SPLIT_FILES[split]
    found: list[Path | None] = []
    for sub, name in (("cameo_class", class_name), ("cameo_ner", ner_name)):
        candidates = [path / sub / name, path / name]
        found.append(next((c for c in candidates if c.is_file()), None))
    if found[0] is None and found[1] is None:
        raise InputError(
            f"no cameo_class/{class_name} or cameo_ner/{ner_name} here", origin=str(path)
        )
    return found[0], found[1]


def evaluate_conflibert(
    path: Path,
    *,
    coder: Coder,
    split: str = "test",
    limit: int | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    class_path, ner_path = _files(path, split)
    labelled = read_class_file(class_path)[:limit] if class_path else []
    ner = read_ner_file(ner_path)[:limit] if ner_path else []
    aligned = (
        bool(labelled)
        and len(labelled) == len(ner)
        and all(aligns(s.tokens, text) for (text, _), s in zip(labelled, ner, strict=True))
    )
    # The class sentences, then (when the files are not aligned) the NER sentences.
    sentences = [Sentence(text, item=f"class line {i + 1}") for i, (text, _) in enumerate(labelled)]
    if not aligned:
        sentences += [Sentence(" ".join(s.tokens), item=f"ner line {s.line}") for s in ner]
    coded = code_sentences(coder, sentences, progress=progress)
    scored: list[Scored] = []
    for i, (text, label) in enumerate(labelled):
        spans = score_spans(ner[i], coded[i], text) if aligned else None
        scored.append(Scored(text, label, predicted_class(coded[i]), spans))
    if not aligned:
        for sentence, events in zip(ner, coded[len(labelled) :], strict=True):
            text = " ".join(sentence.tokens)
            scored.append(Scored(text, spans=score_spans(sentence, events, text)))
    files = [f"{p.parent.name}/{p.name}" for p in (class_path, ner_path) if p is not None]
    return summarise(scored, split=split, files=files)


def _accuracy_macro(pairs: Sequence[tuple[str, str]]) -> tuple[float, float]:
    """Accuracy and the mean F1 of the classes that occur as gold or as prediction (all
    five on the real sets; fewer only in a ``--limit`` run)."""
    per_class = Confusion.build(pairs, labels=CLASSES).per_label()
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    present = [c for c in CLASSES if any(c in pair for pair in pairs)]
    return accuracy, sum(per_class[c].f1 for c in present) / len(present)


def summarise(scored: Sequence[Scored], *, split: str, files: Sequence[str] = ()) -> Evaluation:
    pairs = [(s.gold, s.predicted or NONE_LABEL) for s in scored if s.gold is not None]
    spans = [s.spans for s in scored if s.spans is not None]
    metrics: dict[str, Any] = {
        "dataset": DATASET,
        "split": split,
        "files": list(files),
        "n": len(pairs),
    }
    lines = [
        f"ConfliBERT CAMEO ({split}): {len(pairs)} class sentences, {len(spans)} span sentences"
    ]
    confusion = None
    if pairs:
        confusion = Confusion.build(pairs, labels=CLASSES)
        per_class = {c: confusion.per_label()[c] for c in CLASSES}
        accuracy, macro = _accuracy_macro(pairs)
        fallback = [(g, "0" if p == NONE_LABEL else p) for g, p in pairs]
        fb_accuracy, fb_macro = _accuracy_macro(fallback)
        metrics |= {
            "accuracy": round(accuracy, 4),
            "macro_f1": round(macro, 4),
            "uncoded": sum(p == NONE_LABEL for _, p in pairs),
            "uncoded_as_statement": {
                "accuracy": round(fb_accuracy, 4),
                "macro_f1": round(fb_macro, 4),
            },
            "per_class": {
                f"{c} {CLASS_NAMES[c]}": prf.to_record(support=confusion.support(c))
                for c, prf in per_class.items()
            },
        }
        named = {f"{c} {CLASS_NAMES[c]}": prf for c, prf in per_class.items()}
        lines += [
            f"accuracy {accuracy:.3f}   macro-F1 {macro:.3f}   coded nothing {metrics['uncoded']}",
            f"(reading 'coded nothing' as class 0: accuracy {fb_accuracy:.3f}, "
            f"macro-F1 {fb_macro:.3f})",
            "",
            render_table(PRF_HEADER, prf_rows(named, lambda k: confusion.support(k[0]))),
        ]
    if spans:
        totals = {
            field: sum((getattr(s, field) for s in spans), PRF())
            for field in ("source", "target", "source_tokens", "target_tokens")
        }
        metrics["span_f1"] = {
            "source": round(totals["source"].f1, 4),
            "target": round(totals["target"].f1, 4),
        }
        metrics["span_token_f1"] = {
            "source": round(totals["source_tokens"].f1, 4),
            "target": round(totals["target_tokens"].f1, 4),
        }
        metrics["span_n"] = len(spans)
        metrics["spans"] = {k: v.to_record() for k, v in totals.items()}
        lines += [
            "",
            render_table(
                ("span (exact / token)", "precision", "recall", "f1"),
                [[k, v.precision, v.recall, v.f1] for k, v in totals.items()],
            ),
        ]
    items = tuple(s.to_record() for s in scored)
    return Evaluation(DATASET, metrics, "\n".join(lines), confusion, items)
