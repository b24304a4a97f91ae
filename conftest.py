"""Collect the code examples in the docs, the README and the docstrings as tests (Sybil)."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["*.md"],
    excludes=["CHANGELOG.md"],
)
docstrings = Sybil(parsers=[DocTestParser(optionflags=_FLAGS)], patterns=["*.py"], excludes=["strategies.py"])

pytest_collect_file = (markdown + docstrings).pytest()
