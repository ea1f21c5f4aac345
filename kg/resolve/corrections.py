"""Corrections: what the user says kg got wrong, read from one file and applied at every build.

A corrections file (TOML, see docs/how-to/corrections.md) names entities by any of their names,
never by node ids, so it keeps working as notes are added. It holds merges, renames, types,
entities that are none, mentions that are not of the entity kg gave them, and the two older forms
the user's files had: alias rows (the ``--aliases`` TSV) and stop words (the ``--stop`` file),
which are read into the same record.

Alias rows and stop words act while mentions are found (kg.resolve.resolve); the others act on the
entities found (``apply``), which also says what each one did.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.records import ENTITY_TYPES, Entity, Mention
from kg.resolve.knowledge import read_lines, read_tsv
from kg.text.chars import match_key, nfkc

# The file a vault's corrections are read from when no --corrections is given.
DEFAULT_NAME = "kg-corrections.toml"
_SECTIONS = ("alias", "merge", "rename", "type", "not_entity", "not_mention")


@dataclass(frozen=True)
class AliasRow:
    """Names that stand for one entity of a type, known before the notes are read (``--aliases``)."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Merge:
    """Entities that are one: every entity any of ``names`` names; ``label`` shown (default: the first name)."""

    names: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class Rename:
    """The label shown for the entity ``name`` names."""

    name: str
    label: str


@dataclass(frozen=True)
class Retype:
    """The type of the entity ``name`` names."""

    name: str
    type: str


@dataclass(frozen=True)
class NotEntity:
    """An entity that is none: no node, no mention."""

    name: str


@dataclass(frozen=True)
class NotMention:
    """One place where the text does not name the entity ``name`` names: in ``note`` (its path in the
    vault), the sentence that holds ``sentence``, else the block on ``line``."""

    name: str
    note: str
    sentence: str = ""
    line: int = 0


@dataclass(frozen=True)
class Corrections:
    """Everything a user corrects, from their corrections file and their older alias and stop files."""

    aliases: tuple[AliasRow, ...] = ()
    stop: tuple[str, ...] = ()
    merges: tuple[Merge, ...] = ()
    renames: tuple[Rename, ...] = ()
    types: tuple[Retype, ...] = ()
    not_entities: tuple[NotEntity, ...] = ()
    not_mentions: tuple[NotMention, ...] = ()
    source: tuple[str, ...] = field(default=(), compare=False)

    def __add__(self, other: Corrections) -> Corrections:
        return Corrections(*(getattr(self, f) + getattr(other, f) for f in _FIELDS))

    @property
    def empty(self) -> bool:
        """Return True when nothing is corrected."""
        return not any(getattr(self, f) for f in _FIELDS if f != "source")


_FIELDS = ("aliases", "stop", "merges", "renames", "types", "not_entities", "not_mentions", "source")


def read_corrections(path: str | Path) -> Corrections:
    """Return the corrections in a TOML corrections file; ValueError names the file and what is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not a TOML corrections file: {error}") from error
    return from_dict(data, str(path))


def from_dict(data: dict[str, Any], where: str = "corrections") -> Corrections:
    """Return the corrections a dict in the file's shape holds (the API takes one as it is)."""
    unknown = set(data) - {*_SECTIONS, "stop"}
    if unknown:
        raise ValueError(f"{where}: unknown section(s) {', '.join(sorted(unknown))}; "
                         f"the sections are {', '.join(_SECTIONS)} and stop")

    def rows(section: str) -> list[dict[str, Any]]:
        found = data.get(section, [])
        if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
            raise ValueError(f"{where}: {section} must be written [[{section}]], one table per correction")
        return found

    def text(row: dict, key: str, section: str, default: str | None = None) -> str:
        value = row.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise ValueError(f"{where}: [[{section}]] needs {key} = \"...\" (got {row!r})")
        return value.strip()

    def kind(value: str, section: str) -> str:
        if value not in ENTITY_TYPES:
            raise ValueError(f"{where}: [[{section}]] type {value!r} is not one of {', '.join(ENTITY_TYPES)}")
        return value

    def names(row: dict, key: str, section: str) -> tuple[str, ...]:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: [[{section}]] {key} must be a list of names (got {row!r})")
        return tuple(v.strip() for v in value if v.strip())

    merges = []
    for row in rows("merge"):
        given = names(row, "names", "merge")
        if len(given) < 2:
            raise ValueError(f"{where}: [[merge]] needs two names or more in names = [...] (got {row!r})")
        merges.append(Merge(given, text(row, "label", "merge", "")))
    stop = data.get("stop", [])
    if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop):
        raise ValueError(f"{where}: stop must be a list of words, stop = [\"...\", ...]")
    return Corrections(
        aliases=tuple(AliasRow(text(r, "name", "alias"), kind(text(r, "type", "alias"), "alias"), names(r, "aliases", "alias"))
                      for r in rows("alias")),
        stop=tuple(s.strip() for s in stop if s.strip()),
        merges=tuple(merges),
        renames=tuple(Rename(text(r, "name", "rename"), text(r, "label", "rename")) for r in rows("rename")),
        types=tuple(Retype(text(r, "name", "type"), kind(text(r, "type", "type"), "type")) for r in rows("type")),
        not_entities=tuple(NotEntity(text(r, "name", "not_entity")) for r in rows("not_entity")),
        not_mentions=tuple(_not_mention(r, where, text) for r in rows("not_mention")),
        source=(where,),
    )


def _not_mention(row: dict, where: str, text) -> NotMention:
    """Return one [[not_mention]] row, which needs a sentence or a line to say where."""
    line = row.get("line", 0)
    if not isinstance(line, int) or isinstance(line, bool) or line < 0:
        raise ValueError(f"{where}: [[not_mention]] line must be a line number (got {row!r})")
    sentence = text(row, "sentence", "not_mention", "")
    if not sentence and not line:
        raise ValueError(f"{where}: [[not_mention]] needs sentence = \"...\" or line = N (got {row!r})")
    return NotMention(text(row, "name", "not_mention"), text(row, "note", "not_mention"), sentence, line)


def alias_file(path: str | Path) -> Corrections:
    """Return the rows of an ``--aliases`` TSV (canonical<TAB>type<TAB>alias..., an optional header) as corrections."""
    found = []
    for row in read_tsv(Path(path)):
        canonical, type_, *aliases = [*row, ""][: max(len(row), 2)]
        if (canonical.lower(), type_.lower()) == ("canonical", "type"):
            continue  # the optional header row
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"{path}: type {type_!r} of {canonical!r} is not one of {', '.join(ENTITY_TYPES)}")
        found.append(AliasRow(canonical, type_, tuple(a for a in aliases if a)))
    return Corrections(aliases=tuple(found), source=(str(path),))


def stop_file(path: str | Path) -> Corrections:
    """Return the words of a ``--stop`` file (one a line, # comments) as corrections."""
    return Corrections(stop=tuple(read_lines(Path(path))), source=(str(path),))


def vault_corrections(paths: Iterable[str | Path]) -> list[Path]:
    """Return the corrections files of fixed name (DEFAULT_NAME) at the root of the given vault folders."""
    return [Path(p) / DEFAULT_NAME for p in paths if Path(p).is_dir() and (Path(p) / DEFAULT_NAME).is_file()]


def apply(entities: Sequence[Entity], corrections: Corrections, types: Sequence[str] = ENTITY_TYPES
          ) -> tuple[list[Entity], list[dict[str, Any]]]:
    """Return the entities as corrected, largest first, and what each correction did.

    Mentions are taken away first, then entities merged, dropped, retyped and renamed, so every
    correction names entities by the names they had when the graph was built. An entity retyped
    to a type the build does not keep goes too.
    """
    found = list(entities)
    done: list[dict[str, Any]] = []
    for fix in corrections.not_mentions:
        found, dropped = _without_mention(found, fix)
        done.append(_did("not_mention", fix, f"took {dropped} mention(s) from {fix.name}" if dropped else ""))
    for merge in corrections.merges:
        found, did = _merged(found, merge)
        done.append(_did("merge", merge, did))
    for fix in corrections.not_entities:
        hit = named(found, fix.name)
        found = [e for e in found if e is not hit]
        done.append(_did("not_entity", fix, f"removed {hit.label} ({len(hit.mentions)} mentions)" if hit else ""))
    for fix in corrections.types:
        hit = named(found, fix.name)
        if hit is not None:
            kept = fix.type in types
            found = [_retyped(e, fix.type) if e is hit else e for e in found if e is not hit or kept]
            did = f"typed {hit.label} {fix.type} (was {hit.type or 'untyped'})" + ("" if kept else "; not a kept type, so removed")
        done.append(_did("type", fix, did if hit is not None else ""))
    for fix in corrections.renames:
        hit = named(found, fix.name)
        found = [_relabelled(e, fix.label) if e is hit else e for e in found]
        done.append(_did("rename", fix, f"labelled {hit.label} {fix.label}" if hit else ""))
    found.sort(key=lambda e: (-len(e.mentions), e.id))
    return found, done


def _did(kind: str, fix: Any, did: str) -> dict[str, Any]:
    """Return the report of one correction: its kind, its fields, what it did and whether it matched."""
    fields = {k: list(v) if isinstance(v, tuple) else v for k, v in fix.__dict__.items() if v not in ("", 0)}
    return {"kind": kind, **fields, "matched": bool(did), "did": did or "matched nothing"}


# every correction looks at every entity's names: each name's key is found once
_key = lru_cache(maxsize=262144)(match_key)


def _names(entity: Entity) -> set[str]:
    """Return the keys of every name of an entity: its id, label and aliases."""
    return {_key(n) for n in (entity.id, entity.label, *entity.aliases)}


def named(entities: Sequence[Entity], name: str) -> Entity | None:
    """Return the entity a name names: the one it labels or identifies, else the largest one it is an alias of."""
    key = _key(name)
    own = [e for e in entities if key in (_key(e.label), _key(e.id))]
    return next(iter(own), None) or next((e for e in entities if key in _names(e)), None)


def _merged(entities: list[Entity], merge: Merge) -> tuple[list[Entity], str]:
    """Return the entities with those the merge names made one, and what it did ("" when fewer than two)."""
    hits: list[Entity] = []
    for name in merge.names:
        hit = named([e for e in entities if e not in hits], name)
        if hit is not None:
            hits.append(hit)
    if len(hits) < 2:
        one = hits[0] if hits else None
        # names that all name one entity already: the merge holds, nothing to do
        together = one is not None and all(named(entities, name) is one for name in merge.names)
        return entities, f"{one.label} is already one entity" if together else ""
    first = hits[0]
    mentions = tuple(m for e in hits for m in e.mentions)
    type_ = first.type or Counter(e.type for e in hits for _ in e.mentions).most_common(1)[0][0]
    aliases = tuple(dict.fromkeys(a for e in hits for a in (e.label, *e.aliases)))
    one = Entity(first.id, merge.label or first.label, type_, tuple(sorted({x for e in hits for x in e.ene})), aliases,
                 tuple(replace(m, entity=first.id, type=type_) for m in mentions))
    if merge.label and merge.label not in one.aliases:
        one = replace(one, aliases=(*one.aliases, merge.label))
    kept = [one if e is first else e for e in entities if e is first or e not in hits]
    return kept, f"merged {', '.join(e.label for e in hits)} into {one.label}"


def _retyped(entity: Entity, type_: str) -> Entity:
    """Return the entity and its mentions of another type."""
    return replace(entity, type=type_, mentions=tuple(replace(m, type=type_) for m in entity.mentions))


def _relabelled(entity: Entity, label: str) -> Entity:
    """Return the entity shown by another label, which becomes one of its names."""
    return replace(entity, label=label, aliases=tuple(dict.fromkeys((*entity.aliases, label))))


def _without_mention(entities: list[Entity], fix: NotMention) -> tuple[list[Entity], int]:
    """Return the entities without the mentions a not_mention names, and how many went.

    An entity left without mentions goes too: a node needs one.
    """
    hit = named(entities, fix.name)
    if hit is None:
        return entities, 0
    sentence = " ".join(nfkc(fix.sentence).split())
    note = fix.note.replace("\\", "/")

    def here(m: Mention) -> bool:
        if m.block is None or m.block.note != note:
            return False
        if sentence:
            return sentence in " ".join(nfkc(m.sentence).split())
        return m.block.line == fix.line

    kept = tuple(m for m in hit.mentions if not here(m))
    dropped = len(hit.mentions) - len(kept)
    if not dropped:
        return entities, 0
    return [replace(e, mentions=kept) if e is hit else e for e in entities if e is not hit or kept], dropped


def stop_report(corrections: Corrections, texts: Iterable[str]) -> list[dict[str, Any]]:
    """Return the report of the stop words and alias rows: each matched when some note's text holds one of its names."""
    words = [nfkc(w).casefold() for w in corrections.stop]
    rows = [[nfkc(n).casefold() for n in (row.name, *row.aliases)] for row in corrections.aliases]
    if not words and not rows:
        return []
    joined = "\n".join(nfkc(t).casefold() for t in texts)
    done = [{"kind": "stop", "name": word, "matched": word in joined,
             "did": "never a mention" if word in joined else "matched nothing"} for word in words]
    for row, folded in zip(corrections.aliases, rows, strict=True):
        seen = any(n in joined for n in folded)
        done.append({"kind": "alias", "name": row.name, "type": row.type, "aliases": list(row.aliases), "matched": seen,
                     "did": f"{row.name} is known, of type {row.type}" if seen else "matched nothing"})
    return done
