"""Nothing typed is lost: dates the Indonesian way are understood, what cannot be stored is kept and said.

``01/07/2025`` once vanished: Masalah said nothing, Ctrl+S said saved and the
file kept the old date. Now the Indonesian forms are read and stored as ISO;
anything else stays in the field, marked, listed in Masalah, and Ctrl+S
writes nothing and names the field. Wrong values already in a file stay as
written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from soptui.loader import load
from soptui.tui.dates import NotADate, read_date
from tests.tui.helpers import make_app, screen_text, settle


@pytest.mark.parametrize(
    "typed",
    ["2025-07-01", "01/07/2025", "1/7/2025", "01-07-2025", "1.7.2025", "1 Juli 2025", "01 jul 2025",
     "Selasa, 1 Juli 2025", "1 July 2025", " 1  JULI  2025 "],
)
def test_the_ways_clerks_write_a_date(typed):
    assert read_date(typed) == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("01/07/25", "4 angka"), ("31/02/2025", "kalender"), ("1 Julii 2025", "julii"), ("kemarin", "Bukan tanggal"),
     ("0025-07-01", "1900")],
)
def test_what_is_not_a_date_says_why(typed, reason):
    with pytest.raises(NotADate, match=reason):
        read_date(typed)


async def test_an_indonesian_date_is_stored_as_iso(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("f2")
        editor.set_focus(editor.query_one("#ident-tanggal_revisi"))
        await pilot.press(*"1 Juli 2025")
        await settle(pilot, app)
        assert editor.sop.identitas.tanggal_revisi == dt.date(2025, 7, 1)
        await pilot.press("f7", "ctrl+n")  # a revision record, dated today; its date typed over
        await settle(pilot, app)
        await pilot.press("up", "ctrl+u", *"05/08/2025")
        await settle(pilot, app)
        assert editor.sop.riwayat[-1].tanggal == dt.date(2025, 8, 5)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    text = surat.read_text(encoding="utf-8")
    assert "tanggal_revisi = 2025-07-01" in text and "tanggal = 2025-08-05" in text


async def test_a_date_that_cannot_be_stored_is_kept_listed_and_not_saved(surat):
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("f2")
        field = editor.query_one("#ident-tanggal_efektif")
        app.screen.set_focus(field)
        await pilot.press("ctrl+u", *"31/02/2025")
        await settle(pilot, app, 0.4)
        assert field.value == "31/02/2025" and field.has_class("-invalid")
        assert "belum disimpan" in screen_text(app)  # leaving would lose what was typed
        held = [f for f in editor.findings if f.field == ("identitas", "tanggal_efektif")]
        assert held and held[0].code == "S002" and "31/02/2025" in held[0].message()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        said = "\n".join(str(n.message) for n in app._notifications)
        assert "Belum disimpan" in said and "identitas.tanggal_efektif" in said and "31/02/2025" in said
        assert surat.read_bytes() == before
        await pilot.press("f4", "f2")  # away and back: the field still holds what was typed
        await settle(pilot, app)
        assert editor.query_one("#ident-tanggal_efektif").value == "31/02/2025"
        await pilot.press("f6")
        await settle(pilot, app, 0.4)
        editor.query_one("FindingsPane").show(editor.findings)
        finding_row = next(i for i, f in enumerate(editor.query_one("FindingsPane").findings) if f.code == "S002")
        editor.query_one("#finding-table").move_cursor(row=finding_row)
        await pilot.press("enter")  # Masalah takes the user to the field
        await settle(pilot, app)
        assert app.focused.id == "ident-tanggal_efektif"
        await pilot.press("ctrl+u", *"28/02/2025", "ctrl+s")
        await settle(pilot, app)
        assert not editor.unsaved
    assert str(load(surat).sop.identitas.tanggal_efektif) == "2025-02-28"


async def test_an_id_that_cannot_be_taken_is_kept_and_not_saved(surat):
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot, app)
        editor = app.screen
        editor.set_focus(editor.query_one("#step-id"))
        await pilot.press("end", *" surat")  # an id has no spaces
        await settle(pilot, app, 0.4)
        assert editor.sop.langkah[0].id == "terima"
        assert any(f.field == ("langkah", 0, "id") and "terima surat" in f.message() for f in editor.findings)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert surat.read_bytes() == before
        await pilot.press("ctrl+u", *"terima-surat", "ctrl+s")
        await settle(pilot, app)
    assert load(surat).sop.langkah[0].id == "terima-surat"


async def test_wrong_values_in_the_file_stay_as_written(surat):
    text = surat.read_text(encoding="utf-8").replace("tanggal_efektif = 2024-03-18", 'tanggal_efektif = "18/03/2024"')
    surat.write_text(text, encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app, 0.4)
        editor = app.screen
        assert any(f.field == ("identitas", "tanggal_efektif") for f in editor.findings)  # listed in Masalah
        await pilot.press("f2", "end", *" Biro Umum", "ctrl+s")
        await settle(pilot, app)
    saved = surat.read_text(encoding="utf-8")
    assert 'tanggal_efektif = "18/03/2024"' in saved and 'nama = "Pengelolaan Surat Masuk Biro Umum"' in saved
