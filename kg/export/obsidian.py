"""The graph back into Obsidian: a note per entity and a canvas, written into a folder of the vault.

kg writes only files it can tell are its own and keeps what the user wrote:

- a note is kg's when its front matter holds ``kg_export`` (kg.notes.note.KG_NOTE_KEY); every
  other file in the folder is the user's, and kg neither writes over it nor removes it;
- in kg's note, everything below the line USER_LINE is the user's and is carried into the new
  note, also when the note's name changes; a note whose line is gone is left as it is;
- kg removes its own notes that no longer apply (an entity gone from the graph) unless the user
  wrote below their line: those are left, and said so;
- each file is written through a temporary file and a rename, and only if it is still as kg read
  it (an editor may save it meanwhile); the canvas is kg's when it holds kg's legend node.
"""

from __future__ import annotations

import glob
import json
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kg.export.canvas import LEGEND_ID, canvas
from kg.export.entitynote import USER_LINE_START, EntityPage, Links, link_targets, render, source_headings
from kg.export.filenames import name_key, unique_stems
from kg.export.files import write_atomic
from kg.notes.files import decode_bytes
from kg.notes.frontmatter import load_metadata, split_front_matter
from kg.notes.note import KG_NOTE_KEY
from kg.records import Result
from kg.view.links import find_vault

CANVAS_NAME = "kg.canvas"
CANVAS_NODES = 40


@dataclass(frozen=True)
class ObsidianOptions:
    """What kg obsidian writes: how many entities the canvas shows, and whether a folder outside the vault will do."""

    canvas_nodes: int = CANVAS_NODES
    force: bool = False

    def __post_init__(self) -> None:
        if self.canvas_nodes < 0:
            raise ValueError(f"the canvas cannot show {self.canvas_nodes} entities; give 0 or more")


@dataclass(frozen=True)
class Exported:
    """What a kg obsidian run did in its folder: the names it wrote, left unchanged, removed and left alone (why)."""

    folder: Path
    vault: Path
    written: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    left: tuple[tuple[str, str], ...] = ()
    canvas: str = ""  # the canvas's name, "" when a canvas of the user's has that name


@dataclass(frozen=True)
class _Found:
    """A Markdown file already in the folder: whose it is, the user's text in it, and its state when read."""

    name: str
    kg_id: str | None  # None: the user's file
    user: str | None  # the text below the user's line; None when the line is gone
    state: tuple[int, int, int]
    text: str


def vault_of(paths: Iterable[str | Path]) -> Path:
    """Return the vault of the notes at paths: the folder above them that holds .obsidian/, else their own folder."""
    roots = [Path(os.path.abspath(p)) for p in paths]
    if not roots:
        raise ValueError("no notes given")
    vaults = {find_vault(root) for root in roots}
    if len(vaults) == 1 and None not in vaults:
        return vaults.pop()
    folders = [root if root.is_dir() else root.parent for root in roots]
    return Path(os.path.commonpath(folders))


def check_folder(folder: str | Path, vault: Path, force: bool = False) -> Path:
    """Return the absolute folder to write into; raise ValueError, saying why, when it will not do.

    Notes outside the vault link to nothing Obsidian can open, so such a folder needs ``force``;
    a hidden folder (.obsidian, .trash) is one Obsidian never shows.
    """
    folder = Path(os.path.abspath(folder))
    # where the folder really is: a link inside the vault may lead out of it
    real, real_vault = Path(os.path.realpath(folder)), Path(os.path.realpath(vault))
    inside = real == real_vault or real_vault in real.parents
    if not inside and not force:
        raise ValueError(f"{folder} is outside the vault {vault}: Obsidian would not open its notes or follow their "
                         f"links. Choose a folder inside it, such as {vault / 'kg'}, or force it (--force).")
    if inside and any(part.startswith(".") for part in real.relative_to(real_vault).parts):
        raise ValueError(f"{folder} is a hidden folder, which Obsidian does not show; choose another one")
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder} is a file, not a folder")
    return folder


def write_obsidian(result: Result, folder: str | Path, vault: Path,
                   options: ObsidianOptions = ObsidianOptions()) -> Exported:
    """Return what was done writing a note per entity of the build and a canvas into folder, inside vault."""
    folder = check_folder(folder, vault, options.force)
    if not result.vault.notes:
        # an empty graph would make every note of kg's stale: a wrong path must not remove them all
        raise ValueError("no notes were read (the paths hold none but kg's own, or --since/--until left all out); "
                         "kg obsidian wrote and removed nothing")
    graph = result.graph
    ids = sorted((node for node, kind in graph.nodes(data="kind") if kind == "entity"), key=str)
    current = set(ids)
    folder.mkdir(parents=True, exist_ok=True)
    found = _scan(folder)
    stale_text = [f.name for f in found.values() if f.kg_id is not None and f.kg_id not in current and _holds_text(f)]
    blind = [f.name for f in found.values() if f.kg_id is not None and f.user is None]
    taken = [f.name for f in found.values() if f.kg_id is None] + stale_text + blind
    own = {f.name for f in found.values() if f.kg_id is not None and f.name not in taken}
    vault_notes = list(_vault_notes(vault, folder, own))
    # no note of kg's takes the name of one of the vault's: [[松本行弘]] in the user's notes must
    # keep opening the user's own note, which a second note of that name would make ambiguous
    taken += [f"{PurePosixPath(path).name}.md" for path in vault_notes]
    stems = unique_stems(((i, str(graph.nodes[i].get("label") or i), str(graph.nodes[i].get("type") or "Other"))
                          for i in ids), taken)
    where = folder.relative_to(vault).as_posix() if vault in folder.parents else ""
    entity_paths = {i: f"{where}/{stems[i]}" if where else stems[i] for i in ids}
    links = Links(link_targets([*vault_notes, *entity_paths.values()]))
    texts = _notes(result, ids, stems, entity_paths, vault, links, found, vault_notes)
    outcome = _Outcome()
    for name in [*texts, CANVAS_NAME]:  # what a run that was killed while writing left behind
        for tmp in folder.glob(f".{glob.escape(name)}.*.tmp"):
            tmp.unlink(missing_ok=True)
    for name, text in texts.items():
        _put(folder, name, text, found.get(name), outcome)
    for name in sorted(own - set(texts)):
        _remove(folder, found[name], outcome)
    for name in stale_text:
        outcome.left.append((name, "an entity no longer in the graph, but it holds your text below its line"))
    for name in blind:
        outcome.left.append((name, f"kg's note without its line {USER_LINE_START} …: "
                                   "kg cannot tell your text from its own"))
    board = canvas(graph, result.placement, entity_paths, result.relations, options.canvas_nodes)
    canvas_name = _put_canvas(folder, board, outcome)
    return Exported(folder, vault, tuple(outcome.written), tuple(outcome.unchanged), tuple(outcome.removed),
                    tuple(outcome.left), canvas_name)


@dataclass
class _Outcome:
    """What the run did so far, file by file."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    left: list[tuple[str, str]] = field(default_factory=list)


def _scan(folder: Path) -> dict[str, _Found]:
    """Return the Markdown files in folder (not below it) by name, each with whose it is."""
    found = {}
    if not folder.is_dir():
        return found
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if not entry.name.lower().endswith(".md"):
            continue
        info = entry.stat(follow_symlinks=False)
        state = (info.st_mtime_ns, info.st_size, info.st_ino)
        # a link or anything but a plain file is the user's: writing through it would reach elsewhere
        if not stat.S_ISREG(info.st_mode):
            found[entry.name] = _Found(entry.name, None, None, state, "")
            continue
        try:
            text = _normal(decode_bytes(Path(entry.path).read_bytes()))
        except (OSError, ValueError):
            found[entry.name] = _Found(entry.name, None, None, state, "")
            continue
        found[entry.name] = _Found(entry.name, _kg_id(text, entry.name), _user_text(text), state, text)
    return found


def _normal(text: str) -> str:
    """Return text with one kind of line end and no byte-order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _kg_id(text: str, name: str) -> str | None:
    """Return the kg id of a note kg wrote, None for any other note."""
    header, _, _ = split_front_matter(text)
    meta = load_metadata(header, name, []) if header is not None else {}
    if KG_NOTE_KEY not in meta or meta.get("kg_id") is None:
        return None
    return str(meta["kg_id"])


def _user_text(text: str) -> str | None:
    """Return the text below the user's line, None when the note has no such line."""
    head, line, rest = text.partition(f"\n{USER_LINE_START}")
    if not line:
        return None
    _, newline, below = rest.partition("\n")
    return below if newline else ""


def _holds_text(found: _Found) -> bool:
    """Return whether the user wrote anything below the line of a note of kg's."""
    return bool(found.user and found.user.strip())


def _vault_notes(vault: Path, folder: Path, own: set[str]) -> Iterator[str]:
    """Yield the vault path (no .md) of every Markdown note Obsidian shows, but kg's own notes in folder."""
    for top, dirs, files in os.walk(vault):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(".md"):
                continue
            if Path(top) == folder and name in own:
                continue
            yield Path(top, name).relative_to(vault).as_posix()[:-3]


def _notes(result: Result, ids: Sequence, stems: dict, entity_paths: dict, vault: Path, links: Links,
           found: dict[str, _Found], vault_notes: Sequence[str]) -> dict[str, str]:
    """Return the text of each entity's note by file name: kg's part, then the user's text it carries."""
    graph = result.graph
    named: dict[str, list[str]] = defaultdict(list)  # the vault's notes by name: an entity's own note is one
    for path in vault_notes:
        named[name_key(PurePosixPath(path).name)].append(path)
    notes = {}
    for note in result.vault.notes:
        file = Path(note.file) if note.file else None
        if file is not None and file.suffix.lower() == ".md" and vault in file.parents:
            notes[note.path] = (file.relative_to(vault).as_posix()[:-3], note)
    headings = {path: source_headings(note) for path, (_, note) in notes.items()}
    by_id = {entity.id: entity for entity in result.entities}
    entities = {i: (entity_paths[i], str(graph.nodes[i].get("label") or i)) for i in ids}
    relations: dict = defaultdict(dict)
    for relation in result.relations:
        key = (relation.subject, relation.predicate, relation.object, relation.sentence)
        for end in (relation.subject, relation.object):
            if end in entities:
                relations[end].setdefault(key, relation)
    carried: dict = defaultdict(list)
    for f in found.values():
        if f.kg_id is not None and f.user is not None and f.user.strip():
            carried[f.kg_id].append(f)
    texts = {}
    for i in ids:
        name = f"{stems[i]}.md"
        related = sorted(((o, float(d.get("weight", 0.0)), int(d.get("count", 0))) for o, d in graph.adj[i].items()
                          if o in entities and o != i), key=lambda t: (-t[1], -t[2], str(t[0])))
        entity = by_id.get(i)
        data = graph.nodes[i]
        # a one-character alias (米, 日) names too many other things to find the entity's note by
        names = {str(data.get("label") or i), str(i), *(str(a) for a in data.get("aliases") or () if len(str(a)) > 1)}
        yours = sorted({path for n in names for path in named.get(name_key(n), ())})
        page = EntityPage(i, data, entity.mentions if entity else (), related, tuple(relations[i].values()),
                          tuple(yours))
        # the note's own text first, then any the user wrote in an older note of this entity (renamed, copied)
        mine = sorted(carried[i], key=lambda f: (f.name != name, f.name))
        user = "\n".join(dict.fromkeys(f.user.rstrip("\n") + "\n" for f in mine))
        texts[name] = render(page, stems[i], notes, entities, headings, links) + user
    return texts


def _still(path: Path, before: _Found | None) -> bool:
    """Return whether the file at path is as the scan found it (absent if it found none)."""
    try:
        info = path.stat(follow_symlinks=False)
    except FileNotFoundError:
        return before is None
    return before is not None and (info.st_mtime_ns, info.st_size, info.st_ino) == before.state


def _put(folder: Path, name: str, text: str, before: _Found | None, outcome: _Outcome) -> None:
    """Write one file of kg's through a temporary file, unless it is the same or changed since it was read."""
    if before is not None and before.text == text:
        outcome.unchanged.append(name)
        return
    path = folder / name
    if not _still(path, before):
        outcome.left.append((name, "changed while kg was writing; run kg obsidian again"))
        return
    write_atomic(path, text)
    outcome.written.append(name)


def _remove(folder: Path, before: _Found, outcome: _Outcome) -> None:
    """Remove a note of kg's that no longer applies, unless it changed since it was read."""
    path = folder / before.name
    if not _still(path, before):
        outcome.left.append((before.name, "changed while kg was writing; run kg obsidian again"))
        return
    path.unlink()
    outcome.removed.append(before.name)


def _put_canvas(folder: Path, board: dict, outcome: _Outcome) -> str:
    """Write the canvas unless a canvas of that name is the user's; return its name, or "" when left."""
    path = folder / CANVAS_NAME
    before = None
    if path.exists() or path.is_symlink():
        info = path.stat(follow_symlinks=False)
        try:
            text = path.read_text(encoding="utf-8") if stat.S_ISREG(info.st_mode) else ""
            old = json.loads(text)
            ours = any(isinstance(n, dict) and n.get("id") == LEGEND_ID for n in old.get("nodes", []))
        except (OSError, ValueError, AttributeError):
            ours = False
        if not ours:
            outcome.left.append((CANVAS_NAME, "a canvas kg did not write (it lacks kg's legend node)"))
            return ""
        before = _Found(CANVAS_NAME, LEGEND_ID, "", (info.st_mtime_ns, info.st_size, info.st_ino), text)
    _put(folder, CANVAS_NAME, json.dumps(board, ensure_ascii=False, indent="\t") + "\n", before, outcome)
    return CANVAS_NAME if CANVAS_NAME not in dict(outcome.left) else ""
