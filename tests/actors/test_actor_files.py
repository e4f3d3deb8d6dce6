"""Loading, validating and extending the knowledge base from files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.actors import ActorBase
from realpolitik.actors.base import packaged_files
from realpolitik.actors.loader import read_files
from realpolitik.cli.actors import actors_group
from realpolitik.errors import DataError

DAY = dt.date(2024, 3, 30)

GOOD = """\
groups:
  - id: example-front
    name: Example Liberation Front
    country: IRN
    sector: REB
    aliases: [ELF-X]
    sponsors: [{by: isr, start: 2020}]
    source: "test fixture"
people:
  - name: Jane Example
    roles:
      - {of: example-front, role: commander, sector: REB, start: 2023-01-01}
    source: "test fixture"
"""


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("actor-cache")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_ACTORS_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))


def test_packaged_knowledge_base_meets_the_counts() -> None:
    data = read_files(packaged_files())
    kinds = [e.kind.value for e in data.entities]
    assert kinds.count("state") >= 190
    assert kinds.count("igo") + kinds.count("ngo") >= 100
    assert kinds.count("group") >= 150
    assert sum(len(p.spells) for p in data.people) >= 1000
    assert all(e.source for e in data.entities)


def test_no_two_packaged_entries_share_an_id() -> None:
    """A packaged id defined twice would override silently (Puerto Rico's ``pri`` once lost
    to Mexico's Institutional Revolutionary Party); overriding is for user files."""
    entities = read_files(packaged_files()).entities
    seen: dict[str, list[str]] = {}
    for entity in entities:
        seen.setdefault(entity.id, []).append(entity.origin or "")
    assert {i: where for i, where in seen.items() if len(where) > 1} == {}
    kb = ActorBase.load(user=False)
    puerto_rico = kb.entity("pri")
    assert puerto_rico is not None and puerto_rico.name == "Puerto Rico"


def test_no_two_states_share_a_state_number() -> None:
    states = [e for e in read_files(packaged_files()).entities if e.kind.value == "state"]
    for number in ("gw", "cow"):
        owners: dict[int, list[str]] = {}
        for state in states:
            if getattr(state, number) is not None:
                owners.setdefault(getattr(state, number), []).append(state.id)
        assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}, number
    congo = {e.id: (e.gw, e.cow) for e in states if e.id in ("cod", "cog")}
    assert congo == {"cod": (490, 490), "cog": (484, 484)}


def test_extra_file_adds_and_resolves(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD)
    kb = ActorBase.load(extra=[path])
    actor = kb.resolve("Jane Example", on=DAY)
    assert actor is not None and actor.id == "example-front" and actor.country == "IRN"
    assert kb.resolve("Jane Example", on=dt.date(2022, 1, 1)) is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("groups:\n  - id: x\n    name: X\n    sector: NOPE\n    source: s\n", "sector"),
        ("groups:\n  - id: x\n    name: X\n", "source"),
        (
            "people:\n  - name: A B\n    source: s\n    roles:\n      - {of: nowhere, role: r, "
            "sector: GOV}\n",
            "nowhere",
        ),
        ("groups: [\n", "not valid YAML"),
        (
            "people:\n  - name: A\n    source: s\n    roles:\n      - {of: irn, role: r, "
            "sector: GOV, start: 2024-13-01}\n",
            "date",
        ),
    ],
)
def test_malformed_file_names_file_line_and_reason(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(DataError) as info:
        read_files([path])
    message = str(info.value)
    assert str(path) in message and reason in message
    assert ":" in message.split(str(path))[1][:3]  # a line number follows the file


def test_cli_resolve_text_and_jsonl() -> None:
    runner = CliRunner()
    result = runner.invoke(
        actors_group, ["resolve", "Hossein Amirabdollahian", "--on", "2024-03-30"]
    )
    assert result.exit_code == 0, result.output
    assert "Iran (irn)" in result.output and "IRNGOV" in result.output
    result = runner.invoke(
        actors_group, ["resolve", "Israeli troops", "--on", "2024-03-30", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    assert '"cameo": "ISRMIL"' in result.output


def test_cli_not_resolved_exits_1() -> None:
    result = CliRunner().invoke(actors_group, ["resolve", "the group", "--on", "2024-03-30"])
    assert result.exit_code == 1
    assert "not resolved" in result.output


def test_cli_search_lists_role_spells() -> None:
    result = CliRunner().invoke(actors_group, ["--search", "Amirabdollahian"])
    assert result.exit_code == 0, result.output
    assert "2024-05-19" in result.output and "foreign minister" in result.output


def test_cli_add_rejects_bad_file_and_keeps_base(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  - id: x\n    name: X\n")
    runner = CliRunner()
    result = runner.invoke(actors_group, ["add", str(bad)])
    assert result.exit_code == 1 and "bad.yaml:2" in result.output
    good = tmp_path / "good.yaml"
    good.write_text(GOOD)
    result = runner.invoke(actors_group, ["add", str(good)])
    assert result.exit_code == 0, result.output
    kb = ActorBase.load()
    assert kb.resolve("Example Liberation Front", on=DAY) is not None


def test_malformed_user_file_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "broken.yaml").write_text("groups:\n  - id: x\n    name: X\n")
    (folder / "good.yaml").write_text(GOOD)
    with caplog.at_level("WARNING"):
        kb = ActorBase.load()
    assert "broken.yaml:2" in caplog.text
    assert kb.resolve("Example Liberation Front", on=DAY) is not None
    assert kb.resolve("Hossein Amirabdollahian", on=DAY) is not None


def test_a_later_hand_written_spell_keeps_its_dates_against_a_generated_one(
    tmp_path: Path,
) -> None:
    """Files are read in name order: a generated spells file (``04_…spells.csv``) read
    before a hand-written file does not overwrite the hand-written dates of the same office."""
    (tmp_path / "03_people.csv").write_text(
        "id,name,aliases,entity,sector,wikidata,source\n"
        "jane-example,Jane Example,,irn,ELI,,fixture\n"
    )
    (tmp_path / "04_spells.csv").write_text(
        "person,entity,role,sector,start,end,rank,source\n"
        "jane-example,irn,foreign minister,GOV,2019-01-01,2019-12-31,30,fixture\n"
    )
    (tmp_path / "people_hand.yaml").write_text(
        "people:\n  - name: Jane Example\n    source: fixture\n    roles:\n"
        "      - {of: irn, role: foreign minister, sector: GOV, start: 2019-01-01, "
        "end: 2024-06-30}\n"
    )
    files = sorted(tmp_path.iterdir(), key=lambda p: p.name)
    states = [p for p in packaged_files() if p.name == "00_states.yaml"]
    data = read_files([*states, *files])
    (jane,) = [p for p in data.people if p.name == "Jane Example"]
    assert [(s.start, s.end) for s in jane.spells] == [(dt.date(2019, 1, 1), dt.date(2024, 6, 30))]
