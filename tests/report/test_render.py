"""``report.render``: one page that needs nothing from outside, and whose numbers are the library's to the 分."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import (
    Agreement,
    IncomeRecord,
    InvalidValue,
    LabelledEnum,
    Membership,
    Money,
    Person,
    Project,
    Registry,
    Unit,
)
from dangjian_model.allocation import GuaranteedMinimum, allocate_project, project_year
from dangjian_model.files import load
from dangjian_model.report import allocations_by_year, render
from dangjian_model.strategies import registries
from dangjian_model.validation import Finding, Report, Severity, cixi_example
from tests.cli.conftest import NAME, clean_registry
from tests.report.pages import YearSection, year_sections

ROOT = Path(__file__).resolve().parents[2]
REGISTRIES = sorted(p for p in (ROOT / "examples").glob("*.yaml") if p.name != "cixi_south_alliance.yaml")
DAY = datetime.date(2025, 1, 15)


def _expected(registry: Registry, project: Project) -> dict[int, Any]:
    """The library's allocation of each agreement year's income, grouped here independently of the report."""
    totals: dict[int, Money] = {}
    for record in project.income:
        year = project_year(project, record.on)
        totals[year] = totals.get(year, Money.ZERO) + record.amount
    return {year: allocate_project(registry, project.id, total, year=year) for year, total in totals.items()}


def _fen(text: str) -> int:
    return Money.parse(text).fen


def _member(cell: str) -> str:
    return cell.splitlines()[-1]  # the id is under the name


def _assert_section_is(section: YearSection, allocation: Any) -> None:
    details = section.tables[1]
    lines = [row for row in details[1:] if row[0].isdigit()]
    assert [(_member(row[1]), _fen(row[2])) for row in lines] == [
        (line.member_id, line.amount.fen) for line in allocation.lines
    ]
    totals = {row[1]: _fen(row[2]) for row in details[1:] if not row[0]}
    assert totals["分配合计"] == (allocation.total - allocation.retained).fen
    assert totals["收入合计"] == allocation.total.fen == _fen(section.tables[0][-1][-1])
    assert totals.get("留存", 0) == allocation.retained.fen
    signatures = section.tables[-1]
    assert [_member(row[0]) for row in signatures[1:]] == list(allocation.member_ids)
    for row in signatures[1:]:
        member = _member(row[0])
        assert (_fen(row[1]), _fen(row[2]), _fen(row[3])) == (
            allocation.amount(member).fen,
            allocation.covered(member).fen,
            allocation.received(member).fen,
        )
        assert row[4] == "", "the signature cell is left empty to sign in"
    if allocation.guarantor_flows:
        flows = section.tables[2]
        assert [(_member(r[0]), _member(r[1]), _fen(r[2])) for r in flows[1:-1]] == [
            (f.guarantor_id, f.member_id, f.amount.fen) for f in allocation.guarantor_flows
        ]
        assert _fen(flows[-1][2]) == allocation.guaranteed_total.fen


@pytest.mark.parametrize("path", REGISTRIES, ids=lambda p: p.name)
def test_the_reports_numbers_are_the_librarys_allocation_to_the_fen(path: Path) -> None:
    registry = load(path)
    sections = year_sections(render(registry, as_of=DAY))
    expected = [
        (project.id, year, allocation)
        for project in registry.projects
        for year, allocation in sorted(_expected(registry, project).items())
    ]
    assert [(s.project, s.year) for s in sections] == [(p, y) for p, y, _ in expected]
    for section, (_, _, allocation) in zip(sections, expected, strict=True):
        _assert_section_is(section, allocation)


def test_income_of_different_agreement_years_is_shared_year_by_year() -> None:
    registry = load(ROOT / "examples" / "enclave_fixed_return.yaml")
    project = registry.projects[0]
    years = allocations_by_year(registry, project)
    assert len(years) == len({project_year(project, r.on) for r in project.income}) > 1
    assert sum((y.allocation.total for y in years), Money.ZERO) == project.total_income


def test_guarantor_top_ups_and_retained_amounts_are_in_the_table() -> None:
    registry = clean_registry()
    rule = GuaranteedMinimum(("qianbing",), "12万元", guarantor_id="kuangyan")
    project = attrs.evolve(
        registry.project("lianshu-village"),
        allocation_rule=rule,
        income=[IncomeRecord(on="2021-12-31", amount="10万元")],
    )
    registry = attrs.evolve(registry, projects=[project])
    html = render(registry, as_of=DAY)
    (section,) = year_sections(html)
    (allocation,) = _expected(registry, project).values()
    assert allocation.guarantor_flows, "the example must exercise a top-up"
    _assert_section_is(section, allocation)
    assert "担保方补足" in html
    assert "成员实收合计" in html


@settings(max_examples=15, deadline=None)
@given(registry=registries())
def test_any_registry_renders_and_every_year_reconciles(registry: Registry) -> None:
    html = render(registry, as_of=DAY)
    assert html.startswith("<!DOCTYPE html>")
    for section in year_sections(html):
        details = section.tables[1]
        amounts = [_fen(row[2]) for row in details[1:] if row[0].isdigit()]
        totals = {row[1]: _fen(row[2]) for row in details[1:] if not row[0]}
        assert sum(amounts) == totals["分配合计"]
        assert totals["分配合计"] + totals.get("留存", 0) == totals["收入合计"]


@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**10), min_size=1, max_size=8),
    days=st.lists(st.integers(min_value=0, max_value=3650), min_size=8, max_size=8),
)
def test_sharing_by_year_keeps_every_fen_of_the_income(amounts: list[int], days: list[int]) -> None:
    registry = cixi_example()
    start = datetime.date(2020, 3, 1)
    records = [
        IncomeRecord(on=start + datetime.timedelta(days=day), amount=Money.parse(f"{fen / 100:.2f}"))
        for fen, day in zip(amounts, days, strict=False)
    ]
    project = attrs.evolve(registry.project("lianshu-village"), income=records, started_on=start)
    registry = attrs.evolve(registry, projects=[project])
    years = allocations_by_year(registry, project)
    assert [y.year for y in years] == sorted({project_year(project, r.on) for r in records})
    assert sum((y.allocation.total for y in years), Money.ZERO) == project.total_income
    assert sorted((r for y in years for r in y.records), key=lambda r: r.on) == sorted(
        records, key=lambda r: r.on
    )


def test_the_page_fetches_nothing_from_outside() -> None:
    html = render(load(ROOT / "examples" / "enclave_guarantor.yaml"), as_of=DAY)
    lowered = html.lower()
    for outside in ("<script", "<link", "<img", "<iframe", "@import", "src=", "http://w", "https:"):
        assert outside not in lowered.replace('xmlns="http://www.w3.org/2000/svg"', ""), outside
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {"#a0-solid", "#a0-dash"}


def test_every_alliance_is_drawn_with_solid_affiliation_and_dashed_membership() -> None:
    registry = load(ROOT / "examples" / "ningbo_alliance_types.yaml")
    html = render(registry, as_of=DAY)
    assert html.count('<svg class="structure"') == len(registry.alliances)
    assert 'class="edge solid"' in html
    assert 'class="edge dashed"' in html
    assert '"Noto Sans CJK SC"' in html and "Microsoft YaHei" in html and "sans-serif" in html


def test_the_overview_names_type_lead_members_and_the_declared_principles() -> None:
    html = render(cixi_example(), as_of=DAY)
    for text in ("片区党建联盟", "倡隆村", "乾炳村", "✓ 规划联体", "✓ 管理层级不变", "行政村"):
        assert text in html


def test_a_clean_file_says_so_plainly() -> None:
    assert "没有发现问题" in render(cixi_example(), as_of=DAY)
    assert "No problems found" in render(cixi_example(), lang="en", as_of=DAY)


def test_findings_are_grouped_by_rule_with_the_chinese_message_first_and_the_source() -> None:
    registry = cixi_example()
    village = attrs.evolve(registry.unit("changlong"), superior_id="nowhere")
    other = attrs.evolve(registry.unit("qianbing"), superior_id="elsewhere")
    units = [u for u in registry.units if u.id not in ("changlong", "qianbing")]
    html = render(attrs.evolve(registry, units=[*units, village, other]), as_of=DAY)
    assert html.count("DJ101 引用无法解析") == 1
    assert "units[changlong].superior_id" in html and "units[qianbing].superior_id" in html
    group = html.split("DJ101 引用无法解析")[1].split("</div>")[0]
    assert group.index("编号") < group.index('<span class="en">')
    assert "依据：" in group
    assert "没有发现问题" not in html


def test_a_finding_that_knows_its_line_shows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen(kw_only=True)
    class LinedFinding(Finding):
        line: int

    finding = LinedFinding(
        code="DJ101",
        severity=Severity.ERROR,
        path="units[a].superior_id",
        message_zh="上级不存在",
        message_en="no such superior",
        hint="写对编号 name one that exists",
        source="model",
        line=42,
    )
    monkeypatch.setattr("dangjian_model.report._page.validate", lambda registry, config: Report((finding,)))
    assert "第 42 行" in render(cixi_example(), as_of=DAY)
    assert "line 42" in render(cixi_example(), lang="en", as_of=DAY)


def _with_member_person(registry: Registry) -> Registry:
    alliance = registry.alliance("cixi-south")
    alliance = attrs.evolve(
        alliance, memberships=(*alliance.memberships, Membership(participant_id="planted"))
    )
    return attrs.evolve(registry, alliances=[alliance])


def test_names_of_people_are_masked_unless_kept() -> None:
    registry = _with_member_person(clean_registry())
    masked = render(registry, as_of=DAY)
    assert NAME not in masked
    assert NAME[0] + "**" in masked
    kept = render(registry, personal_data="keep", as_of=DAY)
    assert NAME in kept
    assert "个人信息未脱敏" in kept


def test_in_english_the_headings_are_english_and_the_chinese_terms_stay() -> None:
    html = render(cixi_example(), lang="en", as_of=DAY)
    assert '<html lang="en">' in html
    assert "Income allocation" in html and "Receipt" in html
    assert "平分 (equal split)" in html


@pytest.mark.parametrize(("option", "value"), [("lang", "fr"), ("personal_data", "refuse")])
def test_an_unknown_option_is_refused_with_what_would_be_right(option: str, value: str) -> None:
    with pytest.raises(InvalidValue, match="render"):
        render(cixi_example(), **{option: value})  # type: ignore[arg-type]


def test_a_project_without_income_or_without_sharers_says_why_instead_of_failing() -> None:
    registry = cixi_example()
    idle = Project(id="idle", name="待建项目", alliance_id="cixi-south")
    orphan = Project(id="orphan", name="无主项目", income=[IncomeRecord(on="2022-01-01", amount="1000元")])
    html = render(attrs.evolve(registry, projects=[*registry.projects, idle, orphan]), as_of=DAY)
    assert "尚无收入记录" in html
    assert "无法分配" in html


def test_an_alliance_that_cannot_be_drawn_points_to_the_findings() -> None:
    registry = cixi_example()
    alliance = attrs.evolve(
        registry.alliance("cixi-south"),
        memberships=(*registry.alliance("cixi-south").memberships, Membership(participant_id="ghost")),
    )
    html = render(attrs.evolve(registry, alliances=[alliance]), as_of=DAY)
    assert "结构图无法绘制" in html
    assert "ghost" in html


def test_a_registry_without_alliances_or_projects_says_so() -> None:
    html = render(Registry(units=[Unit(id="town", name="某镇", kind="镇乡")]), as_of=DAY)
    assert "登记册中没有联盟" in html
    assert "登记册中没有共建项目" in html
    assert 'id="meetings"' not in html


# ------------------------------------------------------------------------------------------ meetings hook


class _Status(LabelledEnum):
    """Stands in for the follow-up status of the meetings model (待落实 … 已落实)."""

    PENDING = ("pending", "待落实")
    DONE = ("done", "已落实")

    @property
    def is_open(self) -> bool:
        return self is _Status.PENDING


@attrs.frozen
class _FollowUp:
    """Stands in for a meeting's follow-up: the page reads these fields and asks ``is_overdue``."""

    responsible_id: str
    due_on: datetime.date
    done: bool

    @property
    def status(self) -> _Status:
        return _Status.DONE if self.done else _Status.PENDING

    def is_overdue(self, on: datetime.date) -> bool:
        return not self.done and self.due_on < on


@attrs.frozen
class _Item:
    title: str
    follow_ups: tuple[_FollowUp, ...]


@attrs.frozen
class _Meeting:
    title: str
    kind: Severity
    held_by_id: str
    held_on: datetime.date
    agenda: tuple[_Item, ...]


@attrs.frozen(kw_only=True)
class _WithMeetings(Registry):
    meetings: tuple[_Meeting, ...] = ()  # type: ignore[assignment]


def test_meetings_of_the_last_year_are_listed_and_overdue_follow_ups_highlighted() -> None:
    base = cixi_example()
    late = _FollowUp("changlong", datetime.date(2024, 12, 1), done=False)
    done = _FollowUp("qianbing", datetime.date(2024, 12, 1), done=True)
    old_done = _FollowUp("qianbing", datetime.date(2020, 1, 1), done=True)
    meetings = (
        _Meeting(
            "一季度联席会议",
            Severity.INFO,
            "cixi-south",
            datetime.date(2024, 3, 28),
            (_Item("修路", (late, done)),),
        ),
        _Meeting(
            "五年前的会议",
            Severity.INFO,
            "cixi-south",
            datetime.date(2019, 3, 28),
            (_Item("旧事", (old_done,)),),
        ),
    )
    registry = _WithMeetings(units=base.units, alliances=base.alliances, meetings=meetings)
    html = render(registry, as_of=DAY)
    section = html.split('<section id="meetings">')[1]
    table = section.split("<h3>")[0]
    assert "一季度联席会议" in table and "五年前的会议" not in table
    follow = section.split("<h3>")[1]
    assert follow.count('<tr class="overdue">') == 1
    assert "旧事" not in follow, "a closed follow-up of an old meeting is not listed"
    assert "已逾期" in follow


def test_a_registry_whose_meetings_are_all_old_says_there_were_none_recently() -> None:
    base = cixi_example()
    meetings = (_Meeting("旧会", Severity.INFO, "cixi-south", datetime.date(2019, 3, 28), ()),)
    html = render(_WithMeetings(units=base.units, alliances=base.alliances, meetings=meetings), as_of=DAY)
    assert "没有会议记录" in html


def test_the_personal_data_of_a_member_person_never_reaches_the_picture() -> None:
    registry = _with_member_person(clean_registry())
    picture_part = (
        render(registry, personal_data="keep", as_of=DAY)
        .split('<svg class="structure"')[1]
        .split("</svg>")[0]
    )
    assert NAME not in picture_part
    assert isinstance(registry.find("planted"), Person)


def test_member_figures_terms_and_withdrawals_are_shown() -> None:
    registry = cixi_example()
    village = attrs.evolve(
        registry.unit("changlong"),
        population=1234,
        households=456,
        area_km2="3.5",
        collective_income="120万元",
    )
    alliance = registry.alliance("cixi-south")
    leaving = Membership(participant_id="qianbing", joined_on="2021-01-01", left_on="2024-06-30")
    memberships = tuple(m for m in alliance.memberships if m.participant_id != "qianbing")
    alliance = attrs.evolve(
        alliance,
        memberships=(*memberships, leaving),
        formed_on=None,
        agreement=Agreement(title="共建协议", signed_on="2021-01-01", expires_on="2026-12-31"),
    )
    units = [u for u in registry.units if u.id != "changlong"]
    html = render(attrs.evolve(registry, units=[*units, village], alliances=[alliance]), as_of=DAY)
    for text in (
        "人口 1,234",
        "户数 456",
        "面积 3.5 km²",
        "村集体经济收入 1,200,000元",
        "退出 2024-06-30",
        "到期 2026-12-31",
    ):
        assert text in html
