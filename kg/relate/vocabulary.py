"""The predicate vocabulary (kg/data/predicates.tsv) and the negation and modality markers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from kg.resolve.knowledge import read_tsv
from kg.text.chars import nfkc

LIGHT = "light"
_KANJI = re.compile(r"[\u4e00-\u9fff]+")
NEGATION = "negation"
# a verb of resuming does the act it takes as object again, negated only where it is (輸入を再開しなかった)
RESUMPTION = "resumption"


@dataclass(frozen=True)
class Predicate:
    """A predicate word, the group it belongs to, and whether co-subjects act on each other.

    ``mutual`` predicates (締結, 協力, 会談) relate the entities that do them together: in
    AとBが覚書を締結した, A signs with B; others (参加, 出資) do not: AとBが参加した says nothing of A and B.
    A predicate that ``carries`` lets a predicate noun it takes as object decide (支援を表明した is support);
    one that goes ``through`` a plain noun, or a name of a type it states nothing with, reaches its owner or
    place (Bの事業に出資した funds B, Bの首都Cを訪れた visits B).
    A verb that ``receives`` turns the carried noun round: in AはBから融資を受けた, B funds A.
    One whose members come with で makes them its subjects: AとBで構成するC (A and B are members of C).
    One that happens ``at`` an event takes the event the sentence is set in as its object when it
    names none (G7会合では、AがB議長を務めた: A chairs the meeting). An ``intransitive`` one says what
    happens to its が-phrase, and a で-phrase names who does it (Xが国会で成立した: the Diet passes X).
    One with a ``conduit`` gives to what it goes through when it names no other object (money
    contributed through B goes to B: Bを通じて拠出した). One done by an ``assembly`` takes the
    organisation or meeting of its で-phrase as agent in the passive (宣言が委員会で採択された). A noun
    that names a ``part`` says what its subject is of its の-phrase (BはAの外局である: A oversees B). One
    that takes ``effect`` does so for the country or region it happens in (Aでは、Bが発効した: B takes
    effect for A), or for the party whose act on it takes effect (AのBへの加入が発効した). One whose object may be a ``draft`` of an instrument acts on that instrument when the
    draft is no entity (Bの改正案が採択された: B is adopted as amended). One done ``together`` makes its と-phrase a
    co-subject (AがBと設立したC: A and B set C up), where a predicate of two sides makes it the object.
    """

    word: str
    group: str
    mutual: bool = False
    carries: bool = False
    through: bool = False
    receives: bool = False
    members: bool = False
    at: bool = False
    intransitive: bool = False
    conduit: bool = False
    assembly: bool = False
    part: bool = False
    effect: bool = False
    draft: bool = False
    together: bool = False
    by_type: tuple[tuple[str, str], ...] = ()

    def group_for(self, object_type: str) -> str:
        """Return the group this predicate has with an object of that type (参加 in an Event is attendance).

        A particle in place of a type names the group of a passive whose agent comes with it: in
        AにBが設置された, A is where B is placed (に=oversight), not who set B up.
        """
        return dict(self.by_type).get(object_type, self.group)


@dataclass(frozen=True)
class Vocabulary:
    """Predicates by word, and the words that negate a predicate or give it a modality."""

    predicates: dict[str, Predicate] = field(default_factory=dict)
    markers: dict[str, str] = field(default_factory=dict)
    # the non-light predicates a longer noun may end with, longest first
    _nouns: tuple[tuple[str, Predicate], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = [(w, p) for w, p in self.predicates.items() if p.group != LIGHT and len(w) >= 2]
        object.__setattr__(self, "_nouns", tuple(sorted(pairs, key=lambda pair: -len(pair[0]))))

    def predicate(self, lemma: str, noun: bool = False) -> Predicate | None:
        """Return the predicate a lemma names; a noun also matches by its last word (経済連携協定 is 協定)."""
        lemma = nfkc(lemma)
        found = self.predicates.get(lemma)
        if found is None and noun:
            found = next((p for w, p in self._nouns if lemma.endswith(w) and len(lemma) > len(w)), None)
        return found


    def resuming(self, lemma: str) -> bool:
        """Return True when a word is a verb of resuming (再開), which does the act it takes as object again."""
        return self.markers.get(nfkc(lemma)) == RESUMPTION

    def stopping(self, lemma: str) -> bool:
        """Return True when a word is a verb of stopping, or a noun that ends in one (一時停止 is 停止)."""
        lemma = nfkc(lemma)
        # a noun of stopping is written in kanji (停止, 中止); ない and ず are no ending of a noun
        return self.markers.get(lemma) == NEGATION or any(
            lemma.endswith(w) for w, kind in self.markers.items() if kind == NEGATION and _KANJI.fullmatch(w))


def read_predicates(path: Path | str) -> dict[str, Predicate]:
    """Return the predicates of a TSV file: word, group, optional flags (the boolean fields of Predicate), TYPE=group pairs."""
    found = {}
    for row in read_tsv(path):
        if len(row) < 2 or row[0] == "word":
            continue
        by_type = tuple(tuple(pair.split("=", 1)) for pair in (row[3] if len(row) > 3 else "").split(",") if "=" in pair)
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        found[nfkc(row[0])] = Predicate(nfkc(row[0]), row[1], by_type=by_type,
                                        **{flag: flag in flags for flag in _FLAGS})
    return found


_FLAGS = tuple(f.name for f in fields(Predicate) if f.type == "bool")


@cache
def _shipped() -> Vocabulary:
    """Return the vocabulary shipped in kg/data."""
    markers = {nfkc(row[0]): row[1] for row in read_tsv("relation_markers.tsv") if row[0] != "word"}
    return Vocabulary(read_predicates("predicates.tsv"), markers)


def load_vocabulary(extra: Iterable[Path] = ()) -> Vocabulary:
    """Return the shipped vocabulary, extended (and overridden word by word) by the user's files."""
    shipped = _shipped()
    extra = tuple(extra)
    if not extra:
        return shipped
    predicates = dict(shipped.predicates)
    for path in extra:
        predicates.update(read_predicates(Path(path)))
    return Vocabulary(predicates, shipped.markers)
