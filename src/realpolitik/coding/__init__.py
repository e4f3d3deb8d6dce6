"""The event coder: CAMEO and PLOVER events from parsed articles."""

from realpolitik.coding.coder import Coder
from realpolitik.coding.lexicon import Lexicon
from realpolitik.coding.pipeline import Pipeline
from realpolitik.ontology import Ontology

__all__ = ["Coder", "Lexicon", "Ontology", "Pipeline"]
