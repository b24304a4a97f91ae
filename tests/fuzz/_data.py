"""Hypothesis strategies for hostile input: any JSON value, any bytes, mutations of valid documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.*[lmn]"))  # .json, .yaml, .toml

#: Scalars a parsed document can hold, including the awkward ones.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["", " ", "1e999999999", "NaN", "-0", "10万元", "1/0", "0/0", "9" * 80, "\x00", "\ud800", "X", "%"]
    ),
)

#: Any JSON-like value: scalars, lists and mappings, nested.
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def example_trees() -> list[tuple[str, Any]]:
    """The parsed JSON examples (the YAML and TOML ones are the same registry)."""
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in EXAMPLES if p.suffix == ".json"]


def _paths(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a tree, iteratively (a path is a tuple of keys and indices)."""
    found: list[tuple[Any, ...]] = []
    stack = [(tree, path)]
    while stack:
        node, here = stack.pop()
        found.append(here)
        if isinstance(node, dict):
            stack.extend((value, (*here, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*here, i)) for i, value in enumerate(node))
    return sorted(found, key=repr)


def _at(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


@st.composite
def mutated(draw: st.DrawFn, tree: Any, max_mutations: int = 3) -> Any:
    """``tree`` with a few structure-aware mutations: replace, delete, add a key, wrap, duplicate, swap type."""
    tree = copy.deepcopy(tree)
    for _ in range(draw(st.integers(1, max_mutations))):
        paths = _paths(tree)
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent, last = _at(tree, path[:-1]), path[-1]
        old = parent[last]
        action = draw(st.sampled_from(["replace", "delete", "add", "wrap", "unwrap", "copy", "stringify"]))
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(old, dict):
            old[draw(st.text(max_size=10))] = draw(json_values)
        elif action == "add" and isinstance(old, list):
            old.append(draw(json_values) if not old else copy.deepcopy(draw(st.sampled_from(old))))
        elif action == "wrap":
            parent[last] = draw(st.sampled_from([[old], {"value": old}]))
        elif action == "unwrap" and isinstance(old, list | dict) and old:
            parent[last] = next(iter(old.values())) if isinstance(old, dict) else old[0]
        elif action == "copy":
            parent[last] = copy.deepcopy(_at(tree, draw(st.sampled_from(paths))))
        elif action == "stringify":
            parent[last] = str(old)
    return tree
