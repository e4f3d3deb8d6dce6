"""Foreign, defence and interior ministers of the Middle East, North Africa and Sudan
(``people_ministers_mena.yaml``), checked against the dated reference data in
``shared/data/actors_ref``: the CIA cabinet directory (~2019-10-06) and the EveryPolitician
foreign ministers (2023-01-10).

The file only adds what the other hand-written files lack, so the office holder of a date is
looked up in all of them together (``people.yaml``, ``people_ministers.yaml`` and this one)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.loader import read_yaml

MENA = curated.DATA / "people_ministers_mena.yaml"
CURATED = [curated.DATA / "people.yaml", curated.DATA / "people_ministers.yaml", MENA]

ROLES = {"foreign minister": 30, "defence minister": 35, "interior minister": 40}

#: The states this file covers (Saudi Arabia and Turkey are in people_ministers_g20.yaml),
#: by their names in the CIA directory and in EveryPolitician.
STATES = {
    "Algeria": "dza",
    "Bahrain": "bhr",
    "Egypt": "egy",
    "Iran": "irn",
    "Iraq": "irq",
    "Israel": "isr",
    "Jordan": "jor",
    "Kuwait": "kwt",
    "Lebanon": "lbn",
    "Libya": "lby",
    "Morocco": "mar",
    "Oman": "omn",
    "State of Palestine": "pse",
    "Qatar": "qat",
    "Syria": "syr",
    "Tunisia": "tun",
    "United Arab Emirates": "are",
    "Yemen": "yem",
    "Sudan": "sdn",
}

#: CIA directory rows the curated data rightly disagrees with: (state, role) -> why.  The
#: directory is often months out of date, and some offices are left out of the file on purpose.
CIA_EXEMPT = {
    ("dza", "foreign minister"): "stale: Abdelkader Messahel left on 2019-03-11; Sabri Boukadoum "
    "was foreign minister from 2019-03-31",
    ("dza", "interior minister"): "stale: Noureddine Bedoui became prime minister on 2019-03-11; "
    "Salah Eddine Dahmoune was interior minister from 2019-03-31",
    ("dza", "defence minister"): "stale: Bouteflika resigned on 2019-04-02; no defence minister "
    "is listed for the interim presidency (2019-04 to 2019-12)",
    ("bhr", "defence minister"): "Yusuf al-Jalahma's start as minister of defence affairs is not "
    "established, so the office is left out before 2022",
    ("kwt", "defence minister"): "stale: Nasser Sabah Al-Ahmad succeeded Mohammad Al-Khalid as "
    "defence minister on 2017-12-11",
    ("lby", "defence minister"): "the Government of National Accord's defence portfolio "
    "(Mahdi al-Barghathi, then the prime minister) is left out: dates not established",
    ("mar", "interior minister"): "stale: Abdelouafi Laftit replaced Mohamed Hassad on 2017-04-05",
    ("sdn", "foreign minister"): "stale: the Bashir government fell on 2019-04-11; Asma Abdalla "
    "was foreign minister from 2019-09-08",
    ("sdn", "defence minister"): "stale: Gamal al-Din Omar was defence minister from 2019-09-08",
    ("sdn", "interior minister"): "stale (Bashir's minister); the transitional government's "
    "interior ministers of 2019-2025 are left out: dates not established",
    ("syr", "interior minister"): "stale: Mohammad Rahmoun replaced Mohammad al-Shaar on "
    "2018-11-26",
    ("yem", "foreign minister"): "stale: Khaled al-Yamani resigned in June 2019; Mohammed "
    "al-Hadrami was appointed on 2019-09-19",
}

#: EveryPolitician rows (Wikidata, 2023-01-10) the curated data rightly disagrees with.
EP_EXEMPT = {
    "isr": "stale: Eli Cohen succeeded Yair Lapid as foreign minister on 2022-12-29",
}

#: CIA titles of the three offices (a minister of state or minister delegate counts where news
#: call him the defence minister: Qatar, the UAE, Oman, Morocco, Bahrain).
_TITLE = [
    ("foreign minister", re.compile(r"^minister (of|responsible for) foreign affairs", re.I)),
    (
        "defence minister",
        re.compile(
            r"^minister (of|for|responsible for|of state for) (national )?defen[cs]e"
            r"|^minister-delegate .*national defen[cs]e",
            re.I,
        ),
    ),
    ("interior minister", re.compile(r"^minister of (the )?interior", re.I)),
]

#: Name matching, allowing for transliteration ("Yisrael"/"Israel", "al-Atiyah"/"Al Attiyah",
#: "Nasir"/"Nasser"); "Abd al-Rahman" and "Abdulrahman" both give ``abdrahman``.
same_person = curated.NameMatch(
    threshold=70,
    particles={"al", "el", "bin", "ibn", "bint", "ben", "sheikh", "sayyid", "acting"},
    spellings={
        "mohamed": "muhammad",
        "mohammed": "muhammad",
        "mohammad": "muhammad",
        "muhammed": "muhammad",
        "abdallah": "abdullah",
        "abdulla": "abdullah",
        "ahmed": "ahmad",
    },
    drop_brackets=True,
    join_abd=True,
).same


def test_name_matching() -> None:
    assert same_person("Mohammed bin Abdulrahman Al Thani", "MUHAMMAD bin Abd al-Rahman Al Thani")
    assert same_person("Israel Katz", "Yisrael KATZ (Acting)")
    assert same_person("Abdullah bin Zayed Al Nahyan", "ABDALLAH bin Zayid Al Nuhayyan")
    assert not same_person("Nasser Sabah Al-Ahmad Al-Sabah", "MUHAMMAD AL-KHALID al-Hamad al-Sabah")
    assert not same_person("Mohammed al-Hadrami", "Khalid Husayn Muhammad al-YAMANI")


@pytest.fixture(scope="module")
def holders() -> curated.Holders:
    return curated.index_holders(
        curated.read_people(CURATED), lambda s: s.entity in STATES.values() and s.role in ROLES
    )


def test_file_entries_are_well_formed() -> None:
    data = read_yaml(MENA)
    assert len(data.people) >= 200
    for person in data.people:
        assert person.source and person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            assert s.entity in STATES.values(), (person.name, s.entity)
            assert s.role in ROLES and s.rank == ROLES[s.role], (person.name, s.role, s.rank)
            assert s.sector == "GOV", person.name
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.end is None or s.end >= dt.date(2000, 1, 1), (person.name, s)


def test_every_state_has_all_three_offices(holders: curated.Holders) -> None:
    no_office = {("pse", "defence minister")}  # the Palestinian Authority has no defence ministry
    missing = [
        (state, role)
        for state in STATES.values()
        for role in ROLES
        if (state, role) not in no_office and not holders[(state, role)]
    ]
    assert not missing


def test_spells_do_not_overlap(holders: curated.Holders) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    assert not curated.office_clashes(holders)


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    # a state outside this file, or a vacant office (Iraq's in 2019), gives no row
    cia = curated.cia_holders(shared, STATES, _TITLE)
    assert len(cia) >= 45
    curated.assert_reference_holders(
        cia, holders, curated.CIA_DAY, same=same_person, exempt=CIA_EXEMPT, end_included=False
    )


def test_everypolitician_2023_foreign_ministers_match(
    shared: Path, holders: curated.Holders
) -> None:
    # Yemen has two rows: the government's and the Houthis'
    ep = curated.everypolitician_holders(shared, STATES, skip_unnamed=False)
    assert len(ep) >= 17
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
    ("mention", "day", "person"),
    [
        ("Interior Minister Ghabban", "2016-01-01", "Mohammed al-Ghabban"),
        ("Foreign Minister Medelci", "2010-06-01", "Mourad Medelci"),
        ("Defence Minister Mofaz", "2004-06-01", "Shaul Mofaz"),
        ("Lebanese Interior Minister Ziad Baroud", "2009-06-01", "Ziad Baroud"),
    ],
)
def test_title_and_surname_resolve_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, sector="GOV")
