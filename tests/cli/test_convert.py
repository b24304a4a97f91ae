"""``dangjian convert``: between JSON, YAML and TOML, never replacing a file without ``--force``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dangjian_model import Alliance
from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.files import dumps, load
from tests.cli.conftest import Run, clean_registry

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("first", ["json", "yaml", "toml"])
@pytest.mark.parametrize("second", ["json", "yml", "toml"])
def test_a_round_trip_through_two_formats_preserves_the_registry(
    run: Run, clean: Path, tmp_path: Path, first: str, second: str
) -> None:
    middle, back = tmp_path / f"middle.{first}", tmp_path / f"back.{second}"
    assert run("convert", "--personal-data", "keep", str(clean), str(middle)).code == EXIT_OK
    assert run("convert", "--personal-data", "keep", str(middle), str(back)).code == EXIT_OK
    assert load(back) == load(clean) == clean_registry()


def test_the_output_is_the_canonical_text(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    result = run("convert", "--personal-data", "keep", str(clean), str(target))
    assert target.read_text(encoding="utf-8") == dumps(clean_registry(), "toml", personal_data=True)
    assert result.out == ""
    assert result.err == f"已写入 wrote {target} (登记册 registry, toml)\n"


def test_an_alliance_document_stays_an_alliance(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "alliance.json"
    assert (
        run(
            "convert", "--personal-data", "keep", str(EXAMPLES / "cixi_south_alliance.yaml"), str(target)
        ).code
        == EXIT_OK
    )
    assert load(target, into=Alliance) == load(EXAMPLES / "cixi_south_alliance.yaml", into=Alliance)


def test_an_existing_file_is_kept_unless_force_is_given(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    refused = run("convert", "--personal-data", "keep", str(clean), str(target))
    assert refused.code == EXIT_USAGE
    assert "already exists: give --force" in refused.err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("convert", "--personal-data", "keep", "--force", str(clean), str(target)).code == EXIT_OK
    assert load(target) == clean_registry()


def test_to_forces_the_output_format(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "registry.txt"
    assert run("convert", "--personal-data", "keep", str(clean), str(target), "--to", "json").code == EXIT_OK
    assert load(target, format="json") == clean_registry()


def test_an_output_name_without_a_format_exits_2(run: Run, clean: Path, tmp_path: Path) -> None:
    result = run("convert", "--personal-data", "keep", str(clean), str(tmp_path / "registry.txt"))
    assert result.code == EXIT_USAGE
    assert "unknown format" in result.err


def test_an_output_that_cannot_be_written_exits_2(run: Run, clean: Path, tmp_path: Path) -> None:
    result = run(
        "convert", "--personal-data", "keep", str(clean), str(tmp_path / "no-such-folder" / "out.json")
    )
    assert result.code == EXIT_USAGE
    assert "cannot be written" in result.err


def test_a_malformed_input_exits_1_and_writes_nothing(run: Run, malformed: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    result = run("convert", "--personal-data", "keep", str(malformed), str(target))
    assert result.code == EXIT_ERRORS
    assert "$.units[0].name" in result.err
    assert not target.exists()


def test_a_missing_input_exits_2(run: Run, tmp_path: Path) -> None:
    result = run(
        "convert", "--personal-data", "keep", str(tmp_path / "nope.json"), str(tmp_path / "out.yaml")
    )
    assert result.code == EXIT_USAGE
    assert "文件不存在 no such file" in result.err


def test_people_are_not_written_unless_the_user_says_how(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    refused = run("convert", str(clean), str(target))
    assert refused.code == EXIT_ERRORS
    assert "--personal-data keep" in refused.err
    assert not target.exists()


def test_masked_people_are_written_masked(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    assert run("convert", "--personal-data", "mask", str(clean), str(target)).code == EXIT_OK
    masked = load(target)
    for before, after in zip(clean_registry().people, masked.people, strict=True):
        assert after.name != before.name
        assert after.name.startswith(before.name[0])
