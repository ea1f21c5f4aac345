"""NER on a Dask cluster: real LocalClusters on loopback, the same graph as --jobs 1, a worker
killed mid-batch, a block that fails twice, and clear errors for a missing Dask or scheduler."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster, WorkerPlugin

import kg.extract.distributed
from kg.cli import main
from kg.extract.distributed import Extraction, check_scheduler, find_spans, local_workers
from kg.extract.ner import find_spans as find_spans_here
from kg.extract import ExtractOptions, spans_for
from kg.pipeline import make_options, run
from kg.records import Block, Note, Vault

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "whitepaper_r06_ict_international.md"
BAD = "日本\ud800です。"  # a lone surrogate: no UTF-8 for it, so NER raises on every attempt


def _closed_port() -> str:
    """Return a loopback address nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"tcp://127.0.0.1:{port}"


def _build(tmp_path, monkeypatch, name: str, **options) -> bytes:
    """Return the GraphML bytes of the sample note built with a cold cache of its own."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / f"cache-{name}"))
    run([SAMPLE], tmp_path / name, make_options(**options))
    return (tmp_path / name / "graph.graphml").read_bytes()


class KillFirstBatch(WorkerPlugin):
    """A worker plugin that ends its worker's process one second into the first kg batch it runs,
    once per marker file, the way an out-of-memory kill or a lost machine would."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing" or not str(key).startswith("kg-ner-"):
            return
        try:
            self.marker.unlink()  # only one worker wins the marker
        except FileNotFoundError:
            return
        self.marker.with_suffix(".killed").write_text(str(key))
        threading.Timer(1.0, os._exit, (1,)).start()


@pytest.fixture(scope="module")
def cluster():
    """Return the address of a LocalCluster of two worker processes on loopback."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local.scheduler_address


def test_scheduler_is_an_address_or_local_n():
    assert local_workers("local:2") == 2
    assert local_workers("tcp://127.0.0.1:8786") == 0
    assert local_workers("127.0.0.1:8786") == 0
    for bad in ("local:0", "local:two", "local:"):
        with pytest.raises(ValueError, match="local:N"):
            check_scheduler(bad)
    with pytest.raises(ValueError, match="local:N"):
        make_options(scheduler="local:-1")
    for bad in ("nonsense://h:1", "tcp://", "myhost"):
        with pytest.raises(ValueError, match="not a Dask address"):
            make_options(scheduler=bad)


def test_without_dask_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.extract.distributed, "find_spec", lambda name: None)
    with pytest.raises(ValueError, match=r"pip install 'kg\[dask\]'"):
        make_options(scheduler="local:2")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path), "--scheduler", "local:2"])
    assert result.exit_code == 1
    assert "pip install 'kg[dask]'" in result.output and "Traceback" not in result.output


def test_unreachable_scheduler_is_a_quick_clear_error(tmp_path, monkeypatch):
    address = _closed_port()
    started = time.monotonic()
    with pytest.raises(ConnectionError, match=f"cannot reach the Dask scheduler at {address}"):
        find_spans(["日本とアメリカ。"], scheduler=address, timeout=2)
    assert time.monotonic() - started < 10

    monkeypatch.setattr(kg.extract.distributed, "CONNECT_TIMEOUT", 2.0)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    note = tmp_path / "n.md"
    note.write_text("# 日米\n\n総務省とOECDが議論した。\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["build", str(note), "-o", str(tmp_path / "out"), "-q", "--scheduler", address])
    assert time.monotonic() - started < 10
    assert result.exit_code == 1, result.output
    assert f"Error: cannot reach the Dask scheduler at {address}" in result.output
    assert "Traceback" not in result.output


def test_a_scheduler_without_workers_is_an_error_not_a_hang():
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None) as empty:
        started = time.monotonic()
        with pytest.raises(ConnectionError, match="has no workers"):
            find_spans(["日本とアメリカ。"], scheduler=empty.scheduler_address, timeout=2)
        assert time.monotonic() - started < 10


def test_a_cluster_that_loses_all_its_workers_ends_the_build(monkeypatch):
    monkeypatch.setattr(kg.extract.distributed, "WORKERLESS_TIMEOUT", 2.0)
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None) as empty, \
            Client(empty.scheduler_address, set_as_default=False) as client:
        started = time.monotonic()
        with pytest.raises(ConnectionError, match="has had no workers for 2 s"):
            kg.extract.distributed._extract_on(client, empty.scheduler_address, ["日本。"], "ja_ginza", 64, None)
        assert time.monotonic() - started < 10


def test_nothing_to_do_never_contacts_the_cluster():
    assert find_spans([], scheduler=_closed_port()) == Extraction({}, {})


@pytest.mark.ginza
def test_local_cluster_builds_the_graph_of_jobs_1_byte_for_byte(tmp_path, monkeypatch, nlp):
    alone = _build(tmp_path, monkeypatch, "jobs1", jobs=1)
    assert _build(tmp_path, monkeypatch, "local", scheduler="local:2") == alone
    # The cluster's spans are in the cache now: a rebuild needs no cluster at all.
    run([SAMPLE], tmp_path / "again", make_options(scheduler=_closed_port()))
    assert (tmp_path / "again" / "graph.graphml").read_bytes() == alone


@pytest.mark.ginza
def test_a_worker_killed_mid_batch_costs_only_a_retry(tmp_path, monkeypatch, nlp, cluster):
    marker = tmp_path / "kill-me"
    marker.touch()
    alone = _build(tmp_path, monkeypatch, "jobs1", jobs=1)
    with Client(cluster, set_as_default=False) as client:
        client.register_plugin(KillFirstBatch(marker), name="kill-first-batch")
        assert _build(tmp_path, monkeypatch, "killed", scheduler=cluster) == alone
        killed = marker.with_suffix(".killed").read_text()
        story = client.run_on_scheduler(_story, killed)
    moves = [(start, finish) for _, start, finish, *_ in story]
    assert moves.count(("waiting", "processing")) + moves.count(("queued", "processing")) >= 2, moves
    assert ("processing", "released") in moves and ("processing", "memory") in moves, moves


def _story(key: str, dask_scheduler) -> list[tuple]:
    """Return the scheduler's transitions of one task (runs on the scheduler)."""
    return dask_scheduler.story(key)


@pytest.mark.ginza
def test_a_block_that_fails_twice_is_reported_and_the_rest_kept(cluster, nlp):
    done = find_spans(["日本とアメリカ。", BAD, "総務省とOECD。"], scheduler=cluster)
    assert set(done.spans) == {"日本とアメリカ。", "総務省とOECD。"}
    assert done.spans["日本とアメリカ。"] == find_spans_here(["日本とアメリカ。"])[0]
    assert list(done.failed) == [BAD] and "UnicodeEncodeError" in done.failed[BAD]

    block = Block("壊れた.md", ("壊れた",), (1,), 1, 1, 3, "paragraph", BAD)
    vault = Vault((Note("壊れた.md", "壊れた", blocks=(block,)),))
    problems: list[str] = []
    assert spans_for(vault, ExtractOptions(cache=False, scheduler=cluster), problems) == {}
    assert len(problems) == 1 and problems[0].startswith("壊れた.md:3: GiNZA failed twice on this paragraph")


@pytest.mark.ginza
def test_a_worker_with_another_model_or_kg_is_refused(cluster, monkeypatch):
    monkeypatch.setattr(kg.extract.distributed, "versions", lambda model: "ja_ginza-0.0.1|kg-0.0.1")
    with pytest.raises(ValueError, match=r"runs ja_ginza-\S+ but this machine runs ja_ginza-0.0.1\|kg-0.0.1"):
        find_spans(["日本とアメリカ。"], scheduler=cluster)


@pytest.mark.ginza
def test_a_lost_scheduler_is_an_error_and_what_came_back_is_kept(tmp_path, nlp):
    dask = [sys.executable, "-m", "dask"]
    scheduler = subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(tmp_path / "scheduler.json")],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        while not (tmp_path / "scheduler.json").exists():
            time.sleep(0.1)
        address = json.loads((tmp_path / "scheduler.json").read_text())["address"]
        worker = subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--no-nanny", "--host", "127.0.0.1",
                                   "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        texts = [f"日本とアメリカは第{i}回の会合を開いた。" * 40 for i in range(150)]
        kept: dict = {}
        outcome: list[BaseException] = []

        def build() -> None:
            try:
                find_spans(texts, scheduler=address, keep=kept.update)
            except BaseException as error:  # handed to the test's thread
                outcome.append(error)

        thread = threading.Thread(target=build)
        thread.start()
        deadline = time.monotonic() + 120
        while not kept and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        scheduler.kill()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the build hangs on a lost scheduler"
        assert outcome and isinstance(outcome[0], ConnectionError), outcome
        assert f"lost the Dask scheduler at {address}" in str(outcome[0])
        assert 0 < len(kept) < len(texts)
        assert all(kept[t] == find_spans_here([t])[0] for t in list(kept)[:3])
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.kill()
                process.wait()
