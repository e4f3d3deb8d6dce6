"""Opposition leaders (``people_opposition.yaml``): the leaders of the main opposition parties
and prominent opposition figures, role ``opposition leader``, sector OPP, rank 60.

The file is checked on its own (well-formed; one leader of the opposition at a time where the
post is a single office), against the rest of the base (a person already there is merged under
the existing name, never duplicated; no opposition spell while the person holds a government
office) and against the dated Wikidata heads of state and government in
``shared/data/actors_ref``: an opposition leader is never the state's leader on the same day,
and one who came to power hands over on the day the reference starts the leadership.  The
resolver must then give the person's country and sector OPP on a date, the government office
once in power, and an ex-elite (ELI) once out of the opposition."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import defaultdict
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.base import packaged_files
from realpolitik.actors.entries import Person
from realpolitik.actors.loader import read_files, read_yaml

OPPOSITION = curated.DATA / "people_opposition.yaml"

ROLE, SECTOR, RANK = "opposition leader", "OPP", 60
LAST_DAY = dt.date(2025, 12, 31)  # a spell still running at the time of writing ends here

# fmt: off
STATES = {
    "gbr", "aus", "can", "nzl", "isr", "ind", "pak", "bgd", "tur", "rus", "blr", "ukr", "geo",
    "arm", "srb", "hun", "pol", "deu", "fra", "ita", "esp", "ven", "bra", "mex", "arg", "zaf",
    "nga", "ken", "uga", "tza", "zwe", "zmb", "sen", "cod", "eth", "egy", "tun", "irn", "lbn",
    "kor", "jpn", "twn", "mmr", "khm", "tha",
}
# fmt: on

#: States where the file records a single office (the leader of the opposition, or the
#: leader of the largest opposition party): one holder at a time.  The people named beside
#: a state are opposition figures recorded alongside that office holder.
SINGLE_OFFICE = {
    "gbr": set(),
    "aus": set(),
    "can": set(),
    "nzl": set(),
    "isr": set(),
    "esp": set(),
    "jpn": set(),
    "twn": set(),
    "ind": {"Mallikarjun Kharge"},  # the Rajya Sabha's leader of the opposition
    "deu": {"Alice Weidel"},
    "tur": {"Selahattin Demirtaş", "Meral Akşener", "Ekrem İmamoğlu"},
    "zaf": {"Julius Malema", "Jacob Zuma"},
}

#: Opposition spells that overlap a government office recorded elsewhere in the base, where
#: the other record is wrong or is a claim: person -> why.
IN_OFFICE_EXEMPT = {
    "Kevin Rudd": "the Wikidata premiership starts on 2007-03-12; he was sworn in on 2007-12-03",
    "Juan Guaidó": "Wikidata records the disputed interim presidency (2019-2023) as an office",
}
#: The same against the Wikidata reference itself, where people_corrections.yaml has since
#: fixed the base's copy.
REFERENCE_EXEMPT = {
    **IN_OFFICE_EXEMPT,
    "Salome Zurabishvili": "the Wikidata presidency has no end; it ended on 2024-12-29",
}


#: People who came to power on the day their opposition spell ends: (person, entity).
HANDOVERS = [
    ("David Cameron", "gbr"),
    ("Keir Starmer", "gbr"),
    ("Tony Abbott", "aus"),
    ("Anthony Albanese", "aus"),
    ("Stephen Harper", "can"),
    ("John Key", "nzl"),
    ("Jacinda Ardern", "nzl"),
    ("Christopher Luxon", "nzl"),
    ("Benjamin Netanyahu", "isr"),
    ("Nawaz Sharif", "pak"),
    ("Imran Khan", "pak"),
    ("Shehbaz Sharif", "pak"),
    ("Sheikh Hasina", "bgd"),
    ("Viktor Yanukovytch", "ukr"),
    ("Bidzina Ivanichvili", "geo"),
    ("Nikol Pashinyan", "arm"),
    ("Tomislav Nikolić", "srb"),
    ("Viktor Orbán", "hun"),
    ("Donald Tusk", "pol"),
    ("Angela Merkel", "deu"),
    ("Friedrich Merz", "deu"),
    ("Silvio Berlusconi", "ita"),
    ("Giorgia Meloni", "ita"),
    ("Mariano Rajoy", "esp"),
    ("Pedro Sánchez", "esp"),
    ("Luiz Inácio Lula da Silva", "bra"),
    ("Andrés Manuel López Obrador", "mex"),
    ("Muhammadu Buhari", "nga"),
    ("Hakainde Hichilema", "zmb"),
    ("Macky Sall", "sen"),
    ("Félix Tshisekedi", "cod"),
    ("Moon Jae-in", "kor"),
    ("Lee Jae-myung", "kor"),
    ("Yukio Hatoyama", "jpn"),
    ("Shinzō Abe", "jpn"),
    ("Ma Ying-jeou", "twn"),
    ("Tsai Ing-wen", "twn"),
    ("Abhisit Vejjajiva", "tha"),
]

#: Name matching on the folded words (one-letter words and particles left out), allowing for
#: spelling ("Iúlia Timochenko"/"Yulia Tymoshenko" need an alias; "Shinzō"/"Shinzo" do not).
same_person = curated.NameMatch(
    threshold=80,
    particles={"de", "da", "do", "dos", "del", "la", "le", "van", "von", "al", "el", "bin"},
    min_length=2,
).same


def test_name_matching() -> None:
    assert same_person("Shinzō Abe", "Shinzo Abe")
    assert same_person("Luiz Inácio Lula da Silva", "Lula da Silva")
    assert not same_person("Jarosław Kaczyński", "Lech Kaczyński")
    assert not same_person("Ed Miliband", "David Miliband")


@pytest.fixture(scope="module")
def mine() -> list[Person]:
    return list(read_yaml(OPPOSITION).people)


@pytest.fixture(scope="module")
def others() -> dict[str, Person]:
    """The people of every other packaged file, merged."""
    return {
        p.id: p for p in read_files(p for p in packaged_files() if p.name != OPPOSITION.name).people
    }


def test_file_entries_are_well_formed(mine: list[Person]) -> None:
    assert len(mine) >= 150
    assert sum(len(p.spells) for p in mine) >= 170
    for person in mine:
        assert person.source and person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            assert s.entity in STATES, (person.name, s.entity)
            assert (s.role, s.sector, s.rank) == (ROLE, SECTOR, RANK), (person.name, s)
            assert s.start is not None and s.end is not None and s.start < s.end, (person.name, s)
            assert dt.date(2005, 1, 1) <= s.end <= LAST_DAY, (person.name, s)
        spells = sorted(person.spells, key=lambda s: s.start)
        for a, b in itertools.pairwise(spells):
            assert a.entity != b.entity or a.end < b.start, (person.name, a, b)
    assert {s.entity for p in mine for s in p.spells} == STATES


def test_a_running_spell_says_so(mine: list[Person]) -> None:
    """A spell ended on the last established day says so in its source."""
    for person in mine:
        if any(s.end == LAST_DAY for s in person.spells):
            assert "end of 2025" in person.source, person.name


def test_the_term_gives_the_role() -> None:
    terms = {t.phrase: t for t in read_yaml(curated.DATA / "terms.yaml").terms}
    term = terms[ROLE]
    assert (term.sector, term.role, term.title) == (SECTOR, ROLE, True)


def test_people_are_merged_not_duplicated(mine: list[Person], others: dict[str, Person]) -> None:
    """A person the base already has keeps the existing name (no ``entity`` here, the other
    file gives it); a new person names the state they stand for, if anything."""
    for person in mine:
        if person.id in others:
            assert person.entity is None, person.name
        else:
            assert person.entity in (None, person.spells[0].entity), person.name
    names = {n: p.name for p in others.values() for n in p.names}
    for person in mine:
        if person.id not in others:
            assert not any(n in names for n in person.names), (person.name, person.names)
    assert sum(p.id in others for p in mine) >= 70


def test_one_leader_of_the_opposition_at_a_time(mine: list[Person]) -> None:
    """Where the post is a single office a successor may start a few days before the
    predecessor's recorded end (dates to the month), no more."""
    holders: dict[str, list[tuple[str, dt.date, dt.date]]] = defaultdict(list)
    for person in mine:
        for s in person.spells:
            figures = SINGLE_OFFICE.get(s.entity)
            if figures is not None and person.name not in figures:
                holders[s.entity].append((person.name, s.start, s.end))  # type: ignore[arg-type]
    assert set(holders) == set(SINGLE_OFFICE)
    clashes = [
        (state, p, str(end), q, str(start))
        for state, spells in holders.items()
        for p, end, q, start in curated.overlaps(spells, same=operator.eq)
    ]
    assert not clashes


def test_no_opposition_spell_while_in_office(mine: list[Person], others: dict[str, Person]) -> None:
    """An opposition spell ends when the person takes a government office recorded in the
    base (a one-day overlap on the handover day is allowed)."""
    clashes = set()
    for person in mine:
        other = others.get(person.id)
        for s, g in itertools.product(person.spells, other.spells if other else ()):
            start = max(s.start, g.start or dt.date.min)  # type: ignore[type-var]
            end = min(s.end, g.end or dt.date.max)  # type: ignore[type-var]
            if (end - start).days > 1:
                clashes.add(person.name)
    assert clashes == set(IN_OFFICE_EXEMPT)


def _reference_leaders(shared: Path) -> dict[str, list[tuple[str, dt.date, dt.date]]]:
    out: dict[str, list[tuple[str, dt.date, dt.date]]] = defaultdict(list)
    for row in curated.wikidata_leaders(shared):
        try:
            start = dt.date.fromisoformat(row["start"][:10])
            end = dt.date.fromisoformat(row["end"][:10]) if row["end"] else dt.date.max
        except ValueError:
            continue  # no start, or a malformed date
        out[row["iso3"].lower()].append((row["person"], start, end))
    return out


def test_reference_leaders_agree(shared: Path, mine: list[Person]) -> None:
    leaders = _reference_leaders(shared)
    assert len(leaders) >= 200
    overlaps, handovers = set(), set()
    for person in mine:
        for s in person.spells:
            for name, start, end in leaders[s.entity]:
                if not any(same_person(n, name) for n in person.names):
                    continue
                if (min(s.end, end) - max(s.start, start)).days > 3:  # type: ignore[type-var]
                    overlaps.add(person.name)
                if abs((start - s.end).days) <= 3:  # type: ignore[operator]
                    handovers.add((person.name, s.entity))
    assert overlaps == set(REFERENCE_EXEMPT)
    assert not set(HANDOVERS) - handovers


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Alexei Navalny", "2021-01-17", "Alexei Navalny", "RUS"),
        ("opposition leader Alexei Navalny", "2020-08-20", "Alexei Navalny", "RUS"),
        ("Yulia Navalnaya", "2024-06-01", "Yulia Navalnaya", "RUS"),
        ("Svetlana Tikhanovskaya", "2021-03-01", "Sviatlana Tsikhanouskaya", "BLR"),
        ("opposition leader Keir Starmer", "2022-01-01", "Keir Starmer", "GBR"),
        ("Opposition leader Starmer", "2023-01-01", "Keir Starmer", "GBR"),
        ("Rishi Sunak", "2024-09-01", "Rishi Sunak", "GBR"),
        ("Benjamin Netanyahu", "2022-01-01", "Benjamin Netanyahu", "ISR"),
        ("Opposition leader Lapid", "2023-05-01", "Yair Lapid", "ISR"),
        ("Imran Khan", "2023-06-01", "Imran Khan", "PAK"),
        ("Rahul Gandhi", "2024-07-01", "Rahul Gandhi", "IND"),
        ("Kemal Kilicdaroglu", "2020-06-01", "Kemal Kılıçdaroğlu", "TUR"),
        ("Friedrich Merz", "2023-03-01", "Friedrich Merz", "DEU"),
        ("Peter Dutton", "2023-01-01", "Peter Craig Dutton", "AUS"),
        ("Pierre Poilievre", "2023-01-01", "Pierre Poilievre", "CAN"),
        ("opposition leader María Corina Machado", "2024-07-30", "María Corina Machado", "VEN"),
        ("Bobi Wine", "2021-01-14", "Bobi Wine", "UGA"),
        ("Robert Kyagulanyi", "2021-01-14", "Bobi Wine", "UGA"),
        ("Nelson Chamisa", "2023-08-23", "Nelson Chamisa", "ZWE"),
        ("Raila Odinga", "2017-08-08", "Raila Odinga", "KEN"),
        ("Yulia Tymoshenko", "2012-01-01", "Iúlia Timochenko", "UKR"),
        ("Aung San Suu Kyi", "2010-11-13", "Aung San Suu Kyi", "MMR"),
        ("Tsai Ing-wen", "2010-01-01", "Tsai Ing-wen", "TWN"),
        ("Lee Jae-myung", "2024-04-10", "Lee Jae-myung", "KOR"),
        ("Mir-Hossein Mousavi", "2009-06-20", "Mir-Hossein Mousavi", "IRN"),
        ("Donald Tusk", "2022-06-01", "Donald Tusk", "POL"),
        ("Jaroslaw Kaczynski", "2012-06-01", "Jarosław Kaczyński", "POL"),
        ("Péter Magyar", "2025-06-01", "Péter Magyar", "HUN"),
        ("Marine Le Pen", "2022-04-24", "Marine Le Pen", "FRA"),
    ],
)
def test_opposition_leader_resolves_on_the_date(
    kb: ActorBase, mention: str, day: str, person: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, country=country, sector=SECTOR)


@pytest.mark.parametrize(
    ("mention", "day", "country"),
    [
        ("Keir Starmer", "2025-01-01", "GBR"),
        ("Benjamin Netanyahu", "2023-06-01", "ISR"),
        ("Imran Khan", "2020-06-01", "PAK"),
        ("Friedrich Merz", "2025-06-01", "DEU"),
        ("Anthony Albanese", "2022-06-01", "AUS"),
        ("Donald Tusk", "2024-06-01", "POL"),
    ],
)
def test_government_office_outranks_the_opposition(
    kb: ActorBase, mention: str, day: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, country=country, sector="GOV")


@pytest.mark.parametrize(
    ("mention", "day", "country"),
    [
        ("Alexei Navalny", "2024-06-01", "RUS"),  # after his death
        ("Jeremy Corbyn", "2022-01-01", "GBR"),
        ("Kemal Kılıçdaroğlu", "2024-06-01", "TUR"),
        ("Raila Odinga", "2020-01-01", "KEN"),  # after the handshake
        ("Aung San Suu Kyi", "2022-01-01", "MMR"),  # detained after the coup
        ("Juan Guaidó", "2018-06-01", "VEN"),
    ],
)
def test_out_of_the_opposition_is_an_ex_elite(
    kb: ActorBase, mention: str, day: str, country: str
) -> None:
    curated.assert_resolves(kb, mention, day, country=country, sector="ELI")
