"""A response cache for the read-only API (pure ASGI, in front of routing).

The store does not change while it is served, so the answer to a GET is a function of its
path and query: successful ``/api/`` answers are kept, least recently used first out, within
a bound on entries and bytes.  Query parameters are sorted, so ``?a=1&b=2`` and ``?b=2&a=1``
share an entry (repeated keys keep their order: it matters for ``between``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ResponseCache:
    def __init__(
        self, app: ASGIApp, *, max_entries: int = 4096, max_bytes: int = 64 * 2**20,
        max_entry_bytes: int = 2 * 2**20, prefix: str = "/api/",
    ) -> None:  # fmt: skip
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.prefix = prefix
        self._entries: OrderedDict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = (
            OrderedDict()
        )
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(scope: Scope) -> str:
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        pairs.sort(key=lambda kv: kv[0])  # stable: a repeated name keeps its values' order
        return f"{scope['path']}?{urlencode(pairs)}"

    def _get(self, key: str) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return found

    def _put(self, key: str, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > self.max_entry_bytes:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (status, headers, body)
            self._bytes += len(body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, _, old) = self._entries.popitem(last=False)
                self._bytes -= len(old)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        key = self.key(scope)
        found = self._get(key)
        if found is not None:
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    headers = [(k, v) for k, v in start.get("headers", [])]
                    self._put(key, 200, headers, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)
