"""Run GiNZA's named-entity recogniser over block texts.

The output is plain ``Span`` records per text, so results can be cached, shipped between
processes and tested without spaCy objects.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from functools import cache, partial
from typing import TYPE_CHECKING

from kg.records import Span
from kg.text.sentences import sentence_bounds

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "ja_ginza"
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Only tok2vec and ner are needed for entities; the parser and friends cost about 25% more time.
_NOT_NEEDED = ("parser", "attribute_ruler", "morphologizer", "compound_splitter", "bunsetu_recognizer")
# SudachiPy refuses input over 49,149 bytes; stay well under it.
MAX_CHUNK_BYTES = 40_000
# Characters per batch sent to a worker: small enough to balance two cores, big enough that
# shipping texts and spans between processes costs little.
BATCH_CHARS = 20_000
# Texts per nlp.pipe batch, and characters: the model's working memory grows with the characters
# of a batch. Measured on 140k characters, batches of 64 texts peaked at 1.26 GB in one process
# and of 8 at 0.60 GB (3% slower); on the 160-note benchmark vault 16 texts made two workers 1.54x
# faster than one and 32 made them 1.70x, but peaked at 1.5 GB. The character cap keeps 32's
# speed on short texts without its peaks on long ones.
PIPE_BATCH = 32
PIPE_CHARS = 8_000
_SOFT_BREAK = re.compile(r"[、，,;；:：\s]")
# Without punctuation, a word most likely starts where hiragana (particles, endings) gives way.
_WORD_START = re.compile(r"(?<=[ぁ-ゟ])[^ぁ-ゟ]")


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline with only the components NER needs (loaded once per process)."""
    import spacy

    return spacy.load(model, exclude=list(_NOT_NEEDED))


def model_version(model: str = DEFAULT_MODEL) -> str:
    """Return "name-version" of an installed model package without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model.replace('_', '-'))}"
    except PackageNotFoundError:
        return model


def chunk_bounds(text: str, max_bytes: int = MAX_CHUNK_BYTES) -> list[tuple[int, int]]:
    """Return (start, end) pieces of text, each under max_bytes of UTF-8, cut at sentence ends."""
    if len(text.encode("utf-8", "surrogatepass")) <= max_bytes:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = end = 0
    for _, s_end in sentence_bounds(text) or [(0, len(text))]:
        if _byte_len(text, start, s_end) > max_bytes and end > start:
            pieces.append((start, end))
            start = end
        if _byte_len(text, start, s_end) > max_bytes:
            pieces.extend(_cut_long(text, start, s_end, max_bytes))
            start = s_end
        end = s_end
    if end > start:
        pieces.append((start, end))
    return pieces


def _byte_len(text: str, start: int, end: int) -> int:
    """Return the UTF-8 size of text[start:end]."""
    return len(text[start:end].encode("utf-8", "surrogatepass"))


def _cut_long(text: str, start: int, end: int, max_bytes: int) -> Iterator[tuple[int, int]]:
    """Yield pieces of one over-long sentence, cut at a comma or space, else where a word starts."""
    while start < end:
        # a character is at most 4 bytes, so this many always fit
        stop = min(end, start + max_bytes // 4)
        half = start + (stop - start) // 2
        soft = [m.end() for m in _SOFT_BREAK.finditer(text, half, stop)] or [
            m.start() for m in _WORD_START.finditer(text, half, stop)
        ]
        if stop < end and soft:
            stop = soft[-1]
        yield start, stop
        start = stop


# How often the wait for a batch looks for a Ctrl-C its handler noted, in seconds.
_POLL = 0.1
# How long an interrupted build waits for the pool's manager thread to see its workers gone, in seconds.
_MANAGER_GRACE = 5.0


def find_spans(
    texts: Sequence[str],
    model: str = DEFAULT_MODEL,
    *,
    jobs: int = 1,
    batch_size: int = PIPE_BATCH,
    progress: Callable[[int], object] | None = None,
    keep: Callable[[dict[str, tuple[Span, ...]]], object] | None = None,
) -> list[tuple[Span, ...]]:
    """Return the NER spans of each text, with offsets into that text.

    Texts go in batches of similar size, to a pool of forked processes when jobs > 1; each
    batch comes back as plain Span records and is handed to ``keep`` (the cache) at once, so
    an interrupted build keeps what it finished. ``progress`` is called with characters done.
    """
    found: list[tuple[Span, ...]] = [()] * len(texts)
    batches = batches_of(texts, max(jobs, 1))

    def take(batch: list[int], spans: list[tuple[Span, ...]]) -> None:
        for i, one in zip(batch, spans):
            found[i] = one
        if keep is not None:
            keep({texts[i]: one for i, one in zip(batch, spans)})

    if jobs <= 1 or len(batches) < 2:
        for batch in batches:
            take(batch, _spans_of([texts[i] for i in batch], model, batch_size, progress))
        return found
    load_nlp(model)  # forked workers inherit the loaded model instead of loading it again
    context = multiprocessing.get_context("fork")
    # The workers' lifeline: a pipe whose write end only this process keeps. When it closes, because
    # this process ended however it ended or gave up on them, every worker reads EOF and exits.
    lifeline, hold = os.pipe()
    # a build started with Ctrl-C ignored (a background job, nohup) keeps its workers deaf to it too
    deaf = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    # Ctrl-C may reach this process while it forks a worker, where Python drops a KeyboardInterrupt raised
    # there: the handler only notes it, and the wait for each batch raises it (the workers it ended break the pool)
    interrupts: list[int] = []
    watching = not deaf and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, partial(_interrupted, interrupts)) if watching else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(), lifeline, hold, deaf))
    try:
        # submitted and awaited here, not with pool.map: on an interrupt map cancels the queued
        # futures while the pool marks them failed, and Python 3.11 then prints a traceback
        futures = [pool.submit(_spans_of, [texts[i] for i in batch], model, batch_size) for batch in batches]
        for batch, future in zip(batches, futures):
            take(batch, _result(future, interrupts))
            if progress is not None:
                progress(sum(len(texts[i]) for i in batch))
    except BaseException:
        # Ctrl-C reaches the workers too, SIGTERM or an error only this process: end them now, and
        # leave without waiting for the batches still queued (nor for a pool an interrupt left half made)
        os.close(hold)
        hold = -1
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        # The workers now exit, and the pool's manager thread with them. Let it finish closing its wake-up
        # pipe: Python 3.11's exit hook writes to that pipe unlocked, and printed "Bad file descriptor"
        # under kg's one line when the thread closed it at the same moment (fixed in CPython 3.12)
        if manager is not None:
            manager.join(timeout=_MANAGER_GRACE)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        os.close(lifeline)
        if hold >= 0:
            os.close(hold)
        if watching:
            signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    if interrupts:
        raise KeyboardInterrupt  # Ctrl-C while the pool shut down, after the last batch
    return found


def _interrupted(seen: list[int], signum: int, frame: object) -> None:
    """Note Ctrl-C; the wait for a batch raises KeyboardInterrupt for it."""
    seen.append(signum)


def _result(future: Future, interrupts: list[int]) -> list[tuple[Span, ...]]:
    """Return a batch's spans, raising KeyboardInterrupt as soon as Ctrl-C is noted, also when the workers
    it ended broke the pool first."""
    while not interrupts:
        try:
            return future.result(timeout=_POLL)
        except TimeoutError:
            continue
        except BrokenProcessPool:
            if not interrupts:
                raise
    raise KeyboardInterrupt


def _start_worker(parent: int, lifeline: int, hold: int, deaf: bool) -> None:
    """Make a NER worker end with its parent, however the parent ends, and silently.

    Ctrl-C and SIGTERM end it at once (the parent reports them), unless the parent ignores Ctrl-C
    (``deaf``), when a worker that died of it would only break the pool. On Linux the kernel kills it when
    the parent dies, even by SIGKILL (PR_SET_PDEATHSIG); everywhere a thread exits it when the
    lifeline pipe closes. Either way no worker outlives the build, holding its memory, the cache
    file or the stdout of a ``kg build | tee`` pipeline.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN if deaf else signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.close(hold)  # the parent's end: holding it would keep the lifeline open forever
    if sys.platform == "linux":
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_exit_when_closed, args=(lifeline,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before any of this was in place
        os._exit(1)


def _exit_when_closed(lifeline: int) -> None:
    """End this process once nobody holds the write end of the lifeline pipe."""
    while os.read(lifeline, 1):
        pass
    os._exit(1)


def batches_of(texts: Sequence[str], jobs: int) -> list[list[int]]:
    """Return indices of texts grouped so each worker gets several batches of similar size."""
    total = sum(len(t) for t in texts)
    target = max(2_000, min(BATCH_CHARS, total // (jobs * 4) + 1))
    batches: list[list[int]] = [[]]
    size = 0
    for i, text in enumerate(texts):
        if batches[-1] and size + len(text) > target:
            batches.append([])
            size = 0
        batches[-1].append(i)
        size += len(text)
    return [b for b in batches if b]


def _spans_of(
    texts: Sequence[str], model: str, batch_size: int = PIPE_BATCH, progress: Callable[[int], object] | None = None
) -> list[tuple[Span, ...]]:
    """Return the NER spans of each text, in this process."""
    nlp = load_nlp(model)
    pieces = [(i, s, e) for i, text in enumerate(texts) for s, e in chunk_bounds(text)]
    found: list[list[Span]] = [[] for _ in texts]
    docs = (doc for group in _pipe_groups(pieces, batch_size)
            for doc in nlp.pipe([texts[i][s:e] for i, s, e in group], batch_size=len(group)))
    for (i, offset, end), doc in zip(pieces, docs):
        found[i].extend(
            Span(ent.start_char + offset, ent.end_char + offset, ent.label_, _has_proper_noun(ent))
            for ent in doc.ents
        )
        if progress is not None:
            progress(end - offset)
    return [tuple(spans) for spans in found]


def _pipe_groups(pieces: list[tuple[int, int, int]], most: int) -> Iterator[list[tuple[int, int, int]]]:
    """Yield runs of pieces for one nlp.pipe batch: at most ``most`` texts and PIPE_CHARS characters.

    The model's working memory grows with the characters of a batch, not its count of texts, so
    capping characters keeps the peak flat while short texts still go many at a time.
    """
    group: list[tuple[int, int, int]] = []
    size = 0
    for piece in pieces:
        length = piece[2] - piece[1]
        if group and (len(group) >= most or size + length > PIPE_CHARS):
            yield group
            group, size = [], 0
        group.append(piece)
        size += length
    if group:
        yield group


def _has_proper_noun(ent) -> bool:
    """Return True when Sudachi tags a word of two or more characters in the span as a proper noun."""
    return any("固有名詞" in token.tag_ and len(token.text) >= 2 for token in ent)
