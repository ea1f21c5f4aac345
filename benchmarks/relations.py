"""Relation benchmark: precision and recall of kg's relations against hand-made relation gold.

Usage:
    .venv/bin/python benchmarks/relations.py [--gold DIR] [--json] [--misses]
    .venv/bin/python benchmarks/relations.py --corpus [STEM ...] [--corpus-dir DIR] [--json] [--misses]

Each gold file benchmarks/gold/relations/<stem>.tsv belongs to data/<stem>.md or
benchmarks/notes/<stem>.md (format: benchmarks/gold/relations/README.md). A relation matches a
gold row on (subject, predicate group, object, negated), in either order when the row is
symmetric. Ends are matched to the gold's labels through the note's entity gold
(benchmarks/gold/<stem>.tsv), as kg.bench matches nodes: by any of the entity's forms. Precision
counts the relations whose two ends are gold entities (an end that is no gold entity is an error
of the entity stage, which kg.bench scores); the report says how many relations were left out so.

With --corpus, the policy-notes corpus (benchmarks/policy-notes/README.md) is scored instead: each
STEM_relations.tsv against its note STEM.md or its vault STEM/, through the entity gold STEM_gold.tsv.
Its rows name their note in a first column. A vault is one graph, so a relation matches a row of any
of its notes: a fact kg finds in one note and the gold marks in another is still a fact of the vault,
and a key is counted once however many notes state it. The note serves only where line numbers do
(reachable, and the misses listed: MISS when both ends are found in the sentence, LOST when the entity
stage missed one). --corpus-dir scores another folder laid out the same way
(such as benchmarks/own-notes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "relations"
NOTE_FOLDERS = (ROOT / "data", ROOT / "benchmarks" / "notes")
CORPUS = ROOT / "benchmarks" / "policy-notes"


@dataclass(frozen=True)
class GoldRelation:
    """One relation a careful reader marks in a note; ``note`` is the note's file name, as kg names it."""

    subject: str
    group: str
    object: str
    symmetric: bool
    negated: bool
    line: int
    sentence: str
    note: str = ""

    def key(self) -> tuple[str, str, str, bool]:
        """Return the matching key; a symmetric row's ends are sorted."""
        ends = sorted((self.subject, self.object)) if self.symmetric else [self.subject, self.object]
        return ends[0], self.group, ends[1], self.negated


@dataclass
class NoteScore:
    """The relations found in one note and how they compare with its gold."""

    note: str
    gold: int
    found: int
    correct: int
    recalled: int
    off_gold: int
    reachable: int = 0
    misses: list[GoldRelation] = field(default_factory=list)
    lost: list[GoldRelation] = field(default_factory=list)
    wrong: list[tuple[str, str, str, bool, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Return correct / found, or None when nothing was found."""
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        """Return recalled / gold, or None for an empty gold."""
        return self.recalled / self.gold if self.gold else None


def read_relation_gold(path: Path, note: str = "") -> list[GoldRelation]:
    """Return the rows of a relation gold file, in ``note`` unless a note column says; raise ValueError on a bad row."""
    rows, header = [], None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        try:
            rows.append(GoldRelation(row["subject"], row["group"], row["object"], row["symmetric"] == "yes",
                                     row["negated"] == "yes", int(row["line"]), row.get("sentence", ""),
                                     row.get("note") or note))
        except (KeyError, ValueError) as error:
            raise ValueError(f"{path}:{number}: bad row ({error})") from error
    return rows


def _quality():
    """Return benchmarks/quality.py as a module: it owns the entity gold and how forms match."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("kg_quality_benchmark", Path(__file__).with_name("quality.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def gold_labels(entities: Iterable, entity_gold: Path) -> dict[str, str]:
    """Return entity id -> gold label, for the entities one of whose forms a gold row holds."""
    quality = _quality()
    normalise, read_gold = quality.normalise, quality.read_gold
    rows = read_gold(entity_gold)
    labels = {}
    for entity in entities:
        forms = {normalise(f) for f in (entity.id, entity.label, *entity.aliases)}
        hit = next((r for r in rows if forms & r.keys()), None) or next((r for r in rows if forms & r.also_keys()), None)
        if hit is not None:
            labels[entity.id] = hit.label
    return labels


def score_note(relations: Sequence, labels: dict[str, str], gold: Sequence[GoldRelation], note: str) -> NoteScore:
    """Return how the relations of one note compare with its gold rows."""
    gold_keys = {row.key(): row for row in gold}
    # a relation may match a symmetric row in either order, and a directed row only in its own
    either = {(k[2], k[1], k[0], k[3]) for k, row in gold_keys.items() if row.symmetric}
    found, off_gold = set(), 0
    for relation in relations:
        subject, object_ = labels.get(relation.subject), labels.get(relation.object)
        if subject is None or object_ is None:
            off_gold += 1
            continue
        found.add((subject, relation.group, object_, relation.negated, relation.note, relation.sentence))
    keys = {f[:4] for f in found}
    correct = {k for k in keys if k in gold_keys or k in either}
    recalled = {k for k, row in gold_keys.items() if k in keys or (row.symmetric and (k[2], k[1], k[0], k[3]) in keys)}
    wrong = sorted(f for f in found if f[:4] not in correct)
    misses = [row for k, row in gold_keys.items() if k not in recalled]
    return NoteScore(note, len(gold_keys), len(keys), len(correct), len(recalled), off_gold, misses=misses, wrong=wrong)


def reachable(gold: Sequence[GoldRelation], entities: Iterable, labels: dict[str, str]) -> list[GoldRelation]:
    """Return the gold rows that have both ends among the entities kg found in their sentence.

    The others are out of the relation stage's reach: the entity stage missed an end there.
    A sentence or line is looked up in the row's own note, since a vault's notes share line numbers.
    """
    where: dict[tuple[str, str | int], set[str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            if entity.id in labels:
                where.setdefault((mention.block.note, mention.sentence), set()).add(labels[entity.id])
                where.setdefault((mention.block.note, mention.block.line), set()).add(labels[entity.id])
    return [row for row in gold if {row.subject, row.object}
            <= (where.get((row.note, row.sentence), set()) | where.get((row.note, row.line), set()))]


def note_of(stem: str) -> Path:
    """Return the note a gold file belongs to."""
    for folder in NOTE_FOLDERS:
        if (folder / f"{stem}.md").exists():
            return folder / f"{stem}.md"
    raise FileNotFoundError(f"no note {stem}.md in {', '.join(str(f) for f in NOTE_FOLDERS)}")


def score_path(path: Path, gold: Sequence[GoldRelation], entity_gold: Path, name: str) -> NoteScore:
    """Return how the relations kg finds in a note or vault folder compare with its gold rows."""
    from kg.pipeline import analyse
    from kg.relate import find_relations

    result = analyse([path])
    labels = gold_labels(result.entities, entity_gold)
    score = score_note(find_relations(result.entities), labels, gold, name)
    reached = reachable(gold, result.entities, labels)
    score.reachable = len(reached)
    score.lost = [row for row in score.misses if row not in reached]
    return score


def run(gold_dir: Path = GOLD) -> list[NoteScore]:
    """Return the score of every note that has a relation gold file."""
    scores = []
    for path in sorted(gold_dir.glob("*.tsv")):
        note = note_of(path.stem)
        scores.append(score_path(note, read_relation_gold(path, note.name), gold_dir.parent / f"{path.stem}.tsv",
                                 path.stem))
    return scores


def corpus_notes(folder: Path = CORPUS) -> list:
    """Return the corpus notes and vaults (quality.py's CorpusNote records) that have a relation gold file."""
    return [note for note in _quality().corpus_notes(folder) if note.file("relations.tsv").exists()]


def run_corpus(folder: Path = CORPUS, only: Sequence[str] = ()) -> list[NoteScore]:
    """Return the score of every corpus note or vault with relation gold (or of the stems named), one build each."""
    return [score_path(note.path, read_relation_gold(note.file("relations.tsv")), note.file("gold.tsv"), note.stem)
            for note in corpus_notes(folder) if not only or note.stem in only]


def overall(scores: Sequence[NoteScore]) -> NoteScore:
    """Return the scores summed over notes (micro average)."""
    return NoteScore("overall", sum(s.gold for s in scores), sum(s.found for s in scores),
                     sum(s.correct for s in scores), sum(s.recalled for s in scores), sum(s.off_gold for s in scores),
                     sum(s.reachable for s in scores))


def _figure(value: float | None) -> str:
    """Return a ratio with two decimals, or n/a."""
    return "n/a" if value is None else f"{value:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    """Print precision and recall per note and overall; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sources = parser.add_mutually_exclusive_group()
    sources.add_argument("--gold", type=Path, default=GOLD, help="folder of relation gold files")
    sources.add_argument("--corpus", nargs="*", metavar="STEM",
                         help=f"score the policy-notes corpus ({CORPUS}), every note or the stems named")
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS, metavar="DIR",
                        help=f"with --corpus, the folder of notes and gold files (default: {CORPUS})")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--misses", action="store_true", help="also list missed and wrong relations")
    options = parser.parse_args(argv)
    folder = options.corpus_dir
    unknown = sorted(set(options.corpus) - {note.stem for note in corpus_notes(folder)}) if options.corpus else []
    if unknown:
        parser.error(f"no relation gold in {folder} for {', '.join(unknown)}")
    scores = run(options.gold) if options.corpus is None else run_corpus(folder, only=options.corpus)
    rows = [*scores, overall(scores)]
    if options.json:
        print(json.dumps([{"note": s.note, "precision": s.precision, "recall": s.recall, "gold": s.gold,
                           "found": s.found, "correct": s.correct, "recalled": s.recalled,
                           "off_gold": s.off_gold, "reachable": s.reachable} for s in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"{'note':40} {'precision':>9} {'recall':>7} {'found':>6} {'gold':>5} {'reachable':>9} {'off-gold':>8}")
    for s in rows:
        print(f"{s.note:40} {_figure(s.precision):>9} {_figure(s.recall):>7} {s.found:>6} {s.gold:>5} "
              f"{s.reachable:>9} {s.off_gold:>8}")
    print("reachable: gold rows whose two ends kg found in the sentence; off-gold: relations with an end that "
          "is no gold entity (left out of precision)")
    if options.misses:
        for s in scores:
            for row in s.misses:
                print(f"{'LOST' if row in s.lost else 'MISS'}  {s.note}  {row.note}:{row.line}  {row.subject} -{row.group}-> {row.object}  "
                      f"{row.sentence[:70]}")
            for subject, group, object_, negated, note, sentence in s.wrong:
                print(f"WRONG {s.note}  {note}  {subject} -{group}{' (negated)' if negated else ''}-> {object_}  "
                      f"{sentence[:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
