"""A vault of clipped news digests (issue 23): metadata lines give their values, never their keys.

tests/data/digest_vault/expected.json was written by hand before kg ran on the vault; its README.txt
says what each key means. The vault is built once per module with the real model.
"""

import json
import unicodedata
from pathlib import Path

import pytest

DIGEST = Path(__file__).resolve().parent.parent / "data" / "digest_vault"
EXPECTED = json.loads((DIGEST / "expected.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.ginza

# What kg still gets wrong on the vault, none of it about metadata lines (issue 23 fixed those): each
# is a strict expected failure, so the suite says at once when a change fixes it.
KNOWN_GAPS = {
    "UAゼンセン": "read as the Person UA",
    "福岡資麿": "the name runs on into the title after it (福岡資麿厚生労働相 gives 福岡資)",
    "ヤマト運輸": "not found",
    "マースク": "not found",
}


def _key(form: str) -> str:
    """Return the form expected.json compares on: NFKC, casefolded."""
    return unicodedata.normalize("NFKC", form).casefold().strip()


@pytest.fixture(scope="module")
def nodes(nlp):
    """Return each entity of the vault with the forms it carries (label and aliases)."""
    from kg.pipeline import analyse

    return [(e, {_key(e.label), *map(_key, e.aliases)}) for e in analyse([DIGEST]).entities]


def test_no_key_is_a_node_or_a_mention(nodes):
    absent = {_key(key) for key in EXPECTED["absent"]}
    assert [e.label for e, forms in nodes if forms & absent] == []
    assert [m.surface for e, _ in nodes for m in e.mentions if _key(m.surface) in absent] == []


def test_no_key_is_in_the_30_most_mentioned_nodes(nodes):
    top = sorted(nodes, key=lambda node: -len(node[0].mentions))[:30]
    # a key of one character (国) is inside many names (韓国); longer ones are inside none of the vault
    keys = [_key(key) for key in EXPECTED["absent"] if len(key) > 1]
    assert [e.label for e, forms in top if any(key in form for key in keys for form in forms)] == []


@pytest.mark.parametrize(("value", "least"), EXPECTED["values"].items())
def test_a_metadata_value_is_a_mention(nodes, value, least):
    (entity,) = [e for e, forms in nodes if _key(value) in forms]
    assert len(entity.mentions) >= least, [m.surface for m in entity.mentions]


@pytest.mark.parametrize(
    "node",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[n["forms"][0]]))
        if n["forms"][0] in KNOWN_GAPS else n
        for n in EXPECTED["nodes"] if n["class"] == "must"
    ],
    ids=lambda n: n["forms"][0],
)
def test_each_required_node_is_one_node_of_its_type(nodes, node):
    forms = {_key(form) for form in node["forms"]}
    assert [e.type for e, keys in nodes if keys & forms] == [node["type"]]
