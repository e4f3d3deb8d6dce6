"""The gazetteer: well-known places, disambiguation by context, mentions with offsets."""

from __future__ import annotations

import pytest

from realpolitik.model import Precision
from realpolitik.places import Gazetteer, normalise


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Deir-ez-Zor", "deir ez zor"),
        ("Deir ez Zor", "deir ez zor"),
        ("the Red Sea", "red sea"),
        ("Maceió", "maceio"),
        ("Sana’a", "sanaa"),
    ],
)
def test_normalise_folds_spelling(text: str, key: str) -> None:
    assert normalise(text) == key


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Gaza City", "PSE", Precision.CITY),
        ("Rafah", "PSE", Precision.CITY),
        ("Khan Younis", "PSE", Precision.CITY),
        ("Jabalia", "PSE", Precision.CITY),
        ("the Red Sea", None, Precision.REGION),
        ("Beqaa Valley", "LBN", Precision.REGION),
        ("Bekaa", "LBN", Precision.REGION),
        ("Khyber Pakhtunkhwa", "PAK", Precision.REGION),
        ("El Fasher", "SDN", Precision.CITY),
        ("Kursk", "RUS", Precision.CITY),
        ("Kursk region", "RUS", Precision.REGION),
        ("Donbas", "UKR", Precision.REGION),
        ("Tehran", "IRN", Precision.CITY),
        ("Kiev", "UKR", Precision.CITY),
        ("Iran", "IRN", Precision.COUNTRY),
        ("U.S.", "USA", Precision.COUNTRY),
        ("Sagaing", "MMR", Precision.REGION),
    ],
)
def test_locate_well_known(
    gaz: Gazetteer, name: str, country: str | None, precision: Precision
) -> None:
    location = gaz.locate(name)
    assert location is not None, name
    assert (location.country, location.precision) == (country, precision)
    assert location.lat is not None and location.lon is not None


def test_locate_uses_country_context(gaz: Gazetteer) -> None:
    assert gaz.locate("Rafah").country == "PSE"  # type: ignore[union-attr]
    assert gaz.locate("Rafah", countries=["EGY"]).country == "EGY"  # type: ignore[union-attr]
    plain = gaz.locate("Georgia")
    american = gaz.locate("Georgia", countries=["USA"])
    assert plain is not None and plain.country == "GEO" and plain.precision is Precision.COUNTRY
    assert american is not None and american.country == "USA"
    assert american.precision is Precision.REGION


def test_locate_unknown_is_none(gaz: Gazetteer) -> None:
    assert gaz.locate("Qwxzzy") is None


@pytest.mark.parametrize("name", ["the village", "area", "the area", "Police", "monument"])
def test_locate_common_nouns_are_not_towns(gaz: Gazetteer, name: str) -> None:
    assert gaz.locate(name) is None


def test_scan_offsets_and_people_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "Hamas leader Ismail Haniyeh met Iran's foreign minister in Tehran, "
        "while Police said the Gaza Strip was shelled."
    )
    found = gaz.scan(text)
    names = [text[s:e] for s, e, _ in found]
    assert names == ["Iran", "Tehran", "Gaza Strip"]
    assert [loc.country for _, _, loc in found] == ["IRN", "IRN", "PSE"]


def test_an_article_and_a_name_are_no_town(gaz: Gazetteer) -> None:
    # GeoNames lists "The Rapid" for Rapid City; a place named with "The" keeps it
    text = "The Rapid Support Forces took El Fasher. Talks were held in The Hague."
    found = [(text[s:e], loc.country) for s, e, loc in gaz.scan(text)]
    assert found == [("El Fasher", "SDN"), ("The Hague", "NLD")]
    primary = gaz.primary("The Rapid Support Forces said they had taken El Fasher.")
    assert primary is not None and primary.country == "SDN"


def test_scan_reads_regions_as_context(gaz: Gazetteer) -> None:
    text = "On 19 February 2022, rebels fired mortars near Pivdenne, Donetsk."
    location = gaz.primary(text)
    assert location is not None
    assert location.country == "UKR"
    assert location.precision is Precision.CITY


def test_scan_does_not_split_hyphenated_names(gaz: Gazetteer) -> None:
    text = "Armed men killed a man in Cihumba (Walungu, Sud-Kivu)."
    found = {text[s:e]: loc for s, e, loc in gaz.scan(text)}
    assert "Sud" not in found
    assert found["Sud-Kivu"].country == "COD"


def test_primary_falls_back_to_demonyms(gaz: Gazetteer) -> None:
    location = gaz.primary("Ukrainian forces shelled the positions overnight.")
    assert location is not None
    assert (location.country, location.precision) == ("UKR", Precision.COUNTRY)


def test_seed_article_places(gaz: Gazetteer, shared) -> None:
    text = (shared / "seed" / "article-2024-03-30.txt").read_text(encoding="utf-8")
    found = gaz.scan(text)
    for start, end, location in found:
        assert text[start:end].lower().replace(" ", "") in location.name.lower().replace(
            " ", ""
        ) or location.name in ("Gaza",), (text[start:end], location)
    names = {loc.name for _, _, loc in found}
    assert {"Gaza", "Iran", "Israel", "Tehran"} <= names


def test_a_town_unknown_here_is_placed_by_its_bracketed_region(gaz: Gazetteer) -> None:
    place = gaz.locate("Natchitoches (Louisiana)")
    assert place is not None and place.country == "USA"
    assert gaz.locate("Nowhereville (Nowhere)") is None


@pytest.mark.parametrize("cue", ["through", "across", "around"])
def test_movement_words_cue_a_small_town(gaz: Gazetteer, cue: str) -> None:
    found = gaz.scan(f"About 200 residents marched {cue} Bungay on Saturday.")
    assert [loc.country for _, _, loc in found] == ["GBR"]
    assert gaz.scan("About 200 residents marched and Bungay said nothing.") == []


def test_a_town_of_that_name_beats_one_that_has_it_as_an_alias(gaz: Gazetteer) -> None:
    place = gaz.locate("Cancun")  # also an alternate name of Changchun, China
    assert place is not None and place.country == "MEX"


def test_a_district_is_a_region(gaz: Gazetteer) -> None:
    place = gaz.locate("Berea district")  # Lesotho's, not Aleppo (Beroea)
    assert place is not None and place.country == "LSO"
