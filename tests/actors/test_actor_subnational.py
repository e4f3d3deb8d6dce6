"""Heads of sub-national governments (``people_subnational.yaml``): Indian and Pakistani chief
ministers, the Kurdistan Region's president and prime minister, Nigerian governors, Canadian
and Australian premiers, Russian and Ukrainian regional heads, US governors and mayors.

The reference data in ``shared/data/actors_ref`` lists national offices only, so the file is
checked against itself (one holder of an office at a time, no unexplained vacancy), against
the rest of the base (no person twice under two spellings, no sub-national office while the
same person leads the state) and by resolving mentions on given dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
import yaml
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.base import packaged_files
from realpolitik.actors.loader import read_files, read_yaml
from realpolitik.actors.records import slugify
from realpolitik.actors.text import fold

FILE = curated.DATA / "people_subnational.yaml"

#: The offices the file takes: state -> role -> the regions (states, provinces, cities).
OFFICES: dict[str, dict[str, set[str]]] = {
    "ind": {
        "chief minister": {
            "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa",
            "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala",
            "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland",
            "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
            "Uttar Pradesh", "Uttarakhand", "West Bengal", "Delhi", "Jammu and Kashmir",
        }
    },
    "pak": {
        "chief minister": {
            "Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Gilgit-Baltistan"
        }
    },
    "irq": {"president": {"Kurdistan Region"}, "prime minister": {"Kurdistan Region"}},
    "nga": {"governor": {"Lagos", "Kano", "Borno", "Rivers", "Kaduna", "Zamfara"}},
    "can": {
        "premier": {
            "Ontario", "Quebec", "British Columbia", "Alberta", "Saskatchewan", "Manitoba",
            "Nova Scotia", "New Brunswick", "Prince Edward Island", "Newfoundland and Labrador",
        }
    },
    "aus": {
        "premier": {
            "New South Wales", "Victoria", "Queensland", "Western Australia",
            "South Australia", "Tasmania",
        }
    },
    "rus": {
        "leader": {"Chechnya"},
        "prime minister": {"Chechnya"},
        "mayor": {"Moscow"},
        "governor": {"Belgorod", "Kursk"},
    },
    "ukr": {
        "governor": {
            "Kharkiv", "Odesa", "Zaporizhzhia", "Dnipropetrovsk", "Kherson", "Mykolaiv"
        },
        "mayor": {"Kyiv"},
    },
    "usa": {
        "governor": {
            "California", "Texas", "Florida", "New York", "Pennsylvania", "Illinois", "Ohio",
            "Georgia", "North Carolina", "Michigan",
        },
        "mayor": {"New York City", "Los Angeles", "Chicago"},
    },
}  # fmt: skip

FIRST = dt.date(2005, 1, 1)
LAST = dt.date(2025, 12, 31)  # the last day the file vouches for every office

#: Vacancies of more than a fortnight between 2005 and 2025: office -> the last day of each
#: holder before one (or of the last holder, when the office is left open after it).
VACANCIES: dict[tuple[str, str, str], set[dt.date]] = {
    # President's rule (India), governor's rule and caretakers not recorded (Pakistan)
    ("ind", "Andhra Pradesh", "chief minister"): {dt.date(2014, 3, 1)},
    ("ind", "Arunachal Pradesh", "chief minister"): {dt.date(2016, 1, 26)},
    ("ind", "Bihar", "chief minister"): {dt.date(2005, 3, 7)},
    ("ind", "Goa", "chief minister"): {dt.date(2005, 3, 4)},
    ("ind", "Jharkhand", "chief minister"): {
        dt.date(2009, 1, 18), dt.date(2010, 6, 1), dt.date(2013, 1, 18)
    },
    ("ind", "Karnataka", "chief minister"): {dt.date(2007, 10, 8), dt.date(2007, 11, 19)},
    ("ind", "Maharashtra", "chief minister"): {dt.date(2014, 9, 28), dt.date(2019, 11, 8)},
    ("ind", "Manipur", "chief minister"): {dt.date(2025, 2, 9)},
    ("ind", "Nagaland", "chief minister"): {dt.date(2008, 1, 3)},
    ("ind", "Uttarakhand", "chief minister"): {dt.date(2016, 3, 27)},
    ("ind", "Delhi", "chief minister"): {dt.date(2014, 2, 14)},
    ("ind", "Jammu and Kashmir", "chief minister"): {
        dt.date(2008, 7, 11), dt.date(2015, 1, 8), dt.date(2016, 1, 7), dt.date(2018, 6, 19)
    },
    ("pak", "Punjab", "chief minister"): {dt.date(2007, 11, 18), dt.date(2009, 2, 25)},
    ("pak", "Sindh", "chief minister"): {
        dt.date(2007, 11, 16), dt.date(2013, 3, 21), dt.date(2018, 6, 1)
    },
    ("pak", "Khyber Pakhtunkhwa", "chief minister"): {
        dt.date(2007, 10, 11), dt.date(2013, 3, 1), dt.date(2018, 6, 1), dt.date(2023, 1, 18)
    },
    ("pak", "Balochistan", "chief minister"): {
        dt.date(2007, 11, 19), dt.date(2013, 1, 14), dt.date(2018, 6, 7), dt.date(2023, 8, 18)
    },
    ("pak", "Gilgit-Baltistan", "chief minister"): {
        dt.date(2014, 12, 1), dt.date(2020, 6, 24), dt.date(2025, 6, 30)
    },
    # the presidency was left vacant, its powers shared out, from November 2017 to June 2019
    ("irq", "Kurdistan Region", "president"): {dt.date(2017, 11, 1)},
    # the state of emergency of 2025 suspended the governor
    ("nga", "Rivers", "governor"): {dt.date(2025, 3, 18)},
    # successors not recorded (see the file's list of gaps)
    ("can", "Prince Edward Island", "premier"): {dt.date(2025, 2, 21)},
    ("can", "Newfoundland and Labrador", "premier"): {dt.date(2025, 10, 14)},
    ("rus", "Chechnya", "prime minister"): {dt.date(2007, 2, 15)},  # Kadyrov's office alone
    ("rus", "Moscow", "mayor"): {dt.date(2010, 9, 28)},  # Vladimir Resin, acting
    ("rus", "Belgorod", "governor"): {dt.date(2020, 9, 22)},  # Denis Butov, acting
    ("ukr", "Dnipropetrovsk", "governor"): {dt.date(2025, 1, 1)},
}  # fmt: skip

#: Offices the file starts after 2005-01-01, and why.
LATE_START = {
    ("ind", "Telangana", "chief minister"): "the state was formed on 2014-06-02",
    ("ind", "Meghalaya", "chief minister"): "chief ministers before 2010 are not recorded",
    ("pak", "Gilgit-Baltistan", "chief minister"): "the office was created in 2009",
    ("irq", "Kurdistan Region", "president"): "the office was created in 2005",
    ("irq", "Kurdistan Region", "prime minister"): "the two administrations merged in 2006",
    ("rus", "Chechnya", "prime minister"): "only Kadyrov's tenure is recorded",
    ("ukr", "Kharkiv", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Odesa", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Zaporizhzhia", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Dnipropetrovsk", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Kherson", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Mykolaiv", "governor"): "recorded from the military administrations (2022)",
    ("ukr", "Kyiv", "mayor"): "mayors before Klitschko (2014) are not recorded",
}

RANKS = {"mayor": 58}


Spell = tuple[str, dt.date, dt.date]  # holder, first day, last day


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))["people"]


@pytest.fixture(scope="module")
def offices(raw: list[dict]) -> dict[tuple[str, str, str], list[Spell]]:
    out: dict[tuple[str, str, str], list[Spell]] = defaultdict(list)
    for person in raw:
        for role in person["roles"]:
            end = _day(role["end"]) if role.get("end") else dt.date.max
            key = (role["of"], role["region"], role["role"])
            out[key].append((person["name"], _day(role["start"]), end))
    for spells in out.values():
        spells.sort(key=lambda s: (s[1], s[2]))
    return out


def test_file_entries_are_well_formed(raw: list[dict]) -> None:
    data = read_yaml(FILE)
    assert len(data.people) == len(raw) >= 300
    for person, entry in zip(data.people, raw, strict=True):
        assert person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for spell, role in zip(person.spells, entry["roles"], strict=True):
            assert role["region"] in OFFICES[spell.entity][spell.role], (person.name, role)
            assert spell.sector == "GOV", person.name
            assert spell.rank == RANKS.get(spell.role, 55), (person.name, spell)
            assert spell.start is not None and (spell.end is None or spell.start < spell.end)
            assert spell.end is None or spell.end >= FIRST, (person.name, spell)
            assert spell.end is None or spell.end <= LAST, (person.name, spell)


def test_every_office_has_holders(offices: dict[tuple[str, str, str], list[Spell]]) -> None:
    wanted = {
        (state, region, role)
        for state, roles in OFFICES.items()
        for role, regions in roles.items()
        for region in regions
    }
    assert set(offices) == wanted


def test_one_holder_at_a_time(offices: dict[tuple[str, str, str], list[Spell]]) -> None:
    """A successor may start a few days before the predecessor's recorded end (a caretaker
    stays until the oath, dates to the month), no more."""
    clashes = [
        (office, a, str(end), b, str(start))
        for office, spells in offices.items()
        for a, end, b, start in curated.overlaps(spells)
    ]
    assert not clashes


def test_vacancies_are_the_known_ones(
    offices: dict[tuple[str, str, str], list[Spell]],
) -> None:
    """Every day from 2005 (or the office's first recorded day) to the end of 2025 has a
    holder, but for the vacancies listed above."""
    found: dict[tuple[str, str, str], set[dt.date]] = defaultdict(set)
    late = set()
    for office, spells in offices.items():
        if spells[0][1] > FIRST + dt.timedelta(days=14):
            late.add(office)
        reach = spells[0][2]
        for _, start, end in spells[1:]:
            if (start - reach).days > 14:
                found[office].add(reach)
            reach = max(reach, end)
        if reach < LAST:
            found[office].add(reach)
    assert dict(found) == VACANCIES
    assert late == set(LATE_START)


def test_no_person_twice_under_two_spellings(raw: list[dict]) -> None:
    """A person the other files already hold keeps their name (the entries merge by id)."""
    others: dict[str, set[str]] = defaultdict(set)
    for person in read_files([p for p in packaged_files() if p != FILE]).people:
        for name in person.names:
            others[fold(name)].add(person.id)
    wrong = []
    for person in raw:
        own = slugify(person["name"])
        for name in [person["name"], *person.get("aliases", [])]:
            clash = others.get(fold(name), set()) - {own}
            if clash:
                wrong.append((person["name"], name, sorted(clash)))
    assert not wrong


def test_no_regional_office_while_leading_the_state(kb: ActorBase, raw: list[dict]) -> None:
    """Modi left Gujarat before he became prime minister, Tinubu left Lagos long before the
    presidency: a sub-national spell never curated.overlaps the same person's national leadership."""
    national = {"head of state", "head of government", "effective leader"}
    clashes = []
    for entry in raw:
        person = kb.index.people[slugify(entry["name"])]
        top = [s for s in person.spells if s.role in national]
        for spell in person.spells:
            if spell.role in national or spell.rank < 55:
                continue
            for lead in top:
                lo = max(spell.start or dt.date.min, lead.start or dt.date.min)
                hi = min(spell.end or dt.date.max, lead.end or dt.date.max)
                if (hi - lo).days > 7:
                    clashes.append((person.name, spell.role, lead.role, str(lo), str(hi)))
    assert not clashes


@pytest.mark.parametrize(
    ("mention", "day", "country", "sector", "person"),
    [
        ("Mamata Banerjee", "2020-01-01", "IND", "GOV", "Mamata Banerjee"),
        ("West Bengal Chief Minister Mamata Banerjee", "2020-01-01", "IND", "GOV", None),
        ("Mamata Banerjee", "2008-01-01", "IND", "ELI", "Mamata Banerjee"),
        ("Yogi Adityanath", "2022-06-01", "IND", "GOV", "Yogi Adityanath"),
        ("Adityanath", "2022-06-01", "IND", "GOV", "Yogi Adityanath"),
        ("Narendra Modi", "2010-01-01", "IND", "GOV", "Narendra Modi"),
        ("Omar Abdullah", "2020-01-01", "IND", "ELI", "Omar Abdullah"),
        ("Omar Abdullah", "2025-01-01", "IND", "GOV", "Omar Abdullah"),
        ("Arvind Kejriwal", "2025-06-01", "IND", "ELI", "Arvind Kejriwal"),
        ("Maryam Nawaz", "2025-01-01", "PAK", "GOV", "Maryam Nawaz"),
        ("Shehbaz Sharif", "2015-01-01", "PAK", "GOV", "Shehbaz Sharif"),
        ("Ali Amin Gandapur", "2024-06-01", "PAK", "GOV", "Ali Amin Khan Gandapur"),
        ("Usman Buzdar", "2023-01-01", "PAK", "ELI", "Usman Buzdar"),
        ("Masrour Barzani", "2021-01-01", "IRQ", "GOV", "Masrour Barzani"),
        ("Nechirvan Barzani", "2023-01-01", "IRQ", "GOV", "Nechirvan Barzani"),
        ("Massoud Barzani", "2010-01-01", "IRQ", "GOV", "Massoud Barzani"),
        ("Massoud Barzani", "2020-01-01", "IRQ", "ELI", "Massoud Barzani"),
        ("Babagana Zulum", "2022-01-01", "NGA", "GOV", "Babagana Zulum"),
        ("Nasir El-Rufai", "2024-01-01", "NGA", "ELI", "Nasir El-Rufai"),
        ("Doug Ford", "2025-02-01", "CAN", "GOV", "Doug Ford"),
        ("Danielle Smith", "2023-05-01", "CAN", "GOV", "Danielle Smith"),
        ("Daniel Andrews", "2020-08-01", "AUS", "GOV", "Daniel Andrews"),
        ("Gladys Berejiklian", "2022-01-01", "AUS", "ELI", "Gladys Berejiklian"),
        ("Chechen leader Ramzan Kadyrov", "2022-03-01", "RUS", "GOV", "Ramzan Kadyrov"),
        ("Sergei Sobyanin", "2020-04-01", "RUS", "GOV", "Sergei Sobyanin"),
        ("Governor Gladkov", "2023-06-01", "RUS", "GOV", "Vyacheslav Gladkov"),
        ("Alexander Khinshtein", "2025-03-01", "RUS", "GOV", "Alexander Khinshtein"),
        ("Roman Starovoit", "2024-08-01", "RUS", "ELI", "Roman Starovoit"),
        ("Oleh Syniehubov", "2023-01-01", "UKR", "GOV", "Oleh Syniehubov"),
        ("Vitaliy Kim", "2022-04-01", "UKR", "GOV", "Vitaliy Kim"),
        ("Mayor Klitschko", "2022-03-01", "UKR", "GOV", "Vitali Klitschko"),
        ("California Governor Gavin Newsom", "2023-01-01", "USA", "GOV", "Gavin Newsom"),
        ("Andrew Cuomo", "2020-04-01", "USA", "GOV", "Andrew Cuomo"),
        ("Andrew Cuomo", "2022-04-01", "USA", "ELI", "Andrew Cuomo"),
        ("Mayor Adams", "2023-01-01", "USA", "GOV", "Eric Adams"),
        ("Zohran Mamdani", "2026-02-01", "USA", "GOV", "Zohran Mamdani"),
    ],
)
def test_mentions_resolve_on_the_date(
    kb: ActorBase, mention: str, day: str, country: str, sector: str, person: str | None
) -> None:
    actor = curated.resolve_on(kb, mention, day)
    assert (actor.country, actor.sector) == (country, sector)
    assert person is None or actor.person == person


def test_national_office_outranks_a_regional_one(kb: ActorBase) -> None:
    """Shehbaz Sharif is prime minister from 2022, Barham Salih president of Iraq from 2018:
    their later national office is what they stand for then."""
    sharif = kb.resolve("Shehbaz Sharif", on=dt.date(2023, 1, 1))
    assert sharif is not None and sharif.role == "head of government"
    salih = kb.resolve("Barham Salih", on=dt.date(2011, 1, 1))
    assert salih is not None and (salih.country, salih.role) == ("IRQ", "prime minister")
    salih = kb.resolve("Barham Salih", on=dt.date(2020, 1, 1))
    assert salih is not None and salih.role == "head of state"
