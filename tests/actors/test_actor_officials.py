"""Officials with dated roles (``people_officials.yaml``): government spokespeople, ambassadors
to the UN, US cabinet secretaries and security chiefs, senior Russian and Chinese officials,
regional and opposition leaders, and the leaders and spokesmen of armed groups.

The file is checked on its own (well-formed, dated, sourced; one holder at a time in the offices
that have a single holder), against the rest of the base (a person already there is merged under
the existing id, never added a second time under another spelling), and through the resolver: a
name gives the state (or group) and sector of the office held on the date, and a state's former
office holder is an elite (ELI) of that state afterwards."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest
import yaml
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.base import packaged_files
from realpolitik.actors.entries import Person
from realpolitik.actors.loader import read_files, read_yaml
from realpolitik.actors.text import fold

OFFICIALS = curated.DATA / "people_officials.yaml"
LAST_DAY = dt.date(2025, 12, 31)  # a spell still running at the time of writing ends here

#: Offices with one holder at a time, by (state, role, region): a successor may start on the
#: day the predecessor's spell ends.  Spokespeople, vice-premiers, deputy foreign ministers and
#: the US intelligence chiefs (the CIA director and the DNI serve side by side) are left out.
SINGLE = {
    "ambassador to the UN", "national security adviser", "commerce secretary",
    "energy secretary", "attorney general", "secretary of the interior", "agriculture secretary",
    "transportation secretary", "labor secretary", "health secretary", "housing secretary",
    "education secretary", "veterans affairs secretary", "trade representative", "FBI director",
    "Taiwan Affairs Office director", "head of the presidential administration",
    "first minister", "deputy first minister", "regional president",
}  # fmt: skip


@pytest.fixture(scope="module")
def mine() -> list[Person]:
    return list(read_yaml(OFFICIALS).people)


@pytest.fixture(scope="module")
def others() -> dict[str, Person]:
    """The people of every other packaged file, merged."""
    return {
        p.id: p for p in read_files(p for p in packaged_files() if p.name != OFFICIALS.name).people
    }


def test_file_entries_are_well_formed(mine: list[Person]) -> None:
    assert len(mine) >= 250
    assert sum(len(p.spells) for p in mine) >= 280
    for person in mine:
        assert person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for spell in person.spells:
            assert spell.start is not None and spell.end is not None, (person.name, spell)
            assert spell.start <= spell.end <= LAST_DAY, (person.name, spell)
            assert spell.source, (person.name, spell.role)
            if spell.end == LAST_DAY:  # a running spell says it was cut at the last day known
                assert "2025-12-31" in spell.source, (person.name, spell.role)


def test_new_people_have_an_entity_and_no_namesake(
    mine: list[Person], others: dict[str, Person]
) -> None:
    """A person the other files lack names what they stand for outside a role, and shares no
    name or alias with someone already in the base (who would then be duplicated under a second
    spelling instead of merged)."""
    known: dict[str, set[str]] = defaultdict(set)
    for person in others.values():
        for name in person.names:
            known[fold(name)].add(person.id)
    new = [p for p in mine if p.id not in others]
    assert len(new) >= 200
    for person in new:
        assert person.entity, person.name
        clashes = {i for n in person.names for i in known.get(fold(n), ())}
        assert not clashes, (person.name, clashes)


def test_one_holder_at_a_time(mine: list[Person]) -> None:
    regions = _regions()
    holders: dict[tuple[str, str, str], list[tuple[str, dt.date, dt.date]]] = defaultdict(list)
    for person in mine:
        for spell in person.spells:
            if spell.role in SINGLE:
                assert spell.start is not None and spell.end is not None
                region = regions.get((person.name, spell.role, spell.start), "")
                holders[(spell.entity, spell.role, region)].append(
                    (person.name, spell.start, spell.end)
                )
    assert len(holders) >= 30
    clashes = [
        (office, p, end, q, start)
        for office, spells in holders.items()
        for (p, _, end), (q, start, _) in itertools.pairwise(sorted(spells, key=lambda h: h[1:]))
        if start < end
    ]
    assert clashes == []


def _regions() -> dict[tuple[str, str, dt.date], str]:
    """The ``region`` of each spell that has one (the loader does not read it), by (person,
    role, start)."""
    raw = yaml.safe_load(OFFICIALS.read_text(encoding="utf-8"))
    return {
        (entry["name"], role["role"], role["start"]): role["region"]
        for entry in raw["people"]
        for role in entry["roles"]
        if "region" in role
    }


@pytest.mark.parametrize(
    ("mention", "day", "person", "country", "sector"),
    [
        # spokespeople
        ("Dmitry Peskov", "2023-05-01", "Dmitry Peskov", "RUS", "GOV"),
        ("Maria Zakharova", "2022-03-01", "Maria Zakharova", "RUS", "GOV"),
        ("Zhao Lijian", "2021-06-01", "Zhao Lijian", "CHN", "GOV"),
        ("Mao Ning", "2023-06-01", "Mao Ning", "CHN", "GOV"),
        ("Hua Chunying", "2025-01-10", "Hua Chunying", "CHN", "GOV"),
        ("Karine Jean-Pierre", "2023-03-01", "Karine Jean-Pierre", "USA", "GOV"),
        ("Steffen Seibert", "2015-01-01", "Steffen Seibert", "DEU", "GOV"),
        ("Nasser Kanaani", "2023-10-10", "Nasser Kanaani", "IRN", "GOV"),
        ("Daniel Hagari", "2023-10-10", "Daniel Hagari", "ISR", "MIL"),
        ("Ibrahim Kalin", "2020-01-01", "Ibrahim Kalın", "TUR", "GOV"),
        ("Ibrahim Kalin", "2024-01-01", "Ibrahim Kalın", "TUR", "SPY"),
        # ambassadors to the UN
        ("Vassily Nebenzia", "2022-02-24", "Vassily Nebenzia", "RUS", "GOV"),
        ("Vitaly Churkin", "2014-03-01", "Vitaliy Churkin", "RUS", "GOV"),
        ("Zhang Jun", "2021-03-01", "Zhang Jun", "CHN", "GOV"),
        ("Gilad Erdan", "2023-10-30", "Gilad Erdan", "ISR", "GOV"),
        ("Amir Saeid Iravani", "2024-04-14", "Amir Saeid Iravani", "IRN", "GOV"),
        ("Riyad Mansour", "2024-01-01", "Riyad Mansour", "PSE", "GOV"),
        ("Nikki Haley", "2018-01-01", "Nikki Haley", "USA", "GOV"),
        # US cabinet and security chiefs
        ("Wilbur Ross", "2018-06-01", "Wilbur Ross", "USA", "GOV"),
        ("Ernest Moniz", "2015-07-14", "Ernest Moniz", "USA", "GOV"),
        ("Eric Holder", "2012-01-01", "Eric Holder", "USA", "GOV"),
        ("John Brennan", "2015-01-01", "John Brennan", "USA", "SPY"),
        ("Christopher Wray", "2020-01-01", "Christopher Wray", "USA", "COP"),
        # Russian and Chinese officials
        ("Nikolai Patrushev", "2020-01-01", "Nikolay Platonovich Patrushev", "RUS", "GOV"),
        ("Alexander Bortnikov", "2024-03-25", "Alexander Bortnikov", "RUS", "SPY"),
        ("Liu He", "2019-10-11", "Liu He", "CHN", "GOV"),
        # regional and opposition leaders
        ("Nicola Sturgeon", "2016-06-24", "Nicola Sturgeon", "GBR", "GOV"),
        ("Carles Puigdemont", "2017-10-01", "Carles Puigdemont", "ESP", "GOV"),
        ("Nigel Farage", "2016-06-24", "Nigel Farage", "GBR", "PTY"),
        # armed groups that came to govern
        ("Zabihullah Mujahid", "2022-01-01", "Zabihullah Mujahid", "AFG", "GOV"),
        ("Aidarous al-Zubaidi", "2023-01-01", "Aidarous al-Zoubaidi", "YEM", "GOV"),
        # out of office: an elite of the state
        ("Jen Psaki", "2023-01-01", "Jen Psaki", "USA", "ELI"),
        ("Wilbur Ross", "2022-01-01", "Wilbur Ross", "USA", "ELI"),
        ("Nicola Sturgeon", "2024-01-01", "Nicola Sturgeon", "GBR", "ELI"),
        ("Carles Puigdemont", "2019-01-01", "Carles Puigdemont", "ESP", "ELI"),
        ("Liu He", "2024-01-01", "Liu He", "CHN", "ELI"),
        ("Arlene Foster", "2019-06-01", "Arlene Foster", "GBR", "ELI"),
    ],
)
def test_official_resolves_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str, sector: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector=sector)


@pytest.mark.parametrize(
    ("mention", "day", "group"),
    [
        ("Zabihullah Mujahid", "2019-01-01", "taliban"),
        ("Yahya Saree", "2024-01-10", "houthis"),
        ("Abu Obeida", "2023-11-01", "hamas"),
        ("Brahim Ghali", "2021-04-01", "polisario"),
        ("Abdullah Ocalan", "2013-03-21", "pkk"),
        ("Mazloum Abdi", "2019-10-10", "sdf"),
        ("Yevgeny Prigozhin", "2023-06-24", "wagner-group"),
        ("Stephane Dujarric", "2024-01-01", "un"),
        ("Devlet Bahceli", "2023-05-01", "mhp"),
    ],
)
def test_group_official_resolves_to_the_group(
    kb: ActorBase, mention: str, day: str, group: str
) -> None:
    curated.assert_resolves(kb, mention, day, id=group)


@pytest.mark.parametrize(
    ("mention", "day", "person", "actor"),
    [
        ("Kremlin spokesman Peskov", "2023-05-01", "Dmitry Peskov", "rus"),
        ("Houthi spokesman Yahya Saree", "2024-01-10", "Yahya Saree", "houthis"),
    ],
)
def test_title_and_name_resolve_to_the_spokesperson(
    kb: ActorBase, mention: str, day: str, person: str, actor: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, id=actor, role="spokesperson")
