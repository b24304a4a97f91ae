"""The sheet layout shared by workbooks and CSV folders: one table per collection, nested lists apart.

A registry becomes flat tables the way people keep them in Excel:

- one sheet per collection (``单位``, ``党组织``, ``联盟`` …), one row per entity;
- nested objects (an alliance's ``agreement``) as columns of its row: ``协议·名称 agreement.title``;
- nested lists of objects (memberships, contributions, shares, income …) as their own sheets, each
  row keyed by its parent's id (and, two levels down, by the number of the parent row);
- lists of ids and of labels in one cell, separated by ``、`` (``,``, ``，``, ``;`` and new lines
  are read too);
- an open vocabulary (linkages, roles, units, metrics) as the labels of its known terms or new text,
  kept as a custom term; a reported figure as it is written (``300余个``);
- an allocation rule (a tree of rules) as JSON text in one cell.

Every header is the Chinese label and the English field id (``名称 name``); either alone is read.
Reading gives the same document tree as the text formats, checked by the same converter, so a bad
cell is reported with the same words plus its address (``单位!D7``).
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, NamedTuple

import attrs

from dangjian_model._figures import FigureValue
from dangjian_model._hints import type_hints
from dangjian_model._labels import LabelledEnum, open_term, open_vocabulary
from dangjian_model._location import column_letters
from dangjian_model._model import Alliance, Figure, GridLevel, Person
from dangjian_model._money import Money
from dangjian_model._registry import ENTITY_KINDS, Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.files._document import VERSION, structure_document, unstructure_document
from dangjian_model.files._errors import ConfigError, Problem, shown
from dangjian_model.files._fast import fast_structure
from dangjian_model.files._json import make_converter
from dangjian_model.files._tidy import FULL_WIDTH_SPACE, Tidied, tidy_text

__all__ = [
    "LIST_SEPARATOR",
    "SHEETS",
    "VOCABULARY_KINDS",
    "Cell",
    "Column",
    "Sheet",
    "Tables",
    "items",
    "registry_rows",
    "sheet_named",
    "tables_to_registry",
    "value_at",
]

#: What a cell that holds several ids or labels separates them with when written.
LIST_SEPARATOR: Final = "、"
_SPLIT = re.compile(r"[、,，;；\n]")
_INTEGER = re.compile(r"[+-]?[0-9]{1,30}\Z")
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})\Z")
_TRUE = frozenset({"true", "是", "对", "yes", "y", "1", "√"})
_FALSE = frozenset({"false", "否", "不", "no", "n", "0", "×"})
_CONVERTER = make_converter()

#: Field labels users read; where a field means different things in different classes, the class wins.
_LABELS: dict[str, str] = {
    "id": "编号",
    "name": "名称",
    "title": "标题",
    "superior_id": "上级编号",
    "division_code": "区划代码",
    "credit_code": "统一社会信用代码",
    "population": "人口",
    "households": "户数",
    "area_km2": "面积(平方公里)",
    "collective_income": "集体经济收入",
    "host_unit_ids": "所在单位编号",
    "full_members": "正式党员数",
    "probationary_members": "预备党员数",
    "size": "人数",
    "secretary_id": "书记编号",
    "deputy_secretary_ids": "副书记编号",
    "member_ids": "委员编号",
    "elected_on": "选举日期",
    "term_years": "任期(年)",
    "founded_on": "成立日期",
    "dissolved_on": "撤销日期",
    "number": "届次",
    "ended_on": "结束日期",
    "person_id": "人员编号",
    "started_on": "开始日期",
    "concurrent_from_id": "兼任自编号",
    "party_organisation_id": "党组织编号",
    "unit_id": "单位编号",
    "phone": "电话",
    "id_card": "身份证号",
    "organisation_id": "组织编号",
    "role": "角色",
    "on_behalf_of_id": "代表单位编号",
    "joined_on": "加入日期",
    "left_on": "退出日期",
    "post": "职务",
    "lead_id": "牵头单位编号",
    "participant_id": "成员编号",
    "joint_committee_id": "联合党组织编号",
    "formed_on": "成立日期",
    "signed_on": "签订日期",
    "expires_on": "到期日期",
    "contract_based": "契约化",
    "key_project_id": "重点项目编号",
    "anchor_id": "龙头单位编号",
    "covered_unit_ids": "覆盖单位编号",
    "adopted_on": "通过日期",
    "at_least": "至少次数",
    "alliance_id": "联盟编号",
    "site_unit_id": "所在单位编号",
    "company_id": "公司编号",
    "allocation_rule": "分配规则(JSON)",
    "contributor_id": "投入方编号",
    "amount": "金额",
    "quantity": "数量",
    "on": "日期",
    "holder_id": "持有方编号",
    "fraction": "份额",
    "period": "期间",
    "description": "说明",
    "owner_id": "所有者编号",
    "value": "价值",
    "held_in_id": "所在单位编号",
    "reference": "凭证号",
    "level": "层级",
    "parent_id": "上级网格编号",
    "party_group_id": "党小组编号",
    "territory_id": "所在地编号",
    "leader_id": "负责人编号",
    "core_member_ids": "骨干编号",
    "volunteer_ids": "志愿者编号",
    "raised_by_id": "提出方编号",
    "provider_id": "提供方编号",
    "need_id": "需求编号",
    "resource_id": "资源编号",
    "held_by_id": "召开组织编号",
    "held_on": "召开日期",
    "convener_id": "召集人编号",
    "expected": "应到人数",
    "present": "实到人数",
    "present_ids": "出席人员编号",
    "decision": "决定",
    "responsible_id": "责任人编号",
    "due_on": "期限",
    "done_on": "完成日期",
    "project_id": "项目编号",
    "note": "备注",
    "claimed_on": "认领日期",
    "subject_id": "对象编号",
    "published_on": "发布日期",
    "url": "网址",
    "count": "网格数",
    "party_groups": "建党小组",
    "top_grid_id": "顶级网格编号",
    "above": "阈值",
    "terms_start_on": "首届起始日期",
    # nested objects: the prefix of their columns
    "committee": "委员会",
    "agreement": "协议",
    "joint_plan": "联合规划",
    "source": "来源",
}

#: Labels that are the class's own, before the field's and the vocabulary's.
_CLASS_LABELS: dict[tuple[type[Any], str], str] = {
    (Person, "name"): "姓名",
    (Alliance, "secondary_types"): "兼属类型",
    (Figure, "value"): "数值",
    (GridLevel, "name"): "层级名称",
}

#: Sheet names (Excel allows 31 characters, without ``[]:*?/\\``).
_TITLES: dict[str, str] = {
    "units": "单位",
    "party_organisations": "党组织",
    "party_organisations.committee_terms": "党组织换届",
    "party_organisations.committee_terms.posts": "换届职务",
    "people": "人员",
    "people.participations": "人员参与",
    "alliances": "联盟",
    "alliances.memberships": "联盟成员",
    "alliances.cadence": "联盟会议频次",
    "projects": "项目",
    "projects.contributions": "项目投入",
    "projects.shares": "项目股份",
    "projects.income": "项目收益",
    "assets": "资产",
    "ledgers": "台账",
    "ledgers.entries": "台账明细",
    "grids": "网格",
    "brands": "品牌",
    "teams": "队伍",
    "needs": "需求",
    "resources": "资源",
    "listed_projects": "项目清单",
    "meetings": "会议",
    "meetings.agenda": "会议议题",
    "meetings.agenda.follow_ups": "议题督办",
    "alliances.exit_conditions": "联盟退出条件",
    "figures": "数据",
    "grid_systems": "网格体系",
    "grid_systems.levels": "网格层级",
}
#: The column of a parent row's number (on sheets whose rows have rows of their own below them).
NUMBER_ID: Final = "no"
_NUMBER_LABEL = "序号"


@attrs.frozen(repr=False)
class Column(FieldsRepr):
    """One column of a sheet.

    Attributes:
        id: The English field id, dotted for a nested object's field: ``agreement.title``.
        label: The Chinese label: ``协议·名称``.
        kind: How its cells are read and written: ``text``, ``list``, ``int``, ``bool``, ``decimal``,
            ``fraction``, ``money``, ``date``, ``figure`` (a reported figure as written), ``enum``,
            ``enums`` (several labels), ``term`` (an open vocabulary: a known label or new text, kept as
            a custom term), ``terms`` (several of them) or ``json``.
        enum: The vocabulary of an ``enum``, ``enums``, ``term`` or ``terms`` column.
        required: Whether every row must fill it.
        default: The value of an empty cell, in the document's form (``member``, ``0``), or None.
    """

    id: str
    label: str
    kind: str
    enum: type[LabelledEnum] | None = None
    required: bool = False
    default: Any = None

    @property
    def header(self) -> str:
        """What the header cell holds: ``名称 name``."""
        return f"{self.label} {self.id}"


@attrs.frozen(repr=False)
class Sheet(FieldsRepr):
    """One sheet: a collection, or a nested list of its entities.

    Attributes:
        key: The collection, dotted for a nested list: ``alliances.memberships``.
        title: The Chinese sheet name: ``联盟成员``.
        cls: The class of its rows.
        parent: The sheet of the parent rows (None for a collection).
        keys: The columns that name the parent row: its id, and for a list two levels down the
            number (序号) of the parent row on the parent's sheet.
        numbered: Whether its rows carry a number (序号) that rows on a sheet below refer to.
        columns: The columns of the row's own fields.
    """

    key: str
    title: str
    cls: type[Any]
    parent: Sheet | None
    keys: tuple[Column, ...]
    numbered: bool
    columns: tuple[Column, ...]

    @property
    def field(self) -> str:
        """The name of the list in the parent (or of the registry's collection)."""
        return self.key.rsplit(".", 1)[-1]

    @property
    def all_columns(self) -> tuple[Column, ...]:
        """Every column in sheet order: keys, number, fields."""
        number = (Column(NUMBER_ID, _NUMBER_LABEL, "int"),) if self.numbered else ()
        return (*self.keys, *number, *self.columns)


def _optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _item_class(hint: Any) -> Any:
    """The attrs class of a ``tuple[Cls, ...]`` field, or None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and attrs.has(args[0]):
        return args[0]
    return None


_SCALARS: dict[Any, str] = {
    str: "text",
    int: "int",
    bool: "bool",
    Decimal: "decimal",
    Fraction: "fraction",
    Money: "money",
    datetime.date: "date",
    FigureValue: "figure",
}
#: attrs classes that are values written in one cell (``10万元``, ``300余个``), not objects with columns.
_VALUES = (Money, FigureValue)
#: Kinds whose cells hold members of a vocabulary (``enum``) or of an open one (``term``).
VOCABULARY_KINDS: Final = frozenset({"enum", "enums", "term", "terms"})


def _kind(hint: Any) -> tuple[str, type[LabelledEnum] | None]:
    enum = open_vocabulary(hint)
    if enum is not None:
        return "term", enum
    hint = _optional(hint)
    if hint in _SCALARS:
        return _SCALARS[hint], None
    if isinstance(hint, type) and issubclass(hint, LabelledEnum):
        return "enum", hint
    args = typing.get_args(hint)
    if typing.get_origin(hint) is frozenset:  # the model's sets are of members, or of members and new terms
        enum = open_vocabulary(args[0])
        return ("terms", enum) if enum is not None else ("enums", args[0])
    if typing.get_origin(hint) is tuple and args[0] is str:
        return "list", None
    return "json", None


def _label(cls: type[Any], name: str, enum: type[LabelledEnum] | None) -> str:
    own = _CLASS_LABELS.get((cls, name))
    if own is not None:
        return own
    return enum.zh_name() if enum is not None else _LABELS[name]


def _columns(cls: type[Any], prefix: str = "", label_prefix: str = "") -> tuple[list[Column], list[str]]:
    """The columns of ``cls`` and the names of its fields that are lists of objects."""
    hints = type_hints(cls)
    columns: list[Column] = []
    lists: list[str] = []
    for a in attrs.fields(cls):  # every field of the model's classes is set by __init__
        hint = hints[a.name]
        if _item_class(hint) is not None:
            lists.append(a.name)
            continue
        inner = _optional(hint)
        if attrs.has(inner) and inner not in _VALUES:
            nested, _ = _columns(inner, f"{prefix}{a.name}.", f"{label_prefix}{_LABELS[a.name]}·")
            columns += nested
            continue
        kind, enum = _kind(hint)
        label = label_prefix + _label(cls, a.name, enum)
        required = a.default is attrs.NOTHING and not prefix
        default = None
        if a.default is not attrs.NOTHING and not isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            default = _CONVERTER.unstructure(a.default)
        columns.append(Column(prefix + a.name, label, kind, enum, required, default))
    return columns, lists


def _singular(collection: str) -> str:
    return ENTITY_KINDS[collection][1].replace(" ", "_")


def _sheets() -> tuple[Sheet, ...]:
    found: list[Sheet] = []

    def add(key: str, cls: type[Any], parent: Sheet | None, keys: tuple[Column, ...]) -> None:
        columns, lists = _columns(cls)
        sheet = Sheet(
            key, _TITLES[key], cls, parent, keys, bool(lists) and parent is not None, tuple(columns)
        )
        found.append(sheet)
        hints = type_hints(cls)
        for name in lists:
            if parent is None:
                top = key
                child_keys: tuple[Column, ...] = (
                    Column(f"{_singular(top)}_id", f"{_TITLES[top]}编号", "text", required=True),
                )
            else:
                child_keys = (
                    *keys,
                    Column(f"{key.rsplit('.', 1)[-1]}_no", f"{_TITLES[key]}序号", "int", required=True),
                )
            add(f"{key}.{name}", _item_class(hints[name]), sheet, child_keys)

    for collection, (cls, _) in ENTITY_KINDS.items():
        add(collection, cls, None, ())
    return tuple(found)


#: Every sheet, collections first in the registry's order, each followed by its nested lists.
SHEETS: Final = _sheets()
_BY_NAME = {name: sheet for sheet in SHEETS for name in (sheet.key, sheet.title)}


def sheet_named(name: str) -> Sheet | None:
    """The sheet of a sheet name (Chinese) or key (``units``, ``alliances.memberships``), or of a CSV file name."""
    name = name.strip()
    if name.lower().endswith(".csv"):  # a file of a CSV folder
        name = name[: -len(".csv")]
    return _BY_NAME.get(name)


@attrs.frozen(repr=False)
class Cell(FieldsRepr):
    """Where a value is in a workbook or a CSV folder.

    Attributes:
        sheet: The sheet name (``单位``), or the CSV file name (``units.csv``).
        row: The row, 1-based (the header is row 1).
        column: The column, 1-based.
    """

    sheet: str
    row: int
    column: int

    def __str__(self) -> str:
        return f"{self.sheet}!{column_letters(self.column)}{self.row}"


# ------------------------------------------------------------------------------------------ writing


def _cell_text(column: Column, value: Any, labels: bool) -> Any:
    """The cell of a canonical value (the JSON tree's): labels in Chinese when ``labels``."""
    kind = column.kind
    if kind in VOCABULARY_KINDS and labels:
        assert column.enum is not None
        if kind in ("enum", "term"):
            return open_term(column.enum, value).label
        value = [open_term(column.enum, v).label for v in value]
    if kind == "terms" and any(_SPLIT.search(v) or v.startswith("[") for v in value):
        return json.dumps(value, ensure_ascii=False)  # a new term that holds a separator: one JSON list
    if kind in ("list", "enums", "terms"):
        return LIST_SEPARATOR.join(value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if kind == "money" and labels:
        amount = Money.parse(value)
        return amount.format(unit="万", separators=False) if amount.fen % 100 == 0 and amount.fen else value
    return value


def value_at(item: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted key of a document item (``agreement.title``), or None."""
    for part in dotted.split("."):
        if not isinstance(item, dict) or part not in item:
            return None
        item = item[part]
    return item


def registry_rows(registry: Registry, *, labels: bool = True) -> Iterator[tuple[Sheet, Iterator[list[Any]]]]:
    """The rows of every sheet (without the header), from the registry's canonical document.

    Cells hold text, whole numbers and true/false; ``labels`` writes enum values as their Chinese
    labels and whole amounts in 万元 (both read back as the same values).
    """
    tree = unstructure_document(registry, _CONVERTER)
    for sheet in SHEETS:
        yield sheet, _rows(sheet, tree, labels)


def items(sheet: Sheet, tree: dict[str, Any]) -> Iterator[tuple[list[Any], dict[str, Any]]]:
    """(key cells, item) of every row of ``sheet``, in document order."""
    if sheet.parent is None:
        for item in tree.get(sheet.key, ()):
            yield [], item
        return
    for keys, parent in items(sheet.parent, tree):
        if sheet.parent.parent is None:
            keys = [parent["id"]]
        for number, item in enumerate(parent.get(sheet.field, ()), start=1):
            yield ([*keys, number] if sheet.numbered else keys), item


def _rows(sheet: Sheet, tree: dict[str, Any], labels: bool) -> Iterator[list[Any]]:
    for keys, item in items(sheet, tree):
        row: list[Any] = list(keys)
        for column in sheet.columns:
            value = value_at(item, column.id)
            row.append(None if value is None else _cell_text(column, value, labels))
        yield row


# ------------------------------------------------------------------------------------------ reading

#: The rows of one sheet as read: the sheet's name as written, its header row, then (row number, cells).
Tables = Iterable[tuple[str, Sequence[Any], Iterable[tuple[int, Sequence[Any]]]]]


class _Placed(NamedTuple):
    """A row of the document tree: where it is, and the column number of each field."""

    sheet: str
    row: int
    columns: dict[str, int]
    prefix: str = ""


class _Reader:
    """Builds the document tree from the tables, remembering where each value came from."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.tidied: list[Tidied] = []
        self.tree: dict[str, list[dict[str, Any]]] = {}
        self.places: dict[str, _Placed] = {}
        # sheet key → (parent ids, parent number) → (parent item, its path)
        self.parents: dict[str, dict[tuple[Any, ...], list[tuple[dict[str, Any], str]]]] = {}
        self.pending: dict[str, list[tuple[str, Sequence[Any], Iterable[tuple[int, Sequence[Any]]]]]] = {}
        self.ids: dict[str, dict[str, int]] = {}

    def problem(self, where: Cell | None, path: str, value: object, expected: str) -> None:
        self.problems.append(
            Problem(
                path=path,
                value="" if value is None else shown(value),
                expected=expected,
                line=None if where is None else where.row,
                column=None if where is None else where.column,
                sheet=None if where is None else where.sheet,
            )
        )

    def header(self, name: str, sheet: Sheet, header: Sequence[Any]) -> dict[int, Column] | None:
        known = {c.id: c for c in sheet.all_columns}
        by_label = {c.label: c for c in sheet.all_columns}
        found: dict[int, Column] = {}
        for position, cell in enumerate(header):
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            text = str(cell).strip()
            last = text.rsplit(None, 1)[-1]
            column = known.get(last) or by_label.get(text) or known.get(text)
            where = Cell(name, 1, position + 1)
            if column is None:
                hint = difflib.get_close_matches(last, [*known, *by_label], n=1)
                expected = (
                    "a column of this sheet"
                    + (f"; did you mean {hint[0]!r}?" if hint else "")
                    + f" (columns: {', '.join(c.header for c in sheet.all_columns)})"
                )
                self.problem(where, f"$.{sheet.key}", text, expected)
            elif column in found.values():
                self.problem(where, f"$.{sheet.key}", text, "each column once")
            else:
                found[position] = column
        missing = [c.header for c in sheet.keys if c not in found.values()]
        if missing:
            self.problem(
                Cell(name, 1, len(header) + 1), f"$.{sheet.key}", None, f"a column {' and '.join(missing)}"
            )
            return None
        return found

    def read(self, tables: Tables) -> None:
        seen: dict[str, str] = {}
        for name, header, rows in tables:
            sheet = sheet_named(name)
            if sheet is None:
                titles = [s.title for s in SHEETS]
                hint = difflib.get_close_matches(name, titles, n=1)
                expected = (
                    "a sheet of the registry"
                    + (f"; did you mean {hint[0]!r}?" if hint else "")
                    + f" (sheets: {'、'.join(titles)})"
                )
                self.problem(Cell(name, 1, 1), "$", name, expected)
                continue
            if sheet.key in seen:
                self.problem(
                    Cell(name, 1, 1),
                    f"$.{sheet.key}",
                    name,
                    f"one sheet {sheet.title} (also {seen[sheet.key]!r})",
                )
                continue
            seen[sheet.key] = name
            self.pending.setdefault(sheet.key, []).append((name, header, rows))
        for sheet in SHEETS:  # parents before their lists, whatever the order of the sheets
            for name, header, rows in self.pending.get(sheet.key, ()):
                columns = self.header(name, sheet, header)
                if columns is not None:
                    self.rows(name, sheet, columns, rows)

    def rows(
        self, name: str, sheet: Sheet, columns: dict[int, Column], rows: Iterable[tuple[int, Sequence[Any]]]
    ) -> None:
        collection = self.tree.setdefault(sheet.key, []) if sheet.parent is None else None
        mine = self.parents.setdefault(sheet.key, {})
        # what is the same for every row, worked out once
        plan = [
            (
                position,
                column,
                column in sheet.keys,
                column.id == NUMBER_ID and sheet.numbered,
                column.id.split("."),
            )
            for position, column in columns.items()
        ]
        places = {c.id: p + 1 for p, c in columns.items()}
        prefixes = sorted({c.id.rsplit(".", 1)[0] for c in columns.values() if "." in c.id})
        for number, cells in rows:
            item: dict[str, Any] = {}
            keys: list[Any] = []
            key_cells: list[Cell] = []
            own_number: Any = None
            filled = False
            width = len(cells)
            for position, column, is_key, is_number, parts in plan:
                raw = cells[position] if position < width else None
                value = None if raw is None else self.value(raw, column, (name, number, position + 1), sheet)
                if value is None:
                    if is_key:
                        keys.append(None)
                        key_cells.append(Cell(name, number, position + 1))
                    continue
                filled = True
                if is_key:
                    keys.append(value)
                    key_cells.append(Cell(name, number, position + 1))
                elif is_number:
                    own_number = value
                elif len(parts) == 1:
                    item[parts[0]] = value
                else:
                    _put(item, parts, value)
            if not filled:
                continue  # an empty row: people leave them between blocks
            if collection is not None:
                path = f"$.{sheet.key}[{len(collection)}]"
                collection.append(item)
                if isinstance(item.get("id"), str):
                    self.ids.setdefault(sheet.key, {}).setdefault(item["id"], len(collection) - 1)
                parent_key: tuple[Any, ...] = (item.get("id"),)
            else:
                found = self.parent_of(sheet, keys, key_cells, name, number)
                if found is None:
                    continue
                parent, parent_path = found
                siblings = parent.setdefault(sheet.field, [])
                path = f"{parent_path}.{sheet.field}[{len(siblings)}]"
                siblings.append(item)
                parent_key = (*keys, own_number if own_number is not None else len(siblings))
            self.places[path] = _Placed(name, number, places)
            for prefix in prefixes:
                self.places[f"{path}.{prefix}"] = _Placed(name, number, places, prefix + ".")
            mine.setdefault(parent_key, []).append((item, path))

    def parent_of(
        self, sheet: Sheet, keys: list[Any], cells: list[Cell], name: str, number: int
    ) -> tuple[dict[str, Any], str] | None:
        assert sheet.parent is not None
        where = cells[0] if cells else Cell(name, number, 1)
        if any(k is None for k in keys) or len(keys) < len(sheet.keys):
            missing = next((c for k, c in zip(keys, cells, strict=False) if k is None), where)
            self.problem(
                missing,
                f"$.{sheet.key}",
                None,
                f"the {' and '.join(c.header for c in sheet.keys)} of the row it belongs to",
            )
            return None
        candidates = self.parents.get(sheet.parent.key, {}).get(tuple(keys), [])
        if len(candidates) != 1:
            shown_keys = ", ".join(str(k) for k in keys)
            expected = (
                f"a row of sheet {sheet.parent.title} with this {'/'.join(c.header for c in sheet.keys)}"
                if not candidates
                else f"one row of sheet {sheet.parent.title} with this {'/'.join(c.header for c in sheet.keys)}, not {len(candidates)}"
            )
            self.problem(where, f"$.{sheet.key}", shown_keys, expected)
            return None
        return candidates[0]

    def value(self, raw: Any, column: Column, where: tuple[str, int, int], sheet: Sheet) -> Any:
        """The document value of a cell (not None), or None for an empty one."""
        if type(raw) is str:
            if raw[:1].isspace() or raw[-1:].isspace() or FULL_WIDTH_SPACE in raw:
                text, tidied = tidy_text(raw, f"$.{sheet.key}.{column.id}")
                self.tidied.extend(
                    attrs.evolve(t, cell=str(Cell(*where))) for t in (tidied,) if t is not None
                )
                if not text:
                    return None
                raw = text
            elif not raw:
                return None
            if column.kind in _AS_TEXT:
                return raw
        return _read_cell(self, raw, column, where, sheet)


#: Kinds whose text is the document value as it is (the converter reads it).
_AS_TEXT = frozenset({"text", "enum", "term", "figure", "date", "decimal", "fraction"})
#: Kinds whose cells are text even when Excel keeps them as a number (an id typed as digits, ``300``).
_TEXT_KINDS = frozenset({"text", "list", "enum", "enums", "term", "terms", "figure"})


def _read_cell(reader: _Reader, raw: Any, column: Column, where: tuple[str, int, int], sheet: Sheet) -> Any:
    kind = column.kind
    if isinstance(raw, datetime.datetime):  # what openpyxl gives for a date cell
        midnight = kind == "date" and raw.time() == datetime.time()
        return raw.date().isoformat() if midnight else raw.isoformat()
    if (kind in _TEXT_KINDS and type(raw) is int) or (kind == "figure" and type(raw) is float):
        raw = repr(raw)  # an id typed as digits, or a figure as a bare number, is a number to Excel
    if isinstance(raw, str):
        if kind == "terms" and raw.startswith("["):
            terms = _json_list(raw)
            if terms is not None:
                return terms
        if kind in ("list", "enums", "terms"):
            return [part.strip() for part in _SPLIT.split(raw) if part.strip()]
        if kind == "int" and _INTEGER.match(raw):
            return int(raw)
        if kind == "bool" and raw.lower() in _TRUE | _FALSE:
            return raw.lower() in _TRUE
        if kind == "money" and _NUMBER.match(raw):
            return raw + "元"  # a bare number in a money column is in 元
        if kind == "json":
            try:
                return json.loads(raw)
            except ValueError as error:
                reader.problem(
                    Cell(*where),
                    f"$.{sheet.key}.{column.id}",
                    raw,
                    f"an allocation rule as JSON text ({error})",
                )
                return None
        return raw
    if kind == "money" and type(raw) in (int, float):
        return f"{raw!r}元"
    return raw


def _json_list(text: str) -> list[str] | None:
    """The terms of a cell written as a JSON list (new terms that hold a separator), or None."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and all(type(v) is str for v in value):
        return value
    return None


def _put(item: dict[str, Any], parts: list[str], value: Any) -> None:
    *parents, last = parts
    for part in parents:
        item = item.setdefault(part, {})
    item[last] = value


_PATH = re.compile(r"\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\]")


class Located:
    """Finds the cell of a path in the document (``$.units[3].kind``) or in a finding (``units[kuangyan].kind``)."""

    def __init__(self, places: dict[str, _Placed], ids: dict[str, dict[str, int]]) -> None:
        self._places = places
        self._ids = ids

    def cell(self, path: str) -> Cell | None:
        """The cell of ``path``, or of the nearest row or column that holds it; None if none does."""
        found = self._document_path(path)
        if found is None:
            return None
        path = shorter = found
        while True:
            place = self._places.get(shorter)
            if place is not None:
                rest = path[len(shorter) :]
                names = []
                for part in _PATH.findall(rest):  # the field names up to the first list index
                    if part.startswith("["):
                        break
                    names.append(part[1:])
                while names:
                    column = place.columns.get(place.prefix + ".".join(names))
                    if column is not None:
                        return Cell(place.sheet, place.row, column)
                    names.pop()
                return Cell(place.sheet, place.row, min(place.columns.values(), default=1))
            cut = _PATH.findall(shorter)
            if not cut:
                return None
            shorter = shorter[: len(shorter) - len(cut[-1])]

    def _document_path(self, path: str) -> str | None:
        if path.startswith("$"):
            return path
        match = re.match(r"([a-z_]+)\[([^\]]*)\](.*)\Z", path, re.S)
        if match is None:
            return None
        collection, id_, rest = match.groups()
        position = self._ids.get(collection, {}).get(id_)
        if position is None:
            return None
        return f"$.{collection}[{position}]{rest}"


def tables_to_registry(tables: Tables, source: str) -> tuple[Registry, tuple[Tidied, ...], Located]:
    """Build a registry from the tables of a workbook or CSV folder; every bad cell is reported.

    Raises:
        ConfigError: a cell, a header, a sheet or a row is wrong; each problem names its cell.
    """
    reader = _Reader()
    reader.read(tables)
    located = Located(reader.places, reader.ids)
    tree: dict[str, Any] = {"version": VERSION, **{k: v for k, v in reader.tree.items() if v}}
    if reader.problems:
        raise ConfigError(source, tuple(reader.problems))
    registry = fast_structure(tree, Registry)
    if registry is None:
        try:
            registry = structure_document(tree, Registry, _CONVERTER, source)
        except ConfigError as error:
            raise ConfigError(source, tuple(_place(p, located) for p in error.problems)) from None
    return registry, tuple(reader.tidied), located


def _place(problem: Problem, located: Located) -> Problem:
    cell = located.cell(problem.path)
    return (
        problem
        if cell is None
        else attrs.evolve(problem, sheet=cell.sheet, line=cell.row, column=cell.column)
    )
