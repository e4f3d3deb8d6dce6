"""Pure-ASGI middleware: API requests in arrival order, and the security headers.

Why arrival order.  One process answers a cached request in well under a millisecond and
a request that needs a query in a few; under load, if cached answers may overtake, a query
waits until every request that arrived after it and hit the cache has been served, and
with many busy clients the slow share's latency grows with the number of clients rather
than with the work queued ahead of it.  Served in arrival order, ``slots`` at a time,
every request waits for the work that arrived before it and no more.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))


class Gate:
    """At most ``slots`` holders at once; the others enter strictly first come, first
    served (asyncio's own primitives do not promise that order).  One event loop only."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.free = slots
        self.waiting: deque[asyncio.Future[None]] = deque()

    async def __aenter__(self) -> None:
        if self.free > 0 and not self.waiting:
            self.free -= 1
            return
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append(ticket)
        try:
            await ticket
        except asyncio.CancelledError:
            if ticket.done() and not ticket.cancelled():
                self._release()  # the slot was handed over just as we gave up: pass it on
            else:
                self.waiting.remove(ticket)
            raise

    async def __aexit__(self, *exc: object) -> None:
        self._release()

    def _release(self) -> None:
        while self.waiting:
            ticket = self.waiting.popleft()
            if not ticket.done():
                ticket.set_result(None)  # the slot goes straight to the next in line
                return
        self.free += 1


class ArrivalOrder:
    """Requests under ``prefix`` go through one :class:`Gate` of ``slots`` per process."""

    def __init__(self, app: ASGIApp, *, slots: int = 4, prefix: str = "/api/") -> None:
        self.app = app
        self.slots = slots
        self.prefix = prefix
        self._gate: Gate | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        if self._gate is None:  # made on the serving loop
            self._gate = Gate(self.slots)
        async with self._gate:
            await self.app(scope, receive, send)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` on every
    response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in HEADERS if k not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
