"""Destructive keys are deliberate, and every key is findable.

The editor opens on the step table; typing a word there once deleted a step
(``d``) and added one (``a``). Now no printable letter edits anything on any
table or list; deleting says how to undo it; every key of the place you are
in is in the footer or in F1, and F1 is always on the footer at 80 columns.
"""

from __future__ import annotations

import pytest
from rich.console import Console

from tests.tui.helpers import make_app, screen_text, settle

WORD = "bacadecr"  # every letter the tables once bound, and more
#: (tab key, what has the focus) for every table and list of the editor
PLACES = [
    ("f4", "#step-table"),
    ("f3", "#actor-table"),
    ("f2", "#ident-instansi ItemList"),
    ("f7", "#records-riwayat .record-table"),
    ("f6", "#finding-table"),
    ("f5", "#preview-pane"),
]


async def focus_on(pilot, tab: str, selector: str):
    """The editor, with the focus on ``selector`` of the tab of key ``tab``."""
    app = pilot.app
    await settle(pilot, app)
    editor = app.screen
    await pilot.press(tab)
    await settle(pilot, app)
    editor.set_focus(editor.query_one(selector))
    return editor


@pytest.mark.parametrize(("tab", "selector"), PLACES, ids=[p[1] for p in PLACES])
async def test_a_word_typed_on_a_table_or_list_changes_nothing(library, tab, selector):
    app = make_app(library / "pengajuan-cuti.sop.toml")  # has records of every kind
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await focus_on(pilot, tab, selector)
        before = editor.sop
        await pilot.press(*WORD, *WORD.upper())
        await settle(pilot, app)
        assert editor.sop is before and app.screen is editor  # no edit, no dialog


DELETES = [
    ("f4", "#step-table", "Langkah dihapus"),
    ("f3", "#actor-table", "Pelaksana"),
    ("f2", "#ident-dasar_hukum ItemList", "Butir dihapus"),
    ("f7", "#records-riwayat .record-table", "Catatan dihapus"),
]


@pytest.mark.parametrize(("tab", "selector", "said"), DELETES, ids=[d[1] for d in DELETES])
async def test_delete_says_how_to_undo_and_undo_brings_it_back(library, tab, selector, said):
    app = make_app(library / "pengajuan-cuti.sop.toml")
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await focus_on(pilot, tab, selector)
        before = editor.sop
        if tab == "f3":
            editor.query_one(selector).move_cursor(row=0)  # the applicant has a step: deleting asks first
            await pilot.press("delete")
            await settle(pilot, app)
            assert app.screen is not editor and editor.sop is before
            await pilot.press("escape")
            editor.commit(editor.sop.with_step(0, pelaksana="staf"))  # now it has none
            before = editor.sop
        await pilot.press("delete")
        await settle(pilot, app)
        assert editor.sop != before
        messages = [str(n.message) for n in app._notifications]
        assert any(said in m and "Ctrl+Z" in m for m in messages), messages
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert editor.sop == before


def help_text(app) -> str:
    console = Console(width=120)
    with console.capture() as captured:
        for section in app.screen.query(".help-section"):
            console.print(section.content)
    return captured.get()


FOCUS = [("f4", "#step-table"), ("f4", "#step-kegiatan"), ("f3", "#actor-table"), ("f3", "#actor-nama"),
         ("f2", "#ident-nama"), ("f2", "#ident-instansi ItemList"), ("f7", "#records-riwayat .record-table"),
         ("f6", "#finding-table"), ("f5", "#preview-pane")]


async def test_every_key_of_every_place_is_in_the_footer_or_in_help(surat):
    app = make_app(surat)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        for key in ("f2", "f3", "f5", "f6", "f7", "f4"):
            await pilot.press(key)  # every tab mounted
        await settle(pilot, app)
        await pilot.press("f1")
        await settle(pilot, app)
        listed = help_text(app)
        await pilot.press("escape")
        for tab, selector in FOCUS:
            await pilot.press(tab)
            editor.set_focus(editor.query_one(selector))
            await settle(pilot, app)
            assert app.focused is editor.query_one(selector)
            for namespace, binding, _, _ in editor.active_bindings.values():
                if binding.description and binding in ours(namespace):  # not Textual's: a field's editing keys
                    assert binding.description in listed, f"{binding.key} ({binding.description}) at {selector}"


def ours(namespace) -> list:
    """The bindings soptui's classes declare for ``namespace`` (not those Textual's classes add)."""
    return [b for cls in type(namespace).__mro__ if cls.__module__.startswith("soptui")
            for b in cls.__dict__.get("BINDINGS", [])]


@pytest.mark.parametrize("start", ["library", "editor"])
async def test_f1_is_on_the_footer_at_80_columns(library, start):
    app = make_app(library if start == "library" else library / "surat-masuk.sop.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        keys = ["f2", "f3", "f4", "f5", "f6", "f7"] if start == "editor" else []
        for key in [None, *keys]:
            if key:
                await pilot.press(key)
                await settle(pilot, app)
            footer = screen_text(app).splitlines()[-1]
            assert footer.startswith("f1 Bantuan"), footer


async def test_escape_on_a_choice_of_a_form_goes_back_to_the_table(surat):
    """Escape goes back from every field of a form, a choice too: on the step's Pelaksana it
    did nothing, so the ↑ and Enter typed next edited the form instead of the step above."""
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "enter", "down")  # step 2's form, its Pelaksana
        await settle(pilot, app)
        assert app.focused.id == "step-pelaksana"
        await pilot.press("escape", "up", "enter")
        await settle(pilot, app)
        assert app.focused.id == "step-kegiatan"
        assert app.focused.value == "Menerima surat masuk dan memberikan tanda terima"  # step 1
