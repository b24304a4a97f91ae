"""``dangjian report``: writes the page, refuses to overwrite, reports an alliance file inside its registry."""

from __future__ import annotations

import datetime
from pathlib import Path

from dangjian_model.cli import EXIT_OK, EXIT_USAGE
from dangjian_model.files import load
from dangjian_model.report import render
from tests.cli.conftest import NAME, Run

ROOT = Path(__file__).resolve().parents[2]
CIXI = str(ROOT / "examples" / "cixi_three_villages.yaml")


def test_the_page_is_written_to_the_output_file_and_equals_the_librarys(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("report", CIXI, "-o", str(target), "--as-of", "2025-01-15")
    assert result.code == EXIT_OK
    assert f"已写入 wrote {target}" in result.err
    expected = render(load(CIXI), source=CIXI, as_of=datetime.date(2025, 1, 15))
    assert target.read_text(encoding="utf-8") == expected


def test_without_an_output_file_the_page_goes_to_stdout(run: Run) -> None:
    result = run("report", CIXI, "--lang", "en")
    assert result.code == EXIT_OK
    assert result.out.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in result.out


def test_an_existing_file_is_replaced_only_with_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    refused = run("report", CIXI, "-o", str(target))
    assert refused.code == EXIT_USAGE
    assert "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("report", CIXI, "-o", str(target), "--force").code == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_alliance_file_needs_its_registry(run: Run) -> None:
    alliance = str(ROOT / "examples" / "cixi_south_alliance.yaml")
    alone = run("report", alliance)
    assert alone.code == EXIT_USAGE
    assert "--registry" in alone.err
    inside = run("report", alliance, "--registry", CIXI)
    assert inside.code == EXIT_OK
    assert "匡堰镇南部片区党建联盟" in inside.out


def test_names_are_masked_unless_kept(run: Run, clean: Path) -> None:
    # the planted person is in the registry; the report shows no person's name unless asked
    assert NAME not in run("report", str(clean)).out
    assert run("report", str(clean), "--personal-data", "keep").code == EXIT_OK


def test_a_missing_file_is_a_usage_error_without_a_traceback(run: Run, tmp_path: Path) -> None:
    result = run("report", str(tmp_path / "missing.yaml"))
    assert result.code == EXIT_USAGE
    assert "Traceback" not in result.err


def test_each_finding_of_the_report_shows_its_line_in_the_file(run: Run, with_errors: Path) -> None:
    result = run("report", str(with_errors), "--lang", "en")
    assert result.code == EXIT_OK
    lines = with_errors.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "superior_id: kuangyang" in text)
    assert f"line {line} ({with_errors}:{line}:" in result.out
