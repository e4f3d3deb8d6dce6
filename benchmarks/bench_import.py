"""Import timing: a 200,000-row GDELT 2.0 export built from the real sample's rows.

The real 15-minute export (2,111 rows × 61 columns) is repeated with fresh GLOBALEVENTIDs
and shifted dates until it has ``--rows`` rows, zipped like GDELT's own files, and imported
into a fresh store.

.venv/bin/python benchmarks/bench_import.py [--rows 200000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from pathlib import Path

from realpolitik.ingest.importers import Reference, import_paths
from realpolitik.store import Store

REPO = Path(__file__).resolve().parents[1]


def build(sample: Path, rows: int, out: Path) -> Path:
    lines = sample.read_text(encoding="utf-8").splitlines()
    body = []
    for i in range(rows):
        cells = lines[i % len(lines)].split("\t")
        cells[0] = str(900_000_000 + i)
        day = 1 + (i // len(lines)) % 28
        cells[1] = f"201910{day:02d}"
        body.append("\t".join(cells))
    path = out / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("20191024143000.export.CSV", "\n".join(body) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    sample = args.shared / "data" / "eventdata" / "gdelt2" / "20191024143000.export.CSV"
    with tempfile.TemporaryDirectory() as tmp:
        path = build(sample, args.rows, Path(tmp))
        t0, c0 = time.perf_counter(), time.process_time()
        ref = Reference.load()
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            [result] = import_paths(store, "gdelt", [path], ref=ref)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"gdelt import: {result.rows} rows ({result.inserted} new, {result.rejected} rejected)"
        f" in {seconds:.2f} s wall, {cpu:.2f} s CPU = {result.rows / seconds:,.0f} rows/s"
        " (target < 20 s)"
    )


if __name__ == "__main__":
    main()
