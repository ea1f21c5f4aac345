"""Faults, round three (issue 27): each case tried with real processes, real signals and a real full filesystem.

1. a damaged row of either cache is computed again and rewritten; a file SQLite calls damaged is
   moved aside and rebuilt;
2. a folder that cannot be read is skipped and reported, never dropped in silence;
3. OUT holds all the old outputs or all the new ones, whatever ends the build (a failed rename,
   SIGTERM, Ctrl-C or kill -9 between any two renames), and the message says which;
4. no temporary file outlives a build, and a full disk names OUT and the file;
5. impossible dates in file names warn, a period that leaves notes out says so, names are NFC,
   a note that vanishes is reported, and `> /dev/full` is a clean error.

Signals are injected at the n-th rename by a small wrapper around the kg command (HOOK), which
counts the calls of os.replace and of the folder exchange and signals its own process at one.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from test_faults import (KG, OUTPUTS, ROOT, _mounted, fill, full_folder, full_fs,  # noqa: F401 (fixtures)
                         kg_env, report_of, snapshot)

from kg.notes import NotesOptions, read_vault
from kg.stamp import STAMP

OLD = b"previous build\n"
# Two notes, each a sentence with two entities and a predicate: two rows in each cache.
NOTES = {
    "a.md": "# 協定\n\n日本とケニアは新たな協定に署名した。\n",
    "b.md": "# 合意\n\nペルーとチリは通信網の整備で協力することに合意した。\n",
}
CACHES = {"ner": ("ner-spans.sqlite3", "spans", "spans"), "parse": ("parses.sqlite3", "parses", "tokens")}
# Runs the kg command, signalling itself at the AT-th rename (os.replace or the exchange of two
# folders); with AGAIN, once more at the first file removed after that (two signals in a row).
HOOK = """
import os, signal, sys
from pathlib import Path
at, name, again = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "again"
# a build run from a terminal takes Ctrl-C; a test runner that ignores SIGINT must not pass that on
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
calls, me = [0, False], os.getpid()
def hooked(call, counts=True):
    def run(*args, **kwargs):
        if os.getpid() != me:  # a process kg forks (the watcher, a writer) is not the one signalled
            return call(*args, **kwargs)
        if counts:
            calls[0] += 1
            if calls[0] == at:
                calls[1] = again
                os.kill(os.getpid(), getattr(signal, name))
        elif calls[1]:
            calls[1] = False
            os.kill(os.getpid(), getattr(signal, name))
        return call(*args, **kwargs)
    return run
os.replace = hooked(os.replace)
Path.unlink = hooked(Path.unlink, counts=False)
try:
    from kg.export import outfolder
    outfolder.exchange = hooked(outfolder.exchange)
except ImportError:  # a kg without it
    pass
import atexit
atexit.register(lambda: sys.stderr.write(f"renames: {calls[0]}\\n"))
from kg.cli import entry
sys.argv = ["kg", *sys.argv[4:]]
entry()
"""


def vault_of(folder: Path, notes: dict[str, str] = NOTES) -> Path:
    """Return a folder holding the notes."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def kg(*args: str | Path, cache: Path, **kwargs) -> subprocess.CompletedProcess:
    """Return the finished `kg` command with its own cache folder."""
    return subprocess.run([str(KG), *map(str, args)], capture_output=True, text=True, env=kg_env(cache), cwd=ROOT,
                          timeout=300, **kwargs)


def without_time(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return the files with report.json's elapsed time and the stamp's text (the outputs' times) left out,
    so two builds of the same input compare."""
    report = json.loads(files["report.json"])
    report.pop("elapsed_seconds")
    return {**files, "report.json": json.dumps(report, sort_keys=True).encode(), STAMP: b"the outputs' times"}


def leftovers(out: Path) -> list[str]:
    """Return what a build left beside OUT or in it besides files: staging folders, temporary files."""
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    inside = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != STAMP] if out.is_dir() else []
    return beside + inside


def settled(out: Path, seconds: float = 15) -> list[str]:
    """Return leftovers(out) once the cleanup after a killed build is done (or the time is up)."""
    deadline = time.monotonic() + seconds
    while (left := leftovers(out)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, dict[str, bytes]]:
    """Return a folder with a vault of NOTES and a cache filled by building it, and that build's outputs.

    The other builds of this module copy the cache (warm), so only those that must run GiNZA do.
    """
    tmp = tmp_path_factory.mktemp("built")
    vault = vault_of(tmp / "vault")
    done = kg("build", vault, "-o", tmp / "out", "-q", "--jobs", "1", cache=tmp / "cache")
    assert done.returncode == 0, done.stderr
    return tmp, vault, without_time(snapshot(tmp / "out"))


def warm(built, tmp_path: Path) -> tuple[Path, Path]:
    """Return a copy of the built vault and of its filled cache in tmp_path."""
    shutil.copytree(built[0] / "cache", tmp_path / "cache")
    return shutil.copytree(built[1], tmp_path / "vault"), tmp_path / "cache"


# == 1. caches that heal ==========================================================================


def _rows(path: Path, table: str) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [key for (key,) in db.execute(f"SELECT key FROM {table} ORDER BY key")]
    finally:
        db.close()


def _damage_page(path: Path, table: str) -> None:
    """Overwrite the first page of a table's rows with bytes that are no b-tree page."""
    db = sqlite3.connect(path)
    page = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()[0]
    db.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page)
        file.write(b"\x0d" + b"\xff" * (page - 1))


def test_damaged_rows_of_either_cache_are_computed_again_and_the_outputs_are_those_of_a_clean_build(built, tmp_path):
    vault, cache = warm(built, tmp_path)
    for name, table, column in CACHES.values():
        keys = _rows(cache / name, table)
        assert len(keys) >= 2
        db = sqlite3.connect(cache / name)
        with db:  # one row of broken JSON, one of the wrong shape
            db.execute(f"UPDATE {table} SET {column} = ? WHERE key = ?", ('[[0, 2, "Country"', keys[0]))
            db.execute(f"UPDATE {table} SET {column} = ? WHERE key = ?", ('[["zero", 2]]', keys[1]))
        db.close()
    healed = kg("build", vault, "-o", tmp_path / "out", "-q", "--jobs", "1", cache=cache)
    assert healed.returncode == 0 and "Traceback" not in healed.stderr, healed.stderr
    report = report_of(tmp_path / "out")
    for name, _, _ in CACHES.values():
        said = [w for w in report["warnings"] if str(cache / name) in w]
        assert len(said) == 1 and "2 damaged rows" in said[0], report["warnings"]
    assert report["repaired_cache_rows"] == {"ner": 2, "parse": 2}
    assert {k: v for k, v in snapshot(tmp_path / "out").items() if k not in ("report.json", STAMP)} == \
        {k: v for k, v in built[2].items() if k not in ("report.json", STAMP)}
    # the same build again, which the stamp would skip: the healed caches give no warning
    again = kg("build", vault, "-o", tmp_path / "out", "-q", "--jobs", "1", "--force", cache=cache)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert report_of(tmp_path / "out")["warnings"] == [] and without_time(snapshot(tmp_path / "out")) == built[2]


def test_a_cache_file_sqlite_calls_damaged_is_moved_aside_and_rebuilt(built, tmp_path):
    vault, cache = warm(built, tmp_path)
    damaged = {}
    for name, table, _ in CACHES.values():
        _damage_page(cache / name, table)
        damaged[name] = (cache / name).read_bytes()
    first = kg("build", vault, "-o", tmp_path / "out", "-q", "--jobs", "1", cache=cache)
    assert first.returncode == 0, first.stderr
    for name, table, _ in CACHES.values():
        said = [w for w in report_of(tmp_path / "out")["warnings"] if str(cache / name) in w]
        assert len(said) == 1 and f"{name}.damaged" in said[0] and "rebuilt" in said[0], said
        assert (cache / f"{name}.damaged").read_bytes() == damaged[name]  # kept for a bug report
        assert len(_rows(cache / name, table)) >= 2  # rebuilt, and filled again
    second = kg("build", vault, "-o", tmp_path / "out", "-q", "--jobs", "1", "--force", cache=cache)
    assert second.returncode == 0 and report_of(tmp_path / "out")["warnings"] == [], second.stderr


# == 2. every folder read or reported =============================================================


def _without_root_reads() -> None:
    """In a child process about to run kg: drop root's right to read any folder (the kernel's
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so permissions apply to it as to a user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0):  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_a_folder_that_cannot_be_read_is_skipped_reported_and_fails_strict(built, tmp_path):
    vault, cache = warm(built, tmp_path)
    (vault / "locked").mkdir()
    (vault / "b.md").rename(vault / "locked" / "b.md")
    os.chmod(vault / "locked", 0o000)
    try:
        done = subprocess.run([str(KG), "build", str(vault), "-o", str(tmp_path / "out"), "-q", "--strict",
                               "--jobs", "1"], capture_output=True, text=True, env=kg_env(cache), cwd=ROOT, timeout=300,
                              preexec_fn=_without_root_reads if os.geteuid() == 0 else None)
    finally:
        os.chmod(vault / "locked", 0o755)
    assert done.returncode == 3, done.stderr
    assert "skipped locked: a folder that cannot be read (Permission denied); its notes are left out" in done.stderr
    report = report_of(tmp_path / "out")
    assert [s["path"] for s in report["skipped"]] == ["locked"] and report["counts"]["skipped"] == 1
    assert report["counts"]["notes"] == 1


def test_a_note_that_vanishes_after_its_folder_was_listed_is_reported_as_vanished(tmp_path, monkeypatch):
    import kg.notes.files as files

    vault = vault_of(tmp_path / "vault")
    listed = files._find_notes

    def then_deleted(*args, **kwargs):
        found = listed(*args, **kwargs)
        (vault / "b.md").unlink()  # as a sync client or an editor's "save as" does
        return found

    monkeypatch.setattr(files, "_find_notes", then_deleted)
    read = read_vault([vault])
    assert [n.path for n in read.notes] == ["a.md"]
    assert [(s.path, "vanished" in s.reason) for s in read.skipped] == [("b.md", True)], read.skipped


# == 3. OUT is all old or all new =================================================================


def _old_out(out: Path, foreign: bool) -> dict[str, bytes]:
    """Make OUT, holding the outputs of an earlier build (and a file of the user's); return them."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    return _old_out_in(out, foreign)


def _old_out_in(out: Path, foreign: bool) -> dict[str, bytes]:
    """Fill the folder OUT with the outputs of an earlier build (and a file of the user's); return them."""
    for name in OUTPUTS:
        (out / name).write_bytes(OLD)
    if foreign:
        (out / "mine.txt").write_bytes(b"the user's\n")
    return snapshot(out)


def _hooked(tmp_path: Path, at: int, name: str, vault: Path, out: Path, again: bool = False,
            base: Path | None = None) -> subprocess.CompletedProcess:
    """Return the kg build run by HOOK, signalled with name at its at-th rename."""
    script = tmp_path / "hook.py"
    script.write_text(HOOK, encoding="utf-8")
    env = kg_env(tmp_path / "cache")
    return subprocess.run([sys.executable, str(script), str(at), name, "again" if again else "once", "build",
                           str(vault), "-o", str(out), "-q", "--jobs", "1"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def _renames(built, foreign: bool) -> int:
    """Return how many renames a build into an OUT of old outputs makes."""
    tmp, vault, _ = built
    _old_out(tmp / "out", foreign)
    done = _hooked(tmp, 0, "SIGKILL", vault, tmp / "out")
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("renames: ", 1)[1])


def _all_old_or_all_new(out: Path, old: dict[str, bytes], new: dict[str, bytes], foreign: bool) -> str:
    """Return "old" or "new", what OUT wholly holds; fail if it holds a mix."""
    assert settled(out) == [], "a build left a staging folder or temporary files"
    now = snapshot(out)
    if now == old:
        return "old"
    mine = {"mine.txt": b"the user's\n"} if foreign else {}
    assert sorted(now) == sorted({**new, **mine}), f"OUT holds a mix: {sorted(now)}"
    assert [name for name, data in now.items() if data == OLD] == [], "OUT holds a mix of old and new outputs"
    assert report_of(out)["counts"]["notes"] == 2
    return "new"


@pytest.mark.parametrize("foreign", [False, True], ids=["only-kg-files", "with-a-file-of-the-user"])
@pytest.mark.parametrize("name", ["SIGKILL", "SIGTERM"])
def test_a_signal_between_two_renames_leaves_out_all_old_or_all_new_and_says_which(built, name, foreign):
    tmp, vault, new = built
    out = tmp / "out"
    total = _renames(built, foreign)
    for at in sorted({total // 2, total - 1, total}):
        old = _old_out(out, foreign)
        done = _hooked(tmp, at, name, vault, out)
        state = _all_old_or_all_new(out, old, new, foreign)
        if name == "SIGTERM":
            assert done.returncode == 143, done.stderr
            said = [line for line in done.stderr.splitlines() if line.startswith("kg: terminated")]
            expected = f"the outputs in {out} are as they were" if state == "old" else \
                f"the new outputs were already all in {out}"
            assert said == [f"kg: terminated; {expected}"], (at, done.stderr)


# Puts five files in OUT through kg.export.outfolder, signalling itself at the AT-th step that
# changes a folder (a rename, a link, a removal, the exchange) in its own process; prints what a
# signal found OUT to hold.
STEPS = """
import os, signal, sys
from pathlib import Path
from kg.export import outfolder
at, name, out = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
calls, me = [0], os.getpid()
def hooked(call):
    def run(*args, **kwargs):
        if os.getpid() != me:  # the watcher kg forks: its cleanup is what is tested
            return call(*args, **kwargs)
        calls[0] += 1
        if calls[0] == at:
            os.kill(os.getpid(), getattr(signal, name))
        return call(*args, **kwargs)
    return run
os.replace, os.link, os.unlink = hooked(os.replace), hooked(os.link), hooked(os.unlink)
outfolder.exchange = hooked(outfolder.exchange)
def stop(signum, frame):
    raise KeyboardInterrupt
signal.signal(signal.SIGTERM, stop)
names = [f"{i}.txt" for i in range(5)]
try:
    with outfolder.claimed(out, [*names, "gone.txt"]) as held:
        for file in names:
            (held.staging / file).write_text("new\\n")
        held.commit(names, remove=["gone.txt"])
except KeyboardInterrupt as stop:
    print(getattr(stop, "out_state", "old"))
    sys.exit(130)
print("steps", calls[0])
"""


@pytest.mark.parametrize("foreign", [False, True], ids=["only-kg-files", "with-a-file-of-the-user"])
@pytest.mark.parametrize("name", ["SIGKILL", "SIGTERM"])
def test_a_signal_at_any_step_of_putting_the_outputs_in_place_leaves_out_whole(tmp_path, name, foreign):
    script, out = tmp_path / "steps.py", tmp_path / "out"
    script.write_text(STEPS, encoding="utf-8")
    mine = {"mine.txt": b"mine\n"} if foreign else {}
    old = {**{f"{i}.txt": b"old\n" for i in range(5)}, "gone.txt": b"old\n", **mine}
    new = {**{f"{i}.txt": b"new\n" for i in range(5)}, **mine}

    def run(at: int) -> subprocess.CompletedProcess:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        for file, data in old.items():
            (out / file).write_bytes(data)
        return subprocess.run([sys.executable, str(script), str(at), name, str(out)], capture_output=True, text=True,
                              cwd=ROOT, timeout=60)

    total = int(run(0).stdout.split()[-1])
    assert total >= (2 if not foreign else 12)  # the exchange and the removal of the old folder; or the journal's steps
    for at in range(1, total + 1):
        done = run(at)
        assert settled(out) == [], (at, "a staging folder was left")
        state = "old" if snapshot(out) == old else "new" if snapshot(out) == new else f"a mix: {snapshot(out)}"
        assert state in ("old", "new"), (at, state)
        if name == "SIGTERM":
            assert (done.returncode, done.stdout.strip()) == (130, state), (at, done.stdout, done.stderr)


def test_a_failed_rename_leaves_out_all_old_and_says_so(built):
    tmp, vault, _ = built
    out = tmp / "out"
    _old_out(out, foreign=False)
    (out / "report.json").unlink()
    (out / "report.json").mkdir()  # an output that became a folder: its rename fails
    (out / "report.json" / "kept.txt").write_bytes(b"the user's\n")
    old = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    done = kg("build", vault, "-o", out, "-q", "--jobs", "1", cache=tmp / "cache")
    assert done.returncode == 1, done.stderr
    assert str(out) in done.stderr and "report.json" in done.stderr and "as they were" in done.stderr, done.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == old
    assert (out / "report.json" / "kept.txt").read_bytes() == b"the user's\n"
    assert settled(out) == []


def test_the_new_outputs_replace_the_old_in_one_step(built):
    """A reader of OUT never sees a mix: the folder is exchanged whole (its inode changes)."""
    tmp, vault, new = built
    out = tmp / "out"
    old = _old_out(out, foreign=False)
    before = out.stat().st_ino
    assert kg("build", vault, "-o", out, "-q", "--jobs", "1", cache=tmp / "cache").returncode == 0
    assert _all_old_or_all_new(out, old, new, foreign=False) == "new"
    if sys.platform == "linux":
        assert out.stat().st_ino != before


def test_a_build_run_inside_out_keeps_out_the_same_folder(built):
    """kg build -o . from inside OUT: the shell that ran it must not be left in a removed folder."""
    tmp, vault, new = built
    out = tmp / "out"
    old = _old_out(out, foreign=False)
    before = out.stat().st_ino
    done = subprocess.run([str(KG), "build", str(vault), "-o", ".", "-q", "--jobs", "1"], capture_output=True,
                          text=True, env=kg_env(tmp / "cache"), cwd=out, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _all_old_or_all_new(out, old, new, foreign=False) == "new" and out.stat().st_ino == before


def test_an_out_that_is_a_mount_point_takes_the_new_outputs_by_renames(built, tmp_path_factory):
    """A folder cannot be exchanged with a mount point, nor a file renamed across file systems:
    the outputs are staged inside OUT and renamed from there."""
    tmp, vault, new = built
    for out in _mounted("KG_TEST_OUT_FS", "size=8m", tmp_path_factory):
        _old_out_in(out, foreign=False)
        done = kg("build", vault, "-o", out, "-q", "--jobs", "1", "--no-relations", cache=tmp / "cache")
        assert done.returncode == 0, done.stderr
        assert sorted(snapshot(out)) == sorted(set(new) - {"relations.csv", "relations.graphml", "relations.json"})
        assert not [name for name, data in snapshot(out).items() if data == OLD] and settled(out) == []


# == 4. no temporary file outlives a build; a full disk names OUT and the file ====================


def test_two_signals_in_a_row_while_the_outputs_are_put_in_place_leave_no_temporary_file(built):
    tmp, vault, new = built
    out = tmp / "out"
    total = _renames(built, foreign=True)
    for at in (2, total // 2):
        old = _old_out(out, foreign=True)
        done = _hooked(tmp, at, "SIGINT", vault, out, again=True)
        assert done.returncode == 130, done.stderr
        _all_old_or_all_new(out, old, new, foreign=True)


def test_a_full_disk_names_out_and_the_file_and_leaves_out_as_it_was(built, full_folder, tmp_path):
    vault, cache = warm(built, tmp_path)
    out = full_folder / "out"
    old = _old_out(out, foreign=False)
    fill(full_folder)
    done = kg("build", vault, "-o", out, "-q", "--jobs", "1", cache=cache)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    line = done.stderr.strip()
    assert f"into {out}:" in line and "No space left on device" in line and "as they were" in line, line
    assert any(f"cannot write {name} " in line for name in OUTPUTS), line
    assert snapshot(out) == old and settled(out) == []
    assert sorted(p.name for p in full_folder.iterdir()) == ["filler", "out"]


# == 5. dates, periods, names ======================================================================


def test_a_file_name_that_is_no_real_date_warns_and_the_period_says_what_it_left_out(tmp_path):
    vault = vault_of(tmp_path / "vault", {"2024-02-30.md": "ケニアの話。\n", "0000-00-00 memo.md": "ペルーの話。\n",
                                          "2024-03-01.md": "チリの話。\n", "12345678.md": "日本の話。\n"})
    read = read_vault([vault], NotesOptions(since="2024"))
    assert [n.path for n in read.notes] == ["2024-03-01.md"] and read.left_out == 3
    bad = [w for w in read.warnings if "not a real day" in w]
    assert sorted(w.split(":")[0] for w in bad) == ["0000-00-00 memo.md", "2024-02-30.md"], read.warnings


def test_a_period_that_leaves_out_every_note_says_so_and_fails_strict(tmp_path):
    vault, cache = vault_of(tmp_path / "vault", {f"2025-01-0{i}.md": "ケニアの話。\n" for i in range(1, 4)}), tmp_path / "c"
    done = kg("build", vault, "-o", tmp_path / "out", "-q", "--since", "2030", cache=cache)
    assert done.returncode == 0, done.stderr
    assert "(3 notes outside the period left out)" in done.stdout, done.stdout
    assert report_of(tmp_path / "out")["counts"]["left_out_by_period"] == 3
    strict = kg("build", vault, "-o", tmp_path / "out", "-q", "--since", "2030", "--strict", cache=cache)
    assert strict.returncode == 3 and "the period left out all 3 notes" in strict.stderr, strict.stderr


def test_file_names_are_nfc_and_twins_in_two_unicode_forms_warn(tmp_path):
    nfc = "ガイド.md"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    vault = vault_of(tmp_path / "vault", {nfc: "ケニアの話。\n", nfd: "ペルーの話。\n", unicodedata.normalize("NFD", "パリ.md"): "x\n"})
    read = read_vault([vault])
    assert sorted(n.path for n in read.notes) == sorted([nfc, nfc, "パリ.md"])
    assert all(n.path == unicodedata.normalize("NFC", n.path) for n in read.notes)
    assert [w for w in read.warnings if "Unicode" in w] == [
        f"{nfc}: two files have this name, spelt in two Unicode forms (NFC and NFD, as macOS writes names); "
        "both are read, as two notes with the same name"]


def test_a_summary_that_cannot_be_written_is_a_clean_error(built, tmp_path):
    vault, cache = warm(built, tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(KG), "build", str(vault), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"],
                              stdout=full, stderr=subprocess.PIPE, text=True, env=kg_env(cache), cwd=ROOT,
                              timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr == f"kg: cannot write to standard output (No space left on device); the outputs are in " \
                          f"{tmp_path / 'out'}\n"
    assert report_of(tmp_path / "out")["counts"]["notes"] == 2
