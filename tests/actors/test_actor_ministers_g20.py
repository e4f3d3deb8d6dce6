"""Foreign, defence and interior ministers of the G20 states (people_ministers.yaml completed
by people_ministers_g20.yaml), checked against the dated reference snapshots in ../shared:
the CIA cabinet directory (~2019-10-06) and EveryPolitician's foreign ministers (2023-01-10)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors.base import data_path
from realpolitik.actors.entries import Person, Spell
from realpolitik.actors.loader import read_yaml

G20 = {
    "arg": "Argentina",
    "aus": "Australia",
    "bra": "Brazil",
    "can": "Canada",
    "chn": "China",
    "fra": "France",
    "deu": "Germany",
    "ind": "India",
    "idn": "Indonesia",
    "ita": "Italy",
    "jpn": "Japan",
    "kor": "Korea, South",
    "mex": "Mexico",
    "rus": "Russia",
    "sau": "Saudi Arabia",
    "zaf": "South Africa",
    "tur": "Turkey",
    "gbr": "United Kingdom",
    "usa": "United States",
}
ROLES = ("foreign minister", "defence minister", "interior minister")
Offices = dict[tuple[str, str], list[tuple[Spell, Person]]]
SLACK = dt.timedelta(days=7)  # a handover may be dated a few days apart by the sources

#: CIA directory titles (2019-10) that name the offices, per state; a state or office left
#: out has no such row (the US; Brazil's and Japan's interior; Mexico lists no Secretary of
#: the Interior) or no row that is that office.
CIA_TITLES = {
    ("arg", "foreign minister"): "Minister of Foreign Relations & Worship",
    ("arg", "defence minister"): "Minister of Defense",
    ("arg", "interior minister"): "Minister of the Interior, Public Works, & Housing",
    ("aus", "foreign minister"): "Minister for Foreign Affairs",
    ("aus", "defence minister"): "Minister for Defense",
    ("aus", "interior minister"): "Minister for Home Affairs",
    ("bra", "foreign minister"): "Minister of Foreign Relations",
    ("bra", "defence minister"): "Minister of Defense",
    ("can", "foreign minister"): "Minister of Foreign Affairs",
    ("can", "defence minister"): "Minister of National Defense",
    ("can", "interior minister"): "Minister of Public Safety & Emergency Preparedness",
    ("chn", "foreign minister"): "Minister of Foreign Affairs",
    ("chn", "defence minister"): "Minister of National Defense",
    ("chn", "interior minister"): "Minister of Public Security",
    ("fra", "foreign minister"): "Minister for Europe & Foreign Affairs",
    ("fra", "interior minister"): "Minister of the Interior",
    ("deu", "foreign minister"): "Minister of Foreign Affairs",
    ("deu", "defence minister"): "Minister of Defense",
    ("deu", "interior minister"): "Minister of the Interior, Building, & Community",
    ("ind", "foreign minister"): "Minister of External Affairs",
    ("ind", "defence minister"): "Minister of Defense",
    ("ind", "interior minister"): "Minister of Home Affairs",
    ("idn", "foreign minister"): "Minister of Foreign Affairs",
    ("idn", "defence minister"): "Minister of Defense",
    ("idn", "interior minister"): "Minister of Home Affairs",
    ("ita", "foreign minister"): "Minister of Foreign Affairs",
    ("ita", "defence minister"): "Minister of Defense",
    ("ita", "interior minister"): "Minister of Interior",
    ("jpn", "foreign minister"): "Minister of Foreign Affairs",
    ("jpn", "defence minister"): "Minister of Defense",
    ("kor", "foreign minister"): "Minister of Foreign Affairs",
    ("kor", "defence minister"): "Minister of National Defense",
    ("kor", "interior minister"): "Minister of the Interior & Safety",
    ("mex", "foreign minister"): "Secretary of Foreign Relations",
    ("mex", "defence minister"): "Secretary of National Defense",
    ("rus", "foreign minister"): "Minister of Foreign Affairs",
    ("rus", "defence minister"): "Minister of Defense",
    ("rus", "interior minister"): "Minister of Internal Affairs",
    ("sau", "foreign minister"): "Minister of Foreign Affairs",
    ("sau", "defence minister"): "Minister of Defense",
    ("sau", "interior minister"): "Minister of Interior",
    ("zaf", "defence minister"): "Minister of Defense & Military Veterans",
    ("zaf", "interior minister"): "Minister of Home Affairs",
    ("tur", "foreign minister"): "Minister of Foreign Affairs",
    ("tur", "defence minister"): "Minister of National Defense",
    ("tur", "interior minister"): "Minister of Interior",
    ("gbr", "foreign minister"): "Secretary of State for Foreign & Commonwealth Affairs",
    ("gbr", "defence minister"): "Secretary of State for Defense",
    ("gbr", "interior minister"): "Secretary of State for the Home Department",
}
# The French Minister of the Armed Forces and South Africa's Minister of International
# Relations & Cooperation are not in the 2019 CIA rows at all.

#: Rows where the CIA scrape predates a change of holder: the person it names must have left
#: the office (in our data) in the year before 2019-10-06.
CIA_STALE = {
    ("aus", "defence minister"),  # Pyne; Linda Reynolds from 2019-05-29
    ("deu", "defence minister"),  # von der Leyen; Kramp-Karrenbauer from 2019-07-17
    ("ind", "foreign minister"),  # second Modi ministry, 2019-05-30: Jaishankar
    ("ind", "defence minister"),  # Rajnath Singh
    ("ind", "interior minister"),  # Amit Shah
    ("ita", "foreign minister"),  # second Conte government, 2019-09-05: Di Maio
    ("ita", "defence minister"),  # Guerini
    ("ita", "interior minister"),  # Lamorgese
    ("jpn", "foreign minister"),  # reshuffle of 2019-09-11: Motegi
    ("jpn", "defence minister"),  # Taro Kono
    ("gbr", "foreign minister"),  # Johnson government, 2019-07-24: Raab
    ("gbr", "defence minister"),  # Williamson (dismissed 2019-05-01); Mordaunt, then Wallace
    ("gbr", "interior minister"),  # Patel
}
#: Rows where the reference is wrong: not checked.
CIA_WRONG = {
    ("zaf", "interior minister"),  # lists Blade Nzimande, never Home Affairs minister;
    # Siyabonga Cwele held it to May 2019, then Aaron Motsoaledi
}

#: EveryPolitician's Wikidata row (2023-01-10) names the holder before the current one.
EP_STALE = {
    "chn",  # Wang Yi; Qin Gang from 2022-12-30
    "bra",  # Carlos França; Mauro Vieira from 2023-01-01
}
EP_COUNTRIES = {**G20, "chn": "People's Republic of China", "kor": "South Korea"}
EP_COUNTRIES["usa"] = "United States of America"

#: Transliterations the sources spell differently.
SPELLINGS = {"shoygu": "shoigu", "muhammad": "mohammed", "abd al-aziz": "abdulaziz"}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("ı", "i")
    for old, new in SPELLINGS.items():
        text = text.replace(old, new)
    return text


def _surname_fits(surname: str, person: Person) -> bool:
    """The reference surname (one or more words) ends, or is inside, one of the names."""
    want = _norm(surname).split()
    assert want, "no surname"
    for name in (person.name, *person.aliases):
        words = re.findall(r"[\w'-]+", _norm(name))
        if any(words[i : i + len(want)] == want for i in range(len(words))):
            return True
    return False


def _cia_surname(raw: str) -> str:
    """CIA style writes the surname in capitals: 'Jorge Marcelo FAURIE' -> 'FAURIE',
    'Ibrahim bin Abd al-Aziz al-ASSAF' -> 'al-ASSAF'."""
    caps = [w for w in raw.split() if (last := w.split("-")[-1]).isupper() and last.isalpha()]
    while caps and len(caps[0]) == 1:
        caps.pop(0)
    while caps and len(caps[-1]) == 1:
        caps.pop()
    return " ".join(caps)  # 'Fernando AZEVEDO E SILVA' -> 'AZEVEDO E SILVA'


@pytest.fixture(scope="module")
def offices() -> Offices:
    """Every G20 office's spells from the two hand-written files, a person's names merged
    across them (a later entry with the same id adds to the earlier one, as in the base)."""
    folder = data_path("actors")
    people: dict[str, Person] = {}
    for name in ("people_ministers.yaml", "people_ministers_g20.yaml"):
        for person in read_yaml(folder / name).people:
            old = people.get(person.id)
            if old is not None:
                aliases = tuple(dict.fromkeys((old.name, *old.aliases, *person.aliases)))
                person = replace(person, aliases=aliases, spells=old.spells + person.spells)
            people[person.id] = person
    found: Offices = defaultdict(list)
    for person in people.values():
        for spell in person.spells:
            if spell.entity in G20 and spell.role in ROLES:
                found[(spell.entity, spell.role)].append((spell, person))
    for spells in found.values():
        spells.sort(key=lambda sp: sp[0].start or dt.date.min)
    return found


def _holders(offices: Offices, key: tuple[str, str], on: dt.date) -> list[Person]:
    return [p for s, p in offices.get(key, []) if s.covers(on)]


def _before(offices: Offices, key: tuple[str, str], on: dt.date) -> list[Person]:
    """Who held the office in the year up to ``on`` but left before it (a stale snapshot)."""
    since = on - dt.timedelta(days=365)
    return [
        p
        for s, p in offices.get(key, [])
        if s.end is not None and since <= s.end < on and s.start is not None and s.start < on
    ]


def test_every_state_and_office_is_covered(offices: Offices) -> None:
    missing = {
        (state, role)
        for state in G20
        for role in ROLES
        if (state, role) not in offices
        and (state, role) not in {("bra", "interior minister"), ("jpn", "interior minister")}
    }
    assert not missing


def test_spells_are_ordered_and_do_not_overlap(offices: Offices) -> None:
    problems = []
    for key, spells in sorted(offices.items()):
        for spell, person in spells:
            if spell.start is None or (spell.end is not None and not spell.start < spell.end):
                problems.append(f"{key}: {person.name} {spell.start}..{spell.end}")
        for (a, pa), (b, pb) in pairwise(spells):
            if a.end is None or (b.start is not None and b.start < a.end - SLACK):
                problems.append(f"{key}: {pa.name} {a.start}..{a.end} / {pb.name} from {b.start}")
    assert not problems, "\n".join(problems)


def test_holders_match_the_cia_directory_2019(shared: Path, offices: Offices) -> None:
    rows = {(r["country"], r["title"]): r["person"] for r in curated.cia_2019(shared)}
    problems = []
    for (state, role), title in CIA_TITLES.items():
        key = (state, role)
        if key in CIA_WRONG:
            continue
        surname = _cia_surname(rows[(G20[state], title)])
        holders = _holders(offices, key, curated.CIA_DAY)
        if len(holders) != 1:
            problems.append(f"{key}: {len(holders)} holders on {curated.CIA_DAY}")
            continue
        candidates = _before(offices, key, curated.CIA_DAY) if key in CIA_STALE else holders
        if not any(_surname_fits(surname, p) for p in candidates):
            got = [p.name for p in candidates]
            problems.append(f"{key}: CIA {surname!r}, ours {got} (stale: {key in CIA_STALE})")
    assert not problems, "\n".join(problems)


def test_foreign_ministers_match_everypolitician_2023(shared: Path, offices: Offices) -> None:
    rows = {
        r["countryLabel"]: r["name"] for r in curated.everypolitician_foreign(shared) if r["name"]
    }
    problems = []
    for state, label in EP_COUNTRIES.items():
        key = (state, "foreign minister")
        holders = _holders(offices, key, curated.EP_DAY)
        if len(holders) != 1:
            problems.append(f"{state}: {len(holders)} holders on {curated.EP_DAY}")
            continue
        candidates = _before(offices, key, curated.EP_DAY) if state in EP_STALE else holders
        surname = rows[label].split()[-1]
        if not any(_surname_fits(surname, p) for p in candidates):
            got = [p.name for p in candidates]
            problems.append(f"{state}: EveryPolitician {rows[label]!r}, ours {got}")
    assert not problems, "\n".join(problems)
