"""The compiled package file, user files on top of it, titles with surnames on a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from realpolitik.actors import ActorBase
from realpolitik.actors.base import packaged_files, read_compiled
from realpolitik.actors.loader import read_files

NAMESAKES = """\
people:
  - name: John Smithsonian
    roles:
      - {of: usa, role: head of state, sector: GOV, start: 2001-01-20, end: 2004-12-31}
    source: "test fixture"
  - name: Mary Smithsonian
    roles:
      - {of: usa, role: head of state, sector: GOV, start: 2010-01-20, end: 2012-12-31}
    source: "test fixture"
  - name: Ada Smithsonian
    roles:
      - {of: fra, role: foreign minister, sector: GOV, start: 2011-01-01, end: 2013-12-31}
    source: "test fixture"
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_ACTORS_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_shipped_compiled_file_matches_the_data_files() -> None:
    """Rerun ``scripts/build_actors.py --compile-only`` after editing a packaged file."""
    compiled = read_compiled(packaged_files())
    assert compiled is not None
    fresh = ActorBase(read_files(packaged_files()))
    assert len(compiled) == len(fresh)
    day = dt.date(2024, 3, 30)
    for mention in ("Hossein Amirabdollahian", "the Iranian foreign minister", "Hezbollah"):
        assert compiled.resolve(mention, on=day) == fresh.resolve(mention, on=day)


def test_stale_compiled_file_is_not_used(tmp_path: Path) -> None:
    edited = tmp_path / "zz_extra.yaml"
    edited.write_text("states: []\n")
    assert read_compiled([*packaged_files(), edited]) is None


def test_user_file_is_indexed_on_top_of_the_compiled_base(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.yaml").write_text(NAMESAKES)
    (user / "broken.yaml").write_text("people:\n  - name: X\n")  # no source: skipped
    kb = ActorBase.load()
    assert kb.skipped and "broken.yaml:2" in kb.skipped[0]
    actor = kb.resolve("John Smithsonian", on=dt.date(2002, 5, 1))
    assert actor is not None and (actor.country, actor.sector) == ("USA", "GOV")
    assert kb.resolve("Hezbollah", on=dt.date(2024, 1, 1)) is not None  # packaged data kept
    assert ActorBase.load(user=False).resolve("John Smithsonian", on=dt.date(2002, 5, 1)) is None


def test_title_and_surname_resolve_to_the_holder_on_the_date(tmp_path: Path) -> None:
    path = tmp_path / "namesakes.yaml"
    path.write_text(NAMESAKES)
    kb = ActorBase.load(extra=[path], user=False)

    def who(mention: str, year: int) -> str | None:
        actor = kb.resolve(mention, on=dt.date(year, 6, 1))
        return actor.person if actor else None

    assert who("President Smithsonian", 2002) == "John Smithsonian"
    assert who("President Smithsonian", 2011) == "Mary Smithsonian"
    assert who("US President Smithsonian", 2011) == "Mary Smithsonian"
    assert who("President Smithsonian", 2020) is None  # two former presidents: ambiguous
    assert who("President Mary Smithsonian", 2020) == "Mary Smithsonian"
    assert who("President Smithsonian", 1990) is None  # nobody had held it yet
    assert who("Foreign Minister Smithsonian", 2012) == "Ada Smithsonian"
    former = kb.resolve("President Smithsonian", on=dt.date(2008, 1, 1))
    assert former is not None and (former.person, former.sector) == ("John Smithsonian", "ELI")


def test_cia_directory_ministers_have_dated_spells() -> None:
    kb = ActorBase.load(user=False)
    hits = [h for h in kb.search("Evelyn Anite") if h.name == "Evelyn Anite"]
    assert hits and any(s.source.startswith("CIA") for s in hits[0].spells)
    during = kb.resolve("Evelyn Anite", on=dt.date(2019, 10, 1))
    after = kb.resolve("Evelyn Anite", on=dt.date(2024, 10, 1))
    assert during is not None and (during.country, during.sector) == ("UGA", "GOV")
    assert after is not None and (after.country, after.sector) == ("UGA", "ELI")


def test_religious_qualifier_makes_religious_leaders() -> None:
    kb = ActorBase.load(user=False)
    day = dt.date(2020, 1, 1)
    actor = kb.resolve("Muslim leaders in France", on=day)
    assert actor is not None and (actor.country, actor.sector) == ("FRA", "REL")
    actor = kb.resolve("Iranian leaders", on=day)
    assert actor is not None and (actor.country, actor.sector) == ("IRN", "GOV")


def test_city_as_known_actor_gives_its_country_only_on_request() -> None:
    kb = ActorBase.load(user=False)
    day = dt.date(2020, 1, 1)
    assert kb.resolve("Sydney", on=day) is None  # a place is not an actor for the coder
    actor = kb.resolve("Sydney", on=day, bare_agents=True)
    assert actor is not None and (actor.country, actor.sector) == ("AUS", None)
    assert kb.resolve("Maria Sydney", on=day, bare_agents=True) is None  # a surname


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert read_compiled(packaged_files()) is not None
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
