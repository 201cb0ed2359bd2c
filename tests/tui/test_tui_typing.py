"""Typing is exact: bursts of keys through a real terminal land in the file as typed.

The editor once wrote the stored value back into the field being typed in
after each edit: a burst came out scrambled (``Pahunan ASNelayanan Cuti T``)
and after a pause the next key landed early. Here tmux types into every kind
of field at 80x24 (the same scenario runs over SSH in test_tui_ssh.py); the
Pilot tests below show the field never takes a value back while it has the
focus, and that dates written the Indonesian way are understood.
"""

from __future__ import annotations

import shutil

import pytest

from tests.tui.clerk import assert_saved_exactly, type_a_clerks_edits
from tests.tui.terminal import Terminal, soptui


def test_bursts_of_typing_in_a_real_terminal_are_saved_exactly(library, tmp_path):
    assert shutil.which("tmux"), "tmux is needed for the real-terminal test (apt-get install tmux)"
    surat = library / "surat-masuk.sop.toml"
    before = surat.read_text(encoding="utf-8")
    command = soptui("surat-masuk.sop.toml", folder=library, config=tmp_path / "config")
    terminal = Terminal(tmp_path, command, width=80, height=24)
    try:
        type_a_clerks_edits(terminal)
    finally:
        terminal.close()
    assert_saved_exactly(surat, before)


STALE_CASES = [  # (tab key, how to reach the field, field selector)
    ("f2", (), "#ident-nama"),
    ("f2", ("down", "down", "down", "enter"), "#ident-instansi .list-input"),
    ("f4", ("enter",), "#step-kegiatan"),
    ("f3", ("enter",), "#actor-nama"),
    ("f7", ("ctrl+n",), "#riwayat-uraian"),
]


@pytest.mark.parametrize(("tab", "keys", "selector"), STALE_CASES, ids=[c[2] for c in STALE_CASES])
async def test_a_late_edit_never_writes_back_into_the_field_being_typed_in(surat, tab, keys, selector):
    """Over SSH the field holds more than the edits recorded so far: an edit of an older
    text arriving now must leave the field (and its cursor) alone."""
    from textual.widgets import Input

    from tests.tui.helpers import make_app, settle

    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press(tab, *keys)
        await settle(pilot, app)
        field = editor.query_one(selector, Input)
        assert app.focused is field
        await pilot.press("ctrl+u", *"Pelayanan Cuti")
        await settle(pilot, app)
        field.post_message(Input.Changed(field, "Pelay", None))  # the edit of five keys ago, late
        await settle(pilot, app)
        assert (field.value, field.cursor_position) == ("Pelayanan Cuti", len("Pelayanan Cuti"))
        await pilot.press(*" ASN")
        await settle(pilot, app)
        assert field.value == "Pelayanan Cuti ASN"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert "Pelayanan Cuti ASN" in surat.read_text(encoding="utf-8")


async def test_a_clerks_day_typed_in_one_burst_is_saved_exactly(library):
    """Every key of the clerk's day queued at once, as a loaded machine reads them: each lands
    where it was typed for. A late notice of an earlier focus once put Langkah back over
    Identitas (the name typed after F2 went into the hidden field), and an edit arriving
    after its tab was left was made on that tab's old copy of the SOP, undoing the edits
    of the other tabs (the flaky tanggal_revisi of the tmux test). Ctrl+S, the last key,
    once saved the SOP without the name typed just before it."""
    from tests.tui.clerk import all_in_one_burst
    from tests.tui.helpers import burst, make_app, settle, wait_until

    surat = library / "surat-masuk.sop.toml"
    before = surat.read_text(encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        burst(app, all_in_one_burst())
        editor = app.screen
        await wait_until(pilot, app, lambda: surat.read_text(encoding="utf-8") != before and not editor.unsaved,
                         "a save of every key typed before Ctrl+S")
    assert_saved_exactly(surat, before)


async def test_a_tab_key_typed_while_the_editor_opens_takes_the_keys_after_it(library):
    """Enter on the library, then F2 and a name, in one burst: the editor is not there yet when
    F2 is read, nor its Identitas tab (mounted a moment after the first paint), and the name
    once went to the step table (lost), with Langkah still on the screen."""
    from textual.widgets import TabbedContent

    from tests.tui.helpers import burst, make_app, screen_text, wait_until

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"surat-masuk")
        await wait_until(pilot, app, lambda: "1 dari 3" in screen_text(app), "the filter")
        burst(app, ["enter", "f2", "ctrl+u", *"Nama baru"])
        await wait_until(pilot, app, lambda: getattr(app.screen, "sop", None) is not None
                         and app.screen.sop.identitas.nama == "Nama baru", "the name typed after F2")
        assert app.screen.query_one(TabbedContent).active == "tab-identitas"
