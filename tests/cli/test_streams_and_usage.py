"""Standard streams (``-``), ``--max-bytes``, clear read errors, usage errors with suggestions, help order."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.files import Format, dumps, load, loads
from dangjian_model.files._api import FORMATS
from tests.cli.conftest import Run, clean_registry


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("format", sorted(set(FORMATS.values())))
def test_convert_reads_stdin_and_writes_stdout(
    run: Run, monkeypatch: pytest.MonkeyPatch, format: Format
) -> None:
    registry = clean_registry()
    _stdin(monkeypatch, dumps(registry, "yaml", personal_data=True).encode())
    result = run("convert", "-", "-", "--input-format", "yaml", "--to", format, "--personal-data", "keep")
    assert result.code == EXIT_OK, result.err
    assert loads(result.out, format) == registry
    assert result.err == ""


def test_reading_stdin_needs_an_input_format(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"units: []\n")
    result = run("convert", "-", "out.json")
    assert result.code == EXIT_USAGE
    assert "--input-format" in result.err


def test_writing_stdout_needs_a_target_format(run: Run, clean: Path) -> None:
    result = run("convert", str(clean), "-")
    assert result.code == EXIT_USAGE
    assert "--to" in result.err


def test_validate_reads_stdin_and_places_findings_on_its_lines(
    run: Run, with_errors: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, with_errors.read_bytes())
    result = run("validate", "--format", "concise", "--input-format", "yaml", "-")
    assert result.code == EXIT_ERRORS
    assert result.out.startswith("-:3:")  # the third line holds changlong's superior


def test_a_malformed_stdin_is_reported_with_its_lines(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'{"units": [\n{"id": "a", "name": 1, "kind": "\xe6\x9d\x91"}]}')
    result = run("validate", "--format", "concise", "--input-format", "json", "-")
    assert result.code == EXIT_ERRORS
    assert result.out.startswith("<stdin>:2:")


def test_stdin_that_is_not_utf8_or_too_large_is_unreadable(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\xff\xfe")
    assert "not UTF-8" in run("validate", "--input-format", "yaml", "-").out
    _stdin(monkeypatch, b"units: []\n" * 10)
    result = run("validate", "--input-format", "yaml", "--max-bytes", "20", "-")
    assert result.code == EXIT_USAGE
    assert "--max-bytes" in result.out


@pytest.mark.parametrize(("command", "extra"), [("schema", []), ("diagram", ["PATH"])])
def test_schema_and_diagram_write_stdout_by_default_and_a_file_with_output(
    run: Run, clean: Path, tmp_path: Path, command: str, extra: list[str]
) -> None:
    argv = [command, *(str(clean) for _ in extra)]
    printed = run(*argv)
    assert printed.code == EXIT_OK
    target = tmp_path / f"{command}.out"
    written = run(*argv, "-o", str(target))
    assert written.code == EXIT_OK
    assert target.read_text(encoding="utf-8") == printed.out
    assert run(*argv, "-o", str(target)).code == EXIT_USAGE  # no --force: the file is kept
    assert run(*argv, "-o", str(target), "--force").code == EXIT_OK
    assert run(*argv, "--output", "-").out == printed.out


def test_max_bytes_refuses_a_larger_file_and_raises_the_guard(run: Run, clean: Path) -> None:
    size = clean.stat().st_size
    small = run("validate", "--max-bytes", str(size - 1), str(clean))
    assert small.code == EXIT_USAGE
    assert f"more than {size - 1:,} bytes" in small.out
    assert run("validate", "--max-bytes", str(size), str(clean)).code == EXIT_OK
    assert run("validate", "--max-bytes", "1M", str(clean)).code == EXIT_OK


@pytest.mark.parametrize("bad", ["lots", "-5", "1X"])
def test_a_max_bytes_that_is_not_a_size_is_a_usage_error(run: Run, clean: Path, bad: str) -> None:
    result = run("validate", f"--max-bytes={bad}", str(clean))
    assert result.code == EXIT_USAGE
    assert "--max-bytes" in result.err


def test_a_large_json_file_is_loaded_not_read_whole_by_the_command(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dangjian_model.cli import _io

    path = tmp_path / "r.json"
    path.write_text(dumps(clean_registry(), "json", personal_data=True), encoding="utf-8")
    loaded: list[str] = []

    def counting_load(file: str, **kwargs: object) -> object:
        loaded.append(file)
        return load(file, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(_io, "load", counting_load)
    assert run("validate", str(path)).code == EXIT_OK
    assert loaded == [str(path)]


def test_a_directory_and_a_missing_file_say_so(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert "这是一个目录，不是文件 is a directory, not a file" in run("validate", str(folder)).out
    assert "文件不存在 no such file" in run("validate", str(tmp_path / "gone.yaml")).out
    result = run("convert", str(tmp_path / "gone.yaml"), str(tmp_path / "x.json"))
    assert result.code == EXIT_USAGE
    assert "no such file" in result.err
    result = run("schema", "-o", str(folder))
    assert result.code == EXIT_USAGE
    assert "is a directory" in result.err


def test_a_misspelt_command_is_answered_with_the_closest_one(run: Run) -> None:
    result = run("valdate", "x.yaml")
    assert result.code == EXIT_USAGE
    assert "没有命令 'valdate' no command 'valdate'" in result.err
    assert "did you mean validate?" in result.err
    assert "dangjian --help" in result.err


def test_a_wrong_choice_names_the_closest_choices(run: Run, clean: Path) -> None:
    result = run("validate", "--format", "sarf", str(clean))
    assert result.code == EXIT_USAGE
    assert "did you mean sarif?" in result.err
    assert "无效选项 'sarf'" in result.err


def test_usage_errors_are_said_in_chinese_too_and_honour_lang(run: Run) -> None:
    result = run("validate")
    assert result.code == EXIT_USAGE
    assert "错误 error: 命令行有误" in result.err
    english = run("validate", "--lang", "en")
    assert "命令行有误" not in english.err
    assert "错误" not in english.err


def test_help_lists_the_commands_own_options_before_the_shared_ones(run: Run) -> None:
    text = run("validate", "--help").out
    usage = text.split("\n\n")[0]
    assert usage.index("--format") < usage.index("--color") < usage.index("--max-bytes")
    assert text.index("--fail-on") < text.index("终端与读取 terminal and reading")


def test_a_registry_option_naming_a_missing_file_exits_2(run: Run, clean: Path, tmp_path: Path) -> None:
    result = run("validate", "--registry", str(tmp_path / "gone.yaml"), str(clean))
    assert result.code == EXIT_USAGE
    assert "no such file" in result.err


def test_report_writes_stdout_by_default(run: Run, clean: Path) -> None:
    result = run("report", str(clean), "--lang", "en")
    assert result.code == EXIT_OK
    assert result.out.startswith("<!DOCTYPE html>")


def test_read_errors_name_their_reason_in_both_languages() -> None:
    from dangjian_model.cli._io import _os_reason

    assert _os_reason(PermissionError(13, "Permission denied"), None) == "没有读取权限 permission denied"
    assert _os_reason(OSError(5, "Input/output error"), "en").endswith("(Input/output error)")


def test_a_malformed_alliance_file_reports_its_own_problems(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "alliance.yaml"
    path.write_text("alliance:\n  id: a\n  name: 1\n", encoding="utf-8")
    result = run("validate", "--format", "concise", str(path))
    assert result.code == EXIT_ERRORS
    assert result.out.startswith(f"{path}:3:")  # the alliance's name, not "no key alliance in a registry"
    assert "$.alliance.name" in result.out
    mixed = tmp_path / "mixed.yaml"
    mixed.write_text("units: 1\nalliance:\n  id: a\n  name: 1\n", encoding="utf-8")
    assert "$.units" in run("validate", "--format", "concise", str(mixed)).out  # read as a registry


@pytest.mark.parametrize("command", [["convert", "gone.yaml", "out.json"], ["diagram", "gone.yaml"]])
def test_lang_reaches_the_read_errors_of_every_command(run: Run, tmp_path: Path, command: list[str]) -> None:
    argv = [str(tmp_path / arg) if arg.startswith("gone") else arg for arg in command]
    english = run(*argv, "--lang", "en")
    assert english.code == EXIT_USAGE
    assert "no such file" in english.err
    assert "文件不存在" not in english.err
    assert "文件不存在" in run(*argv, "--lang", "zh").err
