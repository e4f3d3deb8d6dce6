"""Foreign, defence and interior ministers of states outside the G20 and the Middle East
(``people_ministers_world.yaml``), checked against the dated reference data in
``shared/data/actors_ref``: the CIA cabinet directory (~2019-10-06) and the EveryPolitician
foreign ministers (2023-01-10).

The file only adds what the other hand-written files lack, so the office holder of a date is
looked up in all of them together (``people.yaml``, ``people_ministers*.yaml``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.loader import read_yaml

WORLD = curated.DATA / "people_ministers_world.yaml"
CURATED = [curated.DATA / "people.yaml", *sorted(curated.DATA.glob("people_ministers*.yaml"))]

ROLES = {"foreign minister": 30, "defence minister": 35, "interior minister": 40}

#: The states this file covers, by their names in the CIA directory and in EveryPolitician.
STATES = {
    "Pakistan": "pak",
    "Afghanistan": "afg",
    "Bangladesh": "bgd",
    "Burma": "mmr",
    "Myanmar": "mmr",
    "Philippines": "phl",
    "Taiwan": "twn",
    "Korea, North": "prk",
    "North Korea": "prk",
    "Nigeria": "nga",
    "Ethiopia": "eth",
    "Kenya": "ken",
    "Congo, Democratic Republic of the": "cod",
    "Democratic Republic of the Congo": "cod",
    "Venezuela": "ven",
    "Colombia": "col",
    "Singapore": "sgp",
    "Cuba": "cub",
    "Chile": "chl",
}

#: Offices the file leaves out on purpose (see its opening comment).
NOT_TAKEN = {
    ("eth", "defence minister"),
    ("eth", "interior minister"),
    ("prk", "interior minister"),
}

#: CIA directory rows the curated data rightly disagrees with, or offices the file has a gap
#: for on that day: (state, role) -> why.
CIA_EXEMPT = {
    ("afg", "interior minister"): "stale: Amrullah Saleh resigned on 2019-01-19 to stand as "
    "first vice president; Massoud Andarabi was acting interior minister",
    ("bgd", "foreign minister"): "stale: A. K. Abdul Momen succeeded A. H. Mahmood Ali on "
    "2019-01-07",
    ("twn", "foreign minister"): "stale: Joseph Wu succeeded David Lee on 2018-02-26",
    ("twn", "defence minister"): "stale: Yen De-fa succeeded Feng Shih-kuan on 2018-02-26",
    ("twn", "interior minister"): "gap: Taiwan's interior ministers of 2012-2023 are left out",
    ("cod", "foreign minister"): "stale: the Ilunkamba government (2019-09-07) made Marie Tumba "
    "Nzeza foreign minister",
    ("cod", "defence minister"): "stale: Aime Ngoy Mukena was defence minister from 2019-09-07",
    ("cod", "interior minister"): "stale: Gilbert Kankonde was interior minister from 2019-09-07",
    ("nga", "defence minister"): "stale: Bashir Salihi Magashi succeeded Mansur Dan-Ali on "
    "2019-08-21",
    ("nga", "interior minister"): "stale: Rauf Aregbesola succeeded Abdulrahman Dambazau on "
    "2019-08-21",
    ("chl", "foreign minister"): "stale: Teodoro Ribera succeeded Roberto Ampuero on 2019-06-13",
    ("chl", "defence minister"): "gap: Chile's defence ministers of 2018-2022 are left out",
}

#: EveryPolitician rows (2023-01-10) the curated data rightly disagrees with.
EP_EXEMPT: dict[str, str] = {}

#: CIA titles of the three offices.
_TITLE = [
    (
        "foreign minister",
        re.compile(r"^(cabinet )?(minister|secretary) (of|for) foreign (affairs|relations)", re.I),
    ),
    (
        "defence minister",
        re.compile(
            r"^(cabinet )?(minister|secretary) (of|for) (national )?defen[cs]e(?! production)"
            r"|^minister of (the )?(revolutionary|people's) armed forces",
            re.I,
        ),
    ),
    (
        "interior minister",
        re.compile(
            r"^(cabinet )?(minister|secretary) (of|for) (the )?(interior|home affairs)", re.I
        ),
    ),
]

#: Name matching on the folded words without particles
#: ("Teodoro LOCSIN, Jr." gives teodoro, locsin), allowing for
#: transliteration ("Ri Yong Ho"/"Ri Yong-ho", "Abdul Momen"/"Abulkalam Abdul Momen").
same_person = curated.NameMatch(
    threshold=75,
    particles={"al", "el", "bin", "jr", "acting", "aka", "a", "k"},
    spellings={"mohamed": "muhammad", "mohammed": "muhammad", "mohammad": "muhammad"},
).same


def test_name_matching() -> None:
    assert same_person("Teodoro LOCSIN, Jr.", "Teodoro Locsin Jr.")
    assert same_person("A. K. Abdul Momen", "Abulkalam Abdul Momen")
    assert same_person("Bruno Rodriguez Parrilla", "Bruno Rodríguez Parrilla")
    assert not same_person("Joseph Wu", "Lee Ta-wei (a.k.a. David LEE)")
    assert not same_person("Amrullah Saleh", "Massoud Andarabi")


@pytest.fixture(scope="module")
def holders() -> curated.Holders:
    return curated.index_holders(
        curated.read_people(CURATED), lambda s: s.entity in STATES.values() and s.role in ROLES
    )


def test_file_entries_are_well_formed() -> None:
    data = read_yaml(WORLD)
    assert len(data.people) >= 250
    names = [p.name for p in data.people]
    assert len(names) == len(set(names)), "one entry per person"
    for person in data.people:
        assert person.source and person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            assert s.entity in STATES.values(), (person.name, s.entity)
            assert (s.entity, s.role) not in NOT_TAKEN, (person.name, s.role)
            assert s.role in ROLES and s.rank == ROLES[s.role], (person.name, s.role, s.rank)
            assert s.sector == "GOV", person.name
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.end is None or s.end >= dt.date(2005, 1, 1), (person.name, s)
            assert s.end is None or s.end <= dt.date(2026, 12, 31), (person.name, s)
            if s.source:
                assert s.source.startswith("public record"), (person.name, s.source)
            if "to the month" in s.source:
                assert s.start.day == 1 or (s.end is not None and s.end.day == 1), (person.name, s)


def test_taliban_ministers_start_after_the_fall_of_kabul() -> None:
    """Islamic Republic spells end by 2021-08-15; the Taliban government's start after."""
    for person in read_yaml(WORLD).people:
        for s in person.spells:
            if s.entity == "afg" and "Taliban" in s.source:
                assert s.start >= dt.date(2021, 8, 15), person.name
            elif s.entity == "afg":
                assert s.end is not None and s.end <= dt.date(2021, 8, 15), person.name


def test_every_state_has_all_three_offices(holders: curated.Holders) -> None:
    missing = [
        (state, role)
        for state in sorted(set(STATES.values()))
        for role in ROLES
        if (state, role) not in NOT_TAKEN and not holders[(state, role)]
    ]
    assert not missing


def test_spells_do_not_overlap(holders: curated.Holders) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    assert not curated.office_clashes(holders)


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    cia = curated.cia_holders(shared, STATES, _TITLE, lambda office: office not in NOT_TAKEN)
    assert len(cia) >= 40
    curated.assert_reference_holders(
        cia, holders, curated.CIA_DAY, same=same_person, exempt=CIA_EXEMPT, end_included=True
    )


def test_everypolitician_2023_foreign_ministers_match(
    shared: Path, holders: curated.Holders
) -> None:
    # Myanmar has two rows: the junta's and the NUG's
    ep = curated.everypolitician_holders(shared, STATES, skip_unnamed=False)
    assert len(ep) >= 15
    curated.assert_reference_holders(
        ep,
        holders,
        curated.EP_DAY,
        same=same_person,
        exempt=EP_EXEMPT,
        end_included=True,
        role="foreign minister",
    )


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Pakistani Foreign Minister Ishaq Dar", "2025-01-01", "Ishaq Dar", "PAK"),
        ("Interior Minister Rehman Malik", "2010-06-01", "Rehman Malik", "PAK"),
        ("Khawaja Asif", "2024-06-01", "Khawaja Muhammad Asif", "PAK"),
        ("Sirajuddin Haqqani", "2023-01-01", "Sirajuddin Haqqani", "AFG"),
        ("Amir Khan Muttaqi", "2022-03-01", "Amir Khan Muttaqi", "AFG"),
        ("Defence Minister Abdul Rahim Wardak", "2010-01-01", "Abdul Rahim Wardak", "AFG"),
        ("Dipu Moni", "2012-01-01", "Dipu Moni", "BGD"),
        ("Than Swe", "2024-01-01", "Than Swe", "MMR"),
        ("Teodoro Locsin", "2020-01-01", "Teodoro LOCSIN, Jr.", "PHL"),
        ("Gilberto Teodoro", "2024-01-01", "Gilberto Teodoro", "PHL"),
        ("Wellington Koo", "2025-01-01", "Wellington Koo", "TWN"),
        ("Ri Yong Ho", "2017-01-01", "Ri Yong Ho", "PRK"),
        ("Yusuf Tuggar", "2024-01-01", "Yusuf Tuggar", "NGA"),
        ("Tedros Adhanom", "2014-01-01", "Tedros Adhanom Ghebreyesus", "ETH"),
        ("Kithure Kindiki", "2023-06-01", "Kithure Kindiki", "KEN"),
        ("Christophe Lutundula", "2022-01-01", "Christophe Lutundula", "COD"),
        ("Vladimir Padrino", "2020-01-01", "Vladimir Padrino Lopez", "VEN"),
        ("Diosdado Cabello", "2025-01-01", "Diosdado Cabello", "VEN"),
        ("Juan Manuel Santos", "2008-01-01", "Juan Manuel Santos", "COL"),
        ("Vivian Balakrishnan", "2020-01-01", "Vivian Balakrishnan", "SGP"),
        ("Bruno Rodriguez", "2020-01-01", "Bruno Rodriguez Parrilla", "CUB"),
        ("Izkia Siches", "2022-06-01", "Izkia Siches", "CHL"),
    ],
)
def test_name_resolves_to_the_office_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="GOV")


@pytest.mark.parametrize(
    ("mention", "day", "country"),
    [
        ("Amir Khan Muttaqi", "2015-01-01", "AFG"),  # before the Taliban government
        ("Hina Rabbani Khar", "2016-01-01", "PAK"),
        ("Gilberto Teodoro", "2012-01-01", "PHL"),  # between his two terms
        ("Raychelle Omamo", "2023-01-01", "KEN"),
        ("Carolina Barco", "2010-01-01", "COL"),
    ],
)
def test_out_of_office_resolves_as_elite(
    kb: ActorBase, mention: str, day: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, country=country, sector="ELI")


def test_colombian_defence_minister_is_not_the_spanish_prime_minister(kb: ActorBase) -> None:
    day = dt.date(2025, 6, 1)
    actor = kb.resolve("Pedro Arnulfo Sanchez", on=day)
    assert actor is not None and actor.country == "COL" and actor.sector == "GOV"
    spain = kb.resolve("Pedro Sanchez", on=day)
    assert spain is not None and spain.country == "ESP"
