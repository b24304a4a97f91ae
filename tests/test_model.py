"""The domain classes accept the domain's words and refuse wrong values, naming the field."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from dangjian_model import (
    THREE_UNCHANGED,
    Agreement,
    Alliance,
    AllianceType,
    Asset,
    AssetNature,
    Brand,
    BrandField,
    Committee,
    Contribution,
    ContributionKind,
    DangjianError,
    Designation,
    Grid,
    IncomeRecord,
    InvalidLabel,
    InvalidMoney,
    InvalidValue,
    Ledger,
    LedgerEntry,
    Linkage,
    ListedProject,
    Membership,
    MembershipRole,
    Money,
    Need,
    OrgTypeCode,
    Participation,
    PartyOrganisation,
    PartyOrgForm,
    PartyStanding,
    Person,
    PersonRole,
    Principle,
    Project,
    QuantityUnit,
    Resource,
    Share,
    Team,
    TeamKind,
    Unit,
    UnitKind,
)

DAY = datetime.date(2021, 12, 6)
#: Values of the wrong type, typed as Any so that the type checker lets the test hand them over.
WRONG: dict[object, Any] = {"yes": "yes", 100: 100, 1.5: 1.5, "a": ["a"]}


def test_a_unit_takes_its_kind_and_designations_in_chinese() -> None:
    unit = Unit(
        id="changlong", name="倡隆村", kind="行政村", designations=["强村"], area_km2="3.5", population=2100
    )
    assert unit.kind is UnitKind.VILLAGE
    assert unit.designations == {Designation.STRONG_VILLAGE}
    assert unit.area_km2 == Decimal("3.5")
    assert Unit(id="x", name="x", kind="village", collective_income="150万元").collective_income == Money(
        150_0000_00
    )


def test_units_are_frozen_and_hashable_values() -> None:
    unit = Unit(id="a", name="甲村", kind="村")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        unit.name = "乙村"  # type: ignore[misc]
    assert unit == Unit(id="a", name="甲村", kind=UnitKind.VILLAGE)
    assert len({unit, Unit(id="a", name="甲村", kind="行政村")}) == 1


@pytest.mark.parametrize(
    ("build", "field", "shown"),
    [
        (lambda: Unit(id="", name="甲村", kind="村"), "Unit.id", "''"),
        (lambda: Unit(id=" a", name="甲村", kind="村"), "Unit.id", "' a'"),
        (lambda: Unit(id="a", name="", kind="村"), "Unit.name", "''"),
        (lambda: Unit(id="a", name="甲村", kind="乡村"), "Unit.kind", "'乡村'"),
        (lambda: Unit(id="a", name="甲村", kind="村", population=-1), "Unit.population", "-1"),
        (lambda: Unit(id="a", name="甲村", kind="村", population=True), "Unit.population", "True"),
        (lambda: Unit(id="a", name="甲村", kind="村", designations="强村"), "Unit.designations", "'强村'"),
        (lambda: Unit(id="a", name="甲村", kind="村", designations=["富村"]), "Unit.designations", "'富村'"),
        (lambda: Unit(id="a", name="甲村", kind="村", area_km2=WRONG[1.5]), "Unit.area_km2", "1.5"),
        (
            lambda: Unit(id="a", name="甲村", kind="村", collective_income="很多"),
            "Unit.collective_income",
            "'很多'",
        ),
        (
            lambda: PartyOrganisation(id="b", name="支部", form="党支部", full_members=-3),
            "PartyOrganisation.full_members",
            "-3",
        ),
        (
            lambda: PartyOrganisation(id="b", name="支部", form="支部委员会X"),
            "PartyOrganisation.form",
            "'支部委员会X'",
        ),
        (
            lambda: PartyOrganisation(id="b", name="支部", form="党支部", host_unit_ids="a"),
            "PartyOrganisation.host_unit_ids",
            "'a'",
        ),
        (
            lambda: PartyOrganisation(id="b", name="支部", form="党支部", host_unit_ids=["a", ""]),
            "PartyOrganisation.host_unit_ids[1]",
            "''",
        ),
        (
            lambda: PartyOrganisation(id="b", name="支部", form="党支部", founded_on="2021-13-01"),
            "PartyOrganisation.founded_on",
            "'2021-13-01'",
        ),
        (lambda: Committee(size=0), "Committee.size", "0"),
        (lambda: Membership(participant_id="a", role="老大"), "Membership.role", "'老大'"),
        (
            lambda: Membership(participant_id="a", joined_on=datetime.datetime(2021, 1, 1)),
            "Membership.joined_on",
            "datetime",
        ),
        (lambda: Alliance(id="c", name="联盟", type="万能型", lead_id="a"), "Alliance.type", "'万能型'"),
        (
            lambda: Alliance(id="c", name="联盟", type="片区联盟", lead_id="a", memberships=WRONG["a"]),
            "Alliance.memberships[0]",
            "'a'",
        ),
        (
            lambda: Alliance(id="c", name="联盟", type="片区联盟", lead_id="a", principles=["一切不变"]),
            "Alliance.principles",
            "'一切不变'",
        ),
        (lambda: IncomeRecord(on=DAY, amount="1.234元"), "IncomeRecord.amount", "'1.234元'"),
        (
            lambda: Contribution(contributor_id="a", kind="现金", amount=WRONG[100]),
            "Contribution.amount",
            "100",
        ),
        (lambda: Share(holder_id="a", fraction="120%"), "Share.fraction", "Fraction(6, 5)"),
        (lambda: Share(holder_id="a", fraction="0"), "Share.fraction", "Fraction(0, 1)"),
        (lambda: Grid(id="g", name="网格", level=0), "Grid.level", "0"),
        (lambda: Agreement(title="协议", contract_based=WRONG["yes"]), "contract_based", "'yes'"),
    ],
)
def test_wrong_values_are_refused_with_the_field_and_the_value(build: Any, field: str, shown: str) -> None:
    with pytest.raises(DangjianError) as error:
        build()
    message = str(error.value)
    assert field in message
    assert shown in message
    assert "expected" in message or "must be" in message


def test_error_types_say_what_kind_of_problem_it_was() -> None:
    with pytest.raises(InvalidLabel):
        Unit(id="a", name="甲村", kind="乡村")
    with pytest.raises(InvalidMoney):
        IncomeRecord(on=DAY, amount="$100")
    with pytest.raises(InvalidValue) as error:
        PartyOrganisation(id="b", name="支部", form="党支部", full_members=-1)
    assert error.value.where == "PartyOrganisation.full_members"
    assert error.value.value == -1


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("党委", "611"),
        ("党总支", "621"),
        ("党支部", "631"),
        ("联合党支部", "632"),
        ("临时党支部", "931"),
        ("临时联合党支部", "932"),
    ],
)
def test_a_party_organisation_knows_its_type_code(form: str, code: str) -> None:
    organisation = PartyOrganisation(id="o", name="组织", form=form, full_members=10, probationary_members=2)
    assert organisation.type_code == OrgTypeCode(code)
    assert organisation.total_members == 12


def test_a_committee_knows_when_its_term_ends() -> None:
    committee = Committee(size=5, secretary_id="p1", elected_on=datetime.date(2020, 2, 29), term_years=5)
    assert committee.term_ends_on == datetime.date(2025, 2, 28)
    assert Committee(size=3).term_ends_on is None


def test_personal_data_is_masked_in_repr_and_str() -> None:
    person = Person(
        id="p1",
        name="龚建立",
        roles=["书记", "头雁"],
        standing="正式党员",
        phone="13812345678",
        id_card="11010519491231002X",
    )
    for text in (repr(person), str(person)):
        assert "龚建立" not in text and "13812345678" not in text and "19491231" not in text
        assert "'龚**'" in text and "'138****5678'" in text
    assert person.roles == {PersonRole.SECRETARY, PersonRole.HEAD_GOOSE}
    assert person.standing is PartyStanding.FULL


def test_a_person_takes_part_elsewhere_beside_the_one_affiliation() -> None:
    person = Person(
        id="p1",
        name="刘明",
        standing="正式党员",
        party_organisation_id="village-branch",
        participations=[
            Participation(organisation_id="city-branch", role="流动党员", joined_on="2023-03-01"),
            Participation(organisation_id="council", role="Deputy Mayor", on_behalf_of_id="party-x"),
        ],
    )
    assert person.party_organisation_id == "village-branch"
    assert [p.organisation_id for p in person.participations] == ["city-branch", "council"]
    assert person.participations[0].joined_on == datetime.date(2023, 3, 1)
    assert isinstance(person.participations, tuple)


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (
            lambda: Person(id="p", name="x", participations=[{"organisation_id": "o"}]),  # type: ignore[list-item]
            "Person.participations[0]",
        ),
        (lambda: Person(id="p", name="x", participations="o"), "Person.participations"),  # type: ignore[arg-type]
        (lambda: Participation(organisation_id=" o"), "Participation.organisation_id"),
        (lambda: Participation(organisation_id="o", role=" councillor"), "Participation.role"),
        (lambda: Participation(organisation_id="o", left_on="someday"), "Participation.left_on"),
    ],
)
def test_a_wrong_participation_is_refused_naming_the_field(make: Any, where: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        make()
    assert caught.value.where == where


def test_a_membership_is_active_between_joining_and_leaving() -> None:
    membership = Membership(participant_id="a", joined_on="2020-01-01", left_on="2022-01-01")
    assert membership.role is MembershipRole.MEMBER
    assert membership.is_active(datetime.date(2021, 6, 1))
    assert not membership.is_active(datetime.date(2019, 6, 1))
    assert not membership.is_active(datetime.date(2022, 1, 1))
    assert not membership.is_active()
    assert Membership(participant_id="b").is_active()


def test_an_alliance_reports_its_members_principles_and_linkages() -> None:
    alliance = Alliance(
        id="cixi-south",
        name="南部片区党建联盟",
        type="片区党建联盟",
        lead_id="a",
        memberships=[
            Membership(participant_id="a", role="牵头", joined_on="2020-01-01"),
            Membership(participant_id="b", joined_on="2020-01-01"),
            Membership(participant_id="c", joined_on="2020-01-01", left_on="2021-01-01"),
        ],
        linkages=["党建联盟", "产业联动", "规划联体", "社会联治"],
        principles=["管理层级不变", "资产属性不变", "账务核算不变"],
        agreement=Agreement(title="共建协议", signed_on="2020-01-01", expires_on="2023-01-01"),
    )
    assert alliance.type is AllianceType.CLUSTER
    assert alliance.member_ids == ("a", "b")
    assert alliance.members_on(datetime.date(2020, 6, 1)) == ("a", "b", "c")
    assert alliance.declares_three_unchanged and alliance.declares_four_links
    assert alliance.principles == THREE_UNCHANGED
    membership = alliance.membership_of("c")
    assert membership is not None and membership.left_on == datetime.date(2021, 1, 1)
    assert alliance.membership_of("z") is None
    partial = attrs.evolve(
        alliance, linkages=[Linkage.PARTY_BUILDING], principles=[Principle.ACCOUNTING_UNCHANGED]
    )
    assert not partial.declares_four_links and not partial.declares_three_unchanged


def test_a_project_totals_its_income_and_contributions_to_the_fen() -> None:
    project = Project(
        id="yishan",
        name="楝树下艺术村落",
        contributions=[
            Contribution(contributor_id="a", kind="现金", amount="100万元"),
            Contribution(contributor_id="a", kind="村自筹发展资金", amount="0.01元"),
            Contribution(contributor_id="b", kind="存量建设用地指标", quantity="12.5", quantity_unit="亩"),
        ],
        shares=[Share(holder_id="a", fraction="49.3%"), Share(holder_id="b", fraction=Decimal("0.507"))],
        income=[IncomeRecord(on=DAY, amount="10万元"), IncomeRecord(on=DAY, amount="0.05元")],
    )
    assert project.total_income == Money(10_0000_05)
    assert project.contributed_by("a") == Money(100_0000_01)
    assert project.contributed_by("b") == Money.ZERO
    assert project.contributions[2].kind is ContributionKind.CONSTRUCTION_LAND_QUOTA
    assert project.contributions[2].quantity_unit is QuantityUnit.MU
    assert sum(share.fraction for share in project.shares) == Fraction(1)


def test_assets_and_ledgers_belong_to_their_unit() -> None:
    asset = Asset(id="s", name="股权", owner_id="a", nature="村集体资产", value="320万元", held_in_id="co")
    assert asset.nature is AssetNature.VILLAGE_COLLECTIVE
    ledger = Ledger(
        id="books",
        owner_id="a",
        entries=[
            LedgerEntry(on=DAY, amount="5万元", description="分红", reference="yishan"),
            LedgerEntry(on=DAY, amount="-0.5万元", description="支出"),
        ],
    )
    assert ledger.balance == Money(4_5000_00)


def test_structures_of_the_seeds_can_be_written() -> None:
    grid = Grid(id="g-3", name="第3网格", level=4, parent_id="g-2", party_group_id="pg-3")
    brand = Brand(id="hongfan", name="红帆领航", territory_id="bohai")
    school_brand = Brand(id="edu", name="红烛", field="学校")
    team = Team(
        id="t",
        name="议事先锋队",
        kind="1+4+N",
        leader_id="p0",
        core_member_ids=["p1", "p2", "p3", "p4"],
        volunteer_ids=["p5"],
    )
    need = Need(id="n1", title="楼道扶手维修", raised_by_id="longhu")
    resource = Resource(id="r1", title="免费维修", provider_id="m1")
    listed = ListedProject(id="lp1", title="扶手维修", need_id="n1", provider_id="m1", resource_id="r1")
    assert grid.level == 4 and brand.field is None and school_brand.field is BrandField.SCHOOLS
    assert team.kind is TeamKind.ONE_FOUR_N and len(team.core_member_ids) == 4
    assert (need.id, resource.id, listed.need_id) == ("n1", "r1", "n1")


def test_party_organisation_forms_keep_one_superior() -> None:
    joint = PartyOrganisation(
        id="j", name="片区联合党委", form="片区联合党委", superior_id="town", host_unit_ids=["a", "b", "c"]
    )
    assert joint.form is PartyOrgForm.JOINT_COMMITTEE
    assert isinstance(joint.superior_id, str)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Contribution(contributor_id="a", kind="现金", amount="-100万元"), "Contribution.amount"),
        (lambda: IncomeRecord(on=DAY, amount="-5万元"), "IncomeRecord.amount"),
        (lambda: IncomeRecord(on=DAY, amount="−0.01元"), "IncomeRecord.amount"),
        (lambda: Asset(id="s", name="股权", owner_id="a", nature="村集体资产", value="-1元"), "Asset.value"),
        (lambda: Unit(id="a", name="甲村", kind="村", collective_income="-3万元"), "Unit.collective_income"),
    ],
)
def test_contributions_income_and_values_are_never_negative(build: Any, field: str) -> None:
    with pytest.raises(InvalidMoney) as caught:
        build()
    assert caught.value.where == field
    assert caught.value.expected.startswith("金额不能为负 an amount of zero or more, not negative")


def test_zero_is_an_amount_and_a_ledger_entry_may_be_money_out() -> None:
    assert IncomeRecord(on=DAY, amount="0元").amount == Money.ZERO
    assert LedgerEntry(on=DAY, amount="-5万元", description="支出").amount == Money.parse("-5万元")


def test_the_model_imports_the_rule_classes_only_when_a_rule_is_checked_or_its_type_resolved() -> None:
    import subprocess
    import sys

    code = (
        "import sys, typing\n"
        "from dangjian_model import Alliance, Project, Registry, Unit\n"
        "print('dangjian_model.allocation._rules' in sys.modules)\n"
        "Project(id='p', name='项目')\n"
        "print('dangjian_model.allocation._rules' in sys.modules)\n"
        "print(typing.get_type_hints(Project)['allocation_rule'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after_a_project, hint = out.stdout.splitlines()
    assert before == "False"
    assert after_a_project == "False"
    assert "EqualSplit" in hint
    assert "Waterfall" in hint
    assert hint.endswith("| None")


def test_a_project_refuses_a_rule_that_is_no_allocation_rule_with_the_lazily_imported_rule_classes() -> None:
    from dangjian_model.allocation import EqualSplit

    assert Project(id="p", name="项目", allocation_rule=EqualSplit()).allocation_rule == EqualSplit()
    with pytest.raises(InvalidValue) as caught:
        Project(id="p", name="项目", allocation_rule="平分")  # type: ignore[arg-type]
    assert caught.value.where == "Project.allocation_rule"
