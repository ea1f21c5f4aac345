"""A build into a folder that already holds its outputs does nothing (kg.stamp), and any change builds again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import make_options
from kg.stamp import STAMP, build_key, unchanged

NOTE = "# 日米協力\n\n日本と米国はASEANとともにインド太平洋の協力を進める。\n"
OTHER = "# 欧州\n\nドイツとフランスはEUの議論を主導した。\n"
UNCHANGED = "unchanged since the last build"


def _vault(root: Path) -> Path:
    vault = root / "vault"
    vault.mkdir()
    (vault / "a.md").write_text(NOTE, encoding="utf-8")
    (vault / "b.md").write_text(OTHER, encoding="utf-8")
    (vault / "c.md").write_bytes(b"\x00\x01\x02 not text \xff\xfe")  # skipped, and said so every time
    return vault


def _build(vault: Path, out: Path, *flags: str):
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(out), "-q", *flags])
    return result


def _written(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir()}


@pytest.fixture
def built(tmp_path, nlp):
    vault, out = _vault(tmp_path), tmp_path / "out"
    first = _build(vault, out)
    assert first.exit_code == 0 and UNCHANGED not in first.output, first.output
    return vault, out, first.output


def test_an_unchanged_rebuild_writes_nothing_and_tells_what_the_outputs_hold(built):
    vault, out, first = built
    before = _written(out)
    again = _build(vault, out)
    assert again.exit_code == 0 and UNCHANGED in again.output, again.output
    assert _written(out) == before
    # the same summary and the same skipped file as the build that wrote the outputs
    assert again.output.splitlines()[-1].startswith(first.splitlines()[-1])
    assert "skipped c.md" in again.output
    assert _build(vault, out, "--strict").exit_code == 3  # --strict still fails on the skipped file


def test_a_note_touched_but_not_changed_still_needs_no_build(built):
    vault, out, _ = built
    (vault / "a.md").write_text(NOTE, encoding="utf-8")
    assert UNCHANGED in _build(vault, out).output


@pytest.mark.parametrize("change", ["note edited", "note added", "note removed", "corrections file", "option",
                                    "output edited", "output removed", "stamp removed"])
def test_any_change_builds_again(built, change):
    vault, out, _ = built
    flags: tuple[str, ...] = ()
    if change == "note edited":
        (vault / "a.md").write_text(NOTE + "\n中国も参加した。\n", encoding="utf-8")
    elif change == "note added":
        (vault / "d.md").write_text("# 追記\n\n韓国が加わった。\n", encoding="utf-8")
    elif change == "note removed":
        (vault / "b.md").unlink()
    elif change == "corrections file":
        (vault / "kg-corrections.toml").write_text('[[not_entity]]\nname = "ASEAN"\n', encoding="utf-8")
    elif change == "option":
        flags = ("--unit", "paragraph")
    elif change == "output edited":
        with (out / "graph.html").open("a", encoding="utf-8") as page:
            page.write("<!-- edited -->")
    elif change == "output removed":
        (out / "nodes.csv").unlink()
    else:
        (out / STAMP).unlink()
    again = _build(vault, out, *flags)
    assert again.exit_code == 0 and UNCHANGED not in again.output, again.output
    assert (out / "nodes.csv").exists() and UNCHANGED in _build(vault, out, *flags).output


def test_an_out_inside_the_vault_needs_no_build_the_second_time(tmp_path, nlp):
    vault = _vault(tmp_path)
    out = vault / "kg-out"  # its report.md is Markdown inside the vault: an output, not a note
    assert _build(vault, out).exit_code == 0
    again = _build(vault, out)
    assert UNCHANGED in again.output and again.output.splitlines()[-1].startswith("2 notes"), again.output


def test_force_builds_anyway(built):
    vault, out, _ = built
    stamp = (out / STAMP).read_text(encoding="utf-8")
    forced = _build(vault, out, "--force")
    assert forced.exit_code == 0 and UNCHANGED not in forced.output
    assert json.loads((out / STAMP).read_text(encoding="utf-8"))["key"] == json.loads(stamp)["key"]
    assert (out / STAMP).read_text(encoding="utf-8") != stamp  # the outputs were written again


def test_the_key_leaves_out_how_ner_runs_but_not_what_is_asked(tmp_path):
    vault, out = _vault(tmp_path), tmp_path / "out"
    key = build_key([vault], out, make_options())
    assert build_key([vault], out, make_options(jobs=2, progress=True, cache=False)) == key
    assert build_key([vault], out, make_options(types=("Country",))) != key
    assert build_key([vault], tmp_path / "elsewhere", make_options()) != key  # the page links from OUT
    assert build_key([vault / "a.md"], out, make_options()) != key


def test_a_stamp_that_does_not_read_as_kg_writes_it_means_build(tmp_path):
    (tmp_path / STAMP).write_text('{"key": "k", "files": ["graph.html"]}', encoding="utf-8")
    assert unchanged(tmp_path, "k") is None
    (tmp_path / STAMP).write_text("not json", encoding="utf-8")
    assert unchanged(tmp_path, "k") is None
    (tmp_path / "graph.html").write_text("x", encoding="utf-8")
    found = (tmp_path / "graph.html").stat()
    (tmp_path / STAMP).write_text(json.dumps({"key": "k", "files": {"graph.html": [found.st_size, found.st_mtime_ns]}}),
                                  encoding="utf-8")
    assert unchanged(tmp_path, "k") == {"graph.html": tmp_path / "graph.html"}
    assert unchanged(tmp_path, "other") is None

