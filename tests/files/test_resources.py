"""Loading holds no resource longer than it must: maps closed, the collector restored, memory by the file's size."""

from __future__ import annotations

import gc
import mmap
import os
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dangjian_model import Registry, Unit
from dangjian_model.files import ConfigError, Format, Limits, dumps, load, loads
from dangjian_model.files._api import read_at_most
from dangjian_model.files._fast import _close, gc_paused
from tests.fuzz import _counters

BAD_JSON = [
    '{"units": [{"id": "a", "name": 1, "kind": "村"}]}',
    '{"units": [{"id": "a", "name": "x", "kind": "村"}], "units": []}',
    '{"units": [{}], "people": 5}',
    '{"alliance": {"id": 1}}',
    '{"units": [1, 2',
    '{"version": 2}',
]
REGISTRY = Registry(units=[Unit(id=f"u{k}", name=f"单位{k}", kind="村") for k in range(40)])


@pytest.fixture(name="maps")
def fixture_maps(monkeypatch: pytest.MonkeyPatch) -> list[mmap.mmap]:
    """Every memory map the loader opens, to check that each is closed."""
    opened: list[mmap.mmap] = []

    class Tracked(mmap.mmap):
        def __new__(cls, *args: Any, **kwargs: Any) -> Tracked:
            made = super().__new__(cls, *args, **kwargs)
            opened.append(made)
            return made

    monkeypatch.setattr(mmap, "mmap", Tracked)
    return opened


@pytest.mark.parametrize("text", BAD_JSON)
def test_loading_a_bad_json_file_again_and_again_gives_the_same_error_and_leaves_no_map_open(
    tmp_path: Path, text: str, maps: list[mmap.mmap]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    messages = set()
    for _ in range(20):
        with pytest.raises(ConfigError) as raised:
            load(path)
        messages.add(str(raised.value))
    _counters.tried("load(path) in a loop", 20)
    assert len(messages) == 1
    assert all(mapped.closed for mapped in maps)


def test_loading_a_good_json_file_in_a_loop_leaves_no_map_open(tmp_path: Path, maps: list[mmap.mmap]) -> None:
    path = tmp_path / "good.json"
    path.write_text(dumps(REGISTRY), encoding="utf-8")
    for _ in range(20):
        assert load(path) == REGISTRY
    _counters.tried("load(path) in a loop", 20)
    assert maps and all(mapped.closed for mapped in maps)


def _mapped(tmp_path: Path) -> mmap.mmap:
    path = tmp_path / "mapped.json"
    path.write_bytes(b'{"units": []}')
    with open(path, "rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def test_a_map_viewed_only_from_a_reference_cycle_is_still_closed(tmp_path: Path) -> None:
    mapped = _mapped(tmp_path)
    cycle: list[Any] = [memoryview(mapped)]
    cycle.append(cycle)
    del cycle
    with gc_paused():  # the cycle is not collected by itself
        _close(mapped)
    assert mapped.closed


def test_a_map_still_viewed_is_left_to_close_with_its_last_view_without_an_error(tmp_path: Path) -> None:
    mapped = _mapped(tmp_path)
    view = memoryview(mapped)
    _close(mapped)
    assert not mapped.closed
    view.release()
    mapped.close()
    assert mapped.closed


@pytest.fixture(name="collector")
def fixture_collector() -> Iterator[None]:
    """Restore the collector's state whatever a test does to it."""
    enabled = gc.isenabled()
    try:
        yield
    finally:
        (gc.enable if enabled else gc.disable)()


def test_the_collector_is_back_on_only_when_the_last_of_overlapping_loads_ends(collector: None) -> None:
    gc.enable()
    first, second = gc_paused(), gc_paused()
    first.__enter__()
    second.__enter__()  # starts while the first has the collector off
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second is still loading
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off_after_loads(collector: None) -> None:
    gc.disable()
    with gc_paused(), gc_paused():
        pass
    assert not gc.isenabled()
    loads(dumps(REGISTRY).encode())
    assert not gc.isenabled()


def test_concurrent_loads_give_the_same_registry_and_leave_the_collector_on(collector: None) -> None:
    gc.enable()
    good = dumps(REGISTRY).encode()
    bad = BAD_JSON[0].encode()
    threads = 8
    barrier = threading.Barrier(threads)
    results: list[object] = []

    def work(k: int) -> None:
        barrier.wait()
        for _ in range(10):
            try:
                results.append(loads(good if k % 2 else bad))
            except ConfigError as error:
                results.append(type(error))

    pool = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    _counters.tried("threads on shared loaders", threads * 10)
    assert gc.isenabled()
    assert results.count(REGISTRY) == results.count(ConfigError) == threads * 10 // 2


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_loading_a_small_file_allocates_memory_by_its_size_not_by_the_limit(
    tmp_path: Path, format: Format
) -> None:
    path = tmp_path / f"small.{format}"
    path.write_text(dumps(REGISTRY, format), encoding="utf-8")
    load(path)  # builders and decoders are made once per process: not counted
    tracemalloc.start()
    try:
        assert load(path, limits=Limits(max_bytes=1 << 40)) == REGISTRY
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20, peak  # the file is a few KB; neither the limit (1 TiB) nor 32 MiB is allocated


def test_a_file_larger_than_the_limit_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("units: []\n" + "#" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Limits\.max_bytes"):
        load(path, limits=Limits(max_bytes=100))


@pytest.mark.parametrize(("written", "limit", "read"), [(100, 1000, 100), (100, 50, 51), (0, 10, 0)])
def test_reading_a_pipe_stops_one_byte_past_the_limit(written: int, limit: int, read: int) -> None:
    reader, writer = os.pipe()
    os.write(writer, b"x" * written)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        assert len(read_at_most(pipe, limit)) == read


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_a_byte_order_mark_is_read_the_same_in_text_and_in_bytes(format: Format) -> None:
    text = "\ufeff" + dumps(REGISTRY, format)
    assert loads(text, format) == loads(text.encode("utf-8"), format) == REGISTRY


def test_limits_below_their_least_sensible_value_are_refused() -> None:
    for wrong in ({"max_problems": 0}, {"max_depth": 0}, {"max_bytes": -1}):
        with pytest.raises(ValueError, match=next(iter(wrong))):
            Limits(**wrong)
