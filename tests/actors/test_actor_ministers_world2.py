"""Foreign, defence and interior ministers of a second set of states outside the G20 and the
Middle East (``people_ministers_world2.yaml``), checked against the dated reference data in
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

WORLD2 = curated.DATA / "people_ministers_world2.yaml"
CURATED = [curated.DATA / "people.yaml", *sorted(curated.DATA.glob("people_ministers*.yaml"))]

ROLES = {"foreign minister": 30, "defence minister": 35, "interior minister": 40}

#: The states this file covers, by their names in the CIA directory and in EveryPolitician
#: (Ethiopia's foreign ministers are in people_ministers_world.yaml).
STATES = {
    "Somalia": "som",
    "South Sudan": "ssd",
    "Mali": "mli",
    "Burkina Faso": "bfa",
    "Niger": "ner",
    "Thailand": "tha",
    "Sri Lanka": "lka",
    "Peru": "per",
    "Ecuador": "ecu",
    "Nicaragua": "nic",
    "Bolivia": "bol",
    "Haiti": "hti",
    "Uganda": "uga",
    "Rwanda": "rwa",
    "New Zealand": "nzl",
    "Ghana": "gha",
    "Senegal": "sen",
    "Ethiopia": "eth",
}

#: Offices the file leaves out on purpose (see its opening comment).
NOT_TAKEN = {
    ("lka", "interior minister"),
    ("nzl", "interior minister"),
    ("mli", "interior minister"),
    ("bfa", "interior minister"),
    ("rwa", "interior minister"),
}

#: Offices the file has no holder for at all (gaps listed in its opening comment).
NO_HOLDER = {
    ("som", "defence minister"),
    ("som", "interior minister"),
    ("hti", "defence minister"),
    ("hti", "interior minister"),
    ("nic", "interior minister"),
}

#: CIA directory rows the curated data rightly disagrees with, or offices the file has a gap
#: for on that day: (state, role) -> why.
CIA_EXEMPT = {
    ("som", "foreign minister"): "gap: Somalia's foreign ministers of 2014-12 to 2022-08 are "
    "left out",
    ("mli", "foreign minister"): "stale: Tiebile Drame succeeded Kamissa Camara on 2019-05-05",
    ("mli", "defence minister"): "stale: Ibrahim Dahirou Dembele was defence minister from "
    "2019-05-05",
    ("bfa", "defence minister"): "stale: Cherif Sy succeeded Jean-Claude Bouda on 2019-01-24",
    ("tha", "defence minister"): "stale: Prayut Chan-ocha kept the defence ministry himself in "
    "his second cabinet (2019-07-16); Prawit Wongsuwan stayed deputy prime minister",
    ("per", "foreign minister"): "stale: Gustavo Meza-Cuadra succeeded Nestor Popolizio on "
    "2019-10-03",
    ("per", "defence minister"): "gap: Peru's defence ministers of 2015-2022 are left out",
    ("per", "interior minister"): "gap: Peru's interior ministers after 2017-09 are left out",
    ("sen", "foreign minister"): "stale: Amadou Ba succeeded Sidiki Kaba on 2019-04-07",
    ("sen", "defence minister"): "stale: Sidiki Kaba succeeded Augustin Tine as minister of the "
    "armed forces on 2019-04-07",
}

#: EveryPolitician rows (2023-01-10) the curated data rightly disagrees with.
EP_EXEMPT = {
    "ssd": "gap: South Sudan's foreign ministers from 2021-07 are left out",
}

#: CIA titles of the three offices.
_TITLE = [
    (
        "foreign minister",
        re.compile(
            r"^minister (of|for) foreign (affairs|relations)(?! &? ?trade)"
            r"|^minister of foreign & religious affairs",
            re.I,
        ),
    ),
    (
        "defence minister",
        re.compile(
            r"^minister (of|for) (national )?defen[cs]e|^minister of the armed forces", re.I
        ),
    ),
    (
        "interior minister",
        re.compile(
            r"^minister (of|for) (the )?(interior|internal affairs)"
            r"|^minister of state for interior|^minister of peace",
            re.I,
        ),
    ),
]

#: Name matching on the folded words without particles
#: ("Mouhamadou Bamba CISSE" gives mouhamadou, bamba, cisse), allowing for
#: transliteration ("Anupong"/"Anuphong", "Hassoumi Massoudou"/"Hassoumi Massaoudou").
same_person = curated.NameMatch(
    threshold=75,
    particles={"al", "el", "de", "jr", "acting"},
    spellings={"mohamed": "muhammad", "mohammed": "muhammad", "mohammad": "muhammad"},
).same


def test_name_matching() -> None:
    assert same_person("DON Pramudwinai", "Don Pramudwinai")
    assert same_person("Hassoumi Massoudou", "Hassoumi Massaoudou")
    assert same_person("Michael Tiangjiek MUT", "Michael Tiangjiek Mut")
    assert not same_person("Kamissa CAMARA", "Tiebile Drame")
    assert not same_person("PRAWIT Wongsuwan", "Prayut Chan-ocha")


@pytest.fixture(scope="module")
def holders() -> curated.Holders:
    return curated.index_holders(
        curated.read_people(CURATED), lambda s: s.entity in STATES.values() and s.role in ROLES
    )


def test_file_entries_are_well_formed() -> None:
    data = read_yaml(WORLD2)
    assert len(data.people) >= 150
    ids = [p.id for p in data.people]
    assert len(ids) == len(set(ids)), "one entry per person"
    for person in data.people:
        assert person.source and person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            assert s.entity in STATES.values(), (person.name, s.entity)
            assert (s.entity, s.role) not in NOT_TAKEN | NO_HOLDER, (person.name, s.role)
            assert s.role in ROLES and s.rank == ROLES[s.role], (person.name, s.role, s.rank)
            assert s.sector == "GOV", person.name
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.end is None or s.end >= dt.date(2005, 1, 1), (person.name, s)
            assert s.end is None or s.end <= dt.date(2026, 12, 31), (person.name, s)
            if s.entity == "eth":
                assert s.role != "foreign minister", person.name  # people_ministers_world.yaml
            if s.source:
                assert s.source.startswith("public record"), (person.name, s.source)
            if "to the month" in s.source:
                assert s.start.day == 1 or (s.end is not None and s.end.day == 1), (person.name, s)


def test_every_state_has_all_three_offices(holders: curated.Holders) -> None:
    missing = [
        (state, role)
        for state in sorted(set(STATES.values()))
        for role in ROLES
        if (state, role) not in NOT_TAKEN | NO_HOLDER and not holders[(state, role)]
    ]
    assert not missing
    assert not [office for office in NO_HOLDER if holders[office]], "drop from NO_HOLDER"


def test_spells_do_not_overlap(holders: curated.Holders) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    assert not curated.office_clashes(holders)


def test_military_rulers_ministers_follow_the_coups() -> None:
    """Spells of the juntas' governments start after the coups that made them (Mali 2020-08-18,
    Burkina Faso 2022-09-30, Niger 2023-07-26), and the ousted governments' spells end by
    then."""
    coups = {"mli": dt.date(2020, 8, 18), "bfa": dt.date(2022, 9, 30), "ner": dt.date(2023, 7, 26)}
    kept_on = {"Olivia Ragnaghnewendé Rouamba"}  # Damiba's foreign minister, kept by Traoré
    for person in read_yaml(WORLD2).people:
        if person.name in kept_on:
            continue
        for s in person.spells:
            coup = coups.get(s.entity)
            if coup is not None:
                assert s.start > coup or (s.end is not None and s.end <= coup), (person.name, s)


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    cia = curated.cia_holders(
        shared, STATES, _TITLE, lambda office: office not in NOT_TAKEN | NO_HOLDER
    )
    assert len(cia) >= 40
    curated.assert_reference_holders(
        cia, holders, curated.CIA_DAY, same=same_person, exempt=CIA_EXEMPT, end_included=True
    )


def test_everypolitician_2023_foreign_ministers_match(
    shared: Path, holders: curated.Holders
) -> None:
    # Peru's 2022-12 row has no name
    ep = curated.everypolitician_holders(shared, STATES, skip_unnamed=True)
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
        ("Deng Alor", "2012-06-01", "Deng Alor", "SSD"),
        ("Angelina Teny", "2021-01-01", "Angelina Teny", "SSD"),
        ("Abdoulaye Diop", "2022-06-01", "Abdoulaye Diop", "MLI"),
        ("Sadio Camara", "2023-01-01", "Sadio Camara", "MLI"),
        ("Tiebile Drame", "2020-01-01", "Tiebile Drame", "MLI"),
        ("Kassoum Coulibaly", "2023-06-01", "Kassoum Coulibaly", "BFA"),
        ("Salifou Mody", "2024-01-01", "Salifou Mody", "NER"),
        ("Kasit Piromya", "2010-01-01", "Kasit Piromya", "THA"),
        ("Interior Minister Anupong Paochinda", "2016-01-01", "Anuphong Paochinda", "THA"),
        ("Rohitha Bogollagama", "2008-06-01", "Rohitha Bogollagama", "LKA"),
        ("Ali Sabry", "2023-06-01", "Ali Sabry", "LKA"),
        ("Murray McCully", "2012-01-01", "Murray McCully", "NZL"),
        ("Judith Collins", "2024-06-01", "Judith Collins", "NZL"),
        ("Rafael Roncagliolo", "2012-01-01", "Rafael Roncagliolo", "PER"),
        ("Ricardo Patino", "2014-01-01", "Ricardo Patiño", "ECU"),
        ("David Choquehuanca", "2010-01-01", "David Choquehuanca", "BOL"),
        ("Arturo Murillo", "2020-06-01", "Arturo Murillo", "BOL"),
        ("Claude Joseph", "2020-06-01", "Claude Joseph", "HTI"),
        ("Sam Kutesa", "2012-01-01", "Sam Kutesa", "UGA"),
        ("Louise Mushikiwabo", "2015-01-01", "Louise Mushikiwabo", "RWA"),
        ("James Kabarebe", "2015-01-01", "James Kabarebe", "RWA"),
        ("Kenea Yadeta", "2021-03-01", "Kenea Yadeta", "ETH"),
        ("Hanna Tetteh", "2015-01-01", "Hanna Tetteh", "GHA"),
        ("Mankeur Ndiaye", "2014-01-01", "Mankeur Ndiaye", "SEN"),
    ],
)
def test_name_resolves_to_the_office_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="GOV")


@pytest.mark.parametrize(
    ("mention", "day", "country"),
    [
        ("Kasit Piromya", "2013-01-01", "THA"),
        ("Rohitha Bogollagama", "2012-01-01", "LKA"),
        ("Murray McCully", "2019-01-01", "NZL"),
        ("Karen Longaric", "2022-01-01", "BOL"),
        ("Louise Mushikiwabo", "2006-01-01", "RWA"),
        ("Angelina Teny", "2024-01-01", "SSD"),
    ],
)
def test_out_of_office_resolves_as_elite(
    kb: ActorBase, mention: str, day: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, country=country, sector="ELI")


def test_malian_and_senegalese_abdoulaye_diop_stay_apart(kb: ActorBase) -> None:
    """Mali's foreign minister has an id of his own; the shared name goes to him (the later
    file), and the Senegalese minister of that name keeps his own entry and spell."""
    for day in (dt.date(2016, 1, 1), dt.date(2024, 1, 1)):
        mali = kb.resolve("Foreign Minister Abdoulaye Diop", on=day)
        assert mali is not None and mali.country == "MLI" and mali.sector == "GOV"
    hits = {h.id: h for h in kb.search("Abdoulaye Diop") if h.kind.value == "person"}
    assert hits["abdoulaye-diop-mali"].country == "MLI"
    assert hits["abdoulaye-diop"].country == "SEN"
    assert all(s.entity == "sen" for s in hits["abdoulaye-diop"].spells)
