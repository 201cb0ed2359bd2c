"""A real terminal for the end-to-end tests: tmux on its own socket, running one command.

Keys go in as a terminal sends them (``send-keys``); ``type`` sends a whole
text at once with ``send-keys -l``, as a fast typist, a paste without
bracketed paste or a slow SSH link delivering a burst does. What the
tests wait for is what the screen shows, never a fixed time alone.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]


class Terminal:
    """A tmux session, ``width`` x ``height``, running ``command``."""

    count = 0

    def __init__(self, tmp_path: Path, command: str, width: int = 100, height: int = 30) -> None:
        Terminal.count += 1
        self.socket = str(tmp_path / f"tmux-{Terminal.count}.sock")
        size = ["-x", str(width), "-y", str(height)]
        subprocess.run(
            ["tmux", "-S", self.socket, "new-session", "-d", *size, "-s", "e2e", f"{command}; echo EXIT=$?; sleep 60"],
            check=True,
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "-S", self.socket, "capture-pane", "-p", "-t", "e2e"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        """Named keys, one after the other (a pause after each, so an Escape is not read as the start of a sequence)."""
        for key in keys:
            subprocess.run(["tmux", "-S", self.socket, "send-keys", "-t", "e2e", key], check=True)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        """``text`` in one burst: every byte written to the terminal at once."""
        subprocess.run(["tmux", "-S", self.socket, "send-keys", "-t", "e2e", "-l", text], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)


def soptui(*arguments: str, folder: Path, config: Path | None = None) -> str:
    """The shell command running this checkout's soptui in ``folder`` (Indonesian, 256 colours)."""
    env = f"TERM=xterm-256color SOPTUI_LANG=id PYTHONPATH={shlex.quote(str(SOURCE))}"
    if config is not None:
        env += f" SOPTUI_CONFIG_DIR={shlex.quote(str(config))}"
    return f"cd {shlex.quote(str(folder))} && env {env} {shlex.quote(sys.executable)} -m soptui {shlex.join(arguments)}"
