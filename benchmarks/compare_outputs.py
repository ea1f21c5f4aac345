"""Check that a code change leaves kg's outputs byte-identical to reference builds.

Usage:
    .venv/bin/python benchmarks/compare_outputs.py make-vault DIR   # write the generated vault
    .venv/bin/python benchmarks/compare_outputs.py build REF        # build every case into REF/<case>
    .venv/bin/python benchmarks/compare_outputs.py compare REF      # build again and diff against REF

The cases are the sample note (default options, and with notes as nodes plus the spanning forest)
and a small generated vault: sentences of the sample recombined into 20 notes, with front-matter
aliases, footnotes, callouts, tables and wikilinks, so every writer and every attribute is exercised.
GraphML, CSV and HTML must match byte for byte; graph.json is compared as data, with list
attributes joined as kg.schema joins them, since it now carries lists where it used to carry
joined strings.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data"
KG = [sys.executable, "-m", "kg.cli", "build", "-q"]
BYTE_EXACT = (".graphml", ".csv", ".html")


def cases(vault: Path) -> dict[str, list[str]]:
    """Return the name and kg build arguments of every reference case."""
    return {
        "sample": [str(SAMPLE)],
        "sample-twomode": [str(SAMPLE), "--with-notes", "--mst", "--min-edge", "2"],
        "vault": [str(vault)],
        "vault-paragraph": [str(vault), "--unit", "paragraph", "--measure", "npmi", "--top-edges", "60"],
    }


def make_vault(folder: Path, notes: int = 20, seed: int = 11) -> None:
    """Write a small vault recombined from the sample's lines, with Obsidian features in every note."""
    rng = random.Random(seed)
    lines = [ln.strip() for ln in (SAMPLE / "whitepaper_r06_ict_international.md").read_text(
        encoding="utf-8").splitlines()]
    prose = [ln for ln in lines if len(ln) >= 40 and not ln.startswith(("#", "|", "[^", ">", "-", "!"))]
    headings = [ln.lstrip("#").strip() for ln in lines if ln.startswith("##")]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(notes):
        parts = [f"---\ntitle: メモ{n:02d}\ntags: [白書, 国際]\naliases: [覚書{n:02d}]\n---\n"]
        for s in range(3):
            parts.append(f"## {rng.choice(headings)}\n")
            parts.append(rng.choice(prose) + f"[^n{s}] [[メモ{rng.randrange(notes):02d}|関連]]\n")
            parts.append(f"> [!note] 補足\n> {rng.choice(prose)}\n")
            parts.append(f"- {rng.choice(prose)}\n- [[メモ{rng.randrange(notes):02d}]]と{rng.choice(prose)}\n")
            parts.append(f"| 項目 | 内容 |\n| --- | --- |\n| {rng.choice(headings)} | {rng.choice(prose)[:60]} |\n")
            parts.append(f"[^n{s}]: {rng.choice(prose)}\n")
        (folder / f"メモ{n:02d}.md").write_text("\n".join(parts), encoding="utf-8")


def build(ref: Path, vault: Path) -> None:
    """Build every case into ref/<case>."""
    for name, args in cases(vault).items():
        subprocess.run([*KG, *args, "-o", str(ref / name)], check=True, cwd=ROOT)


def _as_data(data: dict) -> dict:
    """Return node-link data with every list attribute joined as kg.schema joins it for GraphML.

    So a reference built when the graph held joined strings compares equal to one that holds lists.
    """
    from kg.schema import EDGE_LISTS, NODE_LISTS, joined

    data = dict(data)
    data["nodes"] = [joined(node, NODE_LISTS) for node in data["nodes"]]
    data["links"] = [joined(link, EDGE_LISTS) for link in data["links"]]
    return data


def compare(ref: Path, new: Path, names: list[str]) -> list[str]:
    """Return the differences between two builds of every case."""
    problems = []
    for case in names:
        for old_file in sorted((ref / case).iterdir()):
            new_file = new / case / old_file.name
            if not new_file.exists():
                problems.append(f"{case}/{old_file.name}: missing")
            elif old_file.suffix in BYTE_EXACT:
                if old_file.read_bytes() != new_file.read_bytes():
                    problems.append(f"{case}/{old_file.name}: bytes differ")
            elif old_file.name == "graph.json":
                if _as_data(json.loads(old_file.read_text())) != _as_data(json.loads(new_file.read_text())):
                    problems.append(f"{case}/{old_file.name}: data differs")
    return problems


def main(argv: list[str]) -> int:
    command, target = argv[0], Path(argv[1])
    vault = Path("/work/coord/ref/vault-src") if len(argv) < 3 else Path(argv[2])
    if command == "make-vault":
        make_vault(target)
    elif command == "build":
        build(target, vault)
    elif command == "compare":
        new = target.parent / (target.name + "-new")
        build(new, vault)
        names = list(cases(vault))
        problems = compare(target, new, names)
        print("\n".join(problems) or f"identical: {', '.join(names)}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
