"""``report.render``: one page that needs nothing from outside, and whose numbers are the library's to the 分."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import (
    Agreement,
    FollowUpStatus,
    IncomeRecord,
    InvalidValue,
    Location,
    Membership,
    Money,
    Person,
    Project,
    Registry,
    Unit,
)
from dangjian_model.allocation import (
    Allocation,
    GuaranteedMinimum,
    YearAllocation,
    allocate_project_by_year,
)
from dangjian_model.files import load
from dangjian_model.report import render
from dangjian_model.strategies import registries
from dangjian_model.validation import Finding, Report, Severity, ValidationConfig, cixi_example
from tests.cli.conftest import NAME, clean_registry
from tests.report.pages import YearSection, year_sections

ROOT = Path(__file__).resolve().parents[2]
REGISTRIES = sorted(p for p in (ROOT / "examples").glob("*.yaml") if p.name != "cixi_south_alliance.yaml")
DAY = datetime.date(2025, 1, 15)


def _expected(registry: Registry, project: Project) -> list[YearAllocation]:
    """The library's allocation of each year's income, asked of the library here, not of the report."""
    return list(allocate_project_by_year(registry, project.id))


def _fen(text: str) -> int:
    return Money.parse(text).fen


def _member(cell: str) -> str:
    return cell.splitlines()[-1]  # the id is under the name


def _assert_section_is(section: YearSection, allocation: Allocation) -> None:
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
    expected = [(project.id, year) for project in registry.projects for year in _expected(registry, project)]
    assert [(s.project, s.year, s.calendar_year) for s in sections] == [
        (project_id, year.year, year.calendar_year) for project_id, year in expected
    ]
    for section, (_, year) in zip(sections, expected, strict=True):
        _assert_section_is(section, year.allocation)


def test_each_year_is_headed_by_its_agreement_year_and_the_calendar_year_of_its_income() -> None:
    registry = load(ROOT / "examples" / "enclave_fixed_return.yaml")
    sections = year_sections(render(registry, as_of=DAY))
    years = _expected(registry, registry.projects[0])
    assert len({(y.year, y.calendar_year) for y in years}) == len(sections) > 1
    for section, year in zip(sections, years, strict=True):
        assert section.heading == f"协议第 {year.year} 年 · {year.calendar_year} 年度收入"
    english = year_sections(render(registry, lang="en", as_of=DAY))
    assert [s.heading for s in english] == [
        f"Agreement year {y.year} · income of {y.calendar_year}" for y in years
    ]


def _records(section: YearSection) -> list[tuple[str, str, int]]:
    """(date, period, 分) of each income record listed in a year section."""
    return [(row[0], row[1], _fen(row[3])) for row in section.tables[0][1:-1]]


def test_income_booked_early_in_the_next_year_is_shared_in_the_year_of_its_period() -> None:
    registry = cixi_example()
    rent = [
        IncomeRecord(on="2021-06-30", amount="5万元"),
        IncomeRecord(on="2022-01-10", amount="5万元", period="2021年"),
        IncomeRecord(on="2022-06-30", amount="3万元"),
    ]
    project = attrs.evolve(registry.project("lianshu-village"), started_on="2021-01-01", income=rent)
    sections = year_sections(render(attrs.evolve(registry, projects=[project]), as_of=DAY))
    assert [(s.year, s.calendar_year) for s in sections] == [(1, 2021), (2, 2022)]
    assert _records(sections[0]) == [("2021-06-30", "", 5_000_000), ("2022-01-10", "2021年", 5_000_000)]
    assert _records(sections[1]) == [("2022-06-30", "", 3_000_000)]


def test_without_a_start_date_each_calendar_year_is_still_shared_on_its_own() -> None:
    registry = cixi_example()
    rule = GuaranteedMinimum(("qianbing",), "12万元", guarantor_id="kuangyan")
    income = [IncomeRecord(on="2021-12-31", amount="10万元"), IncomeRecord(on="2022-12-31", amount="20万元")]
    project = attrs.evolve(
        registry.project("lianshu-village"), started_on=None, allocation_rule=rule, income=income
    )
    registry = attrs.evolve(registry, projects=[project])
    sections = year_sections(render(registry, as_of=DAY))
    assert [(s.year, s.calendar_year) for s in sections] == [(1, 2021), (1, 2022)]
    lean, good = sections
    assert _fen(lean.tables[2][-1][2]) == 2_000_000, "the lean year keeps its guarantor top-up"
    assert len(good.tables) == 3, "a good year needs no top-up"


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
    (year,) = _expected(registry, project)
    allocation = year.allocation
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
    records=st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10**10),
            st.integers(min_value=0, max_value=3650),
            st.one_of(st.none(), st.integers(min_value=2018, max_value=2031)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_every_income_record_is_listed_once_in_the_year_it_is_for(
    records: list[tuple[int, int, int | None]],
) -> None:
    registry = cixi_example()
    start = datetime.date(2020, 3, 1)
    income = [
        IncomeRecord(
            on=start + datetime.timedelta(days=day),
            amount=Money(fen),
            period=None if period is None else f"{period}年",
        )
        for fen, day, period in records
    ]
    project = attrs.evolve(registry.project("lianshu-village"), income=income, started_on=start)
    sections = year_sections(render(attrs.evolve(registry, projects=[project]), as_of=DAY))
    listed = sorted((s.calendar_year, r) for s in sections for r in _records(s))
    assert listed == sorted(
        (period or on.year, (on.isoformat(), f"{period}年" if period else "", fen))
        for (fen, _, period), on in zip(records, (r.on for r in income), strict=True)
    )
    assert [s.calendar_year for s in sections] == sorted({year for year, _ in listed})
    assert [s.year for s in sections] == [max(s.calendar_year - start.year + 1, 1) for s in sections]
    assert sum(_fen(s.tables[0][-1][-1]) for s in sections) == project.total_income.fen


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
    finding = Finding(
        code="DJ101",
        severity=Severity.ERROR,
        path="units[a].superior_id",
        message_zh="上级不存在",
        message_en="no such superior",
        hint="写对编号 name one that exists",
        source="model",
        location=Location("r.yaml", 42, 7),
    )
    monkeypatch.setattr("dangjian_model.report._page.validate", lambda registry, config: Report((finding,)))
    assert "第 42 行 (r.yaml:42:7)" in render(cixi_example(), as_of=DAY)
    assert "line 42 (r.yaml:42:7)" in render(cixi_example(), lang="en", as_of=DAY)


def test_locate_places_every_finding_of_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []

    def locate(paths: list[str]) -> dict[str, Location]:
        asked.append(paths)
        return {path: Location("r.toml", 3) for path in paths}

    registry = cixi_example()
    broken = attrs.evolve(registry.unit("changlong"), superior_id="nowhere")
    registry = attrs.evolve(registry, units=[broken, *(u for u in registry.units if u.id != "changlong")])
    html = render(registry, lang="en", as_of=DAY, locate=locate)
    assert asked and "units[changlong].superior_id" in asked[0]
    assert "line 3 (r.toml:3)" in html
    assert render(cixi_example(), as_of=DAY, locate=locate)  # a clean registry asks for nothing
    assert len(asked) == 1


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


# ------------------------------------------------------------------------------------------------ meetings


def _meetings_part(html: str) -> tuple[str, str]:
    """The meetings table (or the line saying there were none) and the follow-up table, as HTML."""
    section = html.split('<section id="meetings">')[1].split("</section>")[0]
    listed, _, follow = section.partition("<h3>")
    return listed, follow


def test_the_meetings_of_the_year_before_the_report_are_listed_with_their_follow_ups() -> None:
    registry = load(ROOT / "examples" / "zhongshan_east.yaml")
    as_of = datetime.date(2022, 1, 1)
    listed, follow = _meetings_part(render(registry, as_of=as_of))
    for meeting in registry.meetings:
        assert datetime.date(2021, 1, 1) <= meeting.held_on <= as_of
        assert meeting.title in listed
        assert meeting.kind.label in listed
        for item in meeting.agenda:
            for follow_up in item.follow_ups:
                assert follow_up.status is FollowUpStatus.DONE
                assert f"{follow_up.status.label} {follow_up.done_on}" in follow
                assert item.title in follow
    assert 'class="overdue"' not in follow, "every follow-up was done in time"


def _open_after_due(registry: Registry, on: datetime.date) -> list[str]:
    """The agenda items with a follow-up still pending or in progress after its date, worked out here."""
    return [
        item.title
        for meeting in registry.meetings
        for item in meeting.agenda
        for follow_up in item.follow_ups
        if follow_up.status in (FollowUpStatus.PENDING, FollowUpStatus.IN_PROGRESS)
        and follow_up.due_on is not None
        and follow_up.due_on < on
    ]


def test_a_follow_up_still_open_after_its_date_is_highlighted_and_found_by_validation_alike() -> None:
    registry = load(ROOT / "examples" / "niujie_three_levels.yaml")
    as_of = datetime.date(2024, 1, 1)
    html = render(registry, as_of=as_of)
    _, follow = _meetings_part(html)
    overdue = _open_after_due(registry, as_of)
    assert overdue, "the example must have a follow-up past its date"
    rows = follow.split('<tr class="overdue">')[1:]
    assert len(rows) == len(overdue)
    for row, title in zip(rows, overdue, strict=True):
        assert title in row and "已逾期" in row and "落实中" in row
    validation = html.split('<section id="validation">')[1].split("</section>")[0]
    assert "DJ713" in validation, "the page judges follow-ups on one day: the report's"
    early = render(registry, as_of=as_of, config=ValidationConfig(as_of=datetime.date(2023, 6, 1)))
    assert "DJ713" not in early.split('<section id="validation">')[1].split("</section>")[0]


def test_an_old_meeting_shows_only_its_follow_ups_still_open() -> None:
    registry = load(ROOT / "examples" / "niujie_three_levels.yaml")
    listed, follow = _meetings_part(render(registry, as_of=DAY))
    assert "2024-01-15 至 2025-01-15 没有会议记录" in listed
    (meeting,) = registry.meetings
    for item in meeting.agenda:
        (follow_up,) = item.follow_ups
        assert (item.title in follow) is follow_up.status.is_open
    english, _ = _meetings_part(render(registry, lang="en", as_of=DAY))
    assert "No meeting recorded from 2024-01-15 to 2025-01-15" in english


def test_the_people_who_carry_out_a_follow_up_are_masked_unless_kept() -> None:
    registry = load(ROOT / "examples" / "niujie_three_levels.yaml")
    (meeting,) = registry.meetings
    people = {
        registry.person(follow_up.responsible_id).name
        for item in meeting.agenda
        for follow_up in item.follow_ups
    }
    _, masked = _meetings_part(render(registry, as_of=datetime.date(2023, 12, 31)))
    _, kept = _meetings_part(render(registry, personal_data="keep", as_of=datetime.date(2023, 12, 31)))
    for name in people:
        assert name not in masked and name[0] + "**" in masked
        assert name in kept


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
