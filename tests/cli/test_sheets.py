"""The command with workbooks and CSV: template, convert both ways, validate with cells, labels."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.files import dumps, load, read_workbook
from tests.cli.conftest import NAME, Run


def test_template_writes_an_empty_workbook_and_refuses_to_replace_one(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "登记册.xlsx"
    result = run("template", str(target))
    assert result.code == EXIT_OK
    assert "已写入" in result.err
    assert "单位" in openpyxl.load_workbook(target).sheetnames
    assert run("template", str(target)).code == EXIT_USAGE
    assert run("template", str(target), "--force").code == EXIT_OK


def test_template_writes_csv_files_into_a_folder_or_zip(run: Run, tmp_path: Path) -> None:
    assert run("template", str(tmp_path / "csv") + "/").code == EXIT_OK
    assert (tmp_path / "csv" / "units.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert run("template", str(tmp_path / "t.zip")).code == EXIT_OK
    result = run("template", str(tmp_path / "t.yaml"))
    assert result.code == EXIT_USAGE
    assert "模板" in result.err


def test_convert_to_a_workbook_and_back_gives_the_canonical_json(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    workbook, back = tmp_path / "r.xlsx", tmp_path / "r.json"
    assert run("convert", str(clean), str(workbook), "--personal-data", "keep").code == EXIT_OK
    assert run("convert", str(workbook), str(back), "--personal-data", "keep").code == EXIT_OK
    assert back.read_text(encoding="utf-8") == dumps(load(clean), personal_data=True)
    assert read_workbook(workbook).registry == load(clean)


def test_convert_to_a_workbook_refuses_people_an_existing_file_and_an_alliance(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "r.xlsx"
    assert run("convert", str(clean), str(workbook)).code == EXIT_ERRORS
    assert not workbook.exists()
    workbook.write_bytes(b"")
    assert run("convert", str(clean), str(workbook), "--personal-data", "mask").code == EXIT_USAGE
    alliance = tmp_path / "alliance.yaml"
    alliance.write_text("alliance: {id: a, name: 联盟, type: 片区党建联盟, lead_id: x}\n", encoding="utf-8")
    result = run("convert", str(alliance), str(tmp_path / "a.xlsx"))
    assert result.code == EXIT_USAGE
    assert "workbooks and CSV hold registries" in result.err


def test_convert_with_chinese_labels_writes_labels_that_read_back_the_same(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    labelled = tmp_path / "r.yaml"
    assert (
        run("convert", str(clean), str(labelled), "--labels", "zh", "--personal-data", "keep").code == EXIT_OK
    )
    text = labelled.read_text(encoding="utf-8")
    assert "kind: 行政村" in text and "kind: village" not in text
    assert load(labelled) == load(clean)


def test_convert_reads_gbk_csv_with_the_encoding_option(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "gbk"
    folder.mkdir()
    (folder / "单位.csv").write_bytes(
        "编号 id,名称 name,单位类型 kind\r\nk,匡堰镇,镇乡\r\n".encode("gb18030")
    )
    assert run("convert", str(folder), str(tmp_path / "r.json"), "--encoding", "gb18030").code == EXIT_OK
    assert run("convert", str(folder), str(tmp_path / "s.json"), "--encoding", "utf-8").code == EXIT_ERRORS
    assert load(tmp_path / "r.json").unit("k").name == "匡堰镇"


def test_validate_names_the_cell_of_a_problem_in_text_and_json(run: Run, clean: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "r.xlsx"
    run("convert", str(clean), str(workbook), "--personal-data", "keep")
    book = openpyxl.load_workbook(workbook)
    book["单位"]["C2"] = "乡村"
    book.save(workbook)
    text = run("validate", str(workbook))
    assert text.code == EXIT_ERRORS
    assert "单位!C2: $.units[0].kind:" in text.out
    (problem,) = json.loads(run("validate", "--format", "json", str(workbook)).out)["files"][0]["problems"]
    assert (problem["cell"], problem["sheet"], problem["line"], problem["column"]) == (
        "单位!C2",
        "单位",
        2,
        3,
    )


def test_validate_puts_cells_on_findings_and_reports_tidied_text(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "r.xlsx"
    run("convert", str(clean), str(workbook), "--personal-data", "keep")
    book = openpyxl.load_workbook(workbook)
    book["单位"]["D2"] = "nowhere"  # a reference to nothing: DJ101
    book["单位"]["B3"] = f" {book['单位']['B3'].value} "
    book.save(workbook)
    text = run("validate", str(workbook))
    assert f"{workbook}:单位!D2: DJ101 [错误 error]" in text.out
    assert f"{workbook}:单位!B3: $.units.name: [提示 info] 去掉首尾空白 / white space" in text.out
    document = json.loads(run("validate", "--format", "json", str(workbook)).out)
    found = next(f for f in document["files"][0]["findings"] if f["code"] == "DJ101")
    assert found["location"] == {
        "file": str(workbook),
        "line": 2,
        "column": 4,
        "sheet": "单位",
        "cell": "D2",
    }
    (tidied,) = document["files"][0]["tidied"]
    assert (tidied["cell"], tidied["severity"]) == ("单位!B3", "info")
    assert (tidied["location"]["sheet"], tidied["location"]["cell"]) == ("单位", "B3")
    assert document["files"][0]["counts"]["info"] >= 1
    assert NAME not in text.out


def test_every_format_places_findings_and_tidied_text_of_a_csv_folder_at_their_cells(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    assert run("convert", str(clean), str(folder) + "/", "--personal-data", "keep").code == EXIT_OK
    units = folder / "units.csv"
    lines = units.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[1] = f" {row[1]}"  # untidy text: an info at B2
    row[3] = "nowhere"  # a superior that does not exist: DJ101 at D2
    assert header[3].endswith("superior_id")
    units.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    concise = run("validate", "--format", "concise", str(folder)).out
    assert f"{folder}:units.csv!B2: tidied-text info " in concise
    assert f"{folder}:units.csv!D2: DJ101 error " in concise
    english = run("validate", "--lang", "en", str(folder)).out
    assert f"{folder}:units.csv!B2: $.units.name: [info] white space at the start or end removed" in english
    github = run("validate", "--format", "github", str(folder)).out
    assert "::notice file=" in github and "title=tidied-text::units.csv!B2: " in github
    assert "line=2,col=4,title=DJ101 unresolved-reference::units.csv!D2: " in github
    log = json.loads(run("validate", "--format", "sarif", str(folder)).out)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    tidied = next(r for r in results if r["ruleId"] == "tidied-text")
    assert (tidied["level"], rules[tidied["ruleIndex"]]["id"]) == ("note", "tidied-text")
    found = next(r for r in results if r["ruleId"] == "DJ101")
    (place,) = found["locations"]
    assert place["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 4}
    assert place["physicalLocation"]["properties"] == {"sheet": "units.csv", "cell": "D2"}
    assert place["logicalLocations"][0]["fullyQualifiedName"] == "units.csv!D2"
    assert found["message"]["text"].startswith("units.csv!D2: ")


def test_a_workbook_cannot_come_from_standard_input(run: Run) -> None:
    result = run("validate", "--input-format", "xlsx", "-")
    assert result.code == EXIT_USAGE
    assert "standard input holds JSON, YAML or TOML" in result.out + result.err


def test_a_missing_workbook_or_folder_cannot_be_read(run: Run, tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "missing.xlsx")).code == EXIT_USAGE
    assert run("validate", str(tmp_path / "missing.zip")).code == EXIT_USAGE


def test_other_commands_read_workbooks_too(run: Run, clean: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "r.xlsx"
    run("convert", str(clean), str(workbook), "--personal-data", "keep")
    result = run("allocate", str(workbook), "--project", "lianshu-village", "--income", "100元")
    assert result.code == EXIT_OK
    assert "倡隆村 (changlong)" in result.out


def test_without_openpyxl_the_command_says_what_to_install(
    run: Run, clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    workbook = tmp_path / "r.xlsx"
    run("convert", str(clean), str(workbook), "--personal-data", "keep")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    for result in (run("template", str(tmp_path / "t.xlsx")), run("validate", str(workbook))):
        assert result.code == EXIT_USAGE
        assert "dangjian-model[excel]" in result.err + result.out
    result = run("convert", str(clean), str(tmp_path / "x.xlsx"), "--personal-data", "keep")
    assert result.code == EXIT_USAGE


def test_convert_writes_a_workbook_or_csv_only_to_a_named_file(run: Run, clean: Path) -> None:
    for target_format in ("xlsx", "csv"):
        result = run("convert", str(clean), "-", "--to", target_format, "--personal-data", "keep")
        assert result.code == EXIT_USAGE
        assert "cannot be written to standard output" in result.err
        assert result.out == ""
