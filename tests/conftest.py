"""Shared fixtures: the real GiNZA model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the NER cache of the test session in a temporary folder, never the user's."""
    import os

    previous = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("kg-cache"))
    yield
    if previous is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def nlp():
    """Return the real ja_ginza pipeline with only the NER components (loaded once)."""
    from kg.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_result(nlp):
    """Return the full analysis of the sample note (notes, entities, graph), built once."""
    from kg.pipeline import analyse

    return analyse([SAMPLE])


@pytest.fixture(scope="session")
def sample_graph(sample_result):
    """Return the co-occurrence graph of the sample note."""
    return sample_result.graph
