"""One entity's note for Obsidian: front matter, its mentions by note, related entities and relations.

The note is Markdown as Obsidian reads it. Every link goes to a file that exists: a note of the
vault at the heading its sentence stands under, or another entity's note. Text taken from the
notes is escaped, so a sentence never turns into a link, a tag, a comment or HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import yaml

from kg.notes.files import decode_bytes
from kg.notes.note import KG_NOTE_KEY
from kg.records import Mention, Note
from kg.schema import PATH_SEP
from kg.view.relations import GROUP_NAMES, MODALITY_NAMES
from kg.view.theme import TYPE_NAMES

# The line that parts kg's text from the user's own: everything below it is kept on every run.
USER_LINE = "%% kg: この行より下はあなたのメモです。kg obsidian を何度実行しても残ります。 %%"
USER_LINE_START = "%% kg:"
KG_NOTE_VALUE = "entity"
# How much one note lists; the rest is counted.
MAX_SENTENCES = 200
MAX_RELATED = 30
MAX_RELATIONS = 100
# What Obsidian takes out of a heading when it links to it (its own "link to heading" writes the
# heading so): the characters that would end or split the link, and line breaks.
_HEADING_BREAKS = re.compile(r"[:#|^\\\r\n]|%%|\[\[|\]\]")
_SPACES = re.compile(r"  +")
# A vault path a wikilink cannot name: these characters end the target or split it.
_NOT_WIKI = re.compile(r"[#|^\[\]]")
# ASCII punctuation that Markdown or Obsidian would read as syntax in a sentence: emphasis, code,
# links, HTML, tags, math, highlights, comments, footnotes, entities.
_SYNTAX = re.compile(r"([\\`*_\[\]<>#|$~=%^&!])")
# Text that would open a list, a heading or a quote where an item's text begins.
_BLOCK_START = re.compile(r"^(\d{0,9})([-+.)])(?=\s|$)")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]")
_DISPLAY = str.maketrans({"|": "｜", "[": "［", "]": "］", "\n": " "})


@dataclass(frozen=True)
class Links:
    """How kg's notes name the files of the vault: each vault path (no .md) and its link target."""

    targets: Mapping[str, str]

    def to(self, path: str, label: str, heading: Sequence[str] = ()) -> str:
        """Return a link to the note at a vault path, shown as label, at a heading of it (its parents first)."""
        target = self.targets.get(path, path)
        anchor = "#".join(part for part in map(heading_for_link, heading) if part)
        shown = label.translate(_DISPLAY).strip() or target
        if _NOT_WIKI.search(path):
            # a file name a wikilink cannot hold: a Markdown link, its path percent-encoded
            href = quote(f"{path}.md") + (f"#{quote(anchor)}" if anchor else "")
            return f"[{escape_text(shown)}]({href})"
        inner = f"{target}#{anchor}" if anchor else target
        return f"[[{inner}]]" if shown == inner else f"[[{inner}|{shown}]]"


def link_targets(paths: Iterable[str]) -> dict[str, str]:
    """Return each vault path's shortest link target: its name when no other note has it, else the path.

    Obsidian matches a name without case, so two names that differ only in case share it.
    """
    paths = list(dict.fromkeys(paths))
    names: dict[str, int] = defaultdict(int)
    for path in paths:
        names[_key(PurePosixPath(path).name)] += 1
    return {path: (name if names[_key(name := PurePosixPath(path).name)] == 1 else path) for path in paths}


def _key(name: str) -> str:
    """Return the form Obsidian compares link targets in."""
    return unicodedata.normalize("NFC", name).casefold()


def heading_for_link(heading: str) -> str:
    """Return a heading as a link names it: what would break the link made a space, as Obsidian does.

    Other spaces stay as written (a full-width one too), so the link matches the heading also
    where Obsidian compares them as they are.
    """
    return _SPACES.sub(" ", _HEADING_BREAKS.sub(" ", heading)).strip()


def escape_text(text: str) -> str:
    """Return text escaped so that Markdown and Obsidian show it as it is."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _SYNTAX.sub(r"\\\1", text)
    return _BLOCK_START.sub(r"\1\\\2", text)


def _marked(sentence: str, surface: str) -> str:
    """Return the sentence escaped, its first occurrence of surface in bold when bold can hold it."""
    sentence = sentence.strip()
    at = sentence.find(surface)
    edges = surface[:1] + surface[-1:]
    if at < 0 or not surface.strip() or any(unicodedata.category(c)[0] in "PSZ" for c in edges):
        return escape_text(sentence)
    end = at + len(surface)
    return f"{escape_text(sentence[:at])}**{escape_text(surface)}**{escape_text(sentence[end:])}"


def source_headings(note: Note) -> dict[int, tuple[str, ...]]:
    """Return the heading a link to each section of a note names: the heading, or with its parents
    when another heading of the note reads the same (two 概要 under two articles), as Obsidian
    links to a subheading (``[[note#記事A#概要]]``).
    """
    written = _written_headings(note)
    chains: dict[int, tuple[str, ...]] = {}
    open_at: list[tuple[int, str]] = []  # (level, heading) of the headings the current one is under
    for block in note.blocks:
        if block.kind == "heading" and block.heading_levels:
            level = block.heading_levels[-1]
            open_at = [(lv, h) for lv, h in open_at if lv < level] + [(level, written[block.section])]
            chains[block.section] = tuple(h for _, h in open_at)
    seen = Counter(heading_for_link(chain[-1]) for chain in chains.values())
    return {section: chain if seen[heading_for_link(chain[-1])] > 1 else chain[-1:] for section, chain in chains.items()}


def _written_headings(note: Note) -> dict[int, str]:
    """Return the heading of each section of a note as its file writes it, markup and all.

    Obsidian links to a heading by its text as written (``## [[OECD]]の報告``), which the block's
    text (``OECDの報告``) is not; the heading's line in the file gives it. A note whose file is
    gone or changed falls back to the block's text.
    """
    found = {block.section: block.text for block in note.blocks if block.kind == "heading"}
    if not note.file:
        return found
    try:
        text = decode_bytes(Path(note.file).read_bytes())
    except (OSError, ValueError):
        return found
    # lines end as the reader counts them; the characters stay as written (a link must match
    # the heading's own, which may be decomposed: ツ + ゙ for づ), though the reader composes them
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for block in note.blocks:
        if block.kind == "heading" and 0 < block.line <= len(lines):
            written = _heading_line(lines[block.line - 1])
            plain = unicodedata.normalize("NFC", heading_for_link(_plain(written)))
            if heading_for_link(written) and heading_for_link(block.text) in plain:
                found[block.section] = written
    return found


def _heading_line(line: str) -> str:
    """Return a heading's text from its line: no quote marks, no # markers before or after."""
    line = re.sub(r"^(\s*>)+", "", line).strip()
    match = re.fullmatch(r"#{1,6}(?:\s+(.*?))?(?:\s+#+)?", line)
    return (match.group(1) or "") if match else line


def _plain(text: str) -> str:
    """Return a heading's text with the wikilink markup a block's text leaves out (a sanity check)."""
    text = re.sub(r"\[\[([^\]|]*\|)?([^\]]*)\]\]", r"\2", text)
    return re.sub(r"[*_`~=]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)


@dataclass(frozen=True)
class EntityPage:
    """What one entity's note shows, found from the build: the graph node, mentions, neighbours, relations."""

    id: str
    data: Mapping[str, Any]
    mentions: Sequence[Mention]
    related: Sequence[tuple[str, float, int]]  # (entity id, weight, shared units), strongest first
    relations: Sequence[Any]  # kg.relate.Relation records with this entity at one end
    yours: Sequence[str] = ()  # the vault paths (no .md) of the user's notes named as the entity is


def render(page: EntityPage, stem: str, notes: Mapping[str, tuple[str, Note]], entities: Mapping[str, tuple[str, str]],
           headings: Mapping[str, Mapping[int, Sequence[str]]], links: Links) -> str:
    """Return kg's part of an entity's note, from its front matter down to the user's line.

    ``notes`` gives each note's vault path (no .md) and record by kg's note path, ``entities``
    each entity's note (vault path, no .md) and label by id, ``headings`` each note's headings
    by section.
    """
    data = page.data
    label = str(data.get("label") or page.id)
    lines = ["---", _front_matter(page, label, stem).rstrip("\n"), "---", f"# {escape_text(label.strip())}", ""]
    lines += [_summary(page, data), ""]
    if page.yours:
        lines += ["あなたのノート: " + "、".join(links.to(path, PurePosixPath(path).name) for path in page.yours), ""]
    lines += _mentions(page, notes, headings, links)
    lines += _related(page, entities, links)
    lines += _relations(page, entities, notes, headings, links)
    return "\n".join(lines) + f"\n{USER_LINE}\n"


def _front_matter(page: EntityPage, label: str, stem: str) -> str:
    """Return the YAML of the note's properties: kg's marker and id, aliases, tags, counts, dates."""
    data = page.data
    # the label is a name to search by when the file's name had to differ from it
    names = [label] if stem != label else []
    # kg's id is the entity's canonical name (東南アジア諸国連合 for a node labelled ASEAN)
    names += [str(a) for a in (page.id, *(data.get("aliases") or ())) if str(a) != label]
    meta: dict[str, Any] = {
        KG_NOTE_KEY: KG_NOTE_VALUE,
        "kg_id": page.id,
        "aliases": list(dict.fromkeys(names)),
        "tags": [f"kg/{data.get('type') or 'Other'}"],
        "mentions": len(page.mentions),
    }
    for key in ("first_seen", "last_seen"):
        if data.get(key):
            meta[key] = date.fromisoformat(str(data[key]))
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)


def _summary(page: EntityPage, data: Mapping[str, Any]) -> str:
    """Return the line under the title: type, mentions, notes and the period they span."""
    kind = str(data.get("type") or "Other")
    count = len({m.block.note for m in page.mentions})
    parts = [f"{TYPE_NAMES.get(kind, kind)}（{kind}）", f"言及 {len(page.mentions)} 件・{count} ノート"]
    first, last = data.get("first_seen"), data.get("last_seen")
    if first:
        parts.append(str(first) if first == last else f"{first} 〜 {last}")
    return " · ".join(parts) + "（kg が書いたノート）"


def _where(mention_note: str, section: int, notes, headings, links: Links, fallback: Sequence[str]) -> str:
    """Return the link to the heading a piece of text stands under, or to its note above any heading."""
    path, note = notes[mention_note]
    heading = headings.get(mention_note, {}).get(section, ()) if section else ()
    if not any(map(heading_for_link, heading)):
        return links.to(path, note.title)
    # the heading as the reader sees it, and its parent where the link names its parents
    shown = PATH_SEP.join(fallback[-min(len(heading), 2):]) if fallback else heading[-1]
    return links.to(path, shown, heading)


def _mentions(page: EntityPage, notes, headings, links: Links) -> list[str]:
    """Return the mentions section: per note, each heading and its sentences."""
    usable = [m for m in page.mentions if m.block.note in notes]
    seen: set[tuple] = set()
    ordered = []
    # dated notes in time order, then the undated ones
    for m in sorted(usable, key=lambda m: (m.block.date is None, m.block.date or date.min, m.block.note,
                                           m.block.line, m.start)):
        key = (m.block.note, m.block.paragraph, m.sentence)
        if key not in seen:
            seen.add(key)
            ordered.append(m)
    # a big vault names a country thousands of times: the latest sentences are shown
    left_out = max(0, len(ordered) - MAX_SENTENCES)
    ordered = ordered[left_out:]
    lines = ["## 言及", ""]
    if left_out:
        lines += [f"（古い {left_out} 文は省略）", ""]
    by_note: dict[str, list[Mention]] = defaultdict(list)
    for m in ordered:
        by_note[m.block.note].append(m)
    for note_path, found in by_note.items():
        path, note = notes[note_path]
        day = f" · {note.date.isoformat()}" if note.date else ""
        lines.append(f"### {links.to(path, note.title)}{day}")
        lines.append("")
        last_place = None
        for m in found:
            place = (m.block.section, m.block.heading_path)
            if place != last_place:
                lines.append(f"- {_where(note_path, m.block.section, notes, headings, links, m.block.heading_path)}")
                last_place = place
            if m.block.kind != "heading":  # a heading's text is the link just above
                lines.append(f"\t- {_marked(m.sentence, m.surface)}")
        lines.append("")
    return lines


def _related(page: EntityPage, entities: Mapping[str, tuple[str, str]], links: Links) -> list[str]:
    """Return the related entities: a link to each one's note with the weight and the units shared."""
    if not page.related:
        return []
    lines = ["## 関連するエンティティ", "", "共起の重み（共起した単位の数）の強い順。", ""]
    for other, weight, shared in page.related[:MAX_RELATED]:
        lines.append(f"- {links.to(*entities[other])} · {weight:.3f}（{shared}）")
    if len(page.related) > MAX_RELATED:
        lines.append(f"- ほか {len(page.related) - MAX_RELATED} 件")
    return lines + [""]


def _relations(page: EntityPage, entities: Mapping[str, tuple[str, str]], notes, headings, links: Links) -> list[str]:
    """Return the relations: subject, predicate and object as a line, the sentence that says it below."""
    if not page.relations:
        return []
    lines = ["## 関係", ""]
    for relation in page.relations[:MAX_RELATIONS]:
        # the entity itself in bold, not as a link to the note it is in
        ends = [f"**{escape_text(entities[e][1])}**" if e == page.id else links.to(*entities[e])
                for e in (relation.subject, relation.object)]
        notes_on = [GROUP_NAMES.get(relation.group, relation.group)]
        if relation.negated:
            notes_on.append("否定")
        if relation.modality:
            notes_on.append(MODALITY_NAMES.get(relation.modality, relation.modality))
        lines.append(f"- {ends[0]} → {escape_text(relation.predicate)} → {ends[1]}（{'・'.join(notes_on)}）")
        where = ""
        if relation.note in notes:
            section = _section_of(relation, page)
            if section is not None:
                where = f" — {_where(relation.note, section, notes, headings, links, relation.heading_path)}"
        lines.append(f"\t- {escape_text(relation.sentence)}{where}")
    if len(page.relations) > MAX_RELATIONS:
        lines.append(f"- ほか {len(page.relations) - MAX_RELATIONS} 件")
    return lines + [""]


def _section_of(relation: Any, page: EntityPage) -> int | None:
    """Return the section of the relation's sentence, from a mention of this entity in that sentence."""
    for m in page.mentions:
        if m.block.note == relation.note and m.sentence == relation.sentence:
            return m.block.section
    return None
