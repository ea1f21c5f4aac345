"""Entity quality on hand-tagged Japanese Wikipedia sentences: kg against bare ja_ginza, same run.

The data is the development half of Stockmark's Wikipedia NER set (benchmarks/data/ner-wikipedia-ja,
CC BY-SA 3.0; read its README). Every sentence becomes one paragraph of a vault, 100 to a note, in a
temporary folder; kg reads the vault through its public API (``kg.mentions``, the rows of
mentions.csv), and ja_ginza reads the same sentences bare, keeping the entities whose labels
kg/data/ene_types.tsv maps to a type.

Scoring: a mention counts when its NFKC text equals a gold name of its sentence. kg makes a node of
every level of an address and marks the upper levels with the source "address" (愛知県 of
愛知県豊田市); the flat gold writes the address as one place, and kg's own mention of the address reads
the whole address (愛知県豊田市, naming its last place, 豊田市), so that mention is compared with it and
the levels nested inside it, which a flat convention cannot tag, are not scored at all. Recall is per gold
type group (organisations = 法人名 + 政治的組織名 + その他の組織名, places = 地名, people = 人名,
events = イベント名): a gold name is found when some mention of its sentence counts for it.
Precision is the share of mentions that count.

Holding out: ``--half even`` or ``--half odd`` scores the sentences of even or odd index only, so a rule
designed on one half can be checked on the other. ``--findings`` lists kg's false mentions grouped by
the rule that found each (kg/data/rules.tsv, as ``kg explain`` names it) and its type, with the sentence.

Example:
    .venv/bin/python benchmarks/ner_wikipedia.py
    .venv/bin/python benchmarks/ner_wikipedia.py --json --check
    .venv/bin/python benchmarks/ner_wikipedia.py --limit 300 --top 10
    .venv/bin/python benchmarks/ner_wikipedia.py --half even --findings --top 5
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "ner-wikipedia-ja" / "dev.json"
ENE_TYPES = ROOT / "kg" / "data" / "ene_types.tsv"
MODEL = "ja_ginza"
PER_NOTE = 100
# kg's source for the upper levels of an address (kg/resolve/mentions.py): nested in the address's own
# mention, so the flat gold neither names nor rules out them (see Scoring above)
NESTED_SOURCE = "address"
GROUPS = {
    "organisations": ("法人名", "政治的組織名", "その他の組織名"),
    "places": ("地名",),
    "people": ("人名",),
    "events": ("イベント名",),
}
# What issue 12 asks of kg on this set (and on the hidden half): each group's recall at least
# the bare model's, these floors, and this precision.
RECALL_FLOORS = {"organisations": 0.55, "places": 0.80}
PRECISION_FLOOR = 0.85
# Only the recogniser is needed; these components cost time and change no entity.
_NOT_NEEDED = ["parser", "attribute_ruler", "morphologizer", "compound_splitter", "bunsetu_recognizer"]


@dataclass(frozen=True)
class Sentence:
    """One hand-tagged sentence: its text and its gold (name, type) pairs."""

    text: str
    gold: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Mention:
    """What a system says a sentence names: the text and the type it gives (and, for kg with
    findings, the rule that found it)."""

    surface: str
    type: str
    rule: str = ""


@dataclass
class Score:
    """Recall per gold group, precision, and what was missed or invented, for one system."""

    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    mentions: int = 0
    correct: int = 0
    misses: dict[str, Counter] = field(default_factory=lambda: {g: Counter() for g in GROUPS})
    false: Counter = field(default_factory=Counter)
    findings: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)

    def recall(self, group: str) -> float | None:
        """Return the share of the group's gold names found ("None" when it has none)."""
        return self.found[group] / self.total[group] if self.total[group] else None

    @property
    def precision(self) -> float | None:
        """Return the share of mentions that name a gold entity of their sentence."""
        return self.correct / self.mentions if self.mentions else None

    def to_dict(self, top: int) -> dict[str, Any]:
        """Return a JSON-ready dict of the figures and the commonest findings."""
        return {
            "recall": {g: self.recall(g) for g in GROUPS},
            "precision": self.precision,
            "counts": {
                "found": {g: self.found[g] for g in GROUPS},
                "gold": {g: self.total[g] for g in GROUPS},
                "mentions": self.mentions,
                "correct": self.correct,
            },
            "misses": {g: self.misses[g].most_common(top) for g in GROUPS},
            "false_mentions": [[f"{s}\t{t}", n] for (s, t), n in self.false.most_common(top)],
        }


def fold(text: str) -> str:
    """Return the form names are compared in: NFKC, surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text).strip()


def group_of(gold_type: str) -> str | None:
    """Return the recall group of a gold type (None for facilities and products)."""
    return next((g for g, types in GROUPS.items() if gold_type in types), None)


def read_sentences(path: Path = DATA) -> list[Sentence]:
    """Return the sentences of a dataset file in its order."""
    items = json.loads(path.read_text(encoding="utf-8"))
    return [Sentence(item["text"], tuple((e["name"], e["type"]) for e in item["entities"])) for item in items]


def write_vault(sentences: Sequence[Sentence], folder: Path, per_note: int = PER_NOTE) -> dict[tuple[str, int], int]:
    """Write the sentences as paragraphs of notes in folder; return (note, line) -> sentence index."""
    where: dict[tuple[str, int], int] = {}
    for first in range(0, len(sentences), per_note):
        name = f"wikipedia-{first // per_note:03d}.md"
        chunk = sentences[first : first + per_note]
        # one paragraph per sentence, a blank line between: sentence k is on line 2k + 1
        (folder / name).write_text("\n\n".join(s.text for s in chunk) + "\n", encoding="utf-8")
        where.update(((name, 2 * k + 1), first + k) for k in range(len(chunk)))
    return where


def kg_mentions(sentences: Sequence[Sentence], jobs: int, progress: bool, traced: bool = False) -> list[list[Mention]]:
    """Return kg's mentions per sentence, from the mentions table of a vault of the sentences
    (with ``traced``, from a resolution that records the rule that found each)."""
    import kg

    found: list[list[Mention]] = [[] for _ in sentences]
    with tempfile.TemporaryDirectory(prefix="kg-ner-wikipedia-") as tmp:
        folder = Path(tmp)
        where = write_vault(sentences, folder)
        if traced:
            return _traced_mentions(folder, where, found, jobs, progress)
        rows = kg.mentions([folder], jobs=jobs, progress=progress)
    for note, line, surface, type_, source in zip(rows["note"], rows["line"], rows["surface"], rows["type"],
                                                  rows["source"]):
        if source == NESTED_SOURCE:
            continue
        index = where.get((Path(str(note)).name, int(line)))
        if index is None:
            raise RuntimeError(f"kg put a mention at {note}:{line}, which is no sentence's line")
        found[index].append(Mention(str(surface), str(type_)))
    return found


def _traced_mentions(folder: Path, where: dict[tuple[str, int], int], found: list[list[Mention]], jobs: int,
                     progress: bool) -> list[list[Mention]]:
    """Return kg's mentions of the vault in folder per sentence, each with the rule that found it."""
    from kg.extract import spans_for
    from kg.notes import read_vault
    from kg.pipeline import make_options
    from kg.resolve import resolve_corrected, with_vault_corrections
    from kg.resolve.trace import FOUND, tracing

    options = make_options(jobs=jobs, progress=progress)
    vault = read_vault([folder], options.notes)
    spans = spans_for(vault, options.extract)
    with tracing() as trace:
        entities, _ = resolve_corrected(vault.notes, spans, with_vault_corrections(options.resolve, [folder]))
    for entity in entities:
        for m in entity.mentions:
            if m.source == NESTED_SOURCE:
                continue
            rule = next((s.rule for s in trace.at(m.block) if s.verdict == FOUND and (s.start, s.end) == (m.start, m.end)),
                        m.source)  # a mention the rules widened or cut names its source
            found[where[(Path(m.block.note).name, m.block.line)]].append(Mention(m.surface, entity.type, rule))
    return found


def mapped_labels(path: Path = ENE_TYPES) -> dict[str, str]:
    """Return the GiNZA labels that kg maps to a type, with that type."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2 and not row[0].startswith("#")}


def bare_mentions(sentences: Sequence[Sentence], jobs: int) -> list[list[Mention]]:
    """Return bare ja_ginza's entities per sentence, those whose labels kg maps to a type."""
    import spacy

    labels = mapped_labels()
    nlp = spacy.load(MODEL, exclude=_NOT_NEEDED)
    docs = nlp.pipe((s.text for s in sentences), batch_size=32, n_process=max(jobs, 1))
    return [[Mention(ent.text, labels[ent.label_]) for ent in doc.ents if ent.label_ in labels] for doc in docs]


def score(sentences: Sequence[Sentence], found: Sequence[Sequence[Mention]]) -> Score:
    """Return the score of one system's mentions per sentence against the gold names."""
    result = Score()
    for sentence, mentions in zip(sentences, found, strict=True):
        gold = {fold(name) for name, _ in sentence.gold}
        surfaces = {fold(m.surface) for m in mentions}
        for name, gold_type in sentence.gold:
            group = group_of(gold_type)
            if group is None:
                continue
            result.total[group] += 1
            if fold(name) in surfaces:
                result.found[group] += 1
            else:
                result.misses[group][fold(name)] += 1
        for mention in mentions:
            result.mentions += 1
            if fold(mention.surface) in gold:
                result.correct += 1
            else:
                result.false[(fold(mention.surface), mention.type)] += 1
                result.findings.setdefault((mention.rule, mention.type), []).append((mention.surface, sentence.text))
    return result


def half(sentences: Sequence[Sentence], which: str | None) -> list[Sentence]:
    """Return the sentences of even or odd index (all of them for None): two halves to design and check on."""
    return list(sentences) if which is None else list(sentences[{"even": 0, "odd": 1}[which] :: 2])


def format_findings(kg: Score, top: int) -> str:
    """Return kg's false mentions grouped by the rule that found them and their type, largest group first."""
    lines = ["kg's false mentions by the rule that found them and type:"]
    for (rule, type_), items in sorted(kg.findings.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  {rule or '?'} / {type_ or 'untyped'}: {len(items)}")
        lines += [f"    {surface}  | {text}" for surface, text in items[:top]]
    return "\n".join(lines)


def failures(kg: Score, bare: Score) -> list[str]:
    """Return the thresholds kg misses, each as a sentence (empty when all hold)."""
    problems = []
    for group in GROUPS:
        mine, theirs = kg.recall(group) or 0.0, bare.recall(group) or 0.0
        if mine < theirs:
            problems.append(f"{group} recall {mine:.3f} is below bare ja_ginza's {theirs:.3f}")
        floor = RECALL_FLOORS.get(group)
        if floor is not None and mine < floor:
            problems.append(f"{group} recall {mine:.3f} is below {floor:.2f}")
    if (kg.precision or 0.0) < PRECISION_FLOOR:
        problems.append(f"mention precision {kg.precision or 0.0:.3f} is below {PRECISION_FLOOR:.2f}")
    return problems


def _figure(value: float | None) -> str:
    """Return a ratio with three decimals, or n/a."""
    return "n/a" if value is None else f"{value:.3f}"


def format_report(kg: Score, bare: Score, top: int, seconds: dict[str, float]) -> str:
    """Return the side-by-side table, then kg's commonest misses and false mentions."""
    columns = [*GROUPS, "precision"]
    lines = [
        "| system | " + " | ".join(columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for name, result in (("bare ja_ginza", bare), ("kg", kg)):
        cells = [_figure(result.recall(g)) for g in GROUPS] + [_figure(result.precision)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("gold names per group: " + ", ".join(f"{g} {kg.total[g]}" for g in GROUPS))
    lines.append(f"mentions: kg {kg.mentions} ({kg.correct} count), bare {bare.mentions} ({bare.correct} count)")
    lines.append("seconds: " + ", ".join(f"{k} {v:.0f}" for k, v in seconds.items()))
    for group in GROUPS:
        bare_misses = bare.misses[group]
        items = [f"{name} ×{n}" + (" (bare finds it)" if name not in bare_misses else "")
                 for name, n in kg.misses[group].most_common(top)]
        lines += ["", f"kg's commonest {group} misses:", *(f"  {item}" for item in items)]
    lines += ["", "kg's commonest false mentions (surface, type):",
              *(f"  {s}\t{t} ×{n}" for (s, t), n in kg.false.most_common(top))]
    lines += ["", "bare ja_ginza's commonest false mentions (surface, type):",
              *(f"  {s}\t{t} ×{n}" for (s, t), n in bare.false.most_common(top))]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    """Return the command line parser."""
    parser = argparse.ArgumentParser(
        prog="benchmarks/ner_wikipedia.py",
        description=__doc__.split("\n")[0],
        epilog="Example: .venv/bin/python benchmarks/ner_wikipedia.py --json --check",
    )
    parser.add_argument("--data", type=Path, default=DATA, help=f"dataset JSON (default: {DATA.relative_to(ROOT)})")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--half", choices=("even", "odd"), default=None,
                        help="score only the sentences of even or odd index (after --limit)")
    parser.add_argument("--findings", action="store_true",
                        help="list kg's false mentions by the rule that found them and type (--top per group)")
    parser.add_argument("--top", type=int, default=25, help="how many misses and false mentions to list (25)")
    parser.add_argument("--jobs", type=int, default=0, help="processes for GiNZA (default: one per core)")
    parser.add_argument("--json", action="store_true", help="print a JSON dict instead of the table")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 unless kg meets issue 12's thresholds")
    parser.add_argument("--progress", action="store_true", help="show kg's progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    import os

    args = _parser().parse_args(argv)
    sentences = half(read_sentences(args.data)[: args.limit], args.half)
    jobs = args.jobs or os.cpu_count() or 1
    started = time.perf_counter()
    mine = score(sentences, kg_mentions(sentences, jobs, args.progress, traced=args.findings))
    middle = time.perf_counter()
    bare = score(sentences, bare_mentions(sentences, jobs))
    seconds = {"kg": middle - started, "bare ja_ginza": time.perf_counter() - middle}
    problems = failures(mine, bare)
    if args.json:
        report = {
            "sentences": len(sentences),
            "kg": mine.to_dict(args.top),
            "bare": bare.to_dict(args.top),
            "seconds": seconds,
            "failures": problems,
        }
        if args.findings:
            report["findings"] = {f"{rule}\t{type_}": [list(item) for item in items[: args.top]]
                                  for (rule, type_), items in mine.findings.items()}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{len(sentences)} sentences of {args.data.name}" + (f" ({args.half} half)" if args.half else ""))
        print(format_report(mine, bare, args.top, seconds))
        if args.findings:
            print("", format_findings(mine, args.top), sep="\n")
        if args.check:
            print("", *(["all thresholds hold"] if not problems else [f"FAIL: {p}" for p in problems]), sep="\n")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
