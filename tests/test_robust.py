"""Bad input never stops a build or loses a note, and every output file is whole.

The hostile vault in tests/data/hostile_vault/ holds one file per awkward case, each readable one
naming a different country; the test adds at run time what cannot be committed (a 60,000-character
paragraph, a folder link loop, a broken link, a link to itself, a named pipe, a .git folder, file
names that are Shift_JIS bytes or hold a newline). Properties of the Markdown reader itself
(it never raises on any text; every block's line lies inside its file) are in tests/notes/test_notes.py.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import spans as extract_spans
from kg.notes import files as note_files
from kg.cli import EXIT_INTERRUPTED, EXIT_STRICT, main
from kg.export.formats import graphml_text
from kg.extract.ner import MAX_CHUNK_BYTES, chunk_bounds
from kg.notes import read_note, read_vault
from kg.pipeline import analyse, make_options, run
from kg.records import Span
from kg.stamp import STAMP

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "data" / "hostile_vault"
OUTPUTS = ("graph.graphml", "graph.json", "nodes.csv", "edges.csv", "sentences.csv", "mentions.csv", "graph.html",
           "report.json", "relations.csv", "relations.graphml", "relations.json", "communities.json", "communities.csv",
           "report.md", STAMP)

# Every readable file and the country it names; each must reach the graph.
READABLE = {
    "bom.md": "ケニア",
    "crlf.md": "ペルー",
    "shift_jis.md": "フィンランド",
    "euc_jp.md": "ボリビア",
    "iso2022_jp.md": "キューバ",
    "utf16.md": "ネパール",
    "malformed_yaml.md": "モンゴル",
    "unclosed_front_matter.md": "チリ",
    "yaml_bomb.md": "メキシコ",
    "control_chars.md": "エジプト",
    "nfd.md": "ウルグアイ",
    "markup.md": "コロンビア",
    "深い/フォルダ/トルコ.md": "トルコ",
    "huge.md": "アルゼンチン",
    "ガーナ.md": "ガーナ",  # named in Shift_JIS on disk
    "改行のある名前.md": "エチオピア",  # a newline in its name
}
# Files kg must not read, and the country only they name.
UNREAD = {
    ".obsidian/workspace.md": "ノルウェー",
    ".trash/削除済み.md": "ポルトガル",
    ".隠しメモ.md": "ギリシャ",
    "attachments/clip.txt": "ブラジル",
    ".git/notes.md": "ジャマイカ",  # made at run time: git will not commit a folder named .git
}
SKIPPED = {
    "binary.md": "binary file (contains NUL bytes)",
    "gone.md": "No such file or directory",
    "pipe.md": "not a regular file",
    "self.md": "Too many levels of symbolic links",
}
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Where the old splitter cut a punctuation-free paragraph (every 10,000 characters): a name here
# would have been cut in two.
HUGE_CUT = 9_997


def huge_paragraph(length: int = 60_000) -> str:
    """Return one paragraph of `length` characters with no sentence end, comma or space, naming
    アルゼンチン across the old splitter's first cut and near its end, as a pasted document might."""
    words = ["日本政府は", "デジタル分野での", "国際協力を", "進めており", "各国との", "連携を", "強化している",
             "ところであり"]
    filler = "".join(itertools.islice(itertools.cycle(words), length // 4))
    name = "アルゼンチン"
    text = filler[:HUGE_CUT] + name + filler[HUGE_CUT : length - 2 * len(name) - 10] + name + filler[:10]
    assert len(text) == length
    return text


def make_hostile_vault(folder: Path) -> Path:
    """Return a copy of the hostile vault in folder, with the cases made at run time added."""
    vault = folder / "hostile_vault"
    shutil.copytree(HOSTILE, vault, symlinks=True)
    (vault / "huge.md").write_text(f"# 貼り付けた文書\n\n{huge_paragraph()}\n", encoding="utf-8")
    os.symlink("../..", vault / "深い" / "フォルダ" / "loop")  # a folder that contains itself
    os.symlink("nowhere.md", vault / "gone.md")  # a link whose target is gone
    os.symlink("self.md", vault / "self.md")  # a link to itself
    # A file name in Shift_JIS, as zip files made on Japanese Windows leave them, and one with a newline.
    (vault / os.fsdecode("ガーナ.md".encode("cp932"))).write_text("ガーナは西アフリカの国である。\n", encoding="utf-8")
    (vault / "改行\nのある名前.md").write_text("エチオピアはアフリカの角の国である。\n", encoding="utf-8")
    os.mkfifo(vault / "pipe.md")  # reading it would wait forever
    (vault / ".git").mkdir()
    (vault / ".git" / "notes.md").write_text("ジャマイカはカリブ海の国である。\n", encoding="utf-8")
    return vault


@pytest.fixture(scope="module")
def hostile_vault(tmp_path_factory) -> Path:
    return make_hostile_vault(tmp_path_factory.mktemp("vault"))


@pytest.fixture(scope="module")
def hostile_build(hostile_vault, tmp_path_factory, nlp):
    """Return (out folder, CliRunner result) of `kg build` over the hostile vault, real GiNZA."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(hostile_vault), "-o", str(out), "-q"])
    return out, result


def labels(out: Path) -> set[str]:
    """Return the labels of the nodes in out/graph.graphml."""
    return {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}


# -- the hostile vault end to end (real GiNZA) -------------------------------------------------


@pytest.mark.ginza
def test_hostile_vault_builds_and_every_readable_country_is_in_the_graph(hostile_build):
    out, result = hostile_build
    assert result.exit_code == 0, result.output
    assert set(READABLE.values()) <= labels(out)
    assert not labels(out) & set(UNREAD.values())


@pytest.mark.ginza
def test_skipped_files_are_reported_on_stderr_and_in_report_json(hostile_build):
    out, result = hostile_build
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert [line.split(":")[0] for line in lines] == [f"skipped {name}" for name in SKIPPED]
    for line, reason in zip(lines, SKIPPED.values(), strict=True):
        assert reason in line
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(s["path"], s["reason"]) for s in report["skipped"]] == [
        (line.split(": ", 1)[0].removeprefix("skipped "), line.split(": ", 1)[1]) for line in lines
    ]
    counts = report["counts"]
    assert counts["notes"] == len(READABLE) + 1  # and empty.md, read with no text
    assert counts["skipped"] == len(SKIPPED) and counts["warnings"] == len(report["warnings"]) == 4
    assert counts["blocks"] > counts["notes"] and counts["mentions"] >= counts["entities"] >= len(READABLE)
    assert counts["edges"] > 0 and report["elapsed_seconds"] > 0
    assert any("malformed YAML" in w for w in report["warnings"])
    assert any("control characters removed" in w for w in report["warnings"])
    assert any(w.startswith("markup.md:1: markup nested more than") for w in report["warnings"])
    assert any(w.startswith("yaml_bomb.md: front-matter created") for w in report["warnings"])
    assert f"{counts['notes']} notes, {counts['mentions']} mentions, {counts['entities']} entities" in result.stdout


@pytest.mark.ginza
def test_every_output_is_whole_and_no_temporary_file_is_left(hostile_build):
    out, _ = hostile_build
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 100, name
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.mark.ginza
def test_graphml_is_valid_xml_with_one_type_per_attribute_and_igraph_reads_it(hostile_build):
    out, _ = hostile_build
    text = (out / "graph.graphml").read_text(encoding="utf-8")
    assert not XML_INVALID.search(text)
    keys = ET.fromstring(text.encode("utf-8")).findall("{http://graphml.graphdrawing.org/xmlns}key")
    declared = [(key.get("for"), key.get("attr.name")) for key in keys]
    assert len(declared) == len(set(declared)), "an attribute is declared with two types"
    graph = nx.read_graphml(out / "graph.graphml")
    ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert (ig.vcount(), ig.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(READABLE.values()) <= set(ig.vs["label"])


@pytest.mark.ginza
def test_no_control_character_reaches_any_output(hostile_build, hostile_vault, tmp_path):
    out, _ = hostile_build
    for name in OUTPUTS:
        assert not CONTROL.search((out / name).read_text(encoding="utf-8")), name
    # One note alone gives the graph its title: the one written with a NUL and a vertical tab.
    single = tmp_path / "single"
    result = CliRunner().invoke(main, ["build", str(hostile_vault / "control_chars.md"), "-o", str(single), "-q"])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(single / "graph.graphml")
    assert graph.graph["title"] == "エジプトのメモ"
    egypt = next(d for _, d in graph.nodes(data=True) if d["label"] == "エジプト")
    assert not any(CONTROL.search(str(value)) for value in egypt.values())


@pytest.mark.ginza
def test_strict_turns_a_skip_into_exit_3_and_still_writes(hostile_vault, hostile_build, tmp_path):
    result = CliRunner().invoke(main, ["build", str(hostile_vault), "-o", str(tmp_path), "-q", "--strict"])
    assert result.exit_code == EXIT_STRICT == 3
    assert "skipped binary.md: binary file" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1] == f"--strict: {len(SKIPPED)} skipped files"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUTS)


# -- reading: encodings, front matter, folders (no model) ----------------------------------------


@pytest.mark.parametrize(
    "name, title, first",
    [
        ("bom.md", "BOM付きのメモ", "東アフリカ"),  # python-frontmatter drops front matter after a BOM
        ("crlf.md", "CRLFのメモ", "南米"),
        ("shift_jis.md", "Shift_JISのメモ", "北欧"),  # python-frontmatter raises UnicodeDecodeError
        ("euc_jp.md", "euc_jp", "南米の内陸国"),
        ("iso2022_jp.md", "iso2022_jp", "カリブ海"),
        ("utf16.md", "utf16", "ヒマラヤ"),
        ("malformed_yaml.md", "malformed_yaml", "草原"),  # python-frontmatter raises
        ("yaml_bomb.md", "yaml_bomb", "北米"),
        ("control_chars.md", "エジプトのメモ", "北アフリカ"),
        ("nfd.md", "nfd", "南米の国"),
    ],
)
def test_each_encoding_and_header_is_read(name, title, first):
    note, _ = read_note(HOSTILE / name, name)
    assert note.title == title
    assert note.blocks[0].text == first
    assert READABLE[name] in note.blocks[1].text


def test_crlf_line_numbers_count_lines_as_an_editor_does():
    note, _ = read_note(HOSTILE / "crlf.md", "crlf.md")
    assert [(b.text, b.line) for b in note.blocks] == [("南米", 5), ("ペルーは南米の国で、首都はリマである。", 7)]


def test_malformed_yaml_warns_and_keeps_the_body():
    note, warnings = read_note(HOSTILE / "malformed_yaml.md", "malformed_yaml.md")
    assert [b.line for b in note.blocks] == [7, 9]
    assert len(warnings) == 1 and warnings[0].startswith("malformed_yaml.md:1: malformed YAML front matter ignored")


def test_unclosed_front_matter_is_read_as_text():
    note, warnings = read_note(HOSTILE / "unclosed_front_matter.md", "unclosed_front_matter.md")
    assert note.title == "unclosed_front_matter" and warnings == []
    assert note.blocks[0].text.startswith("title: 閉じないフロントマター")
    assert note.blocks[-1].text == "チリは南米の細長い国で、首都はサンティアゴである。"


def test_a_yaml_bomb_costs_nothing():
    started = time.process_time()
    note, _ = read_note(HOSTILE / "yaml_bomb.md", "yaml_bomb.md")
    assert time.process_time() - started < 2  # str() of its 9**9 strings would take minutes
    assert (note.title, note.tags, note.aliases, note.dates) == ("yaml_bomb", (), (), ())


def test_control_characters_are_removed_from_text_and_front_matter():
    note, warnings = read_note(HOSTILE / "control_chars.md", "control_chars.md")
    assert (note.title, note.aliases) == ("エジプトのメモ", ("ナイル",))
    assert note.blocks[1].text.startswith("エジプトはアフリカ北東部の国で、首都はカイロである。ナイル川")
    assert not any(CONTROL.search(b.text) or "\ufffe" in b.text for b in note.blocks)
    assert warnings == ["control_chars.md: 6 control characters removed"]


@pytest.mark.parametrize(
    "data, binary",
    [
        ((HOSTILE / "binary.md").read_bytes(), True),  # a PNG image
        (random.Random(8).randbytes(4_000), True),
        (bytes(range(1, 32)) * 50, True),  # control bytes without a NUL
        ("ケニア\x00と\x0bペルーは南米とアフリカの国で、首都はそれぞれリマとナイロビである。".encode(), False),
    ],
)
def test_binary_files_are_told_from_notes_with_a_stray_control_character(tmp_path, data, binary):
    (tmp_path / "x.md").write_bytes(data)
    vault = read_vault([tmp_path])
    assert [s.path for s in vault.skipped] == (["x.md"] if binary else [])
    assert all(s.reason.startswith("binary file") for s in vault.skipped)


def test_folder_walk_skips_hidden_and_other_files_and_survives_links(hostile_vault):
    vault = read_vault([hostile_vault])  # the named pipe must not block this
    assert sorted(n.path for n in vault.notes) == sorted([*READABLE, "empty.md"])
    assert [s.path for s in vault.skipped] == list(SKIPPED)
    for skipped, reason in zip(vault.skipped, SKIPPED.values(), strict=True):
        assert reason in skipped.reason
    text = " ".join(b.text for n in vault.notes for b in n.blocks)
    assert not any(country in text for country in UNREAD.values())


def test_a_parser_failure_on_one_file_skips_only_that_file(monkeypatch):
    parse = note_files.parse_note

    def failing(text: str, name: str, *args):
        if name == "bom.md":
            raise RecursionError("maximum recursion depth exceeded")
        return parse(text, name, *args)

    monkeypatch.setattr(note_files, "parse_note", failing)
    vault = read_vault([HOSTILE / "bom.md", HOSTILE / "crlf.md"])
    assert [n.path for n in vault.notes] == ["crlf.md"]
    assert [(s.path, s.reason) for s in vault.skipped] == [
        ("bom.md", "cannot parse it (RecursionError: maximum recursion depth exceeded)")
    ]


def test_a_markdown_file_given_by_name_that_is_binary_is_skipped_not_fatal():
    vault = read_vault([HOSTILE / "binary.md", HOSTILE / "bom.md", HOSTILE / "attachments" / "clip.txt"])
    assert [n.path for n in vault.notes] == ["bom.md"]
    assert [s.path for s in vault.skipped] == ["binary.md", "clip.txt"]


# -- long text ---------------------------------------------------------------------------------


def test_a_paragraph_without_punctuation_is_cut_where_a_word_starts():
    text = huge_paragraph()
    pieces = chunk_bounds(text)
    assert len(pieces) > 1 and "".join(text[s:e] for s, e in pieces) == text
    assert all(len(text[s:e].encode("utf-8")) <= MAX_CHUNK_BYTES < 49_149 for s, e in pieces)
    name = range(HUGE_CUT, HUGE_CUT + len("アルゼンチン"))
    assert not [e for _, e in pieces if e - 1 in name and e in name], "a cut falls inside アルゼンチン"


def test_text_with_no_safe_boundary_is_still_cut_under_the_limit():
    text = "ア" * 60_000  # no punctuation, no hiragana: nowhere better to cut
    pieces = chunk_bounds(text)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(len(text[s:e].encode("utf-8")) <= MAX_CHUNK_BYTES for s, e in pieces)


# -- outputs: all or nothing -------------------------------------------------------------------


def _fail_fourth_fsync(monkeypatch, error: BaseException) -> None:
    """Make the fourth os.fsync raise error, as a full disk or Ctrl-C while writing would."""
    calls = itertools.count(1)
    real = os.fsync

    def fsync(fd: int) -> None:
        if next(calls) == 4:
            raise error
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _two_vaults(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.md").write_text("# 南米\n\nペルーとチリは太平洋に面している。\n", encoding="utf-8")
    (second / "b.md").write_text("# 北欧\n\nフィンランドとノルウェーは隣り合う。\n", encoding="utf-8")
    return first, second


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.ginza
def test_a_build_that_fails_mid_write_leaves_the_previous_outputs(tmp_path, monkeypatch, nlp):
    first, second = _two_vaults(tmp_path)
    out = tmp_path / "out"
    run([first], out, make_options(jobs=1))
    before = _snapshot(out)
    assert sorted(before) == sorted(OUTPUTS) and all(before.values())
    _fail_fourth_fsync(monkeypatch, OSError(28, "No space left on device"))
    with pytest.raises(OSError, match="No space left"):
        run([second], out, make_options(jobs=1))
    assert _snapshot(out) == before  # the same files, byte for byte, and no temporary file


@pytest.mark.ginza
def test_ctrl_c_while_writing_exits_130_with_one_line_and_old_outputs(tmp_path, monkeypatch, nlp):
    first, second = _two_vaults(tmp_path)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(first), "-o", str(out), "-q", "--jobs", "1"]).exit_code == 0
    before = _snapshot(out)
    _fail_fourth_fsync(monkeypatch, KeyboardInterrupt())
    result = CliRunner().invoke(main, ["build", str(second), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == EXIT_INTERRUPTED == 130
    assert result.stderr == f"kg: interrupted; the outputs in {out} are as they were\n"
    assert _snapshot(out) == before


def test_ctrl_c_noted_while_a_worker_broke_the_pool_is_an_interrupt():
    """Ctrl-C can reach the build while it forks a worker, where Python drops the KeyboardInterrupt; the
    workers it ended break the pool. The noted Ctrl-C makes that an interrupt, and a crash stays a crash."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from kg.extract.ner import _result

    broken = Future()
    broken.set_exception(BrokenProcessPool("a worker ended abruptly"))
    with pytest.raises(KeyboardInterrupt):
        _result(broken, [signal.SIGINT])
    with pytest.raises(BrokenProcessPool):
        _result(broken, [])
    pending = Future()
    with pytest.raises(KeyboardInterrupt):
        _result(pending, [signal.SIGINT])  # a batch still running: the wait ends at once


@pytest.mark.ginza
def test_sigint_during_a_real_build_exits_130_without_a_traceback(tmp_path):
    """Ctrl-C as a terminal sends it: SIGINT to the whole process group, NER workers included.

    One note takes one worker seconds; the other note's worker is done at once and sits idle, and
    an idle worker is where Python would print a traceback of its own.
    """
    vault, out = tmp_path / "vault", tmp_path / "out"
    vault.mkdir()
    out.mkdir()
    (vault / "long.md").write_text(huge_paragraph(20_000), encoding="utf-8")
    (vault / "short.md").write_text("ケニアとペルー。", encoding="utf-8")
    for name in OUTPUTS:
        (out / name).write_text("previous build\n", encoding="utf-8")
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache")}  # a cold cache: NER has it all to do
    build = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(vault), "-o", str(out), "-q", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, start_new_session=True,
        # as a terminal's foreground job: under a background runner Ctrl-C is inherited as ignored
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )
    children = Path(f"/proc/{build.pid}/task/{build.pid}/children")
    deadline = time.monotonic() + 120
    while not children.read_text().split():  # the NER workers are forked once the model is loaded
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.05)
    time.sleep(1.5)
    os.killpg(build.pid, signal.SIGINT)
    stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 130, stderr
    assert stderr == f"kg: interrupted; the outputs in {out} are as they were\n"
    assert stdout == ""
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == dict.fromkeys(OUTPUTS, "previous build\n")


# -- the command line: errors and exit codes -----------------------------------------------------


def test_a_path_that_does_not_exist_exits_1_and_names_it(tmp_path):
    missing = tmp_path / "どこにもない"
    result = CliRunner().invoke(main, ["build", str(HOSTILE / "bom.md"), str(missing), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no such file or folder: {missing}\n"
    assert not (tmp_path / "o").exists()


def test_an_output_folder_that_cannot_be_made_exits_1_and_names_it(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(HOSTILE / "binary.md"), "-o", str(blocker)])
    assert result.exit_code == 1
    assert str(blocker) in result.stderr and "Traceback" not in result.output


def test_a_bad_option_value_exits_2():
    assert CliRunner().invoke(main, ["build", "--unit", "chapter"]).exit_code == 2
    assert CliRunner().invoke(main, ["build", "--no-such-option"]).exit_code == 2


def test_a_vault_with_nothing_readable_builds_empty_outputs(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(HOSTILE / "binary.md", tmp_path / "in")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 notes, 0 mentions, 0 entities, 0 edges")
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).stat().st_size > 0, name
    assert (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8-sig").startswith("id,")


def test_exit_codes_are_documented_in_help_and_the_docs():
    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    # the exit codes' table opens the docs page on bad input, before its first section
    page = (ROOT / "docs" / "reference" / "bad-input.md").read_text(encoding="utf-8")
    section = page.split("# Bad input, reports and exit codes", 1)[1].split("\n## ", 1)[0]
    for code in ("0", "1", "2", "3", "130"):
        assert re.search(rf"^\s+{code}\s", help_text, re.M), code
        assert f"| {code} |" in section, code
    assert "--strict" in help_text and "report.json" in help_text and "report.json" in section


# -- property: random bytes never crash a build ---------------------------------------------------

FILES = st.lists(
    st.one_of(
        st.binary(max_size=3_000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="日本ケニア#-[]|>*`%$\n\r\x00\x0b、。", max_size=300).map(
            lambda t: t.encode("cp932", errors="ignore")
        ),
    ),
    min_size=1,
    max_size=6,
)


def _stub_spans(texts, model, **kwargs):
    """Return one made-up span per text, so resolution also sees model spans over garbage."""
    return [((Span(0, min(len(t), 4), "Country"),) if t else ()) for t in texts]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_a_build_over_random_bytes_never_crashes(files):
    """Random files, read and built up to the graph and its GraphML.

    NER is replaced by a stub here, and only here, so that hundreds of builds take seconds; the
    real model runs over the hostile vault in the tests above.
    """
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract_spans, "find_spans", _stub_spans)
        vault = Path(folder)
        for i, data in enumerate(files):
            (vault / f"{i}.md").write_bytes(data)
        (vault / "ケニア.md").write_text("ケニアとペルー。", encoding="utf-8")
        result = analyse([vault], make_options(cache=False, jobs=1))
        assert len(result.vault.notes) + len(result.vault.skipped) == len(files) + 1
        assert {"ケニア", "ペルー"} <= {d["label"] for _, d in result.graph.nodes(data=True)}
        text = graphml_text(result.graph)
        assert not XML_INVALID.search(text)
        nx.parse_graphml(text)
