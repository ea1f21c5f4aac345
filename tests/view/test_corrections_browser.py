"""Corrections made in the page, in Debian's Chromium: merge, not an entity, rename, change type, not
this entity, undo, Save, and a rebuild with the saved file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_view import PAYLOADS, Page

from kg.cli import main
from kg.resolve.corrections import read_corrections

SAMPLE = Path(__file__).resolve().parent.parent.parent / "data" / "whitepaper_r06_ict_international.md"
HOSTILE = PAYLOADS["img"] + "総務省\\'"  # a backslash and a quote, which TOML must escape

pytestmark = [pytest.mark.browser, pytest.mark.ginza]


def build(out: Path, *args: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet", "--no-relations", *args])
    assert result.exit_code == 0, result.output
    return out


def nodes(out: Path) -> dict[str, dict]:
    return {n["id"]: n for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]}


@pytest.fixture(scope="module")
def sample_page(nlp, browser, tmp_path_factory):
    """Return the sample's page and the folder of its build."""
    root = tmp_path_factory.mktemp("corrections")
    page = Page(browser, build(root / "out") / "graph.html")
    yield page, root
    page.close()


def pick(page: Page, name: str, add: bool = False) -> None:
    """Click a node, with Ctrl held to add it to the selection."""
    page.page.keyboard.press("Escape")
    page.js("network.fit()")
    if add:
        page.page.keyboard.down("Control")
    page.page.mouse.click(*page.node_point(name))
    if add:
        page.page.keyboard.up("Control")
    page.page.wait_for_timeout(300)


def pending(page: Page) -> list[str]:
    return page.js("[...document.querySelectorAll('#kg-fix-list .kg-fix-what')].map(e => e.textContent)")


def hidden(page: Page, name: str) -> bool:
    return page.js("(id) => network.body.data.nodes.get(id).hidden === true", page.vid(name))


def save(page: Page, path: Path) -> Path:
    with page.page.expect_download() as download:
        page.page.click("#kg-fix-save")
    assert download.value.suggested_filename == "kg-corrections.toml"
    download.value.save_as(path)
    return path


def test_corrections_made_in_the_page_last_through_the_saved_file(sample_page):
    page, root = sample_page
    pick(page, "G7")
    pick(page, "G20", add=True)
    page.page.click("#kg-fix-actions button")
    page.page.select_option("#kg-fix-merge-pick", "G7")
    page.page.click("#kg-fix-merge-ok")
    assert hidden(page, "G20") and not hidden(page, "G7")

    pick(page, "東南アジア")
    page.page.click("#kg-fix-actions >> text=エンティティではない")
    assert hidden(page, "東南アジア")

    pick(page, "総務省")
    page.page.click("#kg-fix-actions >> text=名前を変更…")
    page.page.fill("#kg-fix-rename-input", HOSTILE)
    page.page.press("#kg-fix-rename-input", "Enter")
    assert page.js("(id) => kg.nodeInfo.get(id).label", page.vid("総務省")) == HOSTILE
    assert page.js("(id) => kg.nodes.get(id).title.querySelector('.kg-tip-title').textContent", page.vid("総務省")) == HOSTILE
    page.js("network.fit()")
    page.page.wait_for_timeout(300)
    assert HOSTILE in page.js("kg.labels.drawn.map(d => d.text)")  # drawn on the canvas, as text

    colour = "(id) => network.body.data.nodes.get(id).color.background"
    was = page.js(colour, page.vid("総務省"))
    page.page.click("#kg-fix-actions >> text=種類を変更…")
    page.page.select_option("#kg-fix-type-pick", "Plan")
    page.page.click("#kg-fix-type-ok")
    plan = page.js("[...kg.nodeInfo.values()].find(i => i.type === 'Plan' && i.id !== '総務省').colors.type.background")
    assert page.js(colour, page.vid("総務省")) == plan != was

    page.page.click("#kg-side .kg-fix-mention >> nth=0")
    assert page.js("document.querySelectorAll('#kg-side .kg-fix-struck').length") == 1
    assert len(pending(page)) == 5

    # undo: the type and the struck mention go back; so does the merge, which is then made again
    undo = page.page.locator("#kg-fix-list .kg-fix-undo")
    undo.nth(4).click()
    undo.nth(3).click()
    assert page.js("document.querySelectorAll('#kg-side .kg-fix-struck').length") == 0
    assert page.js(colour, page.vid("総務省")) == was
    undo.nth(0).click()
    assert not hidden(page, "G20")
    assert pending(page) == ["エンティティではない: 東南アジア", f"名前を変更: 総務省 → {HOSTILE}"]
    pick(page, "G7")
    pick(page, "G20", add=True)
    page.page.click("#kg-fix-actions button")
    page.page.click("#kg-fix-merge-ok")
    assert hidden(page, "G20")

    # every typed name stayed text
    assert page.js("document.querySelectorAll('img').length") == 0
    assert HOSTILE in page.js("document.getElementById('kg-fix').textContent")
    assert page.dialogs == [] and page.errors == []

    saved = save(page, root / "kg-corrections.toml")
    fixes = read_corrections(saved)
    assert [m.names for m in fixes.merges] == [("G7", "G20")]
    assert [r.label for r in fixes.renames] == [HOSTILE]

    out = build(root / "again", "--corrections", str(saved))
    again = nodes(out)
    assert "G20" not in again and "G20" in again["G7"]["aliases"]
    assert "東南アジア" not in again
    assert again["総務省"]["label"] == HOSTILE
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["corrections_unmatched"] == [] and len(report["corrections"]) == 3


def test_the_page_of_a_corrected_build_saves_its_corrections_again(sample_page, browser):
    _, root = sample_page
    first = root / "first.toml"
    first.write_text('[[not_entity]]\nname = "東南アジア"\n\n[[not_mention]]\nname = "総務省"\n'
                     'note = "whitepaper_r06_ict_international.md"\nsentence = "総務省における海外展開支援ツール"\n'
                     '\n[[not_entity]]\nname = "北陸"\n'
                     f'\n[[rename]]\nname = "ITU"\nlabel = {json.dumps(PAYLOADS["close"])}\n',
                     encoding="utf-8")
    out = build(root / "corrected", "--corrections", str(first))
    page = Page(browser, out / "graph.html")
    try:
        page.page.click("#kg-fix-read summary")
        read = "[...document.querySelectorAll('#kg-fix-read .kg-fix-item')].map(e => e.textContent)"
        assert page.js(read) == ["この実体ではない: 総務省"
                                 "（whitepaper_r06_ict_international.md: 「総務省における海外展開支援ツール」）削除",
                                 "エンティティではない: 東南アジア削除", "エンティティではない: 北陸（一致なし）削除",
                                 f"名前を変更: ITU → {PAYLOADS['close']}削除"]
        page.page.click("#kg-fix-read .kg-fix-undo >> nth=2")  # the one that matched nothing goes
        pick(page, "中南米")
        page.page.click("#kg-fix-actions >> text=エンティティではない")
        fixes = read_corrections(save(page, root / "second.toml"))
        assert page.dialogs == [] and page.errors == [] and page.js("document.querySelectorAll('img').length") == 0
    finally:
        page.close()
    assert [f.name for f in fixes.not_entities] == ["東南アジア", "中南米"]
    assert [(f.name, f.sentence) for f in fixes.not_mentions] == [("総務省", "総務省における海外展開支援ツール")]
    assert [(f.name, f.label) for f in fixes.renames] == [("ITU", PAYLOADS["close"])]
