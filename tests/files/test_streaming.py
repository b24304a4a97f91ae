"""Large documents: a mapped file reads like bytes, and a registry written piece by piece is byte-identical."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from dangjian_model import Alliance, Registry, Unit, strategies
from dangjian_model.files import Limits, _fast, _json, dump, load, loads
from dangjian_model.files._document import unstructure_document


def whole(registry: Registry) -> bytes:
    """The canonical JSON as the whole document tree writes it (the reference)."""
    tree = unstructure_document(registry, _json.converter())
    return (json.dumps(tree, ensure_ascii=False, indent=2) + "\n").encode()


@given(registry=strategies.registries())
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_a_registry_written_in_batches_is_the_whole_document_byte_for_byte(registry: Registry) -> None:
    parts: list[bytes] = []
    assert _json.write_registry(registry, parts.append)
    assert b"".join(parts) == whole(registry) == _json.dumpb(registry)


def test_batches_join_across_their_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    units = [Unit(id=f"u{i}", name=f"第{i}村", kind="行政村") for i in range(7)]
    registry = Registry(units=units)
    monkeypatch.setattr(_json, "_WRITE_BATCH", 3)
    assert _json.dumpb(registry) == whole(registry)


def test_when_msgspec_cannot_encode_the_whole_document_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry(units=[Unit(id=f"u{i}", name="村", kind="行政村") for i in range(3)])
    expected = whole(registry)

    def refuse(registry: Registry, write: Callable[[bytes], object]) -> bool:
        write(b"{ half")
        return False

    monkeypatch.setattr(_json, "write_registry", refuse)
    buffer = io.BytesIO()
    _json.dump_file(registry, buffer)
    assert buffer.getvalue() == expected == _json.dumpb(registry)
    path = tmp_path / "r.json"
    dump(registry, path)
    assert path.read_bytes() == expected


@given(registry=strategies.registries())
@settings(
    max_examples=25,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_a_mapped_file_reads_what_its_bytes_read(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    dump(registry, path, personal_data=True)
    assert load(path) == loads(path.read_bytes()) == registry
    with path.open("rb") as file:
        assert _fast.fast_load_json_file(file, Registry) == registry


def test_entities_are_read_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fast, "_RELEASE_EVERY", 1000)  # give pages back after every batch
    registry = Registry(units=[Unit(id=f"u{i}", name="村", kind="行政村") for i in range(1500)])
    path = tmp_path / "r.json"
    dump(registry, path)
    with path.open("rb") as file:
        assert _fast.fast_load_json_file(file, Registry) == registry  # 3 batches of 512


def test_a_mapped_file_gives_way_to_the_detailed_path(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"units": [{"id": "a", "name": "x", "kind": "镇乡", "id": "b"}]}')
    with path.open("rb") as file:
        assert _fast.fast_load_json_file(file, Registry) is None  # a repeated key
    path.write_text('{"units": {"id": "a"}}')
    with path.open("rb") as file:
        assert _fast.fast_load_json_file(file, Registry) is None  # not a list
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    with empty.open("rb") as file:
        assert _fast.fast_load_json_file(file, Registry) is None


def test_an_alliance_file_and_a_small_limit(tmp_path: Path) -> None:
    registry = Registry(units=[Unit(id="a", name="x", kind="镇乡")])
    path = tmp_path / "r.json"
    dump(registry, path)
    assert load(path, limits=Limits(max_depth=6)) == registry  # below the format's depth: detailed path
    alliance = Alliance(id="al", name="联盟", type="cluster", lead_id="a")
    apath = tmp_path / "a.json"
    dump(alliance, apath)
    assert load(apath, into=Alliance) == alliance
