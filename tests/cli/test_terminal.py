"""Colour only where it helps, progress only for slow inputs, both only where people look."""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path
from typing import Any

import pytest

from dangjian_model.cli import _term, _validate, main
from dangjian_model.files import load
from dangjian_model.validation import validate
from tests.cli.conftest import Result, Run

ESC = "\x1b["


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run_in_terminal(*argv: str) -> Result:
    out, err = Terminal(), Terminal()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Result(code, out.getvalue(), err.getvalue())


def test_colour_always_colours_and_never_does_not(run: Run, with_errors: Path) -> None:
    assert ESC in run("validate", "--color", "always", str(with_errors)).out
    assert ESC not in run_in_terminal("validate", "--color", "never", str(with_errors)).out


def test_colour_is_automatic_in_a_terminal_only(
    run: Run, with_errors: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert ESC in run_in_terminal("validate", str(with_errors)).out
    assert ESC not in run("validate", str(with_errors)).out


def test_no_color_turns_automatic_colour_off(with_errors: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in run_in_terminal("validate", str(with_errors)).out
    assert ESC in run_in_terminal("validate", "--colour", "always", str(with_errors)).out


def test_json_output_is_never_coloured(with_errors: Path) -> None:
    assert (
        ESC not in run_in_terminal("validate", "--format", "json", "--color", "always", str(with_errors)).out
    )


@pytest.fixture(name="slow")
def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation takes 0.3 s and the progress line waits 0.05 s."""

    def slow_validate(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return validate(*args, **kwargs)

    monkeypatch.setattr(_validate, "validate", slow_validate)
    monkeypatch.setattr(_term, "DELAY", 0.05)


@pytest.mark.usefixtures("slow")
def test_slow_input_shows_progress_on_stderr_and_never_on_stdout(run: Run, clean: Path) -> None:
    result = run("validate", "--progress", str(clean))
    count = sum(1 for _ in load(clean).entities())
    assert f"正在校验 validating {clean}: 已读取 {count:,} 个实体 {count:,} entities loaded" in result.err
    assert "正在校验" not in result.out
    assert result.err.endswith("\r")  # the line is erased at the end


@pytest.mark.usefixtures("slow")
def test_progress_is_off_when_stderr_is_not_a_terminal(run: Run, clean: Path) -> None:
    assert run("validate", str(clean)).err == ""


@pytest.mark.usefixtures("slow")
def test_progress_is_on_by_default_in_a_terminal_and_can_be_turned_off(clean: Path) -> None:
    assert "正在校验" in run_in_terminal("validate", str(clean)).err
    assert run_in_terminal("validate", "--no-progress", str(clean)).err == ""


def test_quick_input_shows_no_progress_even_when_asked(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_term, "DELAY", 10.0)
    assert run("validate", "--progress", str(clean)).err == ""


def test_progress_appears_only_after_the_delay() -> None:
    stream = io.StringIO()
    with _term.Progress("working", stream, enabled=True, delay=0.2):
        time.sleep(0.05)
    assert stream.getvalue() == ""
    with _term.Progress("working", stream, enabled=True, delay=0.01) as progress:
        time.sleep(0.15)
    assert progress.shown
    assert "working" in stream.getvalue()


def test_force_color_colours_a_pipe_and_no_color_wins(
    run: Run, with_errors: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC in run("validate", str(with_errors)).out
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert ESC not in run("validate", str(with_errors)).out
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in run("validate", str(with_errors)).out
    assert ESC in run("validate", "--color", "always", str(with_errors)).out  # the option decides


def test_a_dumb_terminal_gets_no_colour_and_no_spinner(
    with_errors: Path, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert ESC not in run_in_terminal("validate", str(with_errors)).out
    stream = io.StringIO()
    with _term.Progress("working", stream, enabled=True, delay=0.01) as progress:
        time.sleep(0.15)
        progress.update("working: 3 of 4")
        time.sleep(0.15)
    assert stream.getvalue() == "working\nworking: 3 of 4\n"  # each message once, on its own line


def test_the_progress_line_counts_entities_and_rules(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def counting_validate(*args: Any, on_check: Any = None, **kwargs: Any) -> Any:
        on_check(1, 2)
        time.sleep(0.3)
        return validate(*args, **kwargs)

    monkeypatch.setattr(_validate, "validate", counting_validate)
    monkeypatch.setattr(_term, "DELAY", 0.05)
    monkeypatch.delenv("TERM", raising=False)
    result = run("validate", "--progress", str(clean))
    count = sum(1 for _ in load(clean).entities())
    assert f"{count:,} entities loaded; 规则 rules 1/2" in result.err
    assert result.err.endswith("\r")


def test_a_shorter_message_overwrites_the_whole_of_a_longer_one() -> None:
    stream = io.StringIO()
    with _term.Progress("a long message", stream, enabled=True, delay=0.01) as progress:
        time.sleep(0.15)
        progress.update("short")
        time.sleep(0.15)
    first_short = next(part for part in stream.getvalue().split("\r") if "short" in part)
    assert len(first_short) > len("⠋ a long message")  # padded: no tail of the long one is left
