"""Stage 2 on a Dask cluster: block texts go to dask.distributed workers, Span records come back.

Only strings and Span records cross the wire, never spaCy objects. Each worker process loads the
model once, on its first batch (``kg.extract.ner.load_nlp`` is cached per process), so every worker
needs kg and the model installed, in the same versions as the machine that builds the graph.
Dask is an optional extra (``pip install 'kg[dask]'``); this module imports it only when called.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.util import find_spec
from typing import TYPE_CHECKING

from kg.errors import OptionError
from kg.extract.ner import DEFAULT_MODEL, PIPE_BATCH, batches_of
from kg.records import Span

if TYPE_CHECKING:
    from distributed import Client, Future

# Seconds to reach a scheduler, and for it to have a worker, before the build gives up.
CONNECT_TIMEOUT = 10.0
# Seconds a running build waits on a cluster that has lost all its workers: long enough for a
# Nanny to restart one, short enough that a dead cluster does not look like a slow one.
WORKERLESS_TIMEOUT = 60.0
_POLL_SECONDS = 1.0
_LOCAL = "local:"
_INSTALL = "{scheduler} needs Dask: pip install 'kg[dask]' (or pip install 'dask[distributed]')"


@dataclass(frozen=True)
class Extraction:
    """What a cluster returned: the spans of each text it read, and why each other text failed."""

    spans: Mapping[str, tuple[Span, ...]]
    failed: Mapping[str, str]


def check_scheduler(scheduler: str) -> None:
    """Raise ValueError unless Dask is installed and scheduler is local:N or a Dask address."""
    if find_spec("distributed") is None:
        raise OptionError(_INSTALL)
    if local_workers(scheduler):
        return
    from distributed.comm import get_address_host

    try:
        get_address_host(scheduler)
    except ValueError as error:
        raise OptionError(f"{{scheduler}} {scheduler}: not a Dask address ({error}); write tcp://HOST:8786 "
                          "or local:N") from error


def local_workers(scheduler: str) -> int:
    """Return N for "local:N" (a LocalCluster of N processes), 0 for the address of a scheduler."""
    if not scheduler.startswith(_LOCAL):
        return 0
    count = scheduler.removeprefix(_LOCAL)
    if not count.isdigit() or int(count) < 1:
        raise OptionError(f"{{scheduler}} {scheduler}: write local:N with N worker processes, e.g. local:2")
    return int(count)


def find_spans(
    texts: Sequence[str],
    model: str = DEFAULT_MODEL,
    *,
    scheduler: str,
    batch_size: int = PIPE_BATCH,
    progress: Callable[[int], object] | None = None,
    keep: Callable[[dict[str, tuple[Span, ...]]], object] | None = None,
    say: Callable[[str], object] | None = None,
    timeout: float | None = None,
) -> Extraction:
    """Return the NER spans of each text, computed on the Dask cluster at scheduler.

    ``scheduler`` is a scheduler's address (tcp://host:8786) or local:N, which starts N worker
    processes on this machine for the length of the call. Texts go out in batches of similar
    size. The scheduler reruns a batch whose worker died; one that raises is retried once; a
    batch that still fails goes again text by text, so that only a text that fails twice is
    lost. ``progress`` is called with the characters done after each batch, ``keep`` with its
    spans (so a build cut short can cache what it has), ``say`` with a line for the user (where
    the dashboard is).

    Raises ConnectionError when the scheduler cannot be reached or has no workers within
    ``timeout`` seconds (default CONNECT_TIMEOUT), ValueError when Dask is missing, scheduler is
    no address, or a worker runs another model or kg.
    """
    if not texts:
        return Extraction({}, {})
    check_scheduler(scheduler)
    with _client(scheduler, CONNECT_TIMEOUT if timeout is None else timeout) as client:
        if say is not None and local_workers(scheduler) and find_spec("bokeh") is not None:
            say(f"Dask dashboard: {client.dashboard_link}")
        return _extract_on(client, scheduler, texts, model, batch_size, progress, keep)


@contextmanager
def _client(scheduler: str, timeout: float) -> Iterator[Client]:
    """Yield a client of the scheduler, or of a LocalCluster started (and closed) for local:N."""
    from distributed import Client, LocalCluster

    workers = local_workers(scheduler)
    if workers:
        # Loopback only, with the dashboard on a free port: nothing is exposed to the network.
        # Errors are still logged; warnings about restarting or stopping workers are not, as the
        # build retries and reports what they cost.
        dashboard = "127.0.0.1:0" if find_spec("bokeh") is not None else None
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=dashboard, silence_logs=logging.ERROR) as cluster, \
                Client(cluster, set_as_default=False) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except OSError as error:  # a timeout is one too
        raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler} ({error}); is `dask scheduler` "
                              "running there?") from error
    with client:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as error:
            raise ConnectionError(f"the Dask scheduler at {scheduler} has no workers after {timeout:g} s; start "
                                  f"some with `dask worker {scheduler} --nthreads 1`") from error
        yield client


def _extract_on(
    client: Client, scheduler: str, texts: Sequence[str], model: str, batch_size: int,
    progress: Callable[[int], object] | None, keep: Callable[[dict[str, tuple[Span, ...]]], object] | None = None,
) -> Extraction:
    """Return the spans of texts from the client's workers, reading the texts of failed batches alone."""
    ours = versions(model)
    prefix = f"kg-ner-{uuid.uuid4().hex[:12]}"
    spans: dict[str, tuple[Span, ...]] = {}
    failed: dict[str, str] = {}
    threads = sum(client.nthreads().values()) or 1
    batches = [[texts[i] for i in group] for group in batches_of(texts, threads)]
    again: list[str] = []
    for future, batch in _run(client, scheduler, prefix, batches, model, batch_size):
        if future.status == "error":
            again += batch
        else:
            _store(future, batch, ours, spans, progress, keep)
    # Some batch failed twice: read its texts alone, so one bad text does not cost its neighbours.
    for future, batch in _run(client, scheduler, f"{prefix}-alone", [[t] for t in again], model, batch_size):
        if future.status == "error":
            failed[batch[0]] = _reason(future)
        else:
            _store(future, batch, ours, spans, progress, keep)
    return Extraction(spans, failed)


def _run(
    client: Client, scheduler: str, prefix: str, batches: list[list[str]], model: str, batch_size: int
) -> Iterator[tuple[Future, list[str]]]:
    """Yield each batch's future, with the batch, once it has finished or failed (after one retry)."""
    futures = {client.submit(_extract_batch, batch, model, batch_size, key=f"{prefix}-{n}", retries=1): batch
               for n, batch in enumerate(batches)}
    for future in _as_done(client, scheduler, futures):
        yield future, futures[future]


def _as_done(client: Client, scheduler: str, futures: Mapping[Future, object]) -> Iterator[Future]:
    """Yield futures as they finish or fail; raise ConnectionError when the cluster is gone."""
    from distributed import CancelledError, wait

    pending = set(futures)
    workerless_since: float | None = None
    while pending:
        try:
            with client.as_current():  # wait() finds its client there, and ours is no global default
                done, pending = wait(pending, timeout=_POLL_SECONDS, return_when="FIRST_COMPLETED")
        except TimeoutError:
            workerless_since = _check_workers(client, scheduler, workerless_since)
            continue
        except CancelledError as error:
            raise ConnectionError(f"lost the Dask scheduler at {scheduler} during the build") from error
        for future in done:
            if future.status == "cancelled":
                raise ConnectionError(f"lost the Dask scheduler at {scheduler} during the build")
            yield future


def _check_workers(client: Client, scheduler: str, since: float | None) -> float | None:
    """Return when the cluster lost its last worker (None if it has one); raise if that is too long ago."""
    try:
        workers = client.nthreads()
    except OSError as error:
        raise ConnectionError(f"lost the Dask scheduler at {scheduler} during the build ({error})") from error
    if workers:
        return None
    now = time.monotonic()
    if since is not None and now - since > WORKERLESS_TIMEOUT:
        raise ConnectionError(f"the Dask cluster at {scheduler} has had no workers for {WORKERLESS_TIMEOUT:g} s")
    return since if since is not None else now


def _store(
    future: Future, texts: list[str], ours: str, spans: dict[str, tuple[Span, ...]],
    progress: Callable[[int], object] | None, keep: Callable[[dict[str, tuple[Span, ...]]], object] | None,
) -> None:
    """Put a finished batch's spans into spans, after checking the worker read them as we would."""
    worker, theirs, found = future.result()
    if theirs != ours:
        raise ValueError(f"the Dask worker {worker} runs {theirs} but this machine runs {ours}; install the same "
                         "kg and model on every worker, or its spans would not match the cache")
    batch = dict(zip(texts, found))
    spans.update(batch)
    if keep is not None:
        keep(batch)
    if progress is not None:
        progress(sum(map(len, texts)))


def _reason(future: Future) -> str:
    """Return a one-line reason why a future failed."""
    error = future.exception()
    # some errors (UnicodeEncodeError) lose their message when pickled back; their repr keeps it
    return (f"{type(error).__name__}: {error}" if str(error) else repr(error)).splitlines()[0]


def versions(model: str) -> str:
    """Return the model and splitter versions, which decide the spans a process finds (the cache's salt)."""
    from kg.extract.cache import cache_salt

    return cache_salt(model)


def _extract_batch(texts: list[str], model: str, batch_size: int) -> tuple[str, str, list[tuple[Span, ...]]]:
    """Return this worker's address and versions and the spans of texts (runs on a worker)."""
    from distributed import get_worker

    from kg.extract.ner import find_spans

    return get_worker().address, versions(model), find_spans(texts, model, jobs=1, batch_size=batch_size)
