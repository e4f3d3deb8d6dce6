"""Foreign, defence and interior ministers of the Middle East, North Africa and Sudan
(``people_ministers_mena.yaml``), checked against the dated reference data in
``shared/data/actors_ref``: the CIA cabinet directory (~2019-10-06) and the EveryPolitician
foreign ministers (2023-01-10).

The file only adds what the other hand-written files lack, so the office holder of a date is
looked up in all of them together (``people.yaml``, ``people_ministers.yaml`` and this one)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Person
from realpolitik.actors.loader import read_yaml
from realpolitik.actors.text import fold

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src/realpolitik/data/actors"
MENA = DATA / "people_ministers_mena.yaml"
CURATED = [DATA / "people.yaml", DATA / "people_ministers.yaml", MENA]

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

CIA_DAY = dt.date(2019, 10, 6)
EP_DAY = dt.date(2023, 1, 10)

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

_PARTICLES = {"al", "el", "bin", "ibn", "bint", "ben", "sheikh", "sayyid", "acting"}
_SPELLINGS = {
    "mohamed": "muhammad",
    "mohammed": "muhammad",
    "mohammad": "muhammad",
    "muhammed": "muhammad",
    "abdallah": "abdullah",
    "abdulla": "abdullah",
    "ahmed": "ahmad",
}


def _tokens(name: str) -> list[str]:
    """Folded name words without particles, transliterations unified ("Abd al-Rahman" and
    "Abdulrahman" both give ``abdrahman``)."""
    words = [w for w in re.split(r"[^a-z]+", fold(re.sub(r"\(.*?\)", " ", name))) if w]
    out: list[str] = []
    joined = False
    for word in words:
        if word in _PARTICLES:
            continue
        word = _SPELLINGS.get(word, word)
        word = re.sub(r"^abd(u|e|a)l(?=[a-z]{3})", "abd", word)
        if joined:
            out[-1] += word
            joined = False
        elif word == "abd":
            out.append(word)
            joined = True
        else:
            out.append(word)
    return out


def same_person(a: str, b: str) -> bool:
    """Every word of the shorter name matches a word of the other, allowing for
    transliteration ("Yisrael"/"Israel", "al-Atiyah"/"Al Attiyah", "Nasir"/"Nasser")."""
    x, y = _tokens(a), _tokens(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return all(max(fuzz.ratio(w, v) for v in long_) >= 70 for w in short)


def test_name_matching() -> None:
    assert same_person("Mohammed bin Abdulrahman Al Thani", "MUHAMMAD bin Abd al-Rahman Al Thani")
    assert same_person("Israel Katz", "Yisrael KATZ (Acting)")
    assert same_person("Abdullah bin Zayed Al Nahyan", "ABDALLAH bin Zayid Al Nuhayyan")
    assert not same_person("Nasser Sabah Al-Ahmad Al-Sabah", "MUHAMMAD AL-KHALID al-Hamad al-Sabah")
    assert not same_person("Mohammed al-Hadrami", "Khalid Husayn Muhammad al-YAMANI")


def _people() -> list[Person]:
    return [p for path in CURATED for p in read_yaml(path).people]


def _holders(people: list[Person]) -> dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]]:
    out: dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]] = defaultdict(list)
    for person in people:
        for s in person.spells:
            if s.entity in STATES.values() and s.role in ROLES and s.start is not None:
                out[(s.entity, s.role)].append((person, s.start, s.end or dt.date.max))
    return out


@pytest.fixture(scope="module")
def holders() -> dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]]:
    return _holders(_people())


def _on(holders, state: str, role: str, day: dt.date) -> list[Person]:  # type: ignore[no-untyped-def]
    return [p for p, start, end in holders[(state, role)] if start <= day < end]


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


def test_every_state_has_all_three_offices(
    holders: dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]],
) -> None:
    no_office = {("pse", "defence minister")}  # the Palestinian Authority has no defence ministry
    missing = [
        (state, role)
        for state in STATES.values()
        for role in ROLES
        if (state, role) not in no_office and not holders[(state, role)]
    ]
    assert not missing


def test_spells_do_not_overlap(
    holders: dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]],
) -> None:
    """One holder at a time: a successor may start a few days before the predecessor's
    recorded end (dates to the month), no more."""
    clashes = []
    for (state, role), spells in holders.items():
        spells = sorted(spells, key=lambda s: (s[1], s[2]))
        for (p, _, end), (q, start, _) in itertools.pairwise(spells):
            if p.id != q.id and (end - start).days > 7:
                clashes.append((state, role, p.name, str(end), q.name, str(start)))
    assert not clashes


def _cia_rows(shared: Path) -> Iterator[tuple[str, str, str]]:
    path = shared / "data/actors_ref/cia_world_leaders_2019/cia_world_leaders_2019-10.csv"
    for row in csv.DictReader(path.open(encoding="utf-8")):
        state = STATES.get(row["country"].strip())
        name = row["person"].strip()
        if state is None or not name:
            continue  # a state outside this file, or a vacant office (Iraq's in 2019)
        for role, title in _TITLE:
            if title.search(row["title"].strip()):
                yield state, role, name


def test_cia_2019_holders_match(
    shared: Path, holders: dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]]
) -> None:
    cia: dict[tuple[str, str], list[str]] = defaultdict(list)
    for state, role, name in _cia_rows(shared):
        cia[(state, role)].append(name)
    assert len(cia) >= 45
    wrong = []
    for (state, role), names in sorted(cia.items()):
        ours = _on(holders, state, role, CIA_DAY)
        ok = any(same_person(n, c) for p in ours for n in p.names for c in names)
        if (state, role) in CIA_EXEMPT:
            assert not ok, f"{state} {role} now matches the CIA row: drop the exemption"
            continue
        if not ok:
            wrong.append((state, role, names, [p.name for p in ours]))
    assert not wrong


def test_everypolitician_2023_foreign_ministers_match(
    shared: Path, holders: dict[tuple[str, str], list[tuple[Person, dt.date, dt.date]]]
) -> None:
    path = shared / "data/actors_ref/everypolitician_world/sources_foreign_wikidata.csv"
    ep: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(path.open(encoding="utf-8")):
        state = STATES.get(row["countryLabel"].strip())
        if state is not None:
            ep[state].append(row["name"])  # Yemen has two rows: the government's and the Houthis'
    assert len(ep) >= 17
    wrong = []
    for state, names in sorted(ep.items()):
        ours = _on(holders, state, "foreign minister", EP_DAY)
        ok = any(same_person(n, e) for p in ours for n in p.names for e in names)
        if state in EP_EXEMPT:
            assert not ok, f"{state} now matches EveryPolitician: drop the exemption"
            continue
        if not ok:
            wrong.append((state, names, [p.name for p in ours]))
    assert not wrong


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load(user=False)


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
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None and actor.person == person and actor.sector == "GOV"
