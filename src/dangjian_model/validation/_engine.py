"""``validate`` and ``validate_alliance``: one pass, every problem, never an exception for a domain problem."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dangjian_model._registry import Registry
from dangjian_model.validation._catalogue import RULES
from dangjian_model.validation._checks import CHECKS, Scope
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding
from dangjian_model.validation._findings import Finding, Report

__all__ = ["validate", "validate_alliance"]


#: Told how many checks have run of how many (``done, total``), after each: a progress line's counts.
OnCheck = Callable[[int, int], None]


def validate(
    registry: Registry, config: ValidationConfig | None = None, *, on_check: OnCheck | None = None
) -> Report:
    """Check every rule of the catalogue against the whole registry and report every finding.

    Args:
        registry: The registry to check.
        config: Which rules run and how severe they are; every rule at its own severity by default.
        on_check: Called with ``(done, total)`` after each check (a check runs one or more rules),
            for a progress line on long work.

    >>> from dangjian_model import Registry, Unit
    >>> report = validate(Registry(units=[Unit(id="changlong", name="倡隆村", kind="行政村", superior_id="kuangyang")]))
    >>> [(f.code, f.path) for f in report.findings]
    [('DJ101', 'units[changlong].superior_id')]
    """
    scope = Scope(registry.alliances, registry.projects, tuple(registry.entities()), whole_registry=True)
    return _run(registry, scope, config or ValidationConfig(), on_check)


def validate_alliance(
    registry: Registry,
    alliance_id: str,
    config: ValidationConfig | None = None,
    *,
    on_check: OnCheck | None = None,
) -> Report:
    """Check one alliance, its memberships and its projects (the registry-wide rules run in :func:`validate`).

    ``on_check`` is as for :func:`validate`.

    Raises:
        UnknownId: no alliance has this id (a mistake of the caller, not of the data).
    """
    alliance = registry.alliance(alliance_id)
    projects = tuple(p for p in registry.projects if p.alliance_id == alliance_id)
    scope = Scope((alliance,), projects, (alliance, *projects), whole_registry=False)
    return _run(registry, scope, config or ValidationConfig(), on_check)


def _run(registry: Registry, scope: Scope, config: ValidationConfig, on_check: OnCheck | None) -> Report:
    context = Context.build(registry)
    raws: list[RawFinding] = []
    for done, check in enumerate(CHECKS, 1):
        if check.whole_registry_only and not scope.whole_registry:
            continue
        if any(config.enabled_anywhere(code) for code in check.codes):
            raws.extend(check.run(context, scope, config))
        if on_check is not None:
            on_check(done, len(CHECKS))
    return Report(_findings(raws, config))


def _findings(raws: Iterable[RawFinding], config: ValidationConfig) -> Iterable[Finding]:
    for raw in raws:
        applied = config.for_alliance(raw.alliance_id)
        if not applied.is_enabled(raw.code):
            continue
        rule = RULES[raw.code]
        yield Finding(
            code=raw.code,
            severity=applied.severity_of(raw.code, rule.severity),
            path=raw.path,
            message_zh=raw.message_zh,
            message_en=raw.message_en,
            hint=raw.hint,
            source=rule.source,
            alliance_id=raw.alliance_id,
        )
