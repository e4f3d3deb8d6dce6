"""Train the coder's sentence PentaClass model on ConfliBERT's CAMEO *training* split.

    python scripts/train_penta_classifier.py [../shared/data/eventcoding/conflibert_cameo]

Reads ``cameo_class/train.tsv`` only (the development split; ``test.tsv`` is never read),
reports 5-fold cross-validated accuracy and macro-F1, fits TF-IDF word 1-2 grams and
char_wb 2-5 grams + multinomial logistic regression on all of it, checks that the numpy
reimplementation in ``realpolitik.coding.classifier`` gives the same probabilities as
scikit-learn, and writes ``src/realpolitik/data/coding/model/penta.npz`` (plain arrays, no
pickle) beside ``penta.json`` (the card: data, license, settings, CV scores).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline, make_union

from realpolitik.coding.classifier import CLASSES, MODEL_FILE, PentaClassifier

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/realpolitik/data/coding/model"
DEFAULT_DATA = ROOT.parent / "shared/data/eventcoding/conflibert_cameo"
C = 10.0
MIN_DF = 2
ANALYZERS = (("word", 1, 2), ("char_wb", 2, 5))


def read(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, _, label = line.rpartition("\t")
            texts.append(text.strip())
            labels.append(label.strip())
    return texts, labels


def build():  # type: ignore[no-untyped-def]
    vectorizers = [
        TfidfVectorizer(analyzer=a, ngram_range=(lo, hi), sublinear_tf=True, min_df=MIN_DF)
        for a, lo, hi in ANALYZERS
    ]
    return make_pipeline(make_union(*vectorizers), LogisticRegression(C=C, max_iter=5000))


def main(data: Path) -> None:
    texts, labels = read(data / "cameo_class" / "train.tsv")
    y = np.array(labels)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    predicted = cross_val_predict(build(), texts, y, cv=folds)
    cv = {
        "accuracy": round(float(accuracy_score(y, predicted)), 4),
        "macro_f1": round(float(f1_score(y, predicted, average="macro")), 4),
    }
    print(f"5-fold CV on train.tsv: {cv}")
    model = build().fit(texts, y)
    union, logistic = model.steps[0][1], model.steps[1][1]
    assert [str(c) for c in logistic.classes_] == list(CLASSES)
    arrays: dict[str, np.ndarray] = {
        "analyzers": np.array([f"{a}:{lo}:{hi}" for a, lo, hi in ANALYZERS]),
        "coef": logistic.coef_.astype(np.float32),
        "intercept": logistic.intercept_.astype(np.float64),
    }
    for n, (_, vectorizer) in enumerate(union.transformer_list):
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        arrays[f"vocabulary_{n}"] = np.array(terms)
        arrays[f"idf_{n}"] = vectorizer.idf_.astype(np.float32)
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / MODEL_FILE, **arrays)  # type: ignore[arg-type]
    ours = PentaClassifier.load(OUT / MODEL_FILE).proba_many(texts)
    gap = float(np.abs(ours - model.predict_proba(texts)).max())
    print(f"largest probability gap numpy vs scikit-learn: {gap:.2e}")
    assert gap < 1e-3, "the numpy reimplementation disagrees with scikit-learn"
    card = {
        "model": "TF-IDF word 1-2 + char_wb 2-5 grams, multinomial logistic regression",
        "labels": "Phoenix PentaClass: 0 statement, 1 verbal coop, 2 material coop, "
        "3 verbal conflict, 4 material conflict",
        "trained_on": "ConfliBERT cameo_class/train.tsv (1,349 sentences; the development "
        "split, test.tsv never read)",
        "data_source": "https://github.com/eventdata/ConfliBERT commit "
        "0b630014885b9597622082034cc5ab5471b57e5b, data/cameo_class/train.tsv",
        "data_license": "GPL-3.0 (ConfliBERT repository LICENSE); sentences from news and "
        "NGO web sites 2012-2021, copyright of their publishers. See LICENSE.md.",
        "settings": {"C": C, "min_df": MIN_DF, "analyzers": [list(a) for a in ANALYZERS]},
        "features": int(arrays["coef"].shape[1]),
        "cross_validation_5fold": cv,
        "trained": dt.date.today().isoformat(),
        "script": "scripts/train_penta_classifier.py",
    }
    (OUT / "penta.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT / MODEL_FILE} ({(OUT / MODEL_FILE).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
