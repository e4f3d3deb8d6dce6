"""Load test of the HTTP API: N concurrent clients on loopback for a fixed time.

    .venv/bin/python benchmarks/bench_api.py [--db STORE] [--clients 100] [--seconds 30]
        [--fresh 0.2] [--workers 2]

Without ``--db`` the bundled sample corpus is coded into a temporary store first (about a
minute).  The server is ``realpolitik serve``'s (``run_server``: uvicorn, ``--workers``
processes, default one per core up to 4) in a child process on 127.0.0.1 and a free port.
The clients are asyncio tasks in this process on keep-alive connections, each sending its
next request as soon as the previous one is answered (no think time).

The mix
-------
Each request is, with probability ``--fresh``, a *fresh* request: one this run has not
sent before, with parameters drawn at random, so that no cache can hold its answer (not
the response cache, not the per-window network cache: network windows, and the dates
actor profiles are read on, are never repeated; see ``Fresh``).  What stays shared
between requests is what the server prepares when it starts: the stored actors, the
knowledge base and each event's JSON record.  Fresh requests are, by weight:

    30  the event explorer: search words (taken from the store's evidence sentences),
        an actor, an event type or quad class, a date window, a page, an order
    10  a dyad's events (``between`` two of the busiest actors, in a window)
     5  a map drill-down (events in a bounding box and window)
    15  the network for a window (day-precise ends; some with a region, actor-kind,
        minimum-score or event-type filter, some at country level)
    10  a dyad's relation series (week or month, from a start date)
    10  an actor profile on a date
    15  facts: listing, series or places, for a kind and a window
     5  the event map's grid cells for a window

The others repeat the dashboard's landing calls (``routes``: overview, first event pages,
the default network and its region and type filters, the busiest dyad and actors, facts,
the map), which a server with a response cache answers from it.

It prints the clients, seconds, requests, errors, throughput, p50/p95/p99 latency overall,
for the repeated and for the fresh requests, the fresh share asked for and the one sent,
a line per kind of fresh request, and the CPU seconds the server processes and this load
generator used, with the load average before and after (other work on the machine slows
both).  Exits 1 if any request failed.  Traffic goes to loopback only and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

SERVER = """
import sys
from realpolitik.cli.serve import run_server
run_server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2]), workers=int(sys.argv[3]))
"""
PLOVER = ("ASSAULT", "ACCUSE", "AGREE", "AID", "CONSULT", "COOPERATE", "THREATEN", "SANCTION")
REGIONS = ("Middle East", "Europe", "Africa", "Asia", "Americas")
KINDS = ("state", "group", "igo")
FACT_KINDS = ("killed", "displaced", "injured", "hostages")
ORDERS = ("date_desc", "date_asc", "goldstein_asc", "confidence_desc")


def sample_store(folder: Path) -> Path:
    from realpolitik.cli.articles import _articles, ingest_articles, sample_corpus
    from realpolitik.store import Store

    path = folder / "sample.duckdb"
    articles, _ = _articles([str(sample_corpus())], date=None, strict=False)
    with Store.open(path) as store:
        ingest_articles(store, articles, progress=False)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Store:
    """What the mix draws from: ids, names, words and dates of the served store."""

    def __init__(self, base: str) -> None:
        info = httpx.get(f"{base}/api/overview", timeout=60).json()
        self.first = dt.date.fromisoformat(info["first_date"])
        self.days = (dt.date.fromisoformat(info["last_date"]) - self.first).days + 1
        listed = httpx.get(f"{base}/api/actors", params={"page_size": 40}, timeout=60).json()
        self.actors = [a["id"] for a in listed["items"]]
        events = httpx.get(f"{base}/api/events", params={"page_size": 200}, timeout=60).json()
        self.event_ids = [e["event_id"] for e in events["items"]]
        text = " ".join(e["evidence"]["text"] or "" for e in events["items"])
        self.words = sorted({w for w in re.findall(r"[A-Za-z]{5,}", text)})[:400] or ["attack"]


class Fresh:
    """Requests never sent before in this run (``seen`` holds every one sent)."""

    def __init__(self, store: Store) -> None:
        self.s = store
        self.seen: set[str] = set()
        self.network_windows: set[tuple[str, str, str]] = set()
        self.profile_days: set[str] = set()
        self.kinds: list[tuple[str, int, Callable[[random.Random], str]]] = [
            ("events", 30, self.events),
            ("events between", 10, self.between),
            ("events bbox", 5, self.bbox),
            ("network", 15, self.network),
            ("relations", 10, self.relations),
            ("actor profile", 10, self.profile),
            ("facts", 15, self.facts),
            ("map cells", 5, self.cells),
        ]

    def draw(self, rng: random.Random) -> tuple[str, str]:
        names = [k[0] for k in self.kinds]
        weights = [k[1] for k in self.kinds]
        for _ in range(100):
            kind = rng.choices(range(len(names)), weights)[0]
            path = self.kinds[kind][2](rng)
            if path not in self.seen:
                self.seen.add(path)
                return names[kind], path
        raise RuntimeError("no unseen request left in the mix")

    def day(self, rng: random.Random, *, lo: int = 0, hi: int | None = None) -> dt.date:
        return self.s.first + dt.timedelta(rng.randrange(lo, hi or self.s.days))

    def window(self, rng: random.Random) -> tuple[dt.date, dt.date]:
        since = self.day(rng, hi=max(self.s.days - 30, 1))
        return since, since + dt.timedelta(rng.randrange(30, 400))

    def events(self, rng: random.Random) -> str:
        params: list[tuple[str, object]] = []
        pick = rng.random()
        if pick < 0.4:
            params.append(("q", rng.choice(self.s.words)))
        elif pick < 0.7:
            params.append(("actor", rng.choice(self.s.actors)))
        if rng.random() < 0.4:
            params.append(("type", rng.choice(PLOVER)) if rng.random() < 0.6
                          else ("quad", rng.randint(1, 4)))  # fmt: skip
        since, until = self.window(rng)
        params += [("since", since)] + ([("until", until)] if rng.random() < 0.5 else [])
        params += [("page", rng.choice((1, 1, 1, 2, 3))), ("page_size", 50)]
        if rng.random() < 0.2:
            params.append(("order", rng.choice(ORDERS)))
        return "/api/events?" + urlencode(params)

    def between(self, rng: random.Random) -> str:
        a, b = rng.sample(self.s.actors[:15], 2)
        since, until = self.window(rng)
        return f"/api/events?between={a}&between={b}&since={since}&until={until}&page_size=12"

    def bbox(self, rng: random.Random) -> str:
        west, south = rng.uniform(-20, 50), rng.uniform(-10, 45)
        box = f"{west:.2f},{south:.2f},{west + rng.uniform(5, 40):.2f},{south + rng.uniform(5, 25):.2f}"
        since, until = self.window(rng)
        return f"/api/events?bbox={quote(box)}&since={since}&until={until}&page_size=50"

    def network(self, rng: random.Random) -> str:
        level = "country" if rng.random() < 0.15 else "actor"
        for _ in range(100):  # a window (and level) the network cache has never held
            since, until = self.window(rng)
            if (str(since), str(until), level) not in self.network_windows:
                self.network_windows.add((str(since), str(until), level))
                break
        params: list[tuple[str, object]] = [("since", since), ("until", until), ("level", level)]
        extra = rng.random()
        if extra < 0.15:
            params.append(("region", rng.choice(REGIONS)))
        elif extra < 0.25:
            params.append(("kind", rng.choice(KINDS)))
        elif extra < 0.35:
            params.append(("min_score", round(rng.uniform(0.05, 0.5), 2)))
        elif extra < 0.5:
            params.append(("type", rng.choice(PLOVER)))
        return "/api/network?" + urlencode(params)

    def relations(self, rng: random.Random) -> str:
        a, b = rng.sample(self.s.actors[:20], 2)
        by = rng.choice(("week", "month"))
        return f"/api/relations?a={a}&b={b}&by={by}&since={self.day(rng, hi=self.s.days - 60)}"

    def profile(self, rng: random.Random) -> str:
        for _ in range(100):  # a date no profile was read on (the ties' network is per date)
            on = str(self.day(rng, lo=30))
            if on not in self.profile_days:
                self.profile_days.add(on)
                break
        return f"/api/actors/{rng.choice(self.s.actors)}?on={on}"

    def facts(self, rng: random.Random) -> str:
        since, until = self.window(rng)
        kind = rng.choice(FACT_KINDS)
        route = rng.choice(("facts", "facts/series", "facts/places"))
        extra = f"&by={rng.choice(('week', 'month'))}" if route == "facts/series" else ""
        return f"/api/{route}?kind={kind}&since={since}&until={until}{extra}"

    def cells(self, rng: random.Random) -> str:
        since, until = self.window(rng)
        cell = rng.choice((0.5, 1, 2))
        return f"/api/map/events?since={since}&until={until}&cell={cell}"


def routes(store: Store) -> list[str]:
    """The dashboard's landing calls, repeated by every client (cacheable)."""
    a, b, c = store.actors[0], store.actors[1], store.actors[2]
    lo = store.first
    hi = lo + dt.timedelta(store.days - 1)
    return [
        "/api/overview",
        "/api/events?page_size=50",
        "/api/events?page=2&page_size=50",
        f"/api/events?actor={a}&page_size=50",
        "/api/events?type=ASSAULT&quad=4&page_size=50",
        "/api/events?q=ceasefire&page_size=50",
        f"/api/events/{store.event_ids[0]}",
        f"/api/events?between={a}&between={b}&page_size=12",
        "/api/network",
        f"/api/network?since={lo}&until={hi}&region=Middle%20East",
        "/api/network?type=ASSAULT",
        f"/api/relations?a={a}&b={b}&by=month",
        f"/api/actors/{c}",
        "/api/actors?q=an&page_size=20",
        "/api/facts/series?kind=killed&by=month",
        "/api/facts/places?kind=killed&limit=500",
        "/api/facts?kind=killed&page_size=50",
        "/api/map/events?cell=1",
    ]


class Connection:
    """A minimal keep-alive HTTP/1.1 client on asyncio streams (the load generator must
    cost far less CPU than the server it measures; httpx's pool does not at 100 clients)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(
            int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:")
        )
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.writer = None


#: One answered request: kind ("repeat" or a fresh kind), path, seconds, ok, fresh.
Result = tuple[str, str, float, bool, bool]


async def client(
    host: str, port: int, paths: list[str], n: int, stop: float, out: list[Result],
    *, fresh_share: float, fresh: Fresh,
) -> None:  # fmt: skip
    i = n
    rng = random.Random(n)
    conn = Connection(host, port)
    while time.monotonic() < stop:
        is_fresh = rng.random() < fresh_share
        kind, path = fresh.draw(rng) if is_fresh else ("repeat", paths[i % len(paths)])
        i += 1
        t0 = time.perf_counter()
        try:
            ok = await asyncio.wait_for(conn.get(path), timeout=30) == 200
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
            ok = False
            await conn.close()
            conn = Connection(host, port)
        out.append((kind, path, time.perf_counter() - t0, ok, is_fresh))
    await conn.close()


async def load(
    port: int, paths: list[str], *, clients: int, seconds: float, fresh_share: float,
    fresh: Fresh,
) -> list[Result]:  # fmt: skip
    out: list[Result] = []
    stop = time.monotonic() + seconds
    await asyncio.gather(*(
        client("127.0.0.1", port, paths, n, stop, out, fresh_share=fresh_share, fresh=fresh)
        for n in range(clients)
    ))  # fmt: skip
    return out


def pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<16} n=0"
    return (f"  {label:<16} n={len(values):<6} p50 {pct(values, 50):7.1f}  p95 {pct(values, 95):7.1f}"
            f"  p99 {pct(values, 99):7.1f}  max {max(values):7.1f}")  # fmt: skip


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (reaped or alive)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
    return total


def report(results: list[Result], seconds: float, fresh_share: float) -> int:
    ms = [r[2] * 1000 for r in results]
    errors = [r for r in results if not r[3]]
    fresh = [r[2] * 1000 for r in results if r[4]]
    repeat = [r[2] * 1000 for r in results if not r[4]]
    print(
        f"requests {len(results)}  errors {len(errors)}  throughput {len(results) / seconds:.0f}/s"
    )
    print(f"fresh share: asked {fresh_share:.0%}, sent {len(fresh) / max(len(results), 1):.1%}")
    print("latency ms:")
    print(line("overall", ms))
    print(line("repeated", repeat))
    print(line("fresh (uncached)", fresh))
    kinds: dict[str, list[float]] = {}
    for kind, _, took, _, is_fresh in results:
        if is_fresh:
            kinds.setdefault(kind, []).append(took * 1000)
    print("fresh requests by kind:")
    for kind, values in sorted(kinds.items()):
        print(line(kind, values))
    for kind, path, _, _, _ in errors[:5]:
        print(f"  failed: {kind} {path}")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: the sample corpus)")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--fresh", type=float, default=0.2,
                        help="share of never-seen requests (default 0.2)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (default: realpolitik serve's)")  # fmt: skip
    args = parser.parse_args()
    from realpolitik.cli.serve import default_workers

    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        db = args.db or sample_store(Path(tmp))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port), str(workers)])
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    httpx.get(f"{base}/api/overview", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("the server did not start", file=sys.stderr)
                        return 1
                    time.sleep(0.2)
            time.sleep(2.0 if workers > 1 else 0.0)  # let every worker finish starting
            store = Store(base)
            paths = routes(store)
            for _ in range(workers * 3):  # each worker's response cache sees the landing calls
                for path in paths:
                    httpx.get(f"{base}{path}", timeout=60).raise_for_status()
            fresh = Fresh(store)
            print(f"{args.clients} clients for {args.seconds:.0f} s against {db}, "
                  f"{workers} server process(es); {len(paths)} repeated calls, "
                  f"fresh share {args.fresh:.0%}")  # fmt: skip
            load_before = os.getloadavg()
            server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
            results = asyncio.run(
                load(
                    port,
                    paths,
                    clients=args.clients,
                    seconds=args.seconds,
                    fresh_share=args.fresh,
                    fresh=fresh,
                )
            )
            server_cpu = cpu_seconds(server.pid) - server_cpu
            own_cpu = time.process_time() - own_cpu
            load_after = os.getloadavg()
        finally:
            server.terminate()
            server.wait(timeout=30)
    status = report(results, args.seconds, args.fresh)
    print(f"CPU s during the run: server {server_cpu:.1f}, load generator {own_cpu:.1f} "
          f"(wall {args.seconds:.0f} s, {os.cpu_count()} cores); load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after")  # fmt: skip
    return status


if __name__ == "__main__":
    sys.exit(main())
