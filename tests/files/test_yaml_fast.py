"""The fast YAML paths: the writer is read back equal by PyYAML, the reader reads what the safe composer reads."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Registry, strategies
from dangjian_model.files import ConfigError, Limits, _yaml, _yaml_fast, dumps, loads
from dangjian_model.files._document import unstructure_document

#: Texts that look like something else to a YAML reader, or need quoting for another reason.
TRICKY = [
    "on", "off", "yes", "No", "y", "n", "true", "False", "null", "Null", "~", "", " ", "1e3", "1.5", ".5",
    "0x10", "0o17", "017", "1_000", "+5", "-5", "1:30", "2021-01-01", "2021-1-5", "2021-01-01 10:00:00",
    ".inf", ".NaN", "<<", "=", " lead", "trail ", "a: b", "a:b", "a #b", "a#b", "#a", "- a", "-a", "-",
    "? a", "?a", ":a", "a:", "'", "''", '"', "a'b", 'a"b', "\\", "a\\nb", "[a]", "{a}", "a, b", "&a", "*a",
    "!a", "|", ">", "%a", "@a", "`a", "---", "...", "--- a", "a\nb", "a\n", "\nb", "a\tb", "\t", "a  b",
    "a\u3000", "\u3000", "\xa0a", "名称", "第1村：党支部", "a\x85b", "a\u2028b", "\ufeffa", "a\x7fb",
    "\x00", "\U0001f600", "x" * 3000, ("a b " * 600).strip(),
]  # fmt: skip

texts = st.one_of(st.sampled_from(TRICKY), st.text(), st.text(st.characters(codec="utf-8")))
keys = st.one_of(st.sampled_from(["id", "name", "on", "yes", "1", "a b", "'", "~", ""]), st.text(max_size=8))
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none())
trees: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


def _safe_load(text: str) -> Any:
    return yaml.load(text, Loader=yaml.SafeLoader)


@given(document=st.dictionaries(keys, trees, min_size=1, max_size=5))
def test_pyyamls_safe_loader_reads_back_what_the_writer_wrote(document: dict[str, Any]) -> None:
    text = _yaml_fast.emit(document)
    assert text is not None
    assert _safe_load(text) == document


@pytest.mark.parametrize("text", TRICKY)
def test_every_tricky_text_is_read_back_as_itself_as_a_value_a_key_and_an_item(text: str) -> None:
    key = text if len(text) <= 120 else "long"  # longer keys are PyYAML's to write ("? key")
    document = {"value": text, key: [text, {"k": text}], "list": [[text, text]]}
    written = _yaml_fast.emit(document)
    assert written is not None
    assert _safe_load(written) == document


def test_text_pyyaml_writes_plain_is_written_plain_and_the_rest_quoted_as_pyyaml_would() -> None:
    document = {"a": ["第1村", "d0t0v1", "161/477", "1610000元", "a b", "on", "1", "", "2021-01-01", "a'b"]}
    written = _yaml_fast.emit(document)
    assert written == yaml.dump(
        document, Dumper=_yaml._Dumper, allow_unicode=True, sort_keys=False, width=1000
    )


@given(registry=strategies.registries())
def test_the_canonical_yaml_is_the_text_pyyaml_writes(registry: Registry) -> None:
    document = unstructure_document(registry, _yaml.converter())
    expected = yaml.dump(document, Dumper=_yaml._Dumper, allow_unicode=True, sort_keys=False, width=1000)
    assert dumps(registry, "yaml", personal_data=True) == expected


def test_a_value_the_writer_does_not_know_is_left_to_pyyaml() -> None:
    assert _yaml_fast.emit({"a": 1.5}) is None
    assert _yaml_fast.emit({"k" * 200: 1}) is None
    assert _yaml_fast.emit({"a": datetime.date(2021, 1, 1)}) == "a: 2021-01-01\n"
    assert _yaml_fast.emit({}) == "{}\n"


def _as_json(tree: Any) -> Any:
    """The composer's tree as the JSON the fast reader writes: dates as ISO text."""
    if isinstance(tree, dict):
        return {key: _as_json(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_as_json(value) for value in tree]
    if isinstance(tree, datetime.date):
        return tree.isoformat()
    return tree


def _reads_as_the_composer(text: str) -> bool:
    """True if the fast reader gives up, or reads the tree the composer reads (and counts its keys)."""
    translated = _yaml_fast.translate(text, Limits().max_depth)
    if translated is None:
        return True
    data, keys = translated
    tree, _ = _yaml.parse(text)  # the composer must read a document the fast reader reads
    assert json.loads(data) == _as_json(tree)
    assert keys == data.count(b'":') - data.count(b'\\":')
    return False


@given(document=st.dictionaries(keys, trees, min_size=1, max_size=5))
def test_the_fast_reader_reads_what_the_composer_reads_from_written_yaml(document: dict[str, Any]) -> None:
    for text in (
        _yaml_fast.emit(document),
        yaml.dump(document, Dumper=_yaml._Dumper, allow_unicode=True, sort_keys=False),
        yaml.dump(document, allow_unicode=True, sort_keys=False),  # lists at their key's indent
    ):
        assert text is not None
        _reads_as_the_composer(text)


LINE_PARTS = st.tuples(
    st.sampled_from(["", " ", "  ", "    "]),
    st.sampled_from(["", "- ", "-", "-   ", "- - "]),
    st.sampled_from(["a", "b", "on", "'on'", "joined_on", "formed_on", "a b", '"a"', "'a''b'"]),
    st.sampled_from([":", ": ", ":  ", " :"]),
    st.sampled_from(
        [*TRICKY[:60], "'x'", "'x' # c", '"x"', '"a\\tb"', "x # c", "[]", "{}", "[1]", "|", "&a x"]
    ),
)


@given(lines=st.lists(LINE_PARTS, min_size=1, max_size=8), head=st.sampled_from(["", "---\n", "# c\n", "\n"]))
def test_hand_written_lines_are_read_as_the_composer_reads_them_or_left_to_it(
    lines: list[tuple[str, str, str, str, str]], head: str
) -> None:
    text = head + "\n".join("".join(parts) for parts in lines)
    translated = _yaml_fast.translate(text, Limits().max_depth)
    try:
        tree, _ = _yaml.parse(text)
    except ConfigError:
        return  # what the composer refuses, loading refuses (the JSON path counts repeated keys)
    if translated is not None:
        assert json.loads(translated[0]) == _as_json(tree)


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("---\na: 1  \n", {"a": 1}),
        ("a:\n- 1\n- x\nb: on\n", {"a": [1, "x"], "b": True}),
        ("- - a\n  - b\n-   c: 1\n    d:\n-\n", [["a", "b"], {"c": 1, "d": None}, None]),
        ("a: b # note\n# whole line\n\nc: 'it''s'\n", {"a": "b", "c": "it's"}),
        (
            "joined_on: 2021-01-05\n'on': ~\nb: 2021-1-5\n",
            {"joined_on": "2021-01-05", "on": None, "b": "2021-1-5"},
        ),
        ("a: []\nb: {}\n", {"a": [], "b": {}}),
        (
            'a: "x y"\nformed_on: 2021-01-05\njoined_on: 2021-01-05\nb: 2021-02-30\n',
            {"a": "x y", "formed_on": "2021-01-05", "joined_on": "2021-01-05", "b": "2021-02-30"},
        ),
    ],
)
def test_hand_written_yaml_of_the_simple_shape_takes_the_fast_path(text: str, tree: Any) -> None:
    translated = _yaml_fast.translate(text, 32)
    assert translated is not None
    assert json.loads(translated[0]) == tree == _as_json(_yaml.parse(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "a: b\n  c\n",  # a plain scalar over two lines
        "a: |\n  x\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a:\tb\n",
        "a: [1, 2]\n",
        "a: {b: 1}\n",
        "? a\n: b\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "name: 2021-01-01\n",  # a date where the model wants text: the composer decides
        "a: 1.5\n",
        '"a": 1\n',
        "'a''b': 1\n",
        "a: b: c\n",
        "a: 'x' # c\n",
        'a: "x\\ty"\n',
        "a: 1\n b: 2\n",
        "a:\n  c: 1\nb: 2\n  c: 3\n",  # a line seen before, deeper than its mapping
        "a:\n  - b: 1\nc:\n  x: 1\n  - b: 2\n",  # a list item seen before, in a mapping
        "a: 1\n- x\n",
        "'a' : 1\n",
        "  a: 1\n b: 2\n",
        "- a\nb: 1\n",
        "a:\n  - 1\n  b: 2\n",
        "plain text\n",
        "",
        "# only a comment\n",
        "a: b\r\n",
    ],
)
def test_anything_else_is_left_to_the_safe_composer(text: str) -> None:
    assert _yaml_fast.translate(text, 32) is None


def test_nesting_past_the_limit_is_left_to_the_composer_which_refuses_it() -> None:
    text = "".join(f"{'  ' * level}k:\n" for level in range(6)) + "  " * 6 + "k: []\n"
    assert _yaml_fast.translate(text, 7) is None
    assert _yaml_fast.translate(text, 8) is not None
    with pytest.raises(ConfigError, match="max_depth"):
        loads(text, "yaml", limits=Limits(max_depth=6))
    assert _yaml_fast.translate("- " * 5 + "a\n", 4) is None
    assert _yaml_fast.translate("- " * 5 + "a\n", 5) is not None


def test_a_repeated_key_read_fast_is_still_refused_with_its_line() -> None:
    text = "units:\n  - id: a\n    name: 甲\n    kind: village\n    name: 乙\n"
    assert _yaml_fast.translate(text, 32) is not None
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    (problem,) = raised.value.problems
    assert (problem.expected, problem.line) == ("each key once", 5)


def test_a_problem_in_a_document_read_fast_is_told_with_its_line() -> None:
    text = "units:\n  - id: a\n    name: 甲\n    kind: nowhere\n"
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == ("$.units[0].kind", 4)


@given(registry=strategies.registries())
def test_a_registry_written_as_yaml_is_read_back_equal(registry: Registry) -> None:
    assert loads(dumps(registry, "yaml", personal_data=True), "yaml") == registry


#: Characters around the edges of what PyYAML's implicit resolvers read.
RESOLVER_CHARS = "0123456789abcdefxXoOeEyYnNtTfF_.:+-~<=!&* \t#'\"/元é\u3000"


@given(text=st.text(RESOLVER_CHARS, min_size=1, max_size=12))
def test_a_text_the_fast_check_calls_text_is_text_to_pyyamls_safe_loader(text: str) -> None:
    if _yaml_fast._TEXT.fullmatch(text) is not None:
        assert _safe_load(f"k: {text}\n") == {"k": text}
        assert _safe_load(f"- {text}\n") == [text]


@given(text=st.text(RESOLVER_CHARS, min_size=1, max_size=12))
def test_no_implicit_resolver_reads_a_text_with_a_character_it_cannot_match(text: str) -> None:
    resolved = yaml.SafeLoader("").resolve(yaml.ScalarNode, text, (True, False))
    if any(char not in _yaml_fast._RESOLVABLE for char in text):
        assert resolved == "tag:yaml.org,2002:str"


def test_a_date_is_read_fast_only_under_a_date_key_however_often_it_was_seen() -> None:
    for text in (
        "formed_on: 2021-01-05\nname: 2021-01-05\n",
        "formed_on: 2021-01-05\nlist:\n  - 2021-01-05\n",
        "units:\n- formed_on: 2021-01-05\n- name: 2021-01-05\n",
    ):
        assert _yaml_fast.translate(text, 32) is None
    translated = _yaml_fast.translate("a:\n- formed_on: 2021-01-05\n- formed_on: 2021-01-05\n", 32)
    assert translated is not None
    assert json.loads(translated[0]) == {"a": [{"formed_on": "2021-01-05"}] * 2}


def test_an_empty_flow_collection_too_deep_is_left_to_the_composer_however_often_it_was_seen() -> None:
    shallow = "a: []\nb: {}\n"
    assert _yaml_fast.translate(shallow, 2) is not None
    for deeper in ("d:\n  e:\n    f: []\n", "d:\n  e:\n    f: {}\n", "d:\n  e:\n  - []\n", "d:\n- - []\n"):
        assert _yaml_fast.translate(shallow + deeper, 4) is not None
        assert _yaml_fast.translate(shallow + deeper, 3) is None
        with pytest.raises(ConfigError, match="max_depth"):
            _yaml.parse(shallow + deeper, limits=Limits(max_depth=3))


def test_a_list_item_one_level_too_deep_is_left_to_the_composer_after_the_same_line_shallower() -> None:
    text = "x:\n  - b: 1\ny:\n  z:\n  - 1\n  - b: 3\n"  # the second "  - b" opens a mapping deeper
    assert _yaml_fast.translate(text, 4) is not None
    assert _yaml_fast.translate(text, 3) is None
    with pytest.raises(ConfigError, match="max_depth"):
        _yaml.parse(text, limits=Limits(max_depth=3))


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("a:\n- 'on': 1\n  'x y': b\n- 'on': 2\n", {"a": [{"on": 1, "x y": "b"}, {"on": 2}]}),
        ("a:\n- b: x\n- b:   x\n- b: x  \n- b: []\n", {"a": [{"b": "x"}] * 3 + [{"b": []}]}),
        (
            "a: 1\nb: []\nc: {}\nd: on\ne: 第1村\nf: 161/477\n",
            {"a": 1, "b": [], "c": {}, "d": True, "e": "第1村", "f": "161/477"},
        ),
        ("a:\n- b: 1\n  c: 2\n- b: 3\nd: 4\n", {"a": [{"b": 1, "c": 2}, {"b": 3}], "d": 4}),
    ],
)
def test_lines_of_the_common_shape_are_read_as_the_composer_reads_them(text: str, tree: Any) -> None:
    translated = _yaml_fast.translate(text, 32)
    assert translated is not None
    assert json.loads(translated[0]) == tree == _as_json(_yaml.parse(text)[0])
    assert translated[1] == text.count(":")


def test_the_date_keys_are_those_of_every_class_a_document_can_hold_allocation_rules_included() -> None:
    """``date_keys`` leaves out the rules' fields (so as not to import them): they change nothing."""
    import typing

    every, seen = _yaml_fast.walk_date_keys(typing.get_type_hints)  # imports the rules, walks into them
    assert any(cls.__module__ == "dangjian_model.allocation._rules" for cls in seen)
    code = (
        "import json, sys\n"
        "from dangjian_model.files._yaml_fast import date_keys\n"
        "keys = sorted(date_keys())\n"
        "print(json.dumps([keys, 'dangjian_model.allocation._rules' in sys.modules]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    keys, rules_imported = json.loads(done.stdout)
    assert rules_imported is False
    assert keys == sorted(every)
    assert "on" in keys


def test_the_unusual_characters_are_every_character_outside_what_the_fast_reader_lets_through() -> None:
    allowed = re.compile(
        "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    text = "".join(map(chr, range(0x110000)))
    unusual = {match.group() for match in _yaml_fast._UNUSUAL.finditer(text)}
    assert unusual == {c for c in text if not allowed.match(c)}
    assert {"\t", "\r", "\x85", "\u2028", "\ufeff", "\ud800"} <= unusual
