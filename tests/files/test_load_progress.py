"""``load(path, progress=...)``: bytes read of total, every few megabytes, for a progress line on long reads."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from dangjian_model.files import _api, dump, load
from dangjian_model.validation import cixi_example

Calls = list[tuple[int, int]]


@pytest.fixture(name="small_steps")
def _small_steps(monkeypatch: pytest.MonkeyPatch) -> int:
    """Progress every 1,000 bytes, so that a small file is many steps long."""
    monkeypatch.setattr(_api, "PROGRESS_STEP", 1_000)
    return 1_000


@pytest.mark.parametrize("suffix", [".yaml", ".toml"])
def test_a_file_larger_than_a_step_is_reported_step_by_step_up_to_its_size(
    tmp_path: Path, small_steps: int, suffix: str
) -> None:
    path = tmp_path / f"cixi{suffix}"
    dump(cixi_example(), path, personal_data=True)
    size = path.stat().st_size
    assert size > 3 * small_steps
    calls: Calls = []
    registry = load(path, progress=lambda done, total: calls.append((done, total)))
    assert registry == load(path)
    assert len(calls) == math.ceil(size / small_steps)
    assert all(total == size for _, total in calls)
    read = [done for done, _ in calls]
    assert read == sorted(set(read)) and read[-1] == size
    assert all(0 < later - earlier <= small_steps for earlier, later in zip([0, *read], read, strict=False))


def test_a_json_file_is_mapped_so_it_is_reported_whole_at_once(tmp_path: Path, small_steps: int) -> None:
    path = tmp_path / "cixi.json"
    dump(cixi_example(), path, personal_data=True)
    calls: Calls = []
    load(path, progress=lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert calls == [(size, size)]


class CountingReads(io.BytesIO):
    """A file that counts how often it is read."""

    reads = 0

    def read(self, size: int | None = -1, /) -> bytes:
        self.reads += 1
        return super().read(size)


def test_without_a_callback_a_file_of_known_size_is_read_at_once(small_steps: int) -> None:
    data = b"x" * (10 * small_steps)
    file = CountingReads(data)
    assert _api.read_at_most(file, 1 << 20, len(data)) == data
    assert file.reads == 2  # all of it, then the end


def test_with_a_callback_it_is_read_a_step_at_a_time_and_stops_at_the_limit(small_steps: int) -> None:
    data = b"x" * (10 * small_steps)
    file = CountingReads(data)
    calls: Calls = []
    assert (
        _api.read_at_most(file, 5 * small_steps, len(data), lambda *call: calls.append(call))
        == data[: 5 * small_steps + 1]
    )
    assert calls[-1] == (5 * small_steps + 1, len(data))
    assert file.reads == len(calls) == 6
