"""Association measures of two entities from the units they appear in, alone and together."""

from __future__ import annotations

import math

MEASURES = ("count", "jaccard", "dice", "simpson", "cosine", "npmi")


def measure(name: str, n_a: int, n_b: int, n_ab: int, total: int) -> float:
    """Return an association measure from unit counts (the formulas are in docs/explanation/graph.md)."""
    if name == "count":
        return float(n_ab)
    if name == "jaccard":
        return n_ab / (n_a + n_b - n_ab)
    if name == "dice":
        return 2 * n_ab / (n_a + n_b)
    if name == "simpson":
        return n_ab / min(n_a, n_b)
    if name == "cosine":
        return n_ab / math.sqrt(n_a * n_b)
    if name == "npmi":
        p_ab, p_a, p_b = n_ab / total, n_a / total, n_b / total
        if p_ab >= 1.0:
            return 1.0
        return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
    raise ValueError(f"unknown measure {name!r}; choose one of {', '.join(MEASURES)}")
