"""Vaults kg was not written for (issue 12): links to feature notes, and news digests.

Each vault in tests/data carries an expected.json written by hand before kg ran on it; its
README.txt says what each key means. The vault is built once per module with the real model.
"""

import json
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

pytestmark = pytest.mark.ginza


def _key(form: str) -> str:
    """Return the form expected.json compares on: NFKC, casefolded."""
    return unicodedata.normalize("NFKC", form).casefold().strip()


def _build(name: str):
    from kg.pipeline import analyse

    result = analyse([DATA / name])
    expected = json.loads((DATA / name / "expected.json").read_text(encoding="utf-8"))
    nodes = [
        (e, {_key(e.label), *map(_key, e.aliases)}) for e in result.entities
    ]
    return result, expected, nodes


# What kg still gets wrong on these vaults (issue 12): each case would be a strict expected failure,
# so the suite says at once when a change fixes it. None is left.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module", params=["linked_vault", "news_vault"])
def vault(request, nlp):
    return _build(request.param)


@pytest.fixture(autouse=True)
def _known_gap(request):
    """Mark the cases of KNOWN_GAPS as strict expected failures."""
    vault_name = getattr(request.node, "callspec", None) and request.node.callspec.params.get("vault")
    reason = KNOWN_GAPS.get((request.node.originalname, vault_name))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


def test_each_expected_node_is_one_node_with_its_label_type_and_aliases(vault):
    _, expected, nodes = vault
    for want in expected["nodes"]:
        forms = {_key(a) for a in want["aliases"]}
        holders = [(e, keys) for e, keys in nodes if keys & forms]
        assert len(holders) == 1, f"{want['aliases']} are on {[e.label for e, _ in holders]}"
        entity, keys = holders[0]
        assert _key(entity.label) in {_key(label) for label in want["labels"]}, entity.label
        assert entity.type == want["type"], (entity.label, entity.type)
        assert forms <= keys, (entity.label, forms - keys)
        assert not keys & {_key(a) for a in want["not_aliases"]}, (entity.label, entity.aliases)


def test_no_node_and_no_mention_comes_from_what_is_not_a_name(vault):
    result, expected, nodes = vault
    banned = {_key(form) for form in expected["not_nodes"]}
    assert [e.label for e, keys in nodes if keys & banned] == []
    # Surfaces compare in NFKC without casefolding: news_vault bans "google" (from URLs) while its
    # text names Google once, which max_mentions allows.
    surfaces = {unicodedata.normalize("NFKC", m.surface) for e in result.entities for m in e.mentions}
    assert surfaces & {unicodedata.normalize("NFKC", s) for s in expected["not_surfaces"]} == set()
    for form, most in expected.get("max_mentions", {}).items():
        for entity, keys in nodes:
            if _key(form) in keys:
                assert len(entity.mentions) <= most, (entity.label, len(entity.mentions))


def test_every_node_is_expected_or_allowed(vault):
    _, expected, nodes = vault
    known = [{_key(a) for a in n["aliases"]} | {_key(a) for a in n["labels"]} for n in expected["nodes"]]
    known += [{_key(f) for f in a["forms"]} for a in expected["allowed"]]
    unexpected = [e.label for e, keys in nodes if not any(keys & forms for forms in known)]
    assert unexpected == []
