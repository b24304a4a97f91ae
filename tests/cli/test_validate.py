"""``dangjian validate``: findings by file, exit codes 0/1/2, JSON for machines, rule selection."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.files import load
from dangjian_model.validation import ValidationConfig, validate
from tests.cli.conftest import Run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_a_clean_registry_exits_0_and_says_so(run: Run, clean: Path) -> None:
    result = run("validate", str(clean))
    assert result.code == EXIT_OK
    assert result.out.splitlines() == [str(clean), "  没有发现问题 no problems found"]
    assert result.err == ""


def test_errors_exit_1_with_code_path_and_both_languages(run: Run, with_errors: Path) -> None:
    result = run("validate", str(with_errors))
    assert result.code == EXIT_ERRORS
    assert result.out.startswith(f"{with_errors}\n")
    line = next(line for line in result.out.splitlines() if "DJ101" in line)
    assert re.fullmatch(rf"  {re.escape(str(with_errors))}:\d+:\d+: DJ101 \[错误 error\] .*kuangyang.*", line)
    assert "units[changlong].superior_id: 'kuangyang' names nothing in the registry" in result.out
    assert "提示 hint:" in result.out
    assert "来源 source:" in result.out
    assert "1 错误 error, 0 警告 warning, 0 提示 info" in result.out


def test_warnings_alone_exit_0(run: Run, with_errors: Path) -> None:
    result = run("validate", "--severity", "DJ101=warning", str(with_errors))
    assert result.code == EXIT_OK
    assert "DJ101 [警告 warning]" in result.out


def test_a_missing_file_exits_2_and_the_other_files_are_still_checked(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("validate", str(missing), str(clean))
    assert result.code == EXIT_USAGE
    assert f"{missing}\n  无法读取 cannot read: 文件不存在 no such file" in result.out
    assert "没有发现问题 no problems found" in result.out
    assert "共 2 个文件 2 files" in result.out
    assert "1 个无法读取 unreadable" in result.out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.yaml", b"\xff\xfe\x00garbage", "不是 UTF-8 文本（第 0 字节有误） not UTF-8 text"),
        ("notes.txt", b"units: []", "unknown format"),
    ],
)
def test_a_file_that_cannot_be_read_as_text_of_a_known_format_exits_2(
    run: Run, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.code == EXIT_USAGE
    assert reason in result.out


def test_a_directory_exits_2(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert run("validate", str(folder)).code == EXIT_USAGE


def test_a_malformed_file_exits_1_with_every_problem_and_its_path(run: Run, malformed: Path) -> None:
    result = run("validate", str(malformed))
    assert result.code == EXIT_ERRORS
    assert "$.units[0].name: 值 1 无效" in result.out
    assert "1 is not valid; expected text" in result.out
    assert f"{malformed}:1:" in result.out  # the file is one line
    assert "$.units[1].kind" in result.out
    assert "[配置错误 config error]" in result.out
    assert "文件格式有误 malformed file: 2 problems" in result.out


def test_a_syntax_error_is_reported_with_its_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("units:\n  - {id: a\n  - b\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.code == EXIT_ERRORS
    assert f"{path}:4:1: $: YAML 语法有误" in result.out  # the text ends (line 4) inside the mapping
    assert "started at line 2, column 5" in result.out  # where the unclosed mapping began


def test_json_output_is_one_document_that_matches_the_report(
    run: Run, clean: Path, with_errors: Path
) -> None:
    result = run("validate", "--format", "json", str(clean), str(with_errors))
    document = json.loads(result.out)
    assert result.code == EXIT_ERRORS == document["exit_code"]
    clean_file, error_file = document["files"]
    assert clean_file == {
        "path": str(clean),
        "status": "checked",
        "kind": "registry",
        "findings": [],
        "problems": [],
        "tidied": [],
        "message": None,
        "counts": {"error": 0, "warning": 0, "info": 0},
        "has_errors": False,
    }
    expected = validate(load(with_errors)).to_dict()
    locations = [finding.pop("location") for finding in error_file["findings"]]
    assert error_file["findings"] == [
        {k: v for k, v in f.items() if k != "location"} for f in expected["findings"]
    ]
    assert [(place["file"], place["line"] is not None) for place in locations] == [(str(with_errors), True)]
    assert error_file["counts"] == expected["counts"]
    assert error_file["has_errors"] is True
    assert document["totals"] == {
        "files": 2,
        "error": 1,
        "warning": 0,
        "info": 0,
        "malformed": 0,
        "unreadable": 0,
    }


def test_json_output_lists_the_problems_of_malformed_and_unreadable_files(
    run: Run, malformed: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.toml"
    result = run("validate", "--format", "json", str(malformed), str(missing))
    document = json.loads(result.out)
    assert result.code == EXIT_USAGE == document["exit_code"]
    broken, absent = document["files"]
    assert broken["status"] == "malformed"
    assert [p["path"] for p in broken["problems"]] == ["$.units[0].name", "$.units[1].kind"]
    assert broken["counts"]["error"] == 2
    assert absent["status"] == "unreadable"
    assert absent["message"] == "文件不存在 no such file"
    assert document["totals"]["malformed"] == document["totals"]["unreadable"] == 1


@pytest.mark.parametrize(
    ("options", "config"),
    [
        (["--select", "DJ1,DJ2"], ValidationConfig(select=["DJ1", "DJ2"])),
        (["--select", "DJ1", "--select", "DJ4"], ValidationConfig(select=["DJ1", "DJ4"])),
        (["--ignore", "DJ101"], ValidationConfig(ignore=["DJ101"])),
        (["--severity", "DJ1=info"], ValidationConfig(severities={"DJ1": "info"})),
        (["--severity", "DJ101=提示"], ValidationConfig(severities={"DJ101": "info"})),
    ],
)
def test_rule_options_mean_what_the_validation_config_means(
    run: Run, with_errors: Path, options: list[str], config: ValidationConfig
) -> None:
    result = run("validate", "--format", "json", *options, str(with_errors))
    expected = validate(load(with_errors), config).to_dict()
    found = json.loads(result.out)["files"][0]["findings"]
    assert all(finding.pop("location")["line"] for finding in found)
    assert found == [{k: v for k, v in f.items() if k != "location"} for f in expected["findings"]]


def test_ignoring_the_only_error_exits_0(run: Run, with_errors: Path) -> None:
    result = run("validate", "--ignore", "DJ1", str(with_errors))
    assert result.code == EXIT_OK


@pytest.mark.parametrize(
    "options",
    [
        ["--select", "XX9"],
        ["--ignore", "DJ999999"],
        ["--severity", "DJ101"],
        ["--severity", "DJ101=fatal"],
        ["--as-of", "yesterday"],
        ["--grid-party-groups", "sometimes"],
    ],
)
def test_a_bad_rule_option_exits_2_with_a_message(run: Run, clean: Path, options: list[str]) -> None:
    result = run("validate", *options, str(clean))
    assert result.code == EXIT_USAGE
    assert "error" in result.err
    assert result.out == ""


def test_as_of_and_grid_policy_reach_the_configuration(run: Run, clean: Path) -> None:
    result = run("validate", "--as-of", "2030-01-01", "--grid-party-groups", "every_grid", str(clean))
    assert result.code in (EXIT_OK, EXIT_ERRORS)
    assert "Traceback" not in result.err


def test_an_alliance_file_alone_is_checked_for_its_structure(run: Run) -> None:
    result = run("validate", str(EXAMPLES / "cixi_south_alliance.yaml"))
    assert result.code == EXIT_OK
    assert "only its structure was checked" in result.out


def test_an_alliance_file_is_checked_inside_the_registry_given(run: Run, clean: Path) -> None:
    alliance = EXAMPLES / "cixi_south_alliance.yaml"
    result = run("validate", "--format", "json", "--registry", str(clean), str(alliance))
    file = json.loads(result.out)["files"][0]
    assert file["kind"] == "alliance"
    assert file["message"] is None
    assert all(f["alliance_id"] in (None, "cixi-south") for f in file["findings"])


def test_a_registry_option_naming_an_alliance_file_exits_2(run: Run) -> None:
    alliance = str(EXAMPLES / "cixi_south_alliance.yaml")
    result = run("validate", "--registry", alliance, alliance)
    assert result.code == EXIT_USAGE
    assert "holds one alliance" in result.err


def test_input_format_reads_a_file_whatever_its_name(run: Run, clean: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "registry.txt"
    renamed.write_bytes(clean.read_bytes())
    assert run("validate", "--input-format", "yaml", str(renamed)).code == EXIT_OK


def test_every_bundled_example_file_is_read_without_a_traceback(run: Run) -> None:
    paths = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".json", ".toml"))
    result = run("validate", *paths)
    assert result.code in (EXIT_OK, EXIT_ERRORS)
    assert result.err == ""
