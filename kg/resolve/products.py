"""Products a vault names that kg does not know: the entities its text uses as software, not as bodies.

kg/data/products.txt holds the well-known products; a help site names many more (a Git client, a
sync tool, a plan of a service). A name kg does not know is a product when the vault writes it
after a product it knows (Publish of Obsidian Publish), or when the text around it treats it as
software more often than as a body (kg/data/product_cues.tsv: Xアプリ, Xをインストール,
Xは…同期ツールです, X: …のフレームワーク, XやYなどのアプリ against X社, Xが買収, Xと提携), lists it with a product it knows,
or heads a section with it that states its licence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from kg.records import Block, Entity
from kg.resolve import trace
from kg.resolve.identifiers import states_licence
from kg.resolve.junk import from_product, is_product
from kg.resolve.knowledge import product_names, read_tsv, suffix_type
from kg.resolve.lexicon import Lexicon
from kg.resolve.words import one_common_noun, words
from kg.text.chars import is_ascii_alnum, is_katakana, nfkc

# Places are never used as products; the other types are, when a model or a vote gives them.
_NO_PRODUCTS = ("Country", "Region")
# The type whose names the model's product label (Product_Other) counts against: a body kg guessed; a
# person with a title (…環境相) or an event with its number (URC2023は…開かれた) is no product, whatever the model says.
_MODEL_DOUBTS = ("Organization",)
# Capitalised Latin words written one after another: a product's name and what goes on from it.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.+-]*(?: [A-Z][A-Za-z0-9.+-]*)+")
# What ends the clause that defines a name: Xは、…ツールです / …ツールで、 / …ツールである。 A である
# before a noun opens a relative clause instead (…企業であるアトラシアンが提供: the company is another).
_DEFINED = re.compile(r"^は[、,]?([^。！？\n]{0,60}?)(?:です|である(?=[。、,])|であり|で[、,]|。)")
# A glossary line that defines a name after a colon (- X: …のフレームワーク, X：…ツール。): the definition runs
# to the end of its sentence or line, and its last noun says what the name is, as in Xは…です.
_COLON_DEFINED = re.compile(r"^[:：]\s*([^。！？\n:：]{1,60}?)\s*(?:です|である)?(?:[。！？\n]|$)")
# A list the name is a member of, and what closes it: X、Y、Zなどのアプリ, XやYなどのアプリ, X、Y、その他の
# …ブラウザ向け, X、Yなど、ほとんどの…ジェネレーター, XやYのように、…を必要とするプラグインは.
_LISTED = re.compile(r"^(?:[、,・や](?!その他)[^、,。はがをにでと]{1,30}?)*(?:(など)(?:の|、|,)?|[、,]その他の|(のよう)[にな][、,]?)")
# What a noun phrase may end with after its noun: ブラウザ向け, ツール用.
_PHRASE_TAIL = ("向け", "用", "など")
# A list's members, in the text around a name: the run of names joined by 、 , ・ or や.
_MEMBERS = re.compile(r"[^、,・や。！？\s（）()「」]+(?:[、,・や][^、,・や。！？\s（）()「」]+)+")
# A series' acronym and a session's number (XYZ9, XYZ-12).
_SESSION = re.compile(r"([A-Z]{2,8})[-‐]?(\d{1,4})")
# Nouns for a kind of software that also end names of bodies (…ファイナンシャルサービス).
_NAMED_KINDS = ("サービス", "SNS")
# A parenthesis right after a name that says what kind of thing it is: X（オープンソースフレームワーク）, X（東京の
# スタートアップ）; its last noun counts as in Xは…です.
_DESCRIBED = re.compile(r"^[(（]([^()（）]{1,40})[)）]")
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
            and bool(name) and (is_ascii_alnum(name[0]) or is_katakana(name[0])) and not _session_of_series(name, lexicon))


def _session_of_series(name: str, lexicon: Lexicon) -> bool:
    """Return True for a meeting series kg knows with a number after it (XYZ9 where XYZ is a conference):
    one session of the series, which the text holds (XYZ9を開く), never a product's version."""
    match = _SESSION.fullmatch(name)
    series = lexicon.get(match.group(1)) if match else None
    return series is not None and series.type == "Event"


def _used_as_product(entity: Entity, by_note: dict[str, list[Block]]) -> bool:
    """Return True when the text around the entity's name, in the notes that mention it, treats it
    as software more often than as a body (kg/data/product_cues.tsv), once at least. A word for a body
    counts twice: one X社 or Xと提携 outweighs a Xアカウント (Cloudflare, a company and its service).
    A list it is in, the model's label (Product_Other) and a section it heads that states a licence
    count for software too."""
    surfaces = sorted({nfkc(m.surface) for m in entity.mentions}, key=len, reverse=True)
    notes = dict.fromkeys(m.block.note for m in entity.mentions)
    product = maker = 0
    for note in notes:
        for block in by_note.get(note, ()):
            text = nfkc(block.text)
            for at, end in _each_place(text, surfaces):
                side = _side(text[end : end + 80].lstrip(_BETWEEN)) or _list_side(text, at, end) or _kind_before(text, at)
                product += side == "product"
                maker += side == "maker"
    if entity.type in _MODEL_DOUBTS and _common_words_run_together(entity.label):
        product += sum(m.ene.startswith("Product") for m in entity.mentions)  # the model's own word for it
    product += sum(_licensed_section(m.block, surfaces, by_note) for m in entity.mentions)
    return product > 2 * maker


def _common_words_run_together(name: str) -> bool:
    """Return True for one katakana word that is two common words of the dictionary run together
    (ライセンスキー: ライセンス and キー), which the dictionary may list as a proper noun for a product of
    that name: only there does the model's product label count. A company's name that is no such pair
    (セガ, バンダイ, マールボロ) keeps the model's label from counting, however often it gives it."""
    name = nfkc(name)
    if len(name) < 4 or not all(is_katakana(c) for c in name):
        return False
    return any(one_common_noun(name[:i]) and one_common_noun(name[i:]) for i in range(2, len(name) - 1))


def _licensed_section(block: Block, surfaces: Sequence[str], by_note: dict[str, list[Block]]) -> bool:
    """Return True when the name heads the block's section and the section states a licence
    (### Tilecache, then MIT License): software, as a credits page lists it."""
    if not block.heading_path or nfkc(block.heading_path[-1]).strip() not in surfaces:
        return False
    return any(b.heading_path == block.heading_path and states_licence(b.text) for b in by_note.get(block.note, ()))


def _kind_before(text: str, start: int) -> str:
    """Return the side of a kind's noun that a name is written in parentheses after (SNS（ヨモギ・ソーシャル）,
    アプリ（…）: the one of that kind the text means), "" for none."""
    if text[start - 1 : start] not in ("（", "("):
        return ""
    return next((side for noun, side in _cues()["noun"] if text.endswith(noun, 0, start - 1)), "")


def _list_side(text: str, start: int, end: int) -> str:
    """Return "product" when the name is listed with a product kg knows (Chrome、Ladybug、Quillon), else ""."""
    for listed in _MEMBERS.finditer(text):
        if listed.start() <= start and end <= listed.end():
            members = re.split(r"[、,・や]", listed.group(0))
            if any(m.strip(_BETWEEN).casefold() in product_names() for m in members if m != text[start:end]):
                return "product"
    return ""


def _each_place(text: str, surfaces: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Yield where the text writes one of the surfaces as a word of its own, as (start, end)."""
    for surface in surfaces:
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if at == 0 or not _same_word(text[at - 1], surface[0]):
                yield at, end
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
    described = _DESCRIBED.match(after)
    if described is not None:
        return _noun_side(described.group(1).strip())
    defined = _DEFINED.match(after) or _COLON_DEFINED.match(after)
    if defined is not None:
        return _noun_side(defined.group(1))
    listed = _LISTED.match(after)
    if listed is not None and listed.end():
        return _closing_side(after[listed.end() :], like=bool(listed.group(2)))
    return ""


def _closing_side(rest: str, like: bool = False) -> str:
    """Return the side of the noun phrase that closes a list, "" for neither: the first of its parts
    joined by の, up to a particle or a mark, that ends in a cue's noun (アプリの使用, Chromiumベースの
    ブラウザ向け, ほとんどの静的サイトジェネレーター). After XやYのように, the examples' kind is the noun the
    clause ends in before は or が (…を必要とするプラグインは)."""
    if like:
        clause = re.match(r"[^。！？はが]{1,60}", rest)
        return _noun_side(clause.group(0).removesuffix("など")) if clause else ""
    end = next((w.start for w in words(rest[:60]) if (w.pos[0] == "助詞" and rest[w.start : w.end] != "の")
                or w.pos[0] in ("補助記号", "空白")), 60)
    for part in rest[:end].split("の"):
        side = _noun_side(next((part[: -len(t)] for t in _PHRASE_TAIL if part.endswith(t)), part))
        if side:
            return side
    return ""


def _noun_side(text: str) -> str:
    """Return the side of the noun that ends the text, "" for neither."""
    for noun, side in _cues()["noun"]:
        if text.endswith(noun):
            return side
    return ""


def describes_software(text: str) -> bool:
    """Return True for words that end in a noun for a kind of program (オープンソースフレームワーク, 無料の同期ツール): a
    description of what a program is, as a parenthesis after its name gives it, never a name of it. A service or an
    SNS is left out: a company's name may end in サービス."""
    text = nfkc(text).strip()
    return _noun_side(text) == "product" and not text.endswith(_NAMED_KINDS)


def maker_cues() -> frozenset[str]:
    """Return the texts that, right after a name, treat it as a body (社, 傘下: product_cues.tsv, maker-after)."""
    return frozenset(text for text, side in _cues()["after"] if side == "maker")


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
