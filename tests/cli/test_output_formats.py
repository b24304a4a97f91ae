"""``validate --format text|concise|json|sarif|github``, ``--fail-on`` and ``--lang``: what editors and CI read."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pytest

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.validation import RULES
from tests.cli.conftest import Run

SCHEMA = Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json"
RULES_PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` holding ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _sarif(run: Run, *argv: str) -> tuple[int, dict[str, Any]]:
    result = run("validate", "--format", "sarif", *argv)
    return result.code, json.loads(result.out)


def test_sarif_output_is_valid_sarif_2_1_0(run: Run, with_errors: Path, malformed: Path, clean: Path) -> None:
    code, log = _sarif(
        run, str(with_errors), str(malformed), str(clean), str(with_errors.parent / "gone.yaml")
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    validator.validate(log)
    with pytest.raises(jsonschema.ValidationError):  # the schema does judge: a wrong level is refused
        validator.validate(
            {**log, "runs": [{**log["runs"][0], "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}
        )
    assert code == EXIT_USAGE  # one file cannot be read
    assert log["version"] == "2.1.0"


def test_sarif_results_point_at_the_line_and_rule_with_its_metadata(run: Run, with_errors: Path) -> None:
    code, log = _sarif(run, str(with_errors))
    assert code == EXIT_ERRORS
    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    [result] = sarif_run["results"]
    rule = rules[result["ruleIndex"]]
    assert rule["id"] == result["ruleId"] == "DJ101"
    assert rule["name"] == RULES["DJ101"].name
    assert rule["defaultConfiguration"]["level"] == "error"
    assert f"docs/rules.md#{RULES['DJ101'].anchor}" in rule["help"]["text"]
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == _line_of(with_errors, "superior_id: kuangyang")
    line = with_errors.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("kuangyang")
    assert (
        result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "units[changlong].superior_id"
    )
    assert {r["id"] for r in rules} >= set(RULES)


def test_every_rule_anchor_is_a_heading_of_the_rule_reference() -> None:
    from markdown.extensions.toc import slugify  # type: ignore[import-untyped, unused-ignore]

    headings = {
        slugify(line.removeprefix("### "), "-")
        for line in RULES_PAGE.read_text(encoding="utf-8").splitlines()
        if line.startswith("### ")
    }
    assert {rule.anchor for rule in RULES.values()} <= headings


def test_github_annotations_name_file_line_column_and_escape_the_message(run: Run, with_errors: Path) -> None:
    result = run("validate", "--format", "github", str(with_errors))
    assert result.code == EXIT_ERRORS
    [line] = result.out.splitlines()
    match = re.fullmatch(
        r"::error file=(.+),line=(\d+),col=(\d+),title=DJ101 unresolved-reference::(.+)", line
    )
    assert match is not None
    assert match.group(1) == str(with_errors).replace(":", "%3A").replace(",", "%2C")
    assert int(match.group(2)) == _line_of(with_errors, "superior_id: kuangyang")
    assert "names nothing in the registry" in match.group(4)


def test_github_annotations_of_a_malformed_file_keep_each_on_one_line(run: Run, malformed: Path) -> None:
    result = run("validate", "--format", "github", str(malformed))
    assert result.code == EXIT_ERRORS
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"::error file={malformed},line=1,col=") for line in lines)


def test_concise_output_is_one_grep_friendly_line_per_finding(
    run: Run, with_errors: Path, malformed: Path
) -> None:
    result = run("validate", "--format", "concise", str(with_errors), str(malformed))
    lines = result.out.splitlines()
    line = _line_of(with_errors, "superior_id: kuangyang")
    assert re.fullmatch(
        rf"{re.escape(str(with_errors))}:{line}:\d+: DJ101 error .+ \(units\[changlong\]\.superior_id\)",
        lines[0],
    )
    assert [
        bool(re.match(rf"{re.escape(str(malformed))}:1:\d+: malformed-file error ", x)) for x in lines[1:]
    ] == [True, True]


@pytest.mark.parametrize(
    ("severity", "fail_on", "code"),
    [
        ("warning", "error", EXIT_OK),
        ("warning", "warning", EXIT_ERRORS),
        ("info", "warning", EXIT_OK),
        ("info", "info", EXIT_ERRORS),
        ("error", "error", EXIT_ERRORS),
    ],
)
def test_fail_on_exits_1_at_or_above_the_severity_given(
    run: Run, with_errors: Path, severity: str, fail_on: str, code: int
) -> None:
    result = run("validate", "--severity", f"DJ101={severity}", "--fail-on", fail_on, str(with_errors))
    assert result.code == code


def test_fail_on_still_fails_a_malformed_file(run: Run, malformed: Path) -> None:
    assert run("validate", "--fail-on", "error", str(malformed)).code == EXIT_ERRORS


def test_the_json_output_carries_each_findings_location(run: Run, with_errors: Path) -> None:
    document = json.loads(run("validate", "--format", "json", str(with_errors)).out)
    [finding] = document["files"][0]["findings"]
    assert finding["location"]["file"] == str(with_errors)
    assert finding["location"]["line"] == _line_of(with_errors, "superior_id: kuangyang")


@pytest.mark.parametrize(
    ("lang", "present", "absent"), [("zh", "错误", "names nothing"), ("en", "names nothing", "错误")]
)
def test_lang_shows_one_language(run: Run, with_errors: Path, lang: str, present: str, absent: str) -> None:
    result = run("validate", "--lang", lang, str(with_errors))
    assert present in result.out
    assert absent not in result.out


def test_lang_reaches_the_problems_of_a_malformed_file(run: Run, malformed: Path) -> None:
    english = run("validate", "--lang", "en", str(malformed)).out
    chinese = run("validate", "--lang", "zh", str(malformed)).out
    assert "1 is not valid" in english and "值 1 无效" not in english
    assert "值 1 无效" in chinese and "is not valid" not in chinese
    assert "malformed file: 2 problems" in english
    assert "文件格式有误：2 个问题" in chinese


def test_lang_reaches_read_errors(run: Run, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.yaml")
    assert "no such file" in run("validate", "--lang", "en", missing).out
    assert "文件不存在" not in run("validate", "--lang", "en", missing).out
    assert run("validate", "--lang", "zh", missing).out.splitlines()[-1].endswith("文件不存在")


def test_problems_beyond_those_listed_are_reported_as_one_more_diagnostic() -> None:
    from dangjian_model.cli._output import FileResult, diagnostics
    from dangjian_model.files import ConfigError, Problem

    error = ConfigError("f.json", (Problem(path="$.x", value="", expected="y", line=1, column=2),), more=5)
    items = diagnostics(FileResult("f.json", problems=error))
    assert [str(item.location) for item in items] == ["f.json:1:2", "f.json"]
    assert "5 more problems" in items[-1].message_en
    assert "另外 5 个问题" in items[-1].message_zh


def test_a_finding_placed_by_line_only_and_stdin_are_valid_sarif() -> None:
    from dangjian_model import Location
    from dangjian_model.cli._output import FileResult, sarif
    from dangjian_model.validation import Finding, Report, Severity

    finding = Finding(
        code="DJ101",
        severity=Severity.WARNING,
        path="units[a].superior_id",
        message_zh="甲",
        message_en="a",
        hint="h",
        source="s",
        location=Location("-", 3),
    )
    log = sarif([FileResult("-", "registry", Report((finding,)))], "0", None)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "stdin"},
        "region": {"startLine": 3},
    }


def test_github_annotations_of_an_unreadable_file_name_the_file_only(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    result = run("validate", "--format", "github", str(missing))
    assert result.code == EXIT_USAGE
    assert result.out.startswith(f"::error file={missing},title=unreadable-file::")


def test_sarif_of_a_workbook_with_findings_tidied_text_and_a_malformed_one_is_valid_sarif(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    import openpyxl

    workbook, broken = tmp_path / "r.xlsx", tmp_path / "broken.xlsx"
    assert run("convert", str(clean), str(workbook), "--personal-data", "keep").code == EXIT_OK
    book = openpyxl.load_workbook(workbook)
    book["单位"]["D2"] = "nowhere"
    book["单位"]["B3"] = f"{book['单位']['B3'].value}\u3000"
    book.save(workbook)
    book["单位"]["C2"] = "乡村"  # no kind of unit: the workbook is malformed
    book.save(broken)
    code, log = _sarif(run, str(workbook), str(broken))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert code == EXIT_ERRORS
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    for rule, cell in (("DJ101", "单位!D2"), ("tidied-text", "单位!B3"), ("malformed-file", "单位!C2")):
        result = by_rule[rule]
        assert result["message"]["text"].startswith(f"{cell}: ")
        assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == cell
    assert by_rule["tidied-text"]["level"] == "note"
    assert by_rule["malformed-file"]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 3,
    }


def test_tidied_text_without_a_cell_is_placed_at_its_file_and_speaks_the_language_asked_for() -> None:
    from dangjian_model.cli._output import tidied
    from dangjian_model.files import Tidied

    item = tidied(Tidied(path="$.units[0].name", message_zh="去掉空白", message_en="spaces removed"), "r.csv")
    assert (str(item.location), item.cell, item.code) == ("r.csv", None, "tidied-text")
    assert item.placed_message("en") == "spaces removed"
    placed = tidied(
        Tidied(path="$.units.name", message_zh="去掉空白", message_en="spaces removed", cell="单位!AB12"),
        "r.xlsx",
    )
    assert (placed.location.line, placed.location.column, placed.cell) == (12, 28, "单位!AB12")
    assert placed.placed_message("zh") == "单位!AB12: 去掉空白"
