"""Markdown and Obsidian notes -> Note records whose blocks carry their provenance.

The first stage of kg. markdown-it-py parses each body; small plugins add what Obsidian has and
CommonMark lacks (wikilinks, embeds, ``%%comments%%``, callouts), so structure is always read
from parser tokens, never from regular expressions over the raw text. A block keeps only what a
reader sees: no URLs, file names, footnote ids, code, math or comments.
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import charset_normalizer
import yaml
from frontmatter.default_handlers import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
from mdit_py_plugins.utils import is_code_block

from kg.records import Block, Link, Note, Skipped, Vault

MARKDOWN_SUFFIXES = (".md", ".markdown")
DATE_KEYS = ("created", "modified", "date", "updated")
# C0 controls but tab, line ends and ESC (ISO-2022-JP needs it), and DEL: what binary files are full of.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# The characters XML 1.0 cannot carry: a NUL from a broken clipper or a vertical tab from a word
# processor would otherwise travel into entity names, evidence and titles.
_CONTROL_CHARS = dict.fromkeys(
    [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
)
# A file name keeps no control character at all, so every message about a file is one line.
_NAME_CONTROLS = {**_CONTROL_CHARS, 0x09: None, 0x0A: None, 0x0D: None}
# What YAML gives for plain values; lists and mappings inside a field are ignored.
_SCALARS = (str, int, float, date)
# Longer than any note name and alias; bounding the search keeps a line of 100,000 '[' linear.
_MAX_WIKILINK = 1_000


def read_vault(paths: Iterable[str | Path], callouts: bool = True) -> Vault:
    """Return the notes read from Markdown files and folders; unreadable files are skipped."""
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
    notes: list[Note] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    seen: set[str] = set()
    names: set[str] = set()
    for root in roots:
        found = _find_notes(root) if root.is_dir() else [(root, root.name)]
        for path, raw_name in found:
            # realpath, not Path.resolve: on a link to itself resolve raises instead of returning
            real = os.path.realpath(path)
            if real in seen:  # the same file given twice, or linked twice in a vault
                continue
            seen.add(real)
            name = _path_text(raw_name)
            if not name.lower().endswith(MARKDOWN_SUFFIXES):
                skipped.append(Skipped(name, "not a Markdown file (.md or .markdown)"))
                continue
            try:
                note, note_warnings = read_note(path, name, callouts)
            except (OSError, ValueError) as err:
                skipped.append(Skipped(name, " ".join(str(err).split())))
                continue
            except Exception as err:  # a parser limit hit by one file must not cost the others
                reason = " ".join(str(err).split())
                skipped.append(Skipped(name, f"cannot parse it ({type(err).__name__}: {reason})"))
                continue
            if name in names:
                warnings.append(f"{name}: two input files have this path")
            names.add(name)
            notes.append(note)
            warnings += note_warnings
    return Vault(tuple(notes), tuple(skipped), tuple(warnings))


def read_note(path: Path, name: str, callouts: bool = True) -> tuple[Note, list[str]]:
    """Return the note in one file and warnings about it; raise ValueError if it is not text."""
    path = Path(path)
    if not stat.S_ISREG(path.stat().st_mode):  # reading a named pipe or a device never ends
        raise ValueError("not a regular file")
    return parse_note(_decode_bytes(path.read_bytes()), name, callouts)


def parse_note(text: str, name: str, callouts: bool = True) -> tuple[Note, list[str]]:
    """Return the note written in ``text`` (stored as ``name``) and warnings about it."""
    # markdown-it counts lines after the same newline normalisation, so line numbers agree.
    # NFC composes kana written as base + combining mark (ト + ゙ = ド), as macOS and some
    # clippers store them, so names match however the file spells them.
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    warnings: list[str] = []
    clean = text.translate(_CONTROL_CHARS)
    if len(clean) < len(text):
        warnings.append(f"{name}: {len(text) - len(clean)} control characters removed")
        text = clean
    header, body, offset = _split_front_matter(text)
    meta = _load_metadata(header, name, warnings) if header is not None else {}
    env: dict[str, Any] = {}
    walker = _Walker(name, offset, callouts, env)
    walker.walk(_parser().parse(body, env))
    blocks = _place_footnotes(walker.items)
    warnings += _check_footnotes(walker.items, blocks, name)
    title = _as_strings(meta.get("title"))
    note = Note(
        path=name,
        title=title[0] if title else PurePosixPath(name).stem,
        tags=tuple(t for t in (s.lstrip("#") for s in _as_strings(meta.get("tags"), ", ")) if t),
        aliases=tuple(_as_strings(meta.get("aliases"), ",")),
        dates=_read_dates(meta),
        links=tuple(dict.fromkeys(walker.targets)),
        blocks=tuple(blocks),
    )
    return note, warnings


# -- files ---------------------------------------------------------------------------------


def _find_notes(root: Path) -> list[tuple[Path, str]]:
    """Return the visible Markdown files under a folder with their posix paths, sorted."""
    found = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or a second link to a folder already read
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            if not file.startswith(".") and file.lower().endswith(MARKDOWN_SUFFIXES):
                path = Path(folder, file)
                found.append((path, path.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _path_text(name: str) -> str:
    """Return a file's path as printable text, however its name was encoded on disk.

    Python keeps the bytes of a name that is not UTF-8 as lone surrogates, which no output can
    carry. Such names come mostly from zip files made on Japanese Windows, so they are read as
    CP932, else with U+FFFD for what cannot be read. Control characters (a newline, say) are
    left out, so every message about a file stays one line.
    """
    raw = os.fsencode(name)
    for encoding in ("utf-8", "cp932"):
        with suppress(UnicodeDecodeError):
            return raw.decode(encoding).translate(_NAME_CONTROLS)
    return raw.decode("utf-8", errors="replace").translate(_NAME_CONTROLS)


def _decode_bytes(data: bytes) -> str:
    """Return the text of a note file; raise ValueError when the bytes are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    # Images, PDFs and archives are about one byte in nine a control character; a note has
    # none, or a stray NUL or vertical tab that parse_note removes. Control bytes never occur
    # inside a UTF-8, Shift_JIS or EUC-JP character, so counting raw bytes is exact for them.
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls * 20 > len(data):
        raise ValueError("binary file (contains NUL bytes)" if b"\x00" in data else "binary file (control bytes)")
    # ISO-2022-JP (old mail and news clippings) is 7-bit, so it would pass as UTF-8: its escapes tell.
    if b"\x1b$B" in data or b"\x1b$@" in data:
        with suppress(UnicodeDecodeError):
            return data.decode("iso2022_jp")
    with suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    # Older Windows tools write Shift_JIS, older Unix ones EUC-JP. Japanese text in one is seldom
    # valid in the other; when it is, the guesser chooses between just these two.
    fits = [encoding for encoding in ("cp932", "euc_jp") if _decodes(data, encoding)]
    if len(fits) == 1:
        return data.decode(fits[0])
    match = charset_normalizer.from_bytes(data, cp_isolation=fits or None).best()
    if match is None:
        raise ValueError("not text: no known encoding decodes it")
    return str(match)


def _decodes(data: bytes, encoding: str) -> bool:
    """Return whether data is valid in encoding."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# -- front matter --------------------------------------------------------------------------


def _split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return the YAML header (None if absent), the body and how many lines the header takes."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() == "---":
            return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 1
    return None, text, 0  # never closed: Obsidian shows it as text, and so do we


def _load_metadata(header: str, name: str, warnings: list[str]) -> dict[Any, Any]:
    """Return the front-matter mapping, or an empty one (with a warning) when it is malformed."""
    try:
        meta = YAMLHandler().load(header)
    # PyYAML raises plain ValueError/TypeError for some scalars, e.g. a 30 February date.
    except (yaml.YAMLError, ValueError, TypeError) as err:
        reason = " ".join(str(err).split())
        warnings.append(f"{name}:1: malformed YAML front matter ignored: {reason}")
        return {}
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        warnings.append(f"{name}:1: front matter is not a mapping; ignored")
        return {}
    return meta


def _as_strings(value: Any, separators: str = "") -> list[str]:
    """Return the distinct non-empty strings of a field given as a list or a separated string."""
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, list | tuple | set):
        # Only scalars: str() of nested YAML aliases (a "billion laughs" header) never ends.
        items = [str(v) for v in value if isinstance(v, _SCALARS)]
    elif isinstance(value, str) and separators:
        for separator in separators:
            value = value.replace(separator, separators[0])
        items = value.split(separators[0])
    else:
        items = [str(value)]
    cleaned = (s.translate(_CONTROL_CHARS).strip() for s in items)  # YAML escapes can write "\0"
    return list(dict.fromkeys(s for s in cleaned if s))


def _read_dates(meta: dict[Any, Any]) -> tuple[tuple[str, str], ...]:
    """Return (key, ISO string) for the date fields present in the front matter."""
    dates = []
    for key in DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, date):  # YAML gives date and datetime objects for bare dates
            dates.append((key, value.isoformat()))
        elif isinstance(value, _SCALARS) and (text := str(value).translate(_CONTROL_CHARS).strip()):
            dates.append((key, text))
    return tuple(dates)


# -- parser and Obsidian plugins -----------------------------------------------------------


@cache
def _parser() -> MarkdownIt:
    """Return the markdown-it parser with footnotes, math, autolinks and Obsidian syntax."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Definitions stay where they are written so an uncited one keeps its section, and
    # references to undefined footnotes still become tokens, so ``[^id]`` never reaches text.
    md.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    # As in Obsidian and Pandoc, math has no space inside its dollars and no digit outside,
    # so prices such as "$100 or $200" stay text.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False)
    md.use(gfm_autolink_plugin)
    md.block.ruler.before(
        "fence", "obsidian_comment", _parse_comment_block, {"alt": ["paragraph", "list"]}
    )
    md.inline.ruler.before("backticks", "obsidian_comment", _parse_comment_inline)
    md.inline.ruler.before("link", "wikilink", _parse_wikilink)
    md.core.ruler.after("block", "callout", _mark_callouts)
    return md


def _parse_comment_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Consume a ``%%`` comment that opens a line and closes on a later line (or never)."""
    if is_code_block(state, start):
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    # One-line comments are left to the inline rule so text after them survives.
    if not first.startswith("%%") or "%%" in first[2:]:
        return False
    if silent:
        return True
    line = start + 1
    while line < end and "%%" not in state.src[state.bMarks[line] : state.eMarks[line]]:
        line += 1
    state.line = min(line + 1, end)
    state.push("obsidian_comment", "", 0).map = [start, state.line]
    return True


def _parse_comment_inline(state: StateInline, silent: bool) -> bool:
    """Consume an inline ``%%comment%%``; an unclosed one hides the rest of the block."""
    if not state.src.startswith("%%", state.pos):
        return False
    close = state.src.find("%%", state.pos + 2, state.posMax)
    state.pos = state.posMax if close < 0 else close + 2
    if not silent:
        state.push("obsidian_comment", "", 0)
    return True


def _parse_wikilink(state: StateInline, silent: bool) -> bool:
    """Turn ``[[target#anchor|alias]]`` or ``![[embed]]`` into one ``wikilink`` token."""
    embed = state.src.startswith("!", state.pos)
    start = state.pos + 1 if embed else state.pos
    if not state.src.startswith("[[", start):
        return False
    close = state.src.find("]]", start + 2, min(state.posMax, start + _MAX_WIKILINK))
    if close < 0 or "\n" in state.src[start:close]:  # Obsidian links never span lines
        return False
    if not silent:
        token = state.push("wikilink", "", 0)
        token.content = state.src[start + 2 : close]
        token.meta = {"embed": embed}
    state.pos = close + 2
    return True


def _mark_callouts(state: StateCore) -> None:
    """Mark blockquotes opening with ``[!type]`` as callouts and make their title a paragraph."""
    tokens = state.tokens
    i = 0
    while i < len(tokens) - 2:
        quote, para, inline = tokens[i : i + 3]
        i += 1
        if quote.type != "blockquote_open" or para.type != "paragraph_open":
            continue
        marker, _, rest = inline.content.partition("\n")
        kind, bracket, title = marker.partition("]")
        if not (bracket and kind.startswith("[!") and len(kind) > 2) or " " in kind:
            continue
        quote.meta["callout"] = kind[2:]
        line, stop = inline.map or (0, 1)
        inline.content = rest
        para.map = inline.map = [line + 1, max(line + 1, stop)]
        title = title.lstrip("+-").strip()  # +/- only say whether the callout starts folded
        if title:
            tokens[i:i] = _make_paragraph(title, line, quote.level + 1)


def _make_paragraph(content: str, line: int, level: int) -> list[Token]:
    """Return the open, inline and close tokens of a one-line paragraph."""
    open_, close = Token("paragraph_open", "p", 1), Token("paragraph_close", "p", -1)
    inline = Token("inline", "", 0, content=content, children=[], level=level + 1)
    for token in (open_, inline):
        token.map = [line, line + 1]
    open_.level = close.level = level
    open_.block = inline.block = close.block = True
    return [open_, inline, close]


# -- tokens -> blocks ----------------------------------------------------------------------


@dataclass
class _Definition:
    """A footnote definition's blocks, written in one place and copied to where it is cited."""

    label: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Shown:
    """What a reader sees of one inline token, with its links and removed footnote references."""

    text: str
    links: tuple[Link, ...]
    citations: tuple[tuple[int, str], ...]
    targets: list[str]
    inline_notes: list[tuple[str, int]]


class _Walker:
    """Turns one note's token stream into blocks and footnote definitions, in document order."""

    def __init__(self, name: str, offset: int, callouts: bool, env: dict[str, Any]) -> None:
        self.name = name
        self.stem = PurePosixPath(name).stem
        self.offset = offset
        self.callouts = callouts
        self.env = env
        self.headings: list[tuple[str, int]] = []
        self.section = 0
        self.paragraph = 0
        self.containers: list[str] = []
        self.definition: _Definition | None = None
        self.items: list[Block | _Definition] = []
        self.targets: list[str] = []

    def walk(self, tokens: list[Token]) -> None:
        """Visit the tokens, skipping whole callouts when they are not wanted."""
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.meta.get("callout") and not self.callouts:
                i = _skip_container(tokens, i)
                continue
            if token.type == "footnote_reference_open":
                self.definition = _Definition(token.meta["label"])
                self.items.append(self.definition)
            elif token.type == "footnote_reference_close":
                self.definition = None
            elif token.type == "inline":
                self._add_inline(token, tokens[i - 1])
            if token.nesting == 1:
                self.containers.append("callout" if token.meta.get("callout") else token.type)
            elif token.nesting == -1:
                self.containers.pop()
            i += 1

    def _add_inline(self, inline: Token, parent: Token) -> None:
        """Add the block of one inline token, starting a section if it is a heading."""
        shown = _render_inline(inline.children or [], self.stem)
        self.targets += shown.targets
        line = self.offset + 1 + (inline.map or parent.map or [0])[0]
        kind = self._kind_of(parent)
        if kind == "heading":
            level = int(parent.tag[1:])
            while self.headings and self.headings[-1][1] >= level:
                self.headings.pop()
            self.headings.append((shown.text, level))
            self.section += 1
        footnote = self.definition.label if self.definition else ""
        self._add_block(kind, line, shown, footnote, self.definition)
        for label, number in shown.inline_notes:
            note = _Definition(label)
            tokens = self.env["footnotes"]["list"][number]["tokens"]
            self._add_block("footnote", line, _render_inline(tokens, self.stem), label, note)
            self.items.append(note)

    def _kind_of(self, parent: Token) -> str:
        """Return the block kind of an inline token inside ``parent`` and the open containers."""
        if self.definition is not None:
            return "footnote"
        if parent.type == "heading_open":
            return "heading"
        if "callout" in self.containers:
            return "callout"
        if parent.type in ("th_open", "td_open"):
            return "table_cell"
        return "list_item" if "list_item_open" in self.containers else "paragraph"

    def _add_block(
        self, kind: str, line: int, shown: _Shown, footnote: str, into: _Definition | None
    ) -> None:
        """Append a block at the current heading path unless its text is empty."""
        if not shown.text:
            return
        block = Block(
            note=self.name,
            heading_path=tuple(text for text, _ in self.headings),
            heading_levels=tuple(level for _, level in self.headings),
            section=self.section,
            paragraph=self.paragraph,
            line=line,
            kind=kind,
            text=shown.text,
            citations=shown.citations,
            footnote=footnote,
            links=shown.links,
        )
        self.paragraph += 1
        (into.blocks if into else self.items).append(block)


def _skip_container(tokens: list[Token], i: int) -> int:
    """Return the index just after the token that closes the container opened at ``i``."""
    level = tokens[i].level
    for j in range(i + 1, len(tokens)):
        if tokens[j].nesting == -1 and tokens[j].level == level:
            return j + 1
    return len(tokens)


class _TextBuilder:
    """Joins the visible pieces of one inline run, tracking link spans and citations."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending_break = False
        self.link: tuple[str, bool] | None = None
        self.link_start: int | None = None
        self.links: list[Link] = []
        self.citations: list[tuple[int, str]] = []

    def add(self, piece: str) -> None:
        """Append visible text, first resolving a soft break before it."""
        if self.parts and self.parts[-1][-1] == " ":  # hidden markup between two spaces
            piece = piece.lstrip(" ")
        if not piece:
            return
        if self.pending_break and self.parts:
            last = self.parts[-1][-1]
            # Japanese wraps lines anywhere, so a break between two CJK characters is no space.
            if not (last.isspace() or piece[0].isspace() or _is_cjk(last) and _is_cjk(piece[0])):
                self.parts.append(" ")
                self.length += 1
        self.pending_break = False
        if self.link and self.link_start is None:
            self.link_start = self.length
        self.parts.append(piece)
        self.length += len(piece)

    def open_link(self, target: str, wiki: bool) -> None:
        """Start a link; its span begins at the next visible text."""
        self.link, self.link_start = (target, wiki), None

    def close_link(self) -> None:
        """End the open link, recording its span if the reader saw any text of it."""
        if self.link and self.link_start is not None and self.length > self.link_start:
            self.links.append(Link(self.link_start, self.length, *self.link))
        self.link = self.link_start = None

    def finish(self, targets: list[str], inline_notes: list[tuple[str, int]]) -> _Shown:
        """Return the stripped text with offsets shifted to match it."""
        raw = "".join(self.parts)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())

        def shift(offset: int) -> int:
            return min(max(offset - lead, 0), len(text))

        links = tuple(
            Link(shift(k.start), shift(k.end), k.target, k.wiki)
            for k in self.links
            if shift(k.end) > shift(k.start)
        )
        citations = tuple((shift(offset), label) for offset, label in self.citations)
        return _Shown(text, links, citations, targets, inline_notes)


def _render_inline(children: list[Token], stem: str) -> _Shown:
    """Return what a reader sees of inline tokens: text, links spans and citations."""
    out = _TextBuilder()
    targets: list[str] = []
    inline_notes: list[tuple[str, int]] = []
    in_autolink = False
    for token in children:
        if in_autolink:  # an autolink shows only its URL, which is not text
            in_autolink = token.type != "link_close"
        elif token.type == "text":
            out.add(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.pending_break = True
        elif token.type == "link_open":
            in_autolink = token.markup == "autolink"
            if not in_autolink:
                out.open_link(str(token.attrGet("href") or ""), wiki=False)
        elif token.type == "link_close":
            out.close_link()
        elif token.type == "wikilink" and not token.meta["embed"]:
            target, shown = _split_wikilink(token.content)
            if target:
                targets.append(target)
            out.open_link(target or stem, wiki=True)  # [[#anchor]] points into this note
            out.add(shown)
            out.close_link()
        elif token.type == "footnote_ref":
            label = token.meta.get("label")
            if label is None:  # an inline ^[footnote]: it has a number, not a label
                label = f"inline-{token.meta['id'] + 1}"
                inline_notes.append((label, token.meta["id"]))
            out.citations.append((out.length, label))
        # Everything else shows no text: code, math, HTML, images, embeds and comments.
    return out.finish(targets, inline_notes)


def _split_wikilink(content: str) -> tuple[str, str]:
    """Return the target note and the visible text of a wikilink's inner text."""
    target, bar, alias = content.partition("|")
    target, _, anchor = target.partition("#")
    target = target.strip()
    if target.lower().endswith(".md"):
        target = target[:-3]
    shown = alias if bar else (target.rsplit("/", 1)[-1] or anchor.lstrip("^"))
    return target, _strip_decoration(shown)


def _strip_decoration(text: str) -> str:
    """Return text without the emoji and spaces Obsidian users put around note titles."""
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_decoration(char: str) -> bool:
    """Return whether a character is a space or part of an emoji (symbol, joiner, selector)."""
    if char.isspace() or char in "\u200d\ufe0e\ufe0f" or 0xE0020 <= ord(char) <= 0xE007F:
        return True
    return unicodedata.category(char) in ("So", "Sk", "Me")


def _is_cjk(char: str) -> bool:
    """Return whether a character is Japanese-wide: kanji, kana, full-width punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F", "H")


# -- footnotes -----------------------------------------------------------------------------


def _place_footnotes(items: list[Block | _Definition]) -> list[Block]:
    """Return the blocks in order, each footnote copied after its first citation in a section."""
    definitions: dict[str, list[_Definition]] = {}
    for item in items:
        if isinstance(item, _Definition):
            definitions.setdefault(item.label, []).append(item)
    cited = {label for item in items if isinstance(item, Block) for _, label in item.citations}
    blocks: list[Block] = []
    placed: set[tuple[str, int]] = set()
    for item in items:
        if isinstance(item, _Definition):
            if item.label not in cited:  # nobody cites it: it stays where it is written
                blocks += item.blocks
            continue
        blocks.append(item)
        for _, label in item.citations:
            if (label, item.section) in placed:
                continue
            placed.add((label, item.section))
            for definition in definitions.get(label, []):
                blocks += [
                    replace(
                        b,
                        heading_path=item.heading_path,
                        heading_levels=item.heading_levels,
                        section=item.section,
                    )
                    for b in definition.blocks
                ]
    return blocks


def _check_footnotes(
    items: list[Block | _Definition], blocks: list[Block], name: str
) -> list[str]:
    """Return warnings for footnotes cited but never defined, or defined but never cited."""
    defined = {item.label for item in items if isinstance(item, _Definition)}
    warnings, cited = [], set()
    for block in blocks:
        for _, label in block.citations:
            if label not in defined and label not in cited:
                warnings.append(
                    f"{name}:{block.line}: footnote [^{label}] is cited but never defined"
                )
            cited.add(label)
    for item in items:
        if isinstance(item, _Definition) and item.label not in cited and item.blocks:
            warnings.append(
                f"{name}:{item.blocks[0].line}: footnote [^{item.label}] is defined but never cited"
            )
    return warnings
