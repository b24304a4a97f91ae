"""``dangjian convert``, ``template`` and ``schema``: write files in other formats."""

from __future__ import annotations

from dangjian_model._errors import InvalidValue
from dangjian_model._registry import Registry
from dangjian_model.cli._app import Context, UsageError, emit, free
from dangjian_model.cli._exits import EXIT_OK
from dangjian_model.cli._io import SHEET_FORMATS, Unreadable, format_for, is_stdout, write_text
from dangjian_model.files import (
    MissingExtra,
    PersonalData,
    PersonalDataError,
    dumps,
    dumps_labelled,
    json_schema_text,
    write_csv,
    write_template,
    write_workbook,
)

__all__ = ["convert", "schema", "template"]


_PERSONAL_DATA: dict[str, PersonalData] = {"refuse": False, "keep": True, "mask": "mask"}


def _refuse_people(error: PersonalDataError) -> InvalidValue:
    return InvalidValue(
        "convert",
        f"{error.people} people",
        "--personal-data keep to write their names, phones and ID numbers as they are, "
        "or --personal-data mask to write them masked (龚**, 138****5678)",
    )


def _write_sheets(
    registry: Registry, path: str, format: str, personal_data: PersonalData, labels: bool
) -> None:
    try:
        if format == "xlsx":
            write_workbook(registry, path, personal_data=personal_data, labels=labels)
        else:
            write_csv(registry, path, personal_data=personal_data, labels=labels)
    except MissingExtra as error:
        raise Unreadable(path, str(error)) from None
    except OSError as error:
        raise Unreadable(
            path, f"无法写入 cannot be written ({error.strerror or type(error).__name__})"
        ) from None


def convert(ctx: Context) -> int:
    """``dangjian convert``: read a file in one format and write it in another."""
    args = ctx.args
    if is_stdout(args.target) and args.to is None:
        raise UsageError("写到标准输出时需要 --to json、yaml 或 toml writing standard output needs --to")
    target_format = format_for(args.target, args.to, ctx.lang)
    sheets = target_format in ("xlsx", "csv")
    if sheets and is_stdout(args.target):
        raise UsageError(
            "工作簿和 CSV 不能写到标准输出，请给出文件名 "
            "a workbook or CSV files cannot be written to standard output: name a file"
        )
    document = ctx.read(args.source)
    personal_data = _PERSONAL_DATA[args.personal_data]
    labels = args.labels or ("zh" if sheets else "en")
    with ctx.progress(f"正在写入 writing {args.target} …"):
        try:
            if sheets:
                if not isinstance(document, Registry):
                    raise UsageError(
                        f"{args.source}: 工作簿和 CSV 只能保存登记册 workbooks and CSV hold registries, "
                        "not one alliance: convert the registry that holds it"
                    )
                free(args.target, args.force)
                _write_sheets(document, args.target, target_format, personal_data, labels == "zh")
            elif labels == "zh":
                text = dumps_labelled(document, target_format, personal_data=personal_data)
            else:
                text = dumps(document, target_format, personal_data=personal_data)  # type: ignore[arg-type]
        except PersonalDataError as error:
            raise _refuse_people(error) from None
    if not sheets:
        if is_stdout(args.target):
            ctx.out.write(text)
            return EXIT_OK
        write_text(args.target, text, force=args.force)
    kind = "登记册 registry" if isinstance(document, Registry) else "联盟 alliance"
    ctx.err.write(f"已写入 wrote {args.target} ({kind}, {target_format})\n")
    return EXIT_OK


def template(ctx: Context) -> int:
    """``dangjian template``: write an empty workbook (or CSV files) to fill in."""
    target = ctx.args.target
    free(target, ctx.args.force)
    chosen = format_for(target, lang=ctx.lang)
    if chosen == "xlsx":
        try:
            write_template(target)
        except MissingExtra as error:
            raise Unreadable(target, str(error)) from None
    elif chosen == "csv":
        _write_sheets(Registry(), target, "csv", False, True)
    else:
        known = ", ".join(SHEET_FORMATS)
        raise UsageError(
            f"{target}: 模板应为 a template is a workbook or CSV files: name it {known} or a folder/"
        )
    ctx.err.write(f"已写入 wrote {target} (空白模板 empty template, {chosen})\n")
    return EXIT_OK


def schema(ctx: Context) -> int:
    """``dangjian schema``: print (or write) the JSON Schema of configuration files."""
    text = json_schema_text()
    emit(ctx, text if text.endswith("\n") else text + "\n")
    return EXIT_OK
