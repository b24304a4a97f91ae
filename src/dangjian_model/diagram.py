"""Draw an alliance: lines of affiliation solid, alliance and joint-committee links dashed.

The picture makes 三不变 visible: every member keeps its solid line up to its own superiors,
while the alliance and its joint committee (联合党委) reach the members only by dashed lines of
coordination. With ``meetings=True`` it also shows who met: each meeting of the alliance (or of its
joint committee) is a node, with a dotted ``出席`` line from everyone who came.

>>> from dangjian_model import Registry, Unit, Alliance, Membership
>>> registry = Registry(
...     units=[Unit(id="town", name="匡堰镇", kind="镇乡"),
...            Unit(id="a", name="倡隆村", kind="村", superior_id="town"),
...            Unit(id="b", name="乾炳村", kind="村", superior_id="town")],
...     alliances=[Alliance(id="south", name="南部片区", type="片区联盟", lead_id="a",
...                         memberships=[Membership(participant_id="a", role="牵头"), Membership(participant_id="b")])],
... )
>>> print(to_mermaid(registry, "south"))  # doctest: +ELLIPSIS
%%{init: {"themeVariables": {"fontFamily": "'Noto Sans CJK SC', ..., sans-serif"}}}%%
flowchart BT
  n0{{"南部片区<br/>片区党建联盟"}}
  n1["倡隆村<br/>行政村"]
  n2["乾炳村<br/>行政村"]
  n3["匡堰镇<br/>镇乡"]
  n1 -- 行政隶属 --> n3
  n2 -- 行政隶属 --> n3
  n1 -. 牵头 .-> n0
  n2 -. 成员 .-> n0
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from dangjian_model._model import Alliance, Meeting, PartyOrganisation, Person, Unit
from dangjian_model._privacy import redact
from dangjian_model._registry import Entity, Registry
from dangjian_model._repr import FieldsRepr

__all__ = [
    "DASHED",
    "DOTTED",
    "FONT_FAMILIES",
    "SOLID",
    "Edge",
    "Picture",
    "font_css",
    "picture",
    "to_dot",
    "to_mermaid",
]

#: Chinese renders where Noto CJK is absent: the CJK fonts of Linux, macOS, Windows and Android, then any
#: sans-serif (the pictures of the docs, the DOT and Mermaid text and the report all use this chain).
FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Microsoft JhengHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Heiti SC",
    "SimHei",
    "Droid Sans Fallback",
    "sans-serif",
)


def font_css(quote: str = '"') -> str:
    """The chain as a CSS ``font-family`` value: ``"Noto Sans CJK SC", …, sans-serif``."""
    return ", ".join(name if name == "sans-serif" else f"{quote}{name}{quote}" for name in FONT_FAMILIES)


SOLID = "solid"
DASHED = "dashed"
DOTTED = "dotted"


@attrs.frozen(repr=False)
class Edge(FieldsRepr):
    """A line from ``source`` to ``target``: ``solid`` for affiliation, ``dashed`` for coordination,
    ``dotted`` for attending a meeting."""

    source: str
    target: str
    label: str
    style: str


@attrs.frozen(repr=False)
class Picture(FieldsRepr):
    """What to draw: nodes (id → (label, kind)) in drawing order and the edges between them.

    ``meetings`` are the ids of the nodes that are meetings (drawn with their own shape).
    """

    title: str
    nodes: tuple[tuple[str, str, str], ...]
    edges: tuple[Edge, ...]
    meetings: tuple[str, ...] = ()


def _label(entity: Entity) -> tuple[str, str]:
    if isinstance(entity, Unit):
        return entity.name, entity.kind.label
    if isinstance(entity, PartyOrganisation):
        return entity.name, entity.form.label
    if isinstance(entity, Alliance):
        return entity.name, entity.type.label
    if isinstance(entity, Person):  # a person's name is personal data: drawn by id (masked if it is a phone…)
        return redact(entity.id), "人员"
    if isinstance(entity, Meeting):
        return entity.title, f"{entity.kind.label} {entity.held_on.isoformat()}"
    return getattr(entity, "name", entity.id), type(entity).__name__


def picture(registry: Registry, alliance_id: str, *, meetings: bool = False) -> Picture:
    """Collect the nodes and edges of one alliance's picture.

    Members and their party organisations keep their solid lines up to the roots of their
    hierarchies; membership and the joint committee's coordination are dashed. With ``meetings``,
    each meeting the alliance or its joint committee held is a node, with a dotted ``出席`` line from
    each who came (those listed as present, or else the members of the day).

    Raises:
        UnknownId: the alliance (or a participant) is not in the registry.
        HierarchyCycleError: a member's line of superiors loops back on itself (a registry that
            validation reports as DJ104/DJ105); a loop cannot be drawn as a line up to a root.
    """
    alliance = registry.alliance(alliance_id)
    order: dict[str, Entity] = {alliance.id: alliance}
    edges: list[Edge] = []

    def add(entity: Entity) -> None:
        order.setdefault(entity.id, entity)

    members = [registry.get(m.participant_id) for m in alliance.memberships if m.left_on is None]
    for member in members:
        add(member)
    hosted = {
        organisation.id: organisation
        for organisation in registry.party_organisations
        if any(unit in {m.id for m in members} for unit in organisation.host_unit_ids)
        and organisation.id != alliance.joint_committee_id
    }
    for organisation in hosted.values():
        add(organisation)
    if alliance.joint_committee_id is not None:
        add(registry.party_organisation(alliance.joint_committee_id))

    solid: dict[Edge, None] = {}
    for entity in list(order.values()):
        if isinstance(entity, Unit):
            chain: Iterable[Entity] = registry.administrative_ancestors(entity.id)
            relation = "行政隶属"
        elif isinstance(entity, PartyOrganisation):
            chain = registry.party_ancestors(entity.id)
            relation = "党组织隶属"
        else:
            continue
        child: Entity = entity
        for ancestor in chain:
            solid[Edge(child.id, ancestor.id, relation, SOLID)] = None
            add(ancestor)
            child = ancestor
    for organisation in hosted.values():
        for unit_id in organisation.host_unit_ids:
            if unit_id in order:
                solid[Edge(organisation.id, unit_id, "设在", SOLID)] = None
    edges.extend(solid)
    for membership in alliance.memberships:
        if membership.left_on is None:
            edges.append(Edge(membership.participant_id, alliance.id, membership.role.label, DASHED))
    if alliance.joint_committee_id is not None:
        edges.append(Edge(alliance.joint_committee_id, alliance.id, "协调", DASHED))
        for organisation in hosted.values():
            edges.append(Edge(alliance.joint_committee_id, organisation.id, "协调", DASHED))
    held: list[str] = []
    if meetings:
        holders = (
            [alliance.id]
            if alliance.joint_committee_id is None
            else [alliance.id, alliance.joint_committee_id]
        )
        for meeting in sorted((m for h in holders for m in registry.meetings_of(h)), key=_held):
            add(meeting)
            held.append(meeting.id)
            edges.append(Edge(meeting.id, meeting.held_by_id, "召开", DASHED))
            came = meeting.present_ids or alliance.members_on(meeting.held_on)
            for id in came:
                add(registry.get(id))
                edges.append(Edge(id, meeting.id, "出席", DOTTED))
    nodes = tuple((id, *_label(entity)) for id, entity in order.items())
    return Picture(title=alliance.name, nodes=nodes, edges=tuple(edges), meetings=tuple(held))


def _held(meeting: Meeting) -> tuple[str, str]:
    return meeting.held_on.isoformat(), meeting.id


def _escape(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(registry: Registry, alliance_id: str, *, meetings: bool = False) -> str:
    """A Mermaid flowchart of the alliance (solid ``-->`` affiliation, dashed ``-.->`` coordination);
    with ``meetings``, the meetings as rounded nodes and attendance as ``--o`` lines.

    Raises:
        UnknownId: the alliance (or a participant) is not in the registry.
        HierarchyCycleError: a member's line of superiors loops (see :func:`picture`).
    """
    drawing = picture(registry, alliance_id, meetings=meetings)
    key = {id: f"n{i}" for i, (id, _, _) in enumerate(drawing.nodes)}
    held = set(drawing.meetings)
    fonts = font_css("'")
    lines = [f'%%{{init: {{"themeVariables": {{"fontFamily": "{fonts}"}}}}}}%%', "flowchart BT"]
    for i, (id, name, kind) in enumerate(drawing.nodes):
        text = f'"{_escape(name)}<br/>{_escape(kind)}"'
        if i == 0:
            lines.append(f"  {key[id]}{{{{{text}}}}}")
        elif id in held:
            lines.append(f"  {key[id]}([{text}])")
        else:
            lines.append(f"  {key[id]}[{text}]")
    arrows = {SOLID: "-- {} -->", DASHED: "-. {} .->", DOTTED: "-- {} --o"}
    for edge in drawing.edges:
        lines.append(f"  {key[edge.source]} {arrows[edge.style].format(edge.label)} {key[edge.target]}")
    return "\n".join(lines)


def to_dot(registry: Registry, alliance_id: str, *, meetings: bool = False) -> str:
    """A Graphviz DOT graph of the alliance (solid affiliation, dashed coordination, dotted attendance).

    Raises:
        UnknownId: the alliance (or a participant) is not in the registry.
        HierarchyCycleError: a member's line of superiors loops (see :func:`picture`).
    """
    drawing = picture(registry, alliance_id, meetings=meetings)
    held = set(drawing.meetings)
    key = {id: f"n{i}" for i, (id, _, _) in enumerate(drawing.nodes)}

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "digraph alliance {",
        f"  label={quote(drawing.title)};",
        "  rankdir=BT;",
        f"  node [shape=box, fontname={quote(','.join(FONT_FAMILIES))}];",
        f"  edge [fontname={quote(','.join(FONT_FAMILIES))}, fontsize=10];",
    ]
    for i, (id, name, kind) in enumerate(drawing.nodes):
        shape = ", shape=hexagon" if i == 0 else ", shape=note" if id in held else ""
        lines.append(f"  {key[id]} [label={quote(name + chr(10) + kind)}{shape}];")
    for edge in drawing.edges:
        lines.append(
            f"  {key[edge.source]} -> {key[edge.target]} [label={quote(edge.label)}, style={edge.style}];"
        )
    lines.append("}")
    return "\n".join(lines)
