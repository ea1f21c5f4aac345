"""Tests for kg.links: obsidian:// and file links back to a note, for any name a note can have."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, unquote_to_bytes, urljoin, urlsplit

import pytest

from kg.view.links import file_url, find_vault, note_link, obsidian_url

NAMES = ["memo.md", "会議 メモ.md", "Trade 2024-11-11 #2.md", "100% 実現?.md", "javascript:alert(1).md",
         "a&b=c+d.md", "＃全角 ＆.md"]  # fmt: skip


def test_obsidian_urls_encode_spaces_japanese_and_hash():
    assert obsidian_url("My Vault", "clips/Trade 2024-11-11 #2.md") == (
        "obsidian://open?vault=My%20Vault&file=clips%2FTrade%202024-11-11%20%232.md"
    )
    assert obsidian_url("研究", "日本.md") == (
        "obsidian://open?vault=%E7%A0%94%E7%A9%B6&file=%E6%97%A5%E6%9C%AC.md"
    )


@pytest.mark.parametrize("name", NAMES)
def test_obsidian_urls_give_back_the_vault_and_path_exactly(name):
    url = obsidian_url("研究 ノート #1 & co", f"フォルダ/{name}")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == ("obsidian", "open", "", "")
    # parse_qs decodes "+" as a space, as a form would: the builder must never leave one
    assert parse_qs(parts.query) == {"vault": ["研究 ノート #1 & co"], "file": [f"フォルダ/{name}"]}


@pytest.mark.parametrize("name", NAMES)
def test_relative_file_links_lead_from_the_page_to_the_note(tmp_path, name):
    note = tmp_path / "notes" / "サブ フォルダ" / name
    note.parent.mkdir(parents=True)
    note.write_text("# x\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    href = file_url(note, out)
    assert href.startswith("../notes/") and ":" not in href and "#" not in href and "?" not in href
    target = urljoin((out / "graph.html").as_uri(), href)
    assert urlsplit(target).scheme == "file" and urlsplit(target).fragment == ""
    assert Path(unquote(urlsplit(target).path)) == note


def test_without_a_page_folder_the_file_link_is_absolute(tmp_path):
    note = tmp_path / "会議 #1.md"
    assert file_url(note) == note.as_uri()
    assert "%23" in file_url(note) and "%20" in file_url(note)


def test_notes_in_a_vault_link_into_obsidian_and_others_to_the_file(tmp_path):
    vault = tmp_path / "研究 ノート"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "国際" / "深い").mkdir(parents=True)
    inside = vault / "国際" / "深い" / "日本 #1.md"
    outside = tmp_path / "loose" / "memo.md"
    outside.parent.mkdir()
    for path in (inside, outside):
        path.write_text("本文\n", encoding="utf-8")
    assert find_vault(vault / "国際") == vault  # a subfolder of a vault is still in it
    assert find_vault(inside) == vault
    assert find_vault(outside) is None
    link = note_link(inside, tmp_path / "out")
    assert link.kind == "obsidian"
    assert link.href == obsidian_url("研究 ノート", "国際/深い/日本 #1.md")
    assert note_link(outside, tmp_path / "out").href == "../loose/memo.md"
    assert note_link(outside, tmp_path / "out").kind == "file"


def test_a_file_named_like_the_marker_is_not_a_vault(tmp_path):
    (tmp_path / ".obsidian").write_text("", encoding="utf-8")
    assert find_vault(tmp_path / "memo.md") is None


def test_the_dated_fixture_is_a_vault():
    root = Path(__file__).parent.parent / "data" / "dated_vault"
    link = note_link(root / "clippings" / "Trade 2024-11-11 #2.md")
    assert link.href == "obsidian://open?vault=dated_vault&file=clippings%2FTrade%202024-11-11%20%232.md"


def test_a_name_that_is_not_utf8_keeps_its_bytes(tmp_path):
    name = os.fsdecode("メモ".encode("cp932") + b".md")  # how Python holds a Shift_JIS name
    note = tmp_path / name
    note.write_bytes(b"x")
    assert file_url(note, tmp_path) == "%83%81%83%82.md"
    assert obsidian_url("v", name) == "obsidian://open?vault=v&file=%83%81%83%82.md"
    target = urlsplit(urljoin(tmp_path.as_uri() + "/", file_url(note, tmp_path))).path
    assert os.fsdecode(unquote_to_bytes(target)) == str(note)
