"""Vocabulary entries written as regular expressions over folded text (data/vocab.yaml):
their literal text is folded, their regex syntax is kept as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dxtrack.extraction.fields.clause_words import clause_vocab, closing_at
from dxtrack.extraction.vocab import folded_pattern, load


@pytest.mark.parametrize(
    "entry,compiled",
    [
        (r"^(?:kt|tm|tl|tuq)\.\s*\S", r"^(?:kt|tm|tl|tuq)\.\s*\S"),  # not "\s*\s"
        (r"\D\W\B\A\Z", r"\D\W\B\A\Z"),
        ("Nghiêm Túc thực hiện", r"nghiêm\s+túc\s+thực\s+hiện"),
        ("n[ƠO]i nh[ậa]n", r"n[ơo]i\s+nh[ậa]n"),  # a class's letters folded
        (r"[^\S\n ]{0,3}", r"[^\S\n ]{0,3}"),  # its escapes and its space kept
        ("hoà (?:giải)?", r"hòa\s+(?:giải)?"),  # one tone placement, like the text
        (r"(?P<Head>Sở) (?P=Head)", r"(?P<Head>sở)\s+(?P=Head)"),
        (r"(?i:Quyết) định", r"(?i:quyết)\s+định"),
        (r"\N{LATIN SMALL LETTER D WITH STROKE}", r"\N{LATIN SMALL LETTER D WITH STROKE}"),
    ],
)
def test_only_the_literal_text_is_folded(entry, compiled):
    assert folded_pattern(entry) == compiled
    re.compile(compiled)


def test_an_uppercase_escape_matches_what_it_says():
    """`^(?:kt|tm|tl|tuq)\\.\\s*\\S`: a signature block opens a closing also with no space
    after the dot ("KT.CHỦ TỊCH"); folded whole, the entry read "\\s*\\s" and missed it."""
    assert closing_at("kt.chủ tịch phó chủ tịch nguyễn thị minh") == 0
    assert closing_at("tm.ủy ban nhân dân chủ tịch") == 0
    assert closing_at("kt. chủ tịch") == 0
    assert closing_at("kt.") is None  # a dot and nothing after it is no signature block


@pytest.mark.parametrize(
    "key",
    [
        "closing_formulas",
        "manner_words",
        "lead_in",
        "clause_labels",
        "assign_verbs",
        "request_verbs",
        "order_verbs",
        "speaker_verbs",
    ],
)
def test_every_entry_compiles_and_matches_its_own_folded_words(key):
    for entry in load("vocab")[key]:
        pattern = re.compile(folded_pattern(entry))
        if not re.search(r"[\\\[\](){}?*+|^$]", entry):  # plain words: they match themselves
            assert pattern.fullmatch(folded_pattern(entry).replace(r"\s+", " ")), entry


def test_no_letter_range_mixes_cases():
    """A class such as [A-ZĐÀ-Ỹ] meant as "a capital" holds lower-case letters too (À-Ỹ
    spans ă, đ, ư, ạ ...): write [{UPPER}] / [{LOWER}] with dxtrack.vn's classes."""
    root = Path(__file__).parents[2] / "src" / "dxtrack" / "extraction"
    mixed = re.compile("À-Ỹ|à-ỹ|À-ỹ")
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.yaml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if mixed.search(line)
    ]
    assert not found, found


def test_a_speaker_requests_and_orders_with_the_same_verbs():
    """The head of government or an issuer speaking assigns by every verb a body asks or
    orders with (`speaker_verbs` holds `request_verbs` and `order_verbs`), so that a
    paragraph's cheap test for them (`any_request`) and its speaker agree."""
    vocab = load("vocab")
    assert set(vocab["request_verbs"]) | set(vocab["order_verbs"]) <= set(vocab["speaker_verbs"])


@pytest.mark.parametrize(
    "key,text,found",
    [
        ("request", " đề nghị các sở", " đề nghị "),
        ("request", " giao cho sở x", " giao cho "),
        ("speaker_verb", " đã giao cho bộ x", " đã giao cho "),
        ("speaker_verb", " ủy quyền cho bộ x", " ủy quyền cho "),
        ("speaker_verb", " chỉ thị: bộ x", " chỉ thị: "),
        ("and_assign", " và giao cho bộ x", " và giao cho "),
        ("mid_verb", "giao cho bộ x", "giao cho "),
    ],
)
def test_assignment_verbs_take_their_longest_form(key, text, found):
    """Built from the vocabulary longest first: "giao cho" before "giao"."""
    m = clause_vocab()[key].match(text)
    assert m and m.group() == found


@pytest.mark.parametrize(
    "key",
    [
        "row_lead_roles",
        "row_recurrences",
        "row_recurrences_time_first",
        "bracket_time_labels",
        "bracket_recurrences",
    ],
)
def test_every_plan_row_entry_compiles_and_opens_with_a_letter(key):
    """The words of a flattened plan row and a closing bracket (data/layout.yaml): each a
    pattern over folded text that a word opens (searched after a dash or a ";")."""
    for entry in load("layout")[key]:
        assert re.match(r"\w", entry), entry
        re.compile(folded_pattern(entry))


class _UniqueKeys(yaml.SafeLoader):
    """A loader that refuses a key twice in one mapping (a later key silently replaces the
    earlier one in PyYAML: two rules sharing a name by accident lose one list)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        assert key not in seen, f"key {key!r} twice (line {key_node.start_mark.line + 1})"
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)

DATA = Path(__file__).parents[2] / "src" / "dxtrack" / "extraction" / "data"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_vocabulary_keys_are_unique(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)


def test_time_line_keys_are_written_as_attribute_names():
    """`time_line_keys` are looked up in an item's attribute names, which clauses.py writes in
    lower case with one space between words."""
    keys = load("vocab")["time_line_keys"]
    assert keys and all(k == " ".join(k.lower().split()) for k in keys)
