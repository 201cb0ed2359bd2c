"""Shared steps of the Pilot tests."""

from __future__ import annotations

from pathlib import Path

from soptui.tui.app import SopApp
from soptui.tui.paths import Jail


def make_app(path: Path, root: Path | None = None) -> SopApp:
    return SopApp(path, Jail(path if path.is_dir() else path.parent, root))


async def settle(pilot, app, delay: float = 0.0) -> None:
    """Let timers (``delay``: the checker's debounce), workers and their messages finish."""
    await pilot.pause(delay) if delay else await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app) -> str:
    """What the terminal would show now (the top screen, its dialogs and toasts), as text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def burst(app, keys: list[str]) -> None:
    """``keys`` as one read of the terminal brings them (a busy machine, a stalled SSH link):
    every key queued before the app has acted on the first. Pilot's ``press`` waits between keys."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        printable = len(key) == 1
        app.post_message(events.Key(_character_to_key(key) if printable and not key.isalnum() else key,
                                    key if printable else None))


async def wait_until(pilot, app, condition, what: str) -> None:
    """Settle until ``condition()`` holds (what the user would see), or fail saying ``what`` never came."""
    for _ in range(200):
        await settle(pilot, app)
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{what} never happened; the screen shows:\n{screen_text(app)}")
