import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.records import ENTITY_TYPES


def _load_benchmark():
    """Return benchmarks/quality.py as a module: a benchmark of the checkout, not part of the package."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "quality.py"
    spec = importlib.util.spec_from_file_location("kg_quality_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


_quality = _load_benchmark()
DEFAULT_GOLD, DEFAULT_PATHS, RECALL_TYPES = _quality.DEFAULT_GOLD, _quality.DEFAULT_PATHS, _quality.RECALL_TYPES
GoldRow, format_report, main, normalise = _quality.GoldRow, _quality.format_report, _quality.main, _quality.normalise
read_gold, score = _quality.read_gold, _quality.score

GOLD = [
    GoldRow("日本", "Country", True, ("日本", "我が国", "日")),
    GoldRow("アメリカ", "Country", True, ("アメリカ", "米国")),
    GoldRow("総務省", "Organization", True, ("総務省",)),
    GoldRow("DFFT", "Agreement", True, ("DFFT", "信頼性のある自由なデータ流通")),
    GoldRow("東南アジア", "Region", False, ("東南アジア",)),
    GoldRow("ASEAN", "Organization", True, ("ASEAN",), also=("ASEAN地域",)),
]


def _graph(*entities: tuple[str, str, str]) -> nx.Graph:
    """Return a graph of entity nodes (label, type, aliases) plus one non-entity node."""
    graph = nx.Graph()
    for i, (label, kind, aliases) in enumerate(entities):
        graph.add_node(f"e{i}", kind="entity", label=label, type=kind, aliases=aliases)
    graph.add_node("s0", kind="section", label="総務省")
    return graph


@pytest.fixture
def report():
    graph = _graph(
        ("日本", "Country", "日本|我が国"),
        ("我が国", "Organization", "我が国"),
        ("米国", "Country", "米国"),
        ("日米", "Country", "日米|日本|アメリカ"),
        ("Ｄ Ｆ Ｆ Ｔ", "Agreement", ""),
        ("ASEAN地域", "Region", "ASEAN地域"),
        ("EPA", "Agreement", "EPA|経済連携協定"),
        ("東南アジア", "Region", "東南アジア"),
    )
    return score(graph, GOLD)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("日EU・EPA", "日ＥＵ ＥＰＡ"),
        ("「未来のインターネットに関する宣言」", "未来のインターネットに関する宣言"),
        ("ASEAN デジタルマスタープラン 2025", "asean\u3000デジタルマスタープラン2025"),
        ("アジア･太平洋", "アジア・太平洋"),
        ("World Trade Organization", "world trade organization"),
    ],
)
def test_normalise_ignores_width_case_spaces_dots_and_quotes(a, b):
    assert normalise(a) == normalise(b)


def test_normalise_keeps_hyphens_apart():
    assert normalise("ITU-R") != normalise("ITU")


def test_recall_counts_required_rows_matched_by_entity_nodes(report):
    # 日本, アメリカ, DFFT found; 総務省 only as a section node, ASEAN only through `also`.
    assert (report.found, report.required) == (3, 5)
    assert report.recall == pytest.approx(0.6)
    assert report.recall_by_type() == {"Country": 1.0, "Organization": 0.0, "Agreement": 1.0}
    assert [row.label for row in report.missed] == ["総務省", "ASEAN"]


def test_precision_accepts_also_forms_and_rejects_unknown_nodes(report):
    assert (report.correct_nodes, report.nodes) == (7, 8)
    assert report.precision == pytest.approx(7 / 8)
    assert [n.label for n in report.false_positives] == ["EPA"]
    assert report.false_positives[0].aliases == ("EPA", "経済連携協定")


def test_splits_list_every_node_of_a_gold_row(report):
    assert report.splits == (
        ("日本", ("日本", "我が国", "日米")),
        ("アメリカ", ("米国", "日米")),
    )


def test_merges_list_nodes_matching_several_rows(report):
    assert report.merges == (("日米", ("日本", "アメリカ")),)


def test_type_accuracy_over_matched_nodes(report):
    # Matched: 日本, 我が国, 米国, 日米, DFFT, 東南アジア; 我が国 is typed Organization.
    assert (report.typed_correct, report.typed) == (5, 6)
    assert report.type_errors == (("我が国", "Organization", "Country"),)


def test_empty_graph_has_zero_recall_and_undefined_precision():
    report = score(nx.Graph(), GOLD)
    assert report.recall == 0.0
    assert report.precision is None
    assert report.type_accuracy is None


def test_to_dict_is_json_ready(report):
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["recall"] == pytest.approx(0.6)
    assert data["counts"]["by_type"]["Organization"] == {"found": 0, "required": 2}
    assert data["merges"] == [{"node": "日米", "gold": ["日本", "アメリカ"]}]
    assert data["missed"][0] == {"label": "総務省", "type": "Organization"}


def test_format_report_shows_figures_then_findings(report):
    text = format_report(report)
    assert text.startswith("recall         0.600  (3/5 required rows)")
    assert "precision      0.875  (7/8 entity nodes)" in text
    assert "  Organization 0.000  (0/2)" in text
    assert "false-positive nodes (label, type, aliases): 1\n  EPA\tAgreement\tEPA|経済連携協定" in text
    assert "  日米 -> 日本, アメリカ" in text
    assert "  我が国: Organization, gold Country" in text


def test_read_gold_parses_rows_and_skips_comments(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text(
        "# comment\nlabel\ttype\trequired\taliases\n\n"
        "日本\tCountry\tyes\t日本|我が国\n東南アジア\tRegion\tno\n",
        encoding="utf-8",
    )
    assert read_gold(path) == [
        GoldRow("日本", "Country", True, ("日本", "我が国")),
        GoldRow("東南アジア", "Region", False),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("日本\tCountry\tyes\n", "header"),
        ("label\ttype\trequired\taliases\talso\n日本\tNation\tyes\t\t\n", "type 'Nation'"),
        ("label\ttype\trequired\taliases\talso\n日本\tCountry\tmaybe\t\t\n", "required"),
        ("label\ttype\trequired\taliases\n日本\n", "cells"),
        ("# nothing\n", "no header"),
    ],
)
def test_read_gold_rejects_bad_files(tmp_path, body, message):
    path = tmp_path / "gold.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_gold(path)


def test_cli_builds_the_default_paths_and_prints_json(monkeypatch, capsys, tmp_path):
    built = []

    def fake_build(paths):
        built.append(paths)
        return _graph(("日本", "Country", "日本"))

    monkeypatch.setattr(kg, "build", fake_build, raising=False)
    gold = tmp_path / "gold.tsv"
    gold.write_text("label\ttype\trequired\taliases\n日本\tCountry\tyes\t日本\n", encoding="utf-8")
    assert main(["--gold", str(gold), "--json"]) == 0
    assert built == [list(DEFAULT_PATHS)]
    assert json.loads(capsys.readouterr().out)["recall"] == 1.0


def test_cli_prints_the_text_report(monkeypatch, capsys):
    monkeypatch.setattr(kg, "build", lambda paths: _graph(), raising=False)
    assert main(["notes/"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gold: {DEFAULT_GOLD}")
    assert "recall         0.000" in out


def test_cli_reports_an_unreadable_gold_file(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--gold", str(tmp_path / "missing.tsv")])
    assert exit_info.value.code == 2
    assert "cannot read gold file" in capsys.readouterr().err


@pytest.fixture(scope="module")
def gold_rows():
    """Return the rows of the shipped gold file."""
    return read_gold(DEFAULT_GOLD)


def test_gold_types_are_entity_types(gold_rows):
    assert {row.type for row in gold_rows} <= set(ENTITY_TYPES)


def test_gold_required_rows_are_countries_organizations_or_agreements(gold_rows):
    assert {row.type for row in gold_rows if row.required} == set(RECALL_TYPES)


def test_gold_labels_are_unique(gold_rows):
    labels = [normalise(row.label) for row in gold_rows]
    assert len(labels) == len(set(labels))


def test_gold_forms_name_one_row_each(gold_rows):
    owner: dict[str, str] = {}
    for row in gold_rows:
        for key in row.keys():
            assert key not in owner, f"{key!r} names both {owner[key]} and {row.label}"
            owner[key] = row.label
    for row in gold_rows:
        assert not row.also_keys() & owner.keys(), f"an `also` form of {row.label} is a row"


def test_gold_rows_are_all_named_in_the_note(gold_rows):
    # Guards against typos in the gold file: some form of every row occurs in the note.
    note = Path(DEFAULT_PATHS[0], "whitepaper_r06_ict_international.md")
    text = normalise(note.read_text(encoding="utf-8"))
    assert [row.label for row in gold_rows if not any(k in text for k in row.keys())] == []


@pytest.mark.ginza
def test_quality_on_the_sample_note_meets_the_thresholds(nlp):
    # Regression thresholds of issue 3; measured 1.000 recall, 0.982 precision, 0 splits, 0 merges.
    report = score(kg.build(list(DEFAULT_PATHS)), read_gold(DEFAULT_GOLD))
    assert report.recall >= 0.98, format_report(report)
    assert report.precision >= 0.95, format_report(report)
    assert (len(report.splits), len(report.merges)) == (0, 0), format_report(report)


def test_every_test_note_has_a_gold_file_and_is_scored():
    names = [note.stem for note, _ in _quality.gold_notes()]
    assert names[0] == "whitepaper_r06_ict_international"
    assert sorted(names[1:]) == sorted(p.stem for p in _quality.NOTES_DIR.glob("*.md"))
    assert len(names) >= 3


# Issue 12's thresholds for the notes written for it (and the trade note written for issue 17).
@pytest.mark.ginza
@pytest.mark.parametrize(
    "note, gold",
    [pytest.param(n, g, id=n.stem) for n, g in _quality.gold_notes()[1:]],
)
def test_quality_on_each_new_policy_note_meets_the_thresholds(nlp, note, gold):
    report = score(kg.build([note]), read_gold(gold))
    assert report.recall >= 0.95, format_report(report)
    assert report.precision >= 0.90, format_report(report)
    assert len(report.splits) <= 1 and not report.merges, format_report(report)


# The policy-notes corpus (benchmarks/policy-notes, written outside the team): issue 23 asks for
# recall 0.95, precision 0.90, one split and no merge on each, and first/last seen right for 0.95 of
# the dated entities found. Every note meets that since its third round; these floors are the figures
# kg reaches then, so that no change takes a note back; raise them as kg improves.
ISSUE_23 = (0.95, 0.90, 1, 0, 0.95)
CORPUS_FLOORS = {
    # stem: (recall, precision, splits, merges, dates)
    "bluebook_r06_ukraine_middleeast": (0.97, 0.91, 0, 0, 1.0),
    "expo2025_culture_diplomacy": (0.96, 0.94, 0, 0, 1.0),
    "ocean_policy_2024": (0.98, 0.93, 0, 0, 1.0),
    "space_policy_2024": (0.98, 0.91, 0, 0, 1.0),
    "vault_finance_news_2024": (0.97, 0.93, 0, 0, 0.98),
    "vault_semiconductor_security": (0.96, 0.99, 0, 0, 0.97),
}


# The team's own held-out sets (benchmarks/own-notes): gold written before kg was run on them.
OWN_DIR = Path(__file__).resolve().parents[1] / "benchmarks" / "own-notes"
OWN_FLOORS = {
    # written this session in new fields, first contact (d85305b) in the comment, then rules per set (branches
    # defence, climate, devcoop, merged): defence 0.881 / 0.916 / 4 / 0 / 1.000, 4 absent names as nodes
    # a minister's post the model calls a meeting is no event (branch rulelaw11): precision 0.964 -> 0.970
    # two countries' meetings by their format (日比「2+2」, 日米「2+2」 defined in parentheses) as Events (branch rulelaw12):
    # 0.958 / 0.970 / 1 / 0 / 1.000 -> 0.972 / 0.970 / 1 / 0 / 1.000
    "own_defence_whitepaper_2024": (0.97, 0.97, 1, 0, 1.0),
    # 0.935 / 0.943 / 1 / 0 / 1.000
    "own_devcoop_whitepaper_2024": (0.99, 0.99, 0, 0, 1.0),
    # 0.912 / 0.970 / 4 / 0 / 0.977, 1 absent name as a node
    # a house before its members' word after a name is a title (branch rulepeople2): dates 0.979 -> 0.989
    "own_vault_climate_2024": (0.98, 0.99, 0, 0, 0.98),
    # held out at first (benchmarks/held-out): 0.917 / 0.950 / 7 / 0 / 0.980 on first contact, 0.923 / 0.950 / 7 / 0
    # with the other sets' rules; summits by their cities, editions by acronyms, bodies before their acts
    # (branch diplo) took it here
    "own_vault_diplomacy_2024": (0.97, 0.97, 0, 0, 0.99),  # 0.978 / 0.977 / 0 / 0 / 0.994 with the twelfth round's branches
    # written in session 4 in a new field (disaster risk reduction); first contact 0.824 / 0.907 / 3 / 1 / 1.000,
    # 2 absent names as nodes; 0.985 / 0.981 / 2 / 0 / 1.000 once state organs, cited laws, disasters and formed
    # bodies were read (branch disaster4); the 2 absent names are still nodes (LCAC, the white paper itself); a package
    # after a title's clause as a plan (branch ruledom) took it to 0.993 / 0.987 / 1 / 0 / 1.000
    "own_disaster_resilience_2024": (0.99, 0.98, 1, 0, 1.0),
    "own_health_climate_2024": (0.99, 0.97, 0, 0, 1.0),
    # a title's first word and head (rulesplit): no split; 0.989 with rulepeople11's rules for people
    "own_vault_agri_trade_2024": (0.98, 0.99, 0, 0, 0.98),
    # written in session 4 in a new field (migration policy); first contact 0.835 / 0.819 / 3 / 1 / 0.970,
    # 5 absent names as nodes; formal titles, numbered conventions, a replacement's two things and words for
    # kinds took it to 0.923 / 0.910 / 0 / 0 / 0.973; with people by place-name surnames and titles, houses'
    # plenaries, elections, bureaus and listed companies 1.000 / 0.970 / 0 / 0 / 0.988, no absent name a node
    "own_vault_migration_2024": (0.98, 0.96, 0, 0, 0.98),
    # held out at first (benchmarks/held-out): 0.927 / 0.923 / 1 / 1 / 1.000 on first contact (d85305b), 0.935 / 0.924
    # / 2 / 1 with the other sets' rules; role words, titles of memoranda and summits, listed owners of a company, a
    # series' session, a title's tail and English name, two meetings' names (branch ruledevfin) took it to 1.000 / 0.965
    # / 0 / 1 / 1.000, the merge being 世界銀行グループ, which the development-cooperation gold takes as 世界銀行; the
    # World Bank Group a gazetteer body apart from the bank (branch rulemerge): 1.000 / 0.966 / 0 / 0 / 1.000
    "own_devfinance_2024": (0.99, 0.96, 0, 0, 1.0),
    # held out at first (benchmarks/held-out): 0.836 / 0.896 / 1 / 1 / 1.000 on first contact (d85305b), 0.851 /
    # 0.910 / 1 / 1 with the round's rules for other sets; moved here to have its errors fixed (branch rulecyber):
    # titles and given names, formal titles, heads of codes and guidelines, adjectives in compounds, companies
    # after a country's letter, articles cited without 第 took it to 0.925 / 0.966 / 1 / 1 / 1.000; the eighth round's
    # rules across four sets (branch ruleown: 憲法 by its article, translated titles after one noun, a whole quoted
    # title, a country's bureau, the Hiroshima framework apart from its process) took it to 0.955 / 0.974 / 1 / 0 / 1.000;
    # a body's arm in a country (…Japan, branch rulebody) to 0.963 / 0.974 / 1 / 0 / 1.000
    "own_cyber_ai_2024": (0.96, 0.97, 1, 0, 1.0),
    # held out at first (benchmarks/held-out), written in the sixth round: 0.864 / 0.947 / 2 / 3 / 1.000 on first
    # contact (591f97b), 2 absent names as nodes; strategies and guidelines by their heads, subcommittees and
    # councils of ministers, addresses, designs (…型) and short names beside acronyms took it to 0.929 / 0.983 /
    # 2 / 3 / 1.000 (branch rulegx), no absent name a node; two merges are a cabinet and a government the gold
    # keeps apart from their leaders (kg reads 石破政権 as 石破), one is bare 島根 (the plant to the gold); loanwords in
    # long plan names, コンセンサス as a head, parties listed without 党, a body's kanji short name (branch ruleown)
    # took it to 0.953 / 0.983 / 1 / 3 / 1.000, the split being 女川 (a place, the plant to the gold); a leader's
    # government a body of its own, a place's bare name before a plant's unit or restart the plant (branch rulemerge)
    # took it to 0.953 / 0.983 / 0 / 0 / 1.000
    "own_gx_energy_whitepaper_2024": (0.95, 0.98, 0, 0, 1.0),
    # written in the sixth round and held out at first: 0.854 / 0.935 / 3 / 2 / 1.000 on first contact (591f97b),
    # 3 absent names as nodes; titles after a clause, numbered resolutions and sessions, people by surname and a
    # former or 官 title, lists that are no names (branch rulehr) took it to 0.947 / 0.972 / 2 / 1 / 1.000; the
    # 3 absent names are still nodes (an unused footnote's CERD, a service); a translated title after one noun and a
    # country's parliament (…国会) (branch ruleown) took it to 0.959 / 0.972 / 1 / 1 / 1.000, the merge 岸田政権, a
    # government of its own since branch rulemerge: 0.959 / 0.972 / 1 / 0 / 1.000
    "own_humanrights_un_2024": (0.95, 0.97, 1, 0, 1.0),
    # written in the sixth round and held out for it: first contact (591f97b) 0.927 / 0.921 / 7 / 0 / 0.944, the
    # same at the round's end (c5b546e); moved here in the seventh round to have its errors fixed: a note's title
    # heading over its sections (numbered sessions, a summit by its city), forces and bodies with a country's letter,
    # a formal name in a list item below, reefs and islands in katakana, a label (比名) before a name, texts that
    # carry out a plan (…の運用指針) took it to 0.951 / 0.934 / 1 / 0 / 0.945 (branch ruleindo); the absent name
    # still a node is an unused footnote's; a kind of exercise before one quoted exercise (branch rulesplit) took the
    # split: 0.951 / 0.939 / 0 / 0 / 0.945; a hiragana suffix after a title (…首相とも, branch rulemerge) took the
    # dates to 0.952
    # a gloss of members between a name and its head (ASEAN+3（…）首脳会議, branch rulelaw11): 0.963 / 0.945 / 0 / 0 / 0.952
    "own_vault_indopacific_2024": (0.96, 0.94, 0, 0, 0.95),
    # the same: 0.846 / 0.910 / 5 / 2 / 0.991 on first contact, 0.852 / 0.926 / 5 / 2 at the sixth round's end;
    # rates after names, ordinals and plurals around titles, Chinese names before field ministers, a kanji and
    # a katakana name listed, 米政府 as the US, formal titles in とする and での, articles cited after 法, control
    # orders and promotion councils, counts of laws, provinces in 省, goods by their place of origin, ministerial
    # councils as meetings, programmes after kanji words and a nickname in the parenthesis (branch ruleecon) took it
    # to 0.941 / 0.951 / 3 / 1 / 0.992; 憲法 by its article and loanwords in long plan names (branch ruleown) took it
    # to 0.953 / 0.957 / 3 / 1 / 0.992; a compound after a dated headline's date, a company the model reads as a city
    # as often as a body, the news name of a package of laws no alias of one law (branch rulemerge) took it to 0.953 /
    # 0.957 / 1 / 0 / 0.992
    # a deal by its parties and place joining their statement there, a meeting told by its date in link text (branch
    # rulelaw11): 0.953 / 0.967 / 0 / 0 / 0.992
    "own_vault_econsec_2025": (0.95, 0.96, 0, 0, 0.99),
    # written in the seventh round, the first set of a domestic policy field (children and birth rate): first contact
    # (ac3cc9b) 0.780 / 0.908 / 6 / 0 / 1.000, 1 absent name as a node; moved here at once to have its errors fixed:
    # nouns in kana and fields joined by ・ inside names, councils and their 部会 by their heads, outlines, kinds of
    # Diet session, a municipality's head after its place (branch rulekids) took it to 0.900 / 0.953 / 3 / 0 / 1.000;
    # the absent name still a node is LINE (a service, which is also a company); study groups and sections by their
    # heads, associations of a post's holders, short names and renamings said in the text, an election heading its
    # section, 新しい and 版 before names, policies by three words, holding companies (branch rulekids2) took it to
    # 0.953 / 0.961 / 0 / 0 / 1.000
    # a quoted plan's katakana head with its year (「…ビジョン2100」, branch rulelaw11): 0.960 / 0.968 / 0 / 0 / 1.000
    # a body's span cut at its の run on over a field word and a head (branch rulebody11) alone: 0.960 / 0.974 / 0 / 0 / 1.000
    "own_children_policy_2024": (0.96, 0.96, 0, 0, 1.0),
    # written at the seventh round's end and held out for it, a second domestic field (health, care, social security):
    # first contact 0.825 / 0.903 / 7 / 1 / 1.000 with that round's start (ac3cc9b), 0.839 / 0.905 / 7 / 1 at its end
    # (ef45741), 3 absent names as nodes; moved here in the eighth round to have its errors fixed: plans of a series by
    # round or term, 協議会, a session's kind inside its number, a law for one group named before another law, a plan
    # by its term and head alone, fields in kana before 相 and a subcommittee's chair, amending laws' titles and a
    # council's sections listed under it (branch rulehw) took it to 0.891 / 0.927 / 5 / 0 / 1.000; a leader's
    # government naming him, a meeting a host held in a city, a nickname and a title of one year, an undated election
    # and a plan heading its yearly edition (branch rulesplit) to 0.891 / 0.924 / 0 / 0 / 1.000 (the joined nodes); in the
    # ninth round two people sharing a surname told apart by the title written with each full name, and ministers'
    # fields, quoted bodies set up with も (branch rulelocal) to 0.898 / 0.944 / 0 / 0 / 1.000; teams and subcommittees
    # by their heads, committees of a parliament, a law's title in parentheses after its short name, plans by their
    # round, acts before them or a renewed version, acronyms inside names and companies after 大手の (branch ruledom)
    # alone to 0.964 / 0.941 / 0 / 0 / 1.000; all merged (6367726) 0.964 / 0.960 / 0 / 0 / 1.000; in the tenth round a
    # body's name the model cut inside a run of field words (branch rulebody) to 0.971 / 0.967 / 0 / 0 / 1.000
    # a quoted title the cabinet decided (branch rulelaw11): 0.978 / 0.980 / 0 / 0 / 1.000
    "own_health_welfare_policy_2024": (0.97, 0.97, 0, 0, 1.0),
    # written in the eighth round, a domestic vault (wages and labour news): first contact (10d9808) 0.849 / 0.945 / 4 / 0 /
    # 0.966, 2 absent names as nodes; moved here at once to have its errors fixed: unions by short heads and
    # parentheses, yearly rounds and plan editions, parties and prefectures without their heads, renamed laws, numbered
    # conventions, the model's ideas with a body's or law's head (branch rulelab) took it to 0.925 / 0.960 / 0 / 0 / 0.976;
    # in the ninth round committees by one field word, a reform's omnibus act, schemes a sentence replaces and a
    # subcommittee by its topic (branch ruledom) to 0.973 / 0.968 / 0 / 0 / 0.969
    # parties listed with 、 before 両党 (branch rulepeople2): dates 0.969 -> 0.977
    "own_vault_labour_wages_2025": (0.97, 0.96, 0, 0, 0.97),
    # written in the eighth round, a domestic vault (local government news), and held out for it: first contact (10d9808)
    # 0.882 / 0.954 / 3 / 1 / 0.895, no absent name as a node; 0.888 / 0.953 / 2 / 1 / 0.904 at that round's end (2f6cc8f);
    # moved here at the ninth round's start to have its errors fixed: kana fields joined by ・, headquarters by three
    # words, associations of a post's holders and groupings by a count, a minister's field of several words, a surname
    # before a katakana given name and by the vault's aliases, councils with a chair or a council's head, parties named
    # with の会, a mayor's town (branch rulelocal) took it to 0.954 / 0.987 / 1 / 1 / 0.950; an undated kind of session
    # by the number its note writes and the vision's strategy apart from the vision (branch rulemerge) alone gave
    # 0.888 / 0.953 / 1 / 0 / 0.913; a house's committee, a company by its chair's title and a table's column of
    # companies, a law the dictionary holds as one word and a plan as the topic of its act (branch ruledom) alone
    # 0.934 / 0.955 / 2 / 1 / 0.910; all merged (6367726) 1.000 / 0.988 / 0 / 0 / 0.961
    # 今国会 as no mention of 国会 and a house's members' word after a name as a title (branch rulepeople2): dates 0.977
    # a meeting in link text that is one dictionary word (初会合) names none (branch rulelaw11): precision 0.994
    "own_vault_local_gov_2025": (0.99, 0.99, 0, 0, 0.97),
    # written in the ninth round, two more domestic fields, and held out for it: first contact (62a7ae4) 0.826 / 0.919 / 5 /
    # 0 / 1.000 and 0.869 / 0.895 / 9 / 1 / 0.907; 0.826 / 0.921 / 5 / 0 / 1.000 and 0.893 / 0.897 / 9 / 1 / 0.910 at that
    # round's end (8bd3515); moved here at the tenth round's start to have their errors fixed. Laws by one word or by
    # the law they amend, a treaty by its protocol, heads of notices, covenants, frameworks, congresses and local
    # elections, a law the text says takes a quoted name (branch rulelaw) alone: 0.861 / 0.923 / 4 / 0 / 1.000 and
    # 0.905 / 0.897 / 7 / 1 / 0.911; judges' and prosecutors' titles, kana given names, rare kanji, a name the model
    # calls a post, places before a title joining a full name, companies with 社 and by a group's letters, stations and
    # routes, unused footnotes unshown, 日本版… (branch rulepeople) alone 0.840 / 0.952 / 4 / 0 / 1.000 and 0.899 /
    # 0.945 / 5 / 0 / 0.952; units of state bodies (bureaus and departments by their field, …庁公安部), councils'
    # sections, leagues, lawyers' teams and nationwide associations, a court's branch, a city's assembly, companies'
    # aircraft, brands and lines, groups and counts of bodies, areas of a trade, a body's arm in a country, a foreign
    # maker before 製 (branch rulebody) alone 0.910 / 0.938 / 5 / 0 / 1.000 and 0.952 / 0.939 / 7 / 1 / 0.916
    # all three merged (73bf87b): 0.958 / 0.969 / 3 / 0 / 1.000 and 0.970 / 0.990 / 3 / 0 / 0.955; a surname two
    # namesakes share as the one named last, a country's letter opening a body's name, parties listed with 、 before
    # 両党, 今国会, a house's members' word after a name as a title (branch rulepeople2) alone 0.875 / 0.960 / 3 / 0 /
    # 1.000 and 0.917 / 0.945 / 3 / 0 / 0.973; 旧X法 kept whole, a treaty's or law's other name of its head in
    # parentheses, 第N回国会 and a body's numbered sitting as Events, a plan by its round in kanji and a case by its first
    # word, a formal name given for 改正法 (branch rulelaw2) alone 0.889 / 0.960 / 0 / 0 / 1.000 and 0.917 / 0.949 / 1 /
    # 0 / 0.952; the round's five entity branches merged, less one rule dropped for a false node on a held-out set
    # (f551f6c): 0.965 / 0.981 / 0 / 0 / 1.000 and 0.982 / 0.995 / 1 / 0 / 0.975
    # a quoted slogan with a proper name before a plan's head and year (branch rulelaw11): 0.972 / 0.981 / 0 / 0 / 1.000
    "own_justice_policy_2024": (0.97, 0.98, 0, 0, 1.0),
    # a treaty or deal by its parties alone and the one of those parties (branch rulelaw12): 1 split -> 0
    "own_vault_transport_tourism_2025": (0.98, 0.99, 0, 0, 0.97),
    # written in the tenth round, a domestic field and a vault with a note per organisation, and held out for it: first
    # contact (f79ce04) 0.899 / 0.921 / 3 / 0 / 1.000 and 0.912 / 0.932 / 7 / 0 / 0.888; 0.906 / 0.946 / 3 / 0 / 1.000 and
    # 0.912 / 0.932 / 7 / 0 / 0.888 at that round's end (d1c25ca); moved here at the eleventh round's start to have their
    # errors fixed
    # laws by their orders (…法施行規則) and by a title with two short names, quoted measures (…今後の対応, …総合対策),
    # packages after a clause or a slogan, speech phrases and meetings told by date or place, dated note links, deals
    # by their parties, laws by their year, finance ministers' meetings and summits by city (branch rulelaw11):
    # 0.935 / 0.960 / 2 / 0 / 1.000 and 0.921 / 0.938 / 3 / 0 / 0.899
    # rulepeople11 (代表 and 欧州委員 as titles, キャサリン・タイ, 屈冬玉, 訪米中, LNG（…を含む）, SNS（…）, 23日朝) alone:
    # 0.913 / 0.947 / 3 / 0 / 1.000 and 0.947 / 0.966 / 7 / 0 / 0.931
    # bodies by plain words and a head, a committee owning a section, study groups under a body, joined foreign names
    # after a trade (…会社…・…), missions (在…大使館), a head of state's office and a known body's organ, renamed bodies
    # and short names in links, terms and services no bodies, a place in hiragana before a body (branch rulebody11)
    # alone: 0.957 / 0.986 / 1 / 0 / 1.000 and 0.956 / 0.952 / 4 / 0 / 0.880
    # the round's four entity branches and the term rule merged (f2096ff): 0.993 / 1.000 / 0 / 0 / 1.000 and 1.000 / 0.979 /
    # 0 / 0 / 0.933 (the tariffs vault's dates, under issue 23's 0.95, are people and bodies named in titles and tables)
    "own_consumer_food_safety_2024": (0.99, 0.99, 0, 0, 1.0),
    # names the vault reads elsewhere found in tables, before titles and in a list of sources (branch rulepeople12):
    # dates 0.933 -> 0.962
    "own_vault_us_tariffs_2025": (0.99, 0.97, 0, 0, 0.96),
    # written in the eleventh round and held out for it, a foreign field read from the Bluebook and a vault of daily notes on
    # domestic politics: first contact (6b70a9f) 0.838 / 0.969 / 11 / 1 / 1.000 and 0.917 / 0.949 / 8 / 0 / 0.892; 0.844 / 0.969 /
    # 11 / 2 / 1.000 and 0.917 / 0.949 / 8 / 0 / 0.901 at that round's end (f2096ff); moved here at the twelfth round's start
    # to have their errors fixed
    # Korean names and their katakana readings joined, 韓 of 韓首相 read with its title, names read elsewhere in the vault,
    # 衆院予算 no name, kanji names after their state (branch rulepeople12) alone: 0.844 / 0.973 / 4 / 0 / 1.000 and
    # 0.917 / 0.955 / 8 / 0 / 0.919
    # elections, deals, treaties and meetings written several ways (第50回衆院選, 衆院選 of the day, 2025年参院選, 自民総裁選,
    # 露朝条約, 日米「2+2」), 3党合意, 共同声明「…」, 第8回以来 and a partnership a relation is raised to (branch rulelaw12):
    # 0.855 / 0.979 / 10 / 2 / 1.000 and 0.925 / 0.948 / 5 / 0 / 0.920 (103 of 112)
    # both branches merged (5aa5566): 0.855 / 0.984 / 3 / 0 / 1.000 and 0.925 / 0.955 / 5 / 0 / 0.938
    # bodies of a foreign state by their one-kanji heads (…部, …院, …処, …室) and short names, parties of common words,
    # factions and their leaders' names, parties' short names and names without the country, a body's name then or now,
    # newspapers (…日報), a country's forces, courts and prosecutors by short heads (branch rulebody12) alone:
    # 0.888 / 0.970 / 9 / 2 / 1.000 and 0.932 / 0.967 / 4 / 0 / 0.920
    # the round's rule branches merged (main after rulebody12): 0.899 / 0.990 / 1 / 0 / 1.000 and 0.940 / 0.966 / 1 / 0 / 0.956
    "own_korea_northeast_asia_2024": (0.89, 0.98, 1, 0, 1.0),
    "own_vault_politics_2024": (0.93, 0.96, 1, 0, 0.95),  # 0.9398
}
# Sets kept only for measuring (benchmarks/held-out): no rule is written from them, so their floors are
# what kg reached on first contact, below issue 23's figures; they catch a change that makes kg worse on text
# it has never seen.
HELD_OUT_DIR = OWN_DIR.parent / "held-out"
HELD_OUT_FLOORS = {
    # written in the sixth round, first contact with its starting code (591f97b)
    "own_oda_asia_2024": (0.89, 0.93, 3, 1, 1.0),                  # 0.895 / 0.934 / 3 / 1 / 1.000
    # written in the seventh round, first contact with its starting code (ac3cc9b)
    "own_vault_mideast_africa_2025": (0.94, 0.91, 4, 0, 0.95),     # 0.940 / 0.917 / 4 / 0 / 0.955
    # 0.915 / 0.953 / 6 / 2 / 1.000; the economic-security rules (ruleecon) cost it one false node (0.950, 301/317)
    "own_europe_centralasia_2025": (0.91, 0.94, 6, 2, 1.0),
    # written in the eighth round, two more domestic fields, first contact with its starting code (10d9808)
    "own_digital_gov_2024": (0.92, 0.93, 8, 1, 1.0),               # 0.925 / 0.939 / 8 / 1 / 1.000
    "own_education_science_2024": (0.94, 0.90, 7, 3, 1.0),         # 0.946 / 0.901 / 7 / 3 / 1.000
    # written in the twelfth round, a foreign field read from the Bluebook and a vault of daily notes on farm policy,
    # first contact with its starting code (8f8f23e, no rule of the round merged yet)
    # 0.962 / 0.941 / 6 / 2 / 1.000; two countries' 2+2 meetings as Events (rulelaw12, d3fe5f6) found one more right node
    # and gave it one split more, found by running only its headline on each commit of the branch
    "own_latam_pacific_2024": (0.96, 0.94, 7, 2, 1.0),
    "own_vault_rice_agri_2025": (0.94, 0.93, 2, 0, 0.96),           # 0.946 / 0.938 / 2 / 0 / 0.962
}
# absent names a note may have as nodes, where it is not one
ABSENT_ALLOWED = {"own_vault_migration_2024": 0, "own_disaster_resilience_2024": 2, "own_cyber_ai_2024": 2, "own_devfinance_2024": 3,
                  "own_gx_energy_whitepaper_2024": 0, "own_humanrights_un_2024": 3,
                  "own_oda_asia_2024": 3, "own_vault_mideast_africa_2025": 2,
                  "own_europe_centralasia_2025": 2, "own_health_welfare_policy_2024": 3,
                  "own_digital_gov_2024": 5, "own_education_science_2024": 2,
                  "own_vault_labour_wages_2025": 2, "own_vault_local_gov_2025": 1,
                  "own_justice_policy_2024": 0, "own_vault_transport_tourism_2025": 0,
                  "own_consumer_food_safety_2024": 0, "own_vault_us_tariffs_2025": 0,
                  "own_korea_northeast_asia_2024": 1, "own_vault_politics_2024": 1,
                  "own_latam_pacific_2024": 1, "own_vault_rice_agri_2025": 0}


def test_the_corpus_floors_are_at_least_what_issue_23_asks():
    recall, precision, splits, merges, dates = ISSUE_23
    for floor in CORPUS_FLOORS.values():
        assert floor[0] >= recall and floor[1] >= precision and floor[2] <= splits and floor[3] <= merges
        assert floor[4] >= dates


@pytest.mark.parametrize(("folder", "floors"), [(_quality.CORPUS_DIR, CORPUS_FLOORS), (OWN_DIR, OWN_FLOORS),
                                                (HELD_OUT_DIR, HELD_OUT_FLOORS)])
def test_every_corpus_note_has_its_gold_files_and_a_floor(folder, floors):
    notes = _quality.corpus_notes(folder)
    assert sorted(n.stem for n in notes) == sorted(floors)
    for note in notes:
        assert note.path.exists() and _quality.read_gold(note.file("gold.tsv"))
        assert _quality.read_pairs(note.file("edges.tsv")) and _quality.read_lines(note.file("absent.txt"))


@pytest.mark.ginza
@pytest.mark.parametrize(("folder", "stem"), [*((_quality.CORPUS_DIR, s) for s in sorted(CORPUS_FLOORS)),
                                              *((OWN_DIR, s) for s in sorted(OWN_FLOORS)),
                                              *((HELD_OUT_DIR, s) for s in sorted(HELD_OUT_FLOORS))])
def test_quality_on_each_corpus_note_keeps_its_floor(nlp, folder, stem):
    (_, report), = _quality.run_corpus(folder, only=[stem])
    recall, precision, splits, merges, dates = {**CORPUS_FLOORS, **OWN_FLOORS, **HELD_OUT_FLOORS}[stem]
    findings = _quality.format_corpus_findings(stem, report)
    assert report.entities.recall >= recall, findings
    assert report.entities.precision >= precision, findings
    assert len(report.entities.splits) <= splits and len(report.entities.merges) <= merges, findings
    assert report.dates >= dates, findings
    assert len(report.absent_nodes) <= ABSENT_ALLOWED.get(stem, 1), findings


def test_corpus_report_scores_dates_absent_names_and_section_pairs():
    graph = _graph(("日本", "Country", "日本|日"), ("総務省", "Organization", ""), ("ASEAN地域", "Region", ""))
    graph.nodes["e0"].update(first_seen="2024-01-04", last_seen="2024-03-01")
    graph.nodes["e1"].update(first_seen="2024-01-04", last_seen="2024-01-04")
    graph.add_edge("e0", "e1")
    gold = [GoldRow("日本", "Country", True, ("日",), first_seen="2024-01-04", last_seen="2024-03-01"),
            GoldRow("総務省", "Organization", True, first_seen="2024-01-04", last_seen="2024-02-01"),
            GoldRow("ASEAN", "Organization", True)]
    report = _quality.score_corpus_note(graph, gold, ["ASEAN地域", "外務省"], [("日本", "総務省"), ("日本", "ASEAN")])
    assert (report.dates_right, report.dates_known) == (1, 2)
    assert report.absent_nodes == ("ASEAN地域",)
    assert (report.edges_found, report.edges_required, report.missed_edges) == (1, 2, (("日本", "ASEAN"),))


def test_read_gold_reads_the_corpus_columns(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("# c\ncanonical\tclass\ttype\taliases\tfirst_seen\tlast_seen\n"
                    "日本銀行\tmust\tOrganization\t日銀|BOJ\t2024-01-04\t2024-12-19\nG7\tmay\tOrganization\t\t\t\n",
                    encoding="utf-8")
    rows = read_gold(path)
    assert rows[0] == GoldRow("日本銀行", "Organization", True, ("日銀", "BOJ"), first_seen="2024-01-04",
                              last_seen="2024-12-19")
    assert not rows[1].required
    path.write_text("canonical\tclass\ttype\taliases\tfirst_seen\tlast_seen\nX\tmaybe\tCountry\n", encoding="utf-8")
    with pytest.raises(ValueError, match="class must be must or may"):
        read_gold(path)
