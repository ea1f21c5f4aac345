"""A record of what resolution decided, kept only while ``kg explain`` listens.

Resolution's stages call ``found`` and ``dropped`` at their decision points; each returns at
once unless a Trace is current (``tracing``), so a build pays one context-variable look-up per
call. Each decision names a rule of kg/data/rules.tsv, where its one-line reason lives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from kg.resolve.knowledge import read_tsv

if TYPE_CHECKING:
    from kg.records import Block, Entity
    from kg.resolve.corrections import Corrections
    from kg.resolve.candidates import Candidate
    from kg.resolve.lexicon import Lexicon

FOUND, DROPPED, JOINED = "found", "dropped", "joined"


@dataclass(frozen=True)
class Step:
    """One decision about the text block.text[start:end]: a finder proposed it, or a rule dropped it."""

    start: int
    end: int
    rule: str
    verdict: str
    trust: int = 0  # a proposed candidate's trust (kg.resolve.candidates: KNOWN 1 … NER 5)


@dataclass
class Trace:
    """The decisions of one resolution, by block (the block being read is ``block``)."""

    steps: dict[int, list[Step]] = field(default_factory=dict)
    blocks: dict[int, Block] = field(default_factory=dict)
    block: Block | None = None
    # what explain needs besides the steps: the names the notes define (in order), the lexicon they
    # made, the user's corrections and the entities before those corrections
    defined: list[tuple[str, ...]] = field(default_factory=list)
    located: list[str] = field(default_factory=list)
    renewed: list[str] = field(default_factory=list)
    lexicon: Lexicon | None = None
    corrections: Corrections | None = None
    before: list[Entity] = field(default_factory=list)

    def at(self, block: Block) -> list[Step]:
        """Return the steps of a block, in the order they were taken."""
        return self.steps.get(id(block), [])

    def add(self, start: int, end: int, rule: str, verdict: str, trust: int = 0) -> None:
        """Record one decision about the current block."""
        if self.block is None:
            return
        self.blocks[id(self.block)] = self.block
        self.steps.setdefault(id(self.block), []).append(Step(start, end, rule, verdict, trust))


_CURRENT: ContextVar[Trace | None] = ContextVar("kg_trace", default=None)


def current() -> Trace | None:
    """Return the Trace being recorded, None in a build."""
    return _CURRENT.get()


@contextmanager
def tracing() -> Iterator[Trace]:
    """Record resolution's decisions into a new Trace for the duration of the block."""
    trace = Trace()
    token = _CURRENT.set(trace)
    try:
        yield trace
    finally:
        _CURRENT.reset(token)


def reading(block: Block) -> Trace | None:
    """Return the current Trace, now reading ``block``, or None."""
    trace = _CURRENT.get()
    if trace is not None:
        trace.block = block
    return trace


def found(candidates: Iterable[Candidate], rule: str) -> None:
    """Record that a finder proposed the candidates."""
    trace = _CURRENT.get()
    if trace is not None:
        for cand in candidates:
            trace.add(cand.start, cand.end, rule, FOUND, cand.trust)


def dropped(start: int, end: int, rule: str) -> None:
    """Record that a rule dropped block.text[start:end]."""
    trace = _CURRENT.get()
    if trace is not None:
        trace.add(start, end, rule, DROPPED)


def dropped_all(before: Iterable[Candidate], after: Iterable[Candidate], rule: str) -> None:
    """Record that a rule dropped the candidates of ``before`` that are not in ``after``."""
    trace = _CURRENT.get()
    if trace is not None:
        kept = {id(c) for c in after} | {(c.start, c.end) for c in after}
        for cand in before:
            if id(cand) not in kept and (cand.start, cand.end) not in kept:
                trace.add(cand.start, cand.end, rule, DROPPED)


@cache
def rules() -> dict[str, tuple[str, str]]:
    """Return each rule's name with its verdict (found, dropped, joined) and one-line reason (kg/data/rules.tsv)."""
    return {name: (verdict, reason) for name, verdict, reason in read_tsv("rules.tsv")}
