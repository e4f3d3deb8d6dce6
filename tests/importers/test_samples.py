"""Every real sample under shared/data/eventdata imports: rows = accepted + rejected."""

from __future__ import annotations

import pytest

SAMPLES = [
    ("gdelt", "gdelt1/gdelt1_events_sample_mixed_57_58col.tsv", 710),
    ("gdelt", "gdelt1/gdelt1_reduced_dyadic_1979_sample.tsv", 999),
    ("gdelt", "gdelt2/20191024143000.export.CSV", 2111),
    ("icews", "icews/events.2018.sample.tab", 3705),
    ("acled", "acled/acled_sample_2022H1_global_9000.csv", 9000),
    ("acled", "acled/acled_sample_argentina_326.csv", 326),
]


@pytest.mark.parametrize(("dataset", "name", "rows"), SAMPLES)
def test_sample_imports(shared, run, store, dataset, name, rows):
    [result] = run(dataset, shared / "data" / "eventdata" / name)
    assert result.rows == rows
    assert result.rows == result.accepted + result.rejected
    assert result.accepted == result.inserted + result.updated + result.unchanged
    assert result.rejected <= rows // 100
    stored = store.con.execute("SELECT count(*), count(source_id), count(cameo_code) FROM events "
                               "WHERE dataset = ?", [dataset]).fetchall()[0]  # fmt: skip
    assert stored[0] == result.inserted
    assert stored[1] > 0.5 * stored[0]


def test_gdelt2_quads_match_the_source(shared, run, store):
    run("gdelt", shared / "data" / "eventdata" / "gdelt2" / "20191024143000.export.CSV")
    counts = dict(
        store.con.execute("SELECT quad_class, count(*) FROM events GROUP BY 1").fetchall()
    )
    assert counts == {1: 1222, 2: 281, 3: 271, 4: 337}  # SOURCE.md
    places = store.con.execute("SELECT count(*) FROM events WHERE location_country IS NOT NULL "
                               "AND length(location_country) = 3").fetchall()[0][0]  # fmt: skip
    assert places > 1800


def test_icews_sample_actors(shared, run, store):
    run("icews", shared / "data" / "eventdata" / "icews" / "events.2018.sample.tab")
    ids = dict(store.con.execute(
        "SELECT source_text, any_value(source_id) FROM events GROUP BY 1").fetchall())  # fmt: skip
    assert ids["Foreign Affairs (Bangladesh)"] == "bgd"
    assert ids["Police (India)"] == "ind"
    assert ids["Citizen (India)"] == "ind-cvl"
    assert ids["Russia"] == "rus"
    assert ids["European Union"] == "european-union"
