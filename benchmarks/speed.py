"""Speed benchmark: kg build against raw GiNZA, cold and warm, on the sample note and a vault.

Usage:
    .venv/bin/python benchmarks/speed.py [--notes 160] [--chars 400000] [--skip-sample]
    .venv/bin/python benchmarks/speed.py --relations   # what relations cost on the vault

The vault is generated from real Japanese text: the sentences of the sample note, recombined
into unique paragraphs (so no block repeats and the cache cannot cheat on a cold build), with
headings, front matter and wikilinks between notes. Every measurement runs in a fresh process,
timed from start to exit; peak memory is the largest sum over the process and its
children of their proportional set size (pages that forked workers share count once), sampled
every 20 ms.
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"
KG = [sys.executable, "-m", "kg.cli"]
RAW = """
import json, sys
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load("ja_ginza", exclude=["parser", "attribute_ruler", "morphologizer", "compound_splitter",
                                      "bunsetu_recognizer"])
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(sum(map(len, texts)))
"""


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Return (seconds, peak MB over the process tree, stdout) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            # PSS counts a page shared by forked workers (the model, the mmap'd dictionary) once,
            # split between them, so the sum is what the tree really holds; RSS would count it twice.
            peak = max(peak, sum(p.memory_full_info().pss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, peak / 1e6, out


def sentences_of(path: Path) -> list[str]:
    """Return the sentences of a note's prose, as kg reads them."""
    from kg.text.sentences import sentence_bounds
    from kg.notes import read_vault

    found = []
    for block in read_vault([path]).notes[0].blocks:
        if block.kind in ("paragraph", "list_item", "callout", "footnote"):
            found += [block.text[s:e].strip() for s, e in sentence_bounds(block.text)]
    return [s for s in found if len(s) >= 15]


def make_vault(folder: Path, notes: int, chars: int, seed: int = 7) -> int:
    """Write a vault of unique paragraphs recombined from the sample's sentences; return its size."""
    rng = random.Random(seed)
    sentences = sentences_of(SAMPLE)
    headings = [line.lstrip("#").strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()
                if line.startswith("##")]
    per_note = chars // notes + 1
    seen: set[str] = set()
    total = 0
    for n in range(notes):
        parts = [f"---\ntitle: メモ{n:03d}\ntags: [白書, 国際]\ncreated: 2024-09-{n % 28 + 1:02d}\n---\n"]
        size = 0
        while size < per_note:
            parts.append(f"## {rng.choice(headings)}\n")
            for _ in range(rng.randint(2, 4)):
                paragraph = "".join(rng.sample(sentences, rng.randint(2, 5)))
                if paragraph in seen:
                    continue
                seen.add(paragraph)
                parts.append(paragraph + f" [[メモ{rng.randrange(notes):03d}]]\n")
                size += len(paragraph)
        (folder / f"メモ{n:03d}.md").write_text("\n".join(parts), encoding="utf-8")
        total += size
    return total


def edit_one(folder: Path) -> None:
    """Change one paragraph of one note, as a user would between builds."""
    path = sorted(folder.glob("*.md"))[len(list(folder.glob("*.md"))) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n追記：総務省はOECDと協力してDFFTを推進する。\n", encoding="utf-8")


def run_suite(name: str, target: Path, work: Path) -> list[tuple[str, str, float, float]]:
    """Return rows (input, case, seconds, peak MB) for one input."""
    import os

    import json

    from kg.notes import read_vault

    rows = []
    texts = sorted({b.text for n in read_vault([target]).notes for b in n.blocks})
    text_file = work / f"texts-{len(texts)}.json"
    text_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    raw_s, raw_mb, _ = measure([sys.executable, "-c", RAW, str(text_file)])
    rows.append((name, "raw GiNZA (load + nlp.pipe, tok2vec+ner)", raw_s, raw_mb))
    for jobs in (1, 2):
        env = dict(os.environ, KG_CACHE_DIR=str(work / f"cache-{name}-{jobs}"))
        seconds, mb, _ = measure([*KG, "build", str(target), "-o", str(work / f"out-{name}-{jobs}"),
                                  "--jobs", str(jobs), "-q"], env)
        rows.append((name, f"kg build cold --jobs {jobs}", seconds, mb))
    env = dict(os.environ, KG_CACHE_DIR=str(work / f"cache-{name}-2"))
    # --force: the whole work of a rebuild from the caches, as before kg kept outputs that are in place
    seconds, mb, _ = measure([*KG, "build", str(target), "-o", str(work / f"out-{name}-2"), "-q", "--force"], env)
    rows.append((name, "kg build unchanged rebuild --force", seconds, mb))
    seconds, mb, _ = measure([*KG, "build", str(target), "-o", str(work / f"out-{name}-2"), "-q"], env)
    rows.append((name, "kg build unchanged rebuild (nothing to do)", seconds, mb))
    if target.is_dir():
        edit_one(target)
        seconds, mb, _ = measure([*KG, "build", str(target), "-o", str(work / f"out-{name}-2"), "-q"], env)
        rows.append((name, "kg build after editing one note", seconds, mb))
    return rows


def relation_suite(target: Path, work: Path) -> str:
    """Return a table of what relations cost: cold builds with and without them, one after the other, and a rebuild."""
    import os

    import resource

    rows = []
    for case, flags in (("cold --no-relations", ["--no-relations"]), ("cold with relations", []),
                        ("unchanged rebuild with relations", ["--force"])):
        cache = work / ("cache-norel" if "no-" in case else "cache-rel")
        env = dict(os.environ, KG_CACHE_DIR=str(cache))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, mb, _ = measure([*KG, "build", str(target), "-o", str(work / "out-rel"), "--jobs", "2", "-q",
                                  *flags], env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU seconds of the build and its workers: on a shared machine they vary far less than the clock
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        rows.append((case, seconds, cpu, mb))
    wall, cpu0 = rows[0][1], rows[0][2]
    lines = ["| case (--jobs 2) | seconds | CPU seconds | CPU ratio | peak MB |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {case} | {seconds:.1f} | {cpu:.1f} | {cpu / cpu0:.2f} × no relations | {mb:.0f} |"
              for case, seconds, cpu, mb in rows]
    lines.append(f"\nwall-clock ratio of the cold builds: {rows[1][1] / wall:.2f}")
    return "\n".join(lines)


def report(rows: list[tuple[str, str, float, float]], help_s: float) -> str:
    """Return the results as a Markdown table with ratios."""
    lines = [
        f"Measured {date.today().isoformat()} on {platform.machine()}, {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}.",
        "",
        "| input | case | seconds | ratio | peak MB |",
        "| --- | --- | ---: | --- | ---: |",
    ]
    by = {(i, c): s for i, c, s, _ in rows}
    for inp, case, seconds, mb in rows:
        raw = by[(inp, "raw GiNZA (load + nlp.pipe, tok2vec+ner)")]
        cold1 = by[(inp, "kg build cold --jobs 1")]
        cold2 = by[(inp, "kg build cold --jobs 2")]
        if case.startswith("raw"):
            ratio = "1.00 × raw"
        elif case.endswith("--jobs 1"):
            ratio = f"{seconds / raw:.2f} × raw"
        elif case.endswith("--jobs 2"):
            ratio = f"{seconds / raw:.2f} × raw; {cold1 / seconds:.2f}× faster than --jobs 1"
        else:
            ratio = f"{seconds / cold2:.3f} × cold"
        lines.append(f"| {inp} | {case} | {seconds:.1f} | {ratio} | {mb:.0f} |")
    lines.append(f"| — | `kg --help` | {help_s:.2f} | | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=160)
    parser.add_argument("--chars", type=int, default=400_000)
    parser.add_argument("--skip-sample", action="store_true")
    parser.add_argument("--relations", action="store_true",
                        help="only measure what relations cost on the vault: cold builds without and with them")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-speed-"))
    try:
        vault = work / "vault"
        vault.mkdir()
        size = make_vault(vault, args.notes, args.chars)
        print(f"generated vault: {args.notes} notes, {size:,} characters of prose", file=sys.stderr)
        if args.relations:
            print(relation_suite(vault, work))
            return 0
        rows = [] if args.skip_sample else run_suite("sample note", SAMPLE, work)
        rows += run_suite(f"vault ({args.notes} notes)", vault, work)
        help_s = min(measure([str(Path(sys.executable).parent / "kg"), "--help"])[0] for _ in range(3))
        print(report(rows, help_s))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
