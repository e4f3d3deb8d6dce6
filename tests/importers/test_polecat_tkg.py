"""POLECAT files written from its schema, and TKG benchmark directories."""

from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.errors import InputError

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]  # fmt: skip


def _polecat(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(POLECAT_COLUMNS)]
    for row in rows:
        lines.append("\t".join(row.get(c, "None") for c in POLECAT_COLUMNS))
    return "\n".join(lines) + "\n"


def test_polecat(tmp_path, run, store):
    path = tmp_path / "ngec_coded_all_2024-03-30.txt"
    path.write_text(_polecat([
        {"Event ID": "a1", "Event Date": "2024-03-30", "Event Type": "consult",
         "Event Mode": "visit", "Intensity": "1.0", "Quad Code": "VERBAL COOPERATION",
         "Contexts": "diplomatic;military", "Actor Name": "Palestinian Islamic Jihad;Hamas",
         "Actor Country": "PSE", "Primary Actor Sector": "REB",
         "Recipient Name": "Hossein Amirabdollahian", "Recipient Country": "IRN",
         "Primary Recipient Sector": "GOV", "Placename": "Tehran", "Country": "IRN",
         "Latitude": "35.69", "Longitude": "51.42", "Source": "AFP"},
        {"Event ID": "a2", "Event Date": "2024-03-29", "Event Type": "SANCTION",
         "Intensity": "-4", "Actor Name": "United States", "Actor Country": "USA",
         "Recipient Name": "Iran", "Recipient Country": "IRN"},
        {"Event ID": "a3", "Event Date": "2024-03-29", "Event Type": "DANCE"},
    ]), encoding="utf-8")  # fmt: skip
    [r] = run("polecat", path)
    assert (r.rows, r.accepted, r.rejected) == (3, 2, 1)
    rows = store.con.execute(
        "SELECT original_id, source_id, source_text, target_id, plover_event, plover_mode, "
        "plover_context, quad_class, goldstein, cameo_code, location_country FROM events "
        "ORDER BY original_id").fetchall()  # fmt: skip
    assert rows[0] == (
        "a1", "palestinian-islamic-jihad", "Palestinian Islamic Jihad;Hamas", "irn", "CONSULT",
        "visit", "diplomatic|military", 1, 1.0, None, "IRN",
    )  # fmt: skip
    assert (rows[1][1], rows[1][4], rows[1][8]) == ("usa", "SANCTION", -4.0)
    assert rows[1][7] == 4  # no Quad Code: the PLOVER type's quad


def _tkg(folder, train: str) -> None:
    folder.mkdir()
    (folder / "entity2id.txt").write_text(
        "Russia\t0\nUkraine\t1\nBarack_Obama\t2\nCitizen_(Nigeria)\t3\nHamas\t4\n"
    )
    (folder / "relation2id.txt").write_text(
        "Use_conventional_military_force\t0\nMake_a_visit\t1\nConduct_suicide,_car,_or_other_"
        "non_military_bombing\t2\n"
    )
    (folder / "train.txt").write_text(train)
    (folder / "valid.txt").write_text("2\t1\t0\t48\t-1\n")
    (folder / "test.txt").write_text("")


def test_tkg_directory(tmp_path, run, store):
    folder = tmp_path / "ICEWS14"
    _tkg(folder, "0\t0\t1\t0\t-1\r\n4\t2\t3\t24\t-1\r\n9\t0\t1\t24\t-1\r\nx\ty\r\n")
    results = run("tkg", folder)
    assert [(r.rows, r.accepted, r.rejected) for r in results] == [(4, 2, 2), (1, 1, 0), (0, 0, 0)]
    rows = store.con.execute("SELECT date, source_id, cameo_code, target_id FROM events "
                             "ORDER BY date, source_id").fetchall()  # fmt: skip
    assert rows == [
        (dt.date(2014, 1, 1), "rus", "190", "ukr"),
        (dt.date(2014, 1, 2), "hamas", "183", "nga-cvl"),
        (dt.date(2014, 1, 3), "usa", "042", "rus"),  # a head of government acts for the state
    ]


def test_tkg_needs_a_start_date(tmp_path, ref):
    from realpolitik.ingest.importers import tkg

    folder = tmp_path / "MYBENCH"
    _tkg(folder, "0\t0\t1\t5\n")
    with pytest.raises(InputError, match="--start"):
        tkg.parse(folder, ref)
    [train, *_] = tkg.parse(folder, ref, start=dt.date(2000, 1, 1))
    assert str(train.frame["date"].iloc[0].date()) == "2000-01-06"  # day indexes, not hours


@pytest.mark.slow
def test_icews14_network(shared, run, store):
    """Acceptance: Russia-Ukraine in conflict, US-UK in cooperation, blocs with a balance."""
    from realpolitik.network import find_blocs, network

    results = run("tkg", shared / "data" / "tkg" / "ICEWS14")
    assert sum(r.inserted for r in results) == 90730
    year = {"since": dt.date(2014, 1, 1), "until": dt.date(2014, 12, 31)}
    graph = network(store, **year)
    assert graph.edges["rus", "ukr"]["score"] < 0
    assert graph.edges["gbr", "usa"]["score"] > 0
    countries = network(store, level="country", min_events=3, **year)
    assert countries.edges["RUS", "UKR"]["score"] < 0
    report = find_blocs(countries)
    assert report.balance is not None and 0.5 < report.balance <= 1
    assert len(report.blocs) >= 2
