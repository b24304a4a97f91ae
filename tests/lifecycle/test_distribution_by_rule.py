"""Income is distributed by the project's own allocation rule, with guarantor flows kept apart."""

from __future__ import annotations

import datetime

from dangjian_model import Alliance, Contribution, Ledger, Membership, Money, Project, Registry, Unit
from dangjian_model.allocation import GuaranteedMinimum, Proportional, Rule
from dangjian_model.lifecycle import distribute_income, record_income, undistributed_income

DAY = datetime.date(2022, 12, 31)


def keqiao(rule: Rule, contributions: tuple[Contribution, ...] = ()) -> Registry:
    """Two villages in an enclave scheme, a state investor who guarantees their return (柯桥)."""
    return Registry(
        units=[
            Unit(id="town", name="柯桥区", kind="区县"),
            Unit(id="a", name="甲村", kind="村", superior_id="town"),
            Unit(id="b", name="乙村", kind="村", superior_id="town"),
            Unit(id="state", name="国资公司", kind="国有企业", superior_id="town"),
        ],
        alliances=[
            Alliance(
                id="enclave",
                name="飞地抱团",
                type="飞地抱团型",
                lead_id="a",
                memberships=[Membership(participant_id="a", role="牵头"), Membership(participant_id="b")],
            )
        ],
        projects=[
            Project(
                id="p",
                name="飞地项目",
                alliance_id="enclave",
                started_on="2020-01-01",
                contributions=contributions,
                allocation_rule=rule,
            )
        ],
        ledgers=[Ledger(id=f"{u}-books", owner_id=u) for u in ("a", "b", "state")],
    )


def balances(registry: Registry) -> dict[str, Money]:
    return {ledger.owner_id: ledger.balance for ledger in registry.ledgers}


def test_a_guarantor_covers_the_shortfall_from_its_own_books() -> None:
    registry = keqiao(GuaranteedMinimum(member_ids=["a", "b"], minimum="10万元", guarantor_id="state"))
    registry, _ = record_income(registry, project_id="p", amount="5万元", on=DAY)
    registry, events = distribute_income(registry, project_id="p", amount="5万元", on=DAY)
    assert balances(registry) == {
        "a": Money.parse("10万元"),
        "b": Money.parse("10万元"),
        "state": Money.parse("-15万元"),
    }
    assert undistributed_income(registry, "p") == Money.ZERO
    assert sum(balances(registry).values(), Money.ZERO) == Money.parse("5万元")
    assert len(events) == 1


def test_a_proportional_rule_pays_by_investment() -> None:
    registry = keqiao(
        Proportional(),
        (
            Contribution(contributor_id="a", kind="现金", amount="100万元"),
            Contribution(contributor_id="b", kind="现金", amount="300万元"),
        ),
    )
    registry, _ = record_income(registry, project_id="p", amount="1万元", on=DAY)
    registry, _ = distribute_income(registry, project_id="p", amount="1万元", on=DAY)
    assert balances(registry)["a"] == Money.parse("2500元")
    assert balances(registry)["b"] == Money.parse("7500元")
    assert undistributed_income(registry, "p") == Money.ZERO
