"""What validation reports: :class:`Severity`, :class:`Finding` and the :class:`Report` of one pass."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from dangjian_model._labels import LabelledEnum, zh_name
from dangjian_model._location import Location
from dangjian_model._privacy import redact
from dangjian_model._repr import FieldsRepr

__all__ = ["Finding", "Report", "Severity"]


@zh_name("严重程度")
class Severity(LabelledEnum):
    """How serious a finding is: an error breaks a rule, a warning departs from what is usual, info notes."""

    ERROR = ("error", "错误")
    WARNING = ("warning", "警告")
    INFO = ("info", "提示")

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order reports list them in."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True, repr=False)
class Finding(FieldsRepr):
    """One problem found in a registry, the way a compiler reports one.

    Attributes:
        code: The stable rule code, e.g. ``DJ101``; see the rule reference (``docs/rules.md``).
        severity: Error, warning or info (after the configuration is applied).
        path: Where the offending value is, entities addressed by id and list items by index,
            e.g. ``alliances[cixi-south].memberships[2].joined_on``.
        message_zh: What is wrong, in Chinese.
        message_en: What is wrong, in English.
        hint: What would be right (Chinese, then English).
        source: Where the rule comes from: a seed article, a regulation and its article.
        alliance_id: The alliance the finding concerns, if any (per-alliance configuration uses it).
        location: Where :attr:`path` is in the file it was read from, once the command,
            :func:`~dangjian_model.files.locate` or :meth:`~dangjian_model.files.SheetImport.locate`
            has found it: file, line and column; in a workbook or CSV folder also the sheet and cell
            (``registry.xlsx:单位!D7``). None for a registry built in code.
    """

    code: str
    severity: Severity
    path: str = attrs.field(converter=redact)  # what looks like a phone or ID number is masked
    message_zh: str = attrs.field(converter=redact)
    message_en: str = attrs.field(converter=redact)
    hint: str = attrs.field(converter=redact)
    source: str
    alliance_id: str | None = None
    location: Location | None = None

    @property
    def where(self) -> str:
        """``file:line:column`` when the finding is located, else its path."""
        return self.path if self.location is None else str(self.location)

    def sort_key(self) -> tuple[Any, ...]:
        """Findings are listed by path (numbers in numeric order), then code."""
        return (_natural(self.path), self.code, self.message_en)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict; the severity is its English id."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "hint": self.hint,
            "source": self.source,
            "alliance_id": None if self.alliance_id is None else redact(self.alliance_id),
            "location": None if self.location is None else self.location.to_dict(),
        }

    def to_text(self) -> str:
        """Four lines: where, code and severity and the Chinese message; the English one; hint; source."""
        return (
            f"{self.path}: {self.code} [{self.severity.label} {self.severity.value}] {self.message_zh}\n"
            f"    {self.message_en}\n"
            f"    hint: {self.hint}\n"
            f"    source: {self.source}"
        )


_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(
        (1, int(part), "") if part.isdigit() else (0, 0, part) for part in _DIGITS.split(text) if part
    )


def _in_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


@attrs.frozen(repr=False)
class Report(FieldsRepr):
    """The findings of one validation pass, in a deterministic order.

    Attributes:
        findings: By path (numbers in numeric order), then code.
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_in_order)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity (every severity present, zero included)."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        """True if any finding is an error."""
        return any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes that were reported, sorted, each once."""
        return tuple(sorted({finding.code for finding in self.findings}))

    def __len__(self) -> int:
        return len(self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings with this code (or code prefix such as ``DJ2``)."""
        return tuple(finding for finding in self.findings if finding.code.startswith(code))

    def summary(self) -> str:
        """One line: ``2 错误 error, 1 警告 warning, 0 提示 info``."""
        return ", ".join(f"{n} {s.label} {s.value}" for s, n in self.counts.items())

    def to_text(self) -> str:
        """Every finding in Chinese and English, then the summary line."""
        if not self.findings:
            return "没有发现问题 no problems found"
        return "\n".join([*(finding.to_text() for finding in self.findings), self.summary()])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict: ``findings``, ``counts`` by severity id and ``has_errors``."""
        return {
            "findings": [finding.to_dict() for finding in self.findings],
            "counts": {severity.value: n for severity, n in self.counts.items()},
            "has_errors": self.has_errors,
        }
