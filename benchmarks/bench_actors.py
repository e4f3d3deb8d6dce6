"""Actor base timings: loading (compiled, from the files, with a user file, cached) and
10,000 resolutions, in wall and CPU seconds.

.venv/bin/python benchmarks/bench_actors.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from unittest import mock

from realpolitik.actors import ActorBase

T = TypeVar("T")

MENTIONS = [
    "Hossein Amirabdollahian", "Iran's Foreign Minister Hossein Amirabdollahian",
    "the Iranian foreign minister", "Hamas leader Ismail Haniyeh", "Israeli troops",
    "the leader of the Iran-backed Palestinian militant group Islamic Jihad",
    "Palestinian civilians", "the U.N. Security Council", "Tehran", "the group", "officials",
    "Hezbollah", "the Houthis", "Russian forces", "Ukrainian President Volodymyr Zelensky",
    "Egyptian mediators", "Qatar", "the European Union", "NATO", "Vladimir Putin",
]  # fmt: skip


def _timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """``fn()``, its wall time and its CPU time (the machine may be shared)."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as user:
        os.environ["XDG_CACHE_HOME"] = cache
        _, compiled, compiled_cpu = _timed(lambda: ActorBase.load(user=False))
        stale = mock.patch("realpolitik.actors.base.read_compiled", return_value=None)
        with stale:  # a packaged file edited and not recompiled: every file is read
            _, files, files_cpu = _timed(lambda: ActorBase.load(user=False))
        os.environ["REALPOLITIK_ACTORS_DIR"] = user
        Path(user, "mine.yaml").write_text(USER_FILE, encoding="utf-8")
        _, extended, extended_cpu = _timed(ActorBase.load)
        kb, cached, cached_cpu = _timed(ActorBase.load)
        del os.environ["REALPOLITIK_ACTORS_DIR"]
    rng = random.Random(0)
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9500)) for _ in range(500)]
    work = [(rng.choice(MENTIONS), rng.choice(days)) for _ in range(10_000)]
    resolved, fresh, fresh_cpu = _timed(
        lambda: sum(kb.resolve(m, on=d) is not None for m, d in work)
    )
    _, repeat, repeat_cpu = _timed(lambda: [kb.resolve(m, on=d) for m, d in work])
    text = open_seed()
    found, scan, _ = _timed(lambda: kb.scan(text, on=dt.date(2024, 3, 30)) if text else [])
    print(f"entities {len(kb.data.entities)}, people {len(kb.data.people)}, "
          f"role spells {sum(len(p.spells) for p in kb.data.people)}")  # fmt: skip
    print("(wall / CPU seconds)")
    print(f"load, compiled package file:      {compiled:.3f} / {compiled_cpu:.3f}")
    print(f"load, data files read (stale):    {files:.3f} / {files_cpu:.3f}")
    print(f"load, compiled + new user file:   {extended:.3f} / {extended_cpu:.3f}")
    print(f"load, cached (with user file):    {cached:.3f} / {cached_cpu:.3f}")
    print(f"10,000 resolutions:               {fresh:.3f} / {fresh_cpu:.3f} ({resolved} resolved)")
    print(f"10,000 repeated:                  {repeat:.3f} / {repeat_cpu:.3f}")
    print(f"scan of the seed article: {scan * 1000:.1f} ms, {len(found)} mentions")


USER_FILE = """people:
  - name: Jane Example
    entity: usa
    roles:
      - {of: usa, role: envoy, sector: GOV, start: 2024-01-01}
    source: "benchmark"
"""


def open_seed() -> str:
    path = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-2024-03-30.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    main()
