"""Heads of state and government built from the Wikidata history (labels often Portuguese
or full official forms) get the names the English news uses as aliases: English labels of
their QID, the REIGN / Archigos name of the same spell, a monarch's regnal name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType

import pytest

from realpolitik.actors import ActorBase


@pytest.mark.parametrize(
    ("name", "regnal"),
    [
        ("Harald V da Noruega", "Harald V"),
        ("Felipe VI of Spain", "Felipe VI"),
        ("Albert II, Prince of Monaco", "Albert II"),
        ("Hans-Adam II do Liechtenstein", "Hans-Adam II"),
        ("Abdullah II", None),  # no realm to cut off
        ("Aksel V. Johannesen", None),  # an initial, no regnal number
        ("Carlos XVI Gustavo da Suécia", None),
    ],
)
def test_regnal_alias(build: ModuleType, name: str, regnal: str | None) -> None:
    assert build._regnal_alias(name) == regnal


def test_regnal_aliases_prefer_the_english_name(build: ModuleType) -> None:
    assert build._regnal_aliases("Harald V da Noruega", []) == ["Harald V"]
    assert build._regnal_aliases("Filipe VI da Espanha", ["Felipe VI of Spain"]) == [
        "Felipe VI",
        "Filipe VI",
    ]
    # the Portuguese form of another English name: no "Carlos III" for Charles III
    assert build._regnal_aliases("Carlos III do Reino Unido", ["Charles III"]) == []


@pytest.mark.parametrize(
    ("name", "other", "new"),
    [
        ("Abiy Ahmed Ali", "Abiy Ahmed", True),
        ("Abiy Ahmed Ali", "Abiy  Ahmed ALI", False),  # the same name
        ("Teodoro Obiang Nguema Mbasogo", "Nguema Mbasogo", False),  # a surname
        ("Mark Rutte", "M. Rutte", False),  # an initial
        ("Nicéphore Soglo", "Soglo, N", False),
        ("Harald V da Noruega", "Harald V", True),
        ("Michael Higgins", "Michael D. Higgins", True),  # a middle initial is a name
        ("Hage Geingob", "Geingob", False),  # one word
    ],
)
def test_new_name(build: ModuleType, name: str, other: str, new: bool) -> None:
    assert build._new_name(name, other) is new


def test_label_aliases_need_a_shared_word_or_a_checked_label(build: ModuleType) -> None:
    labels = [("Abiy Ahmed", "eth", True), ("Abiy Ahmed Ali", "eth", True)]
    assert build._label_aliases("Abiy Ahmed Ali", {"eth"}, labels) == ["Abiy Ahmed"]
    # a checked (2022) label of the person's state: another transliteration
    dbeibeh = [("Abdul Hamid Dbeibeh", "lby", True)]
    assert build._label_aliases("Abdulhamid Dabaiba", {"lby"}, dbeibeh) == ["Abdul Hamid Dbeibeh"]
    assert build._label_aliases("Abdulhamid Dabaiba", {"tun"}, dbeibeh) == []
    # a vandalised 2026 label ("Ben Do" for Tuvalu's prime minister) shares no word
    assert build._label_aliases("Feleti Teo", {"tuv"}, [("Ben Do", "tuv", False)]) == []
    assert (
        build._label_aliases("Siaosi Sovaleni", {"ton"}, [("Hu'akavameiliku", "ton", True)]) == []
    )


def test_english_labels(build: ModuleType, tmp_path: Path) -> None:
    folder = tmp_path / "everypolitician_world_leaders"
    folder.mkdir()
    head = "countryid,country,position,positionLabel,officeholder,officeholderLabel,"
    head += "start_year,end_year\n"
    (folder / "world_leaders_wikidata_2022-10.csv").write_text(
        head + "Q115,Ethiopia,Q1,Prime Minister,Q50365049,Abiy Ahmed Ali,2018,\n"
    )
    (folder / "world_leaders_wikipedia_2022-10.csv").write_text(
        "continent,country,position,positionlabel,officeholder,officeholderlabel,"
        "start_year,end_year\n"
        "Africa,Angola,Q2,President of Angola,Q28650390,João Lourenço (politician),2017,\n"
    )
    (folder / "world_leaders_wikidata_2026_index_subset_start2023plus.csv").write_text(
        head
        + "Q403,Serbia,Q3,Prime Minister,Q135,Q42478807,2025,\n"
        + "Q672,Tuvalu,Q4,Prime Minister,Q136,Ben Do,2024,\n"
    )
    labels = build._english_labels(tmp_path, {"ethiopia": "eth", "angola": "ago"})
    assert labels == {
        "Q50365049": [("Abiy Ahmed Ali", "eth", True)],
        "Q28650390": [("João Lourenço", "ago", True)],
        "Q136": [("Ben Do", "", False)],
    }


@pytest.mark.parametrize(
    ("name", "forms", "aliases"),
    [
        ("Abiy Ahmed Ali", ["Abiy Ahmed"], ["Abiy Ahmed"]),
        ("Boris Iéltsin", ["Yeltsin", "Boris Yeltsin"], ["Boris Yeltsin"]),
        ("Irfaan Ali", ["Ali", "Mohamed Irfaan Ali"], ["Mohamed Irfaan Ali"]),
        ("Václav Klaus", ["Klaus", "Josef Klaus"], []),  # a namesake's page
        ("Franjo Gregurić", ["Franjo Tuđman"], []),  # the president of the same days
        ("Saad al-Abdullah al-Salim al-Sabah", ["Sheikh Sabah Al Ahmad Al Jabir Al Sabah"], []),
        ("Anders Fogh Rasmussen", ["Fogh Rasmussen"], []),  # a surname: given elsewhere
        ("Mark Rutte", ["M. Rutte"], []),
    ],
)
def test_reference_aliases(
    build: ModuleType, name: str, forms: list[str], aliases: list[str]
) -> None:
    assert build._reference_aliases(name, forms) == aliases


def test_unclaimed_aliases(build: ModuleType) -> None:
    new = {
        "a": {"Xavier Yu": "label", "Zoe Wu": "label", "ZOE WU": "reference"},
        "b": {"Xavier Yu": "reference", "Quinn Ray": "regnal"},
    }
    taken = {"quinn-ray": {"c"}, "zoe-wu-jr": {"c"}}
    # shared by two new people: neither; another person's name: not; one slug: the first
    assert build._unclaimed(new, taken) == {"a": {"Zoe Wu": "label"}, "b": {}}


@pytest.mark.parametrize(
    ("mention", "day", "country", "role"),
    [
        ("Abiy Ahmed", "2018-06-01", "ETH", "head of government"),  # Wikidata: Abiy Ahmed Ali
        ("Harald V", "2018-06-01", "NOR", "head of state"),  # Harald V da Noruega
        ("Felipe VI", "2018-06-01", "ESP", "head of state"),  # Filipe VI da Espanha
        ("Abdul Hamid Dbeibeh", "2022-01-01", "LBY", "head of government"),
        ("Luis Arce", "2022-01-01", "BOL", "head of state"),  # Luis Alberto Arce Catacora
        ("Daniel arap Moi", "1995-01-01", "KEN", "head of state"),  # from Archigos
    ],
)
def test_leaders_by_their_english_names(
    kb: ActorBase, mention: str, day: str, country: str, role: str
) -> None:
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None and actor.person is not None
    assert (actor.country, actor.role) == (country, role)
