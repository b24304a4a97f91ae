"""The command runs as ``python -m dangjian_model`` and as the ``dangjian`` script, and a bug exits 3."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dangjian_model.cli import EXIT_BUG, EXIT_OK, _validate
from tests.cli.conftest import Run


def _environment() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


def test_python_dash_m_runs_the_command(clean: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dangjian_model", "validate", str(clean)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        check=False,
    )
    assert done.returncode == EXIT_OK
    assert "没有发现问题 no problems found" in done.stdout
    assert done.stderr == ""


def test_the_module_exits_with_the_commands_code(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dangjian_model", "validate", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_the_entry_point_is_declared_in_pyproject() -> None:
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dangjian = "dangjian_model.cli:main"' in text


def test_an_unexpected_exception_is_a_bug_with_exit_3_and_no_traceback(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("secret detail")

    monkeypatch.setattr(_validate, "validate", broken)
    result = run("validate", str(clean))
    assert result.code == EXIT_BUG
    assert "internal error (ZeroDivisionError)" in result.err
    assert "please report it" in result.err
    assert "secret detail" not in result.err
    assert "Traceback" not in result.err


def test_an_interrupt_exits_130(run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_validate, "validate", interrupted)
    result = run("validate", str(clean))
    assert result.code == 130
    assert "interrupted" in result.err
