"""What ``dangjian validate`` writes: text for people, concise lines, JSON, SARIF 2.1.0 and GitHub annotations.

Every format is built from the same :class:`Diagnostic` list — a validation finding, a problem of a
malformed file, text of a workbook tidied on reading, or a file that cannot be read — each placed by a
:class:`~dangjian_model.Location` (``file:line:column``, the form editors, ``grep`` and code-scanning
tools understand; ``file:单位!D7`` in a workbook or CSV folder).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, TextIO

import attrs

from dangjian_model._location import Location
from dangjian_model._repr import FieldsRepr
from dangjian_model.cli._parser import OUTPUT_FORMATS
from dangjian_model.cli._term import Painter
from dangjian_model.files import ConfigError, Problem, Tidied
from dangjian_model.validation import RULES, Finding, Report, Rule, Severity

__all__ = [
    "FORMATS",
    "Diagnostic",
    "FileResult",
    "Language",
    "at_or_above",
    "diagnostics",
    "github",
    "sarif",
    "text",
    "tidied",
]

Language = Literal["zh", "en"] | None
#: The output formats of ``validate``.
FORMATS = OUTPUT_FORMATS
#: The pseudo-rules of problems that are not findings: a malformed file, a file that cannot be read.
MALFORMED, UNREADABLE = "malformed-file", "unreadable-file"
#: The pseudo-rule of text of a workbook or CSV folder tidied on reading (an info, not a problem).
TIDIED = "tidied-text"
#: Where the rule reference lives, relative to the project (SARIF help and the text hint link to it).
RULES_PAGE = "docs/rules.md"
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def bilingual(zh: str, en: str, lang: Language) -> str:
    """``zh`` and ``en`` side by side (Chinese first), or only the one ``lang`` asks for."""
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return f"{zh} {en}" if zh != en else zh


@attrs.frozen(repr=False)
class FileResult(FieldsRepr):
    """The outcome of validating one file."""

    path: str
    kind: str | None = None
    report: Report | None = None
    problems: ConfigError | None = None
    unreadable: str | None = None
    note: str | None = None
    tidied: tuple[Diagnostic, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity; each configuration problem counts as an error, each tidied text as info."""
        counts = dict.fromkeys((s.value for s in Severity), 0)
        if self.report is not None:
            counts.update({s.value: n for s, n in self.report.counts.items()})
        if self.problems is not None:
            counts[Severity.ERROR.value] += self.problems.count
        counts[Severity.INFO.value] += len(self.tidied)
        return counts

    @property
    def status(self) -> str:
        """``checked``, ``malformed`` or ``unreadable``."""
        if self.unreadable is not None:
            return "unreadable"
        return "malformed" if self.problems is not None else "checked"

    def _rest(self) -> str | None:
        """For a malformed file: the problems not listed, in words (None when all are)."""
        return (self.problems.rest() or None) if self.problems is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this file's result (see ``docs/cli.md``)."""
        return {
            "path": self.path,
            "status": self.status,
            "kind": self.kind,
            "findings": [f.to_dict() for f in self.report.findings] if self.report is not None else [],
            "problems": [_problem(p, self.problems.source) for p in self.problems.problems]
            if self.problems is not None
            else [],
            "tidied": [_tidied(t) for t in self.tidied],
            "message": self.unreadable or self.note or self._rest(),
            "counts": self.counts,
            "has_errors": self.counts[Severity.ERROR.value] > 0,
        }


def _problem(problem: Problem, source: str) -> dict[str, Any]:
    return {
        "path": problem.path,
        "value": problem.value,
        "expected": problem.expected,
        "line": problem.line,
        "column": problem.column,
        "sheet": problem.sheet,
        "cell": problem.cell,
        "location": problem.location(source).to_dict(),
    }


def _tidied(item: Diagnostic) -> dict[str, Any]:
    return {
        "severity": item.severity.value,
        "path": item.path,
        "cell": item.cell,
        "message_zh": item.message_zh,
        "message_en": item.message_en,
        "location": item.location.to_dict(),
    }


@attrs.frozen(repr=False)
class Diagnostic(FieldsRepr):
    """One thing to report, whatever its origin, with its place.

    Attributes:
        location: Where: file, line and column (as much as is known).
        code: The rule code (``DJ101``), ``malformed-file`` or ``unreadable-file``.
        severity: Error, warning or info.
        path: The path in the data (``units[changlong].superior_id``, ``$.units[0].name``), or empty.
        message_zh: What is wrong, in Chinese.
        message_en: What is wrong, in English.
        hint: What would be right, if the rule says.
        source: Where the rule comes from, if it is a rule.
    """

    location: Location
    code: str
    severity: Severity
    path: str
    message_zh: str
    message_en: str
    hint: str | None = None
    source: str | None = None

    @property
    def cell(self) -> str | None:
        """The cell in a workbook or CSV folder, ``单位!D7``; None for the other formats."""
        if self.location.sheet is None or self.location.cell is None:
            return None
        return f"{self.location.sheet}!{self.location.cell}"

    def message(self, lang: Language) -> str:
        """The message in ``lang``, or both languages: ``中文 — English``."""
        if lang is None and self.message_zh != self.message_en:
            return f"{self.message_zh} — {self.message_en}"
        return bilingual(self.message_zh, self.message_en, lang)

    def placed_message(self, lang: Language) -> str:
        """:meth:`message` after the cell (``单位!D7: …``) when there is one: for tools that show only lines."""
        return self.message(lang) if self.cell is None else f"{self.cell}: {self.message(lang)}"


def tidied(item: Tidied, file: str) -> Diagnostic:
    """The diagnostic of text of a workbook or CSV file tidied on reading, at its cell of ``file``."""
    place = Location(file) if item.cell is None else Location.of_reference(file, item.cell)
    return Diagnostic(place, TIDIED, Severity.INFO, item.path, item.message_zh, item.message_en)


def _from_finding(finding: Finding, file: str) -> Diagnostic:
    return Diagnostic(
        finding.location or Location(file),
        finding.code,
        finding.severity,
        finding.path,
        finding.message_zh,
        finding.message_en,
        finding.hint,
        finding.source,
    )


def diagnostics(result: FileResult) -> list[Diagnostic]:
    """Everything to report about one file, in the order it is listed."""
    if result.unreadable is not None:
        reason = result.unreadable  # already in the language asked for
        return [Diagnostic(Location(result.path), UNREADABLE, Severity.ERROR, "", reason, reason)]
    if result.problems is not None:
        error = result.problems
        listed = [
            Diagnostic(
                p.location(error.source),
                MALFORMED,
                Severity.ERROR,
                p.path,
                p.zh(),
                p.en(),
            )
            for p in error.problems
        ]
        rest = error.rest()
        if rest:
            zh = "\n".join(line.split(" and ")[0].split(" checking ")[0] for line in rest.splitlines())
            listed.append(Diagnostic(Location(error.source), MALFORMED, Severity.ERROR, "", zh, rest))
        return listed
    assert result.report is not None
    found = [_from_finding(f, result.path) for f in result.report.findings]
    # in file order, as an editor lists them (stable: path order otherwise); tidied text first
    return [*result.tidied, *sorted(found, key=_by_place)]


def _by_place(item: Diagnostic) -> tuple[str, str, int, int]:
    where = item.location
    return (where.file, where.sheet or "", where.line or 0, where.column or 0)


def at_or_above(results: Iterable[FileResult], level: Severity) -> bool:
    """Whether any file has a finding (or problem) of ``level`` or more serious."""
    return any(
        n and Severity(severity).rank <= level.rank for r in results for severity, n in r.counts.items()
    )


# ---------------------------------------------------------------------------------------------- text


def text(result: FileResult, out: TextIO, paint: Painter, lang: Language) -> None:
    """A file's diagnostics for people: ``file:line:col: DJ101 [错误 error] …``, then hint and source."""
    out.write(paint(result.path, "bold") + "\n")
    items = diagnostics(result)
    if result.problems is not None:  # the problems not listed are said in words below, not as one more
        items = items[: len(result.problems.problems)]
    for item in items:
        severity = bilingual(item.severity.label, item.severity.value, lang)
        tag = paint(f"[{severity}]", item.severity.value)
        where = str(item.location)
        if item.code == UNREADABLE:
            out.write(
                f"  {paint(bilingual('无法读取', 'cannot read', lang), 'error')}: {item.message(lang)}\n"
            )
            return
        if item.code == MALFORMED:
            label = paint("[" + bilingual("配置错误", "config error", lang) + "]", "error")
            path = f"{item.path}: " if item.path else ""
            out.write(f"  {where}: {path}{item.message(lang)}  {label}\n")
            continue
        if item.code == TIDIED:
            out.write(f"  {where}: {item.path}: {tag} {_both(item, lang)}\n")
            continue
        message = item.message_zh if lang != "en" else item.message_en
        out.write(f"  {where}: {paint(item.code, 'bold')} {tag} {message}\n")
        second = item.path if lang is not None else f"{item.path}: {item.message_en}"
        out.write(f"      {second}\n")
        out.write(paint(f"      {bilingual('提示', 'hint', lang)}: {_half(item.hint, lang)}", "dim") + "\n")
        out.write(paint(f"      {bilingual('来源', 'source', lang)}: {item.source}", "dim") + "\n")
    if result.problems is not None:
        for line in result.problems.rest().splitlines():
            out.write(f"  {line}\n")
        count = result.problems.count
        plus = "+" if result.problems.stopped else ""
        en = f"malformed file: {count:,}{plus} problem{'' if count == 1 else 's'}"
        zh = f"文件格式有误：{count:,}{plus} 个问题" if lang == "zh" else f"文件格式有误 {en}"
        out.write(f"  {zh if lang != 'en' else en}\n")
        return
    assert result.report is not None
    if result.note is not None:
        out.write(f"  {result.note}\n")
    if result.report.findings or result.tidied:
        counts = dict(result.report.counts)
        counts[Severity.INFO] += len(result.tidied)
        out.write(f"  {summary(counts, lang)}\n")
    else:
        out.write("  " + paint(bilingual("没有发现问题", "no problems found", lang), "ok") + "\n")


def _both(item: Diagnostic, lang: Language) -> str:
    """``中文 / English`` (as a tidied text's own line has it), or the one language asked for."""
    return item.message_zh + " / " + item.message_en if lang is None else item.message(lang)


def _half(text: str | None, lang: Language) -> str:
    """One language of a ``中文 / English`` text (a rule's hint), or all of it."""
    zh, sep, en = (text or "").partition(" / ")
    if not sep or lang is None:
        return text or ""
    return zh if lang == "zh" else en


def summary(counts: dict[Severity, int], lang: Language) -> str:
    """``2 错误 error, 1 警告 warning, 0 提示 info``, in ``lang``."""
    return ", ".join(f"{n} {bilingual(s.label, s.value, lang)}" for s, n in counts.items())


def concise(result: FileResult, out: TextIO, lang: Language) -> None:
    """One line per diagnostic: ``file:line:col: DJ101 error message (path)``."""
    for item in diagnostics(result):
        path = f" ({item.path})" if item.path else ""
        message = item.message(lang).replace("\n", " ")
        out.write(f"{item.location}: {item.code} {item.severity.value} {message}{path}\n")


# -------------------------------------------------------------------------------------------- GitHub


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: FileResult, out: TextIO, lang: Language) -> None:
    """GitHub workflow commands (``::error file=…,line=…,col=…,title=…::message``): annotations on the diff."""
    for item in diagnostics(result):
        props = [f"file={_escape_property(item.location.file)}"]
        if item.location.line is not None:
            props.append(f"line={item.location.line}")
        if item.location.column is not None:
            props.append(f"col={item.location.column}")
        rule = RULES.get(item.code)
        title = f"{item.code} {rule.name}" if rule is not None else item.code
        props.append(f"title={_escape_property(title)}")
        path = f" ({item.path})" if item.path else ""
        message = _escape_data(item.placed_message(lang) + path)
        out.write(f"::{_GITHUB_LEVEL[item.severity]} {','.join(props)}::{message}\n")


# --------------------------------------------------------------------------------------------- SARIF


def rule_help(rule: Rule) -> str:
    """The help of a rule: its titles, why it exists, its source and where it is documented."""
    return (
        f"{rule.title_zh} — {rule.title_en}. {rule.why} 依据 source: {rule.source}. "
        f"See {RULES_PAGE}#{rule.anchor}"
    )


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.title_zh} {rule.title_en}"},
        "fullDescription": {"text": rule.why},
        "help": {
            "text": rule_help(rule),
            "markdown": f"**{rule.title_zh}** — {rule.title_en}\n\n{rule.why}\n\n"
            f"依据 source: {rule.source}\n\n[{rule.code} {rule.name}]({RULES_PAGE}#{rule.anchor})",
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["dangjian", rule.code[:3] + "xx"]},
    }


_PSEUDO_RULES = {
    MALFORMED: ("配置文件格式有误 the configuration file is malformed", "docs/file-format.md", "error"),
    UNREADABLE: ("文件无法读取 the file cannot be read", "docs/cli.md", "error"),
    TIDIED: (
        "表格中的文字已整理（去掉首尾空白、全角空格） text of a workbook or CSV file was tidied on reading",
        "docs/spreadsheets.md",
        "note",
    ),
}


def _pseudo_descriptor(code: str) -> dict[str, Any]:
    text, page, level = _PSEUDO_RULES[code]
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": text},
        "help": {"text": f"{text}; see {page}", "markdown": f"{text}; see [{page}]({page})"},
        "defaultConfiguration": {"level": level},
    }


def _uri(file: str) -> str:
    if file in ("-", "<stdin>", "<string>"):
        return "stdin"
    from pathlib import PurePath  # only SARIF names files by URI: other outputs need not import it

    return PurePath(file).as_posix()


def sarif(results: Sequence[FileResult], version: str, lang: Language) -> dict[str, Any]:
    """A SARIF 2.1.0 log of every file's diagnostics, with the metadata of every rule of the catalogue."""
    codes = [*RULES, *_PSEUDO_RULES]
    where = {code: n for n, code in enumerate(codes)}
    rules = [_rule_descriptor(rule) for rule in RULES.values()]
    rules += [_pseudo_descriptor(code) for code in _PSEUDO_RULES]
    found = []
    for result in results:
        for item in diagnostics(result):
            region = {}
            if item.location.line is not None:
                region["startLine"] = item.location.line
                if item.location.column is not None:
                    region["startColumn"] = item.location.column
            physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(item.location.file)}}
            if region:
                physical["region"] = region
            location: dict[str, Any] = {"physicalLocation": physical}
            logical = []
            if item.cell is not None:  # a workbook's row and column are no text lines: the cell says where
                physical["properties"] = {"sheet": item.location.sheet, "cell": item.location.cell}
                logical.append(
                    {"name": item.location.cell, "fullyQualifiedName": item.cell, "kind": "element"}
                )
            if item.path:
                logical.append({"fullyQualifiedName": item.path, "kind": "member"})
            if logical:
                location["logicalLocations"] = logical
            entry: dict[str, Any] = {
                "ruleId": item.code,
                "ruleIndex": where[item.code],
                "level": _SARIF_LEVEL[item.severity],
                "message": {"text": item.placed_message(lang)},
                "locations": [location],
            }
            if item.hint:
                entry["properties"] = {"hint": item.hint, "source": item.source}
            found.append(entry)
    return {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dangjian",
                        "fullName": "dangjian_model 党建联盟配置文件工具",
                        "version": version,
                        "informationUri": "https://pypi.org/project/dangjian-model/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": found,
            }
        ],
    }
