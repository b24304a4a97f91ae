"""The same input gives byte-identical output whatever the hash seed or the locale."""

from __future__ import annotations

import locale
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(seed: str, lc_all: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": lc_all, "LANG": lc_all}
    return subprocess.run(
        [sys.executable, "-m", "tests.reliability._outputs"],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout


def _chinese_locale() -> str:
    for name in ("zh_CN.UTF-8", "zh_CN.utf8"):
        try:
            locale.setlocale(locale.LC_ALL, name)
        except locale.Error:
            continue
        locale.setlocale(locale.LC_ALL, "")
        return name
    return "C.UTF-8"


def test_every_output_is_the_same_bytes_under_different_hash_seeds_and_locales() -> None:
    first = _run("0", "C")
    assert len(first) > 10_000, "the script prints every output"
    for seed, lc_all in (("1", "C.UTF-8"), ("4242", _chinese_locale()), ("random", "C")):
        assert _run(seed, lc_all) == first, f"output differs under PYTHONHASHSEED={seed} LC_ALL={lc_all}"
