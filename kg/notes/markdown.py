"""The markdown-it parser with the rules Obsidian adds: wikilinks, embeds, %%comments%%, callouts."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, paragraph
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
from mdit_py_plugins.utils import is_code_block

# Longer than any note name and alias; bounding the search keeps a line of 100,000 '[' linear.
_MAX_WIKILINK = 1_000
# GFM's autolink scanners copy the rest of the paragraph at each ':', '@' and "www.", and search
# all the text before a ':' for a scheme, which made a 2 MB line take 16 s and a 5 MB one minutes.
# They see this many characters from where they start, which no real address exceeds (a longer
# URL is linked up to here and the rest read as text).
_LONGEST_URL = 2_048
_LONGEST_EMAIL = 320  # 64 for the local part, 255 for the domain
_SCHEMES = ("http", "https", "mailto", "xmpp")
# Text the parser holds before a ':' at most; the scheme search reads only its end.
_PENDING = 64
# Containers (a list and its item count two) the parser opens before reading deeper ones as plain
# text. markdown-it's own limit of 20 silently drops the rest of the note; 50 (24 nested lists)
# stays far inside Python's stack, which nested containers recurse on.
MAX_NESTING = 50
# The env key under which the parser lists the lines it read as plain text for being too deep.
TOO_DEEP = "kg_too_deep"


@cache
def parser() -> MarkdownIt:
    """Return the markdown-it parser with footnotes, math, autolinks and Obsidian syntax."""
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    md.block.ruler.before("table", "too_deep", _parse_too_deep)
    # Definitions stay where they are written so an uncited one keeps its section, and
    # references to undefined footnotes still become tokens, so ``[^id]`` never reaches text.
    md.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    # As in Obsidian and Pandoc, math has no space inside its dollars and no digit outside,
    # so prices such as "$100 or $200" stay text.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False)
    md.use(gfm_autolink_plugin)
    for name, trigger, reach in (("gfm_autolink_www", "www.", _LONGEST_URL), ("gfm_autolink_protocol", ":", _LONGEST_URL),
                                 ("gfm_autolink_email", "@", _LONGEST_EMAIL)):
        rule = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn
        md.inline.ruler.at(name, _within(rule, trigger, reach))
    md.block.ruler.before(
        "fence", "obsidian_comment", _parse_comment_block, {"alt": ["paragraph", "list"]}
    )
    md.inline.ruler.before("backticks", "obsidian_comment", _parse_comment_inline)
    md.inline.ruler.before("link", "wikilink", _parse_wikilink)
    md.core.ruler.after("block", "callout", _mark_callouts)
    return md


def _within(rule: Callable[[StateInline, bool], bool], trigger: str, reach: int) -> Callable[[StateInline, bool], bool]:
    """Return an autolink rule that reads at most ``reach`` characters, and none past ASCII.

    Bounded so, a long line costs linear time.
    """

    def run(state: StateInline, silent: bool) -> bool:
        # the GFM rules match only when they emit tokens, and only where their trigger is
        if silent or not state.src.startswith(trigger, state.pos):
            return False
        if trigger == ":":
            # a scheme must end where the ':' is; else the rule's search of the pending text is wasted
            if not state.src.endswith(_SCHEMES, max(0, state.pos - 6), state.pos):
                return False
            pending = state.pending
            if len(pending) > _PENDING:  # keep only what the scheme search needs in pending
                state.pending = pending[:-8]
                state.pushPending()
                state.pending = pending[-8:]
        # Japanese text runs on after a URL without a space ("https://example.jpを参照。"), and GFM
        # would take all of it up to the next space as the address: a bare URL ends where ASCII does.
        view = state.src[state.pos : state.pos + reach]
        length = len(view) if view.isascii() else next(i for i, char in enumerate(view) if not char.isascii())
        end = state.posMax
        state.posMax = min(end, state.pos + length)
        try:
            return rule(state, silent)
        finally:
            state.posMax = end

    return run


def _parse_too_deep(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read a block nested too deep to open another container as a paragraph of plain text.

    Without it markdown-it skips everything from that depth to the end of the note. The lines
    are those a paragraph would take here (lazy continuations included); the markers of the
    containers not opened are dropped, so only the words a reader sees remain.
    """
    # a list and its item open two levels at once, and their paragraph one more
    if silent or state.level < MAX_NESTING - 3:
        return False
    first = len(state.tokens)
    paragraph(state, start, end, False)
    inline = state.tokens[first + 1]
    inline.content = "\n".join(_without_markers(line) for line in inline.content.split("\n"))
    state.env.setdefault(TOO_DEEP, []).append(start)
    return True


def _without_markers(line: str) -> str:
    """Return a line without the quote, list and heading markers that open it."""
    while True:
        line = line.lstrip(" \t>")
        head, space, rest = line.partition(" ")
        number = head[:-1]
        if not (head in ("-", "+", "*") or set(head) == {"#"} and len(head) <= 6
                or head[-1:] in (".", ")") and 0 < len(number) < 10 and number.isascii() and number.isdigit()):
            return line
        line = rest if space else ""


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
    # Note names hold no bracket, and a second [[ opens another link: otherwise "[[a](url) [[b]]"
    # would be read as one wikilink to "a](url) [[b" and lose the text a.
    target, _, alias = state.src[start + 2 : close].partition("|")
    if "[" in target or "]" in target or "[[" in alias:
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

