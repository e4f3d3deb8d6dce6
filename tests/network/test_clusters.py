"""Event ≠ report: the clustering rule and its window."""

from __future__ import annotations

import datetime as dt

from realpolitik.network import clusters

D = dt.date(2024, 1, 10)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def test_reports_within_the_window_are_one_event(make_store, ev):
    rows = [ev("isr", "hamas", "195", D, place="PSE", article="a"),
            ev("isr", "hamas", "190", D + _days(1), place="PSE", article="b"),  # same root 19
            ev("isr", "hamas", "195", D + _days(2), place="PSE", article="c")]  # fmt: skip
    frame = clusters(make_store(rows))
    assert list(frame["n_reports"]) == [2, 1]  # day 0 and 1 together; day 2 opens a new event
    assert list(frame["date"].astype(str)) == ["2024-01-10", "2024-01-12"]


def test_the_window_is_a_parameter(make_store, ev):
    rows = [ev("isr", "hamas", "195", D + _days(k), place="PSE", n=k) for k in range(3)]
    store = make_store(rows)
    assert len(clusters(store, days=2)) == 1
    assert len(clusters(store, days=0)) == 3


def test_different_place_type_or_direction_are_different_events(make_store, ev):
    rows = [ev("isr", "hamas", "195", D, place="PSE"),
            ev("isr", "hamas", "195", D, place="LBN"),
            ev("isr", "hamas", "111", D, place="PSE"),
            ev("hamas", "isr", "195", D, place="PSE")]  # fmt: skip
    assert len(clusters(make_store(rows))) == 4


def test_a_report_without_place_joins_the_placed_event(make_store, ev):
    rows = [ev("isr", "hamas", "195", D, place="PSE", article="a"),
            ev("isr", "hamas", "195", D, place=None, article="b")]  # fmt: skip
    frame = clusters(make_store(rows))
    assert len(frame) == 1 and frame["n_reports"].iloc[0] == 2
    assert frame["location_country"].iloc[0] == "PSE"


def test_stored_events_and_query_time_clustering_agree(gaza_store):
    """The network and the dyads read the stored clusters; without them (a read-only store
    from before the table) they cluster at query time, with the same results."""
    from realpolitik.network import edges, relations
    from realpolitik.store.analytics import clusters_ready

    def results() -> tuple:
        frame = edges(gaza_store, until=D + _days(90))
        frame["top_events"] = frame["top_events"].map(
            lambda top: [(e["event_id"], sorted(e["reports"]), e["evidence"]) for e in top]
        )
        series = relations(gaza_store, "isr", "hamas", by="week", normalize=True)
        return frame, series, clusters(gaza_store)

    assert clusters_ready(gaza_store)
    stored = results()
    gaza_store.con.execute("DELETE FROM store_state")
    assert not clusters_ready(gaza_store)
    on_the_fly = results()
    for a, b in zip(stored, on_the_fly, strict=True):
        assert a.equals(b) or a.round(9).astype(str).equals(b.round(9).astype(str)), (a, b)
