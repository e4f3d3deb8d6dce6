"""The packaged CAMEO codebook (``data/ontology/cameo.csv``)."""

from __future__ import annotations

from realpolitik.ontology import Ontology


def test_code_names_are_clean_text() -> None:
    """No name carries mis-decoded bytes (GDELT's lookup spells 044 as mojibake)."""
    ontology = Ontology.load()
    assert ontology.entry("044").name == "Meet at a 'third' location"
    assert all(e.name.isascii() and e.name.strip() for e in ontology.entries.values())


def test_every_code_has_a_weight_and_a_quad_class_of_its_root() -> None:
    ontology = Ontology.load()
    for entry in ontology.entries.values():
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class == ontology.entry(entry.root).quad_class or entry.code == entry.root
