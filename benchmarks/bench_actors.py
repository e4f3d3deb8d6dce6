"""Actor base timings: loading (cold and cached) and 10,000 resolutions.

.venv/bin/python benchmarks/bench_actors.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time

from realpolitik.actors import ActorBase

MENTIONS = [
    "Hossein Amirabdollahian", "Iran's Foreign Minister Hossein Amirabdollahian",
    "the Iranian foreign minister", "Hamas leader Ismail Haniyeh", "Israeli troops",
    "the leader of the Iran-backed Palestinian militant group Islamic Jihad",
    "Palestinian civilians", "the U.N. Security Council", "Tehran", "the group", "officials",
    "Hezbollah", "the Houthis", "Russian forces", "Ukrainian President Volodymyr Zelensky",
    "Egyptian mediators", "Qatar", "the European Union", "NATO", "Vladimir Putin",
]  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        t0 = time.perf_counter()
        ActorBase.load(user=False)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        kb = ActorBase.load(user=False)
        warm = time.perf_counter() - t0
    rng = random.Random(0)
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9500)) for _ in range(500)]
    work = [(rng.choice(MENTIONS), rng.choice(days)) for _ in range(10_000)]
    t0 = time.perf_counter()
    resolved = sum(kb.resolve(m, on=d) is not None for m, d in work)
    fresh = time.perf_counter() - t0
    t0 = time.perf_counter()
    for m, d in work:
        kb.resolve(m, on=d)
    repeat = time.perf_counter() - t0
    text = open_seed()
    t0 = time.perf_counter()
    found = kb.scan(text, on=dt.date(2024, 3, 30)) if text else []
    scan = time.perf_counter() - t0
    print(f"entities {len(kb.data.entities)}, people {len(kb.data.people)}, "
          f"role spells {sum(len(p.spells) for p in kb.data.people)}")  # fmt: skip
    print(f"load cold (no cache): {cold:.3f} s")
    print(f"load cached:          {warm:.3f} s")
    print(f"10,000 resolutions:   {fresh:.3f} s ({resolved} resolved); repeated: {repeat:.3f} s")
    print(f"scan of the seed article: {scan * 1000:.1f} ms, {len(found)} mentions")


def open_seed() -> str:
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-2024-03-30.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    main()
