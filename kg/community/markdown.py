"""report.md: the vault's report to read, in Obsidian or any Markdown viewer.

Plain CommonMark (headings, lists, tables, block quotes, links) that Obsidian renders as well;
note text is escaped so a sentence holding * or [ stays text. Links go to the notes as the page's
do (kg.view.links): ``obsidian://open`` inside a vault, else a path relative to the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import networkx as nx

from kg.community.reports import Community, Quote
from kg.notes.note import KG_NOTE_KEY
from kg.schema import PATH_SEP

# report.md's front matter marks it kg's own output, as kg obsidian's notes are: an OUT inside the vault is built again
# without reading the report as one of the user's notes (kg.notes reads such a note and leaves it out)
FRONT_MATTER = ["---", f"{KG_NOTE_KEY}: report", "---"]
CENTRAL = 15  # the most central entities listed in the summary
MEMBERS = 12  # members listed per community; communities.json lists them all
TIMELINE_NAMES = 12  # entities named per month of the timeline
# the marks that act inside a line (# makes an Obsidian tag anywhere); "-", "+" and "1." act only at its start
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~$#])")
_NUMBERED = re.compile(r"\d+(?=[.)])")


def md(text: str) -> str:
    """Return text with Markdown's marks escaped and line breaks as spaces, so it reads as written."""
    text = _ESCAPE.sub(r"\\\1", " ".join(str(text).split()))
    if text[:1] in ("+", "-"):
        return "\\" + text
    numbered = _NUMBERED.match(text)
    return f"{text[: numbered.end()]}\\{text[numbered.end() :]}" if numbered else text


def report_markdown(graph: nx.Graph, reports: Sequence[Community], *, min_size: int, notes: int) -> str:
    """Return report.md: summary figures, the most central entities, every community's report, the first appearances."""
    entities = [(n, d) for n, d in graph.nodes(data=True) if d.get("kind", "entity") == "entity"]
    communities = len({d["community"] for _, d in entities if "community" in d})
    title = str(graph.graph.get("title") or "kg")
    days = sorted(day for _, d in entities for day in (d.get("first_seen"), d.get("last_seen")) if day)
    lines = [*FRONT_MATTER, f"# {md(title)}: コミュニティの報告", ""]
    figures = [f"ノート {notes:,}", f"エンティティ {len(entities):,}", f"エッジ {graph.number_of_edges():,}",
               f"コミュニティ {communities:,}（{min_size} 件以上の {len(reports):,} に報告）"]
    if days:
        figures.append(f"期間 {days[0]} – {days[-1]}")
    lines += [" · ".join(figures), "",
              "kg が自分のノートの文だけから作った報告です。文はすべてノートへのリンク付き。", ""]
    if entities:
        lines += _central(entities)
    lines += ["## コミュニティ", ""]
    if not reports:
        lines += [f"{min_size} 件以上のエンティティからなるコミュニティはありません。", ""]
    for report in reports:
        lines += _community(report)
    lines += _timeline(entities)
    return "\n".join(lines).rstrip("\n") + "\n"


def _central(entities: Sequence[tuple[Any, dict]]) -> list[str]:
    """Return the table of the CENTRAL entities of greatest degree (most entities shared a unit with), then mentions."""
    ranked = sorted(entities, key=lambda e: (-int(e[1].get("degree", 0)), -int(e[1].get("count", 0)), str(e[0])))
    lines = ["## 中心的なエンティティ", "", "| # | エンティティ | 種類 | コミュニティ | 次数 | 媒介中心性 | 言及 |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: |"]
    for i, (node, d) in enumerate(ranked[:CENTRAL], 1):
        lines.append(f"| {i} | {md(d.get('label', node))} | {md(d.get('type', ''))} | {d.get('community', '')} "
                     f"| {int(d.get('degree', 0))} | {float(d.get('betweenness', 0.0)):.4f} "
                     f"| {int(d.get('count', 0))} |")
    return [*lines, ""]


def _community(report: Community) -> list[str]:
    """Return one community's section."""
    lines = [f"### {report.id}. {md(report.title)}", "",
             f"メンバー {report.size} · 言及 {report.mentions} · ノート {report.notes}"
             + (f" · {report.first_seen} – {report.last_seen}" if report.first_seen else ""), ""]
    if report.words:
        lines += ["**特徴語**: " + " · ".join(md(w.word) for w in report.words), ""]
    members = [f"{md(m.label)}（{md(m.type)} {m.count}）" for m in report.members[:MEMBERS]]
    more = f" ほか {report.size - MEMBERS}" if report.size > MEMBERS else ""
    lines += ["**メンバー**（メンバー間のエッジの多い順）: " + "、".join(members) + more, ""]
    if report.sentences:
        lines += ["**代表的な文**", ""]
        for quote in report.sentences:
            lines += [f"> {md(quote.sentence)}", ">", f"> — {_where(quote)} · {'、'.join(md(n) for n in quote.names)}",
                      ""]
    if report.ties:
        lines += ["**強い結び付き**", ""]
        # a sentence already quoted above is not quoted again: one list sentence often ties every pair
        quoted = {q.sentence for q in report.sentences}
        for t in report.ties:
            said = f" — 「{md(t.sentence)}」" if t.sentence and t.sentence not in quoted else ""
            quoted.add(t.sentence)
            lines.append(f"- {md(t.source_label)} — {md(t.target_label)}: 共有 {t.count} · 重み {t.weight:g}{said}")
        lines.append("")
    if report.relations:
        lines += ["**関係**", ""]
        lines += [f"- {md(s.subject)} → {md(s.predicate)}{'（否定）' if s.negated else ''} → {md(s.object)}: "
                  f"「{md(s.quote.sentence)}」 {_where(s.quote)}" for s in report.relations]
        lines.append("")
    if report.months:
        lines += ["**月ごとの言及**: " + " · ".join(f"{month} {n}" for month, n in report.months), ""]
    if report.bridges:
        lines += ["**橋渡し**: " + "、".join(
            f"{md(b.label)}（→ {', '.join(str(c) for c in b.communities)}; エッジ {b.edges}）" for b in report.bridges), ""]
    if report.gaps:
        lines += ["**ギャップ**（共有する隣接が多く、直接のエッジが少ないコミュニティ）:", ""]
        lines += [f"- {g.community}. {md(g.title)}: 共有する隣接 {g.shared} · 間のエッジ {g.between} · スコア {g.score:.3f}"
                  for g in report.gaps]
        lines.append("")
    return lines


def _where(quote: Quote) -> str:
    """Return where a quote is, as a link to its note when there is one: title › heading, line, date."""
    place = PATH_SEP.join([quote.title, *quote.heading_path[-2:]])
    text = f"[{md(place)}]({quote.href})" if quote.href else md(place)
    return text + f" {quote.line} 行目" + (f" · {quote.date}" if quote.date else "")


def _timeline(entities: Sequence[tuple[Any, dict]]) -> list[str]:
    """Return the months in which entities were first seen, with the entities (most mentioned first)."""
    months: dict[str, list[tuple[int, str]]] = {}
    for node, d in entities:
        if d.get("first_seen"):
            months.setdefault(d["first_seen"][:7], []).append((-int(d.get("count", 0)), str(d.get("label", node))))
    if not months:
        return []
    lines = ["## 初出の時系列", ""]
    for month in sorted(months):
        named = sorted(months[month])
        names = "、".join(md(label) for _, label in named[:TIMELINE_NAMES])
        more = f" ほか {len(named) - TIMELINE_NAMES}" if len(named) > TIMELINE_NAMES else ""
        lines.append(f"- {month}（{len(named)}）: {names}{more}")
    return [*lines, ""]
