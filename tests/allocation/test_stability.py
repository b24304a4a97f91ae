"""A project's game from the registry, and whether its split is in the core, in the library and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangjian_model import Contribution, IncomeRecord, Money, Project, Registry, Unit
from dangjian_model.allocation import AllocationError, core_check, explain_stability, project_game
from dangjian_model.cli import EXIT_OK
from dangjian_model.files import dump
from tests.cli.conftest import run_cli

wan = Money.from_wan
VILLAGES = ("qingshan", "lvshui", "baiyun")


def _project(id: str, members: tuple[str, ...], income: Money) -> Project:
    return Project(
        id=id,
        name=id,
        contributions=[Contribution(contributor_id=m, kind="现金", amount=wan(100)) for m in members],
        income=[IncomeRecord(on="2024-12-31", amount=income)],
    )


@pytest.fixture(name="registry")
def _registry() -> Registry:
    return Registry(
        units=[Unit(id=v, name=v, kind="行政村") for v in VILLAGES],
        projects=[
            _project("enclave", VILLAGES, wan(90)),
            _project("qingshan-rent", ("qingshan",), wan(4)),
            _project("qingshan-shop", ("qingshan",), wan(6)),
            _project("warehouse", ("qingshan", "lvshui"), wan(66)),
            Project(id="empty", name="无人出资"),
        ],
    )


def test_stand_alone_incomes_come_from_the_members_own_projects(registry: Registry) -> None:
    game = project_game(registry, "enclave")
    assert game.players == VILLAGES
    assert game.worth(["qingshan"]) == wan(10).fen  # two projects of its own, added up
    assert game.worth(["lvshui"]) == 0  # nothing recorded
    assert game.worth(["qingshan", "lvshui"]) == wan(66).fen
    assert game.worth(["qingshan", "baiyun"]) == wan(10).fen  # its parts side by side
    assert game.grand == wan(90).fen


def test_a_user_supplied_function_gives_the_worths_and_the_income_the_grand_coalition(
    registry: Registry,
) -> None:
    game = project_game(registry, "enclave", "120万元", worth=lambda c: wan(35) * len(c))
    assert game.worth(["baiyun"]) == wan(35).fen
    assert game.grand == wan(120).fen


def test_an_equal_split_the_warehouse_objects_to_is_explained(registry: Registry) -> None:
    stability = explain_stability(registry, "enclave")
    assert not stability.check.in_core
    assert stability.check.most_objecting == ("qingshan", "lvshui")
    assert stability.check.excess == wan(6).fen
    assert stability.nucleolus is not None
    assert sum(stability.nucleolus.values(), Money.ZERO) == wan(90)
    assert core_check(stability.game, {p: a.fen for p, a in stability.nucleolus.items()}).in_core


def test_a_bad_user_worth_is_refused(registry: Registry) -> None:
    with pytest.raises(AllocationError, match="from_function"):
        project_game(registry, "enclave", worth=lambda c: 0.5)  # type: ignore[arg-type,return-value]


def test_the_command_explains_stability_in_text_and_json(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "enclave.yaml"
    dump(registry, path)
    text = run_cli("allocate", str(path), "--project", "enclave", "--explain-stability")
    assert text.code == EXIT_OK
    assert "稳定性（核心）: 不在核心中" in text.out
    assert (
        "最不满的成员组: qingshan, lvshui — 单干可得 660,000元, 现分得 600,000元, 差额 60,000元" in text.out
    )
    document = json.loads(
        run_cli("allocate", str(path), "--project", "enclave", "--explain-stability", "--format", "json").out
    )
    stability = document["stability"]
    assert stability["in_core"] is False
    assert stability["most_objecting"] == ["qingshan", "lvshui"]
    assert stability["excess"]["fen"] == wan(6).fen
    assert sum(a["fen"] for a in stability["nucleolus"].values()) == wan(90).fen


def test_the_command_reports_what_is_left_undistributed_and_skips_the_nucleolus_of_a_large_game(
    tmp_path: Path,
) -> None:
    members = tuple(f"v{k:02d}" for k in range(17))
    registry = Registry(
        units=[Unit(id=v, name=v, kind="行政村") for v in members],
        projects=[_project("big", members, wan(17))],
    )
    path = tmp_path / "big.json"
    dump(registry, path)
    result = run_cli("allocate", str(path), "--project", "big", "--income", "17万元", "--explain-stability")
    assert result.code == EXIT_OK
    assert "在核心中" in result.out and "核仁" not in result.out
    document = json.loads(
        run_cli("allocate", str(path), "--project", "big", "--explain-stability", "--format", "json").out
    )
    assert document["stability"]["nucleolus"] is None


def test_a_split_that_keeps_money_back_is_not_in_the_core_and_says_how_much(
    registry: Registry, tmp_path: Path
) -> None:
    import attrs

    from dangjian_model.allocation import EqualSplit, Portion

    enclave = attrs.evolve(registry.project("enclave"), allocation_rule=Portion("90%", EqualSplit()))
    kept = attrs.evolve(registry, projects=[enclave, *(p for p in registry.projects if p.id != "enclave")])
    path = tmp_path / "kept.yaml"
    dump(kept, path)
    result = run_cli("allocate", str(path), "--project", "enclave", "--explain-stability", "--lang", "en")
    assert "stability (the core): not in the core" in result.out
    assert "undistributed: 90,000元" in result.out
