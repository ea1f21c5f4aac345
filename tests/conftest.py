"""Shared fixtures: the real GiNZA model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"
CHROMIUM = "/usr/bin/chromium"
# Headless and offline: without the background-networking flags Chromium keeps calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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
    from kg.extract.ner import load_nlp

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


@pytest.fixture(scope="session")
def browser():
    """Return Debian's Chromium driven by Playwright, launched once per session.

    Missing Chromium skips the browser tests on a developer's machine but fails them in CI,
    where .ci/run installs it, so a broken install step can never pass unnoticed.
    """
    import os

    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
