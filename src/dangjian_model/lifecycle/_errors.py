"""Why a lifecycle operation was refused: a small hierarchy under :class:`DangjianError`.

Every message says *what* was wrong, *where* (the operation and argument, e.g.
``admit_member(participant_id)``) and *what would be right*. Unknown ids raise the library's
:class:`~dangjian_model.UnknownId`, with the operation and argument in its hint.
"""

from __future__ import annotations

from typing import Any

from dangjian_model._enums import Principle
from dangjian_model._errors import DangjianError

__all__ = [
    "AllianceNotActive",
    "AlreadyMember",
    "IdInUse",
    "NotAMember",
    "NotEnoughUndistributedIncome",
    "OperationRefused",
    "PrincipleViolation",
]


class OperationRefused(DangjianError):
    """A lifecycle or registry operation cannot be done as asked.

    Attributes:
        where: The operation and argument, e.g. ``distribute_income(amount)``.
        problem: What is wrong.
        expected: What would be right.
    """

    def __init__(self, where: str, problem: str, expected: str) -> None:
        self.where = where
        self.problem = problem
        self.expected = expected
        super().__init__(f"{where}: {problem}; {expected}")

    def __reduce__(self) -> tuple[type[OperationRefused], tuple[str, str, str]]:
        return (type(self), (self.where, self.problem, self.expected))


class IdInUse(OperationRefused):
    """A new entity would take an id that something in the registry already has."""


class AlreadyMember(OperationRefused):
    """The participant is already a current member of the alliance."""


class NotAMember(OperationRefused):
    """The participant is not a current member of the alliance."""


class AllianceNotActive(OperationRefused):
    """The alliance has been dissolved; nothing more can happen in it."""


class NotEnoughUndistributedIncome(OperationRefused):
    """More income would be distributed than the project has recorded and not yet distributed."""


class PrincipleViolation(OperationRefused):
    """The change would break a principle (三不变 or 原组织隶属关系不变) an alliance of the subject declares.

    Attributes:
        principle: The principle it would break.
        subject_id: The unit, asset, ledger, party organisation or person the change is about.
        alliance_ids: The alliances whose declaration protects it.
    """

    def __init__(
        self,
        where: str,
        problem: str,
        expected: str,
        *,
        principle: Principle,
        subject_id: str,
        alliance_ids: tuple[str, ...],
    ) -> None:
        self.principle = principle
        self.subject_id = subject_id
        self.alliance_ids = alliance_ids
        super().__init__(where, problem, expected)

    def __reduce__(self) -> tuple[Any, ...]:
        state = (self.where, self.problem, self.expected, self.principle, self.subject_id, self.alliance_ids)
        return (_rebuild_violation, state)


def _rebuild_violation(
    where: str,
    problem: str,
    expected: str,
    principle: Principle,
    subject_id: str,
    alliance_ids: tuple[str, ...],
) -> PrincipleViolation:
    return PrincipleViolation(
        where, problem, expected, principle=principle, subject_id=subject_id, alliance_ids=alliance_ids
    )
