"""Corrections: the file format, its older forms (--aliases, --stop), and what each correction does to a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.records import Block, Note
from kg.resolve import ResolveOptions, resolve, resolve_corrected
from kg.resolve.corrections import DEFAULT_NAME, alias_file, read_corrections, stop_file

VAULT = Path(__file__).resolve().parent.parent / "data" / "corrections_vault"


def _note(text: str) -> Note:
    block = Block("n.md", (), (), 1, 0, 3, "paragraph", text)
    return Note(path="n.md", title="n", blocks=(block,))


@pytest.fixture(scope="module")
def vault_result(nlp):
    """Return the build of the fixture vault, which holds its own kg-corrections.toml."""
    from kg.pipeline import analyse

    return analyse([VAULT])


def _by_id(result):
    return {e.id: e for e in result.entities}


def test_the_vault_file_of_fixed_name_is_read_and_each_correction_applies(vault_result):
    found = _by_id(vault_result)
    assert "北海道" not in found and "WTO閣僚会議" not in found  # not an entity; merged into WTO
    assert {"WTO", "WTO閣僚会議"} <= set(found["世界貿易機関"].aliases)
    assert all(m.entity == "世界貿易機関" for m in found["世界貿易機関"].mentions)
    assert found["石破茂"].label == "石破茂（首相）"
    assert found["日米豪印"].type == "Agreement" and {m.type for m in found["日米豪印"].mentions} == {"Agreement"}
    assert not any(m.block.note.endswith("半導体.md") and m.block.kind == "heading" for m in found["日本"].mentions)
    assert vault_result.graph.nodes["石破茂"]["label"] == "石破茂（首相）"
    assert "北海道" not in vault_result.graph


def test_report_says_what_each_correction_did_and_which_matched_nothing(vault_result):
    done = {(c["kind"], c.get("name") or c["names"][0]): c for c in vault_result.corrections}
    assert done[("rename", "岸田文雄")] == {"kind": "rename", "name": "岸田文雄", "label": "岸田文雄（元首相）",
                                         "matched": False, "did": "matched nothing"}
    assert done[("merge", "WTO")]["did"] == "merged WTO, WTO閣僚会議 into WTO"
    assert done[("not_entity", "北海道")]["did"] == "removed 北海道 (1 mentions)"
    assert done[("not_mention", "日本")]["did"] == "took 1 mention(s) from 日本"
    assert [c["matched"] for c in vault_result.corrections].count(False) == 1


def test_cli_says_when_a_correction_matched_nothing(nlp, tmp_path):
    ran = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path / "out"), "-q", "--no-relations"])
    assert ran.exit_code == 0, ran.output
    assert f"1 correction matched nothing: see {tmp_path / 'out' / 'report.json'}" in ran.output


def test_cli_reads_the_flag_over_the_vault_file_and_writes_the_report(nlp, tmp_path):
    own = tmp_path / "mine.toml"
    own.write_text('[[not_entity]]\nname = "モディ"\n', encoding="utf-8")
    out = tmp_path / "out"
    ran = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(out), "-q", "--no-relations", "--corrections", str(own)])
    assert ran.exit_code == 0, ran.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [c["did"] for c in report["corrections"]] == ["removed モディ (1 mentions)"]
    assert report["corrections_unmatched"] == []
    nodes = {n["id"] for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert "モディ" not in nodes and "北海道" in nodes  # the vault's own file is not read beside the flag


def test_the_older_alias_and_stop_files_are_forms_of_the_same_corrections(tmp_path):
    tsv = tmp_path / "aliases.tsv"
    tsv.write_text("canonical\ttype\taliases\nモリオ商事\tOrganization\tMorio Corp.\tモリオ\n", encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("# never a node\nチリ\n", encoding="utf-8")
    toml = tmp_path / DEFAULT_NAME
    toml.write_text('stop = ["チリ"]\n\n[[alias]]\nname = "モリオ商事"\ntype = "Organization"\n'
                    'aliases = ["Morio Corp.", "モリオ"]\n', encoding="utf-8")
    assert read_corrections(toml) == alias_file(tsv) + stop_file(stop)
    note = _note("モリオはチリとペルーで事業を広げ、Morio Corp.として上場した。")
    by_files = resolve([note], {}, ResolveOptions(aliases=[tsv], stop=[stop]))
    by_toml = resolve([note], {}, ResolveOptions(corrections=[toml]))
    assert by_files == by_toml
    assert {e.id for e in by_toml} == {"モリオ商事", "ペルー"}


def test_a_mention_is_named_by_note_and_line_when_no_sentence_is_given():
    note = _note("フランスとドイツが合意した。フランスは歓迎した。")
    entities, done = resolve_corrected([note], {}, ResolveOptions(corrections=[
        {"not_mention": [{"name": "フランス", "note": "n.md", "line": 3}, {"name": "ドイツ", "note": "n.md", "line": 9}]}]))
    assert {e.id for e in entities} == {"ドイツ"}  # both of フランス's mentions are on line 3
    assert [c["did"] for c in done] == ["took 2 mention(s) from フランス", "matched nothing"]


def test_a_merge_of_names_of_one_entity_says_so():
    note = _note("ﾌﾗﾝｽとドイツが合意し、フランスは歓迎した。")  # half-width and full-width: one name to kg
    _, done = resolve_corrected([note], {}, ResolveOptions(corrections=[{"merge": [{"names": ["ﾌﾗﾝｽ", "フランス"]}]}]))
    assert done[0]["did"] == "フランス is already one entity" and done[0]["matched"]


def test_a_retype_to_a_type_the_build_leaves_out_drops_the_entity():
    note = _note("フランスとドイツが合意した。")
    entities, done = resolve_corrected([note], {}, ResolveOptions(types="Country", corrections=[
        {"type": [{"name": "ドイツ", "type": "Organization"}]}]))
    assert {e.id for e in entities} == {"フランス"}
    assert done[0]["did"] == "typed ドイツ Organization (was Country); not a kept type, so removed"


@pytest.mark.parametrize(("text", "says"), [
    ('[[merge]]\nnames = ["A"]\n', "two names or more"),
    ('[[type]]\nname = "A"\ntype = "Company"\n', "'Company' is not one of"),
    ('[[rename]]\nname = "A"\n', 'needs label = "..."'),
    ('[[not_mention]]\nname = "A"\nnote = "n.md"\n', 'needs sentence = "..." or line = N'),
    ('[[delete]]\nname = "A"\n', "unknown section(s) delete"),
    ('merge = "A"\n', "must be written [[merge]]"),
    ('[[merge]\n', "not a TOML corrections file"),
])
def test_a_wrong_file_says_where_and_what(tmp_path, text, says):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml") as raised:
        read_corrections(path)
    assert says in str(raised.value)
