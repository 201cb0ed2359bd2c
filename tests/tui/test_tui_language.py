"""The interface language chosen in the editor's palette is kept for the next start."""

from __future__ import annotations

from textual.widgets import Tab

import soptui.i18n
from soptui.config import load_config
from tests.tui.helpers import make_app, settle


async def test_language_chosen_in_the_palette_is_used_after_a_restart(surat, monkeypatch):
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Language", "enter")
        await settle(pilot, app)
        assert "next start" in list(app._notifications)[-1].message  # told in the language chosen
        assert {tab.label.plain for tab in app.screen.query(Tab)} >= {"Langkah", "Pelaksana"}  # not switched live
    assert load_config()[0].lang == "en"
    monkeypatch.setattr(soptui.i18n, "_current", None)  # a new process: the language comes from the config
    again = make_app(surat)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot, again)
        assert {tab.label.plain for tab in again.screen.query(Tab)} >= {"Steps", "Actors", "Preview"}
