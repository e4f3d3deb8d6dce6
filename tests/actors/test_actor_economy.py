"""Finance ministers and central bank governors (``people_economy.yaml``), checked against the
dated reference data in ``shared/data/actors_ref``: the CIA cabinet directory (~2019-10-06).

The office holder of a date is looked up in every hand-written people file together, so a
holder another file dates for the same office counts and a clash between files fails."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Spell
from realpolitik.actors.loader import read_yaml

ECONOMY = curated.DATA / "people_economy.yaml"

FINANCE = "finance minister"
BANK = "governor of the central bank"
RANKS = {FINANCE: 45, BANK: 50}

#: The states this file covers, by their names in the CIA directory (the United States is not
#: in the 2019 scrape).
STATES = {
    "Argentina": "arg",
    "Australia": "aus",
    "Bangladesh": "bgd",
    "Brazil": "bra",
    "Canada": "can",
    "China": "chn",
    "Egypt": "egy",
    "Ethiopia": "eth",
    "France": "fra",
    "Germany": "deu",
    "Greece": "grc",
    "India": "ind",
    "Indonesia": "idn",
    "Iran": "irn",
    "Iraq": "irq",
    "Ireland": "irl",
    "Israel": "isr",
    "Italy": "ita",
    "Japan": "jpn",
    "Kenya": "ken",
    "Korea, South": "kor",
    "Mexico": "mex",
    "Netherlands": "nld",
    "Nigeria": "nga",
    "Pakistan": "pak",
    "Poland": "pol",
    "Portugal": "prt",
    "Qatar": "qat",
    "Russia": "rus",
    "Saudi Arabia": "sau",
    "South Africa": "zaf",
    "Spain": "esp",
    "Sri Lanka": "lka",
    "Turkey": "tur",
    "Ukraine": "ukr",
    "United Arab Emirates": "are",
    "United Kingdom": "gbr",
    "United States": "usa",
    "Venezuela": "ven",
}
ECB = "ecb"
ENTITIES = {*STATES.values(), ECB}

#: Offices the file leaves out (dates not established).
NO_OFFICE = {("eth", BANK), ("are", BANK), (ECB, FINANCE)}

LAST_DAY = dt.date(2025, 12, 31)  # no spell runs past the last day established

#: Stretches with no dated holder, as the file's opening comment lists them: a date from
#: 2005-01-01 to 2025-07-01 (1 January and 1 July) without a holder must fall in one, and each
#: must still hold such a date.  ``LATER`` marks an office whose holder is known only to
#: 2025-06-30 or earlier.
LATER = (dt.date(2025, 7, 1), dt.date(2025, 12, 31))


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


GAPS: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {
    ("usa", FINANCE): [(_d("2006-07-01"), _d("2006-07-09"))],  # Robert Kimmitt acting
    ("arg", FINANCE): [(_d("2008-04-26"), _d("2009-07-06"))],
    ("arg", BANK): [(_d("2005-01-01"), _d("2013-11-17"))],
    ("are", FINANCE): [(_d("2021-03-25"), _d("2021-09-24")), LATER],
    ("bgd", FINANCE): [(_d("2005-01-01"), _d("2009-01-05"))],
    ("bgd", BANK): [(_d("2005-01-01"), _d("2005-04-30"))],
    ("egy", BANK): [(_d("2025-01-01"), _d("2025-12-31"))],
    ("esp", BANK): [(_d("2024-06-11"), _d("2024-08-31"))],  # Margarita Delgado acting
    ("eth", FINANCE): [(_d("2016-11-02"), _d("2018-04-18")), LATER],
    ("grc", FINANCE): [(_d("2012-06-22"), _d("2012-07-04"))],
    ("grc", BANK): [(_d("2005-01-01"), _d("2008-06-19"))],
    ("idn", BANK): [(_d("2005-01-01"), _d("2013-05-22"))],
    ("irl", BANK): [(_d("2019-06-01"), _d("2019-08-31"))],
    ("irn", FINANCE): [
        (_d("2005-01-01"), _d("2005-08-23")),
        (_d("2008-04-02"), _d("2009-09-02")),
        (_d("2025-03-03"), _d("2025-12-31")),
    ],
    ("irn", BANK): [(_d("2005-01-01"), _d("2008-08-31")), (_d("2025-01-01"), _d("2025-12-31"))],
    ("irq", FINANCE): [
        (_d("2013-03-02"), _d("2014-09-07")),
        (_d("2016-09-22"), _d("2018-10-24")),
        LATER,
    ],
    ("irq", BANK): [(_d("2012-10-17"), _d("2014-08-31")), LATER],
    ("isr", FINANCE): [(_d("2014-12-03"), _d("2015-05-13"))],
    ("isr", BANK): [(_d("2005-01-01"), _d("2005-04-30"))],
    ("ita", BANK): [(_d("2005-12-20"), _d("2006-01-15"))],
    ("ken", FINANCE): [(_d("2008-07-09"), _d("2009-01-22"))],  # John Michuki acting
    ("ken", BANK): [(_d("2005-01-01"), _d("2007-02-28"))],
    ("kor", FINANCE): [(_d("2005-01-01"), _d("2005-02-28"))],
    ("lka", FINANCE): [(_d("2005-01-01"), _d("2005-11-22"))],
    ("lka", BANK): [(_d("2005-01-01"), _d("2006-06-30")), (_d("2016-07-01"), _d("2016-07-03"))],
    ("mex", FINANCE): [LATER],
    ("nga", FINANCE): [
        (_d("2006-06-02"), _d("2010-04-05")),
        (_d("2011-05-30"), _d("2011-07-31")),
        (_d("2015-05-30"), _d("2015-11-10")),
        (_d("2023-05-30"), _d("2023-08-20")),
        LATER,
    ],
    ("nga", BANK): [(_d("2023-06-10"), _d("2023-09-21"))],
    ("pak", FINANCE): [
        (_d("2007-11-16"), _d("2008-03-30")),
        (_d("2008-05-14"), _d("2013-06-06")),
        (_d("2017-11-02"), _d("2018-08-19")),
    ],
    ("pak", BANK): [
        (_d("2005-12-02"), _d("2006-01-01")),
        (_d("2009-01-02"), _d("2010-09-08")),
        (_d("2017-04-29"), _d("2017-07-06")),
        (_d("2022-05-05"), _d("2022-08-24")),
    ],
    ("pol", FINANCE): [(_d("2005-01-01"), _d("2007-11-15"))],
    ("prt", BANK): [LATER],
    ("qat", FINANCE): [LATER],
    ("qat", BANK): [(_d("2005-01-01"), _d("2005-12-31")), LATER],
    ("sau", BANK): [(_d("2005-01-01"), _d("2016-05-06")), (_d("2020-12-01"), _d("2025-12-31"))],
    ("ukr", FINANCE): [(_d("2005-01-01"), _d("2005-02-03")), (_d("2009-02-18"), _d("2014-02-26"))],
    ("ven", FINANCE): [(_d("2005-01-01"), _d("2017-10-25")), (_d("2020-01-01"), _d("2025-12-31"))],
    ("ven", BANK): [(_d("2005-01-01"), _d("2018-05-31")), (_d("2020-01-01"), _d("2025-12-31"))],
}

#: CIA directory rows the curated data rightly disagrees with: (state, role) -> why.  The
#: directory is often months out of date.
CIA_EXEMPT = {
    ("arg", FINANCE): "stale: Hernan Lacunza succeeded Nicolas Dujovne on 2019-08-20",
    ("grc", FINANCE): "stale: Christos Staikouras succeeded Euclid Tsakalotos on 2019-07-09",
    ("bgd", FINANCE): "stale: A. H. M. Mustafa Kamal succeeded A. M. A. Muhith on 2019-01-07",
    ("eth", FINANCE): "wrong: the row names South Africa's Tito Mboweni; Ahmed Shide was "
    "Ethiopia's finance minister from 2018-10-16",
    ("gbr", FINANCE): "stale: Sajid Javid succeeded Philip Hammond on 2019-07-24",
    ("ind", FINANCE): "stale: Nirmala Sitharaman succeeded Arun Jaitley on 2019-05-31",
    ("ita", FINANCE): "stale: Roberto Gualtieri succeeded Giovanni Tria on 2019-09-05",
    ("ken", FINANCE): "Henry Rotich was suspended on 2019-07-24; Ukur Yattani held the Treasury "
    "(acting) from then",
    ("mex", FINANCE): "stale: Arturo Herrera succeeded Carlos Urzua on 2019-07-09",
    ("nga", FINANCE): "stale: Kemi Adeosun resigned on 2018-09-14 (Zainab Ahmed from then)",
    ("pol", FINANCE): "stale: Jerzy Kwiecinski succeeded Teresa Czerwinska on 2019-06-04",
    ("ukr", FINANCE): "stale: Oleksandr Danylyuk was dismissed on 2018-06-07 (Oksana Markarova "
    "from then)",
    ("are", BANK): "the UAE central bank governors are left out: dates not established",
    ("aus", BANK): "stale: Philip Lowe succeeded Glenn Stevens on 2016-09-18",
    ("bgd", BANK): "stale: Fazle Kabir succeeded Atiur Rahman on 2016-03-20",
    ("esp", BANK): "stale: Pablo Hernandez de Cos succeeded Luis Maria Linde on 2018-06-11",
    ("eth", BANK): "the National Bank of Ethiopia's governors are left out: dates not established",
    ("idn", BANK): "stale: Perry Warjiyo succeeded Agus Martowardojo on 2018-05-24",
    ("ind", BANK): "stale: Shaktikanta Das succeeded Urjit Patel on 2018-12-12",
    ("irl", BANK): "stale: Philip Lane left on 2019-05-31; Gabriel Makhlouf from 2019-09-01",
    ("lka", BANK): "stale: Indrajit Coomaraswamy succeeded Arjuna Mahendran on 2016-07-04",
    ("pak", BANK): "stale: Reza Baqir succeeded Tariq Bajwa on 2019-05-04",
    ("tur", BANK): "stale: Murat Uysal succeeded Murat Cetinkaya on 2019-07-06",
}

#: CIA titles of the two offices.  Australia's finance minister in this file is the Treasurer
#: and Brazil's the Minister of the Economy (2019-2022).
_FINANCE_TITLE = re.compile(
    r"^(minister (of|for) (the )?(finance|economy & finance|treasury & finance"
    r"|economic affairs & finance)(\b.*)?|chancellor of the exchequer"
    r"|cabinet secretary for the national treasury\b.*|secretary of finance & public credit)$",
    re.I,
)
_STATE_FINANCE_TITLE = {"aus": re.compile(r"^treasurer$", re.I), "bra": re.compile(r"^minister of economy$", re.I)}  # fmt: skip
_BANK_TITLE = re.compile(
    r"^(governor|president|chairman) of (the )?.*\b(bank|bundesbank|monetary agency)\b", re.I
)

#: Name matching on the folded words without particles, allowing for transliteration
#: ("Smolii"/"Smoliy", "Husayn"/"Hussein").
same_person = curated.NameMatch(
    threshold=75,
    particles={"al", "el", "bin", "ibn", "de", "acting"},
    spellings={
        "mohamed": "muhammad",
        "mohammed": "muhammad",
        "mohammad": "muhammad",
        "abdallah": "abdullah",
        "ahmed": "ahmad",
        "husayn": "hussein",
    },
    drop_brackets=True,
).same


def test_name_matching() -> None:
    assert same_person("Fuad Hussein", "Fuad HUSAYN")
    assert same_person("Yakiv Smoliy", "Yakiv SMOLIY")
    assert same_person("Muhammad al-Jadan", "Muhammad al-JADAN")
    assert not same_person("Murat Uysal", "Murat CETINKAYA")
    assert not same_person("Philip Lowe", "Glenn Robert STEVENS")


@pytest.fixture(scope="module")
def holders() -> curated.Holders:
    return curated.index_holders(
        curated.read_people(sorted(curated.DATA.glob("people*.yaml"))),
        lambda s: s.entity in ENTITIES and s.role in RANKS,
    )


def test_file_entries_are_well_formed() -> None:
    data = read_yaml(ECONOMY)
    assert len(data.people) >= 350
    names = [p.name for p in data.people]
    assert len(names) == len(set(names))
    for person in data.people:
        assert person.source.startswith("public record"), person.name
        assert person.spells, person.name
        for s in person.spells:
            assert s.entity in ENTITIES and (s.entity, s.role) not in NO_OFFICE, (person.name, s)
            assert s.role in RANKS and s.rank == RANKS[s.role], (person.name, s)
            assert s.sector == ("IGO" if s.entity == ECB else "GOV"), (person.name, s)
            assert s.start is not None and s.end is not None and s.start < s.end, (person.name, s)
            assert dt.date(2005, 1, 1) <= s.end <= LAST_DAY, (person.name, s)


def test_last_holders_say_the_end_is_the_last_day_known() -> None:
    """No spell is left open: the last holder of an office in mid-2025 or later ends on the
    last day known in office, and the spell's source says so."""
    last: dict[tuple[str, str], tuple[str, Spell]] = {}
    for person in read_yaml(ECONOMY).people:
        for s in person.spells:
            key = (s.entity, s.role)
            if s.end is not None and (key not in last or s.end > last[key][1].end):  # type: ignore[operator]
                last[key] = (person.name, s)
    unmarked = [
        (name, s.entity, s.role)
        for name, s in last.values()
        if s.end is not None
        and s.end >= dt.date(2025, 6, 30)
        and "later not established" not in s.source
    ]
    assert len(last) == len(ENTITIES) * 2 - len(NO_OFFICE)
    assert not unmarked


def test_every_state_has_both_offices(holders: curated.Holders) -> None:
    missing = [
        (entity, role)
        for entity in sorted(ENTITIES)
        for role in RANKS
        if (entity, role) not in NO_OFFICE and not holders[(entity, role)]
    ]
    assert not missing


def test_one_holder_at_a_time(holders: curated.Holders) -> None:
    """A successor may start a few days before the predecessor's recorded end (dates to the
    month), no more."""
    assert not curated.office_clashes(holders)


def _check_days() -> Iterator[dt.date]:
    for year in range(2005, 2026):
        yield dt.date(year, 1, 1)
        yield dt.date(year, 7, 1)


def test_gaps_are_the_listed_ones(holders: curated.Holders) -> None:
    unlisted, filled = [], []
    for entity in sorted(ENTITIES):
        for role in RANKS:
            if (entity, role) in NO_OFFICE:
                continue
            gaps = GAPS.get((entity, role), [])
            empty = [
                d
                for d in _check_days()
                if not curated.holders_on(holders, (entity, role), d, end_included=True)
            ]
            unlisted += [(entity, role, str(d)) for d in empty
                         if not any(a <= d <= b for a, b in gaps)]  # fmt: skip
            filled += [(entity, role, str(a)) for a, b in gaps
                       if not any(a <= d <= b for d in empty)]  # fmt: skip
    assert not unlisted, "a stretch without a holder is not listed in GAPS"
    assert not filled, "a listed gap is filled now: drop it from GAPS and the file's comment"


def test_cia_2019_holders_match(shared: Path, holders: curated.Holders) -> None:
    cia: dict[tuple[str, str], list[str]] = defaultdict(list)
    # a state outside this file, or a vacant office (Pakistan's in 2019), gives no row
    for state, title, name in curated.cia_rows(shared, STATES):
        finance = _STATE_FINANCE_TITLE.get(state, _FINANCE_TITLE)
        if finance.search(title):
            cia[(state, FINANCE)].append(name)
        elif _BANK_TITLE.search(title):
            cia[(state, BANK)].append(name)
    assert len(cia) >= 70
    assert all(len(names) == 1 for names in cia.values()), cia
    curated.assert_reference_holders(
        cia, holders, curated.CIA_DAY, same=same_person, exempt=CIA_EXEMPT, end_included=True
    )


@pytest.mark.parametrize(
    ("mention", "day", "country", "sector"),
    [
        ("Jerome Powell", "2020-03-15", "USA", "GOV"),
        ("Jay Powell", "2019-01-10", "USA", "GOV"),
        ("Janet L. Yellen", "2022-06-01", "USA", "GOV"),
        ("Janet Yellen", "2019-06-01", "USA", "ELI"),
        ("Ben Bernanke", "2015-06-01", "USA", "ELI"),
        ("Henry Paulson", "2008-09-15", "USA", "GOV"),
        ("George Osborne", "2012-03-21", "GBR", "GOV"),
        ("George Osborne", "2018-01-01", "GBR", "ELI"),
        ("Mark Carney", "2010-01-01", "CAN", "GOV"),
        ("Mark Carney", "2015-01-01", "GBR", "GOV"),
        ("Wolfgang Schaeuble", "2012-01-01", "DEU", "GOV"),
        ("Christine Lagarde", "2009-01-01", "FRA", "GOV"),
        ("Jean-Claude Trichet", "2015-01-01", "FRA", "ELI"),
        ("Haruhiko Kuroda", "2015-01-01", "JPN", "GOV"),
        ("Elvira Nabiullina", "2022-03-01", "RUS", "GOV"),
        ("Anton Siluanov", "2015-01-01", "RUS", "GOV"),
        ("Zhou Xiaochuan", "2010-01-01", "CHN", "GOV"),
        ("Raghuram Rajan", "2014-01-01", "IND", "GOV"),
        ("Raghuram Rajan", "2018-01-01", "IND", "ELI"),
        ("Guido Mantega", "2010-01-01", "BRA", "GOV"),
        ("Agustin Carstens", "2012-01-01", "MEX", "GOV"),
        ("Sri Mulyani", "2020-01-01", "IDN", "GOV"),
        ("Mehmet Simsek", "2024-01-01", "TUR", "GOV"),
        ("Naci Agbal", "2021-01-01", "TUR", "GOV"),
        ("Ishaq Dar", "2015-01-01", "PAK", "GOV"),
        ("Natalie Jaresko", "2015-06-01", "UKR", "GOV"),
        ("Yanis Varoufakis", "2015-03-01", "GRC", "GOV"),
        ("Yanis Varoufakis", "2016-01-01", "GRC", "ELI"),
        ("Euclid Tsakalotos", "2017-01-01", "GRC", "GOV"),
        ("Jeroen Dijsselbloem", "2015-01-01", "NLD", "GOV"),
        ("Michael Noonan", "2013-01-01", "IRL", "GOV"),
        ("Vitor Gaspar", "2012-01-01", "PRT", "GOV"),
        ("Lamido Sanusi", "2012-01-01", "NGA", "GOV"),
        ("Tito Mboweni", "2020-01-01", "ZAF", "GOV"),
        ("Bezalel Smotrich", "2024-01-01", "ISR", "GOV"),
        ("the Pakistani finance minister", "2024-06-01", "PAK", "GOV"),
    ],
)
def test_names_resolve_on_the_date(
    kb: ActorBase, mention: str, day: str, country: str, sector: str
) -> None:
    curated.assert_resolves(kb, mention, day, country=country, sector=sector)


@pytest.mark.parametrize(
    ("mention", "day"),
    [("Christine Lagarde", "2021-01-01"), ("Mario Draghi", "2015-01-01"),
     ("Jean-Claude Trichet", "2008-01-01")],
)  # fmt: skip
def test_ecb_presidents_resolve_to_the_ecb(kb: ActorBase, mention: str, day: str) -> None:
    curated.assert_resolves(kb, mention, day, id=ECB)


@pytest.mark.parametrize(
    ("mention", "day", "person"),
    [
        ("Finance Minister Aurangzeb", "2024-06-01", "Muhammad Aurangzeb"),
        ("Finance Minister Sitharaman", "2020-02-01", "Nirmala Sitharaman"),
        ("Finance Minister Varoufakis", "2015-03-01", "Yanis Varoufakis"),
        ("German Finance Minister Christian Lindner", "2023-01-01", "Christian Lindner"),
    ],
)
def test_title_and_name_resolve_to_the_holder(
    kb: ActorBase, mention: str, day: str, person: str
) -> None:
    curated.assert_resolves(kb, mention, day, person=person, sector="GOV")
