"""Fixtures of the file-format tests: the repository, ``shared/`` beside it, the 慈溪 example."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from dangjian_model import Registry

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DANGJIAN_SHARED", REPO.parent / "shared"))
EXAMPLES = REPO / "examples"


@pytest.fixture(name="cixi")
def fixture_cixi() -> Registry:
    """The 慈溪 three-villages registry built in Python (examples/cixi_three_villages.py)."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        import cixi_three_villages  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(EXAMPLES))
    registry: Registry = cixi_three_villages.build()
    return registry
