"""Build realpolitik's CAMEO/PLOVER tables from the reference ontology files.

Reads ../shared/data/ontology/{cameo,plover}/ and writes facts only (codes, short names,
Goldstein weights, quad classes, the CAMEO->PLOVER cross-walk) to
src/realpolitik/data/ontology/.  No descriptions or examples are copied.

    python scripts/build_ontology.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "realpolitik" / "data" / "ontology"

#: PLOVER drops CAMEO roots 01 (statements) and 02 (appeals).  realpolitik keeps appeals as
#: REQUEST (an appeal is a softer request; PLOVER's REQUEST covers "all requests") and the
#: statements that carry a stance: 013/018/019 as SUPPORT, 012 as ACCUSE; other statements
#: are not coded.  Modes follow the matching 10x DEMAND codes.
OWN_MAPPING = {
    "013": ("SUPPORT", "", "diplomatic"),
    "018": ("SUPPORT", "", "diplomatic"),
    "019": ("SUPPORT", "", "diplomatic"),
    "012": ("ACCUSE", "disapprove", ""),
    "02": ("REQUEST", "", ""),
    "020": ("REQUEST", "", ""),
    "021": ("REQUEST", "assist", ""),
    "0211": ("REQUEST", "assist", "economic"),
    "0212": ("REQUEST", "assist", "military"),
    "0213": ("REQUEST", "assist", "legal"),
    "0214": ("REQUEST", "assist", "intelligence"),
    "022": ("REQUEST", "assist", "diplomatic"),
    "023": ("REQUEST", "assist", ""),
    "0231": ("REQUEST", "assist", "economic"),
    "0232": ("REQUEST", "assist", "military"),
    "0233": ("REQUEST", "assist", "humanitarian"),
    "0234": ("REQUEST", "assist", "peacekeeping"),
    "024": ("REQUEST", "change", "political_institutions"),
    "0241": ("REQUEST", "change", "executive"),
    "0242": ("REQUEST", "change", "executive"),
    "0243": ("REQUEST", "change", "rights_freedoms"),
    "0244": ("REQUEST", "change", "political_institutions"),
    "025": ("REQUEST", "yield", ""),
    "0251": ("REQUEST", "yield", "legal"),
    "0252": ("REQUEST", "yield", "legal"),
    "0253": ("REQUEST", "yield", "legal"),
    "0254": ("REQUEST", "yield", "economic"),
    "0255": ("REQUEST", "yield", "diplomatic"),
    "0256": ("REQUEST", "yield", "military"),
    "026": ("REQUEST", "meet", "diplomatic"),
    "027": ("REQUEST", "meet", "diplomatic"),
    "028": ("REQUEST", "meet", "diplomatic"),
    # the cross-walk gives 183 (suicide, car or other bombing, unspecified) the mode of its
    # child 1831, suicide bombing; PLOVER's mode for any other explosive is "explosives"
    "183": ("ASSAULT", "explosives", ""),
}


def _name(row: dict[str, str]) -> str:
    """GDELT's name of a code, or ICEWS's where GDELT's is missing or mis-encoded (044's
    "Meet at a 'third' location" reached GDELT's lookup as mojibake)."""
    gdelt, icews = row["name_gdelt"].strip(), row["name_icews"].strip()
    return gdelt if gdelt and gdelt.isascii() else icews or gdelt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    onto = args.shared / "data" / "ontology"

    with open(onto / "plover" / "plover_contexts.csv", newline="", encoding="utf-8") as fh:
        contexts = {next(iter(row.values())).strip() for row in csv.DictReader(fh)}
    with open(onto / "plover" / "plover_modes.csv", newline="", encoding="utf-8") as fh:
        modes = {(row["event"].strip(), row["mode"].strip()) for row in csv.DictReader(fh)}
    crosswalk: dict[str, tuple[str, str, str]] = {}
    with open(onto / "plover" / "cameo_to_plover.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, event = row["cameo_code"].strip(), row["plover_event"].strip()
            if event and not event.startswith("(") and code not in crosswalk:
                mode = row["plover_mode"].strip()
                context = row["plover_context"].replace(";", "|").replace(" ", "")
                if mode in contexts and (event, mode) not in modes:
                    # 175's "pro_autocracy" is a context written in the mode column
                    mode, context = "", "|".join(c for c in (mode, context) if c)
                crosswalk[code] = (event, mode, context)
    crosswalk.update(OWN_MAPPING)

    rows = []
    with open(onto / "cameo" / "cameo_codebook_merged.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["cameo_code"].strip()
            goldstein = next(
                (
                    g
                    for g in (row["goldstein_gdelt"], row["goldstein_icews"])
                    if g not in ("", "NA")
                ),
                "",
            )
            mapping = crosswalk.get(code) or crosswalk.get(code[:3]) or crosswalk.get(code[:2])
            event, mode, context = mapping if mapping else ("", "", "")
            rows.append(
                {
                    "code": code,
                    "root": row["root_code"].strip(),
                    "name": _name(row),
                    "goldstein": goldstein,
                    "quad_class": row["quad_class"],
                    "plover_event": event,
                    "plover_mode": mode,
                    "plover_context": context,
                }
            )
    # Six codes have no published weight: they take their parent code's.
    weights = {r["code"]: r["goldstein"] for r in rows}
    for r in rows:
        if not r["goldstein"]:
            parent = next(
                r["code"][:n]
                for n in range(len(r["code"]) - 1, 1, -1)
                if weights.get(r["code"][:n])
            )
            r["goldstein"] = weights[parent]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "cameo.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write(
            "# source: CAMEO codes, names and Goldstein weights from the GDELT/ICEWS lookups "
            "(cameo_codebook_merged.csv); PLOVER cross-walk from CAMEO2PLOVER-2021 "
            "(openeventdata/PLOVER, CC BY-SA 4.0) plus realpolitik's own mapping of roots 01/02 "
            "(scripts/build_ontology.py)\n"
        )
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    with open(onto / "plover" / "plover_event_types.csv", newline="", encoding="utf-8") as fh:
        types = [
            (r["event"], r["quad_category"], r["requires_recipient"]) for r in csv.DictReader(fh)
        ]
    with open(OUT / "plover.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write("# source: PLOVER v0.8 manual (openeventdata/PLOVER, CC BY-SA 4.0): event types\n")
        writer2 = csv.writer(fh)
        writer2.writerow(["event", "quad_category", "requires_recipient"])
        writer2.writerows(types)
    print(f"wrote {len(rows)} CAMEO codes and {len(types)} PLOVER types to {OUT}")


if __name__ == "__main__":
    main()
