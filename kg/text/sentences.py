"""The sentence splitter: a rule, not the parser, so NER needs only GiNZA's tok2vec and ner.

NER runs over texts cut at these bounds (a text over SudachiPy's byte limit), so the spans in the
cache depend on this rule: bump SPLITTER_VERSION whenever sentence_bounds changes what it returns.
"""

from __future__ import annotations

import re

SPLITTER_VERSION = 1
_SENTENCE_END = re.compile(r"[。！？!?．]+[」』）)\]]*|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, split after 。！？ and line breaks."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds
