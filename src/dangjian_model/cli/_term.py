"""The terminal: colour when it helps, and a progress line on stderr for slow inputs."""

from __future__ import annotations

import itertools
import os
import threading
from types import TracebackType
from typing import Literal, TextIO

__all__ = ["DELAY", "Painter", "Progress", "dumb_terminal", "wants_colour"]

ColourChoice = Literal["auto", "always", "never"]

#: Seconds before the progress line appears: quick inputs never show it.
DELAY = 1.0
_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_CODES = {"error": "31;1", "warning": "33", "info": "36", "bold": "1", "dim": "2", "ok": "32"}


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wants_colour(choice: ColourChoice, stream: TextIO) -> bool:
    """``always`` and ``never`` decide; ``auto`` colours a terminal, following the conventions.

    ``NO_COLOR`` (any value) turns colour off, ``FORCE_COLOR`` (any value but ``0``) turns it on even
    into a pipe (CI logs show it), and ``TERM=dumb`` is a terminal that cannot show it.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return os.environ.get("TERM") != "dumb" and _is_terminal(stream)


def dumb_terminal() -> bool:
    """``TERM=dumb``: a terminal that cannot move the cursor back, so no spinner is drawn."""
    return os.environ.get("TERM") == "dumb"


class Painter:
    """Wraps text in ANSI colour codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{_CODES[style]}m{text}\x1b[0m"


class Progress:
    """A progress line on ``stream`` that appears only if the work takes longer than :data:`DELAY`.

    Used as a context manager around slow work; the line says what is being done with counts
    (:meth:`update`: the size, the entities loaded, the rules run) and is erased when the work ends,
    so stderr keeps only real messages. Nothing is written when ``enabled`` is false. On a dumb
    terminal (``TERM=dumb``) each new message is written once on its own line, without a spinner.
    """

    def __init__(self, message: str, stream: TextIO, *, enabled: bool, delay: float | None = None) -> None:
        self.message = message
        self.stream = stream
        self.enabled = enabled
        self.delay = DELAY if delay is None else delay
        self.shown = False
        self.dumb = dumb_terminal()
        self._written = ""
        self._width = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _spin(self) -> None:
        if self._stop.wait(self.delay):
            return
        for frame in itertools.cycle(_FRAMES):
            message = self.message
            if self.dumb:
                if message != self._written:
                    self.stream.write(message + "\n")
            else:
                line = f"\r{frame} {message}"
                self._width = max(self._width, 2 * len(message) + 2)
                self.stream.write(line.ljust(self._width + 1) if len(message) < len(self._written) else line)
            self._written = message
            self.stream.flush()
            self.shown = True
            if self._stop.wait(0.1):
                return

    def update(self, message: str) -> None:
        """Say what is being done now (with its counts); shown at the next tick."""
        self.message = message

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
        if self.shown and not self.dumb:
            self.stream.write("\r" + " " * (max(self._width, 2 * len(self.message) + 2) + 1) + "\r")
            self.stream.flush()
