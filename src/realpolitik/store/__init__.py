"""The event store: one DuckDB file, written in all-or-nothing batches."""

from realpolitik.store.duck import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    FACT_COLUMNS,
    ActorQuery,
    Filter,
    IngestCounts,
    Store,
    event_record,
    events_table,
    fact_record,
)

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_SCHEMA",
    "FACT_COLUMNS",
    "ActorQuery",
    "Filter",
    "IngestCounts",
    "Store",
    "event_record",
    "events_table",
    "fact_record",
]
