"""Load test of the HTTP API: N concurrent clients on loopback for a fixed time.

    .venv/bin/python benchmarks/bench_api.py [--db STORE] [--clients 100] [--seconds 30]

Without ``--db`` the bundled sample corpus is coded into a temporary store first (about a
minute).  The server runs in a child process (``realpolitik serve``'s app under uvicorn on
127.0.0.1, a free port); the clients are asyncio tasks in this process, each sending the
next request as soon as the previous one is answered (no think time): a fixed mix of
dashboard calls, and a share (``--fresh``, 20%) of new windows and searches that the API's
response cache has not seen.  Prints requests, errors, throughput and p50/p90/p99 latency, overall and per
route; exits 1 if any request failed.  Traffic goes to loopback only and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SERVER = """
import sys, uvicorn
from realpolitik.api import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


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


def fresh(rng: random.Random, first: dt.date, days: int) -> str:
    """A request the response cache has most likely not seen: a new window or search."""
    if rng.random() < 0.5:
        since = first + dt.timedelta(days=rng.randrange(days))
        return f"/api/events?since={since}&page={rng.randint(1, 3)}&page_size=50#fresh"
    word = "".join(rng.choice("abcdefghilmnoprstu") for _ in range(3))
    return f"/api/events?q={word}&page_size=50#fresh"


def routes(base: str) -> list[str]:
    """A mix of what the dashboard asks, with ids taken from the store."""
    first = httpx.get(f"{base}/api/events", params={"page_size": 5}).json()["items"]
    actors = [a["id"] for a in httpx.get(f"{base}/api/actors").json()["items"][:6]]
    overview = httpx.get(f"{base}/api/overview").json()
    lo, hi = overview["first_date"], overview["last_date"]
    a, b = actors[0], actors[1]
    return [
        "/api/overview",
        "/api/events?page_size=50",
        "/api/events?page=3&page_size=50",
        f"/api/events?actor={a}&page_size=50",
        "/api/events?type=ASSAULT&quad=4&page_size=50",
        "/api/events?q=ceasefire&page_size=50",
        f"/api/events/{first[0]['event_id']}",
        f"/api/events?between={a}&between={b}&page_size=12",
        "/api/network",
        f"/api/network?since={lo}&until={hi}&region=Middle%20East",
        "/api/network?type=ASSAULT",
        f"/api/relations?a={a}&b={b}&by=month",
        f"/api/actors/{actors[2]}",
        "/api/actors?q=an",
        "/api/facts/series?by=month",
        "/api/facts/places",
        "/api/facts?page_size=50",
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
        target = path.split("#")[0]
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
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
            await self.writer.wait_closed()


async def client(
    host: str, port: int, paths: list[str], offset: int, stop: float,
    out: list[tuple[str, float, bool]], *, fresh_share: float, span: tuple[dt.date, int],
) -> None:  # fmt: skip
    i = offset
    rng = random.Random(offset)
    conn = Connection(host, port)
    while time.monotonic() < stop:
        path = fresh(rng, *span) if rng.random() < fresh_share else paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            ok = await asyncio.wait_for(conn.get(path), timeout=30) == 200
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
            ok = False
            await conn.close()
            conn = Connection(host, port)
        name = path.split("?")[0] + (" (fresh)" if path.endswith("#fresh") else "")
        out.append((name, time.perf_counter() - t0, ok))
    await conn.close()


async def load(
    port: int, paths: list[str], *, clients: int, seconds: float, fresh_share: float,
    span: tuple[dt.date, int],
) -> list[tuple[str, float, bool]]:  # fmt: skip
    out: list[tuple[str, float, bool]] = []
    stop = time.monotonic() + seconds
    await asyncio.gather(*(
        client("127.0.0.1", port, paths, n, stop, out, fresh_share=fresh_share, span=span)
        for n in range(clients)
    ))  # fmt: skip
    return out


def pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(results: list[tuple[str, float, bool]], seconds: float) -> int:
    lat = [r[1] * 1000 for r in results]
    errors = sum(not r[2] for r in results)
    print(f"requests {len(results)}  errors {errors}  throughput {len(results) / seconds:.0f}/s")
    print(f"latency ms: p50 {pct(lat, 50):.1f}  p90 {pct(lat, 90):.1f}  p99 {pct(lat, 99):.1f}  "
          f"max {max(lat):.1f}")  # fmt: skip
    by_route: dict[str, list[float]] = {}
    for route, seconds_taken, _ in results:
        by_route.setdefault(route, []).append(seconds_taken * 1000)
    for route, values in sorted(by_route.items()):
        print(
            f"  {route:<28} n={len(values):<6} p50 {pct(values, 50):7.1f}  p99 {pct(values, 99):7.1f}"
        )
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: the sample corpus)")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--fresh",
        type=float,
        default=0.2,
        help="share of requests with a new window or search (cache misses)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        db = args.db or sample_store(Path(tmp))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/api/overview", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("the server did not start", file=sys.stderr)
                        return 1
                    time.sleep(0.2)
            paths = routes(base)
            for path in paths:  # warm: the knowledge base and the network cache
                httpx.get(f"{base}{path}", timeout=60).raise_for_status()
            print(f"{args.clients} clients for {args.seconds:.0f} s against {db} "
                  f"({len(paths)} routes in the mix)")  # fmt: skip
            info = httpx.get(f"{base}/api/overview").json()
            first = dt.date.fromisoformat(info["first_date"])
            days = (dt.date.fromisoformat(info["last_date"]) - first).days + 1
            results = asyncio.run(
                load(
                    port,
                    paths,
                    clients=args.clients,
                    seconds=args.seconds,
                    fresh_share=args.fresh,
                    span=(first, days),
                )
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return report(results, args.seconds)


if __name__ == "__main__":
    sys.exit(main())
