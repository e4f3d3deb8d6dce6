"""The packaged gazetteer tables parse, and a malformed one fails with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import DataError
from realpolitik.places import tables
from realpolitik.settings import data_path


def test_packaged_tables_have_source_notes() -> None:
    for name in (
        "admin1.csv",
        "admin1_aliases.csv",
        "well_known.csv",
        "demonyms.csv",
        "stoplist.txt",
    ):
        first = data_path("places", name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# source:"), name


def test_well_known_places_parse() -> None:
    places = dict(tables.well_known_places())
    assert places["Gaza City"].country == "PSE"
    assert places["Bekaa Valley"].name == "Beqaa Valley"


def test_region_aliases_point_at_real_regions() -> None:
    regions = list(tables.region_places())
    names = {name for name, _ in regions}
    assert {"Sagaing", "Nord-Kivu", "Khyber Pakhtunkhwa", "Donetsk"} <= names


def test_bad_number_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "places"
    bad.mkdir()
    (bad / "well_known.csv").write_text(
        "# source: test\nname,aliases,iso3,lat,lon,precision\nNowhere,,XXX,north,1.0,city\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tables, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(DataError, match=r"well_known\.csv:3: column 'lat'"):
        list(tables.well_known_places())
