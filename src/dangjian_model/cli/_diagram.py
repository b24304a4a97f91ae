"""``dangjian diagram``: draw an alliance (Mermaid or Graphviz DOT)."""

from __future__ import annotations

from collections.abc import Callable

from dangjian_model._errors import DangjianError, HierarchyCycleError, UnknownId
from dangjian_model.cli._app import Context, UsageError, emit, ids_text
from dangjian_model.cli._exits import EXIT_OK
from dangjian_model.diagram import to_dot, to_mermaid

__all__ = ["run"]


def run(ctx: Context) -> int:
    """``dangjian diagram``: draw one alliance as Mermaid or Graphviz DOT."""
    args = ctx.args
    registry = ctx.read_registry(args.path, "diagram")
    ids = [a.id for a in registry.alliances]
    if args.alliance is None:
        if len(ids) != 1:
            found = "没有联盟 no alliance" if not ids else f"有多个联盟 several alliances: {ids_text(ids)}"
            raise UsageError(f"{args.path}: {found}; 用 --alliance ID 选择 choose one with --alliance ID")
        alliance_id = ids[0]
    elif args.alliance not in ids:
        raise UsageError(
            f"{args.path}: 没有联盟 no alliance {args.alliance!r}; 联盟 alliances: {ids_text(ids)}"
        )
    else:
        alliance_id = args.alliance
    draw: Callable[..., str] = to_dot if args.format == "dot" else to_mermaid
    try:
        text = draw(registry, alliance_id, meetings=args.meetings)
    except (UnknownId, HierarchyCycleError) as error:  # a broken registry: validation says what else is wrong
        raise DangjianError(
            f"{error}; 先运行 run `dangjian validate {args.path}` to see every problem"
        ) from None
    emit(ctx, text + "\n")
    return EXIT_OK
