"""``dangjian allocate``: the table with the reasons, guarantor flows, retained, totals that reconcile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangjian_model import IncomeRecord, Money
from dangjian_model.allocation import allocate_project
from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.files import dump, load
from tests.allocation.test_yearly import keqiao_style
from tests.cli.conftest import Run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_table_shows_rule_part_and_exact_quota_and_reconciles(run: Run, clean: Path) -> None:
    result = run("allocate", str(clean), "--project", "lianshu-village", "--income", "100元")
    assert result.code == EXIT_OK
    lines = result.out.splitlines()
    assert lines[0] == "项目: 楝树下艺术村落 (lianshu-village)"
    assert lines[1].startswith("规则: 平分    协议年度: ")
    assert "分配金额: 100元" in lines
    assert any(
        line.startswith("倡隆村 (changlong)") and "33.34元" in line and "3333 1/3" in line for line in lines
    )
    assert lines[-1] == "核对: 已分配 100元 + 留存 0元 = 100元"


def test_the_table_is_the_library_table(run: Run, clean: Path) -> None:
    result = run("allocate", str(clean), "--project", "lianshu-village", "--lang", "en")
    registry = load(clean)
    names = {unit.id: unit.name for unit in registry.units}
    names.update((org.id, org.name) for org in registry.party_organisations)
    table = allocate_project(registry, "lianshu-village").table("en", names)
    assert table in result.out
    assert "rule: equal_split" in result.out


def test_guarantor_flows_and_retained_amounts_are_shown(run: Run, guaranteed: Path) -> None:
    result = run("allocate", str(guaranteed), "--project", "lianshu-village", "--income", "10万元")
    assert result.code == EXIT_OK
    assert "担保方补足:" in result.out
    assert "kuangyan" in result.out
    assert "担保方另付 20,000元" in result.out
    assert "规则: 保底加超额分成" in result.out


def test_json_output_reconciles_to_the_fen(run: Run, guaranteed: Path) -> None:
    result = run(
        "allocate", str(guaranteed), "--project", "lianshu-village", "--income", "50万元", "--format", "json"
    )
    document = json.loads(result.out)
    assert document["rule"] == "guaranteed_minimum"
    assert document["project"]["id"] == "lianshu-village"
    lines = sum(line["amount"]["fen"] for line in document["lines"])
    assert lines + document["retained"]["fen"] == document["total"]["fen"] == Money.parse("50万元").fen
    assert document["allocated"]["fen"] == lines
    assert document["lines"][0]["quota"] == "12000000"
    assert document["guarantor_flows"] == []


def test_json_output_of_an_equal_split_keeps_the_exact_quotas(run: Run, clean: Path) -> None:
    result = run("allocate", str(clean), "--project", "lianshu-village", "--income", "1", "--format", "json")
    document = json.loads(result.out)
    assert [line["quota"] for line in document["lines"]] == ["100/3"] * 3
    assert sorted(line["amount"]["fen"] for line in document["lines"]) == [33, 33, 34]
    assert document["guaranteed"] == {"text": "0元", "fen": 0}


def test_year_and_day_choose_the_year_of_the_agreement(run: Run, clean: Path) -> None:
    by_year = run("allocate", str(clean), "--project", "lianshu-village", "--year", "3", "--format", "json")
    assert json.loads(by_year.out)["year"] == 3
    on_day = run("allocate", str(clean), "--project", "lianshu-village", "--on", "2023-06-30")
    assert on_day.code == EXIT_OK


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--project", "nowhere"], "no project 'nowhere'; 项目 projects: lianshu-village"),
        (["--project", "lianshu-village", "--income", "US$10"], "--income"),
        (["--project", "lianshu-village", "--income", "0.001"], "fraction of a 分"),
        (["--project", "lianshu-village", "--year", "0"], "--year 0"),
        (["--project", "lianshu-village", "--on", "31/12/2024"], "not a date"),
    ],
)
def test_a_bad_request_exits_2_with_what_would_be_right(
    run: Run, clean: Path, options: list[str], message: str
) -> None:
    result = run("allocate", str(clean), *options)
    assert result.code == EXIT_USAGE
    assert message in result.err


def test_the_project_option_is_required(run: Run, clean: Path) -> None:
    result = run("allocate", str(clean))
    assert result.code == EXIT_USAGE
    assert "--project" in result.err


def test_an_alliance_file_cannot_be_allocated(run: Run) -> None:
    result = run("allocate", str(EXAMPLES / "cixi_south_alliance.yaml"), "--project", "p")
    assert result.code == EXIT_USAGE
    assert "needs a registry file" in result.err


def test_a_rule_that_cannot_be_applied_exits_1(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "no-members.yaml"
    path.write_text(
        "units:\n  - {id: town, name: 镇, kind: 镇乡}\n"
        "alliances:\n  - {id: a, name: 联盟, type: 片区联盟, lead_id: town}\n"
        "projects:\n  - {id: p, name: 项目, alliance_id: a}\n",
        encoding="utf-8",
    )
    result = run("allocate", str(path), "--project", "p", "--income", "100")
    assert result.code == EXIT_ERRORS
    assert result.err.startswith("dangjian allocate: 错误 error:")
    assert "Traceback" not in result.err


def test_a_malformed_file_exits_1_with_its_problems_on_stderr(run: Run, malformed: Path) -> None:
    result = run("allocate", str(malformed), "--project", "p")
    assert result.code == EXIT_ERRORS
    assert "$.units[0].name" in result.err
    assert result.out == ""


@pytest.fixture(name="keqiao")
def _keqiao(tmp_path: Path) -> Path:
    """A 柯桥-style project (90% distributed, 10% fixed to 8 villages, guaranteed) with 500万 and 200万."""
    path = tmp_path / "keqiao.yaml"
    records = [
        IncomeRecord(on="2021-12-31", amount="500万元"),
        IncomeRecord(on="2022-12-31", amount="200万元"),
    ]
    dump(keqiao_style(records), path)
    return path


def test_income_of_several_years_is_shared_year_by_year_with_the_lean_years_top_up(
    run: Run, keqiao: Path
) -> None:
    result = run("allocate", str(keqiao), "--project", "keqiao")
    assert result.code == EXIT_OK
    lines = result.out.splitlines()
    assert "协议年度 1 (2021): 分配金额 5,000,000元" in lines
    assert "协议年度 2 (2022): 分配金额 2,000,000元" in lines
    assert "各年度合计:" in lines
    # 2022: 90% of 200万 = 180万 against 8 × 32万 = 256万 due: the state pays 76万 on top
    assert lines[-1] == "核对: 已分配 6,300,000元 + 留存 700,000元 = 7,000,000元; 担保方另付 760,000元"


def test_the_json_of_several_years_lists_each_year_and_the_totals(run: Run, keqiao: Path) -> None:
    document = json.loads(run("allocate", str(keqiao), "--project", "keqiao", "--format", "json").out)
    assert [(y["year"], y["calendar_year"], y["total"]["fen"]) for y in document["years"]] == [
        (1, 2021, Money.parse("500万元").fen),
        (2, 2022, Money.parse("200万元").fen),
    ]
    assert [y["guaranteed"]["fen"] for y in document["years"]] == [0, Money.parse("76万元").fen]
    assert document["total"]["fen"] == Money.parse("700万元").fen
    assert document["allocated"]["fen"] + document["retained"]["fen"] == document["total"]["fen"]
    assert document["guaranteed"]["fen"] == Money.parse("76万元").fen
    assert document["amounts"]["v1"]["fen"] == Money.parse("54.5万元").fen
    assert document["received"]["v1"]["fen"] == Money.parse("64万元").fen


def test_a_year_or_a_day_picks_the_income_of_that_year(run: Run, keqiao: Path) -> None:
    lean = json.loads(
        run("allocate", str(keqiao), "--project", "keqiao", "--year", "2", "--format", "json").out
    )
    assert (lean["year"], lean["total"]["fen"]) == (2, Money.parse("200万元").fen)
    assert lean["guaranteed"]["fen"] == Money.parse("76万元").fen
    rich = run("allocate", str(keqiao), "--project", "keqiao", "--on", "2021-12-31")
    assert "分配金额: 5,000,000元" in rich.out
    assert "协议年度: 1" in rich.out


def test_a_negative_income_is_refused_on_the_command_line(run: Run, clean: Path) -> None:
    result = run("allocate", str(clean), "--project", "lianshu-village", "--income=-5万元")
    assert result.code == EXIT_USAGE
    assert "--income -5万元: 分配的收入不能为负 the income to share cannot be negative" in result.err


def test_a_year_needs_the_projects_start_date_when_the_recorded_income_is_shared(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(
        "projects:\n  - id: p\n    name: 项目\n    contributions: [{contributor_id: a, kind: 现金, amount: 1万元}]\n"
        "    income: [{on: 2021-12-31, amount: 100元}]\n",
        encoding="utf-8",
    )
    assert run("allocate", str(path), "--project", "p", "--year", "2").code == EXIT_USAGE
    assert "started_on" in run("allocate", str(path), "--project", "p", "--year", "2").err
    assert run("allocate", str(path), "--project", "p", "--year", "2", "--income", "1元").code == EXIT_OK
