"""Configuration of the checks, like ruff's: select and ignore codes or prefixes, change severities, per alliance."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from dangjian_model._errors import InvalidValue
from dangjian_model._labels import LabelledEnum, zh_name
from dangjian_model._repr import FieldsRepr
from dangjian_model.validation._findings import Severity

__all__ = ["GridLevels", "GridPartyGroups", "ValidationConfig"]


@zh_name("网格党小组要求")
class GridPartyGroups(LabelledEnum):
    """When a grid cell must have a party group (党小组建在网格上, seed 003)."""

    WHERE_ANY = (
        "where_any",
        "有则全覆盖",
    )  # a grid system with any party group has them on its carrying cells
    EVERY_GRID = ("every_grid", "每格必建")  # every grid system has them on its carrying cells


def _codes(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset({value.strip().upper()})
    return frozenset(code.strip().upper() for code in value)


def _codes_or_empty(value: Iterable[str]) -> frozenset[str]:
    return _codes(value) or frozenset()


def _severities(value: Mapping[str, Severity | str]) -> tuple[tuple[str, Severity], ...]:
    if isinstance(value, tuple):
        return value  # already converted (attrs.evolve)
    return tuple(sorted((code.strip().upper(), Severity.parse(sev)) for code, sev in dict(value).items()))


def _overrides(value: Mapping[str, ValidationConfig]) -> tuple[tuple[str, ValidationConfig], ...]:
    if isinstance(value, tuple):
        return value
    return tuple(sorted(dict(value).items()))


def _grid_policy(value: GridPartyGroups | str) -> GridPartyGroups:
    return GridPartyGroups.parse(value, "ValidationConfig.grid_party_groups")


#: What ``grid_party_group_levels`` holds: the levels whose cells carry a party group, or None for the
#: bottom cells (cells with no cell inside), whatever their level.
GridLevels = frozenset[int] | None


def _levels(
    value: Iterable[int] | int | str | None, where: str = "ValidationConfig.grid_party_group_levels"
) -> GridLevels:
    if value is None or (isinstance(value, str) and value.strip().lower() == "bottom"):
        return None
    items: tuple[object, ...] = (
        tuple(value) if isinstance(value, Iterable) and not isinstance(value, str) else (value,)
    )
    for item in items:
        if type(item) is not int or item < 1:
            raise InvalidValue(
                where,
                item,
                "grid levels such as [3, 4] (whole numbers ≥ 1), or 'bottom' for the bottom cells",
            )
    return frozenset(cast("tuple[int, ...]", items))


def _levels_by_system(
    value: Mapping[str, Iterable[int] | int | str | None],
) -> tuple[tuple[str, GridLevels], ...]:
    if isinstance(value, tuple):
        return value  # already converted (attrs.evolve)
    where = "ValidationConfig.grid_party_group_levels_by_system"
    return tuple(sorted((str(id), _levels(levels, f"{where}[{id!r}]")) for id, levels in dict(value).items()))


def _check_prefixes(instance: ValidationConfig, attribute: attrs.Attribute[Any], value: Any) -> None:
    from dangjian_model.validation._catalogue import CODES

    prefixes: Iterable[str] = ()
    if isinstance(value, frozenset):
        prefixes = value
    elif isinstance(value, tuple):
        prefixes = [code for code, _ in value]
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in CODES):
            raise InvalidValue(
                f"ValidationConfig.{attribute.name}",
                prefix,
                "a rule code such as 'DJ101' or a prefix such as 'DJ2'",
            )


def _longest(prefixes: Iterable[str], code: str) -> int:
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=0)


@attrs.frozen(kw_only=True, repr=False)
class ValidationConfig(FieldsRepr):
    """Which rules run and how severe their findings are.

    A code is enabled when its most specific matching ``select`` entry is more specific than its most
    specific matching ``ignore`` entry (as in ruff): ``select={"DJ101"}, ignore={"DJ1"}`` keeps DJ101.

    Args:
        select: Codes or prefixes to run; None (the default) means every rule (``DJ``).
        ignore: Codes or prefixes not to run.
        severities: Code or prefix → the severity to report it with (the most specific entry wins).
        per_alliance: Alliance id → a configuration applied on top of this one to findings about that
            alliance: if it gives ``select``, its ``select`` and ``ignore`` replace this one's; otherwise
            its ``ignore`` adds to this one's. Its ``severities`` add to (and override) this one's.
        grid_party_groups: Which grid systems must have party groups (DJ441): those with any, or all.
        grid_party_group_levels: The levels whose cells carry the party groups (党小组建在网格上), such as
            ``[4]``; None or ``"bottom"`` (the default) for the bottom cells, those with no cell inside,
            as seed 003 builds them.
        grid_party_group_levels_by_system: The id of a grid system's top cell → its own levels (or
            ``"bottom"``), for systems that differ from ``grid_party_group_levels``.
        as_of: The day to judge terms, meeting cadence and follow-up against (DJ211, DJ705, DJ713, DJ723);
            None skips those rules (DJ723 still judges the history between terms).

    >>> config = ValidationConfig(ignore=["DJ2"], severities={"DJ407": "error"})
    >>> config.is_enabled("DJ201"), config.is_enabled("DJ301")
    (False, True)
    """

    select: frozenset[str] | None = attrs.field(default=None, converter=_codes, validator=_check_prefixes)
    ignore: frozenset[str] = attrs.field(
        default=frozenset(), converter=_codes_or_empty, validator=_check_prefixes
    )
    severities: tuple[tuple[str, Severity], ...] = attrs.field(
        default=(), converter=_severities, validator=_check_prefixes
    )
    per_alliance: tuple[tuple[str, ValidationConfig], ...] = attrs.field(default=(), converter=_overrides)
    grid_party_groups: GridPartyGroups = attrs.field(
        default=GridPartyGroups.WHERE_ANY, converter=_grid_policy
    )
    grid_party_group_levels: GridLevels = attrs.field(default=None, converter=_levels)
    grid_party_group_levels_by_system: tuple[tuple[str, GridLevels], ...] = attrs.field(
        default=(), converter=_levels_by_system
    )
    as_of: datetime.date | None = None

    def party_group_levels(self, system_id: str | None) -> GridLevels:
        """The levels of the grid system whose top cell is ``system_id`` that carry party groups (DJ441):
        its own setting, else ``grid_party_group_levels``; None means the bottom cells.

        >>> config = ValidationConfig(grid_party_group_levels=[3, 4], grid_party_group_levels_by_system={"huayuan": "bottom"})
        >>> sorted(config.party_group_levels("dongqu")), config.party_group_levels("huayuan")
        ([3, 4], None)
        """
        for id, levels in self.grid_party_group_levels_by_system:
            if id == system_id:
                return levels
        return self.grid_party_group_levels

    def for_alliance(self, alliance_id: str | None) -> ValidationConfig:
        """The configuration that applies to findings about ``alliance_id``."""
        if alliance_id is None:
            return self
        for key, override in self.per_alliance:
            if key == alliance_id:
                return attrs.evolve(
                    self,
                    select=override.select if override.select is not None else self.select,
                    ignore=override.ignore | (self.ignore if override.select is None else frozenset()),
                    severities=dict(self.severities) | dict(override.severities),
                    per_alliance={},
                )
        return self

    def is_enabled(self, code: str) -> bool:
        """True if the rule ``code`` runs under this configuration."""
        selected = _longest(self.select if self.select is not None else ("DJ",), code)
        return selected > 0 and selected > _longest(self.ignore, code)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity findings of ``code`` are reported with."""
        best, chosen = 0, default
        for prefix, severity in self.severities:
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), severity
        return chosen

    def enabled_anywhere(self, code: str) -> bool:
        """True if the rule runs for the registry or for any alliance override."""
        return self.is_enabled(code) or any(
            self.for_alliance(key).is_enabled(code) for key, _ in self.per_alliance
        )
