"""The whole coding pipeline in one object: parse, resolve actors, code events, extract facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.actors import ActorBase
from realpolitik.coding.classifier import PentaClassifier
from realpolitik.coding.coder import Coder
from realpolitik.coding.lexicon import Lexicon
from realpolitik.facts import FactExtractor
from realpolitik.model import Article, Coded, Event, Fact, Span
from realpolitik.nlp import blank_header, load_pipeline
from realpolitik.ontology import Ontology
from realpolitik.places import Gazetteer


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Everything needed to code articles, loaded once (about two seconds)."""

    nlp: Language
    coder: Coder
    facts: FactExtractor

    @classmethod
    def load(cls, *, kb: ActorBase | None = None) -> Pipeline:
        gazetteer = Gazetteer.load()
        coder = Coder(
            kb=kb or ActorBase.load(),
            ontology=Ontology.load(),
            lexicon=Lexicon.load(),
            gazetteer=gazetteer,
            classifier=PentaClassifier.load(),
        )
        return cls(load_pipeline(), coder, FactExtractor(gazetteer=gazetteer))

    def code(self, article: Article) -> tuple[list[Event], list[Fact]]:
        """Events and facts of one article."""
        coded = self.coded(article)
        return list(coded.events), list(coded.facts)

    def coded(self, article: Article, doc: Doc | None = None) -> Coded:
        doc = doc if doc is not None else self.nlp(blank_header(article))
        mentions = self.coder.mentions(doc, article)
        events = self.coder.code(doc, article, mentions=mentions)
        facts = self.facts.extract(doc, article)
        sentences = tuple(
            Span(s.text, s.start_char, s.end_char) for s in doc.sents if s.text.strip()
        )
        return Coded(
            article, tuple(events), tuple(facts), sentences, tuple(mentions.participants())
        )

    def code_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Coded]:
        """Code a stream of articles, parsing them in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[Coded]:
        docs = self.nlp.pipe(blank_header(a) for a in batch)
        for article, doc in zip(batch, docs, strict=True):
            yield self.coded(article, doc)
