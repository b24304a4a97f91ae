"""``--help`` explains every command with examples, in Chinese and English; ``--version`` tells it."""

from __future__ import annotations

import pytest

from dangjian_model import __version__
from dangjian_model.cli import EXIT_OK, EXIT_USAGE
from tests.cli.conftest import Run

COMMANDS = ["validate", "allocate", "convert", "schema", "diagram", "report"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples_and_exit_codes(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.code == EXIT_OK
    assert "示例 examples:" in result.out
    assert f"  dangjian {command}" in result.out
    assert "退出码 exit codes:" in result.out


def test_the_main_help_lists_every_command_and_an_example_of_each(run: Run) -> None:
    result = run("--help")
    assert result.code == EXIT_OK
    for command in COMMANDS:
        assert f"  dangjian {command}" in result.out
        assert command in result.out.split("示例 examples:")[0]


def test_help_keeps_the_examples_on_their_own_lines(run: Run) -> None:
    lines = run("allocate", "--help").out.splitlines()
    assert "  dangjian allocate examples/cixi_three_villages.yaml --project lianshu-village" in lines


def test_version_prints_the_package_version(run: Run) -> None:
    result = run("--version")
    assert result.code == EXIT_OK
    assert result.out == f"dangjian {__version__}\n"


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["validate"], ["diagram", "x.yaml", "--format", "png"]])
def test_a_wrong_command_line_exits_2_with_the_usage(run: Run, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == EXIT_USAGE
    assert "usage: dangjian" in result.err


@pytest.mark.parametrize("columns", ["", "0", "-3", "abc", "40", "100", "231"])
def test_the_help_is_as_wide_as_shutil_says_the_terminal_is(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    import shutil

    from dangjian_model.cli._parser import Formatter, terminal_columns

    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    assert Formatter("dangjian")._width == shutil.get_terminal_size().columns - 2
    assert Formatter("dangjian", width=50)._width == 50
