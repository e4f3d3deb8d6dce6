"""PETRARCH/Phoenix actor dictionaries as an extra source, and sponsor relations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from realpolitik.actors import ActorBase
from realpolitik.actors.petrarch import read_petrarch_actors

# Invented entries in the dictionary format (dictionaries.rst), not copied from any file.
DICTIONARY = """\
# a comment
JANE_Q_EXAMPLE_  # note
\t[IRNGOV 050803-130803]
\t[IRNELI]
+MADAME_EXAMPLE_
JOHN_R_SAMPLE_ [ISRMIL >20200101]
NOWHERE_PERSON_ [XXXGOV 990101-991231]
LEVON_TER-EXAMPLE_ [ARMELI 320101-301231]
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_ACTORS_DIR", str(tmp_path_factory.mktemp("user")))


def test_reader_parses_dated_codes(tmp_path: Path) -> None:
    path = tmp_path / "Test.actors.txt"
    path.write_text(DICTIONARY)
    data = read_petrarch_actors(path, known={"irn", "isr", "arm"})
    people = {p.name: p for p in data.people}
    assert set(people) == {"Jane Q Example", "John R Sample", "Levon Ter-Example"}
    jane = people["Jane Q Example"]
    assert jane.aliases == ("Madame Example",)
    assert jane.entity == "irn" and jane.sector == "ELI"
    (spell,) = jane.spells
    assert (spell.entity, spell.sector) == ("irn", "GOV")
    assert (spell.start, spell.end) == (dt.date(2005, 8, 3), dt.date(2013, 8, 3))
    (john,) = people["John R Sample"].spells
    assert john.start == dt.date(2020, 1, 1) and john.end is None
    # six-digit years: up to 30 in the 2000s, later ones in the 1900s
    (levon,) = people["Levon Ter-Example"].spells
    assert (levon.start, levon.end) == (dt.date(1932, 1, 1), dt.date(2030, 12, 31))


def test_dictionary_as_extra_file_resolves_on_dates(tmp_path: Path) -> None:
    path = tmp_path / "Test.actors.txt"
    path.write_text(DICTIONARY)
    kb = ActorBase.load(extra=[path])
    during = kb.resolve("Jane Q Example", on=dt.date(2010, 1, 1))
    after = kb.resolve("Madame Example", on=dt.date(2015, 1, 1))
    assert during is not None and (during.id, during.sector) == ("irn", "GOV")
    assert after is not None and (after.id, after.sector) == ("irn", "ELI")


def test_a_name_only_a_dictionary_lists_is_matched_as_written(tmp_path: Path) -> None:
    path = tmp_path / "Test.actors.txt"
    path.write_text(DICTIONARY)
    kb = ActorBase.load(extra=[path])
    assert kb.resolve("Jane Q Example", on=dt.date(2010, 1, 1)) is not None
    assert kb.resolve("Jane Q Exemple", on=dt.date(2010, 1, 1)) is None  # no fuzzy reading


def test_packaged_phoenix_office_holders() -> None:
    """The build reads the Phoenix country dictionary's office holders: a role open in its
    CountryInfo snapshot ends at the snapshot's date, and the holder is elite afterwards."""
    kb = ActorBase.load(user=False)
    during = kb.resolve("Martin Redrado", on=dt.date(2008, 1, 1))
    after = kb.resolve("Martin Redrado", on=dt.date(2012, 1, 1))
    assert during is not None and (during.id, during.sector) == ("arg", "GOV")
    assert after is not None and (after.id, after.sector) == ("arg", "ELI")
    # a leader the Wikidata history already dates keeps those dates
    karzai = kb.resolve("Hamid Karzai", on=dt.date(2010, 1, 1))
    assert karzai is not None and (karzai.id, karzai.sector) == ("afg", "GOV")


def test_sponsors_on_a_date() -> None:
    kb = ActorBase.load(user=False)
    day = dt.date(2024, 3, 30)
    assert "irn" in [e.id for e in kb.sponsors("pij", on=day)]
    assert "irn" in [e.id for e in kb.sponsors("hezbollah", on=day)]
    assert kb.sponsors("hezbollah", on=dt.date(2025, 6, 1)) != kb.sponsors("hezbollah", on=day)
    assert kb.sponsors("no-such-group", on=day) == []


def test_real_phoenix_dictionary_loads(shared: Path) -> None:
    path = shared / "data/ontology/petrarch2_dictionaries/Phoenix.Countries.actors.txt"
    data = read_petrarch_actors(path, known={"irn", "usa", "isr"})
    assert len(data.people) > 500
    assert all(s.entity in {"irn", "usa", "isr"} for p in data.people for s in p.spells)
