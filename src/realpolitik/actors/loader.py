"""Read and validate actor data files (YAML and CSV) into :class:`KnowledgeData`.

A YAML file is a mapping with any of the sections ``states``, ``organs``,
``organisations``, ``groups``, ``regions``, ``people`` and ``terms``, each a list of
entries (see
``data/actors/README.md``).  CSV files carry the bulk of people and their role spells:
``*people.csv`` (``id,name,aliases,entity,sector,wikidata,source``), ``*spells.csv``
(``person,entity,role,sector,start,end,rank,source``) and ``*terms.csv``
(``phrase,sector,secondary,role,title,source``).  Every error names the file, the
line and what to fix.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from realpolitik.actors.entries import Entity, KnowledgeData, Person, Spell, Term
from realpolitik.actors.records import (
    _SLUG,
    SECTIONS,
    entity_from,
    line_of,
    person_from,
    spell_from,
    term_from,
)
from realpolitik.errors import DataError

try:  # the C loader is several times faster; fall back when libyaml is absent
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader


class _LineLoader(_Base):
    """A safe loader that records the line of every mapping under ``__line__``."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[Any, Any] = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> object:
    """A date YAML cannot build (2024-13-01) stays text, so the field check names the line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path) -> KnowledgeData:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read actor file ({exc})") from exc
    try:
        doc = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DataError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if doc is None:
        return KnowledgeData((), (), ())
    if not isinstance(doc, dict):
        raise DataError(f"{path}:1: an actor file must be a mapping of sections")
    known = {*SECTIONS, "people", "terms", "__line__"}
    for section in doc:
        if section not in known:
            raise DataError(
                f"{path}: unknown section {section!r} "
                f"(use {', '.join(sorted(known - {'__line__'}))})"
            )
    entities: list[Entity] = []
    for section in SECTIONS:
        for raw in _items(doc, section, path):
            entities.append(entity_from(raw, path=path, line=line_of(raw, 1), section=section))
    people = [
        person_from(raw, path=path, line=line_of(raw, 1)) for raw in _items(doc, "people", path)
    ]
    terms = [term_from(raw, path=path, line=line_of(raw, 1)) for raw in _items(doc, "terms", path)]
    return KnowledgeData(tuple(entities), tuple(people), tuple(terms))


def _items(doc: dict[str, Any], section: str, path: Path) -> list[Any]:
    items = doc.get(section) or []
    if not isinstance(items, list):
        raise DataError(f"{path}: section {section!r} must be a list of entries")
    return items


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    shared: dict[str, str] = {}  # one object per repeated value: compact in memory and pickle
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                yield (
                    reader.line_num,
                    {
                        k: shared.setdefault(v, v) if isinstance(v, str) else v
                        for k, v in row.items()
                    },
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path}: cannot read CSV ({exc})") from exc


def read_people_csv(path: Path) -> list[Person]:
    people = []
    for line, row in _csv_rows(path):
        aliases = [a for a in (row.get("aliases") or "").split("|") if a]
        people.append(
            person_from(
                {**row, "aliases": aliases, "roles": [], "__line__": line}, path=path, line=line
            )
        )
    return people


def read_spells_csv(path: Path) -> list[tuple[str, Spell, str]]:
    """``(person id, spell, where)`` for each row."""
    out = []
    for line, row in _csv_rows(path):
        fixed: dict[str, Any] = dict(row)
        fixed["rank"] = int(row["rank"]) if (row.get("rank") or "").isdigit() else None
        fixed["of"] = row.get("entity")
        spell = spell_from(fixed, path=path, line=line)
        person = row.get("person") or ""
        if not _SLUG.match(person):
            raise DataError(f"{path}:{line}: person {person!r} must be a person id (a slug)")
        out.append((person, spell, f"{path}:{line}"))
    return out


def read_terms_csv(path: Path) -> list[Term]:
    """``*terms.csv``: ``phrase,sector,secondary,role,title,source``."""
    terms = []
    for line, row in _csv_rows(path):
        fixed: dict[str, Any] = {k: v for k, v in row.items() if v}
        fixed["title"] = (row.get("title") or "").lower() in ("1", "true", "yes")
        terms.append(term_from(fixed, path=path, line=line))
    return terms


def read_files(paths: Iterable[Path], *, base: KnowledgeData | None = None) -> KnowledgeData:
    """Read files in order and merge them (onto ``base`` if given): a later entry with
    the same id overrides an earlier one."""
    entities: dict[str, Entity] = {e.id: e for e in base.entities} if base else {}
    people: dict[str, Person] = {p.id: p for p in base.people} if base else {}
    terms: dict[str, Term] = {t.phrase.lower(): t for t in base.terms} if base else {}
    pending: list[tuple[str, Spell, str]] = []
    for path in paths:
        if path.suffix == ".csv" and path.name.endswith("spells.csv"):
            # in file order like any entry (a hand-written file read later keeps its dates
            # against a generated spell of the same office and start); a spell of someone a
            # later file defines waits for that file
            for person_id, spell, where in read_spells_csv(path):
                if person_id in people:
                    old = people[person_id]
                    people[person_id] = _merge(old, Person(old.id, old.name, (), (spell,)))
                else:
                    pending.append((person_id, spell, where))
            continue
        if path.suffix == ".txt":
            from realpolitik.actors.petrarch import read_petrarch_actors

            data = read_petrarch_actors(path, known=set(entities))
        elif path.suffix == ".csv" and path.name.endswith("terms.csv"):
            data = KnowledgeData((), (), tuple(read_terms_csv(path)))
        elif path.suffix == ".csv":
            data = KnowledgeData((), tuple(read_people_csv(path)), ())
        elif path.suffix in (".yaml", ".yml"):
            data = read_yaml(path)
        else:
            raise DataError(f"{path}: actor files must be .yaml, .yml, .csv or PETRARCH .txt")
        for entity in data.entities:
            entities[entity.id] = entity
        for person in data.people:
            people[person.id] = _merge(people.get(person.id), person)
        for term in data.terms:
            terms[term.phrase.lower()] = term
    for person_id, spell, where in pending:
        if person_id not in people:
            raise DataError(f"{where}: person {person_id!r} is not defined in any people file")
        old = people[person_id]
        if any((s.entity, s.role, s.start) == (spell.entity, spell.role, spell.start)
               for s in old.spells):  # fmt: skip
            continue  # the later file that defines the person dated this office itself
        people[person_id] = _merge(old, Person(old.id, old.name, (), (spell,)))
    _check_references(entities, people)
    return KnowledgeData(tuple(entities.values()), tuple(people.values()), tuple(terms.values()))


def _merge(old: Person | None, new: Person) -> Person:
    if old is None:
        return new
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    replaced = {(s.entity, s.role, s.start) for s in new.spells}
    spells = tuple(s for s in old.spells if (s.entity, s.role, s.start) not in replaced)
    return Person(
        id=old.id,
        name=new.name or old.name,
        aliases=aliases,
        spells=spells + new.spells,
        entity=new.entity or old.entity,
        sector=new.sector if new.origin else old.sector,
        wikidata=new.wikidata or old.wikidata,
        source=new.source or old.source,
        origin=new.origin or old.origin,
    )


def _check_references(entities: dict[str, Entity], people: dict[str, Person]) -> None:
    for entity in entities.values():
        if entity.part_of is not None and entity.part_of not in entities:
            raise DataError(
                f"{entity.origin}: 'of: {entity.part_of}' is not a known actor id; fix the id"
            )
        for sponsor in entity.sponsors:
            if sponsor.by not in entities:
                raise DataError(
                    f"{entity.origin}: sponsor {sponsor.by!r} of {entity.id!r} is not a known "
                    "actor id; define it or fix the id"
                )
    for person in people.values():
        if person.entity is not None and person.entity not in entities:
            raise DataError(
                f"{person.origin}: entity {person.entity!r} of {person.name!r} is not a known "
                "actor id; define it or fix the id"
            )
        for spell in person.spells:
            if spell.entity not in entities:
                raise DataError(
                    f"{person.origin}: role {spell.role!r} of {person.name!r} is in "
                    f"{spell.entity!r}, which is not a known actor id; define it or fix the id"
                )
