"""ICEWS quirks and ACLED versions (updates and deletions)."""

from __future__ import annotations

from realpolitik.store.analytics import delete_originals

ICEWS_HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
                "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
                "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\t"
                "Longitude")  # fmt: skip


def _icews(*rows: str) -> str:
    return "\n".join([ICEWS_HEADER, *rows]) + "\n"


def test_icews_na_sectors_and_duplicate_ids(tmp_path, run, store):
    path = tmp_path / "events.tab"
    path.write_text(_icews(
        "7\t2015-03-01\tIran\tNA\tIran\tConsult\t040\t1\tHamas\t\"Radicals / Extremists / "
        "Fundamentalists,Dissident\"\tOccupied Palestinian Territory\t11\t1\tAFP\tTehran\tNA\t"
        "Tehran\tIran\t35.69\t51.42",
        "7\t2015-03-02\tCitizen (Israel)\tGeneral Population / Civilian / Social\tIsrael\t"
        "Protest\t141\tNA\tNA\tNA\tNA\t12\t1\tAP\tNA\tNA\tNA\tIsrael\tNA\tNA",
        "7\t2015-03-02\tCitizen (Israel)\tNA\tIsrael\tProtest\t141\t-6.5\tNA\tNA\tNA\t13\t1\t"
        "AP\tNA\tNA\tNA\tIsrael\tNA\tNA",
        "8\tnot a date\tIran\tNA\tIran\tConsult\t040\t1\tNA\tNA\tNA\t1\t1\tAP\tNA\tNA\tNA\t"
        "NA\tNA\tNA",
        "9\t2015-03-02\ttoo few columns",
    ), encoding="utf-8")  # fmt: skip
    [r] = run("icews", path)
    assert (r.rows, r.accepted, r.rejected) == (5, 3, 2)
    assert (r.inserted, r.unchanged) == (2, 1)  # (Event ID, Event Date) is the key
    assert sorted(x.line for x in r.rejects) == [5, 6]
    rows = store.con.execute(
        "SELECT source_id, target_id, target_country, goldstein, quad_class, location_country, "
        "lat FROM events ORDER BY date").fetchall()  # fmt: skip
    assert rows[0] == ("irn", "hamas", "PSE", 1.0, 1, "IRN", 35.69)
    assert rows[1][:2] == ("isr-cvl", None) and rows[1][3] == -6.5  # NA intensity: CAMEO's
    assert rows[1][6] is None


ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
                "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
                "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
                "timestamp")  # fmt: skip


def _acled(*rows: str) -> str:
    return "\n".join([ACLED_HEADER, *rows]) + "\n"


def _row(eid: str, inter: str, notes: str, stamp: int, sub: str = "Air/drone strike") -> str:
    return (f"{eid},2024-03-01,2024,1,Political violence,Explosions/Remote violence,{sub},"
            f"Military Forces of Israel (2022-),,{inter},Hamas Movement,,2,12,,275,Middle East,"
            f"Palestine,Gaza Strip,North Gaza,,Jabalia,31.53,34.48,1,Al Jazeera; WAFA,"
            f"National,\"{notes}\",3,,{stamp}")  # fmt: skip


def test_acled_old_and_new_inter_and_updates(tmp_path, run, store):
    old = tmp_path / "old.csv"
    old.write_text(_acled(_row("PSE1", "1", "first version", 100),
                          _row("PSE2", "1", "kept", 100),
                          "PSE3,not-a-date" + ",x" * 29), encoding="utf-8")  # fmt: skip
    [r] = run("acled", old)
    assert (r.rows, r.accepted, r.rejected, r.inserted) == (3, 2, 1, 2)
    new = tmp_path / "new.csv"
    new.write_text(_acled(_row("PSE1", "State forces", "second version", 200),
                          _row("PSE2", "State forces", "stale", 50)), encoding="utf-8")  # fmt: skip
    [u] = run("acled", new)
    assert (u.inserted, u.updated, u.unchanged) == (0, 1, 1)
    rows = dict(store.con.execute("SELECT original_id, evidence_text FROM events").fetchall())
    assert rows == {"PSE1": "second version", "PSE2": "kept"}
    actors = store.con.execute("SELECT DISTINCT source_id, target_id, cameo_code, "
                               "location_country FROM events").fetchall()  # fmt: skip
    assert actors == [("isr", "hamas-movement", "195", "PSE")]
    version = store.con.execute("SELECT max(version), max(n_sources) FROM event_meta").fetchall()
    assert version == [(200, 2)]
    assert delete_originals(store, "acled", ["PSE2", "NOPE"]) == 1
    assert store.con.execute("SELECT count(*) FROM event_meta").fetchall() == [(1,)]
