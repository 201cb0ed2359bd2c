"""Pilot tests of the paths that keep work safe: a save refused, a file that
changed, vanished or broke under the editor, the export's output, rename and
duplicate. Each ends with the app still running, the work still in the
editor (and in the recovery file), and the files on disk as they were.

Edits are made through ``EditorScreen.commit`` (the door every widget edit
goes through), so these tests are about saving, not about typing."""

from __future__ import annotations

import dataclasses
import os

from soptui.loader import load
from soptui.tui.document import Document, recovery_path
from soptui.tui.screens.editor import EditorScreen
from tests.tui.helpers import make_app, settle

NOMOR = "999/AMAN/2026"


async def open_editor(pilot, app) -> EditorScreen:
    await settle(pilot, app)
    assert isinstance(app.screen, EditorScreen)
    return app.screen


def edit(editor: EditorScreen) -> None:
    editor.commit(editor.sop.with_identity(nomor=NOMOR))


def messages(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_one_conflict_dialog_when_the_autosave_tick_and_ctrl_s_both_find_a_change(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await open_editor(pilot, app)
        edit(editor)
        surat.write_text(surat.read_text(encoding="utf-8") + "\n# diubah rekan\n", encoding="utf-8")
        editor.autosave()  # the tick finds the change: asks
        await pilot.press("ctrl+s")  # and so does the save
        await settle(pilot, app)
        editor.autosave()
        await settle(pilot, app)
        assert [s.id for s in app.screen_stack].count("conflict-dialog") == 1
        await pilot.click("#choice-overwrite")
        await settle(pilot, app)
        assert isinstance(app.screen, EditorScreen) and not editor.document.dirty
    assert app.return_code is None or app.return_code == 0
    assert NOMOR in surat.read_text(encoding="utf-8") and "diubah rekan" not in surat.read_text(encoding="utf-8")


async def test_quit_during_a_conflict_quits_once_the_conflict_is_answered(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        edit(editor)
        surat.write_text(surat.read_text(encoding="utf-8") + "\n# diubah rekan\n", encoding="utf-8")
        editor.autosave()
        await settle(pilot, app)
        editor.save_in_background(editor.sop, False, app.exit)  # what "Simpan" on leaving does
        await settle(pilot, app)
        assert [s.id for s in app.screen_stack].count("conflict-dialog") == 1
        await pilot.click("#choice-overwrite")
        await settle(pilot, app)
    assert app.return_code == 0 and NOMOR in surat.read_text(encoding="utf-8")


async def test_a_file_deleted_while_open_keeps_the_editor_and_is_written_again(surat):
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await open_editor(pilot, app)
        original = editor.sop
        surat.unlink()
        editor.autosave()  # finds the file gone: would reload
        await settle(pilot, app)
        assert "sudah tidak ada" in messages(app)
        assert isinstance(app.screen, EditorScreen) and editor.sop == original
        assert editor.document.dirty  # the editor holds the only copy now
        editor.autosave()
        await settle(pilot, app)
        assert load(recovery_path(surat)).sop == original
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not editor.document.dirty
    assert surat.read_bytes() == before and not recovery_path(surat).exists()


async def test_a_file_broken_while_open_keeps_the_edits_and_their_recovery_file(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await open_editor(pilot, app)
        edit(editor)
        surat.write_text('format = 1\n[identitas\nnama = "rusak', encoding="utf-8")
        editor.autosave()  # the recovery file, and the question
        await settle(pilot, app)
        assert app.screen.id == "conflict-dialog"
        await pilot.click("#choice-reload")
        await settle(pilot, app)
        assert "tidak dapat dibaca lagi" in messages(app) and "S010" in messages(app)
        assert isinstance(app.screen, EditorScreen) and editor.sop.identitas.nomor == NOMOR
        assert editor.document.dirty
        editor.autosave()
        await settle(pilot, app)
    assert load(recovery_path(surat)).sop.identitas.nomor == NOMOR


async def test_a_broken_file_with_a_recovery_file_opens_from_the_recovery(surat):
    crashed = Document.open(surat)
    crashed.history.apply(crashed.sop.with_identity(nomor=NOMOR))
    crashed.write_recovery()
    surat.write_bytes(b"\x00\xffbukan toml")
    app = make_app(surat)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await open_editor(pilot, app)
        assert "berkas pemulihan" in messages(app)
        assert editor.sop.identitas.nomor == NOMOR and editor.document.dirty
        assert recovery_path(surat).exists()  # not taken for "already saved"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not editor.document.dirty
    assert load(surat).sop.identitas.nomor == NOMOR and not recovery_path(surat).exists()


async def test_a_read_only_file_is_not_replaced_and_save_as_is_offered(surat):
    os.chmod(surat, 0o444)
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        edit(editor)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen.id == "readonly-dialog"
        await pilot.click("#choice-saveas")
        await settle(pilot, app)
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = "salinan"
        await pilot.press("enter")
        await settle(pilot, app)
        assert editor.document.path.name == "salinan.sop.toml" and not editor.document.dirty
    assert surat.read_bytes() == before
    assert load(surat.with_name("salinan.sop.toml")).sop.identitas.nomor == NOMOR


async def test_a_model_the_writer_cannot_write_is_refused_with_its_reason(surat):
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        editor = await open_editor(pilot, app)
        edit(editor)
        identity = dataclasses.replace(editor.sop.identitas, extra={"kode": {"a", "b"}})  # as a plugin might
        editor.commit(dataclasses.replace(editor.sop, identitas=identity))
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "tidak dapat ditulis sebagai TOML" in messages(app) and "set" in messages(app)
        assert isinstance(app.screen, EditorScreen) and editor.document.dirty
        assert editor.sop.identitas.nomor == NOMOR
    assert surat.read_bytes() == before


async def run_export_to(pilot, app, output: str) -> str:
    await pilot.press("ctrl+e")
    await settle(pilot, app)
    assert app.screen.id == "export-dialog"
    app.screen.query_one("#export-output").value = output
    await pilot.click("#export-run")
    await settle(pilot, app)
    return str(app.screen.query_one("#export-error").render()) if app.screen.id == "export-dialog" else ""


async def test_export_never_writes_onto_the_open_file_or_another_sop(surat, library):
    files = {path.name: path.read_bytes() for path in library.iterdir()}
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        assert "sedang dibuka" in await run_export_to(pilot, app, "surat-masuk.sop.toml")
        await pilot.press("escape")
        assert "berkas SOP" in await run_export_to(pilot, app, "pengajuan-cuti.sop.toml")
        await pilot.press("escape")
        assert "berkas SOP" in await run_export_to(pilot, app, "baru.toml")
        await pilot.press("escape")
        assert "folder" in await run_export_to(pilot, app, ".")
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)
    assert {path.name: path.read_bytes() for path in library.iterdir()} == files


async def test_export_asks_before_replacing_an_existing_file(surat):
    pdf = surat.with_name("surat-masuk.pdf")
    pdf.write_bytes(b"laporan lama")
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        await run_export_to(pilot, app, "surat-masuk.pdf")
        assert "sudah ada" in str(app.screen.query_one(".dialog-message").render())
        await pilot.click("#choice-no")
        await settle(pilot, app)
        assert pdf.read_bytes() == b"laporan lama"
        await pilot.click("#export-run")
        await settle(pilot, app)
        await pilot.click("#choice-yes")
        await settle(pilot, app)
        assert isinstance(app.screen, EditorScreen)
    assert pdf.read_bytes().startswith(b"%PDF")


async def test_export_refuses_a_read_only_output(surat):
    pdf = surat.with_name("surat-masuk.pdf")
    pdf.write_bytes(b"dilindungi")
    os.chmod(pdf, 0o444)
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        assert "hanya-baca" in await run_export_to(pilot, app, "surat-masuk.pdf")
    assert pdf.read_bytes() == b"dilindungi"


async def test_rename_and_duplicate_into_a_missing_folder_say_so(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"surat")
        for key in ("f2", "f3"):
            await pilot.press(key)
            await settle(pilot, app)
            app.screen.query_one("#prompt-input").value = "tidak-ada/arsip"
            await pilot.press("enter")
            await settle(pilot, app)
            assert "tidak-ada" in str(app.screen.query_one("#prompt-error").render())
            assert "tidak ada" in str(app.screen.query_one("#prompt-error").render())
            await pilot.press("escape")
            await settle(pilot, app)
        assert type(app.screen).__name__ == "LibraryScreen"
    assert (library / "surat-masuk.sop.toml").exists() and not (library / "tidak-ada").exists()


async def test_a_rename_that_fails_on_disk_is_a_message(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press(*"surat")
        await pilot.press("f2")
        await settle(pilot, app)
        (library / "surat-masuk.sop.toml").unlink()  # gone between the question and the answer
        app.screen.query_one("#prompt-input").value = "arsip"
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Gagal" in messages(app)
        assert type(app.screen).__name__ == "LibraryScreen"
