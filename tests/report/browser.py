"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``).

The pipe needs no websocket client and no new dependency: Chromium reads commands from fd 3 and writes
replies and events to fd 4, each a JSON message ended by a NUL byte. Every wait is bounded.

Run as a program to redraw the screenshot in the docs::

    PYTHONPATH=src python -m tests.report.browser docs/img
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: The flags this machine needs (no GPU, no network beyond the page, a fresh profile).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
TIMEOUT = 60.0

#: Runs in the page: every box whose text is wider than the box, and every SVG label wider than its node.
OVERFLOW = """(() => {
  const bad = [];
  const say = (el) => el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 50) + '"';
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg')) continue;
    const display = getComputedStyle(el).display;
    if (display === 'inline' || display === 'none' || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) bad.push(say(el) + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
  for (const node of document.querySelectorAll('svg.structure g.node')) {
    const room = parseFloat(node.dataset.room);
    for (const text of node.querySelectorAll('text')) {
      const width = text.getComputedTextLength();
      if (width > room + 0.5) bad.push('svg ' + say(text) + ' ' + width.toFixed(1) + '>' + room);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) bad.push('the page is wider than the window');
  return bad;
})()"""


def find_chromium() -> str | None:
    """The Chromium (or Chrome) on PATH, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found is not None:
            return found
    return None


class BrowserError(Exception):
    """Chromium did not answer as the protocol says, or not in time."""


class Browser:
    """One headless Chromium with one page; a context manager that always ends the process."""

    def __init__(self, executable: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="dangjian-chromium-"))
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Above 10, so that moving them to 3 and 4 in the child cannot overwrite one with the other.
        child_r = os.dup2(to_child_r, 20, inheritable=False)
        child_w = os.dup2(from_child_w, 21, inheritable=False)
        os.close(to_child_r)
        os.close(from_child_w)

        def wire() -> None:
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        self.log = open(self.profile / "stderr.log", "wb")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile / 'profile'}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            preexec_fn=wire,
            close_fds=False,
        )
        os.close(child_r)
        os.close(child_w)
        self.send_fd, self.receive_fd = to_child_w, from_child_r
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End Chromium (this process only) and remove its profile."""
        for fd in (self.send_fd, self.receive_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.receive_fd], [], [], max(left, 0))
            if not ready:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self.receive_fd, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the pipe: " + self.stderr())
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    def stderr(self) -> str:
        """What Chromium wrote on stderr so far (for failure messages)."""
        self.log.flush()
        return (self.profile / "stderr.log").read_text(encoding="utf-8", errors="replace")[-2000:]

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply; events that come first are kept in ``events``."""
        self.next_id += 1
        command: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            command["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                reply: dict[str, Any] = message["result"]
                return reply
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (or take it if it came already)."""
        deadline = time.monotonic() + TIMEOUT
        for n, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(n)
        while True:
            message = self._message(deadline)
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)

    def open(self, path: Path, *, width: int = 1024, height: int = 900, print_media: bool = False) -> None:
        """Show a file at the given window width (and the print style sheet if asked)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Emulation.setEmulatedMedia", media="print" if print_media else "")
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression[:60]}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def overflowing(self) -> list[str]:
        """Every box whose text does not fit it."""
        found: list[str] = self.evaluate(OVERFLOW)
        return found

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the page was opened."""
        found = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"].get("text")))
            elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(str(params.get("args")))
            elif event["method"] == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(str(params["entry"].get("text")))
            elif event["method"] == "Network.loadingFailed":
                found.append(f"failed to load: {params.get('errorText')}")
        return found

    def requests(self) -> list[str]:
        """The addresses the page asked for since it was opened."""
        return [
            e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"
        ]

    def screenshot(self, *, height: int | None = None) -> bytes:
        """A PNG of the whole page, or of its top ``height`` pixels."""
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": height or size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)[
            "data"
        ]
        return base64.b64decode(data)

    def pdf(self) -> bytes:
        """The page printed on A4, as the print dialog would."""
        reply = self.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, preferCSSPageSize=True)
        return base64.b64decode(reply["data"])


def _docs_screenshots(folder: Path) -> None:
    """Draw the two screenshots of ``docs/report.md`` from the 柯桥 example: the overview and the 分配表."""
    import datetime

    from dangjian_model.files import load
    from dangjian_model.report import render

    root = Path(__file__).resolve().parents[2]
    example = "examples/enclave_guarantor.yaml"
    html = render(load(root / example), source=example, as_of=datetime.date(2025, 1, 15))
    executable = find_chromium()
    assert executable is not None, "install chromium first"
    with tempfile.TemporaryDirectory() as temporary, Browser(executable) as browser:
        page = Path(temporary) / "report.html"
        page.write_text(html, encoding="utf-8")
        browser.open(page, width=1000)
        for name, top, bottom in (
            ("report-overview.png", "header", "#alliance-0 > table"),
            ("report-allocation.png", "#project-0", "#project-0"),
        ):
            box = browser.evaluate(
                f"(() => {{ const a = document.querySelector('{top}').getBoundingClientRect();"
                f" const b = document.querySelector('{bottom}').getBoundingClientRect();"
                " return [a.top + scrollY, b.bottom + scrollY]; })()"
            )
            clip = {"x": 0, "y": box[0] - 16, "width": 1000, "height": box[1] - box[0] + 32, "scale": 1}
            shot = browser.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)
            (folder / name).write_bytes(base64.b64decode(shot["data"]))


if __name__ == "__main__":
    _docs_screenshots(Path(sys.argv[1]))
