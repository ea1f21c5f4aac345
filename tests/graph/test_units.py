"""Units and measures: a tiny note whose every value is computed by hand, and nesting on the sample."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.text.sentences import sentence_bounds
from kg.graph import MEASURES, UNITS, build_graph
from kg.graph.cooccurrence import units_in
from kg.notes import parse_note
from kg.records import Entity, Mention

# The footnote is cited from sections 一 and 三, so notes.py copies it into both.
TEXT = """# 章

## 一

AとBが会った。Cは来なかった。

Aは帰った。[^d]

## 二

BとCが話した。

## 三

Eが来た。[^d]

[^d]: AとDの注。
"""


@pytest.fixture(scope="module")
def corpus():
    """Return the note and its entities A..E, one mention per letter in the text."""
    note, warnings = parse_note(TEXT, "n.md")
    assert not warnings
    mentions: dict[str, list[Mention]] = {}
    for block in note.blocks:
        for start, char in enumerate(block.text):
            if char in "ABCDE":
                sentence = next(block.text[s:e].strip() for s, e in sentence_bounds(block.text) if s <= start < e)
                mentions.setdefault(char, []).append(Mention(char, "", "known", block, start, start + 1, sentence))
    entities = [Entity(name, name, "Country", (), (name,), tuple(found)) for name, found in sorted(mentions.items())]
    return [note], entities


@pytest.mark.parametrize("unit, total", [("sentence", 10), ("paragraph", 9), ("section", 4), ("h6", 4),
                                         ("h2", 4), ("h1", 1), ("note", 1)])
def test_how_many_units_the_note_holds(corpus, unit, total):
    # sentences: 章 一 AとB… Cは… Aは… AとDの注(once) 二 BとC… 三 Eが…; paragraphs: the same, minus one
    assert len(units_in(corpus[0], unit)) == total


@pytest.mark.parametrize("unit, units_of_a, edges", [
    ("sentence", 3, {"AB", "AD", "BC"}),
    ("paragraph", 3, {"AB", "AC", "BC", "AD"}),
    ("section", 2, {"AB", "AC", "AD", "BC", "BD", "CD", "AE", "DE"}),
    ("note", 1, {a + b for a, b in [("A", "B"), ("A", "C"), ("A", "D"), ("A", "E"), ("B", "C"), ("B", "D"),
                                    ("B", "E"), ("C", "D"), ("C", "E"), ("D", "E")]}),
])
def test_edges_and_units_per_unit(corpus, unit, units_of_a, edges):
    graph = build_graph(*corpus, unit=unit)
    # A is in 一 twice and in the footnote, which counts once as a sentence and a paragraph
    assert graph.nodes["A"]["units"] == units_of_a
    assert {"".join(sorted(e)) for e in graph.edges} == edges


# (unit, pair, n_a, n_b, n_ab, N), every count read off TEXT by hand
CASES = [
    ("section", "AB", 2, 2, 1, 4),
    ("section", "AD", 2, 2, 2, 4),
    ("section", "AE", 2, 1, 1, 4),
    ("paragraph", "AB", 3, 2, 1, 9),
    ("paragraph", "BC", 2, 2, 2, 9),
    ("sentence", "AD", 3, 1, 1, 10),
]
# The formulas written out once more, on the counts above.
EXPECTED = {
    ("section", "AB"): {"count": 1, "jaccard": 1 / 3, "dice": 1 / 2, "simpson": 1 / 2, "cosine": 1 / 2, "npmi": 0.0},
    ("section", "AD"): {"count": 2, "jaccard": 1.0, "dice": 1.0, "simpson": 1.0, "cosine": 1.0, "npmi": 1.0},
    ("section", "AE"): {"count": 1, "jaccard": 1 / 2, "dice": 2 / 3, "simpson": 1.0, "cosine": 1 / math.sqrt(2),
                        "npmi": 0.5},  # log(0.25 / (0.5 * 0.25)) / -log(0.25) = log 2 / log 4
    ("paragraph", "AB"): {"count": 1, "jaccard": 1 / 4, "dice": 2 / 5, "simpson": 1 / 2, "cosine": 1 / math.sqrt(6),
                          "npmi": math.log(1.5) / math.log(9)},  # p_ab = 1/9, p_a p_b = 6/81
    ("paragraph", "BC"): {"count": 2, "jaccard": 1.0, "dice": 1.0, "simpson": 1.0, "cosine": 1.0, "npmi": 1.0},
    ("sentence", "AD"): {"count": 1, "jaccard": 1 / 3, "dice": 1 / 2, "simpson": 1.0, "cosine": 1 / math.sqrt(3),
                         "npmi": math.log(10 / 3) / math.log(10)},  # p_ab = 0.1, p_a p_d = 0.03
}


@pytest.mark.parametrize("unit, pair, n_a, n_b, n_ab, total", CASES)
@pytest.mark.parametrize("name", MEASURES)
def test_every_measure_by_hand(corpus, unit, pair, n_a, n_b, n_ab, total, name):
    graph = build_graph(*corpus, unit=unit, weight=name)
    a, b = pair
    assert (graph.nodes[a]["units"], graph.nodes[b]["units"], len(units_in(corpus[0], unit))) == (n_a, n_b, total)
    edge = graph.edges[a, b]
    assert edge["count"] == n_ab
    assert edge["weight"] == pytest.approx(EXPECTED[(unit, pair)][name], abs=1e-6)
    assert edge["jaccard"] == pytest.approx(EXPECTED[(unit, pair)]["jaccard"], abs=1e-6)
    assert edge["npmi"] == pytest.approx(EXPECTED[(unit, pair)]["npmi"], abs=1e-6)
    assert edge["kind"] == "cooccurrence"


@pytest.mark.parametrize("unit, pair, evidence, sentences", [
    # each shared unit: its heading path, and a sentence naming both or each one's first
    ("section", "AD", "章 › 一|章 › 三", "AとDの注。\nAとDの注。"),
    ("section", "AC", "章 › 一", "AとBが会った。 … Cは来なかった。"),
    ("section", "AE", "章 › 三", "Eが来た。 … AとDの注。"),
    ("paragraph", "BC", "章 › 一|章 › 二", "AとBが会った。 … Cは来なかった。\nBとCが話した。"),
    ("sentence", "AB", "章 › 一", "AとBが会った。"),
    ("sentence", "AD", "章 › 一", "AとDの注。"),
    ("h1", "BE", "章", "AとBが会った。 … Eが来た。"),
    ("note", "CE", "n.md", "Cは来なかった。 … Eが来た。"),
])
def test_evidence_names_every_shared_unit_with_its_sentence(corpus, unit, pair, evidence, sentences):
    edge = build_graph(*corpus, unit=unit).edges[pair[0], pair[1]]
    assert edge["evidence"] == evidence.split("|")
    assert edge["sentences"] == sentences.split("\n")


def test_evidence_follows_document_order_past_ten_sections():
    text = "".join(f"## 節{i}\n\n{'AとB。' if i in (2, 10, 11) else '本文。'}\n\n" for i in range(1, 13))
    note, _ = parse_note(text, "long.md")
    found = {"A": [], "B": []}
    for block in note.blocks:
        for name in found:
            if name in block.text:
                found[name].append(Mention(name, "", "known", block, block.text.index(name), 0, block.text))
    entities = [Entity(n, n, "Country", (), (n,), tuple(m)) for n, m in found.items()]
    assert build_graph([note], entities).edges["A", "B"]["evidence"] == ["節2", "節10", "節11"]


@pytest.mark.ginza
def test_units_nest_on_the_sample(sample_result):
    notes, entities = sample_result.vault.notes, sample_result.entities
    edges = {unit: {frozenset(e) for e in build_graph(notes, entities, unit=unit).edges} for unit in UNITS}
    chain = ["sentence", "paragraph", "section", "h5", "h4", "h3", "h2", "h1", "note"]
    for inner, outer in zip(chain, chain[1:]):
        assert edges[inner] <= edges[outer], (inner, outer)
    assert edges["section"] == edges["h6"]  # the innermost section is the h6 unit
    assert len(edges["sentence"]) < len(edges["paragraph"]) < len(edges["section"]) < len(edges["note"])
    one_note = build_graph(notes, entities, unit="note")
    assert nx.density(one_note.subgraph(n for n in one_note if one_note.degree(n))) == 1.0
