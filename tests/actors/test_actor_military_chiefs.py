"""Top military commanders (``people_military_chiefs.yaml``): chiefs of defence and of the
general staff, army chiefs where news name them, the IRGC's and the LNA's commanders.

The file is checked on its own (well-formed, one holder at a time, no unexplained vacancy),
against the other hand-written files (a chief who became defence minister hands over when the
ministry starts) and against the dated reference data in ``shared/data/actors_ref``: the CIA
directory (~2019-10-06) and the Wikidata heads of state (Lebanon's army commanders leave the
army when elected president).  The resolver must then give the office holder's country and
sector MIL on a date, an ex-elite (ELI) once out of office, and keep a head of state who was
also army chief a head of state."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.loader import read_yaml

CHIEFS = curated.DATA / "people_military_chiefs.yaml"

ROLES = {"military chief": 50, "chief of staff": 55, "army chief": 55, "commander": 55}

#: Every office the file covers: (entity, role).  ``irn-irgc`` is the IRGC organ of Iran,
#: ``lna`` the Libyan National Army.
OFFICES = {
    ("usa", "military chief"),
    ("gbr", "military chief"),
    ("fra", "military chief"),
    ("deu", "military chief"),
    ("rus", "military chief"),
    ("ukr", "military chief"),
    ("ukr", "chief of staff"),
    ("pak", "army chief"),
    ("ind", "army chief"),
    ("ind", "military chief"),
    ("bgd", "army chief"),
    ("mmr", "military chief"),
    ("tha", "army chief"),
    ("idn", "military chief"),
    ("jpn", "military chief"),
    ("kor", "military chief"),
    ("irn", "military chief"),
    ("irn-irgc", "commander"),
    ("isr", "military chief"),
    ("lbn", "army chief"),
    ("sau", "military chief"),
    ("egy", "military chief"),
    ("tur", "military chief"),
    ("syr", "military chief"),
    ("dza", "military chief"),
    ("sdn", "army chief"),
    ("lna", "commander"),
    ("eth", "military chief"),
    ("nga", "military chief"),
    ("ken", "military chief"),
    ("cod", "military chief"),
    ("bra", "army chief"),
    ("pol", "military chief"),
}

#: Vacancies of more than a week between two recorded holders:
#: (entity, role, successor) -> (days between the two dates, why).
GAPS = {
    ("deu", "military chief", "Volker Wieker"): (
        56,
        "Schneiderhan was dismissed on 2009-11-26; Johann-Georg Dora acted until 2010-01-21",
    ),
    ("lbn", "army chief", "Jean Kahwaji"): (
        96,
        "Suleiman became president on 2008-05-25; Shawki al-Masri acted until 2008-08-29",
    ),
    ("lbn", "army chief", "Rodolphe Haykal"): (
        63,
        "Joseph Aoun became president on 2025-01-09; Hassan Audi acted until 2025-03-13",
    ),
    ("ind", "military chief", "Anil Chauhan"): (
        296,
        "the office was vacant from Bipin Rawat's death (2021-12-08) to 2022-09-30",
    ),
    ("ken", "military chief", "Charles Kahariri"): (
        15,
        "Francis Ogolla was killed on 2024-04-18; Kahariri was appointed on 2024-05-03",
    ),
    ("bra", "army chief", "Paulo Sergio Nogueira de Oliveira"): (
        21,
        "Edson Pujol was dismissed on 2021-03-30; Paulo Sergio took command on 2021-04-20",
    ),
    ("tur", "military chief", "Metin Gürak"): (
        60,
        "Yasar Guler became defence minister on 2023-06-04; Musa Avsever acted until Gurak's "
        "appointment on 2023-08-03",
    ),
    ("pol", "military chief", "Rajmund Andrzejczak"): (
        3004,
        "Franciszek Gagor was killed on 2010-04-10; the chiefs of 2010-2018 are left out",
    ),
}

#: Chiefs who became their state's defence minister (the ministry is in another hand-written
#: file): the command ends within a week of the ministry's start.
TO_MINISTRY = [
    ("Sedki Sobhi", "egy"),
    ("Hulusi Akar", "tur"),
    ("Yasar Guler", "tur"),
    ("Dawoud Rajiha", "syr"),
    ("Fahd Jassem al-Freij", "syr"),
    ("Ali Abdallah Ayyub", "syr"),
    ("Paulo Sergio Nogueira de Oliveira", "bra"),
]

#: The CIA directory's countries this file covers, and the titles of the offices.
CIA_STATES = {"Algeria": "dza", "Egypt": "egy", "Iran": "irn", "Israel": "isr", "Turkey": "tur"}
_CIA_TITLE = re.compile(r"chief of (the )?(general )?staff, .*(army|armed forces)", re.I)

#: Name matching: every word of the shorter name (one-letter words left out) is close to a
#: word of the other ("GAID-SALAH" and "Ahmed Gaid Salah").
same_person = curated.NameMatch(threshold=75, min_length=2).same


def test_name_matching() -> None:
    assert same_person("Ahmad Gaid-Salah", "Ahmad GAID-SALAH")
    assert same_person("Ahmed Gaid Salah", "Ahmad GAID-SALAH")
    assert not same_person("Said Chanegriha", "Ahmad GAID-SALAH")


@pytest.fixture(scope="module")
def holders(kb: ActorBase) -> curated.Holders:
    """Every spell of the covered offices in the whole base (all files merged), so that
    another file's holder of the same office is checked too."""
    return curated.index_holders(kb.data.people, lambda s: (s.entity, s.role) in OFFICES)


def test_file_entries_are_well_formed() -> None:
    people = read_yaml(CHIEFS).people
    assert len(people) >= 150
    assert len({p.id for p in people}) == len(people)
    for person in people:
        assert person.source.startswith("public record"), person.name
        assert person.spells, person.name
        assert person.name not in person.aliases, person.name
        for s in person.spells:
            assert (s.entity, s.role) in OFFICES, (person.name, s.entity, s.role)
            assert s.rank == ROLES[s.role], (person.name, s.role, s.rank)
            assert s.sector == "MIL", person.name
            assert s.start is not None and (s.end is None or s.start < s.end), (person.name, s)
            assert s.start >= dt.date(1989, 1, 1), (person.name, s)
            assert s.end is None or s.end >= dt.date(2005, 1, 1), (person.name, s)
            assert s.end is None or s.end <= dt.date(2026, 12, 31), (person.name, s)


def test_every_office_has_holders(holders: curated.Holders) -> None:
    assert not [office for office in sorted(OFFICES) if not holders[office]]


def test_spells_do_not_overlap(holders: curated.Holders) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    assert not curated.office_clashes(holders)


def test_no_unexplained_vacancy(holders: curated.Holders) -> None:
    """A successor takes over within a week of the predecessor's end, unless the vacancy is
    known (``GAPS``): a wrong year in either date shows up here."""
    gaps = {}
    for (entity, role), spells in holders.items():
        for (_, _, end), (q, start, _) in itertools.pairwise(spells):
            if (start - end).days > 7:
                gaps[(entity, role, q.name)] = (start - end).days
    assert gaps == {office: days for office, (days, _) in GAPS.items()}


@pytest.mark.parametrize(("name", "state"), TO_MINISTRY)
def test_chief_hands_over_on_becoming_defence_minister(
    kb: ActorBase, name: str, state: str
) -> None:
    (person,) = [p for p in kb.data.people if p.name == name]
    command = [s for s in person.spells if s.entity == state and s.role in ROLES]
    ministry = [s for s in person.spells if s.entity == state and s.role == "defence minister"]
    assert len(command) == 1 and ministry, name
    (chief,) = command
    assert chief.end is not None
    first = min(s.start for s in ministry if s.start is not None and s.start >= chief.start)
    assert abs((first - chief.end).days) <= 7, (name, chief.end, first)


def test_cia_2019_chiefs_of_staff_match(shared: Path, holders: curated.Holders) -> None:
    rows = [
        (CIA_STATES[row["country"].strip()], row["person"].strip())
        for row in curated.cia_2019(shared)
        if row["country"].strip() in CIA_STATES and _CIA_TITLE.search(row["title"])
    ]
    assert rows  # Algeria's "Deputy Minister of National Defense & Chief of Staff, ..."
    wrong = []
    for state, name in rows:
        ours = curated.holders_on(
            holders, (state, "military chief"), curated.CIA_DAY, end_included=True
        )
        if not any(same_person(n, name) for p in ours for n in p.names):
            wrong.append((state, name, [p.name for p in ours]))
    assert not wrong


def test_lebanese_commanders_left_the_army_on_becoming_president(
    shared: Path, holders: curated.Holders
) -> None:
    """The Wikidata start of Michel Suleiman's and Joseph Aoun's presidencies is the end of
    their army command."""
    starts = {
        row["person"]: dt.date.fromisoformat(row["start"][:10])
        for row in curated.wikidata_leaders(shared)
        if row["iso3"] == "LBN" and row["role"] == "head_of_state" and row["start"][:4] >= "2000"
    }
    ends = {p.name: end for p, _, end in holders[("lbn", "army chief")]}
    checked = 0
    for name, start in starts.items():
        if name in ends:
            assert abs((ends[name] - start).days) <= 7, (name, ends[name], start)
            checked += 1
    assert checked == 2


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("General Asim Munir", "2024-01-01", "Asim Munir", "PAK"),
        ("Gen. Asim Munir", "2025-06-01", "Asim Munir", "PAK"),
        ("Asim Munir", "2026-10-01", "Asim Munir", "PAK"),
        ("army chief Bajwa", "2018-01-01", "Qamar Javed Bajwa", "PAK"),
        ("Pakistani army chief Kayani", "2010-01-01", "Ashfaq Parvez Kayani", "PAK"),
        ("Gen. Bipin Rawat", "2018-01-01", "Bipin Rawat", "IND"),
        ("Bipin Rawat", "2021-01-01", "Bipin Rawat", "IND"),
        ("Valery Gerasimov", "2022-03-01", "Valery Gerasimov", "RUS"),
        ("Valeriy Gerasimov", "2015-01-01", "Valery Gerasimov", "RUS"),
        ("Gerasimov", "2023-01-15", "Valery Gerasimov", "RUS"),
        ("Valerii Zaluzhnyi", "2022-06-01", "Valerii Zaluzhnyi", "UKR"),
        ("Valery Zaluzhny", "2023-01-01", "Valerii Zaluzhnyi", "UKR"),
        ("Oleksandr Syrsky", "2024-06-01", "Oleksandr Syrskyi", "UKR"),
        ("Herzi Halevi", "2023-10-08", "Herzi Halevi", "ISR"),
        ("Herzl Halevi", "2024-01-01", "Herzi Halevi", "ISR"),
        ("IDF chief of staff Aviv Kochavi", "2020-01-01", "Aviv Kochavi", "ISR"),
        ("Benny Gantz", "2013-01-01", "Benny Gantz", "ISR"),
        ("Gen. Mark Milley", "2021-01-01", "Mark Milley", "USA"),
        ("Admiral Mike Mullen", "2010-01-01", "Mike Mullen", "USA"),
        ("General Sir Nick Carter", "2019-01-01", "Nick Carter", "GBR"),
        ("Thierry Burkhard", "2022-06-01", "Thierry Burkhard", "FRA"),
        ("Carsten Breuer", "2024-01-01", "Carsten Breuer", "DEU"),
        ("Mohammad Bagheri", "2020-01-01", "Mohammad Bagheri", "IRN"),
        ("IRGC commander Hossein Salami", "2020-01-03", "Hossein Salami", "IRN"),
        ("Mohammad Ali Jafari", "2015-01-01", "Mohammad Ali Jafari", "IRN"),
        ("Joseph Aoun", "2020-01-01", "Joseph Aoun", "LBN"),
        ("Hulusi Akar", "2016-07-15", "Hulusi Akar", "TUR"),
        ("Ahmed Gaid Salah", "2015-01-01", "Ahmad Gaid-Salah", "DZA"),
        ("Min Aung Hlaing", "2015-01-01", "Min Aung Hlaing", "MMR"),
        ("Prayuth Chan-ocha", "2012-01-01", "Prayut Chan-ocha", "THA"),
        ("Gatot Nurmantyo", "2016-01-01", "Gatot Nurmantyo", "IDN"),
        ("Khalifa Haftar", "2019-04-04", "Khalifa Haftar", "LBY"),
        ("Haftar", "2020-01-01", "Khalifa Haftar", "LBY"),
        ("Birhanu Jula", "2021-06-01", "Birhanu Jula", "ETH"),
        ("Francis Ogolla", "2024-01-01", "Francis Ogolla", "KEN"),
        ("Eduardo Villas Boas", "2018-01-01", "Eduardo Villas Bôas", "BRA"),
    ],
)
def test_commander_resolves_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="MIL")


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Qamar Javed Bajwa", "2023-06-01", "Qamar Javed Bajwa", "PAK"),
        ("Mark Milley", "2024-01-01", "Mark Milley", "USA"),
        ("Valerii Zaluzhnyi", "2024-03-01", "Valerii Zaluzhnyi", "UKR"),
        ("Herzi Halevi", "2025-06-01", "Herzi Halevi", "ISR"),
        ("Gadi Eisenkot", "2020-01-01", "Gadi Eisenkot", "ISR"),
        ("Ashfaq Parvez Kayani", "2015-01-01", "Ashfaq Parvez Kayani", "PAK"),
        ("Nikolai Makarov", "2014-01-01", "Nikolai Makarov", "RUS"),
        ("Pierre de Villiers", "2018-01-01", "Pierre de Villiers", "FRA"),
    ],
)
def test_commander_out_of_office_is_elite(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector="ELI")


@pytest.mark.parametrize(
    ("mention", "day", "role"),
    [
        ("Pervez Musharraf", "2005-01-01", "head of state"),
        ("Abdel Fattah al-Burhan", "2022-01-01", "head of state"),
        ("Joseph Aoun", "2025-06-01", "head of state"),
        ("Than Shwe", "2005-01-01", "head of state"),
    ],
)
def test_head_of_state_outranks_the_command(
    kb: ActorBase, mention: str, day: str, role: str
) -> None:
    curated.assert_resolves(kb, mention, day, sector="GOV", role=role)


def test_title_with_a_country_is_no_person(kb: ActorBase) -> None:
    """ "The Pakistani army chief" alone names the office, not whoever held it."""
    actor = kb.resolve("Pakistani army chief", on=dt.date(2024, 1, 1))
    assert actor is not None and actor.country == "PAK" and actor.sector == "MIL"
    assert actor.person is None
