"""kg obsidian: entity notes and a canvas written back into a vault, on real files (issue 24)."""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from kg.export.entitynote import USER_LINE, escape_text
from kg.export.filenames import MAX_NAME_BYTES, safe_stem, unique_stems
from kg.notes import parse_note

ROOT = Path(__file__).resolve().parents[2]
VAULT = ROOT / "tests" / "data" / "obsidian_vault"
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"
SCHEMA = json.loads((ROOT / "tests" / "data" / "jsoncanvas-1.0.schema.json").read_text(encoding="utf-8"))
WIKILINK = re.compile(r"(?<!\\)\[\[([^\]|]+)(?:\|([^\]]*))?\]\]")
MDLINK = re.compile(r"(?<![\\\]])\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)")
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _copy(source: Path, target: Path) -> Path:
    """Return a copy of a vault (or of one note, in a new vault) at target."""
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        (target / ".obsidian").mkdir(parents=True)
        shutil.copy(source, target)
    return target


def _export(vault: Path, **options):
    """Return what kg.to_obsidian did writing into vault/kg."""
    import kg

    return kg.to_obsidian([vault], vault / "kg", **options)


@pytest.fixture(scope="module")
def fixture_export(nlp, tmp_path_factory):
    """Return the export of the fixture vault, written once for the module."""
    vault = _copy(VAULT, tmp_path_factory.mktemp("obsidian") / "vault")
    return _export(vault)


@pytest.fixture(scope="module")
def sample_export(nlp, tmp_path_factory):
    """Return the export of the sample note, in a vault of its own."""
    vault = _copy(SAMPLE, tmp_path_factory.mktemp("obsidian-sample") / "vault")
    return _export(vault)


def _notes(done) -> dict[str, str]:
    """Return the text of every entity note kg wrote, by file name."""
    return {name: (done.folder / name).read_text(encoding="utf-8") for name in done.written if name.endswith(".md")}


def _obsidian_heading(text: str) -> str:
    """Return a heading as Obsidian compares it with a link's: link-breaking characters as spaces, spaces made one."""
    return " ".join(re.sub(r"[:#|^\\]|%%|\[\[|\]\]", " ", text).split())


def _headings(file: Path) -> set[str]:
    """Return the headings of a note as markdown-it reads them from its body (markup as written)."""
    text = file.read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(body)  # Obsidian reads footnotes too
    return {_obsidian_heading(tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"}


def _resolve(vault: Path, target: str) -> Path:
    """Return the one note of the vault a link target names, as Obsidian finds it (path, else unique name)."""
    exact = vault / f"{target}.md"
    if exact.is_file():
        return exact
    named = [p for p in vault.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(vault).parts)
             and unicodedata.normalize("NFC", p.stem).casefold() == unicodedata.normalize("NFC", target).casefold()]
    assert len(named) == 1, f"[[{target}]] names {len(named)} notes"
    return named[0]


def _links(text: str) -> list[tuple[str, str]]:
    """Return (target, heading) of every wikilink and Markdown link in a note kg wrote."""
    from urllib.parse import unquote

    found = []
    for match in WIKILINK.finditer(text):
        target, _, heading = match.group(1).partition("#")
        found.append((target, heading))
    for match in MDLINK.finditer(text):
        path, _, heading = match.group(2).partition("#")
        found.append((unquote(path).removesuffix(".md"), unquote(heading)))
    return found


def _check_links(done) -> int:
    """Assert every link of every note kg wrote opens a note, at a heading it has; return how many."""
    count = 0
    for name, text in _notes(done).items():
        for target, heading in _links(text):
            file = _resolve(done.vault, target)
            # a subheading's link names its parents first: note#parent#heading
            for part in heading.split("#") if heading else ():
                assert _obsidian_heading(part) in _headings(file), f"{name}: no heading {part!r} in {file.name}"
            count += 1
    return count


@pytest.mark.ginza
@pytest.mark.parametrize("which", ["fixture_export", "sample_export"])
def test_every_link_opens_a_note_at_a_heading_it_has(which, request):
    done = request.getfixturevalue(which)
    notes = _notes(done)
    assert len(notes) >= 10
    assert _check_links(done) > 5 * len(notes)
    # the sentences under those links are the notes' own
    for text in notes.values():
        assert "## 言及" in text and text.endswith(f"{USER_LINE}\n")


@pytest.mark.ginza
def test_links_name_a_path_where_two_notes_share_a_name_and_use_markdown_where_a_name_cannot(fixture_export):
    text = "\n".join(_notes(fixture_export).values())
    assert "[[政策/概要#" in text and "[[会議/概要#" in text
    assert "[[概要" not in text
    # two headings 概要 in one note: the link names the parent too
    assert "[[会議/概要#会議の一覧#国際機関#概要|国際機関 › 概要]]" in text
    # clippings/2025-05-09 ニュース #2.md: a '#' would end a wikilink's target
    assert "(clippings/2025-05-09%20%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9%20%232.md#" in text
    # a heading with a wikilink and a colon in it, and text above the first heading
    assert "[[2025-03-14 ASEAN外相会議#会議の概要 東南アジア諸国連合 ASEAN の立場|会議の概要: ASEANの立場]]" in text
    assert "- [[2025-03-14 ASEAN外相会議]]\n\t- **日本**の外務省の発表による。" in text


@pytest.mark.ginza
@pytest.mark.ginza
def test_a_note_of_the_vault_keeps_its_name_and_kg_links_to_it(fixture_export):
    notes = _notes(fixture_export)
    assert "外務省.md" not in notes
    assert "あなたのノート: [[外務省]]" in notes["外務省 (Organization).md"]


def test_front_matter_holds_kg_marker_id_aliases_type_count_and_dates(fixture_export):
    notes = _notes(fixture_export)
    meta = {name: yaml.safe_load(text.split("---\n")[1]) for name, text in notes.items()}
    for name, fields in meta.items():
        assert fields["kg_export"] == "entity"
        assert isinstance(fields["aliases"], list) and fields["tags"][0].startswith("kg/")
        listed = notes[name].split("## 関連")[0].split("## 関係")[0].count("\t- ")
        assert isinstance(fields["mentions"], int) and fields["mentions"] >= listed >= 1
        # the name of the title is the file's, else among the aliases; kg's id is either
        title = re.search(r"^# (.+)$", notes[name], re.M).group(1)
        assert title == name.removesuffix(".md") or title in fields["aliases"]
        assert fields["kg_id"] == title or fields["kg_id"] in fields["aliases"]
    asean = next(fields for fields in meta.values() if fields["kg_id"] == "東南アジア諸国連合")
    assert asean["tags"] == ["kg/Organization"]
    kenya = meta["ケニア.md"]
    assert str(kenya["first_seen"]) == str(kenya["last_seen"]) == "2025-04-04"
    assert kenya["tags"] == ["kg/Country"]
    # related entities are links to their notes, with weights
    assert re.search(r"^- \[\[ケニア\]\] · 0\.\d{3}（\d+）$", notes["JICA.md"], re.M)


def _check_canvas(done) -> dict:
    """Assert the canvas is JSON Canvas 1.0 with unique ids, edges between its nodes, files that exist."""
    board = json.loads((done.folder / done.canvas).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(board)
    ids = [node["id"] for node in board["nodes"]] + [edge["id"] for edge in board["edges"]]
    assert len(ids) == len(set(ids))
    nodes = {node["id"]: node for node in board["nodes"]}
    for edge in board["edges"]:
        assert edge["fromNode"] in nodes and edge["toNode"] in nodes and edge["fromNode"] != edge["toNode"]
        assert nodes[edge["fromNode"]]["type"] == nodes[edge["toNode"]]["type"] == "file"
    files = [node for node in board["nodes"] if node["type"] == "file"]
    assert files and all((done.vault / node["file"]).is_file() for node in files)
    # each card lies inside at most one group, and no two groups overlap
    groups = [node for node in board["nodes"] if node["type"] == "group"]
    for a in groups:
        for b in groups:
            if a is not b:
                assert (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                        or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
    return board


@pytest.mark.ginza
@pytest.mark.parametrize("which", ["fixture_export", "sample_export"])
def test_the_canvas_is_json_canvas_with_notes_as_cards(which, request):
    done = request.getfixturevalue(which)
    board = _check_canvas(done)
    labels = [edge.get("label", "") for edge in board["edges"]]
    assert any(re.fullmatch(r"\d\.\d\d", label) for label in labels)  # co-occurrence weights
    if which == "sample_export":
        assert any(not re.fullmatch(r"[\d.]+", label) for label in labels)  # a relation's predicate
        assert len([n for n in board["nodes"] if n["type"] == "group"]) >= 2


def test_the_schema_rejects_what_the_spec_does_not_allow():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    card = {"id": "a", "type": "file", "file": "kg/日本.md", "x": 0, "y": 0, "width": 10, "height": 10}
    assert validator.is_valid({"nodes": [card], "edges": []})
    for bad in ({**card, "file": ""}, {**card, "x": 1.5}, {**card, "label": "x"}, {**card, "color": "red"},
                {k: v for k, v in card.items() if k != "file"}):
        assert not validator.is_valid({"nodes": [bad]})


@pytest.mark.ginza
def test_build_leaves_kg_notes_out_and_says_how_many(fixture_export, tmp_path):
    from kg.cli import main

    result = CliRunner().invoke(main, ["build", str(fixture_export.vault), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    counts = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["counts"]
    assert counts["kg_notes"] == len(_notes(fixture_export))
    assert counts["notes"] == 6  # the vault's own notes only


def _snapshot(folder: Path, but: set[Path] = frozenset()) -> dict[Path, tuple[bytes, int]]:
    """Return every file under folder with its bytes and modification time, but those named."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file() and p not in but}


@pytest.mark.ginza
def test_a_second_run_keeps_your_text_removes_stale_notes_and_touches_nothing_else(nlp, tmp_path):
    vault = _copy(VAULT, tmp_path / "vault")
    first = _export(vault)
    folder = first.folder
    assert "ケニア.md" in first.written
    # the user writes below the line of one note, keeps an own note in the folder, and deletes a clipping
    japan = folder / "日本.md"
    japan.write_text(japan.read_text(encoding="utf-8") + "## 自分のメモ\n外交青書も読むこと。\n", encoding="utf-8")
    (folder / "メモ.md").write_text("---\naliases: [memo]\n---\n自分のノート。ケニアの件。\n", encoding="utf-8")
    (folder / "ケニア.canvas").write_text('{"nodes": []}\n', encoding="utf-8")
    (vault / "clippings" / "2025-04-04 アフリカ.md").unlink()
    mine = {folder / "メモ.md", folder / "ケニア.canvas"}
    before = _snapshot(vault)
    second = _export(vault)
    assert "ケニア.md" in second.removed and not (folder / "ケニア.md").exists()
    assert japan.read_text(encoding="utf-8").endswith(f"{USER_LINE}\n## 自分のメモ\n外交青書も読むこと。\n")
    assert not second.left
    after = _snapshot(vault)
    for path, state in before.items():
        if path.parent != folder or path in mine:
            assert after[path] == state, f"kg touched {path}"
    # a third run with nothing changed writes nothing
    third = _export(vault)
    assert not third.written and not third.removed and "日本.md" in third.unchanged
    assert _snapshot(vault) == after


@pytest.mark.ginza
def test_kg_leaves_a_stale_note_with_your_text_and_a_note_without_its_line(nlp, tmp_path):
    vault = _copy(VAULT, tmp_path / "vault")
    folder = _export(vault).folder
    kenya, india = folder / "ケニア.md", folder / "インド.md"
    kenya.write_text(kenya.read_text(encoding="utf-8") + "ナイロビ出張の記録。\n", encoding="utf-8")
    india.write_text(india.read_text(encoding="utf-8").replace(USER_LINE, "自分で書き換えた。"), encoding="utf-8")
    kept = {p: p.read_bytes() for p in (kenya, india)}
    (vault / "clippings" / "2025-04-04 アフリカ.md").unlink()
    done = _export(vault)
    assert dict(done.left).keys() == {"ケニア.md", "インド.md"}
    assert all(p.read_bytes() == data for p, data in kept.items())
    # India's note is written beside the one kg cannot rewrite, under another name
    assert "インド (Country).md" in done.written


@pytest.mark.ginza
def test_your_text_follows_the_entity_when_its_note_changes_name(nlp, tmp_path):
    vault = _copy(VAULT, tmp_path / "vault")
    folder = _export(vault).folder
    # as after a rename (a correction, a new label): kg's note of an entity under another name, with your text
    old = folder / "旧名のインド.md"
    (folder / "インド.md").rename(old)
    old.write_text(old.read_text(encoding="utf-8") + "ニューデリーの件。\n", encoding="utf-8")
    done = _export(vault)
    assert "旧名のインド.md" in done.removed and not old.exists()
    assert (folder / "インド.md").read_text(encoding="utf-8").endswith(f"{USER_LINE}\nニューデリーの件。\n")


@pytest.mark.ginza
def test_a_note_saved_while_kg_writes_is_left_for_the_next_run(nlp, tmp_path, monkeypatch):
    import kg.export.obsidian as obsidian

    vault = _copy(VAULT, tmp_path / "vault")
    folder = _export(vault, min_count=3).folder  # fewer notes now, so the next run changes 日本.md
    japan = folder / "日本.md"
    rendered = obsidian._notes

    def saved_meanwhile(*args, **kwargs):
        texts = rendered(*args, **kwargs)
        japan.write_text(japan.read_text(encoding="utf-8") + "保存したばかりのメモ。\n", encoding="utf-8")
        return texts

    monkeypatch.setattr(obsidian, "_notes", saved_meanwhile)
    done = _export(vault)
    assert dict(done.left)["日本.md"].startswith("changed while kg was writing")
    assert japan.read_text(encoding="utf-8").endswith("保存したばかりのメモ。\n")


def test_a_folder_outside_the_vault_is_refused_before_any_note_is_read(tmp_path):
    from kg.cli import main

    vault = _copy(VAULT, tmp_path / "vault")
    result = CliRunner().invoke(main, ["obsidian", str(vault), "--into", str(tmp_path / "elsewhere")])
    assert result.exit_code == 1
    assert "outside the vault" in result.output and "--force" in result.output
    assert not (tmp_path / "elsewhere").exists()
    hidden = CliRunner().invoke(main, ["obsidian", str(vault), "--into", str(vault / ".obsidian" / "kg")])
    assert hidden.exit_code == 1 and "hidden" in hidden.output
    (tmp_path / "elsewhere").mkdir()
    (vault / "kg").symlink_to(tmp_path / "elsewhere")  # inside the vault by its name only
    linked = CliRunner().invoke(main, ["obsidian", str(vault), "--into", str(vault / "kg")])
    assert linked.exit_code == 1 and "outside the vault" in linked.output
    assert not any((tmp_path / "elsewhere").iterdir())


def test_a_build_of_no_notes_removes_nothing(tmp_path):
    import kg

    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "kg").mkdir()
    note = vault / "kg" / "日本.md"
    note.write_text(f"---\nkg_export: entity\nkg_id: 日本\n---\n# 日本\n\n{USER_LINE}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no notes were read"):
        kg.to_obsidian([vault / "kg"], vault / "kg")  # kg's own notes only: they are not notes of the vault
    assert note.is_file()


@pytest.mark.parametrize(("name", "stem"), [
    ("CON", "CON_"), ("nul.txt", "nul_.txt"), ("aux .md", "aux _.md"), ("Com1", "Com1_"), ("LPT¹", "LPT¹_"),
    ("CONSOLE", "CONSOLE"),
    ("日本/米国", "日本／米国"), ('A<B>C:"D"|E?*', "A＜B＞C：＂D＂｜E？＊"), ("#1 [注]^", "＃1 ［注］＾"),
    ("末尾。. ", "末尾。"), (".env", "．env"), ("改\n行", "改 行"), ("", "_"), ("...", "．"),
])
def test_safe_stems(name, stem):
    assert safe_stem(name) == stem


def test_long_names_are_cut_at_a_character_within_the_byte_limit():
    stem = safe_stem("東南アジア諸国連合" * 30)
    assert len(stem.encode("utf-8")) <= MAX_NAME_BYTES and stem.startswith("東南アジア諸国連合")
    stems = unique_stems([("a", "東" * 100, "Country"), ("b", "東" * 100, "Region")])
    assert stems["a"] != stems["b"] and stems["b"].endswith(" (Region)")
    assert all(len(s.encode("utf-8")) + 3 <= MAX_NAME_BYTES + 3 for s in stems.values())


def test_names_that_differ_only_in_case_or_normalisation_get_two_files():
    stems = unique_stems([("1", "ASEAN", "Organization"), ("2", "asean", "Organization"),
                          ("3", "ガス", "Plan"), ("4", unicodedata.normalize("NFD", "ガス"), "Plan")], taken=["Asean.md"])
    keys = {unicodedata.normalize("NFC", s).casefold() for s in stems.values()}
    assert len(keys) == 4 and "asean.md" not in keys


@pytest.mark.parametrize("sentence", [
    "#SDGs と [[OECD]] の %%注%% について <b>太字</b> *強調* `code` $x$ ==印== ~~消~~ ^ref &amp; [^1]",
    "1. で始まる文", "2) で始まる文", "- で始まる文", "+ で始まる文", "10-1 は番号", "> 引用のような文", "# 見出しのような文", "![[画像.png]] を埋め込む",
])
def test_sentences_stay_text_in_kg_notes(sentence):
    note, _ = parse_note(f"# 言及\n\n- 見出し\n\t- {escape_text(sentence)}\n", "x.md")
    item = [block for block in note.blocks if block.kind == "list_item"][-1]
    assert item.text == sentence
    assert not note.links and not note.tags


def test_names_illegal_on_windows_make_legal_files_on_a_real_file_system(tmp_path):
    """Entities named as Windows forbids, written for real; each note opens from the links to it."""
    import networkx as nx

    from kg.export.obsidian import write_obsidian
    from kg.graph.analytics import add_analytics
    from kg.graph.cooccurrence import build_graph
    from kg.notes import read_vault
    from kg.records import Entity, Mention, Result

    names = ["CON", "aux.txt", "A<B>C:D", "nul", "NUL", "AT&T|米国", ".hidden", "末尾. ", "com1", "日" * 120, "ASEAN",
             "asean", "日本/米国", "見出し#1"]
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "名前.md").write_text("# 名前\n\n" + "".join(f"{n.strip()}について。\n\n" for n in names), encoding="utf-8")
    read = read_vault([vault])
    blocks = [b for b in read.notes[0].blocks if b.kind == "paragraph"]
    entities = []
    for i, (name, block) in enumerate(zip(names, blocks)):
        surface = name.strip()
        mention = Mention(surface, "", "test", block, 0, len(surface), block.text, f"e{i}", "Organization")
        entities.append(Entity(f"e{i}", name, "Organization", (), (surface,), (mention, mention)))
    graph = add_analytics(build_graph(read.notes, entities))
    assert isinstance(graph, nx.Graph) and graph.number_of_nodes() == len(names)
    done = write_obsidian(Result(read, tuple(entities), graph), vault / "kg", vault)
    files = sorted(os.listdir(done.folder))
    notes = [f for f in files if f.endswith(".md")]
    assert len(notes) == len(names) and set(done.written) == set(files)
    assert len({unicodedata.normalize("NFC", f).casefold() for f in files}) == len(files)
    for file in files:
        stem = file.removesuffix(".md")
        assert not WINDOWS_FORBIDDEN & set(file) and not set("#^[]|") & set(stem), file
        assert not stem.endswith((".", " ")) and not file.startswith(".")
        assert stem.split(".")[0].upper() not in DEVICES
        assert len(file.encode("utf-8")) <= 255
    # each note's title is the name as the notes write it, and the name is among its aliases where the file differs
    for name in names:
        holding = [t for t in _notes(done).values() if f"\n# {escape_text(name.strip())}\n" in t]
        assert len(holding) == 1, name
    assert _check_links(done) >= len(names)
    _check_canvas(done)
