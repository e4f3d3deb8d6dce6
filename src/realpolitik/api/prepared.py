"""Event records encoded as JSON once, not per request.

The store is opened read-only while it is served, so an event's record (SPEC.md's shape
plus the trigger and actor marks in its evidence sentence) never changes: building it is
Python work (row to nested dicts, marks, dates, JSON) that a page of 50 events would
otherwise repeat on every request.  A store of up to ``eager_limit`` events is encoded
whole when the server starts (two queries and well under a second for the sample store);
a bigger one is encoded a page at a time, as pages are asked for, keeping the ``keep``
most recently encoded.  Either way a request still runs its own query for *which* events
match; only the records' encoding is shared.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from realpolitik.api.records import jsonable, marked_event
from realpolitik.store import Store
from realpolitik.store.web import all_event_rows, event_rows, evidence_mentions

EAGER_LIMIT = 50_000
KEEP = 20_000


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of plain (already JSON-safe) data."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()


@dataclass(frozen=True, slots=True)
class Encoded:
    json: bytes  # the record, one JSON object
    article_id: str | None
    mentions: int  # actor mentions inside the evidence sentence


class EventJson:
    """Event id -> its encoded record.  Thread-safe; share one per served store."""

    def __init__(self, *, eager_limit: int = EAGER_LIMIT, keep: int = KEEP) -> None:
        self.eager_limit = eager_limit
        self.keep = keep
        self.complete = False  # every stored event is encoded (an unknown id is no event)
        self._by_id: dict[str, Encoded] = {}
        self._lock = threading.Lock()

    def prepare(self, store: Store) -> None:
        """Encode every event now when the store is small enough."""
        row = store.con.execute("SELECT count(*) FROM events").fetchone()
        if row is None or int(row[0]) > self.eager_limit:
            return
        encoded = _encode(all_event_rows(store), evidence_mentions(store, None))
        with self._lock:
            self._by_id = encoded
            self.complete = True

    def get(self, store: Store, event_ids: Sequence[str]) -> list[Encoded]:
        """The encoded records of ``event_ids`` (ids not in the store are left out)."""
        if self.complete:  # never changes again: no lock needed
            by_id = self._by_id
            return [by_id[i] for i in event_ids if i in by_id]
        with self._lock:
            have = {i: self._by_id[i] for i in event_ids if i in self._by_id}
        missing = [i for i in event_ids if i not in have]
        if missing:
            fresh = _encode(event_rows(store, missing), evidence_mentions(store, missing))
            with self._lock:
                if len(self._by_id) + len(fresh) > self.keep:  # drop the oldest quarter
                    drop = max(len(self._by_id) // 4, len(fresh))
                    for old in list(islice(self._by_id, drop)):
                        del self._by_id[old]
                self._by_id.update(fresh)
            have.update(fresh)
        return [have[i] for i in event_ids if i in have]

    def one(self, store: Store, event_id: str) -> Encoded | None:
        got = self.get(store, [event_id])
        return got[0] if got else None


def _encode(
    rows: Sequence[dict[str, Any]], mentions: dict[str, list[dict[str, Any]]]
) -> dict[str, Encoded]:
    out = {}
    for row in rows:
        event_id = str(row["event_id"])
        marks = mentions.get(event_id, [])
        record = jsonable(marked_event(row, marks))
        out[event_id] = Encoded(dumps(record), row.get("article_id"), len(marks))
    return out


def json_array(items: Sequence[bytes]) -> bytes:
    return b"[" + b",".join(items) + b"]"
