"""Tests for kg.notes: Markdown/Obsidian files -> Note records with block provenance."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.notes import NotesOptions, parse_note, read_note, read_vault
from kg.records import Block, Link

DATA = Path(__file__).resolve().parents[1] / "data" / "notes"
SAMPLE = Path(__file__).parents[2] / "data" / "whitepaper_r06_ict_international.md"


def blocks(text: str, **kwargs: bool) -> list[Block]:
    """Return the blocks parse_note makes of a note called test.md."""
    return list(parse_note(text, "test.md", **kwargs)[0].blocks)


def texts(text: str, **kwargs: bool) -> list[str]:
    """Return the block texts parse_note makes of a note called test.md."""
    return [b.text for b in blocks(text, **kwargs)]


# -- footnotes -----------------------------------------------------------------------------


def test_footnote_lands_in_each_citing_section() -> None:
    note, _ = read_note(DATA / "footnotes.md", "footnotes.md")
    by_kind = [(b.kind, b.heading_path, b.text) for b in note.blocks]
    notes = [b for b in note.blocks if b.footnote == "epa"]
    assert [b.heading_path for b in notes] == [("第1節",), ("第3節",)]
    assert [b.section for b in notes] == [1, 3]
    assert {b.kind for b in notes} == {"footnote"}
    assert notes[0].text == "Economic Partnership Agreement。解説を参照。"
    assert notes[0].line == notes[1].line == 8  # where the definition is written, in the file
    assert notes[0].paragraph == notes[1].paragraph  # copies of one source block
    assert notes[0].links == (Link(31, 33, "https://example.com/epa.pdf"),)
    assert ("heading", ("第2節",), "第2節") in by_kind
    assert not [b for b in note.blocks if b.footnote == "epa" and b.section == 2]


def test_footnote_citation_offsets() -> None:
    note, _ = read_note(DATA / "footnotes.md", "footnotes.md")
    first = note.blocks[1]
    assert first.text == "日本は経済連携協定を結んでいる。"
    assert first.citations == ((9, "epa"),)
    assert note.blocks[2].footnote == "epa"  # the copy follows the block that cites it


def test_uncited_footnote_is_not_shown() -> None:
    # Obsidian renders no footnote that nothing cites, so its text names nothing of the note
    note, warnings = read_note(DATA / "footnotes.md", "footnotes.md")
    assert not [b for b in note.blocks if b.footnote == "uncited"]
    assert any("[^uncited] is defined but never cited" in w for w in warnings)


def test_uncited_footnote_stays_where_written_when_a_citation_is_mistyped() -> None:
    # [^note] cites nothing the note defines: the uncited [^nota] is most likely what it meant
    note, _ = parse_note("# 第1節\n日本[^note]。\n\n# 第2節\n[^nota]: 欧州の注。\n", "test.md")
    (uncited,) = [b for b in note.blocks if b.footnote == "nota"]
    assert uncited.heading_path == ("第2節",) and uncited.text == "欧州の注。"


def test_undefined_footnote_reference_is_removed() -> None:
    note, warnings = parse_note("日本[^nope]と欧州[^1]。\n\n[^1]: 注。\n", "test.md")
    assert note.blocks[0].text == "日本と欧州。"
    assert note.blocks[0].citations == ((2, "nope"), (5, "1"))
    assert warnings == ["test.md:1: footnote [^nope] is cited but never defined"]


def test_inline_footnote() -> None:
    (body, note) = blocks("協定^[経済連携協定のこと]を結んだ。")
    assert body.text == "協定を結んだ。"
    assert note.kind == "footnote" and note.text == "経済連携協定のこと"
    assert body.citations == ((2, note.footnote),)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# 節\n\n ^[北浜の注]\n\n次の段落。\n", [("北浜の注", "footnote"), ("次の段落。", "paragraph")]),
        ("# 節\n\n[^1]\n\n[^1]: 南浦の注。\n", [("南浦の注。", "footnote")]),
        ("- ^[項目の注]\n- 次\n", [("項目の注", "footnote"), ("次", "list_item")]),
        ("## ^[ ^[入れ子の注]]\n", [("入れ子の注", "footnote")]),  # a footnote cited only inside another
    ],
    ids=["inline-alone", "reference-alone", "list-item", "nested"],
)
def test_a_citation_alone_keeps_its_footnote(text: str, shown: list[tuple[str, str]]) -> None:
    # a paragraph that shows nothing but a footnote's mark still cites it: the footnote is read there, not dropped
    # as uncited, and the empty paragraph itself is no block; paragraph numbers run on over the blocks shown
    note, warnings = parse_note(text, "test.md")
    assert [(b.text, b.kind) for b in note.blocks if b.kind != "heading"] == shown
    assert [b.paragraph for b in note.blocks] == list(range(len(note.blocks)))
    assert warnings == []


# -- links, wikilinks, embeds --------------------------------------------------------------


def test_markdown_links_show_only_their_text() -> None:
    text = (
        "[経済連携協定](https://example.com/news/epa.pdf)を参照。<https://example.com/a>"
        " https://example.com/b.pdf [外務省][mofa]\n\n[mofa]: https://www.mofa.go.jp/\n"
    )
    (block,) = blocks(text)
    assert block.text == "経済連携協定を参照。 外務省"
    assert block.links == (
        Link(0, 6, "https://example.com/news/epa.pdf"),
        Link(11, 14, "https://www.mofa.go.jp/"),
    )


def test_wikilinks_show_alias_target_or_anchor() -> None:
    text = "[[📑第1節　ICT産業の動向]]、[[日本#歴史|わが国]]、[[欧州連合#概要]]、[[#まとめ]]、[[国/米国.md]]"
    note, _ = parse_note(text, "test.md")
    (block,) = note.blocks
    assert block.text == "第1節　ICT産業の動向、わが国、欧州連合、まとめ、米国"
    assert [(link.target, block.text[link.start : link.end]) for link in block.links] == [
        ("📑第1節　ICT産業の動向", "第1節　ICT産業の動向"),
        ("日本", "わが国"),
        ("欧州連合", "欧州連合"),
        ("test", "まとめ"),
        ("国/米国", "米国"),
    ]
    assert all(link.wiki for link in block.links)
    assert note.links == ("📑第1節　ICT産業の動向", "日本", "欧州連合", "国/米国")


def test_wikilink_links_are_unique_in_order() -> None:
    note, _ = parse_note("[[B]] [[A]] [[B|b]] [[A#x]]", "test.md")
    assert note.links == ("B", "A")


def test_embeds_and_images_contribute_nothing() -> None:
    note, _ = parse_note("![[図1.png]]\n\n前![代替テキスト](図2.png)後 ![[メモ]]\n", "test.md")
    assert [b.text for b in note.blocks] == ["前後"]
    assert note.links == ()


def test_wikilink_alias_in_table_cell() -> None:
    (cell,) = blocks("|国|\n|-|\n|[[日本\\|わが国]]|\n")[1:]
    assert (cell.kind, cell.text, cell.links[0].target) == ("table_cell", "わが国", "日本")


# -- callouts, code, comments, math, tables ------------------------------------------------


CALLOUTS = "> [!note] 注意点\n> 本文です。\n\n>[!warning]-\n>折りたたみ。\n\n> 普通の引用。\n"


def test_callouts_are_kept_as_callout_blocks() -> None:
    found = [(b.kind, b.text, b.line) for b in blocks(CALLOUTS)]
    assert found == [
        ("callout", "注意点", 1),
        ("callout", "本文です。", 2),
        ("callout", "折りたたみ。", 5),
        ("paragraph", "普通の引用。", 7),
    ]


def test_callouts_can_be_dropped() -> None:
    assert texts(CALLOUTS, callouts=False) == ["普通の引用。"]


@pytest.mark.parametrize(
    "text",
    [
        "本文。\n\n```python\nsecret = 1\n```\n",
        "本文。\n\n    secret = 1\n",
        "本文`secret`。",
        "本文<!-- secret -->。",
        "本文。\n\n<!--\nsecret\n-->\n",
        "本文%%secret%%。",
        "本文。\n\n%%\nsecret\n\n# secret\n%%\n",
        "本文$secret$。",
        "本文。\n\n$$\nsecret\n$$\n",
        "<div>secret</div>\n\n本文。",
    ],
    ids=[
        "fenced",
        "indented",
        "inline-code",
        "inline-comment",
        "html-comment-block",
        "obsidian-comment",
        "obsidian-comment-block",
        "math",
        "math-block",
        "html-block",
    ],
)
def test_hidden_content_is_not_text(text: str) -> None:
    assert texts(text) == ["本文。"]


def test_comment_block_keeps_following_lines() -> None:
    found = [(b.text, b.line) for b in blocks("%%\n隠す\n%%\n見える。\n")]
    assert found == [("見える。", 4)]


def test_dollar_prices_stay_text() -> None:
    assert texts("価格は $100 から $200 まで。") == ["価格は $100 から $200 まで。"]


def test_table_cells() -> None:
    found = [(b.kind, b.text, b.line) for b in blocks("前文。\n\n|国|首都|\n|-|-|\n|日本|東京|\n||空|\n")]
    assert found == [
        ("paragraph", "前文。", 1),
        ("table_cell", "国", 3),
        ("table_cell", "首都", 3),
        ("table_cell", "日本", 5),
        ("table_cell", "東京", 5),
        ("table_cell", "空", 6),
    ]


def test_list_items_and_emphasis() -> None:
    found = [(b.kind, b.text) for b in blocks("- **日本**と*米国*\n- ~~英国~~\n  1. 独逸\n")]
    assert found == [("list_item", "日本と米国"), ("list_item", "英国"), ("list_item", "独逸")]


def test_soft_breaks_part_the_words_of_two_lines() -> None:
    # Obsidian shows each source line on a line of its own, so two lines' words never run together
    text = "**北米**：ボストン、カナダ\n**南米**：リマ、ペルー。\n協定を結んだ\nEU and\nJapan\n"
    assert texts(text) == ["北米：ボストン、カナダ 南米：リマ、ペルー。協定を結んだ EU and Japan"]


# -- headings, sections, lines -------------------------------------------------------------


def test_headings_without_body_are_sections() -> None:
    found = [
        (b.kind, b.text, b.heading_path, b.heading_levels, b.section)
        for b in blocks("前文。\n# 第Ⅰ部\n## 第1章\n### 第1節\n## 第2章\n本文。\n#### 深い\n")
    ]
    assert found == [
        ("paragraph", "前文。", (), (), 0),
        ("heading", "第Ⅰ部", ("第Ⅰ部",), (1,), 1),
        ("heading", "第1章", ("第Ⅰ部", "第1章"), (1, 2), 2),
        ("heading", "第1節", ("第Ⅰ部", "第1章", "第1節"), (1, 2, 3), 3),
        ("heading", "第2章", ("第Ⅰ部", "第2章"), (1, 2), 4),
        ("paragraph", "本文。", ("第Ⅰ部", "第2章"), (1, 2), 4),
        ("heading", "深い", ("第Ⅰ部", "第2章", "深い"), (1, 2, 4), 5),
    ]


def test_paragraph_numbers_run_through_the_note() -> None:
    assert [b.paragraph for b in blocks("# 見出し\n段落一。\n\n- 項目\n\n段落二。\n")] == [0, 1, 2, 3]


def test_line_numbers_count_front_matter() -> None:
    text = "---\ntitle: 例\n---\n# 見出し\n\n本文は\n二行。\n\n- 項目\n"
    lines = text.split("\n")
    for block in blocks(text):
        assert block.text[:2] in lines[block.line - 1]
    assert [b.line for b in blocks(text)] == [4, 6, 9]


# -- metadata lines (issue 23) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("政府は区域を指定した。\nSource: Reuters\nSource Region: Other\n続きの文。",
         [("政府は区域を指定した。", 1), ("Reuters", 2), ("Other", 3), ("続きの文。", 4)]),
        ("- 出典：日本経済新聞\n- カテゴリ: 経済\n- 掲載日: 2025-03-02",
         [("日本経済新聞", 1), ("経済", 2), ("2025-03-02", 3)]),
        ("**Source:** NHK\n**媒体**: 時事通信\n**出典：読売新聞**", [("NHK", 1), ("時事通信", 2), ("読売新聞", 3)]),
        ("Category:: Economy\n[地域:: アジア]\n[国:: インドネシア] (重要度:: 中)",
         [("Economy", 1), ("アジア", 2), ("インドネシア 中", 3)]),
        ("> [!info] 記事情報\n> Source: 毎日新聞\n> Source Region: Other",
         [("記事情報", 1), ("毎日新聞", 2), ("Other", 3)]),
        ("| 出典：日経 | 東京 |\n|-|-|\n| a | b |", [("日経", 1), ("東京", 1), ("a", 3), ("b", 3)]),
        # a comment over two lines before the metadata line: its line is still the one it is written on
        ("本文%%メモ\n続き%%です。\nSource: 共同通信", [("本文です。", 1), ("共同通信", 3)]),
    ],
    ids=["paragraph", "list", "emphasised", "dataview", "callout", "table", "line-after-comment"],
)
def test_metadata_lines_give_their_value_on_their_own_line(text: str, found: list[tuple[str, int]]) -> None:
    assert [(b.text, b.line) for b in blocks(text)] == found


def test_an_inline_field_in_a_sentence_leaves_the_sentence_whole() -> None:
    (block,) = blocks("ADBは[金額:: 3億ドル]の融資を承認した。(国:: [[ベトナム]])")
    assert block.text == "ADBは3億ドルの融資を承認した。ベトナム"
    assert block.links == (Link(17, 21, "ベトナム", wiki=True),)


def test_a_metadata_value_keeps_its_links() -> None:
    (source, country) = blocks("出典：[日本経済新聞](https://www.nikkei.com/article/X)\n[国:: [[日本|わが国]]]\n")
    assert (source.text, source.links) == ("日本経済新聞", (Link(0, 6, "https://www.nikkei.com/article/X"),))
    assert (country.text, country.links) == ("わが国", (Link(0, 3, "日本", wiki=True),))


@pytest.mark.parametrize(
    "text",
    [
        "注：この数値は速報値で、確定値は6月に公表される。",
        "例: 日本とEUは2019年に経済連携協定を発効させた。",
        "韓国：教育部が導入の縮小を発表し、対象科目も減らした。",
        "カタール：カタールエナジーとの長期契約の更新交渉",
        "2024年3月：米国が規制を導入",
        "10:30 記者会見",
        "Title: 政府、洋上風力の区域を追加",
        "Source:Reuters",
    ],
    ids=["remark", "example", "label-sentence", "label-phrase", "date-label", "time", "prose-value", "no-space"],
)
def test_a_line_with_a_colon_that_is_no_metadata_stays_whole(text: str) -> None:
    assert texts(text) == [text]


def test_a_heading_keeps_the_key_of_a_line() -> None:
    assert texts("## 日本：新たな経済対策\n## Source: Reuters\n") == ["日本：新たな経済対策", "Source: Reuters"]


def test_a_link_whose_text_looks_like_a_field_stays_a_link() -> None:
    (block,) = blocks("[a:: b](https://example.org/)と[見出し [k:: v]](https://example.com/)")
    assert block.text == "a:: bと見出し v"
    assert [link.target for link in block.links] == ["https://example.org/", "https://example.com/"]


def test_the_digest_vault_shows_values_and_whole_lines_but_no_keys() -> None:
    import json

    digest = Path(__file__).resolve().parent.parent / "data" / "digest_vault"
    expected = json.loads((digest / "expected.json").read_text(encoding="utf-8"))
    shown = [b.text for note in read_vault([digest]).notes for b in note.blocks]
    assert set(expected["whole"]) <= set(shown)
    keyed = [key + colon for key in expected["absent"] for colon in (":", "：")]
    assert [text for text in set(shown) - set(expected["whole"]) if any(key in text for key in keyed)] == []
    for value in ("日本経済新聞", "Reuters", "Other", "Economy", "アジア", "インドネシア 中", "2025-03-03"):
        assert value in shown


# -- front matter and decoding -------------------------------------------------------------


def test_front_matter_metadata() -> None:
    text = (
        "---\ntitle: 国際戦略\ntags:\n  - '#外交'\n  - 📑\naliases: ICT国際戦略, 国際展開\n"
        "created: 2024-09-08\nupdated: 2024-12-05 10:30:00\n---\n本文。\n"
    )
    note, warnings = parse_note(text, "sub/memo.md")
    assert (note.path, note.title) == ("sub/memo.md", "国際戦略")
    assert note.tags == ("外交", "📑")
    assert note.aliases == ("ICT国際戦略", "国際展開")
    assert note.dates == (("created", "2024-09-08"), ("updated", "2024-12-05T10:30:00"))
    assert warnings == []


def test_toml_front_matter_is_metadata_not_text() -> None:
    # a post kept from a Hugo or Zola site: +++ fences, key = value lines, a quoted datetime
    text = (
        "+++\ndate = '2025-03-21T09:00:00'\ndraft = false\ntitle = '北浜市が新たな条例を公布'\n"
        'tags = ["政治", "地方自治"]\naliases = ["北浜条例"]\n[params]\nimage = "a.png"\n+++\n\n本文。\n'
    )
    note, warnings = parse_note(text, "posts/a.md")
    assert (note.title, note.tags, note.aliases) == ("北浜市が新たな条例を公布", ("政治", "地方自治"), ("北浜条例",))
    assert (note.date, note.dates) == (date(2025, 3, 21), (("date", "2025-03-21T09:00:00"),))
    assert [(b.text, b.line) for b in note.blocks] == [("本文。", 11)]
    assert warnings == []


def test_toml_front_matter_takes_toml_dates() -> None:
    note, _ = parse_note("+++\ndate = 2024-06-01\nupdated = 2024-06-02T10:30:00\n+++\n本文。\n", "a.md")
    assert (note.date, note.dates) == (date(2024, 6, 1), (("date", "2024-06-01"), ("updated", "2024-06-02T10:30:00")))


def test_malformed_toml_warns_and_keeps_body() -> None:
    note, warnings = parse_note("+++\ntitle = '閉じない\n+++\n本文。\n", "test.md")
    assert note.title == "test"
    assert [(b.text, b.line) for b in note.blocks] == [("本文。", 4)]
    assert len(warnings) == 1 and "malformed TOML" in warnings[0]


def test_a_fence_closes_only_its_own_kind() -> None:
    # +++ opened, --- is a line inside it, never its end: unclosed, so the lines are text as Obsidian shows them
    assert texts("+++\ntitle = 'x'\n---\n本文。\n") == ["+++ title = 'x'", "本文。"]


def test_title_falls_back_to_file_stem() -> None:
    note, _ = parse_note("---\ntitle:\ntags: '#a b'\naliases:\n---\n# 見出し\n", "sub/メモ.md")
    assert (note.title, note.tags, note.aliases) == ("メモ", ("a", "b"), ())


def test_malformed_yaml_warns_and_keeps_body() -> None:
    note, warnings = parse_note("---\ntitle: [unclosed\n---\n本文。\n", "test.md")
    assert note.title == "test"
    assert [(b.text, b.line) for b in note.blocks] == [("本文。", 4)]
    assert len(warnings) == 1 and "malformed YAML" in warnings[0]


def test_unclosed_front_matter_is_text() -> None:
    # read as text, its lines are metadata lines like any other: the value is text, the key not
    assert texts("---\ntitle: 例\n\n本文。\n") == ["例", "本文。"]


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\r\ntitle: 例\r\n---\r\n# 見出し\r\n本文は\r\n続く。\r\n".encode())
    note, warnings = read_note(path, "bom.md")
    assert note.title == "例" and warnings == []
    assert [(b.text, b.line) for b in note.blocks] == [("見出し", 4), ("本文は 続く。", 5)]


def test_shift_jis_file() -> None:
    note, _ = read_note(DATA / "sjis.md", "sjis.md")
    assert (note.title, note.tags) == ("外務省", ("外交",))
    assert note.blocks[1].text == "日本の外務省は東京都千代田区霞が関にある。"


# -- vaults --------------------------------------------------------------------------------


def test_vault_skips_hidden_binary_and_other_files() -> None:
    vault = read_vault([DATA / "vault"])
    assert [n.path for n in vault.notes] == ["日本.md", "章/欧州連合.md"]
    assert [(s.path, s.reason) for s in vault.skipped] == [
        ("図.md", "binary file (contains NUL bytes)")
    ]
    assert vault.notes[1].links == ("日本",)


def test_single_files_use_their_names() -> None:
    vault = read_vault([str(DATA / "footnotes.md"), DATA / "vault" / "memo.txt"])
    assert [n.path for n in vault.notes] == ["footnotes.md"]
    assert [s.path for s in vault.skipped] == ["memo.txt"]


def test_symlink_loop_is_survived(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "メモ.md").write_text("本文。", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    vault = read_vault([tmp_path])
    assert [n.path for n in vault.notes] == ["a/メモ.md"]


def test_missing_path_raises() -> None:
    with pytest.raises(FileNotFoundError, match="no such file or folder: .*nowhere"):
        read_vault([DATA / "nowhere"])


# -- the sample note -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> tuple:
    return read_note(SAMPLE, SAMPLE.name)


@pytest.mark.parametrize(
    "leak", ["news", "pdf", "^wto", "📑", "DGXZQOUC057PW0V01", "http", "[^", "![["]
)
def test_sample_text_has_no_markup_or_urls(sample: tuple, leak: str) -> None:
    note, _ = sample
    assert not [b.text for b in note.blocks if leak in b.text]


def test_sample_metadata_and_footnotes(sample: tuple) -> None:
    note, warnings = sample
    assert note.title == SAMPLE.stem
    assert note.tags == ("📑",) and note.aliases == ()
    assert note.dates == (("created", "2024-09-08"), ("modified", "2024-12-05"))
    assert "📑第1節　ICT産業の動向" in note.links
    mist = [b for b in note.blocks if b.footnote == "mist"]
    assert [(b.line, b.heading_path[-1]) for b in mist] == [(104, "ア 基幹通信インフラ")]
    undefined = {"jeu-epa", "dejure"}
    assert {label for b in note.blocks for _, label in b.citations} >= undefined
    assert sum("cited but never defined" in w for w in warnings) == 2
    (fta,) = [b for b in note.blocks if b.footnote == "fta"]
    assert fta.heading_path[-1] == "（3）\u3000ICT分野における貿易自由化の推進"
    assert len([b for b in note.blocks if b.kind == "callout"]) == 3


# -- properties ----------------------------------------------------------------------------

MARKDOWN_BITS = st.sampled_from(
    ["---\n", "# ", "## ", "> ", ">[!note] ", "- ", "1. ", "|a|b|\n|-|-|\n", "```\n", "    ",
     "[^1]", "[^1]: ", "^[", "[[", "]]", "![[", "%%", "$", "$$", "<!--", "-->", "\n", "\n\n",
     "\r\n", "\ufeff", "日本", "text", "[a](http://x)", "**", "title: [", "<br>", "\t",
     "Source: ", "出典：", "::", "[k:: ", "(k:: ", ")", "]"]
)
NOTE_TEXT = st.one_of(st.text(), st.lists(MARKDOWN_BITS | st.text(max_size=5)).map("".join))


@settings(max_examples=300, deadline=None)
@given(NOTE_TEXT)
def test_parse_note_never_raises_and_lines_are_in_range(text: str) -> None:
    note, _ = parse_note(text, "prop.md")
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in note.blocks:
        assert 1 <= block.line <= normalised.count("\n") + 1
        assert block.text and block.text == block.text.strip()
        assert all(0 <= link.start < link.end <= len(block.text) for link in block.links)


def test_each_note_of_the_dated_vault_gets_its_date_and_file() -> None:
    import json

    data = Path(__file__).resolve().parent.parent / "data"
    expected = json.loads((data / "dated_vault.expected.json").read_text(encoding="utf-8"))
    vault = read_vault([data / "dated_vault"])
    found = {note.path: note.date.isoformat() if note.date else None for note in vault.notes}
    assert found == expected["note_dates"]
    for note in vault.notes:
        assert Path(note.file).is_absolute() and Path(note.file).is_file()
        assert {block.date for block in note.blocks} == {note.date}  # every block, so every mention
    created = read_vault([data / "dated_vault"], NotesOptions(date_field="created"))
    assert {n.path: n.date.isoformat() if n.date else None for n in created.notes} == expected["note_dates_created"]
    assert sum("is not a date" in w for w in vault.warnings) == 2


def test_a_date_yaml_cannot_build_costs_only_that_date() -> None:
    note, warnings = parse_note("---\ntitle: 会議\ntags: [外交]\ndate: 2025-02-30\n---\n本文。\n", "2025-10-10 会議.md")
    assert (note.title, note.tags) == ("会議", ("外交",))
    assert note.date == date(2025, 10, 10)  # from the file name
    assert warnings == ["2025-10-10 会議.md: front-matter date '2025-02-30' is not a date; ignored"]
    assert parse_note("本文。\n", "memo.md")[0].file == ""


@pytest.mark.parametrize(
    "shown", ["news.google.com/…", "jp.reuters.com/…", "www.nikkei.com/…", "https://example.org/a", "news.google.com"]
)
def test_link_text_that_is_a_url_or_a_domain_is_not_text(shown: str) -> None:
    note, _ = parse_note(f"記事の出典は[{shown}](https://news.google.com/rss/articles/CBMiWk?oc=5)。\n", "test.md")
    assert [b.text for b in note.blocks] == ["記事の出典は。"]


@pytest.mark.parametrize("shown", ["Node.js", "総務省", "JICT"])
def test_link_text_that_names_something_stays_text(shown: str) -> None:
    note, _ = parse_note(f"詳しくは[{shown}](https://example.org/)を見る。\n", "test.md")
    assert [b.text for b in note.blocks] == [f"詳しくは{shown}を見る。"]
    assert [(link.start, link.end) for link in note.blocks[0].links] == [(4, 4 + len(shown))]


def test_a_bold_run_is_kept_as_a_span_of_the_text_and_italics_are_not():
    block = blocks("- 年末には**宇宙基本計画工程表**が改訂され、*図は自作*、続くのは **[[宇宙戦略基金]]**\n")[0]
    assert [block.text[a:b] for a, b in block.emphasis] == ["宇宙基本計画工程表", "宇宙戦略基金"]
