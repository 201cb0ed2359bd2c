"""What keeps the editor fast (issue 18), guarded as mechanisms; the times are in bench/tui.py.

The plugins are loaded off the UI thread (they cost as much as the first
screen), and a letter typed in a field lays out nothing: Textual's Input
asks for a layout of the whole screen each time its text grows.
"""

from __future__ import annotations

import threading

from textual.app import App, ComposeResult

from soptui import plugins
from soptui.tui.text import TextInput
from tests.tui.helpers import make_app, settle


async def test_the_plugins_are_loaded_by_a_worker_never_on_the_ui_thread(surat, monkeypatch):
    threads: list[str] = []
    load = plugins.load_plugins

    def watched(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return load(*args, **kwargs)

    monkeypatch.setattr(plugins, "load_plugins", watched)
    monkeypatch.setattr(plugins, "_loaded", None)
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app, delay=0.5)  # the themes' worker and the first check
        assert type(app.screen).__name__ == "EditorScreen"
        assert threads, "the plugins were never loaded"
        assert threading.main_thread().name not in threads
        assert len(threads) == 1  # once, whichever worker asked first


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(id="field")


async def test_a_letter_typed_in_a_field_lays_out_nothing(monkeypatch):
    app = OneField()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        layouts: list[object] = []
        screen = app.screen
        refresh_layout = screen._refresh_layout
        monkeypatch.setattr(screen, "_refresh_layout", lambda *a, **k: layouts.append(a) or refresh_layout(*a, **k))
        await pilot.press(*"surat masuk")
        await pilot.pause()
        assert app.query_one(TextInput).value == "surat masuk"
        assert layouts == []
