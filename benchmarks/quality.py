"""Quality benchmark: score a built graph against a hand-made gold list of entities.

The scoring functions are pure (graph and gold rows in, report out), so tests can feed them
hand-made graphs; only ``main`` builds a graph from notes.

Example (from a checkout, with kg installed in .venv):
    .venv/bin/python benchmarks/quality.py
    .venv/bin/python benchmarks/quality.py data/ --gold benchmarks/gold/mine.tsv --json
    .venv/bin/python benchmarks/quality.py --all
    .venv/bin/python benchmarks/quality.py --corpus --corpus-dir benchmarks/own-notes --findings
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.records import ENTITY_TYPES
from kg.schema import split

if TYPE_CHECKING:
    import networkx as nx

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "gold" / "whitepaper_r06_ict_international.tsv"
DEFAULT_PATHS = (REPO_ROOT / "data",)
NOTES_DIR = REPO_ROOT / "benchmarks" / "notes"
GOLD_DIR = REPO_ROOT / "benchmarks" / "gold"
CORPUS_DIR = REPO_ROOT / "benchmarks" / "policy-notes"
RECALL_TYPES = ("Country", "Organization", "Agreement")
GOLD_HEADER = ("label", "type", "required", "aliases", "also")
# The policy-notes corpus (benchmarks/policy-notes/README.md) writes its gold with these columns.
CORPUS_HEADER = ("canonical", "class", "type", "aliases", "first_seen", "last_seen")

# Characters a surface form may carry or drop without naming something else.
_IGNORED = frozenset("・･·「」『』\"")


def normalise(text: str) -> str:
    """Return the matching key of a surface form: NFKC, casefolded, no spaces, dots or quotes."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _IGNORED)


def _split_forms(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Return the non-empty forms of a '|'-joined string (kg.schema's lists) or of an iterable of strings."""
    if not value:
        return ()
    items = split(value) if isinstance(value, str) else value
    return tuple(s.strip() for s in items if s and s.strip())


@dataclass(frozen=True)
class GoldRow:
    """One entity a careful reader finds in the gold note, with every form that names it."""

    label: str
    type: str
    required: bool
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    first_seen: str = ""
    last_seen: str = ""

    def keys(self) -> frozenset[str]:
        """Return the normalised label and aliases: the forms that count as this entity."""
        return frozenset(normalise(s) for s in (self.label, *self.aliases))

    def also_keys(self) -> frozenset[str]:
        """Return the normalised near-duplicate forms that are acceptable but not this entity."""
        return frozenset(normalise(s) for s in self.also) - self.keys()


@dataclass(frozen=True)
class NodeEntry:
    """An entity node of the graph, as the report shows it."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        """Return the normalised label and aliases of the node."""
        return frozenset(normalise(s) for s in (self.label, *self.aliases))


@dataclass(frozen=True)
class QualityReport:
    """Counts and findings of one comparison between a graph and the gold rows.

    A ratio whose denominator is zero is ``None`` (undefined), never a made-up 0 or 1.
    """

    nodes: int
    correct_nodes: int
    required: int
    found: int
    by_type: tuple[tuple[str, int, int], ...]
    typed: int
    typed_correct: int
    missed: tuple[GoldRow, ...]
    false_positives: tuple[NodeEntry, ...]
    splits: tuple[tuple[str, tuple[str, ...]], ...]
    merges: tuple[tuple[str, tuple[str, ...]], ...]
    type_errors: tuple[tuple[str, str, str], ...]

    @property
    def recall(self) -> float | None:
        """Return the share of required gold rows matched by at least one node."""
        return _ratio(self.found, self.required)

    @property
    def precision(self) -> float | None:
        """Return the share of entity nodes that match a gold row."""
        return _ratio(self.correct_nodes, self.nodes)

    @property
    def type_accuracy(self) -> float | None:
        """Return the share of matched nodes whose type is the gold type."""
        return _ratio(self.typed_correct, self.typed)

    def recall_by_type(self) -> dict[str, float | None]:
        """Return recall per gold type (Country, Organization, Agreement)."""
        return {kind: _ratio(found, total) for kind, found, total in self.by_type}

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the figures and the findings."""
        return {
            "recall": self.recall,
            "recall_by_type": self.recall_by_type(),
            "precision": self.precision,
            "type_accuracy": self.type_accuracy,
            "counts": {
                "nodes": self.nodes,
                "correct_nodes": self.correct_nodes,
                "required": self.required,
                "found": self.found,
                "by_type": {k: {"found": f, "required": t} for k, f, t in self.by_type},
                "typed": self.typed,
                "typed_correct": self.typed_correct,
            },
            "missed": [{"label": r.label, "type": r.type} for r in self.missed],
            "false_positives": [asdict(n) for n in self.false_positives],
            "splits": [{"gold": g, "nodes": list(n)} for g, n in self.splits],
            "merges": [{"node": n, "gold": list(g)} for n, g in self.merges],
            "type_errors": [
                {"node": n, "type": t, "gold_type": g} for n, t, g in self.type_errors
            ],
        }


def _ratio(part: int, whole: int) -> float | None:
    """Return part / whole, or None when whole is zero."""
    return part / whole if whole else None


def read_gold(path: str | Path) -> list[GoldRow]:
    """Return the rows of a gold TSV file (kg's own or the corpus's columns); raise ValueError naming a bad line."""
    rows: list[GoldRow] = []
    header: tuple[str, ...] | None = None
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = tuple(c.strip() for c in raw.split("\t"))
        if header is None:
            if cells not in (GOLD_HEADER[:4], GOLD_HEADER, CORPUS_HEADER):
                raise ValueError(f"{path}:{number}: header must be {' TAB '.join(GOLD_HEADER)} "
                                 f"or {' TAB '.join(CORPUS_HEADER)}")
            header = cells
            continue
        if not 3 <= len(cells) <= len(header):
            raise ValueError(f"{path}:{number}: expected {len(header)} tab-separated cells")
        rows.append(_corpus_row(cells, path, number) if header == CORPUS_HEADER else _gold_row(cells, path, number))
    if header is None:
        raise ValueError(f"{path}: no header line")
    return rows


def _gold_row(cells: tuple[str, ...], path: str | Path, number: int) -> GoldRow:
    """Return a row of kg's own gold columns: label, type, required (yes/no), aliases, also."""
    label, kind, required, aliases, also = cells + ("",) * (len(GOLD_HEADER) - len(cells))
    _check(label, kind, path, number)
    if required not in ("yes", "no"):
        raise ValueError(f"{path}:{number}: required must be yes or no, not {required!r}")
    return GoldRow(label, kind, required == "yes", _split_forms(aliases), _split_forms(also))


def _corpus_row(cells: tuple[str, ...], path: str | Path, number: int) -> GoldRow:
    """Return a row of the corpus's columns: canonical, class (must/may), type, aliases, first_seen, last_seen."""
    label, kind_class, kind, aliases, first, last = cells + ("",) * (len(CORPUS_HEADER) - len(cells))
    _check(label, kind, path, number)
    if kind_class not in ("must", "may"):
        raise ValueError(f"{path}:{number}: class must be must or may, not {kind_class!r}")
    return GoldRow(label, kind, kind_class == "must", _split_forms(aliases), first_seen=first, last_seen=last)


def _check(label: str, kind: str, path: str | Path, number: int) -> None:
    """Raise ValueError naming the line when a row has no label or a type kg does not know."""
    if not label:
        raise ValueError(f"{path}:{number}: empty label")
    if kind not in ENTITY_TYPES:
        raise ValueError(f"{path}:{number}: type {kind!r} is not one of {ENTITY_TYPES}")


def entity_nodes(graph: nx.Graph) -> list[NodeEntry]:
    """Return the graph's entity nodes (kind="entity"), in node order."""
    return [
        NodeEntry(
            str(node),
            str(data.get("label", node)),
            str(data.get("type", "")),
            _split_forms(data.get("aliases")),
        )
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "entity"
    ]


def score(graph: nx.Graph, gold: Sequence[GoldRow]) -> QualityReport:
    """Return the quality report of the graph's entity nodes against the gold rows.

    A node matches a row when one of its forms (label or alias) normalises to one of the row's
    forms. A node matching no row but one row's ``also`` forms is correct but matches nothing.
    """
    nodes = entity_nodes(graph)
    row_keys = [row.keys() for row in gold]
    also_keys = [row.also_keys() for row in gold]
    matches: list[list[int]] = []
    correct = 0
    false_positives: list[NodeEntry] = []
    for node in nodes:
        keys = node.keys()
        hits = [i for i, rk in enumerate(row_keys) if keys & rk]
        matches.append(hits)
        if hits or any(keys & ak for ak in also_keys):
            correct += 1
        else:
            false_positives.append(node)

    matched_by: dict[int, list[NodeEntry]] = {}
    for node, hits in zip(nodes, matches):
        for i in hits:
            matched_by.setdefault(i, []).append(node)

    required = [i for i, row in enumerate(gold) if row.required]
    by_type = tuple(
        (
            kind,
            sum(1 for i in required if gold[i].type == kind and i in matched_by),
            sum(1 for i in required if gold[i].type == kind),
        )
        for kind in RECALL_TYPES
    )
    type_errors = []
    typed = 0
    for node, hits in zip(nodes, matches):
        if not hits:
            continue
        typed += 1
        gold_types = sorted({gold[i].type for i in hits})
        if node.type not in gold_types:
            type_errors.append((node.label, node.type, "|".join(gold_types)))

    return QualityReport(
        nodes=len(nodes),
        correct_nodes=correct,
        required=len(required),
        found=sum(1 for i in required if i in matched_by),
        by_type=by_type,
        typed=typed,
        typed_correct=typed - len(type_errors),
        missed=tuple(gold[i] for i in required if i not in matched_by),
        false_positives=tuple(false_positives),
        splits=tuple(
            (gold[i].label, tuple(n.label for n in found))
            for i, found in sorted(matched_by.items())
            if len(found) > 1
        ),
        merges=tuple(
            (node.label, tuple(gold[i].label for i in hits))
            for node, hits in zip(nodes, matches)
            if len(hits) > 1
        ),
        type_errors=tuple(type_errors),
    )


def _figure(value: float | None) -> str:
    """Return a ratio formatted for the report."""
    return "n/a" if value is None else f"{value:.3f}"


def format_report(report: QualityReport) -> str:
    """Return the human-readable report: figures first, then each list of findings."""
    lines = [
        f"recall         {_figure(report.recall)}  "
        f"({report.found}/{report.required} required rows)",
        *(
            f"  {kind:<13}{_figure(_ratio(found, total))}  ({found}/{total})"
            for kind, found, total in report.by_type
        ),
        f"precision      {_figure(report.precision)}  "
        f"({report.correct_nodes}/{report.nodes} entity nodes)",
        f"type accuracy  {_figure(report.type_accuracy)}  "
        f"({report.typed_correct}/{report.typed} matched nodes)",
        f"splits         {len(report.splits)}",
        f"merges         {len(report.merges)}",
    ]
    sections = [
        (
            "missed required rows",
            [f"{row.type:<13}{row.label}" for row in report.missed],
        ),
        (
            "false-positive nodes (label, type, aliases)",
            [f"{n.label}\t{n.type}\t{'|'.join(n.aliases)}" for n in report.false_positives],
        ),
        (
            "splits (gold row <- nodes)",
            [f"{gold} <- {', '.join(nodes)}" for gold, nodes in report.splits],
        ),
        (
            "merges (node -> gold rows)",
            [f"{node} -> {', '.join(rows)}" for node, rows in report.merges],
        ),
        (
            "type disagreements (node: type, gold type)",
            [f"{node}: {kind}, gold {gold}" for node, kind, gold in report.type_errors],
        ),
    ]
    for title, items in sections:
        lines += ["", f"{title}: {len(items)}", *(f"  {item}" for item in items)]
    return "\n".join(lines)


def gold_notes() -> list[tuple[Path, Path]]:
    """Return (note, gold TSV) for the sample note and each test note of benchmarks/notes with a gold file."""
    notes = [*sorted(DEFAULT_PATHS[0].glob("*.md")), *sorted(NOTES_DIR.glob("*.md"))]
    return [(note, GOLD_DIR / f"{note.stem}.tsv") for note in notes if (GOLD_DIR / f"{note.stem}.tsv").exists()]


def format_table(reports: Sequence[tuple[str, QualityReport]]) -> str:
    """Return one Markdown row per gold note: recall, precision, splits and merges."""
    lines = ["| note | recall | precision | splits | merges |", "|---|---|---|---|---|"]
    lines += [
        f"| {name} | {_figure(r.recall)} ({r.found}/{r.required}) | {_figure(r.precision)} "
        f"({r.correct_nodes}/{r.nodes}) | {len(r.splits)} | {len(r.merges)} |"
        for name, r in reports
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class CorpusNote:
    """One note or vault of the policy-notes corpus and its gold files (benchmarks/policy-notes/README.md)."""

    stem: str
    path: Path
    folder: Path

    def file(self, suffix: str) -> Path:
        """Return the gold file STEM_SUFFIX beside the note."""
        return self.folder / f"{self.stem}_{suffix}"


@dataclass(frozen=True)
class CorpusReport:
    """The entity report of one corpus note with what its other gold files check."""

    entities: QualityReport
    dates_right: int
    dates_known: int
    absent_nodes: tuple[str, ...]
    edges_found: int
    edges_required: int
    missed_edges: tuple[tuple[str, str], ...]

    @property
    def dates(self) -> float | None:
        """Return the share of dated, found must rows whose node has the gold's first and last seen."""
        return _ratio(self.dates_right, self.dates_known)

    @property
    def edges(self) -> float | None:
        """Return the share of must section pairs that an edge joins."""
        return _ratio(self.edges_found, self.edges_required)


def corpus_notes(folder: Path = CORPUS_DIR) -> list[CorpusNote]:
    """Return every note or vault of the corpus folder that has a gold file, by stem."""
    notes = []
    for gold in sorted(folder.glob("*_gold.tsv")):
        stem = gold.name.removesuffix("_gold.tsv")
        path = folder / stem if (folder / stem).is_dir() else folder / f"{stem}.md"
        notes.append(CorpusNote(stem, path, folder))
    return notes


def read_lines(path: Path) -> list[str]:
    """Return the non-empty lines of a text file that are no # comment; [] when it does not exist."""
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """Return the (a, b) must pairs of an edges TSV (kind, a, b), its header left out."""
    rows = [line.split("\t") for line in read_lines(path)]
    return [(row[1].strip(), row[2].strip()) for row in rows[1:] if row[0].strip() == "must"]


def _matching(graph: nx.Graph, gold: Sequence[GoldRow]) -> dict[str, list[str]]:
    """Return gold label -> the entity nodes one of whose forms is one of the row's."""
    nodes = entity_nodes(graph)
    return {row.label: [n.id for n in nodes if n.keys() & row.keys()] for row in gold}


def score_corpus_note(graph: nx.Graph, gold: Sequence[GoldRow], absent: Sequence[str],
                      pairs: Sequence[tuple[str, str]]) -> CorpusReport:
    """Return the corpus report: entities, first/last seen dates, absent names that became nodes, section pairs."""
    matched = _matching(graph, gold)
    dated = [row for row in gold if row.required and row.first_seen and matched[row.label]]
    right = sum(
        1 for row in dated
        if any((graph.nodes[n].get("first_seen"), graph.nodes[n].get("last_seen")) == (row.first_seen, row.last_seen)
               for n in matched[row.label])
    )
    absent_keys = {normalise(name): name for name in absent}
    appeared = sorted({absent_keys[k] for node in entity_nodes(graph) for k in node.keys() if k in absent_keys})
    joined = [
        (a, b) for a, b in pairs
        if any(graph.has_edge(x, y) for x in matched.get(a, ()) for y in matched.get(b, ()))
    ]
    return CorpusReport(score(graph, gold), right, len(dated), tuple(appeared), len(joined), len(pairs),
                        tuple(p for p in pairs if p not in joined))


def format_corpus_table(reports: Sequence[tuple[str, CorpusReport]]) -> str:
    """Return one Markdown row per corpus note: recall, precision, splits, merges, dates, absent, edges."""
    lines = ["| note | recall | precision | splits | merges | dates | absent nodes | section pairs |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [
        f"| {name} | {_figure(r.entities.recall)} ({r.entities.found}/{r.entities.required}) "
        f"| {_figure(r.entities.precision)} ({r.entities.correct_nodes}/{r.entities.nodes}) "
        f"| {len(r.entities.splits)} | {len(r.entities.merges)} | {_figure(r.dates)} ({r.dates_right}/{r.dates_known}) "
        f"| {len(r.absent_nodes)} | {_figure(r.edges)} ({r.edges_found}/{r.edges_required}) |"
        for name, r in reports
    ]
    return "\n".join(lines)


def format_corpus_findings(name: str, report: CorpusReport) -> str:
    """Return one corpus note's findings: the entity report, then absent names and missed pairs."""
    return "\n".join([
        f"## {name}", format_report(report.entities), "",
        f"absent names that are nodes: {len(report.absent_nodes)}", *(f"  {n}" for n in report.absent_nodes), "",
        f"section pairs with no edge: {len(report.missed_edges)}", *(f"  {a} -- {b}" for a, b in report.missed_edges),
    ])


def run_corpus(folder: Path = CORPUS_DIR, only: Sequence[str] = ()) -> list[tuple[str, CorpusReport]]:
    """Return the report of every corpus note (or of the stems named), one build each."""
    from kg import build

    reports = []
    for note in corpus_notes(folder):
        if only and note.stem not in only:
            continue
        reports.append((note.stem, score_corpus_note(
            build([note.path]), read_gold(note.file("gold.tsv")), read_lines(note.file("absent.txt")),
            read_pairs(note.file("edges.tsv")),
        )))
    return reports


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``benchmarks/quality.py``."""
    parser = argparse.ArgumentParser(
        prog="benchmarks/quality.py",
        description="Build the graph of PATHS and score its entity nodes against a gold TSV.",
        epilog="Example: .venv/bin/python benchmarks/quality.py data/ --json",
    )
    quality = parser
    quality.add_argument(
        "paths", nargs="*", type=Path, help=f"notes or folders (default: {DEFAULT_PATHS[0]})"
    )
    quality.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help=f"gold TSV (default: {DEFAULT_GOLD})"
    )
    quality.add_argument("--json", action="store_true", help="print a JSON dict instead")
    quality.add_argument("--all", action="store_true",
                         help="score every gold note (the sample and benchmarks/notes/*.md), one build each")
    quality.add_argument("--corpus", nargs="*", metavar="STEM",
                         help=f"score the policy-notes corpus ({CORPUS_DIR}), every note or the stems named")
    quality.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, metavar="DIR",
                         help=f"with --corpus, the folder of notes and gold files (default: {CORPUS_DIR})")
    quality.add_argument("--findings", action="store_true", help="with --corpus, list each note's findings")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.corpus is not None:
        reports = run_corpus(args.corpus_dir, only=args.corpus)
        if args.json:
            print(json.dumps({name: {**r.entities.to_dict(), "dates": r.dates, "absent_nodes": list(r.absent_nodes),
                                     "edges": r.edges, "missed_edges": [list(p) for p in r.missed_edges]}
                              for name, r in reports}, ensure_ascii=False, indent=2))
            return 0
        print(format_corpus_table(reports))
        if args.findings:
            print("\n\n".join(format_corpus_findings(name, r) for name, r in reports))
        return 0
    pairs = gold_notes() if args.all else [(None, args.gold)]
    try:
        golds = [read_gold(gold) for _, gold in pairs]
    except (OSError, ValueError) as error:
        parser.error(f"cannot read gold file: {error}")
    gold = golds[0]
    try:
        from kg import build
    except ImportError as error:
        parser.exit(1, f"{parser.prog}: cannot import kg.build: {error}\n")
    if args.all:
        reports = [(note.stem, score(build([note]), rows)) for (note, _), rows in zip(pairs, golds)]
        if args.json:
            print(json.dumps({name: r.to_dict() for name, r in reports}, ensure_ascii=False, indent=2))
        else:
            print(format_table(reports))
        return 0

    report = score(build(list(args.paths or DEFAULT_PATHS)), gold)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"gold: {args.gold} ({len(gold)} rows, {report.required} required)")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
