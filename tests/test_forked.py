"""kg.forked and kg.export.apart: work in a child process, its answer or its error back in the parent."""

from __future__ import annotations

import errno
import os
import signal
import time
from pathlib import Path

import pytest

from kg.export.apart import Apart
from kg.export.files import write_files
from kg.forked import Forked


def _pid_and(value):
    return os.getpid(), value


def _fail():
    raise OSError(errno.ENOSPC, "No space left on device")


def _die():
    os.kill(os.getpid(), signal.SIGKILL)


def _sleep():
    time.sleep(60)


def test_a_forked_call_runs_in_another_process_and_returns_its_value():
    pid, value = Forked(_pid_and, ["ケニア", 1]).result()
    assert pid != os.getpid() and value == ["ケニア", 1]


def test_a_forked_call_raises_its_error_in_the_parent():
    with pytest.raises(OSError, match="No space left") as raised:
        Forked(_fail).result()
    assert raised.value.errno == errno.ENOSPC


def test_a_child_killed_by_a_signal_is_an_os_error():
    with pytest.raises(OSError, match="killed by signal 9"):
        Forked(_die).result()


def test_stop_ends_a_child_at_once():
    child = Forked(_sleep)
    started = time.monotonic()
    child.stop()
    assert time.monotonic() - started < 5
    with pytest.raises(OSError, match="stopped"):
        child.result()


def test_a_file_written_apart_is_renamed_with_the_others(tmp_path):
    written = write_files(tmp_path, {"b.txt": "び"}, apart=[Apart(tmp_path / "a.txt", lambda fp: fp.write("あ"))])
    assert list(written) == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "あ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def _full(fp):
    fp.write("half")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_child_that_fails_leaves_every_old_file_and_no_temporary_file(tmp_path):
    write_files(tmp_path, {"a.txt": "old a", "b.txt": "old b"})
    with pytest.raises(OSError, match="No space left"):
        write_files(tmp_path, {"b.txt": "new b"}, apart=[Apart(tmp_path / "a.txt", _full)])
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"a.txt": "old a", "b.txt": "old b"}


def test_a_parent_that_fails_ends_the_children_and_removes_their_files(tmp_path):
    slow = Apart(tmp_path / "a.txt", lambda fp: time.sleep(60))

    class Boom(str):
        def encode(self, *args, **kwargs):
            raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        write_files(tmp_path, {"b.txt": Boom("b")}, apart=[slow])
    assert time.monotonic() - started < 5
    assert list(Path(tmp_path).iterdir()) == []


def test_a_child_dies_with_its_parent_even_by_kill_9():
    import subprocess
    import sys

    script = ("import os, time\nfrom kg.forked import Forked\nchild = Forked(time.sleep, 60)\n"
              "print(child._pid, flush=True)\ntime.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists()
