"""`soptui serve` for the browser tests: the server on a loopback port, and the editor's screen as the browser shows it.

The server runs as its own process group, so stopping the group ends it and
every editor process it started, whatever state the test left them in.
xterm.js draws the terminal on a canvas; to read it, ``wire.js`` records
what the page's websocket receives, and pyte (a terminal emulator) replays
it into the screen the user sees. Keys go through Chromium's input events
into xterm.js, as a user's typing does.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pyte

WIRE = Path(__file__).with_name("wire.js")
TIMEOUT = 90  # seconds; a loaded 2-core machine starts Chromium and an editor slowly


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def soptui_serve(path: Path, *options: str, log: Path):
    """Run ``soptui serve PATH`` on a free loopback port; yield its URL; stop it and its editors."""
    port = free_port()
    # unbuffered: textual-serve copies an editor's stderr (a traceback) to its own output, read on failure
    env = {**os.environ, "SOPTUI_LANG": "id", "SOPTUI_CONFIG_DIR": str(log.parent / "config"), "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "soptui", "serve", str(path), "--port", str(port), *options],
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, f"soptui serve stopped:\n{log.read_text(errors='replace')}"
                assert time.monotonic() < deadline, f"soptui serve never listened:\n{log.read_text(errors='replace')}"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_group(server)


def stop_group(server: subprocess.Popen) -> None:
    """SIGTERM the server's process group (it asks its editors to quit), then SIGKILL what is left."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait(timeout=20)


class TerminalPage:
    """The editor in a browser tab: type into it, read its screen."""

    def __init__(self, driver, url: str, log: Path) -> None:
        self.driver = driver
        self.log = log
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WIRE.read_text(encoding="utf-8")})
        driver.get(url)
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        self.seen = 0
        self.sent: list[list] = []  # what the page sent the editor (keys as stdin, focus, blur), for failures
        self.wait_for(str.strip)  # the editor drew its first screen
        self._focus()  # as the user's click into the page does: unfocused, the editor's focus is blurred too

    def text(self) -> str:
        """The screen now, one line per row."""
        events = self.driver.execute_script("return (window.__soptuiWire || []).slice(arguments[0])", self.seen)
        self.seen += len(events)
        for event in events:
            if "resize" in event:
                columns, rows = event["resize"]
                if self.screen is None:
                    self.screen = pyte.Screen(columns, rows)
                    self.stream = pyte.ByteStream(self.screen)
                else:
                    self.screen.resize(rows, columns)
            elif "data" in event and self.stream is not None:
                self.stream.feed(base64.b64decode(event["data"]))
            elif "sent" in event:
                self.sent.append(event["sent"])
        return "\n".join(self.screen.display) if self.screen else ""

    def wait_for(self, wanted: str | re.Pattern | Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """Wait until the screen shows ``wanted`` (text, pattern or test); the screen then."""
        if isinstance(wanted, str):
            test = lambda screen: wanted in screen  # noqa: E731
        elif isinstance(wanted, re.Pattern):
            test = lambda screen: wanted.search(screen) is not None  # noqa: E731
        else:
            test = wanted
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if test(screen):
                return screen
            ended = self.session_ended()
            if ended or time.monotonic() > deadline:
                raise AssertionError(
                    f"the browser never showed {wanted!r}{' (the editor quit)' if ended else ''}; it shows:\n"
                    f"{screen}\n--- the page sent: {self.sent!r}"
                    f"\n--- soptui serve said:\n{self.log.read_text(errors='replace')[-5000:]}"
                )
            time.sleep(0.2)

    def field(self, label: str) -> str:
        """How the form field named ``label`` looks: ``"blurred"``, ``"focused"`` or ``"selected"`` (text marked).

        Read from the cells' background colours, whatever the theme: the
        label's is the panel's; a focused field is tinted to the row's end;
        marked text has a third colour over more than the one cursor cell.
        """
        self.text()
        for y in range(self.screen.lines):
            line = "".join(self.screen.buffer[y][x].data for x in range(self.screen.columns))
            at = line.rfind(f" {label} ")
            if at < 0 or at < self.screen.columns // 2:  # the form is the right-hand pane
                continue
            cells = [self.screen.buffer[y][x] for x in range(at + len(label) + 1, self.screen.columns)]
            panel, field = self.screen.buffer[y][at + 1].bg, cells[-1].bg
            if field == panel:
                return "blurred"
            marked = sum(cell.bg not in (panel, field) for cell in cells if cell.data.strip())
            return "selected" if marked > 1 else "focused"
        raise AssertionError(f"no field {label!r} on the screen:\n{self.text()}")

    def keys(self, *keys: str) -> None:
        """Key presses into the terminal, as from the keyboard (selenium's Keys for special keys)."""
        from selenium.webdriver.common.action_chains import ActionChains

        self._focus()
        chain = ActionChains(self.driver)
        for key in keys:
            chain.send_keys(key)
        chain.perform()

    def ctrl(self, letter: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        self._focus()
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys(letter).key_up(Keys.CONTROL).perform()

    def insert_text(self, text: str) -> None:
        """Text as an input method or a paste delivers it (any character, emoji too)."""
        self._focus()
        self.driver.execute_cdp_cmd("Input.insertText", {"text": text})

    def session_ended(self) -> bool:
        """textual-serve's page shows "Session ended" once the editor process has quit."""
        return self.driver.execute_script("return document.body.classList.contains('-closed')")

    def _focus(self) -> None:
        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
