"""Start-up: each command imports what it needs, counted in ``sys.modules`` of a fresh interpreter (not timed)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dangjian_model.cli import _app, _io, _parser, _term
from dangjian_model.cli._exits import EXIT_ERRORS
from dangjian_model.files import load
from dangjian_model.validation import GridPartyGroups, Severity
from tests.cli.conftest import Run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cixi_three_villages.yaml"

#: What ``--version`` and ``--help`` must not import: the library's work and the libraries it uses.
HEAVY = (
    "attrs",
    "cattrs",
    "msgspec",
    "yaml",
    "dangjian_model._model",
    "dangjian_model._registry",
    "dangjian_model.allocation",
    "dangjian_model.diagram",
    "dangjian_model.files",
    "dangjian_model.lifecycle",
    "dangjian_model.report",
    "dangjian_model.validation",
)
#: What ``validate`` on a YAML file must not import: the other commands' work and the other formats'.
NOT_FOR_VALIDATE = (
    "dangjian_model.allocation._games",
    "dangjian_model.allocation._nucleolus",
    "dangjian_model.allocation._shapley",
    "dangjian_model.allocation._voting",
    "dangjian_model.cli._allocate",
    "dangjian_model.cli._convert",
    "dangjian_model.cli._diagram",
    "dangjian_model.cli._report",
    "dangjian_model.diagram",
    "dangjian_model.files._csv",
    "dangjian_model.files._labelled",
    "dangjian_model.files._locate",
    "dangjian_model.files._popolo",
    "dangjian_model.files._schema",
    "dangjian_model.files._sheets",
    "dangjian_model.files._tables",
    "dangjian_model.files._xlsx",
    "dangjian_model.lifecycle",
    "dangjian_model.report",
    "dangjian_model.validation._docs",
    "dangjian_model.validation._examples",
    "openpyxl",
)
#: What validating a well-formed file without allocation rules must not import: the detailed path
#: (cattrs and the converter, for errors), the rule classes and the formats the file is not in.
NOT_FOR_A_CLEAN_FILE = (
    "cattrs",
    "dangjian_model.allocation._rules",
    "dangjian_model.files._converter",
    "tomli_w",
    "dangjian_model.files._toml",
)


def in_a_fresh_interpreter(code: str) -> str:
    """What ``code`` prints, run by a new interpreter that finds the same modules as this one."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def imported_by(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``dangjian argv`` (its exit code must be 0)."""
    code = (
        "import contextlib, io, json, sys\n"
        "from dangjian_model.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({list(argv)!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    exit_code, modules = json.loads(in_a_fresh_interpreter(code))
    assert exit_code == 0
    return set(modules)


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The modules of ``modules`` that are ``names`` or inside one of them."""
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["validate", "--help"]])
def test_version_and_help_import_nothing_heavy(argv: list[str]) -> None:
    modules = imported_by(*argv)
    assert "dangjian_model.cli._parser" in modules
    assert loaded(modules, HEAVY) == []


def test_validating_a_yaml_file_imports_neither_the_other_commands_nor_the_other_formats() -> None:
    modules = imported_by("validate", str(EXAMPLE))
    assert {"dangjian_model.files._yaml", "dangjian_model.validation._engine"} <= modules
    assert loaded(modules, NOT_FOR_VALIDATE) == []


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_validating_a_clean_file_without_rules_imports_neither_cattrs_nor_the_rules(suffix: str) -> None:
    modules = imported_by("validate", str(EXAMPLE.with_suffix(suffix)))
    assert "msgspec" in modules
    assert loaded(modules, NOT_FOR_A_CLEAN_FILE) == []


def test_a_file_with_a_problem_still_gets_the_detailed_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("kind: township", "kind: townshp", 1), encoding="utf-8"
    )
    code = (
        "import contextlib, io, sys\n"
        "from dangjian_model.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        f"    code = main(['validate', {str(broken)!r}])\n"
        "print(code, 'cattrs' in sys.modules)\n"
        "print(out.getvalue())\n"
    )
    first, report = in_a_fresh_interpreter(code).split("\n", 1)
    assert first == f"{EXIT_ERRORS} True"
    assert "townshp" in report
    assert "broken.yaml:" in report


def test_the_parsers_choices_are_the_enums_values() -> None:
    assert tuple(s.value for s in Severity) == _parser.SEVERITIES
    assert tuple(p.value for p in GridPartyGroups) == _parser.GRID_PARTY_GROUPS


def test_a_long_read_shows_bytes_read_of_the_total_on_the_progress_line() -> None:
    progress = _term.Progress("正在读取 reading big.yaml", io.StringIO(), enabled=False)
    _app.reading(progress, "正在读取 reading big.yaml")(12_500_000, 50_000_000)
    assert progress.message == "正在读取 reading big.yaml: 12.5 / 50.0 MB"


def test_the_command_hands_its_progress_callback_to_load(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []
    real = load

    def recording(*args: Any, progress: Any = None, **kwargs: Any) -> Any:
        seen.append(progress)
        assert callable(progress)
        progress(1, 2)
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(_io, "load", recording)
    assert run("validate", str(clean)).code == 0
    assert run("diagram", str(clean)).code == 0
    assert len(seen) == 2
