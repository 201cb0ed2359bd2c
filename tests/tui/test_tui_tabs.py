"""A tab is one declaration in the registry (issue 14): the editor, its key, F1 and the jump follow it.

The test tab below is added to ``soptui.tui.tabs.TABS`` and nowhere else; if
any of those places still listed the tabs by hand, it would miss the new one.
"""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console
from textual.widgets import Input

from soptui.tui import tabs
from soptui.tui.tab import Tab
from tests.tui.helpers import make_app, screen_text, settle


class UjiPane(Input):
    """A pane that shows the SOP's name, and is given each new SOP."""

    def __init__(self, sop) -> None:
        super().__init__(sop.identitas.nama, id="uji-pane")

    def show(self, sop, typing: bool = False) -> None:
        self.value = sop.identitas.nama


UJI = Tab(
    "uji",
    UjiPane,
    focus="#uji-pane",
    shows="#uji-pane",
    takes=lambda sop, field: field[:1] == ("uji",),
    go=lambda screen, field: setattr(screen.query_one(UjiPane), "value", f"ke {field[1]}"),
)


def help_text(app) -> str:
    console = Console(width=120, color_system=None)  # the text, without its styles
    with console.capture() as captured:
        for section in app.screen.query(".help-section"):
            console.print(section.content)
    return captured.get()


async def test_a_tab_added_to_the_registry_is_in_the_editor_with_its_key_help_and_jump(surat, monkeypatch):
    monkeypatch.setattr(tabs, "TABS", (*tabs.TABS, UJI))
    app = make_app(surat)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        assert UJI.title in screen_text(app).splitlines()[1]  # the tab row, after the six others
        await pilot.press("f8")  # the seventh tab: F2 is the first
        await settle(pilot, app)
        assert editor.active_tab == "uji"
        assert app.focused is editor.query_one(UjiPane)
        await pilot.press("f4")
        renamed = replace(editor.sop, identitas=replace(editor.sop.identitas, nama="Nama Baru"))
        editor.commit(renamed)  # while another tab is shown: the test tab gets it when shown again
        await pilot.press("f8")
        await settle(pilot, app)
        assert editor.query_one(UjiPane).value == "Nama Baru"
        await pilot.press("f4")
        editor.jump(("uji", 3))
        await settle(pilot, app)
        assert editor.active_tab == "uji"
        assert editor.query_one(UjiPane).value == "ke 3"
        await pilot.press("f1")
        await settle(pilot, app)
        assert any(line.split() == ["F8", UJI.title] for line in help_text(app).splitlines())
