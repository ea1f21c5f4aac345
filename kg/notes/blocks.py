"""Parser tokens -> blocks: the text a reader sees of each paragraph, item, cell, heading and footnote."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from markdown_it.token import Token

from kg.notes.footnotes import Definition
from kg.records import Block, Link
from kg.text.chars import strip_decoration

# A scheme or www., or a dotted host name with a path (or an ellipsis) after it or three labels.
_URL_LIKE = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|(?:[\w-]+\.)+[a-z]{2,}[/…?#]\S*|(?:[\w-]+\.){2,}[a-z]{2,})$",
    re.IGNORECASE,
)


@dataclass
class _Shown:
    """What a reader sees of one inline token, with its links and removed footnote references."""

    text: str
    links: tuple[Link, ...]
    citations: tuple[tuple[int, str], ...]
    targets: list[str]
    inline_notes: list[tuple[str, int]]
    emphasis: tuple[tuple[int, int], ...] = ()


class Walker:
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
        self.definition: Definition | None = None
        self.items: list[Block | Definition] = []
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
                self.definition = Definition(token.meta["label"])
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
        """Add the blocks of one inline token, starting a section if it is a heading."""
        line = self.offset + 1 + (inline.map or parent.map or [0])[0]
        kind = self._kind_of(parent)
        if kind != "heading":
            for down, run in _line_runs(inline.content, inline.children or []):
                self._add_shown(kind, line + down, _render_inline(run, self.stem))
            return
        shown = _render_inline(inline.children or [], self.stem, heading=True)
        level = int(parent.tag[1:])
        while self.headings and self.headings[-1][1] >= level:
            self.headings.pop()
        self.headings.append((shown.text, level))
        self.section += 1
        self._add_shown(kind, line, shown)

    def _add_shown(self, kind: str, line: int, shown: _Shown) -> None:
        """Add the block of what a reader sees of some inline tokens, then its inline footnotes."""
        self.targets += shown.targets
        footnote = self.definition.label if self.definition else ""
        self._add_block(kind, line, shown, footnote, self.definition)
        waiting = list(shown.inline_notes)
        while waiting:  # an inline footnote may hold inline footnotes of its own
            label, number = waiting.pop(0)
            note = Definition(label)
            inner = _render_inline(self.env["footnotes"]["list"][number]["tokens"], self.stem)
            self._add_block("footnote", line, inner, label, note)
            self.items.append(note)
            waiting += inner.inline_notes

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
        self, kind: str, line: int, shown: _Shown, footnote: str, into: Definition | None
    ) -> None:
        """Append a block at the current heading path unless its text is empty.

        A block that shows nothing but cites a footnote (a paragraph of ``^[…]`` or ``[^1]`` alone) is kept
        for its citations, so its footnote counts as cited and joins its section; parse_note drops it after."""
        if not shown.text and not shown.citations:
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
            emphasis=shown.emphasis,
        )
        self.paragraph += bool(shown.text)
        (into.blocks if into else self.items).append(block)


def _line_runs(content: str, children: list[Token]) -> list[tuple[int, list[Token]]]:
    """Return the tokens of each block that inline tokens make, with the line each starts on (0 the first).

    A metadata line (``Source: Reuters``, ``[地域:: アジア] (重要度:: 中)``) is a block of its own: its
    value is no part of the sentences around it (日本経済新聞 and アジア of two lines are no
    日本経済新聞アジア), and its mentions keep their own line.
    """
    runs: list[tuple[int, list[Token]]] = []
    line = counted = 0  # the line of the last metadata line, and how far the content was counted for it
    alone = True  # whether the next line starts a block: the first, and any after a metadata line
    for tokens in _lines(children):
        at = _metadata_at(tokens)
        if at is not None:
            line += content.count("\n", counted, at)
            counted = at
            runs.append((line, tokens))
            alone = True
        elif alone:
            runs.append((line + 1 if runs else 0, tokens))
            alone = False
        else:
            runs[-1][1].extend(tokens)
    return runs


def _lines(children: list[Token]) -> list[list[Token]]:
    """Return inline tokens cut after each line break outside a link, so a link stays whole."""
    lines: list[list[Token]] = [[]]
    depth = 0
    for token in children:
        lines[-1].append(token)
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if token.type in ("softbreak", "hardbreak") and not depth:
            lines.append([])
    return [tokens for tokens in lines if tokens]


def _metadata_at(tokens: list[Token]) -> int | None:
    """Return where in the source a line of inline tokens starts if it is a metadata line, else None.

    That is a line field (``Source: Reuters``, ``Category:: Economy``), or a line of nothing but inline
    fields (``[国:: 日本] (重要度:: 中)``).
    """
    fields = []
    depth = 0
    for token in tokens:
        if token.type == "field_open":
            if token.meta["line"]:  # the parser makes one only at the start of a line
                return token.meta["at"]
            if not depth:
                fields.append(token)
            depth += 1
        elif token.type == "field_close":
            depth -= 1
        elif depth:
            continue
        elif not (token.type in ("softbreak", "hardbreak") or token.type == "text" and token.content.isspace()):
            return None
    return fields[0].meta["at"] if fields else None


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
        self.emphasis: list[tuple[int, int]] = []
        self.emphasis_starts: list[int] = []

    def add(self, piece: str) -> None:
        """Append visible text, first resolving a soft break before it."""
        if self.parts and self.parts[-1][-1] == " ":  # hidden markup between two spaces
            piece = piece.lstrip(" ")
        if not piece:
            return
        if self.pending_break and self.parts:
            # Obsidian shows a line break where the source has one, and readers start a new line
            # where a sentence or a list without bullets goes on (北米：…、アメリカ / オセアニア：…),
            # never inside a word, so the break parts the two lines' words; after 。 or 、 they are apart.
            last = self.parts[-1][-1]
            if not (last.isspace() or piece[0].isspace() or _is_wide_punctuation(last)):
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

    def open_emphasis(self) -> None:
        """Start a bold run at the next visible text (italics are captions and asides more than names)."""
        self.emphasis_starts.append(self.length)

    def close_emphasis(self) -> None:
        """End the innermost open bold run, recording its span if it holds text."""
        if self.emphasis_starts:
            start = self.emphasis_starts.pop()
            if self.length > start:
                self.emphasis.append((start, self.length))

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
        emphasis = tuple((shift(a), shift(b)) for a, b in self.emphasis if shift(b) > shift(a))
        return _Shown(text, links, citations, targets, inline_notes, emphasis)


def looks_like_url(text: str) -> bool:
    """Return True for text that is a URL or a web address: https://…, www.…, news.google.com/…."""
    return bool(_URL_LIKE.match(text.strip()))


def _render_inline(children: list[Token], stem: str, heading: bool = False) -> _Shown:
    """Return what a reader sees of inline tokens: text, links spans and citations.

    Of a field (``Source: Reuters``, ``[国:: 日本]``) only the value is text, but a heading is a title and
    keeps the key of a line field (日本：新たな経済対策 names 日本).
    """
    out = _TextBuilder()
    targets: list[str] = []
    inline_notes: list[tuple[str, int]] = []
    in_autolink = False
    link_text: list[Token] | None = None  # the tokens of a [text](url) link, held until it closes
    for token in children:
        if in_autolink:  # an autolink shows only its URL, which is not text
            in_autolink = token.type != "link_close"
        elif link_text is not None and token.type in ("text", "softbreak", "hardbreak"):
            link_text.append(token)
        elif token.type == "text":
            out.add(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.pending_break = True
        elif token.type == "link_open":
            in_autolink = token.markup == "autolink"
            if not in_autolink:
                out.open_link(str(token.attrGet("href") or ""), wiki=False)
                link_text = []
        elif token.type == "link_close":
            shown = link_text or []
            link_text = None
            # link text that is itself a URL or a domain ([news.google.com/…](https://...)) is not text
            if not looks_like_url("".join(t.content for t in shown if t.type == "text")):
                for piece in shown:
                    if piece.type == "text":
                        out.add(piece.content)
                    else:
                        out.pending_break = True
            out.close_link()
        elif token.type == "wikilink" and not token.meta["embed"]:
            target, shown = _split_wikilink(token.content)
            if target:
                targets.append(target)
            out.open_link(target or stem, wiki=True)  # [[#anchor]] points into this note
            out.add(shown)
            out.close_link()
        elif token.type == "field_open" and token.meta["line"] and heading:
            out.add(token.content)
        elif token.type == "strong_open":
            out.open_emphasis()
        elif token.type == "strong_close":
            out.close_emphasis()
        elif token.type == "footnote_ref":
            label = token.meta.get("label")
            if label is None:  # an inline ^[footnote]: it has a number, not a label
                label = f"inline-{token.meta['id'] + 1}"
                inline_notes.append((label, token.meta["id"]))
            out.citations.append((out.length, label))
        # Everything else shows no text: code, math, HTML, images, embeds, comments and fields' keys.
    return out.finish(targets, inline_notes)


def _split_wikilink(content: str) -> tuple[str, str]:
    """Return the target note and the visible text of a wikilink's inner text."""
    target, bar, alias = content.partition("|")
    target, _, anchor = target.partition("#")
    target = target.strip()
    if target.lower().endswith(".md"):
        target = target[:-3]
    shown = alias if bar else (target.rsplit("/", 1)[-1] or anchor.lstrip("^"))
    return target, strip_decoration(shown)


def _is_wide_punctuation(char: str) -> bool:
    """Return whether a character is Japanese punctuation (。、」): words end at it, so no space is needed."""
    return unicodedata.category(char).startswith("P") and unicodedata.east_asian_width(char) in ("W", "F")
