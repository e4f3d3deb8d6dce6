"""Build the code crosswalks the dataset importers use.

Reads ../shared/data/ontology/cameo_actors/ and ../shared/data/eventdata/gdelt_lookups/ and
writes facts only (codes and names) to src/realpolitik/data/ontology/:

- ``countries.csv``: one row per ISO 3166-1 alpha-3 code with an English name;
- ``country_codes.csv``: ``scheme,code,iso3`` rows for the codes datasets use in place of
  ISO3: ``fips`` (GDELT geography), ``cameo`` (GDELT/CAMEO actor country codes), ``name``
  (ICEWS country names, lower case), ``cow`` (POLECAT), ``isonum`` (ACLED ``iso``);
- ``icews_sectors.csv``: ICEWS sector names to CAMEO agent codes;
- ``cameo_groups.csv``: CAMEO known-group and IGO/NGO codes to names and kinds;
- ``cameo_icews_names.csv``: CAMEO codes with the event names ICEWS (and the TKG benchmarks
  built from it) write in place of codes;
- ``leaders.csv``: heads of state and government in office since 2000 (Wikidata, CC0, via
  actors_ref/wikidata_hos_hog_geografia): name, ISO3, start, end; a leader named in a
  dataset without a country (ICEWS TKG benchmarks) acts for that state.

    python scripts/build_crosswalks.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "realpolitik" / "data" / "ontology"

SOURCE_COUNTRIES = (
    "# source: openeventdata/CountryInfo (ISO, FIPS 10-4, COW codes), RBozydar/py-gdelt "
    "countries.json (FIPS to ISO3, MIT), openeventdata/text_to_CAMEO countrynames.txt (ICEWS "
    "names, MIT), NGEC cow2iso.txt; built by scripts/build_crosswalks.py\n"
)
#: Names as analysts write them where the sources use long or dated forms.
SHORT_NAMES = {
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "PRK": "North Korea", "KOR": "South Korea",
    "PSE": "Palestine", "GBR": "United Kingdom", "USA": "United States", "VEN": "Venezuela",
    "BOL": "Bolivia", "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova",
    "COD": "DR Congo", "COG": "Congo", "TWN": "Taiwan", "FSM": "Micronesia", "CZE": "Czechia",
    "MKD": "North Macedonia", "BRN": "Brunei", "CIV": "Ivory Coast", "XKX": "Kosovo",
}  # fmt: skip
#: CAMEO country codes that are not ISO3 (and are not in CountryInfo's code field).
CAMEO_EXTRA = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX", "BHM": "BHS", "GER": "DEU"}
#: FIPS 10-4 codes GDELT uses that the FIPS tables leave out (Gaza Strip, West Bank, Kosovo).
FIPS_EXTRA = {"GZ": "PSE", "WE": "PSE", "KV": "XKX"}


def _countryinfo(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("latin-1")
    blocks = re.findall(r"^<Country>\n(.*?)^</Country>", text, flags=re.S | re.M)
    out = []
    for block in blocks:
        fields = dict(re.findall(r"^<([\w-]+)>([^<\n]*)</\1>", block, flags=re.M))
        out.append(fields)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    actors = args.shared / "data" / "ontology" / "cameo_actors"
    lookups = args.shared / "data" / "eventdata" / "gdelt_lookups"

    names: dict[str, str] = {}
    codes: set[tuple[str, str, str]] = set()
    iso2: dict[str, str] = {}
    fips_json = json.loads((actors / "countries.json").read_text(encoding="utf-8"))
    for fips, row in fips_json.items():
        if row.get("iso3"):
            codes.add(("fips", fips, row["iso3"]))
            names.setdefault(row["iso3"], row["name"])
            iso2.setdefault(row["iso3"], row.get("iso2") or "")
    for row in _countryinfo(actors / "CountryInfo.120116.txt"):
        # The CAMEO code is the better ISO3 (the file's alpha-3 field has slips: Japan "JON",
        # Myanmar "MOZ"); six-letter CAMEO codes (USAASM) are territories: take their alpha-3.
        cameo_code = row.get("CountryCode", "")
        iso3 = CAMEO_EXTRA.get(cameo_code) or (
            cameo_code if len(cameo_code) == 3 else row.get("ISO3166-alpha3", "---")
        )
        if not re.fullmatch(r"[A-Z]{3}", iso3) or not cameo_code:
            continue
        codes.add(("cameo", row["CountryCode"], iso3))
        codes.add(("cameo", iso3, iso3))
        if re.fullmatch(r"[A-Z]{2}", row.get("FIPS-10", "")):
            codes.add(("fips", row["FIPS-10"], iso3))
        cow = row.get("COW-Numeric", "000").strip()
        if cow.isdigit() and int(cow):
            codes.add(("cow", str(int(cow)), iso3))
        num = row.get("ISO3166-numeric", "000").strip()
        if num.isdigit() and int(num):
            codes.add(("isonum", str(int(num)), iso3))
        names.setdefault(iso3, row["CountryName"].replace("_", " ").title())
    for line in (actors / "countrynames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or parts[1] == "---":
            continue
        cameo = parts[1].strip()
        iso3 = next((c[2] for c in codes if c[0] == "cameo" and c[1] == cameo), None)
        iso3 = iso3 or CAMEO_EXTRA.get(cameo) or (cameo if len(cameo) == 3 else None)
        if iso3:
            codes.add(("name", parts[0].strip().lower(), iso3))
            codes.add(("cameo", cameo, iso3))
    with open(actors / "cow2iso.txt", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["cow_id"].isdigit() and re.fullmatch(r"[A-Z]{3}", row["iso3"] or ""):
                codes.add(("cow", row["cow_id"], row["iso3"]))
            if row["iso_id"].isdigit() and re.fullmatch(r"[A-Z]{3}", row["iso3"] or ""):
                codes.add(("isonum", str(int(row["iso_id"])), row["iso3"]))
    for fips, iso3 in FIPS_EXTRA.items():
        codes.add(("fips", fips, iso3))
    for cameo, iso3 in CAMEO_EXTRA.items():
        codes.add(("cameo", cameo, iso3))
    names.update(SHORT_NAMES)
    names.setdefault("XKX", "Kosovo")
    for iso3, name in names.items():
        codes.add(("name", name.lower(), iso3))

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write(SOURCE_COUNTRIES)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iso3", "name", "iso2"])
        for iso3 in sorted(names):
            w.writerow([iso3, names[iso3], iso2.get(iso3, "")])
    with open(OUT / "country_codes.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write(SOURCE_COUNTRIES)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["scheme", "code", "iso3"])
        seen: set[tuple[str, str]] = set()
        for scheme, code, iso3 in sorted(codes):
            if (scheme, code) not in seen:  # first (alphabetical) wins on a clash
                seen.add((scheme, code))
                w.writerow([scheme, code, iso3])

    with open(OUT / "icews_sectors.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write(
            "# source: openeventdata/text_to_CAMEO agentnames.txt (MIT): ICEWS sector names to "
            "CAMEO agent codes; built by scripts/build_crosswalks.py\n"
        )
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["sector", "agent"])
        done: set[str] = set()
        for line in (actors / "agentnames.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].strip() and parts[0].lower() not in done:
                done.add(parts[0].lower())
                w.writerow([parts[0].strip(), parts[1].strip()])

    groups: dict[str, tuple[str, str]] = {}
    with open(actors / "cameo_international_special_codes.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            if re.fullmatch(r"(IGO|NGO)[A-Z]{3}", code):
                groups.setdefault(code[3:], (row["name"].strip(), code[:3].lower()))
    with open(lookups / "CAMEO.knowngroup.txt", encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code, label = row["CODE"].strip(), row["LABEL"].strip().replace("?", "'")
            groups.setdefault(code, (label, "group"))
    with open(OUT / "cameo_groups.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write(
            "# source: GDELT CAMEO.knowngroup.txt (GDELT terms) and the CAMEO manual's table of "
            "international actors with special codes (codes and names only); built by "
            "scripts/build_crosswalks.py\n"
        )
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "kind"])
        for code in sorted(groups):
            w.writerow([code, *groups[code]])

    onto = args.shared / "data" / "ontology" / "cameo" / "cameo_codebook_merged.csv"
    with (
        open(onto, newline="", encoding="utf-8") as fh,
        open(OUT / "cameo_icews_names.csv", "w", newline="", encoding="utf-8") as out,
    ):
        out.write(
            "# source: CAMEO codes and ICEWS event names from cameo_codebook_merged.csv "
            "(names only); built by scripts/build_crosswalks.py\n"
        )
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["code", "name"])
        for row in csv.DictReader(fh):
            if row["name_icews"].strip():
                w.writerow([row["cameo_code"].strip(), row["name_icews"].strip()])

    hist = (
        args.shared / "data" / "actors_ref" / "wikidata_hos_hog_geografia" / "leaders_history.csv"
    )
    spells: dict[tuple[str, str], tuple[str, str]] = {}
    with open(hist, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            start, end = row["start"][:10], row["end"][:10]
            if (end and end < "2000-01-01") or not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
                continue
            key = (row["person"].strip(), row["iso3"])
            old = spells.get(key)
            spells[key] = (
                min(start, old[0]) if old and start else start,
                "" if (old and not old[1]) or not end else max(end, old[1] if old else ""),
            )
    with open(OUT / "leaders.csv", "w", newline="", encoding="utf-8") as out:
        out.write(
            "# source: Wikidata (CC0) heads of state and government since 2000, via "
            "cfmessias/geografia leaders_history.csv (names, ISO3, dates only); built by "
            "scripts/build_crosswalks.py\n"
        )
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["name", "iso3", "start", "end"])
        for (name, iso3), (start, end) in sorted(spells.items()):
            w.writerow([name, iso3, start, end])


if __name__ == "__main__":
    main()
