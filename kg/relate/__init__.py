"""Stage: typed relations between entities, read from GiNZA's dependency parse.

entities (with their mentions) -> sentences that hold two entities or more -> parse (cached by
sentence text) -> predicate frames (kg.relate.frames) -> Relation records with their evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kg.records import Block, Entity, Mention
from kg.text.sentences import sentence_bounds
from kg.relate.clauses import UNDER_STEM
from kg.relate.frames import Argument, read_frames
from kg.relate.parse import parses_for
from kg.relate.vocabulary import LIGHT, Vocabulary, load_vocabulary

__all__ = ["RelateOptions", "Relation", "find_relations", "relation_sentences"]

_KANA_TAIL = re.compile(r"[ぁ-ゖ]+$")
# the last words of a body's name as a sentence's topic or subject: 推進本部は, 同本部が (kanji and katakana)
_STAND_IN = re.compile(r"(?:(?:^|(?<=[、。\s]))(同)?|(?<![\u4e00-\u9fff])(同じ))([\u4e00-\u9fffァ-ヶー]+)(?=[はがも])")
# Longer "sentences" are lists or tables run together without a full stop: no frame spans them, and
# SudachiPy refuses text over 49,149 bytes.
MAX_SENTENCE_CHARS = 2_000
# A heading names what its section is about (英国のCPTPP加入が発効, 日米韓の保健協力): a title, no
# statement, as a reader of the notes takes it; the section's sentences say the same in full.
NO_SENTENCE = ("heading",)
# A line of wikilinks (関連：[[A]] / [[Bの会談]]) lists notes by their titles, as a heading names its section:
# what is left of it outside the links is a label before a colon and the marks that separate them.
_LINK_LIST_REST = re.compile(r"(?:^[^：:]{0,12}[：:])?[\s/／|｜・、,，]*")


@dataclass(frozen=True)
class Relation:
    """What one sentence says an entity did to another: subject, predicate, object and the evidence.

    ``subject`` and ``object`` are entity ids; ``predicate`` is the lemma (署名, 加盟, 結ぶ) and
    ``group`` its group in the predicate file (signing, membership). ``negated`` is set when the
    parse shows a negation (署名していない), ``modality`` names a modality ("plan" for …する予定).
    """

    subject: str
    predicate: str
    group: str
    object: str
    negated: bool
    modality: str
    sentence: str
    note: str
    heading_path: tuple[str, ...]
    line: int
    subject_surface: str = ""
    object_surface: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of this relation."""
        data = asdict(self)
        data["heading_path"] = list(self.heading_path)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        """Return the Relation that ``to_dict`` wrote."""
        return cls(**{**data, "heading_path": tuple(data["heading_path"])})


@dataclass(frozen=True)
class _Sentence:
    """One sentence of a block with the mentions in it, offsets made relative to the sentence."""

    block: Block
    text: str
    mentions: tuple[tuple[Mention, int, int], ...]


def relation_sentences(entities: Iterable[Entity], vocabulary: Vocabulary | None = None) -> list[_Sentence]:
    """Return the sentences worth parsing: two entities or more, and a word that may be a predicate.

    Headings are titles, not sentences: they state no relation.

    A sentence without the stem of any predicate word (締結, 結, 加盟, ...), or 下に of a body standing
    under another (Aの指揮下にあるB), can hold no relation, so it is never parsed; a predicate all in kana
    (による) is read only in sentences parsed for another.
    """
    vocabulary = vocabulary or load_vocabulary()
    # a word all in kana (による) is in too many sentences to choose them by
    stems = sorted({_KANA_TAIL.sub("", w) for w, p in vocabulary.predicates.items() if p.group != LIGHT} - {""})
    stems.append(UNDER_STEM)  # Aの指揮下にあるB states oversight with no predicate word
    by_sentence: dict[tuple[Block, int, int], list[Mention]] = defaultdict(list)
    bounds: dict[Block, list[tuple[int, int]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            block = mention.block
            if block.kind in NO_SENTENCE:
                continue
            if block not in bounds:
                bounds[block] = sentence_bounds(block.text) or [(0, len(block.text))]
            start, end = next(((s, e) for s, e in bounds[block] if s <= mention.start < e), (0, len(block.text)))
            by_sentence[(block, start, end)].append(mention)
    found = []
    named = _bodies_by_note(entities)
    # in reading order, so relations come out as the notes state them
    for (block, start, end), mentions in sorted(by_sentence.items(), key=lambda i: (i[0][0].note, i[0][0].line, i[0][1])):
        mentions = mentions + _stand_ins(block, start, end, mentions, named.get(block.note, []))
        if len({m.entity for m in mentions}) < 2:
            continue
        raw = block.text[start:end]
        text = raw.strip()
        if len(text) > MAX_SENTENCE_CHARS or not any(stem in text for stem in stems) or _link_list(block, start, end):
            continue
        offset = start + len(raw) - len(raw.lstrip())
        placed = tuple((m, m.start - offset, m.end - offset) for m in sorted(mentions, key=lambda m: m.start))
        found.append(_Sentence(block, text, placed))
    return found


def _link_list(block: Block, start: int, end: int) -> bool:
    """Return True when the sentence is a list of wikilinks: titles of notes, no statement."""
    links = [(max(link.start, start), min(link.end, end)) for link in block.links
             if link.wiki and link.start < end and link.end > start]
    if not links:
        return False
    rest, at = [], start
    for s, e in sorted(links):
        rest.append(block.text[at:s])
        at = max(at, e)
    rest.append(block.text[at:end])
    return all(_LINK_LIST_REST.fullmatch(piece.strip()) for piece in rest)


def _bodies_by_note(entities: Iterable[Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    """Return the organisations each note names, with the line and place of every mention, in reading order."""
    found: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
    for entity in entities:
        if entity.type == "Organization":
            for mention in entity.mentions:
                found[mention.block.note].append((mention.block.line, mention.start, entity))
    return {note: sorted(places, key=lambda p: p[:2]) for note, places in found.items()}


def _stand_ins(
    block: Block, start: int, end: int, mentions: list[Mention], bodies: list[tuple[int, int, Entity]],
) -> list[Mention]:
    """Return the mentions of bodies that a sentence's topic or subject names by the last words of their name.

    In 「X推進本部が発足した。…推進本部は工程表を決定した」 and 同本部は, the words stand for the body named before
    them in the note whose name ends in them, the nearest one; words of three characters at least (or two
    after 同), that open the sentence or follow a comma, and that no mention covers. After 同じ (10月には同じ
    閣僚会議が) the words may follow any word: 同じ says they name the body named before.
    """
    text = block.text
    found = []
    for match in _STAND_IN.finditer(text, start, end):
        words, at = match.group(3), match.start(3)
        if len(words) < (2 if match.group(1) or match.group(2) else 3) or \
                any(m.start < match.end(3) and at < m.end for m in mentions):
            continue
        before = [e for line, place, e in bodies if (line, place) < (block.line, at) and
                  any(n != words and n.endswith(words) for n in (e.id, e.label, *e.aliases))]
        if before:
            body = before[-1]
            found.append(Mention(words, "", "stand-in", block, at, match.end(3), text[start:end], body.id, body.type))
    return found


@dataclass(frozen=True)
class RelateOptions:
    """Whether a build reads relations, and the user's predicate files (one path or several)."""

    relations: bool = True
    predicates: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        paths = self.predicates or ()
        object.__setattr__(self, "predicates",
                           (Path(paths),) if isinstance(paths, str | Path) else tuple(map(Path, paths)))


def find_relations(
    entities: Iterable[Entity], options: RelateOptions = RelateOptions(), *, model: str = "ja_ginza",
    cache: bool = True, progress: Callable[[int], object] | None = None, problems: list[str] | None = None,
    repaired: dict[str, int] | None = None,
) -> list[Relation]:
    """Return the relations the notes state between entities, one per sentence and frame.

    Only sentences that hold two entities or more are parsed, and each parse is cached by its
    text, so a rebuild parses only new sentences and an unchanged one loads no parser at all.
    ``model`` and ``cache`` are the extraction stage's; a parse cache that cannot be used is
    described in ``problems`` (else in a Python warning), its damaged rows counted in ``repaired``.
    """
    vocabulary = load_vocabulary(options.predicates)
    sentences = relation_sentences(entities, vocabulary)
    parses = parses_for([s.text for s in sentences], model, cache=cache, progress=progress, problems=problems,
                        repaired=repaired)
    found: list[Relation] = []
    seen: set[tuple] = set()
    for sentence in sentences:
        arguments = [Argument(s, e, m.entity, m.type) for m, s, e in sentence.mentions]
        surfaces = {(s, e): m.surface for m, s, e in sentence.mentions}
        block = sentence.block
        for frame in read_frames(parses[sentence.text], arguments, vocabulary):
            relation = Relation(
                frame.subject.entity, frame.predicate, frame.group, frame.object.entity, frame.negated,
                frame.modality, sentence.text, block.note, block.heading_path, block.line,
                surfaces[(frame.subject.start, frame.subject.end)], surfaces[(frame.object.start, frame.object.end)],
            )
            # a footnote joins every section that cites it; its relations count once per place
            key = (relation.subject, relation.predicate, relation.object, relation.note, relation.line,
                   relation.sentence)
            if key not in seen:
                seen.add(key)
                found.append(relation)
    return found
