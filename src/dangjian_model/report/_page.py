"""The page: overview, validation, allocation and meetings sections, each a function of the registry."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from html import escape
from typing import Literal

import attrs

from dangjian_model._enums import Linkage, LinkageVocabulary, Principle
from dangjian_model._errors import DangjianError, InvalidValue
from dangjian_model._labels import LabelledEnum
from dangjian_model._location import Location
from dangjian_model._model import (
    THREE_UNCHANGED,
    AgendaItem,
    Alliance,
    FollowUp,
    Meeting,
    PartyOrganisation,
    Person,
    Project,
    Unit,
    add_years,
)
from dangjian_model._money import Money
from dangjian_model._privacy import masked_name
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation import (
    YearAllocation,
    allocate_project_by_year,
    income_year,
    project_rule,
)
from dangjian_model.allocation._result import _quota_text
from dangjian_model.diagram import picture
from dangjian_model.report._style import CSS
from dangjian_model.report._svg import to_svg
from dangjian_model.report._words import WORDS, Language
from dangjian_model.validation import RULES, Finding, Report, ValidationConfig, validate

__all__ = ["PersonalData", "render"]

PersonalData = Literal["mask", "keep"]


# ------------------------------------------------------------------------------------------ small helpers


@attrs.frozen(repr=False)
class _Page(FieldsRepr):
    """What every section needs: the registry, the words, the language and whether names are kept."""

    registry: Registry
    lang: Language
    keep: bool
    as_of: datetime.date

    def w(self, key: str, **values: object) -> str:
        text = WORDS[self.lang][key]
        return text.format(**values) if values else text

    def label(self, item: LabelledEnum) -> str:
        """The Chinese label; in English the English id after it."""
        if self.lang == "zh":
            return item.label
        return f"{item.label} ({str(item.value).replace('_', ' ')})"

    def name(self, id: str) -> str:
        """What to call an entity: its name (a person's masked unless kept), else its id."""
        entity = self.registry.find(id)
        if isinstance(entity, Person):
            return entity.name if self.keep else masked_name(entity.name)
        name = getattr(entity, "name", None) or getattr(entity, "title", None)
        return name if isinstance(name, str) else id

    def named(self, id: str | None) -> str:
        """The name with the id under it, as HTML."""
        if id is None:
            return escape(self.w("none"))
        name = self.name(id)
        return escape(name) if name == id else f'{escape(name)}<span class="id">{escape(id)}</span>'


def _date(day: datetime.date | None) -> str:
    return day.isoformat() if day is not None else "—"


def _money(amount: Money) -> str:
    return escape(amount.format())


def _table(head: Sequence[tuple[str, str]], rows: Iterable[str]) -> str:
    """A table: ``head`` is (text, class) per column; each row is ready HTML ``<tr>…</tr>``."""
    cells = "".join(
        f'<th class="{cls}">{escape(text)}</th>' if cls else f"<th>{escape(text)}</th>" for text, cls in head
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _row(*cells: str, cls: str = "", classes: Sequence[str] = ()) -> str:
    tds = "".join(
        f'<td class="{classes[n]}">{cell}</td>' if n < len(classes) and classes[n] else f"<td>{cell}</td>"
        for n, cell in enumerate(cells)
    )
    return f'<tr class="{cls}">{tds}</tr>' if cls else f"<tr>{tds}</tr>"


# ------------------------------------------------------------------------------------------------ overview


def _figures(page: _Page, id: str) -> str:
    entity = page.registry.find(id)
    parts: list[str] = []
    if isinstance(entity, Unit):
        if entity.population is not None:
            parts.append(f"{page.w('population')} {entity.population:,}")
        if entity.households is not None:
            parts.append(f"{page.w('households')} {entity.households:,}")
        if entity.area_km2 is not None:
            parts.append(f"{page.w('area')} {entity.area_km2} km²")
        if entity.collective_income is not None:
            parts.append(f"{page.w('collective_income')} {entity.collective_income.format()}")
    elif isinstance(entity, PartyOrganisation) and entity.total_members:
        parts.append(f"{page.w('party_members')} {entity.total_members:,}")
    return escape(" · ".join(parts))


def _kind(page: _Page, id: str) -> str:
    entity = page.registry.find(id)
    if isinstance(entity, Unit):
        return escape(page.label(entity.kind))
    if isinstance(entity, PartyOrganisation):
        return escape(page.label(entity.form))
    if entity is None:
        return escape(page.w("unknown"))
    return escape(type(entity).__name__)


def _chips(page: _Page, wanted: Iterable[LabelledEnum], declared: Iterable[object]) -> str:
    have = set(declared)
    items = []
    for item in wanted:
        yes = item in have
        state = page.w("declared") if yes else page.w("not_declared")
        items.append(
            f'<li class="chip {"yes" if yes else "no"}" title="{escape(state)}">'
            f"{'✓' if yes else '✗'} {escape(page.label(item))}</li>"
        )
    return f'<ul class="chips">{"".join(items)}</ul>'


def _alliance(page: _Page, alliance: Alliance, index: int) -> str:
    registry = page.registry
    four = [item for item in Linkage if item in LinkageVocabulary.FOUR_LINKS.linkages]
    three = [item for item in Principle if item in THREE_UNCHANGED]
    others = sorted(
        [item.label for item in alliance.linkages if item not in set(four)]
        + [item.label for item in alliance.principles if item not in THREE_UNCHANGED]
    )
    facts = [
        (page.w("type"), escape(page.label(alliance.type))),
        (page.w("lead"), page.named(alliance.lead_id)),
    ]
    if alliance.joint_committee_id is not None:
        facts.append((page.w("joint_committee"), page.named(alliance.joint_committee_id)))
    if alliance.formed_on is not None:
        facts.append((page.w("formed_on"), _date(alliance.formed_on)))
    if alliance.agreement is not None:
        expires = alliance.agreement.expires_on
        term = f"（{page.w('expires_on')} {_date(expires)}）" if expires is not None else ""
        facts.append((page.w("agreement"), escape(alliance.agreement.title + term)))
    facts.append((page.w("four_links"), _chips(page, four, alliance.linkages)))
    facts.append((page.w("three_unchanged"), _chips(page, three, alliance.principles)))
    if others:
        facts.append((page.w("other_declared"), escape("、".join(others))))
    projects = registry.projects_of(alliance.id)
    current = alliance.member_ids
    population = 0
    party_members = 0
    for id in current:
        entity = registry.find(id)
        if isinstance(entity, Unit) and entity.population is not None:
            population += entity.population
        if isinstance(entity, PartyOrganisation):
            party_members += entity.total_members
    figures = [f"{page.w('member_count')} {len(current)}"]
    if population:
        figures.append(f"{page.w('population')} {population:,}")
    if party_members:
        figures.append(f"{page.w('party_members')} {party_members:,}")
    if projects:
        income = sum((project.total_income for project in projects), Money.ZERO)
        figures.append(f"{page.w('projects')} {len(projects)}")
        figures.append(f"{page.w('project_income')} {income.format()}")
    facts.append((page.w("figures"), escape(" · ".join(figures))))
    rows = []
    for n, membership in enumerate(alliance.memberships, 1):
        role = page.label(membership.role)
        if membership.left_on is not None:
            role += f"（{page.w('left_on')} {_date(membership.left_on)}）"
        rows.append(
            _row(
                str(n),
                page.named(membership.participant_id),
                _kind(page, membership.participant_id),
                escape(role),
                _date(membership.joined_on),
                _figures(page, membership.participant_id),
                classes=("num",),
            )
        )
    members = _table(
        [
            (page.w("number"), "num"),
            (page.w("name"), ""),
            (page.w("kind"), ""),
            (page.w("role"), ""),
            (page.w("joined_on"), ""),
            (page.w("figures"), ""),
        ],
        rows,
    )
    dl = "".join(f"<dt>{escape(term)}</dt><dd>{value}</dd>" for term, value in facts)
    return (
        f'<article class="alliance" id="alliance-{index}"><h3>{escape(alliance.name)}</h3>'
        f'<dl class="facts">{dl}</dl><h4>{escape(page.w("structure"))}</h4>{_diagram(page, alliance, index)}'
        f"<h4>{escape(page.w('members'))}</h4>{members}</article>"
    )


def _diagram(page: _Page, alliance: Alliance, index: int) -> str:
    try:
        drawing = picture(page.registry, alliance.id)
    except DangjianError as error:
        return f'<p class="problem">{escape(page.w("no_picture"))}：{escape(str(error))}（{escape(page.w("see_validation"))}）</p>'
    roles = {
        m.participant_id: page.label(m.role)
        for m in alliance.memberships
        if m.left_on is None and m.role.value != "member"
    }
    return to_svg(
        drawing,
        uid=f"a{index}",
        roles=roles,
        caption=f"{alliance.name} — {page.w('structure')}",
        solid_word=page.w("solid"),
        dashed_word=page.w("dashed"),
    )


def _overview(page: _Page) -> str:
    alliances = page.registry.alliances
    if not alliances:
        return f"<p>{escape(page.w('no_alliances'))}</p>"
    return "".join(_alliance(page, alliance, n) for n, alliance in enumerate(alliances))


# ---------------------------------------------------------------------------------------------- validation


def _where(page: _Page, finding: Finding) -> str:
    where = f'<span class="code">{escape(finding.path)}</span>'
    place = finding.location  # findings carry the file, line and column they came from, once located
    if place is not None and place.line is not None:
        column = f":{place.column}" if place.column is not None else ""
        text = f"{page.w('line', line=place.line)} ({place.file}:{place.line}{column})"
        where += f'<span class="id">{escape(text)}</span>'
    return where


def _validation(page: _Page, report: Report) -> str:
    if not report.findings:
        return f'<p class="clean">✓ {escape(page.w("clean"))}</p>'
    groups: dict[str, list[Finding]] = {}
    for finding in sorted(report.findings, key=lambda f: (f.severity.rank, f.code)):
        groups.setdefault(finding.code, []).append(finding)
    parts = [f'<p class="problem">{escape(page.w("summary"))} {escape(report.summary())}</p>']
    for code, findings in groups.items():
        rule = RULES.get(code)
        title = f"{rule.title_zh} — {rule.title_en}" if rule is not None else code
        severity = findings[0].severity
        rows = [
            _row(
                _where(page, finding),
                f'{escape(finding.message_zh)}<span class="en">{escape(finding.message_en)}</span>',
                escape(finding.hint),
            )
            for finding in findings
        ]
        parts.append(
            f'<div class="rule-group"><h3><span class="badge {severity.value}">{escape(page.label(severity))}'
            f"</span> {escape(code)} {escape(title)}</h3>"
            f'<p class="source">{escape(page.w("rule_source"))}：{escape(findings[0].source)} · '
            f"{len(findings)} {escape(page.w('findings_of_rule'))}</p>"
            + _table([(page.w("where"), ""), (page.w("message"), ""), (page.w("hint"), "")], rows)
            + "</div>"
        )
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- allocation


def _reason(page: _Page, part: LabelledEnum, tier: str | None, quota: Fraction, amount: Money) -> str:
    """Which part of the rule gave the amount, and its exact share before rounding to the 分."""
    whole = quota.denominator == 1 and quota == amount.fen
    return page.w(
        "reason_exact" if whole else "reason_rounded",
        part=page.label(part),
        tier=page.w("tier", tier=tier) if tier else "",
        quota=f"{quota.numerator:,}" if quota.denominator == 1 else _quota_text(quota),
        amount=amount.format(),
    )


def _year(page: _Page, project: Project, share: YearAllocation) -> str:
    """One year of the library's :func:`allocate_project_by_year`: the income of a calendar year (the year
    of its ``period``, else of its date: :func:`income_year`), shared in its year of the agreement."""
    allocation = share.allocation
    calendar = share.calendar_year  # always set by allocate_project_by_year
    heading = page.w("year", year=share.year) + (
        page.w("year_calendar", calendar_year=calendar) if calendar is not None else ""
    )
    of_year = sorted((r for r in project.income if income_year(r) == calendar), key=lambda r: r.on)
    records = _table(
        [
            (page.w("date"), ""),
            (page.w("period"), ""),
            (page.w("description"), ""),
            (page.w("amount"), "num"),
        ],
        [
            _row(
                _date(r.on),
                escape(r.period or ""),
                escape(r.description or ""),
                _money(r.amount),
                classes=("", "", "", "num"),
            )
            for r in of_year
        ]
        + [
            _row(
                escape(page.w("income_total")),
                "",
                "",
                _money(allocation.total),
                cls="total",
                classes=("", "", "", "num"),
            )
        ],
    )
    money_cols = ("num", "", "num", "", "")
    lines = [
        _row(
            str(n),
            page.named(line.member_id),
            _money(line.amount),
            escape(page.label(line.rule)),
            escape(_reason(page, line.part, line.tier, line.quota, line.amount)),
            classes=("num", "", "num"),
        )
        for n, line in enumerate(allocation.lines, 1)
    ]
    allocated = allocation.total - allocation.retained
    lines.append(
        _row("", escape(page.w("allocated")), _money(allocated), "", "", cls="total", classes=money_cols)
    )
    if allocation.retained:
        lines.append(
            _row(
                "",
                escape(page.w("retained")),
                _money(allocation.retained),
                "",
                escape(page.w("retained_reason")),
                cls="retained",
                classes=money_cols,
            )
        )
    lines.append(
        _row("", escape(page.w("total")), _money(allocation.total), "", "", cls="total", classes=money_cols)
    )
    details = _table(
        [
            (page.w("number"), "num"),
            (page.w("member"), ""),
            (page.w("amount"), "num"),
            (page.w("rule"), ""),
            (page.w("reason"), ""),
        ],
        lines,
    )
    flows = ""
    if allocation.guarantor_flows:
        flow_rows = [
            _row(
                page.named(flow.guarantor_id),
                page.named(flow.member_id),
                _money(flow.amount),
                escape(
                    page.w("guarantor_reason", part=page.label(flow.part))
                    + (f" · {flow.tier}" if flow.tier else "")
                ),
                classes=("", "", "num"),
            )
            for flow in allocation.guarantor_flows
        ]
        flow_rows.append(
            _row(
                escape(page.w("guaranteed_total")),
                "",
                _money(allocation.guaranteed_total),
                "",
                cls="total",
                classes=("", "", "num"),
            )
        )
        flows = f"<h5>{escape(page.w('guarantor_flows'))}</h5>" + _table(
            [
                (page.w("guarantor"), ""),
                (page.w("member"), ""),
                (page.w("amount"), "num"),
                (page.w("reason"), ""),
            ],
            flow_rows,
        )
    check = page.w(
        "check_text",
        allocated=allocated.format(),
        retained=allocation.retained.format(),
        total=allocation.total.format(),
    )
    if allocation.guarantor_flows:
        check += page.w(
            "check_guarantor",
            guaranteed=allocation.guaranteed_total.format(),
            received=(allocated + allocation.guaranteed_total).format(),
        )
    signatures = _table(
        [
            (page.w("member"), ""),
            (page.w("from_pool"), "num"),
            (page.w("top_up"), "num"),
            (page.w("received"), "num"),
            (page.w("signature"), ""),
            (page.w("sign_date"), ""),
        ],
        [
            _row(
                page.named(member),
                _money(allocation.amount(member)),
                _money(allocation.covered(member)),
                _money(allocation.received(member)),
                "",
                "",
                classes=("", "num", "num", "num", "sign", "sign-date"),
            )
            for member in allocation.member_ids
        ],
    )
    return (
        f'<section class="year" data-project="{escape(project.id)}" data-year="{share.year}"'
        f' data-calendar-year="{calendar or ""}">'
        f"<h4>{escape(heading)}</h4><h5>{escape(page.w('income_records'))}</h5>{records}"
        f"<h5>{escape(page.w('details'))}</h5>{details}{flows}"
        f'<p><span class="check">✓ {escape(page.w("check"))}</span>：{escape(check)}</p>'
        f"<h5>{escape(page.w('signatures'))}</h5>{signatures}</section>"
    )


def _project(page: _Page, project: Project, index: int) -> str:
    rule = type(project_rule(project)).RULE
    facts = [
        (page.w("alliance"), page.named(project.alliance_id)),
        (page.w("allocation_rule"), escape(page.label(rule))),
    ]
    dl = "".join(f"<dt>{escape(term)}</dt><dd>{value}</dd>" for term, value in facts)
    head = (
        f'<article class="project" id="project-{index}"><h3>{escape(page.w("project"))}：{escape(project.name)}'
        f'<span class="id">{escape(project.id)}</span></h3><dl class="facts">{dl}</dl>'
    )
    if not project.income:
        return head + f"<p>{escape(page.w('no_income'))}</p></article>"
    try:
        years = allocate_project_by_year(page.registry, project.id)
    except DangjianError as error:
        return (
            head
            + f'<p class="problem">{escape(page.w("cannot_allocate"))}：{escape(str(error))}</p></article>'
        )
    return head + "".join(_year(page, project, share) for share in years) + "</article>"


def _allocation(page: _Page) -> str:
    projects = page.registry.projects
    if not projects:
        return f"<p>{escape(page.w('no_projects'))}</p>"
    return "".join(_project(page, project, n) for n, project in enumerate(projects))


# ------------------------------------------------------------------------------------------------ meetings


def _held(meeting: Meeting) -> tuple[datetime.date, str]:
    return meeting.held_on, meeting.id


def _meetings(page: _Page, meetings: Sequence[Meeting]) -> str:
    """Meetings of the year before the report's date, and their follow-ups (跟踪落实) with every one
    still open from earlier meetings; overdue ones (:meth:`FollowUp.is_overdue` on the report's date)
    highlighted."""
    since = add_years(page.as_of, -1) or datetime.date.min
    ordered = sorted(meetings, key=_held)
    recent = [m for m in ordered if since <= m.held_on <= page.as_of]
    recent_ids = {m.id for m in recent}
    rows = [
        _row(_date(m.held_on), escape(m.title), escape(page.label(m.kind)), page.named(m.held_by_id))
        for m in recent
    ]
    table = (
        _table(
            [
                (page.w("date"), ""),
                (page.w("meeting_title"), ""),
                (page.w("kind"), ""),
                (page.w("held_by"), ""),
            ],
            rows,
        )
        if rows
        else f"<p>{escape(page.w('no_meetings', since=since.isoformat(), as_of=page.as_of.isoformat()))}</p>"
    )
    follow_rows = [
        _follow_up(page, meeting, item, follow)
        for meeting in ordered
        for item in meeting.agenda
        for follow in item.follow_ups
        if follow.status.is_open or meeting.id in recent_ids
    ]
    follow = ""
    if follow_rows:
        follow = f"<h3>{escape(page.w('follow_ups'))}</h3>" + _table(
            [
                (page.w("agenda_item"), ""),
                (page.w("responsible"), ""),
                (page.w("due_on"), ""),
                (page.w("status"), ""),
                (page.w("meeting_title"), ""),
            ],
            follow_rows,
        )
    return table + follow


def _follow_up(page: _Page, meeting: Meeting, item: AgendaItem, follow: FollowUp) -> str:
    """One follow-up: the agenda item, who carries it out, by when, how far it got, at which meeting."""
    status = escape(page.label(follow.status))
    if not follow.status.is_open and follow.done_on is not None:
        status += f" {_date(follow.done_on)}"
    overdue = follow.is_overdue(page.as_of)
    if overdue:
        status += f' <span class="badge overdue">{escape(page.w("overdue"))}</span>'
    return _row(
        escape(item.title),
        page.named(follow.responsible_id),
        _date(follow.due_on),
        status,
        escape(meeting.title),
        cls="overdue" if overdue else "",
    )


# ---------------------------------------------------------------------------------------------------- page


def render(
    registry: Registry,
    *,
    lang: Language = "zh",
    personal_data: PersonalData = "mask",
    source: str | None = None,
    config: ValidationConfig | None = None,
    as_of: datetime.date | None = None,
    locate: Callable[[list[str]], Mapping[str, Location]] | None = None,
) -> str:
    """One self-contained HTML page about ``registry``: overview, validation, allocation (and meetings).

    Everything is inside the page — styles and pictures inline, no script, no font or image to fetch —
    so it opens from a USB stick with no network and prints on A4 (a page per project, a line to sign
    for every member).

    Args:
        registry: What to report on.
        lang: ``"zh"`` for Chinese, ``"en"`` for English (Chinese terms stay beside the English).
        personal_data: ``"mask"`` (default) shows people's names masked (龚**); ``"keep"`` as they are.
        source: The file the registry came from, shown in the heading.
        config: The validation configuration (default: every rule at its default severity). Rules that
            judge against a day (overdue follow-ups, missed meetings, overdue elections) judge against
            the report's date unless ``config.as_of`` names another.
        as_of: The report's date (default: today): meetings of the year before it are listed, and
            follow-ups still open after their date are overdue, in the meetings section and the
            validation alike.
        locate: Finds where finding paths are in ``source`` (as :func:`dangjian_model.files.locate`
            does); each finding then shows its line (``第 12 行 (registry.yaml:12:5)``).

    >>> import runpy
    >>> html = render(runpy.run_path("examples/cixi_three_villages.py")["build"]())
    >>> html.startswith("<!DOCTYPE html>"), "匡堰镇南部片区党建联盟" in html, "<script" in html
    (True, True, False)
    """
    if lang not in WORDS:
        raise InvalidValue("render(lang)", lang, "'zh' or 'en'")
    if personal_data not in ("mask", "keep"):
        raise InvalidValue("render(personal_data)", personal_data, "'mask' or 'keep'")
    from dangjian_model import __version__

    page = _Page(registry, lang, personal_data == "keep", as_of or datetime.date.today())
    config = config or ValidationConfig()
    if config.as_of is None:  # overdue follow-ups and missed meetings are judged on the report's date
        config = attrs.evolve(config, as_of=page.as_of)
    report = validate(registry, config)
    if locate is not None and report.findings:
        places = locate([finding.path for finding in report.findings])
        report = Report(tuple(attrs.evolve(f, location=places.get(f.path)) for f in report.findings))
    sections = [
        ("overview", _overview(page)),
        ("validation", _validation(page, report)),
        ("allocation", _allocation(page)),
    ]
    if registry.meetings:
        sections.append(("meetings", _meetings(page, registry.meetings)))
    nav = "".join(f'<li><a href="#{key}">{escape(page.w(key))}</a></li>' for key, _ in sections)
    body = "".join(
        f'<section id="{key}"><h2>{escape(page.w(key))}</h2>{html}</section>' for key, html in sections
    )
    meta = [f"{page.w('as_of')}：{page.as_of.isoformat()}"]
    if source is not None:
        meta.insert(0, f"{page.w('source')}：{source}")
    privacy = (
        f'<span class="privacy kept">{escape(page.w("kept"))}</span>'
        if page.keep
        else f'<span class="privacy">{escape(page.w("masked"))}</span>'
    )
    title = page.w("title") + (f" — {source}" if source else "")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"<header><h1>{escape(page.w('title'))}</h1>"
        + "".join(f'<p class="meta">{escape(line)}</p>' for line in meta)
        + f"{privacy}<nav><strong>{escape(page.w('contents'))}</strong><ol>{nav}</ol></nav></header>"
        f"{body}<footer>{escape(page.w('generated', version=__version__))}</footer></main></body></html>\n"
    )
