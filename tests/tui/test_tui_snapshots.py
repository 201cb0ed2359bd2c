"""SVG snapshots of every screen, at 80x24 and 120x40, in dark and light.

Run ``pytest tests/tui/test_tui_snapshots.py --snapshot-update`` after a change
that is meant to alter the look, and review the SVGs in the diff.
"""

from __future__ import annotations

import os
import time

import pytest
from textual.widgets import Input

from tests.tui.helpers import make_app

FIXED_TIME = 1709546400  # 2024-03-04 10:00 UTC: the library's "Diubah" column


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch, library):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    for path in library.glob("*.toml"):
        os.utime(path, (FIXED_TIME, FIXED_TIME))
    yield
    time.tzset()


def run_before(*keys: str, theme: str = "textual-dark"):
    """Wait for workers, freeze the cursors, then press ``keys``."""

    async def before(pilot) -> None:
        app = pilot.app
        app.theme = theme
        await pilot.pause()
        await app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.05)
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for screen in app.screen_stack:
            for widget in screen.query(Input):
                widget.cursor_blink = False
        await pilot.pause()

    return before


def test_library_80x24_dark(snap_compare, library):
    assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=run_before())


def test_library_120x40_light(snap_compare, library):
    assert snap_compare(
        make_app(library), terminal_size=(120, 40), run_before=run_before(*"surat", theme="textual-light")
    )


def test_steps_80x24_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("down"))


def test_steps_120x40_light(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(120, 40), run_before=run_before("down", theme="textual-light"))


def test_identity_80x24_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("f2"))


def test_actors_80x24_light(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("f3", theme="textual-light"))


def test_preview_80x24_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("down", "f5"))


@pytest.mark.parametrize("theme", ["gelap", "terang", "kontras"])
def test_preview_80x24_in_each_shipped_theme(snap_compare, surat, theme):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("down", "f5", theme=theme))


def test_preview_120x40_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(120, 40), run_before=run_before("f5"))


def test_problems_80x24_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("f6"))


def test_records_120x40_light(snap_compare, library):
    cuti = make_app(library / "pengajuan-cuti.sop.toml")  # has a revision and a monitoring record
    assert snap_compare(cuti, terminal_size=(120, 40), run_before=run_before("f7", theme="textual-light"))


def test_export_dialog_80x24_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("ctrl+e"))


def test_help_80x24_light(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(80, 24), run_before=run_before("f1", theme="textual-light"))


def test_steps_with_preview_beside_160x45_dark(snap_compare, surat):
    assert snap_compare(make_app(surat), terminal_size=(160, 45), run_before=run_before("down", "down"))
