"""The spans of every block text of a vault: from the cache where it has them, else from GiNZA."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tqdm import tqdm

from kg.extract.cache import SpanCache, cache_dir
from kg.extract.ner import DEFAULT_MODEL, chunk_bounds, find_spans
from kg.records import Span, Vault


# A block longer than this (about 4,000 Japanese characters) goes to NER in pieces cut at sentence
# ends, each its own cache entry: the progress bar moves, and an interrupted build keeps the
# pieces it finished. A 5 MB paragraph was one text, minutes of NER that an interrupt lost whole.
PIECE_BYTES = 12_000


@dataclass(frozen=True)
class ExtractOptions:
    """How NER runs: the model, its processes (0: one per core) or a Dask scheduler, the cache, a progress bar."""

    model: str = DEFAULT_MODEL
    jobs: int = 0
    scheduler: str | None = None
    cache: bool = True
    progress: bool = False

    def __post_init__(self) -> None:
        if self.scheduler is not None:
            from kg.extract.distributed import check_scheduler

            check_scheduler(self.scheduler)


def spans_for(
    vault: Vault, options: ExtractOptions = ExtractOptions(), problems: list[str] | None = None,
    repaired: dict[str, int] | None = None,
) -> dict[str, Sequence[Span]]:
    """Return the NER spans of every distinct block text, from the cache where it has them.

    The model loads only when some text is missing from the cache, so an unchanged rebuild
    never loads it. With a ``scheduler`` (an address or local:N) the missing texts go to a Dask
    cluster instead; a text that fails there twice is left out, not cached, and described in
    ``problems`` (else in a Python warning). The cache's damaged rows, read again, are counted in
    ``repaired["ner"]``.
    """
    model, jobs, scheduler = options.model, options.jobs, options.scheduler
    cuts = {block.text: chunk_bounds(block.text, PIECE_BYTES) for note in vault.notes for block in note.blocks}
    texts = sorted({text[start:end] for text, bounds in cuts.items() for start, end in bounds})
    store = _open_cache(model, problems) if options.cache else None
    try:
        found: dict[str, Sequence[Span]] = dict(store.get_many(texts)) if store else {}
        todo = [t for t in texts if t not in found]
        if todo:
            missing = set(todo)
            notes = sum(1 for note in vault.notes if any(b.text in missing for b in note.blocks))
            with tqdm(total=sum(map(len, todo)), unit="char", unit_scale=True, file=sys.stderr,
                      desc=f"GiNZA over {notes} notes", disable=None if options.progress else True, leave=False) as bar:
                if scheduler:
                    # the cluster's batches are cached as they come, so a lost cluster loses little
                    found.update(_spans_on_cluster(vault, todo, model, scheduler, bar, problems, store))
                else:
                    # each batch is cached as it comes, so an interrupted build keeps its work
                    spans = find_spans(todo, model, jobs=jobs or os.cpu_count() or 1, progress=bar.update,
                                       keep=store.put_many if store else None)
                    found.update(zip(todo, spans))
    finally:
        if store:
            store.close()
            _report(store.problems, problems)
            if repaired is not None and store.repaired:
                repaired["ner"] = repaired.get("ner", 0) + store.repaired
    # a text none of whose pieces came back (failed on a cluster) is left out, as the docstring says
    return {text: _joined(text, bounds, found) for text, bounds in cuts.items()
            if any(text[start:end] in found for start, end in bounds)}


def _joined(text: str, bounds: list[tuple[int, int]], found: dict[str, Sequence[Span]]) -> tuple[Span, ...]:
    """Return the spans of a block text from those of its pieces, with offsets into the whole text."""
    if len(bounds) == 1 and bounds[0] == (0, len(text)):
        return tuple(found.get(text, ()))
    return tuple(replace(span, start=span.start + start, end=span.end + start)
                 for start, end in bounds for span in found.get(text[start:end], ()))


def _open_cache(model: str, problems: list[str] | None) -> SpanCache | None:
    """Return the NER cache, or None (described in problems) when it cannot be made or opened."""
    folder = cache_dir()
    try:
        return SpanCache.open(model, folder)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        _report([f"the NER cache in {folder} cannot be used ({reason}); this build ran without it"], problems)
        return None


def _report(found: list[str], problems: list[str] | None) -> None:
    """Add problems to the build's list, else (a direct caller gave none) raise them as Python warnings."""
    if problems is not None:
        problems += found
        return
    import warnings

    for problem in found:
        warnings.warn(f"kg: {problem}", stacklevel=3)


def _spans_on_cluster(
    vault: Vault, texts: list[str], model: str, scheduler: str, bar: tqdm, problems: list[str] | None,
    store: SpanCache | None,
) -> dict[str, Sequence[Span]]:
    """Return the spans of texts from a Dask cluster, describing each text that failed there."""
    from kg.extract.distributed import find_spans as find_spans_on

    done = find_spans_on(texts, model, scheduler=scheduler, progress=bar.update,
                         keep=store.put_many if store else None, say=bar.write if not bar.disable else None)
    # reversed, so each text names the first block that holds it
    where = {block.text[start:end]: block for note in reversed(vault.notes) for block in reversed(note.blocks)
             for start, end in chunk_bounds(block.text, PIECE_BYTES)}
    for text, reason in done.failed.items():
        block = where[text]
        problem = (f"{block.note}:{block.line}: GiNZA failed twice on this {block.kind} on the Dask cluster "
                   f"({reason}); it was read without model spans")
        _report([problem], problems)
    return dict(done.spans)
