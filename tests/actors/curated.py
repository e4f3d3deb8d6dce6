"""Helpers shared by the tests of the hand-curated actor files (``people_*.yaml``).

Those tests check a file against itself, against the rest of the base and against the dated
reference data in ``shared/data/actors_ref`` (the CIA cabinet directory of ~2019-10-06,
EveryPolitician's foreign ministers of 2023-01-10, the Wikidata heads of state and
government).  What they do alike lives here: where the data is, reading the reference tables,
matching a reference name to ours, indexing the dated holders of each office, finding holders
who overlap and comparing the holders of a day with a reference snapshot.  What a file covers
(its states, offices, exemptions and spot checks) stays in its own test module."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz

from realpolitik.actors import ActorBase
from realpolitik.actors.entries import Person, Spell
from realpolitik.actors.loader import read_yaml
from realpolitik.actors.text import fold
from realpolitik.model import Actor

REPO = Path(__file__).resolve().parents[2]
#: The packaged actor files, in the checkout.
DATA = REPO / "src/realpolitik/data/actors"

#: The days the reference snapshots speak for.
CIA_DAY = dt.date(2019, 10, 6)
EP_DAY = dt.date(2023, 1, 10)

_REFERENCE = "data/actors_ref"
_CIA_2019 = f"{_REFERENCE}/cia_world_leaders_2019/cia_world_leaders_2019-10.csv"
_EP_FOREIGN = f"{_REFERENCE}/everypolitician_world/sources_foreign_wikidata.csv"
_WIKIDATA_LEADERS = f"{_REFERENCE}/wikidata_hos_hog_geografia/leaders_history.csv"

#: An office's dated holder: (person, first day, end); an open spell ends on ``date.max``.
Holding = tuple[Person, dt.date, dt.date]
#: (entity, role) -> the office's holders, by start then end.
Holders = dict[tuple[str, str], list[Holding]]

H = TypeVar("H")
K = TypeVar("K", str, tuple[str, str])


# -- reference tables -----------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file with a header."""
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cia_2019(shared: Path) -> list[dict[str, str]]:
    """The CIA cabinet directory (~2019-10-06): ``country``, ``title``, ``person``."""
    return read_csv(shared / _CIA_2019)


def everypolitician_foreign(shared: Path) -> list[dict[str, str]]:
    """EveryPolitician's foreign ministers (Wikidata, 2023-01-10): ``countryLabel``, ``name``."""
    return read_csv(shared / _EP_FOREIGN)


def wikidata_leaders(shared: Path) -> list[dict[str, str]]:
    """The Wikidata heads of state and government: ``iso3``, ``role``, ``person``, ``start``,
    ``end``."""
    return read_csv(shared / _WIKIDATA_LEADERS)


def cia_rows(shared: Path, states: Mapping[str, str]) -> Iterator[tuple[str, str, str]]:
    """(state, title, person) of the CIA rows of ``states`` (directory name -> our id); rows of
    other states and vacant offices (no person) are left out."""
    for row in cia_2019(shared):
        state = states.get(row["country"].strip())
        name = row["person"].strip()
        if state is not None and name:
            yield state, row["title"].strip(), name


def cia_holders(
    shared: Path,
    states: Mapping[str, str],
    titles: Sequence[tuple[str, re.Pattern[str]]],
    keep: Callable[[tuple[str, str]], bool] | None = None,
) -> dict[tuple[str, str], list[str]]:
    """The names the CIA directory gives each (state, role): a row counts for every role whose
    title pattern it matches, where ``keep`` (if given) takes the office."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for state, title, name in cia_rows(shared, states):
        for role, pattern in titles:
            if pattern.search(title) and (keep is None or keep((state, role))):
                out[(state, role)].append(name)
    return out


def everypolitician_holders(
    shared: Path, states: Mapping[str, str], *, skip_unnamed: bool
) -> dict[str, list[str]]:
    """The foreign ministers EveryPolitician names for each of ``states`` (label -> our id); a
    state may have two rows (rival governments).  ``skip_unnamed`` leaves out rows with no
    name."""
    out: dict[str, list[str]] = defaultdict(list)
    for row in everypolitician_foreign(shared):
        state = states.get(row["countryLabel"].strip())
        if state is not None and (row["name"].strip() or not skip_unnamed):
            out[state].append(row["name"])
    return out


# -- names ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameMatch:
    """How a reference name is matched to one of ours: both are folded and split into words
    (dropping ``particles`` and words shorter than ``min_length``, unifying ``spellings``), and
    every word of the shorter name must be close to a word of the other (rapidfuzz ratio of at
    least ``threshold``), which allows for transliteration.

    Empty words are always dropped (``min_length`` is at least 1); ``drop_brackets`` drops
    bracketed parts ("(Acting)"); ``join_abd`` unifies the Arabic "Abd al-Rahman" /
    "Abdulrahman" into one word ``abdrahman``."""

    threshold: int = 75
    particles: Collection[str] = ()
    spellings: Mapping[str, str] = field(default_factory=dict)
    drop_brackets: bool = False
    min_length: int = 1
    join_abd: bool = False

    def tokens(self, name: str) -> list[str]:
        """The folded words of ``name`` that are compared."""
        if self.drop_brackets:
            name = re.sub(r"\(.*?\)", " ", name)
        out: list[str] = []
        joined = False
        for word in re.split(r"[^a-z]+", fold(name)):
            if len(word) < self.min_length or word in self.particles:
                continue
            word = self.spellings.get(word, word)
            if self.join_abd:
                word = re.sub(r"^abd(u|e|a)l(?=[a-z]{3})", "abd", word)
            if joined:
                out[-1] += word
                joined = False
            elif self.join_abd and word == "abd":
                out.append(word)
                joined = True
            else:
                out.append(word)
        return out

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` name the same person."""
        x, y = self.tokens(a), self.tokens(b)
        if not x or not y:
            return False
        short, long_ = (x, y) if len(x) <= len(y) else (y, x)
        return all(max(fuzz.ratio(w, v) for v in long_) >= self.threshold for w in short)


# -- the curated files ----------------------------------------------------------------------------


def read_people(paths: Iterable[Path]) -> list[Person]:
    """The people of the files in order, one entry per file (not merged by id)."""
    return [p for path in paths for p in read_yaml(path).people]


def index_holders(people: Iterable[Person], keep: Callable[[Spell], bool] | None = None) -> Holders:
    """The dated spells (those with a start) that ``keep`` takes, by office, each office's
    sorted by start then end.  A missing office gives an empty list."""
    out: Holders = defaultdict(list)
    for person in people:
        for s in person.spells:
            if (keep is None or keep(s)) and s.start is not None:
                out[(s.entity, s.role)].append((person, s.start, s.end or dt.date.max))
    for spells in out.values():
        spells.sort(key=lambda h: (h[1], h[2]))
    return out


def holders_on(
    holders: Holders, office: tuple[str, str], day: dt.date, *, end_included: bool
) -> list[Person]:
    """Who holds ``office`` on ``day``: from a spell's start to its end, the end day itself
    included (the last day in office) or not."""
    return [
        p
        for p, start, end in holders[office]
        if start <= day and (day <= end if end_included else day < end)
    ]


def overlaps(
    spells: Iterable[tuple[H, dt.date, dt.date]],
    *,
    days: int = 7,
    same: Callable[[H, H], bool] | None = None,
) -> list[tuple[H, dt.date, H, dt.date]]:
    """Successive spells of one office (by start, then end) where the successor starts more
    than ``days`` before the predecessor's recorded end: (predecessor, end, successor, start).
    With ``same``, a holder who follows himself is no clash."""
    ordered = sorted(spells, key=lambda s: (s[1], s[2]))
    return [
        (p, end, q, start)
        for (p, _, end), (q, start, _) in itertools.pairwise(ordered)
        if (same is None or not same(p, q)) and (end - start).days > days
    ]


def office_clashes(holders: Holders, days: int = 7) -> list[tuple[str, str, str, str, str, str]]:
    """The ``overlaps`` of every office, two entries of one person id not clashing:
    (entity, role, predecessor, end, successor, start)."""
    return [
        (entity, role, p.name, str(end), q.name, str(start))
        for (entity, role), spells in holders.items()
        for p, end, q, start in overlaps(spells, days=days, same=lambda p, q: p.id == q.id)
    ]


def assert_reference_holders(
    reference: Mapping[K, list[str]],
    holders: Holders,
    day: dt.date,
    *,
    same: Callable[[str, str], bool],
    exempt: Container[K],
    end_included: bool,
    role: str = "",
) -> None:
    """Check a reference snapshot of ``day`` (key -> the names it gives) against our holders
    on that day: one of them must match one of the names, unless the key is exempt, and an
    exempt key must not match (its exemption is to go).  A key is an office (entity, role),
    or an entity whose office is ``role``."""
    wrong: list[tuple[object, ...]] = []
    fixed: list[K] = []
    for key, names in sorted(reference.items()):
        office = key if isinstance(key, tuple) else (key, role)
        ours = holders_on(holders, office, day, end_included=end_included)
        ok = any(same(n, r) for p in ours for n in p.names for r in names)
        if key in exempt:
            if ok:
                fixed.append(key)
        elif not ok:
            parts: tuple[str, ...] = key if isinstance(key, tuple) else (key,)
            wrong.append((*parts, names, [p.name for p in ours]))
    assert not fixed, f"{fixed} now match the reference of {day}: drop the exemption"
    assert not wrong, wrong


# -- the resolver ---------------------------------------------------------------------------------


def resolve_on(kb: ActorBase, mention: str, day: str) -> Actor:
    """What ``mention`` resolves to on ``day`` (an ISO date); fails when it resolves to
    nothing."""
    actor = kb.resolve(mention, on=dt.date.fromisoformat(day))
    assert actor is not None, (mention, day)
    return actor


def assert_resolves(kb: ActorBase, mention: str, day: str, **expected: object) -> None:
    """``mention`` resolves on ``day`` (an ISO date) to an actor whose fields named in
    ``expected`` have those values (``person=``, ``country=``, ``sector=``, ``role=``...)."""
    actor = resolve_on(kb, mention, day)
    assert {name: getattr(actor, name) for name in expected} == expected, (mention, day, actor)
