"""CAMEO codes with their names, Goldstein weights, quad classes and PLOVER mapping.

The table is ``data/ontology/cameo.csv`` (built by ``scripts/build_ontology.py``).  CAMEO
codes are strings: ``"010"`` and ``"10"`` are different codes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import DataError
from realpolitik.model import Cameo, Plover
from realpolitik.settings import data_path

#: CAMEO agent ("role") codes, primary then secondary (the CAMEO actor codebook).
CAMEO_AGENT_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
    "REF", "MOD", "RAD", "PTY",
})  # fmt: skip

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CameoEntry:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def cameo(self) -> Cameo:
        return Cameo(self.code, self.root, self.quad_class, self.goldstein)

    @property
    def plover(self) -> Plover | None:
        if not self.plover_event:
            return None
        return Plover(self.plover_event, self.plover_mode, self.plover_context)


class Ontology:
    """The CAMEO codebook as a lookup; build it once with :meth:`load`."""

    def __init__(self, entries: dict[str, CameoEntry]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        path = path or data_path("ontology", "cameo.csv")
        entries: dict[str, CameoEntry] = {}
        with open(path, newline="", encoding="utf-8") as fh:
            lines = (line for line in fh if not line.startswith("#"))
            for number, row in enumerate(csv.DictReader(lines), start=2):
                try:
                    code = row["code"]
                    entries[code] = CameoEntry(
                        code=code,
                        root=row["root"],
                        name=row["name"],
                        goldstein=float(row["goldstein"] or 0.0),
                        quad_class=int(row["quad_class"]),
                        plover_event=row["plover_event"] or None,
                        plover_mode=row["plover_mode"] or None,
                        plover_context=tuple(c for c in row["plover_context"].split("|") if c),
                    )
                except (KeyError, ValueError) as exc:
                    raise DataError(f"{path}:{number}: bad CAMEO row ({exc})") from exc
        return cls(entries)

    def __contains__(self, code: str) -> bool:
        return code in self.entries

    def entry(self, code: str) -> CameoEntry:
        """The entry for ``code``, falling back to its parent codes (``0256`` -> ``025``)."""
        for n in range(len(code), 1, -1):
            found = self.entries.get(code[:n])
            if found is not None:
                return found
        raise KeyError(f"unknown CAMEO code {code!r}")

    def plover_for(self, code: str) -> Plover | None:
        """The PLOVER type of ``code``, looking up the parent codes when it has none."""
        for n in range(len(code), 1, -1):
            found = self.entries.get(code[:n])
            if found is not None and found.plover_event:
                return found.plover
        return None


def penta_of_root(root: str) -> int:
    """PentaClass index of a CAMEO root ("01".."20"); -1 for anything else.

    The classes as ConfliBERT's labels use them (read off its training split, and the
    Phoenix data's PentaClass): 0 statements and appeals (01-02), 1 verbal cooperation
    (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13) and reduced
    relations (16: sanctions, expulsions, like PLOVER's quad table), 4 material conflict
    (14-15, 17-20)."""
    try:
        n = int(root[:2])
    except ValueError:
        return -1
    if not 1 <= n <= 20:
        return -1
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    return 3 if n <= 13 or n == 16 else 4
