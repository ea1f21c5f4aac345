"""The markdown-it parser with the rules Obsidian adds: wikilinks, embeds, %%comments%%, callouts."""

from __future__ import annotations

import re
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
# A Dataview key: a letter or digit, then letters, digits, spaces, -, _ and / (and ・, which Japanese
# keys use), as Dataview reads it; bounded so a line of 100,000 '[' stays linear.
_KEY = r"[^\W_][\w /・-]{0,63}?"
_INLINE_FIELD = re.compile(rf"({_KEY})::[ \t]*")
# A key opening a line, maybe emphasised (**Source**: or **Source:**), then :: or a colon.
_LINE_FIELD = re.compile(
    rf"(?P<mark>\*\*|__|\*|_)?(?P<key>{_KEY})(?P<inner>(?P=mark))?"
    rf"(?P<colon>::|:|：)(?P<outer>(?P=mark))?(?P<space>[ \t]*)"
)
# A key: value line is metadata only when the key is a short name and the value no prose.
_MAX_KEY_CHARS = 20
_MAX_KEY_WORDS = 3
_PROSE_MARKS = frozenset("。．！？、，")
# Hiragana between two other word characters: a particle or an inflection joining words (分担金と拠出金,
# 世界銀行に設置, 据え置き), so a phrase, where a field's key and value are names, words, dates and codes.
_PHRASE = re.compile(r"[^\W_ぁ-ゟ][ぁ-ゟ]+[^\W_ぁ-ゟ]")
# An inline field's value runs to its closing bracket within the line, over the brackets of a
# wikilink, a link or a field inside it; within this many characters, like a wikilink.
_MAX_FIELD = 1_000
_FIELD_VALUE = {
    "[": re.compile(r"(?:[^\[\]\n]|\[\[[^\[\]\n]*\]\]|\[[^\[\]\n]*\])*\]"),
    "(": re.compile(r"(?:[^()\n]|\([^()\n]*\))*\)"),
}


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
    # Before the text rule, which would take a line's key as text. Text stops at ( so that the rule
    # sees (key:: value), and at ), as it never runs past the end of a value it is asked to read.
    md.inline.ruler.before("text", "field", _parse_field)
    md.inline.add_terminator_char("(")
    md.inline.add_terminator_char(")")
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


def _parse_field(state: StateInline, silent: bool) -> bool:
    """Turn a Dataview field or a ``Key: Value`` line into ``field_open``, its value's tokens, ``field_close``.

    ``[key:: value]`` and ``(key:: value)`` may stand anywhere; ``key:: value`` and metadata such as
    ``Source: Reuters`` or ``出典：日本経済新聞`` fill a line (``line`` in the open token's meta, with
    ``at``, where in the source the field starts). The open token's content is what a reader sees of
    a line's key (``Source: ``), for the headings that stay whole.
    """
    # Silent, the rule is asked whether a link's text goes on past here: a field is text to it, and a
    # line field, which runs to the end of the line, would hide the bracket that closes the link.
    if silent:
        return False
    src, pos = state.src, state.pos
    if src[pos] in _FIELD_VALUE:
        found = _inline_field(state, pos)
    elif state.linkLevel or not _at_line_start(src, pos):
        return False
    else:
        found = _line_field(state, pos)
    if found is None:
        return False
    shown, start, end, after = found
    token = state.push("field_open", "", 1)
    token.content, token.meta = shown, {"line": src[pos] not in _FIELD_VALUE, "at": pos}
    limit = state.posMax
    state.pos, state.posMax = start, end
    state.md.inline.tokenize(state)
    state.posMax, state.pos = limit, after
    last = state.tokens[-1]
    if last.type == "text":  # a value ends where its words do, as Dataview trims it
        last.content = last.content.rstrip(" \t")
    state.push("field_close", "", -1).meta = token.meta
    return True


def _inline_field(state: StateInline, pos: int) -> tuple[str, int, int, int] | None:
    """Return the key, the value's start and end, and the field's end of ``[key:: value]`` at ``pos``."""
    src = state.src
    match = _INLINE_FIELD.match(src, pos + 1, state.posMax)
    if not match:
        return None
    value = _FIELD_VALUE[src[pos]].match(src, match.end(), min(state.posMax, pos + _MAX_FIELD))
    if not value or src.startswith("[", pos) and src.startswith("(", value.end()):
        return None  # unclosed, or the text of a link: [a:: b](https://…)
    return match[1].strip(), match.end(), value.end() - 1, value.end()


def _line_field(state: StateInline, pos: int) -> tuple[str, int, int, int] | None:
    """Return the shown key, the value's start and end, and the line's end of a line field at ``pos``."""
    src = state.src
    end = src.find("\n", pos, state.posMax)
    end = state.posMax if end < 0 else end
    match = _LINE_FIELD.match(src, pos, end)
    if not match:
        return None
    mark, key, colon, space = match["mark"], match["key"].strip(), match["colon"], match["space"]
    stop = end
    if mark and match["inner"] and match["outer"]:
        return None
    if mark and not (match["inner"] or match["outer"]):  # the whole line emphasised: **出典：日経**
        line = src[pos:end].rstrip(" \t")
        if not line.endswith(mark) or pos + len(line) - len(mark) < match.end():
            return None
        stop = pos + len(line) - len(mark)
    if colon != "::" and not _is_metadata(key, colon, space, src[match.end() : stop]):
        return None
    return key + colon + space, match.end(), stop, end


def _is_metadata(key: str, colon: str, space: str, value: str) -> bool:
    """Return whether a ``key: value`` line reads as metadata: a short name as key, a name or word as value.

    Remarks (注：この数値は速報値で、…。) and items labelled by a name (カタール：長期契約の更新交渉,
    **WHO**：分担金と任意拠出金) go on as text; a key with a digit labels an entry in time
    (2024年3月：…, 10：30) or a number.
    """
    return (
        # an ASCII colon with no space after is a URL's, a time's or a ratio's
        (colon == "：" or bool(space))
        and not any(char.isdigit() for char in key)
        and len(key) <= _MAX_KEY_CHARS
        and len(key.split()) <= _MAX_KEY_WORDS
        and bool(value.strip())
        and not _PROSE_MARKS.intersection(value)
        and not _PHRASE.search(key)
        and not _PHRASE.search(value)
    )


def _at_line_start(src: str, pos: int) -> bool:
    """Return whether only spaces stand between ``pos`` and the start of its line."""
    while pos and src[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or src[pos - 1] == "\n"


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

