"""The commands shown in the README and the docs run, and print what the docs say they print."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK
from dangjian_model.files import load, write_workbook
from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GETTING_STARTED = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
CLI_PAGE = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    return text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def _commands(text: str) -> list[str]:
    lines = (line.strip() for block in _blocks(text, "shell") for line in block.splitlines())
    return [line for line in lines if line.startswith("dangjian ") and "..." not in line and "[" not in line]


def _validate_section() -> str:
    return CLI_PAGE.split("## validate — 校验\n", 1)[1].split("\n## allocate", 1)[0]


def _write_validate_examples(folder: Path) -> None:
    """The two files the validate section of the CLI page shows, in ``folder``."""
    section = _validate_section()
    (folder / "registry.yaml").write_text(_blocks(section, "yaml")[0], encoding="utf-8")
    (folder / "broken.json").write_text(_blocks(section, "json")[0], encoding="utf-8")
    write_workbook(load(folder / "registry.yaml"), folder / "registry.xlsx")  # as `dangjian convert` does


def test_the_quick_start_has_two_commands_and_the_first_validates_a_bundled_example() -> None:
    first, second = _blocks(_section(README, "## Quick start"), "shell")
    assert first.strip() == "python -m pip install . && dangjian validate examples/cixi_three_villages.yaml"
    assert second.strip() == "python -m pip install -e '.[test]' && python -m pytest"
    assert (ROOT / "examples" / "cixi_three_villages.yaml").is_file()


def test_ci_runs_the_readmes_first_command() -> None:
    first = _blocks(_section(README, "## Quick start"), "shell")[0].strip()
    steps = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"python -m pip install --quiet . && {first.removeprefix('python -m pip install . && ')}" in steps


def test_the_readme_states_semantic_versioning() -> None:
    assert "semantic versioning" in README
    assert "semantic versioning" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands(README) + _commands(CLI_PAGE), ids=lambda c: c[:60])
def test_every_documented_command_runs_without_a_traceback(
    run: Run, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = shlex.split(command.split("|")[0].split(">")[0])[1:]
    argv = [str(ROOT / arg) if arg.startswith("examples/") else arg for arg in argv]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-alliance.yaml").write_text(_blocks(GETTING_STARTED, "yaml")[0], encoding="utf-8")
    _write_validate_examples(tmp_path)
    if argv[0] == "convert":  # the examples are validate's inputs; convert writes a file of its own
        (tmp_path / argv[2]).unlink(missing_ok=True)
    result = run(*argv)
    assert result.code in (EXIT_OK, EXIT_ERRORS), result.err
    assert "Traceback" not in result.err


def test_getting_started_shows_what_the_command_prints(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "my-alliance.yaml"
    path.write_text(_blocks(GETTING_STARTED, "yaml")[0], encoding="utf-8")
    with_typo = run("validate", "my-alliance.yaml")
    assert with_typo.code == EXIT_ERRORS
    shown = next(block for block in _blocks(GETTING_STARTED, "text") if "DJ101" in block)
    assert shown.splitlines()[0] in with_typo.out  # my-alliance.yaml:LINE:COLUMN: DJ101 [错误 error] …
    assert "units[west].superior_id: 'twon' names nothing in the registry" in with_typo.out
    path.write_text(path.read_text(encoding="utf-8").replace("twon", "town"), encoding="utf-8")
    assert run("validate", "my-alliance.yaml").code == EXIT_OK
    shown = next(block for block in _blocks(GETTING_STARTED, "text") if block.startswith("项目"))
    assert run("allocate", "my-alliance.yaml", "--project", "orchard").out == shown


def test_the_cli_page_shows_what_the_command_prints(run: Run) -> None:
    shown = next(block for block in _blocks(CLI_PAGE, "text") if block.startswith("project:"))
    example = str(ROOT / "examples" / "cixi_three_villages.yaml")
    result = run("allocate", example, "--project", "lianshu-village", "--income", "10万元", "--lang", "en")
    assert result.out == shown


def test_getting_started_promises_the_lines_the_command_prints_for_a_clean_file_and_a_wrong_one(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    clean = run("validate", str(ROOT / "examples" / "cixi_three_villages.yaml"))
    assert clean.out.splitlines()[-1].strip() == "没有发现问题 no problems found"
    assert "prints `没有发现问题 no problems found` instead" in GETTING_STARTED
    (tmp_path / "my-alliance.yaml").write_text(_blocks(GETTING_STARTED, "yaml")[0], encoding="utf-8")
    wrong = run("validate", "my-alliance.yaml")
    assert wrong.out.splitlines()[-1].strip() == "1 错误 error, 0 警告 warning, 0 提示 info"
    assert "a count such as `1 错误 error, 0 警告 warning, 0 提示 info`" in GETTING_STARTED


def test_the_cli_page_says_convert_refuses_personal_data_unless_asked_as_it_does(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    refused = run("convert", str(clean), str(tmp_path / "out.json"))
    assert refused.code == EXIT_ERRORS
    assert not (tmp_path / "out.json").exists()
    assert "--personal-data keep" in refused.err
    assert "as it is, because that is its job" not in CLI_PAGE
    assert "without either it refuses (exit 1)" in CLI_PAGE
    convert = _section(CLI_PAGE, "## convert — 格式转换")
    assert "by default (`--personal-data refuse`) the command writes nothing" in convert
    assert (
        run("convert", str(clean), str(tmp_path / "masked.json"), "--personal-data", "mask").code == EXIT_OK
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["registry.yaml", "broken.json"],
        ["--format", "concise", "registry.yaml", "broken.json"],
        ["--format", "github", "registry.yaml", "broken.json"],
        ["--format", "json", "broken.json"],
        ["--lang", "en", "--format", "concise", "registry.yaml"],
        ["--severity", "DJ101=warning", "--fail-on", "warning", "--format", "concise", "registry.yaml"],
    ],
)
def test_the_cli_page_shows_each_format_as_the_command_prints_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    section = _validate_section()
    monkeypatch.chdir(tmp_path)
    _write_validate_examples(tmp_path)
    result = run("validate", *argv)
    assert result.code == EXIT_ERRORS
    assert result.out in [*_blocks(section, "text"), *_blocks(section, "json")]
    assert f"dangjian validate {' '.join(argv)}" in section


def test_the_cli_page_shows_the_sarif_results_as_the_command_prints_them(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = _validate_section()
    monkeypatch.chdir(tmp_path)
    _write_validate_examples(tmp_path)
    log = json.loads(run("validate", "--format", "sarif", "registry.yaml").out)
    shown = next(block for block in _blocks(section, "json") if block.startswith("["))
    assert log["runs"][0]["results"] == json.loads(shown)


@pytest.mark.parametrize(
    "argv",
    [["registry.xlsx"], ["--format", "github", "registry.xlsx"]],
)
def test_the_cli_page_shows_a_workbook_placed_by_sheet_and_cell_as_the_command_prints_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    section = _validate_section()
    monkeypatch.chdir(tmp_path)
    _write_validate_examples(tmp_path)
    assert "dangjian convert registry.yaml registry.xlsx" in section
    result = run("validate", *argv)
    assert result.code == EXIT_ERRORS
    assert result.out in _blocks(section, "text")
    assert f"dangjian validate {' '.join(argv)}" in section
    concise = run("validate", "--format", "concise", "registry.xlsx").out
    assert concise.startswith("registry.xlsx:单位!D2: DJ101 error ")
