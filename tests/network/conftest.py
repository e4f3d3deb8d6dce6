"""Stores filled with hand-built events that look like coded ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pytest

from realpolitik.model import stable_id
from realpolitik.store import EVENT_COLUMNS, EVENT_SCHEMA, Store
from realpolitik.store.analytics import META_SCHEMA, insert_imported

#: actor id -> (name, country, sector)
ACTORS = {
    "irn": ("Iran", "IRN", "GOV"),
    "isr": ("Israel", "ISR", "GOV"),
    "usa": ("United States", "USA", "GOV"),
    "pse": ("Palestine", "PSE", "GOV"),
    "hamas": ("Hamas", "PSE", "REB"),
    "palestinian-islamic-jihad": ("Palestinian Islamic Jihad", "PSE", "REB"),
    "hezbollah": ("Hezbollah", "LBN", "REB"),
}
#: CAMEO code -> (quad class, Goldstein, PLOVER type)
CODES = {
    "042": (1, 1.9, "CONSULT"), "043": (1, 2.8, "CONSULT"), "051": (1, 3.4, "SUPPORT"),
    "070": (2, 7.0, "AID"), "0234": (1, 3.4, "REQUEST"), "111": (3, -2.0, "ACCUSE"),
    "190": (4, -10.0, "ASSAULT"), "195": (4, -10.0, "ASSAULT"), "181": (4, -9.0, "COERCE"),
}  # fmt: skip

Row = dict[str, Any]


def event(
    source: str,
    target: str,
    code: str,
    day: dt.date,
    *,
    place: str | None = None,
    article: str | None = None,
    evidence: str | None = None,
    n: int = 0,
) -> Row:
    name, country, sector = ACTORS[source]
    tname, tcountry, tsector = ACTORS[target]
    quad, goldstein, plover = CODES[code]
    row: Row = {c: None for c in EVENT_COLUMNS}
    row.update(
        event_id=stable_id(source, target, code, day, place, article, n),
        dataset="realpolitik", article_id=article, date=day,
        source_text=name, source_id=source, source_name=name, source_country=country,
        source_sector=sector, target_text=tname, target_id=target, target_name=tname,
        target_country=tcountry, target_sector=tsector, plover_event=plover, cameo_code=code,
        cameo_root=code[:2], quad_class=quad, goldstein=goldstein, location_country=place,
        confidence=0.9, evidence_text=evidence or f"{name} and {tname} ({code}) on {day}",
    )  # fmt: skip
    return row


def table(rows: list[Row]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


@pytest.fixture
def make_store(tmp_path) -> Callable[[list[Row]], Store]:
    opened: list[Store] = []

    def make(rows: list[Row]) -> Store:
        store = Store.open(tmp_path / f"s{len(opened)}.duckdb")
        events = table(rows)
        meta = pa.Table.from_arrays(
            [events["event_id"], *(pa.nulls(len(rows), f.type) for f in list(META_SCHEMA)[1:])],
            schema=META_SCHEMA,
        )
        insert_imported(store, events, meta)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def gaza_store(make_store) -> Store:
    """Iran backs PIJ and Hamas; Israel and Hamas fight; several reports per event."""
    d = dt.date(2024, 3, 30)
    rows = []
    for k, art in enumerate(("a1", "a2", "a3")):  # one meeting, three articles
        said = "Ziad al-Nakhalah met Iran's foreign minister in Tehran"
        rows.append(event("palestinian-islamic-jihad", "irn", "043", d, place="IRN", article=art,
                          evidence=said, n=k))  # fmt: skip
    rows.append(event("irn", "palestinian-islamic-jihad", "070", d - dt.timedelta(days=20),
                      evidence="Iran supplied weapons to Islamic Jihad"))  # fmt: skip
    rows.append(event("irn", "hamas", "051", d - dt.timedelta(days=10)))
    for k in range(6):
        day = d - dt.timedelta(days=3 * k)
        rows.append(event("isr", "hamas", "195", day, place="PSE",
                          evidence="Israeli aircraft struck Hamas positions in Gaza"))  # fmt: skip
        rows.append(event("hamas", "isr", "190", day, place="ISR"))
    rows.append(event("isr", "irn", "111", d - dt.timedelta(days=2)))
    rows.append(event("usa", "isr", "070", d - dt.timedelta(days=5)))
    rows.append(event("hamas", "usa", "111", d - dt.timedelta(days=7)))
    return make_store(rows)


@pytest.fixture
def ev() -> Callable[..., Row]:
    """The :func:`event` factory (tests have no package to import it from)."""
    return event
