"""Recording a revision from the changes since the last save (Riwayat dan Monev tab)."""

from __future__ import annotations

import datetime as dt

from soptui.loader import load
from soptui.tui import edits
from tests.tui.helpers import make_app, settle


async def test_revision_from_changes_is_one_undoable_edit_and_is_saved(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        before = screen.sop
        screen.commit(edits.set_step(screen.sop, 1, kegiatan="Memeriksa alamat dan perihal surat"))
        await pilot.press("f7")
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        dialog = app.screen
        shown = str(dialog.query_one(".dialog-message").render())
        assert "Memeriksa alamat dan perihal surat" in shown
        await pilot.click("#choice-yes")
        await settle(pilot, app)
        sop = screen.sop
        today = dt.date.today()
        assert sop.identitas.tanggal_revisi == today
        assert len(sop.riwayat) == len(before.riwayat) + 1
        entry = sop.riwayat[-1]
        assert entry.tanggal == today and "Memeriksa alamat dan perihal surat" in entry.uraian
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        on_disk = load(surat).sop
        assert on_disk.riwayat[-1].uraian == entry.uraian and on_disk.identitas.tanggal_revisi == today
        await pilot.press("ctrl+z")  # one undo takes back the entry and the date together
        await settle(pilot, app)
        assert screen.sop.riwayat == before.riwayat
        assert screen.sop.identitas.tanggal_revisi == before.identitas.tanggal_revisi
        assert screen.sop.langkah[1].kegiatan == "Memeriksa alamat dan perihal surat"


async def test_nothing_changed_records_nothing(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        before = app.screen.sop
        await pilot.press("f7")
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert app.screen.sop is before
        assert "Tidak ada perubahan" in list(app._notifications)[-1].message
