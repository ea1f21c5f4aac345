"""Products a vault names that kg does not know: the entities its text uses as software, not as bodies.

kg/data/products.txt holds the well-known products; a help site names many more (a Git client, a
sync tool, a plan of a service). A name kg does not know is a product when the vault writes it
after a product it knows (Publish of Obsidian Publish), or when the text around it treats it as
software more often than as a body (kg/data/product_cues.tsv: Xアプリ, Xをインストール,
Xは…同期ツールです against X社, Xが買収, Xと提携).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from kg.records import Block, Entity
from kg.resolve import trace
from kg.resolve.junk import from_product, is_product
from kg.resolve.knowledge import product_names, read_tsv, suffix_type
from kg.resolve.lexicon import Lexicon
from kg.text.chars import is_ascii_alnum, is_katakana, nfkc

# Places are never used as products; the other types are, when a model or a vote gives them.
_NO_PRODUCTS = ("Country", "Region")
# Capitalised Latin words written one after another: a product's name and what goes on from it.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.+-]*(?: [A-Z][A-Za-z0-9.+-]*)+")
# What ends the clause that defines a name: Xは、…ツールです / …ツールで、 / …ツールである。 A である
# before a noun opens a relative clause instead (…企業であるアトラシアンが提供: the company is another).
_DEFINED = re.compile(r"^は[、,]?([^。！？\n]{0,60}?)(?:です|である(?=[。、,])|であり|で[、,]|。)")
# A list the name opens: X、Y、Zなどのアプリ / X、Y、Zなど、多くのアプリ
_LISTED = re.compile(r"^(?:[、,・][^、,。はがをにでと]{1,30}?)*など(?:の|、|,)?(?:多くの|様々な|さまざまな|ほかの|他の)?")
# What may stand between a name and the text after it: markup and spaces (**Working Copy**アプリ).
_BETWEEN = " *_\u3000"


def without_products(entities: Sequence[Entity], blocks: Sequence[Block], lexicon: Lexicon) -> list[Entity]:
    """Return the entities without those the vault uses as products (see the module's docstring),
    nor the names that go on from them (Catalystティア where Catalyst is one)."""
    by_note: dict[str, list[Block]] = defaultdict(list)
    for block in blocks:
        by_note[block.note].append(block)
    doubted = [e for e in entities if _open_to_doubt(e, lexicon)]
    used = {nfkc(e.id).casefold() for e in doubted if not suffix_type(e.id) and _used_as_product(e, by_note)}
    products = product_tails(block.text for block in blocks) | used
    dropped = {id(e) for e in doubted if products and from_product(nfkc(e.id), products)}
    for entity in entities:
        if id(entity) in dropped:
            _trace_dropped(entity)
    return [e for e in entities if id(e) not in dropped]


def product_tails(texts: Iterable[str]) -> frozenset[str]:
    """Return what the texts write after a product kg knows, casefolded, as each run of capitalised
    words it starts: Obsidian Sync Plus gives sync and sync plus, Dropbox Japan (a maker) nothing."""
    products = product_names()
    tails = set()
    for text in texts:
        for run in _LATIN_RUN.findall(text):
            words = run.split(" ")
            known = next((i for i in range(1, len(words)) if " ".join(words[:i]).casefold() in products), 0)
            if known and is_product(run):
                tails.update(" ".join(words[known:j]).casefold() for j in range(known + 1, len(words) + 1))
    return frozenset(tails)


def _open_to_doubt(entity: Entity, lexicon: Lexicon) -> bool:
    """Return True for an entity kg does not know whose name opens with Latin or katakana: only such
    a name may be a product kg has not heard of."""
    name = nfkc(entity.id)
    return (entity.type not in _NO_PRODUCTS and lexicon.get(entity.id) is None
            and bool(name) and (is_ascii_alnum(name[0]) or is_katakana(name[0])))


def _used_as_product(entity: Entity, by_note: dict[str, list[Block]]) -> bool:
    """Return True when the text around the entity's name, in the notes that mention it, treats it
    as software more often than as a body (kg/data/product_cues.tsv), once at least. A word for a body
    counts twice: one X社 or Xと提携 outweighs a Xアカウント (Cloudflare, a company and its service)."""
    surfaces = sorted({nfkc(m.surface) for m in entity.mentions}, key=len, reverse=True)
    notes = dict.fromkeys(m.block.note for m in entity.mentions)
    product = maker = 0
    for note in notes:
        for block in by_note.get(note, ()):
            for after in _after_each(nfkc(block.text), surfaces):
                side = _side(after)
                product += side == "product"
                maker += side == "maker"
    return product > 2 * maker


def _after_each(text: str, surfaces: Sequence[str]) -> Iterable[str]:
    """Yield the text after each place the text writes one of the surfaces as a word of its own."""
    for surface in surfaces:
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if at == 0 or not _same_word(text[at - 1], surface[0]):
                yield text[end : end + 80].lstrip(_BETWEEN)
            at = text.find(surface, end)


def _same_word(before: str, first: str) -> bool:
    """Return True when a character before a name's first one runs the two into one word."""
    return (is_ascii_alnum(before) and is_ascii_alnum(first)) or (is_katakana(before) and is_katakana(first))


def _side(after: str) -> str:
    """Return "product" or "maker" for what the text right after a name says of it, "" for neither."""
    cues = _cues()
    for text, side in cues["after"]:
        if after.startswith(text):
            return side
    defined = _DEFINED.match(after)
    if defined is not None:
        return _noun_side(defined.group(1))
    listed = _LISTED.match(after)
    if listed is not None and listed.end():
        return _noun_side(after[listed.end() : listed.end() + 12], at_start=True)
    return ""


def _noun_side(text: str, at_start: bool = False) -> str:
    """Return the side of the noun that ends the text (or starts it, ``at_start``), "" for neither."""
    for noun, side in _cues()["noun"]:
        if (text.startswith(noun) if at_start else text.endswith(noun)):
            return side
    return ""


@cache
def _cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """Return the cues of kg/data/product_cues.tsv as (text, side) pairs, after-cues and nouns
    apart, longest first."""
    found: dict[str, list[tuple[str, str]]] = {"after": [], "noun": []}
    for text, role in read_tsv("product_cues.tsv"):
        side, where = role.split("-")
        found[where].append((nfkc(text), side))
    return {where: tuple(sorted(pairs, key=lambda p: -len(p[0]))) for where, pairs in found.items()}


def _trace_dropped(entity: Entity) -> None:
    """Record for kg explain that each mention of the entity was dropped as a product of the vault."""
    if trace.current() is None:
        return
    for mention in entity.mentions:
        trace.reading(mention.block)
        trace.dropped(mention.start, mention.end, "vault-product")
