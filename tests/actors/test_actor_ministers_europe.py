"""Foreign, defence and interior ministers of European and post-Soviet states and the EU's
High Representatives (``people_ministers_europe.yaml``), checked against the dated reference
data in ``shared/data/actors_ref``: the CIA cabinet directory (~2019-10-06) and the
EveryPolitician foreign ministers (2023-01-10).

The file only adds what the other hand-written files lack, so the office holder of a date is
looked up in all of them together (``people.yaml``, ``people_ministers.yaml`` and this one)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.loader import read_yaml

EUROPE = curated.DATA / "people_ministers_europe.yaml"
CURATED = [curated.DATA / "people.yaml", curated.DATA / "people_ministers.yaml", EUROPE]

ROLES = {"foreign minister": 30, "defence minister": 35, "interior minister": 40}
HIGH_REP = "high representative"

#: The states this file covers, by their names in the CIA directory (2019) and, where it
#: differs, in EveryPolitician (Wikidata labels).
STATES = {
    "Armenia": "arm",
    "Austria": "aut",
    "Azerbaijan": "aze",
    "Belarus": "blr",
    "Belgium": "bel",
    "Bosnia and Herzegovina": "bih",
    "Czechia": "cze",
    "Czech Republic": "cze",
    "Denmark": "dnk",
    "Estonia": "est",
    "Finland": "fin",
    "Georgia": "geo",
    "Greece": "grc",
    "Hungary": "hun",
    "Ireland": "irl",
    "Republic of Ireland": "irl",
    "Kazakhstan": "kaz",
    "Kosovo": "xkx",
    "Latvia": "lva",
    "Lithuania": "ltu",
    "Moldova": "mda",
    "Netherlands": "nld",
    "Norway": "nor",
    "Poland": "pol",
    "Portugal": "prt",
    "Romania": "rou",
    "Serbia": "srb",
    "Spain": "esp",
    "Sweden": "swe",
    "Switzerland": "che",
    "Ukraine": "ukr",
}

#: Offices the file leaves out on purpose (see its opening comment): no holders may appear.
NOT_COVERED = {
    ("arm", "interior minister"),  # the police until the interior ministry of 2023
    ("bih", "defence minister"),
    ("bih", "interior minister"),
    ("che", "interior minister"),  # no federal interior department
    ("dnk", "interior minister"),
    ("est", "interior minister"),
    ("grc", "interior minister"),
    ("irl", "interior minister"),
    ("kaz", "defence minister"),
    ("kaz", "interior minister"),
    ("lva", "interior minister"),
    ("mda", "defence minister"),
    ("mda", "interior minister"),
    ("nor", "interior minister"),
    ("rou", "defence minister"),
    ("rou", "interior minister"),
    ("xkx", "defence minister"),
    ("xkx", "interior minister"),
}

#: The states done first: every office has a holder on 1 July of every year 2005-2025 but
#: for these (state, office, year) gaps, which the file's opening comment lists.
FULL = ["ukr", "pol", "esp", "nld", "swe", "fin", "hun", "srb", "aze", "blr", "aut"]
FULL_GAPS = {
    ("ukr", "foreign minister", 2009),  # acting ministers, March-October 2009
    ("ukr", "defence minister", 2009),  # acting minister, June 2009-March 2010
    ("swe", "interior minister", 2005),  # no minister for home affairs before 2014
    *(("swe", "interior minister", y) for y in range(2006, 2015)),
    *(("swe", "interior minister", y) for y in range(2023, 2026)),
    ("fin", "defence minister", 2005),
    ("fin", "defence minister", 2006),
    *(("hun", "interior minister", y) for y in range(2006, 2010)),  # no interior ministry
    ("srb", "defence minister", 2005),
    ("srb", "defence minister", 2006),
}

#: CIA directory rows the curated data rightly disagrees with: (state, role) -> why.  The
#: directory is often months out of date.
CIA_EXEMPT = {
    ("aut", "foreign minister"): "stale: Karin Kneissl left with the FPO ministers; Alexander "
    "Schallenberg was foreign minister from 2019-06-03",
    ("aut", "defence minister"): "stale: Mario Kunasek left on 2019-05-22; Thomas Starlinger was "
    "defence minister from 2019-06-03",
    ("aut", "interior minister"): "stale: Herbert Kickl was dismissed on 2019-05-22; Wolfgang "
    "Peschorn was interior minister from 2019-06-03",
    ("cze", "foreign minister"): "stale: Jan Hamacek was acting foreign minister only until "
    "Tomas Petricek's appointment on 2018-10-16",
    ("dnk", "foreign minister"): "stale: Jeppe Kofod succeeded Anders Samuelsen on 2019-06-27",
    ("dnk", "defence minister"): "stale: Trine Bramsen succeeded Claus Hjort Frederiksen on "
    "2019-06-27",
    ("est", "foreign minister"): "stale: Urmas Reinsalu succeeded Sven Mikser on 2019-04-29",
    ("fin", "foreign minister"): "stale: Pekka Haavisto succeeded Timo Soini on 2019-06-06",
    ("fin", "defence minister"): "stale: Antti Kaikkonen succeeded Jussi Niinisto on 2019-06-06",
    ("fin", "interior minister"): "stale: Maria Ohisalo succeeded Kai Mykkanen on 2019-06-06",
    ("geo", "defence minister"): "stale: Irakli Garibashvili succeeded Levan Izoria on 2019-09-08",
    ("geo", "interior minister"): "stale: Giorgi Gakharia became prime minister on 2019-09-08; "
    "Vakhtang Gomelauri succeeded him",
    ("grc", "foreign minister"): "stale: Nikos Dendias succeeded Georgios Katrougalos on "
    "2019-07-09",
    ("grc", "defence minister"): "stale: Nikolaos Panagiotopoulos succeeded Evangelos "
    "Apostolakis on 2019-07-09",
    ("kaz", "foreign minister"): "stale: Mukhtar Tleuberdi succeeded Beibut Atamkulov in "
    "September 2019",
    ("mda", "foreign minister"): "stale: Nicu Popescu succeeded Tudor Ulianovschi on 2019-06-08",
    ("pol", "interior minister"): "stale: Joachim Brudzinski left on 2019-06-04; Mariusz "
    "Kaminski was interior minister from 2019-08-20",
    ("rou", "foreign minister"): "stale: Ramona Manescu succeeded Teodor Melescanu on 2019-07-24",
    ("swe", "foreign minister"): "stale: Ann Linde succeeded Margot Wallstrom on 2019-09-10",
    ("ukr", "foreign minister"): "stale: Vadym Prystaiko succeeded Pavlo Klimkin on 2019-08-29",
    ("ukr", "defence minister"): "stale: Andriy Zahorodniuk succeeded Stepan Poltorak on "
    "2019-08-29",
}

#: EveryPolitician rows (Wikidata, 2023-01-10) the curated data rightly disagrees with.
EP_EXEMPT = {
    "dnk": "stale: Lars Lokke Rasmussen succeeded Jeppe Kofod on 2022-12-15",
    "irl": "stale: Micheal Martin succeeded Simon Coveney on 2022-12-17",
}

#: CIA titles of the three offices.
_TITLE = [
    (
        "foreign minister",
        re.compile(
            r"^minister (of|for) (the )?foreign (affairs|& european)"
            r"|^minister for europe, integration, & foreign affairs"
            r"|^chief of the federal department of foreign affairs",
            re.I,
        ),
    ),
    (
        "defence minister",
        re.compile(
            r"^minister (of|for) (national )?defen[cs]e(?! industry)"
            r"|^chief of the federal department of defen[cs]e",
            re.I,
        ),
    ),
    (
        "interior minister",
        re.compile(
            r"^minister (of|for) (the )?(interior|internal affairs|home affairs"
            r"|internal administration)"
            r"|^minister of security & interior",
            re.I,
        ),
    ),
]


#: Name matching on the folded words ("Jüri LUIK" gives ``juri``, ``luik``), allowing for
#: transliteration ("Makei"/"Makey", "Mnatsakanyan"/"Mnatsakanian").
same_person = curated.NameMatch(threshold=75, drop_brackets=True).same


def test_name_matching() -> None:
    assert same_person("Jüri Luik", "Juri LUIK")
    assert same_person("Vladimir Makey", "Vladimir MAKEY")
    assert same_person("Margarita Robles Fernandez", "Margarita ROBLES Fernandez")
    assert not same_person("Jacek Czaputowicz", "Zbigniew RAU")
    assert not same_person("Pavlo Klimkin", "Vadym PRYSTAIKO")


@pytest.fixture(scope="module")
def holders() -> curated.Holders:
    states = set(STATES.values())
    return curated.index_holders(
        curated.read_people(CURATED),
        lambda s: (
            (s.entity in states and s.role in ROLES) or (s.entity, s.role) == ("eu", HIGH_REP)
        ),
    )


def test_file_entries_are_well_formed() -> None:
    data = read_yaml(EUROPE)
    assert len(data.people) >= 350
    for person in data.people:
        assert person.source and person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            if s.entity == "eu":
                assert s.role == HIGH_REP and s.sector == "IGO" and s.rank == 20, person.name
            else:
                assert s.entity in STATES.values(), (person.name, s.entity)
                assert s.role in ROLES and s.rank == ROLES[s.role], (person.name, s.role, s.rank)
                assert s.sector == "GOV", person.name
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.end is None or s.end >= dt.date(2005, 1, 1), (person.name, s)
        if "to the month" in person.source or "to the year" in person.source:
            assert any(s.start.day == 1 or (s.end and s.end.day == 1) for s in person.spells)


def test_every_state_has_its_offices(holders: curated.Holders) -> None:
    states = set(STATES.values())
    missing = [
        (state, role)
        for state in sorted(states)
        for role in ROLES
        if (state, role) not in NOT_COVERED and not holders[(state, role)]
    ]
    assert not missing
    stray = [key for key in NOT_COVERED if holders[key]]
    assert not stray, "covered now: drop from NOT_COVERED and the file's list of gaps"


def test_first_states_have_a_holder_every_year(holders: curated.Holders) -> None:
    gaps = [
        (state, role, year)
        for state in FULL
        for role in ROLES
        for year in range(2005, 2026)
        if not curated.holders_on(holders, (state, role), dt.date(year, 7, 1), end_included=False)
    ]
    assert sorted(gaps) == sorted(FULL_GAPS)


def test_spells_do_not_overlap(holders: curated.Holders) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    assert not curated.office_clashes(holders)


def test_high_representatives_follow_each_other(holders: curated.Holders) -> None:
    spells = sorted(holders[("eu", HIGH_REP)], key=lambda s: s[1])
    names = [p.name for p, _, _ in spells]
    assert names[:2] == ["Javier Solana", "Catherine Ashton"]
    assert names[-3:] == ["Federica Mogherini", "Josep Borrell", "Kaja Kallas"]
    for (_, _, end), (_, start, _) in itertools.pairwise(spells):
        assert 0 <= (start - end).days <= 2


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    cia = curated.cia_holders(shared, STATES, _TITLE, lambda office: office not in NOT_COVERED)
    assert len(cia) >= 60
    curated.assert_reference_holders(
        cia, holders, curated.CIA_DAY, same=same_person, exempt=CIA_EXEMPT, end_included=False
    )


def test_everypolitician_2023_foreign_ministers_match(
    shared: Path, holders: curated.Holders
) -> None:
    ep = curated.everypolitician_holders(shared, STATES, skip_unnamed=True)
    assert len(ep) >= 25
    curated.assert_reference_holders(
        ep,
        holders,
        curated.EP_DAY,
        same=same_person,
        exempt=EP_EXEMPT,
        end_included=False,
        role="foreign minister",
    )


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Foreign Minister Sikorski", "2010-06-01", "Radoslaw Sikorski", "POL"),
        ("Defence Minister Hultqvist", "2016-01-01", "Peter Hultqvist", "SWE"),
        ("Ukrainian Defence Minister Poltorak", "2016-01-01", "Stepan Poltorak", "UKR"),
        (
            "Interior Minister Grande-Marlaska",
            "2022-01-01",
            "Fernando Grande-Marlaska Gomez",
            "ESP",
        ),
        ("Belarusian Foreign Minister Vladimir Makei", "2015-01-01", "Vladimir Makey", "BLR"),
        ("Serbian Interior Minister Nebojsa Stefanovic", "2016-01-01", "Nebojsa Stefanovic", "SRB"),
        ("Georgian Defence Minister Irakli Alasania", "2013-06-01", "Irakli Alasania", "GEO"),
        ("Armenian Foreign Minister Edward Nalbandian", "2012-01-01", "Edward Nalbandyan", "ARM"),
        ("Mariusz Blaszczak", "2016-01-01", "Mariusz Blaszczak", "POL"),
        ("Zakir Hasanov", "2016-01-01", "Zakir Hasanov", "AZE"),
        ("Carl Bildt", "2010-01-01", "Carl Bildt", "SWE"),
        ("Jaak Aaviksoo", "2009-01-01", "Jaak Aaviksoo", "EST"),
        ("Austrian Interior Minister Herbert Kickl", "2018-06-01", "Herbert Kickl", "AUT"),
        ("Josep Borrell", "2018-10-01", "Josep Borrell", "ESP"),
    ],
)
def test_title_and_name_resolve_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="GOV")


@pytest.mark.parametrize(
    ("name", "day", "role"),
    [
        ("Mariusz Blaszczak", "2016-01-01", "interior minister"),
        ("Mariusz Blaszczak", "2020-01-01", "defence minister"),
        ("Ivica Dacic", "2016-01-01", "foreign minister"),
        ("Ivica Dacic", "2010-01-01", "interior minister"),
    ],
)
def test_a_person_with_two_offices_gets_the_one_of_the_date(
    kb: ActorBase, name: str, day: str, role: str
) -> None:
    curated.assert_resolves(kb, name, day, role=role)


@pytest.mark.parametrize(
    ("name", "day", "country"),
    [
        ("Anatoliy Hrytsenko", "2015-01-01", "UKR"),
        ("Witold Waszczykowski", "2020-01-01", "POL"),
        ("Jorge Fernandez Diaz", "2019-01-01", "ESP"),
        ("Uri Rosenthal", "2015-01-01", "NLD"),
        ("Sten Tolgfors", "2015-01-01", "SWE"),
        ("Janos Martonyi", "2016-01-01", "HUN"),
        ("Grigol Vashadze", "2015-01-01", "GEO"),
        ("Seyran Ohanyan", "2018-01-01", "ARM"),
        ("Safar Abiyev", "2015-01-01", "AZE"),
        ("Catherine Ashton", "2016-01-01", "GBR"),
    ],
)
def test_out_of_office_resolves_as_elite(kb: ActorBase, name: str, day: str, country: str) -> None:
    curated.assert_resolves(kb, name, day, country=country, sector="ELI")


def test_high_representatives_resolve_to_the_eu(kb: ActorBase) -> None:
    for name, day in [("Javier Solana", "2005-01-01"), ("Catherine Ashton", "2012-01-01")]:
        curated.assert_resolves(kb, name, day, person=name, role=HIGH_REP)
