"""Fixtures for the command: configuration files written from known registries, and a runner."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from dangjian_model import Person, Registry
from dangjian_model.allocation import GuaranteedMinimum
from dangjian_model.cli import main
from dangjian_model.files import dump
from dangjian_model.validation import cixi_example

#: Personal data planted in the registries; no output of the command may contain any of it.
NAME, PHONE, ID_CARD = "甄测试", "13912345678", "11010519491231002X"


@attrs.frozen
class Result:
    """What one run of the command did."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


def run_cli(*argv: str) -> Result:
    """Run ``dangjian argv`` in this process and capture its streams."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture(name="run")
def _run() -> Run:
    return run_cli


def clean_registry() -> Registry:
    """The 慈溪 片区 that validates clean, with one person whose data is personal."""
    registry = cixi_example()
    planted = Person(id="planted", name=NAME, phone=PHONE, id_card=ID_CARD, roles=["书记"])
    return attrs.evolve(registry, people=(*registry.people, planted))


def guaranteed_registry() -> Registry:
    """The same, with the project sharing by a guaranteed minimum that the town covers."""
    registry = clean_registry()
    project = registry.project("lianshu-village")
    rule = GuaranteedMinimum(("qianbing",), "12万元", guarantor_id="kuangyan")
    projects = [attrs.evolve(project, allocation_rule=rule)]
    return attrs.evolve(registry, projects=projects)


@pytest.fixture(name="clean")
def _clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    dump(clean_registry(), path, personal_data=True)
    return path


@pytest.fixture(name="guaranteed")
def _guaranteed(tmp_path: Path) -> Path:
    path = tmp_path / "guaranteed.toml"
    dump(guaranteed_registry(), path, personal_data=True)
    return path


@pytest.fixture(name="with_errors")
def _with_errors(tmp_path: Path) -> Path:
    """A registry whose village names a superior that does not exist (DJ101)."""
    path = tmp_path / "with-errors.yaml"
    path.write_text(
        "units:\n"
        "  - {id: kuangyan, name: 匡堰镇, kind: 镇乡}\n"
        "  - {id: changlong, name: 倡隆村, kind: 行政村, superior_id: kuangyang}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(name="malformed")
def _malformed(tmp_path: Path) -> Path:
    """A registry with two structural problems: a number for a name, an unknown kind."""
    path = tmp_path / "malformed.json"
    path.write_text(
        '{"units": [{"id": "a", "name": 1, "kind": "村"}, {"id": "b", "name": "乙村", "kind": "星球"}]}',
        encoding="utf-8",
    )
    return path
