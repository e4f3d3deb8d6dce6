"""Humanitarian figures (killed, injured, displaced, detained...) read from articles."""

from realpolitik.facts.extractor import FactExtractor
from realpolitik.facts.numbers import Figure, parse_number, read_figure
from realpolitik.facts.totals import total

__all__ = ["FactExtractor", "Figure", "parse_number", "read_figure", "total"]
