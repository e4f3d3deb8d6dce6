"""Offline gazetteer: place names in text -> coordinates, country and precision."""

from realpolitik.places.gazetteer import Gazetteer, Mention
from realpolitik.places.tables import Place, PlaceKind, normalise

__all__ = ["Gazetteer", "Mention", "Place", "PlaceKind", "normalise"]
