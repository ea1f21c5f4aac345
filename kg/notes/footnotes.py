"""Footnotes: each definition's blocks join the section that cites them, and unmatched ones are reported."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.records import Block


@dataclass
class Definition:
    """A footnote definition's blocks, written in one place and copied to where it is cited."""

    label: str
    blocks: list[Block] = field(default_factory=list)


def place_footnotes(items: list[Block | Definition]) -> list[Block]:
    """Return the blocks in order, each footnote copied after its first citation in a section.

    A definition nobody cites is not shown, as Obsidian and markdown-it render no footnote without a
    reference, unless the note cites a label it never defines: a mistyped reference ([^dejure] for
    [^dejuru]) most likely means an uncited definition, which then stays where it is written. A footnote
    cited only inside another footnote stays where it is written too."""
    definitions: dict[str, list[Definition]] = {}
    for item in items:
        if isinstance(item, Definition):
            definitions.setdefault(item.label, []).append(item)
    cited = {label for item in items if isinstance(item, Block) for _, label in item.citations}
    in_footnotes = {label for d in definitions.values() for n in d for b in n.blocks for _, label in b.citations}
    mistyped = bool((cited | in_footnotes) - definitions.keys())
    blocks: list[Block] = []
    placed: set[tuple[str, int]] = set()
    for item in items:
        if isinstance(item, Definition):
            if item.label not in cited and (item.label in in_footnotes or mistyped):
                blocks += item.blocks
            continue
        blocks.append(item)
        for _, label in item.citations:
            if (label, item.section) in placed:
                continue
            placed.add((label, item.section))
            for definition in definitions.get(label, []):
                blocks += [
                    replace(
                        b,
                        heading_path=item.heading_path,
                        heading_levels=item.heading_levels,
                        section=item.section,
                    )
                    for b in definition.blocks
                ]
    return blocks


def check_footnotes(
    items: list[Block | Definition], blocks: list[Block], name: str
) -> list[str]:
    """Return warnings for footnotes cited but never defined, or defined but never cited."""
    defined = {item.label for item in items if isinstance(item, Definition)}
    warnings, cited = [], set()
    for block in blocks:
        for _, label in block.citations:
            if label not in defined and label not in cited:
                warnings.append(
                    f"{name}:{block.line}: footnote [^{label}] is cited but never defined"
                )
            cited.add(label)
    for item in items:
        if isinstance(item, Definition) and item.label not in cited and item.blocks:
            warnings.append(
                f"{name}:{item.blocks[0].line}: footnote [^{item.label}] is defined but never cited"
            )
    return warnings
