"""Importers for existing event datasets: GDELT, ICEWS, ACLED, POLECAT and TKG benchmarks.

Every importer maps its dataset to the store's event columns (CAMEO codes as strings,
quad class and Goldstein from the dataset or the CAMEO table, PLOVER type via the CAMEO
cross-walk, actors as lower-case ISO3 for states and slugs for everything else, places as
ISO3) with provenance (``dataset``, ``original_id``).  A rejected row is reported with its
file and line and counted: ``rows == accepted + rejected`` for every file.

    ref = Reference.load()
    for result in import_paths(store, "gdelt", [Path("20191024143000.export.CSV.zip")], ref=ref):
        print(result.to_record())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from realpolitik.ingest.importers import acled, gdelt, icews, polecat, tkg
from realpolitik.ingest.importers.base import ImportResult, Parsed, Reject, finish
from realpolitik.ingest.importers.reference import Reference
from realpolitik.store import Store
from realpolitik.store.analytics import insert_imported

Parser = Callable[[Path, Reference], list[Parsed]]

#: Dataset name -> parser (one file or directory -> parsed files).
PARSERS: dict[str, Parser] = {
    "gdelt": gdelt.parse,
    "icews": icews.parse,
    "acled": acled.parse,
    "polecat": polecat.parse,
    "tkg": tkg.parse,
}
#: Datasets whose rows are versioned: a newer version replaces the stored row.
VERSIONED = frozenset({"acled"})


def import_paths(
    store: Store,
    dataset: str,
    paths: Iterable[Path],
    *,
    ref: Reference,
    parsers: Mapping[str, Parser] = PARSERS,
) -> Iterator[ImportResult]:
    """Import each file (one transaction per file); yields one result per file read."""
    try:
        parser = parsers[dataset]
    except KeyError:
        raise ValueError(f"unknown dataset {dataset!r}; use one of {', '.join(PARSERS)}") from None
    for path in paths:
        for parsed in parser(Path(path), ref):
            events, meta, done = finish(parsed, ref, dataset)
            outcome = insert_imported(store, events, meta, versioned=dataset in VERSIONED)
            yield ImportResult(
                dataset=dataset,
                origin=parsed.origin,
                rows=parsed.rows,
                accepted=events.num_rows,
                rejected=len(done.rejects),
                inserted=outcome.inserted,
                updated=outcome.updated,
                unchanged=outcome.unchanged,
                rejects=done.rejects,
            )


__all__ = ["PARSERS", "ImportResult", "Parsed", "Reference", "Reject", "import_paths"]
