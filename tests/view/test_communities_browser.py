"""The communities list and a community's report in Debian's Chromium, on the page kg build wrote."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from click.testing import CliRunner
from test_view import Page

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
TWO_TOPICS = ROOT / "tests" / "data" / "two_topics_vault"

pytestmark = [pytest.mark.browser, pytest.mark.ginza]


@pytest.fixture(scope="module")
def communities_page(nlp, browser, tmp_path_factory):
    """Return the page of the fisheries and space notes (outside any vault), its out folder and its reports."""
    root = tmp_path_factory.mktemp("communities")
    notes = root / "notes"
    shutil.copytree(TWO_TOPICS, notes)
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(notes), "-o", str(out), "--quiet", "--community-min-size", "3"])
    assert result.exit_code == 0, result.output
    reports = json.loads((out / "communities.json").read_text(encoding="utf-8"))["reports"]
    page = Page(browser, out / "graph.html")
    yield page, out, reports
    page.close()


def open_report(page: Page, community: int) -> None:
    page.page.click(f".kg-community-item[data-community='{community}']")
    page.page.wait_for_selector("#kg-community:not([hidden])")
    page.page.wait_for_timeout(400)  # the view frames the community


def test_the_list_shows_every_report_with_its_size_and_words(communities_page):
    page, _, reports = communities_page
    items = page.js("""[...document.querySelectorAll('.kg-community-item')].map(b => [
        b.dataset.community, b.querySelector('.kg-community-title').textContent,
        b.querySelector('.kg-community-size').textContent, b.querySelector('.kg-community-words').textContent])""")
    assert [int(i[0]) for i in items] == [r["id"] for r in reports]
    for (_, title, size, words), report in zip(items, reports, strict=True):
        assert title == f"{report['id']}. {report['title']}" and int(size) == report["size"]
        assert words == " · ".join(w["word"] for w in report["words"][:5])


def test_a_click_opens_the_report_and_highlights_the_members(communities_page):
    page, _, reports = communities_page
    report = next(r for r in reports if r["sentences"])
    open_report(page, report["id"])
    assert page.js("document.querySelector('#kg-community .kg-side-title').textContent") == report["title"]
    words = page.js("[...document.querySelectorAll('#kg-community .kg-community-word')].map(w => w.textContent)")
    assert words == [w["word"] for w in report["words"]]
    sentences = page.js("[...document.querySelectorAll('#kg-community a.kg-mention-text')].map(a => a.textContent)")
    assert sentences[: len(report["sentences"])] == [q["sentence"] for q in report["sentences"]]
    members = {m["id"] for m in report["members"]}
    colours = page.js("""() => kg.DATA.nodes.map((n, i) => [kg.DATA.info.nodes[i].id,
        network.body.data.nodes.get(n.id).color.background === '#EEEEEE'])""")
    assert all(dim != (node in members) for node, dim in colours)
    pressed = page.js("document.querySelector('#kg-community-items [aria-pressed=true]').dataset.community")
    assert pressed == str(report["id"])
    if os.environ.get("KG_UPDATE_SCREENSHOT"):
        page.page.mouse.move(5, 5)
        page.page.screenshot(path=str(ROOT / "docs" / "communities-panel.png"))
    page.assert_clean()


def test_the_reports_sentences_open_their_notes(communities_page):
    page, out, reports = communities_page
    report = next(r for r in reports if r["sentences"])
    open_report(page, report["id"])
    hrefs = page.js("[...document.querySelectorAll('#kg-community a.kg-mention-text')].map(a => a.href)")
    assert hrefs
    for href in hrefs:
        assert Path(unquote(urlsplit(href).path)).is_file(), href
    first = report["sentences"][0]
    expected = urljoin((out / "graph.html").as_uri(), first["href"])
    with page.page.context.expect_page() as opened:
        page.page.click("#kg-community a.kg-mention-text >> nth=0")
    note = opened.value
    note.wait_for_load_state()
    assert note.url == expected and Path(unquote(urlsplit(note.url).path)).name == first["note"].split("/")[-1]
    # the note as written: its sentence, though a [[link|alias]] in it reads as the alias in the report
    assert first["sentence"][-20:] in note.inner_text("body")
    note.close()


def test_a_click_in_the_graph_or_escape_puts_the_report_away(communities_page):
    page, _, reports = communities_page
    open_report(page, reports[0]["id"])
    page.page.keyboard.press("Escape")
    page.page.wait_for_selector("#kg-community", state="hidden")
    assert page.js("network.body.data.nodes.get().every(n => n.color.background !== '#EEEEEE')")
    open_report(page, reports[0]["id"])
    box = page.page.locator("#kg-network").bounding_box()
    page.page.mouse.click(box["x"] + 5, box["y"] + 5)  # the background, left of the report
    page.page.wait_for_selector("#kg-community", state="hidden")
    page.assert_clean()
