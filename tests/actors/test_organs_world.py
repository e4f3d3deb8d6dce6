"""State organs of the G20, the Middle East and North Africa and other states often in
conflict news (``organs_world.yaml``): legislatures, armed services, intelligence and
police, state news agencies and top courts.  A mention of an organ resolves to its state with
the organ's sector; a name several states' organs share stays unresolved."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors import curated

from realpolitik.actors import ActorBase
from realpolitik.actors.loader import read_yaml

WORLD = curated.DATA / "organs_world.yaml"
DAY = dt.date(2024, 6, 1)


def _organs() -> list:
    return list(read_yaml(WORLD).entities)


def test_every_name_resolves_to_its_own_state_and_sector(kb: ActorBase) -> None:
    wrong = []
    for organ in _organs():
        on = min(organ.end, DAY) if organ.end else max(organ.start or DAY, DAY)
        for name in organ.names:
            actor = kb.resolve(name, on=on)
            got = (actor.id, actor.country, actor.sector) if actor else None
            if got != (organ.part_of, organ.country, organ.sector):
                wrong.append((name, got))
    assert not wrong


def test_ids_and_names_are_new_and_states_match() -> None:
    organs = _organs()
    old = list(read_yaml(curated.DATA / "organs.yaml").entities)
    old_ids = {o.id for o in old}
    old_names = {n.casefold() for o in old for n in o.names}
    assert 200 <= len(organs) <= 320
    assert not {o.id for o in organs} & old_ids
    assert not {n.casefold() for o in organs for n in o.names} & old_names
    assert all(o.part_of == (o.country or "").lower() for o in organs)
    assert all(o.id.startswith(f"{o.part_of}-") for o in organs)


@pytest.mark.parametrize(
    ("mention", "day", "country", "sector"),
    [
        ("the Lok Sabha", "2024-06-01", "IND", "LEG"),
        ("Rajya Sabha", "2019-07-01", "IND", "LEG"),
        ("the National People's Congress", "2018-03-11", "CHN", "LEG"),
        ("the Grand National Assembly", "2017-01-20", "TUR", "LEG"),
        ("the Council of Representatives of Iraq", "2022-10-13", "IRQ", "LEG"),
        ("Jatiya Sangsad", "2024-01-01", "BGD", "LEG"),
        ("the Sejm", "2020-01-01", "POL", "LEG"),
        ("the Legislative Yuan", "2024-05-20", "TWN", "LEG"),
        ("the Wolesi Jirga", "2015-06-22", "AFG", "LEG"),
        # "Senate" and "House of Representatives" alone are the US Congress's; the country
        # named after them wins
        ("the Senate of France", "2020-01-01", "FRA", "LEG"),
        ("the House of Representatives of Libya", "2022-03-01", "LBY", "LEG"),
        ("Xinhua", "2024-06-01", "CHN", "JRN"),
        ("KCNA", "2023-03-01", "PRK", "JRN"),
        ("TASS", "2022-03-01", "RUS", "JRN"),
        ("IRNA", "2024-04-14", "IRN", "JRN"),
        ("WAFA", "2023-10-20", "PSE", "JRN"),
        ("Anadolu Agency", "2020-01-01", "TUR", "JRN"),
        ("Yonhap", "2024-06-01", "KOR", "JRN"),
        ("Middle East News Agency", "2013-07-03", "EGY", "JRN"),  # not the region
        ("SANA", "2018-04-14", "SYR", "JRN"),  # the acronym, as written
        ("Sanaa", "2018-04-14", "YEM", "GOV"),  # Yemen's capital keeps its state
        ("ISPR", "2019-02-27", "PAK", "MIL"),
        ("Basij militia", "2022-10-01", "IRN", "MIL"),
        ("Uganda People's Defence Force", "2021-12-01", "UGA", "MIL"),  # not Myanmar's PDF
        ("FARDC", "2022-06-01", "COD", "MIL"),
        ("the CRPF", "2019-02-14", "IND", "COP"),
        ("Rapid Action Battalion", "2021-12-10", "BGD", "COP"),
        ("Scotland Yard", "2018-03-10", "GBR", "COP"),
        ("the DGSE", "2016-01-01", "FRA", "SPY"),
        ("the BND", "2013-10-25", "DEU", "SPY"),
        ("the NIS", "2024-01-01", "KOR", "SPY"),
        ("the Saudi Royal Court", "2018-10-20", "SAU", "GOV"),  # a royal court, not a court
        ("Sudan's Sovereignty Council", "2020-06-01", "SDN", "GOV"),
        ("the State Administration Council", "2022-06-01", "MMR", "GOV"),
        ("the Guardian Council", "2021-05-25", "IRN", "LEG"),
    ],
)
def test_organ_resolves(kb: ActorBase, mention: str, day: str, country: str, sector: str) -> None:
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    "mention",
    [
        "the National Assembly",
        "the Supreme Court",
        "the Constitutional Court",
        "Shura Council",
        "Council of Representatives",  # Iraq's and Bahrain's
        "House of Councillors",  # Japan's and Morocco's
        "the Diet",  # a common word
        "National Intelligence Service",  # South Korea's, Kenya's, Greece's
        "Joint Chiefs of Staff",  # the United States' and South Korea's
        "Federal Intelligence Service",  # Germany's and Switzerland's
        "National Gendarmerie",  # France's and Argentina's
        "National Guard",
        "Mukhabarat",
        "the Mejlis",  # Turkmenistan's parliament, the Crimean Tatars' assembly
        "the KGB",  # Soviet or Belarusian
        "MENA",  # the region, not Egypt's news agency
        "SPA",  # the Saudi Press Agency or North Korea's Supreme People's Assembly
        "CNSP",  # Mali's junta of 2020 and Niger's of 2023
        "CBI",  # India's police or the British employers' body
        "AFP",  # the news agency, the Australian police, the Philippine army
    ],
)
def test_shared_names_stay_unresolved(kb: ActorBase, mention: str) -> None:
    assert kb.resolve(mention, on=DAY) is None


def test_shared_names_already_owned_are_unchanged(kb: ActorBase) -> None:
    senate = kb.resolve("the Senate", on=DAY)
    assert senate is not None and (senate.id, senate.sector) == ("usa", "LEG")
    # Somali National Army is not "SNA": the Syrian National Army keeps it
    sna = kb.resolve("SNA", on=DAY)
    assert sna is not None and sna.country == "SYR"
    # Tatmadaw stays the group entry, already Myanmar's military
    tatmadaw = kb.resolve("Tatmadaw", on=DAY)
    assert tatmadaw is not None and (tatmadaw.country, tatmadaw.sector) == ("MMR", "MIL")


def test_scan_reads_organs_in_a_sentence(kb: ActorBase) -> None:
    text = "KCNA said the Korean People's Army fired missiles, Yonhap reported, citing the NIS."
    found = [(m.text, m.actor.country, m.actor.sector) for m in kb.scan(text, on=DAY)]
    assert found == [
        ("KCNA", "PRK", "JRN"),
        ("Korean People's Army", "PRK", "MIL"),
        ("Yonhap", "KOR", "JRN"),
        ("NIS", "KOR", "SPY"),
    ]
