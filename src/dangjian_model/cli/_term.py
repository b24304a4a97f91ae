"""The terminal: colour when it helps, and a progress line on stderr for slow inputs."""

from __future__ import annotations

import itertools
import os
import threading
from types import TracebackType
from typing import Literal, TextIO

__all__ = ["DELAY", "Painter", "Progress", "wants_colour"]

ColourChoice = Literal["auto", "always", "never"]

#: Seconds before the progress line appears: quick inputs never show it.
DELAY = 1.0
_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_CODES = {"error": "31;1", "warning": "33", "info": "36", "bold": "1", "dim": "2", "ok": "32"}


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wants_colour(choice: ColourChoice, stream: TextIO) -> bool:
    """``always`` and ``never`` decide; ``auto`` colours a terminal unless ``NO_COLOR`` is set."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


class Painter:
    """Wraps text in ANSI colour codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{_CODES[style]}m{text}\x1b[0m"


class Progress:
    """A spinner line on ``stream`` that appears only if the work takes longer than :data:`DELAY`.

    Used as a context manager around slow work; the line is erased when the work ends, so stderr
    keeps only real messages. Nothing is written when ``enabled`` is false.
    """

    def __init__(self, message: str, stream: TextIO, *, enabled: bool, delay: float | None = None) -> None:
        self.message = message
        self.stream = stream
        self.enabled = enabled
        self.delay = DELAY if delay is None else delay
        self.shown = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _spin(self) -> None:
        if self._stop.wait(self.delay):
            return
        for frame in itertools.cycle(_FRAMES):
            self.stream.write(f"\r{frame} {self.message}")
            self.stream.flush()
            self.shown = True
            if self._stop.wait(0.1):
                return

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread = threading.Thread(target=self._spin, name="dangjian-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        if self.shown:
            self.stream.write("\r" + " " * (2 * len(self.message) + 2) + "\r")
            self.stream.flush()
