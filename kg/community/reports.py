"""A report per community, made only of what the notes say: no model writes a word of it.

A community is the ``community`` attribute kg.graph.analytics gives every entity (Louvain). Its
report holds a title (its most central members), its members ranked by their edges to one another, its distinctive
words (kg.community.words), the sentences that name the most of its members, its strongest
inner edges and the relations between its members with their sentences, its span in time, its
bridges and its gaps (kg.community.structure). Every list is in a fixed order with ties
broken by ids, so the same notes and options give the same reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.community.structure import structure
from kg.community.words import c_tf_idf, fold, kept, terms
from kg.errors import OptionError
from kg.text.sentences import sentence_bounds

if TYPE_CHECKING:
    import networkx as nx

    from kg.export.columns import EdgeColumns
    from kg.records import Block, Entity, Note
    from kg.relate import Relation
    from kg.view.links import NoteLink

TITLE_NAMES = 3  # members named in a title
WORDS = 10  # distinctive words per report
SENTENCES = 5  # representative sentences per report
TIES = 5  # inner edges per report
RELATIONS = 5  # relations per report
BRIDGES = 5  # bridges per report
BRIDGE_REACH = 3  # communities named per bridge
GAPS = 3  # gaps per report
TITLE_SEP = "、"


@dataclass(frozen=True)
class CommunityOptions:
    """Which communities get a report: those of at least ``community_min_size`` members."""

    community_min_size: int = 5

    def __post_init__(self) -> None:
        if self.community_min_size < 1:
            raise OptionError(f"{{community_min_size}} must be 1 or more, not {self.community_min_size}")


@dataclass(frozen=True)
class Member:
    """A member of a community: its id, name, type, mentions, edges to fellow members (``within``) and centrality."""

    id: str
    label: str
    type: str
    count: int
    within: int
    degree: int
    pagerank: float
    betweenness: float


@dataclass(frozen=True)
class Word:
    """A distinctive word: its c-TF-IDF weight in the community and how often its sentences hold it."""

    word: str
    score: float
    count: int


@dataclass(frozen=True)
class Quote:
    """A sentence of the notes, where it is, and the members it names (labels)."""

    sentence: str
    note: str
    title: str
    heading_path: tuple[str, ...]
    line: int
    date: str
    names: tuple[str, ...]
    href: str = ""
    link: str = ""  # "obsidian" or "file", as kg.view.links.NoteLink.kind


@dataclass(frozen=True)
class Tie:
    """An edge between two members: its weight, the units the two share, and its first evidence."""

    source: str
    target: str
    source_label: str
    target_label: str
    weight: float
    count: int
    place: str
    sentence: str


@dataclass(frozen=True)
class Statement:
    """A relation between two members that a sentence states (kg.relate), with where it is."""

    subject: str
    predicate: str
    object: str
    negated: bool
    quote: Quote


@dataclass(frozen=True)
class Bridge:
    """A member with edges to other communities: the communities it reaches, most edges first, and its edges out."""

    id: str
    label: str
    communities: tuple[int, ...]
    edges: int


@dataclass(frozen=True)
class Gap:
    """Another community this one shares neighbours with but few edges (kg.community.structure scores it)."""

    community: int
    title: str
    shared: int
    between: int
    score: float


@dataclass(frozen=True)
class Community:
    """The report of one community; ``months`` counts its members' mentions per month of dated notes."""

    id: int
    title: str
    size: int
    mentions: int
    notes: int
    members: tuple[Member, ...]
    words: tuple[Word, ...]
    sentences: tuple[Quote, ...]
    ties: tuple[Tie, ...]
    relations: tuple[Statement, ...]
    first_seen: str
    last_seen: str
    months: tuple[tuple[str, int], ...]
    bridges: tuple[Bridge, ...]
    gaps: tuple[Gap, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data (tuples as lists).

        Field by field rather than by dataclasses.asdict, which deep-copies every value: a vault's
        reports hold thousands of members, and the page and communities.json each ask for them.
        """
        data = {name: getattr(self, name) for name in _FLAT}
        data["members"] = [dict(vars(m)) for m in self.members]
        data["words"] = [dict(vars(w)) for w in self.words]
        data["sentences"] = [_quote_dict(q) for q in self.sentences]
        data["ties"] = [dict(vars(t)) for t in self.ties]
        data["relations"] = [{**vars(s), "quote": _quote_dict(s.quote)} for s in self.relations]
        data["months"] = [[month, n] for month, n in self.months]
        data["bridges"] = [{**vars(b), "communities": list(b.communities)} for b in self.bridges]
        data["gaps"] = [dict(vars(g)) for g in self.gaps]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Community:
        """Return the report that to_dict gave ``data`` for."""
        return cls(
            **{name: data[name] for name in _FLAT},
            members=tuple(Member(**m) for m in data["members"]),
            words=tuple(Word(**w) for w in data["words"]),
            sentences=tuple(_quote_of(q) for q in data["sentences"]),
            ties=tuple(Tie(**t) for t in data["ties"]),
            relations=tuple(Statement(**{**s, "quote": _quote_of(s["quote"])}) for s in data["relations"]),
            months=tuple((m, n) for m, n in data["months"]),
            bridges=tuple(Bridge(**{**b, "communities": tuple(b["communities"])}) for b in data["bridges"]),
            gaps=tuple(Gap(**g) for g in data["gaps"]),
        )


# the fields of a report that are plain values, as to_dict and from_dict take them
_FLAT = ("id", "title", "size", "mentions", "notes", "first_seen", "last_seen")


def _quote_dict(quote: Quote) -> dict[str, Any]:
    """Return a Quote as JSON-ready data."""
    return {**vars(quote), "heading_path": list(quote.heading_path), "names": list(quote.names)}


def _quote_of(data: Mapping[str, Any]) -> Quote:
    """Return the Quote that _quote_dict gave ``data`` for."""
    return Quote(**{**data, "heading_path": tuple(data["heading_path"]), "names": tuple(data["names"])})


@dataclass(frozen=True)
class _Sentence:
    """A sentence that names entities of the graph: its block, its bounds, and the entities it names."""

    order: tuple[int, int]
    block: Block
    start: int
    end: int
    named: frozenset[str]


def community_reports(
    graph: nx.Graph,
    notes: Sequence[Note],
    entities: Sequence[Entity],
    relations: Sequence[Relation] = (),
    *,
    links: Mapping[str, NoteLink | None] | None = None,
    options: CommunityOptions | None = None,
    columns: EdgeColumns | None = None,
) -> tuple[Community, ...]:
    """Return the report of every community of at least options.community_min_size members, largest first.

    ``graph`` holds the measures (kg.graph.analytics); ``notes`` and ``entities`` are those it
    was built from, ``relations`` those found between its nodes, ``links`` each note path's
    link (kg.view.links.note_link), from the place the reports will be read; ``columns`` the
    graph's edge_columns (kg.export.columns), when found already.
    """
    options = options or CommunityOptions()
    links = links or {}
    community = {n: int(c) for n, data in graph.nodes(data=True)
                 if data.get("kind", "entity") == "entity" and (c := data.get("community")) is not None}
    groups: dict[int, list[str]] = defaultdict(list)
    for node, c in community.items():
        groups[c].append(node)
    reported = sorted(c for c, members in groups.items() if len(members) >= options.community_min_size)
    if not reported:
        return ()
    nodes = graph.nodes
    found = structure(graph, community, reported, TIES, columns)
    # the most central member is the one tied to most of its fellows: PageRank over jaccard weights
    # favours the small cliques of one sentence, degree over the whole graph the hubs of every topic
    ranked = {c: sorted(groups[c], key=lambda n: (-found.within[n], -int(nodes[n].get("degree", 0)),
                                                  -int(nodes[n].get("count", 0)), str(n))) for c in reported}
    titles = {c: TITLE_SEP.join(str(nodes[n].get("label", n)) for n in ranked[c][:TITLE_NAMES]) for c in reported}
    sentences, spans = _sentences(notes, entities, community)
    weights, counts = _words(sentences, spans, entities, community)
    titles_of = {note.path: note.title for note in notes}
    days = {note.path: note.date.isoformat() for note in notes if note.date}
    reports = []
    for c in reported:
        members = set(groups[c])
        dates = sorted(d for n in members for d in nodes[n].get("mention_dates", ()))
        months = Counter(d[:7] for d in dates)
        reports.append(Community(
            id=c,
            title=titles[c],
            size=len(members),
            mentions=sum(int(nodes[n].get("count", 0)) for n in members),
            notes=len({note for n in members for note in nodes[n].get("notes", ())}),
            members=tuple(_member(n, nodes[n], found.within[n]) for n in ranked[c]),
            words=_top_words(weights.get(c, {}), counts.get(c, Counter())),
            sentences=_quotes(sentences, members, nodes, titles_of, links),
            ties=tuple(_tie(a, b, graph) for a, b in found.inner[c]),
            relations=_statements(relations, members, nodes, (titles_of, days), links),
            first_seen=dates[0] if dates else "",
            last_seen=dates[-1] if dates else "",
            months=tuple(sorted(months.items())),
            bridges=_bridges(ranked[c], found.reach, nodes),
            gaps=tuple(Gap(d, titles[d], shared, between, score) for d, shared, between, score in found.gaps[c][:GAPS]),
        ))
    return tuple(reports)


def _member(node: str, data: Mapping[str, Any], within: int) -> Member:
    """Return a node as a Member."""
    return Member(str(node), str(data.get("label", node)), str(data.get("type", "")), int(data.get("count", 0)),
                  within, int(data.get("degree", 0)), float(data.get("pagerank", 0.0)),
                  float(data.get("betweenness", 0.0)))


def _sentences(notes: Sequence[Note], entities: Sequence[Entity], community: Mapping[str, int]
               ) -> tuple[list[_Sentence], dict[tuple, list[tuple[int, int]]]]:
    """Return the sentences that name an entity of the graph, in document order, and every mention's
    span per block (any entity's, in the graph or not: none of them is a distinctive word)."""
    order = {(b.note, b.paragraph, b.section): i for i, b in enumerate(b for note in notes for b in note.blocks)}
    bounds: dict[tuple, list[tuple[int, int]]] = {}
    starts: dict[tuple, list[int]] = {}
    named: dict[tuple[tuple, int], set[str]] = defaultdict(set)
    blocks: dict[tuple, Block] = {}
    spans: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        kept_in_graph = entity.id in community
        for m in entity.mentions:
            key = (m.block.note, m.block.paragraph, m.block.section)
            spans[key].append((m.start, m.end))
            if not kept_in_graph:
                continue
            if key not in bounds:
                bounds[key] = sentence_bounds(m.block.text) or [(0, len(m.block.text))]
                starts[key] = [s for s, _ in bounds[key]]
                blocks[key] = m.block
            named[key, max(bisect_right(starts[key], m.start) - 1, 0)].add(entity.id)
    found = []
    for (key, i), ids in named.items():
        start, end = bounds[key][i]
        found.append(_Sentence((order.get(key, len(order)), i), blocks[key], start, end, frozenset(ids)))
    found.sort(key=lambda s: s.order)
    return found, spans


def _words(sentences: Sequence[_Sentence], spans: Mapping[tuple, list[tuple[int, int]]],
           entities: Sequence[Entity], community: Mapping[str, int]
           ) -> tuple[dict[int, dict[str, float]], dict[int, Counter[str]]]:
    """Return each community's c-TF-IDF weights and word counts over the sentences naming its members."""
    written = {name for e in entities for name in (e.label, *e.aliases)}
    written |= {m.surface for e in entities for m in e.mentions}
    names = frozenset(map(fold, written))
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    # the same sentence with the same names recurs (a quoted passage, a template): its words are read once
    read: dict[tuple, list[str]] = {}
    for s in sentences:
        block = s.block
        names_in = tuple(sorted(spans[block.note, block.paragraph, block.section]))
        key = (block.text, s.start, s.end, names_in)
        found = read.get(key)
        if found is None:
            found = read[key] = kept(terms(block.text, s.start, s.end, names_in), names)
        for c in {community[e] for e in s.named}:
            counts[c].update(found)
    return c_tf_idf(counts), counts


def _top_words(weights: Mapping[str, float], counts: Counter[str]) -> tuple[Word, ...]:
    """Return the WORDS words of greatest weight, then most frequent, then in code-point order."""
    best = sorted(weights.items(), key=lambda item: (-item[1], -counts[item[0]], item[0]))[:WORDS]
    return tuple(Word(word, score, counts[word]) for word, score in best)


def _quote(block: Block, sentence: str, start: int, names: Sequence[str], titles: Mapping[str, str],
           links: Mapping[str, NoteLink | None]) -> Quote:
    """Return a sentence of a block as a Quote: its note, heading path, line (the block's first line
    plus the line breaks before it), date and link."""
    link = links.get(block.note)
    return Quote(sentence, block.note, titles.get(block.note, block.note), tuple(block.heading_path),
                 block.line + block.text.count("\n", 0, start), block.date.isoformat() if block.date else "",
                 tuple(names), link.href if link else "", link.kind if link else "")


def _quotes(sentences: Sequence[_Sentence], members: set[str], nodes: Any, titles: Mapping[str, str],
            links: Mapping[str, NoteLink | None]) -> tuple[Quote, ...]:
    """Return the SENTENCES sentences that name the most members (two at least), the earliest first
    among equals, headings left out; a sentence repeated word for word is shown once."""
    # a heading names its section's subject, it says nothing of it: no heading is a representative sentence
    best = sorted(((len(s.named & members), s) for s in sentences
                   if len(s.named & members) >= 2 and s.block.kind != "heading"),
                  key=lambda pair: (-pair[0], pair[1].order))
    quotes, seen = [], set()
    for _, s in best:
        text = s.block.text[s.start : s.end].strip()
        if text in seen:
            continue
        seen.add(text)
        labels = sorted((str(nodes[n].get("label", n)) for n in s.named & members))
        quotes.append(_quote(s.block, text, s.start, labels, titles, links))
        if len(quotes) == SENTENCES:
            break
    return tuple(quotes)


def _tie(a: str, b: str, graph: nx.Graph) -> Tie:
    """Return the edge of a and b as a Tie, with its first place and sentence of evidence."""
    data = graph.edges[a, b]
    a, b = (a, b) if str(a) <= str(b) else (b, a)
    evidence, said = data.get("evidence") or [""], data.get("sentences") or [""]
    return Tie(str(a), str(b), str(graph.nodes[a].get("label", a)), str(graph.nodes[b].get("label", b)),
               float(data.get("weight", 0.0)), int(data.get("count", 0)), str(evidence[0]), str(said[0]))


def _statements(relations: Sequence[Relation], members: set[str], nodes: Any,
                notes: tuple[Mapping[str, str], Mapping[str, str]], links: Mapping[str, NoteLink | None]
                ) -> tuple[Statement, ...]:
    """Return up to RELATIONS relations between members, one per (subject, predicate, object), in note order;
    ``notes`` are each note path's title and date."""
    titles, days = notes
    found, seen = [], set()
    for r in sorted((r for r in relations if r.subject in members and r.object in members),
                    key=lambda r: (r.note, r.line, r.subject, r.predicate, r.object)):
        if (r.subject, r.predicate, r.object) in seen:
            continue
        seen.add((r.subject, r.predicate, r.object))
        link = links.get(r.note)
        quote = Quote(r.sentence, r.note, titles.get(r.note, r.note), tuple(r.heading_path), r.line,
                      days.get(r.note, ""),
                      (str(nodes[r.subject].get("label")), str(nodes[r.object].get("label"))),
                      link.href if link else "", link.kind if link else "")
        found.append(Statement(str(nodes[r.subject].get("label")), r.predicate, str(nodes[r.object].get("label")),
                               r.negated, quote))
        if len(found) == RELATIONS:
            break
    return tuple(found)


def _bridges(ranked: Sequence[str], reach: Mapping[str, Mapping[int, int]], nodes: Any) -> tuple[Bridge, ...]:
    """Return the BRIDGES members that reach the most other communities, then by their edges out, then by rank."""
    rank = {n: i for i, n in enumerate(ranked)}
    out = [n for n in ranked if reach.get(n)]
    out.sort(key=lambda n: (-len(reach[n]), -sum(reach[n].values()), rank[n]))
    bridges = []
    for n in out[:BRIDGES]:
        reached = sorted(reach[n], key=lambda c: (-reach[n][c], c))[:BRIDGE_REACH]
        bridges.append(Bridge(str(n), str(nodes[n].get("label", n)), tuple(reached), sum(reach[n].values())))
    return tuple(bridges)
