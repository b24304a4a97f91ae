"""``dangjian report``: one HTML page people read and sign."""

from __future__ import annotations

from collections.abc import Callable

from dangjian_model._location import Location
from dangjian_model._model import Alliance
from dangjian_model.cli._app import Context, UsageError, emit, with_alliance
from dangjian_model.cli._exits import EXIT_OK
from dangjian_model.report import render

__all__ = ["run"]


def run(ctx: Context) -> int:
    """``dangjian report``: write the HTML report of a registry (or of one alliance in it)."""
    args = ctx.args
    source = ctx.source(args.path)
    document = source.document
    locate: Callable[[list[str]], dict[str, Location]] | None = source.locate
    if isinstance(document, Alliance):
        locate = None  # the findings of an alliance file in a registry: the registry's lines
        if args.registry is None:
            raise UsageError(
                f"{args.path}: 这是单个联盟文件，用 --registry 指定它所在的登记册 "
                "holds one alliance; give --registry FILE, the registry it belongs to"
            )
        document = with_alliance(ctx.read_registry(args.registry, "--registry"), document)
    with ctx.progress(f"正在生成报告 writing the report of {args.path} …"):
        html = render(
            document,
            lang=args.lang or "zh",
            personal_data=args.personal_data,
            source=args.path,
            as_of=args.as_of,
            locate=locate,
        )
    emit(ctx, html)
    return EXIT_OK
