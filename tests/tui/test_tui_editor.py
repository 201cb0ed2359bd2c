"""Pilot tests of the editor: keys in, model and file on disk checked."""

from __future__ import annotations

from soptui.loader import load
from soptui.tui.document import recovery_path
from soptui.tui.screens.editor import EditorScreen
from tests.tui.helpers import make_app, settle


async def open_editor(pilot, app) -> EditorScreen:
    await settle(pilot, app)
    assert isinstance(app.screen, EditorScreen)
    return app.screen


async def test_type_in_a_step_then_save_writes_only_that_line(surat):
    before = surat.read_text(encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("down", "down", "enter")  # third step, into its Kegiatan
        assert app.focused.id == "step-kegiatan"
        await pilot.press("end", *" segera")
        assert editor.sop.langkah[2].kegiatan.endswith("masuk segera")
        assert "belum disimpan" in str(app.screen.query_one("#editor-title").render())
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not editor.document.dirty
    after = surat.read_text(encoding="utf-8")
    assert after == before.replace('buku agenda surat masuk"', 'buku agenda surat masuk segera"')


async def test_undo_takes_back_the_typing_and_redo_brings_it_again(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        original = editor.sop
        await pilot.press("enter", "end", *"xyz")
        await pilot.press("ctrl+z")
        assert editor.sop == original and not editor.document.dirty
        assert app.screen.query_one("#step-kegiatan").value == original.langkah[0].kegiatan
        await pilot.press("ctrl+y")
        assert editor.sop.langkah[0].kegiatan.endswith("xyz")


async def test_add_a_decision_that_loops_back(surat):
    app = make_app(surat)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        for _ in range(3):
            await pilot.press("down")  # on "teruskan" (4th)
        await pilot.press("ctrl+n")  # new step after it, focus in Kegiatan
        await pilot.press(*"Memeriksa disposisi")
        new = editor.sop.langkah[4]
        assert new.kegiatan == "Memeriksa disposisi" and new.pelaksana == "kasubbag"
        simbol = app.screen.query_one("#step-simbol")
        app.screen.set_focus(simbol)
        await pilot.press("enter", "down", "down", "down", "enter")  # Otomatis -> keputusan
        await settle(pilot, app)
        assert editor.sop.langkah[4].simbol == "keputusan"
        tidak = app.screen.query_one("#step-tidak")
        assert tidak.display
        app.screen.set_focus(tidak)
        await pilot.press("enter", "down", "down", "down", "enter")  # (pilih), 1, 2, 3 = agenda
        await settle(pilot, app)
        step = editor.sop.langkah[4]
        assert step.tidak == "agenda"
        edges = editor.sop.flow.successors[step.id]
        assert [(e.branch, e.target) for e in edges] == [("ya", "disposisi"), ("tidak", "agenda")]
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    saved = load(surat).sop
    assert saved.langkah[4].simbol == "keputusan" and saved.langkah[4].tidak == "agenda"


async def test_quit_with_unsaved_changes_asks_and_discard_leaves_the_file(surat):
    before = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        await pilot.press("enter", *"abc")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert app.screen.id == "leave-dialog"
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert app.return_code == 0
    assert surat.read_bytes() == before


async def test_change_on_disk_offers_overwrite(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("enter", "end", *" lagi")
        surat.write_text(surat.read_text(encoding="utf-8") + "\n# edited elsewhere\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen.id == "conflict-dialog"
        await pilot.click("#choice-overwrite")
        await settle(pilot, app)
        assert not editor.document.dirty
    text = surat.read_text(encoding="utf-8")
    assert "tanda terima lagi" in text and "edited elsewhere" not in text


async def test_recovery_is_offered_after_a_crash(surat):
    from soptui.tui.document import Document

    crashed = Document.open(surat)
    crashed.history.apply(crashed.sop.with_identity(nomor="999/RECOVER/2024"))
    crashed.write_recovery()
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        assert app.screen.id == "recovery-dialog"
        await pilot.click("#choice-recover")
        await pilot.pause()
        editor = app.screen
        assert editor.sop.identitas.nomor == "999/RECOVER/2024" and editor.document.dirty
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    assert 'nomor = "999/RECOVER/2024"' in surat.read_text(encoding="utf-8")
    assert not recovery_path(surat).exists()


async def test_autosave_writes_the_recovery_file(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("enter", *"Q")
        editor.autosave()
        await app.workers.wait_for_complete()
        assert recovery_path(surat).exists()
        assert load(recovery_path(surat)).sop.langkah[0].kegiatan.endswith("Q")


async def test_enter_on_a_finding_jumps_to_its_field(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f6")
        await settle(pilot, app)
        finding = editor.query_one("FindingsPane").selected
        assert finding.code == "I003"  # cek-alamat has no output
        await pilot.press("enter")
        await pilot.pause()
        assert editor.active_tab == "langkah"
        assert editor.steps.step.id == "cek-alamat"
        assert app.focused.id == "step-output"
        await pilot.press(*"Alamat diperiksa")
        await settle(pilot, app, delay=0.5)
        assert all(f.code != "I003" for f in editor.findings)


async def test_identity_list_and_date_validation(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f2")
        date = editor.query_one("#ident-tanggal_revisi")
        app.screen.set_focus(date)
        await pilot.press(*"2024-13")
        assert editor.sop.identitas.tanggal_revisi is None
        await pilot.press(*"")
        date.value = ""
        await pilot.press(*"2024-05-06")
        assert str(editor.sop.identitas.tanggal_revisi) == "2024-05-06"
        items = editor.query_one("#ident-peringatan ItemList")
        app.screen.set_focus(items)
        await pilot.press("ctrl+n", *"Surat rahasia dibuka hanya oleh pimpinan", "enter")
        assert editor.sop.identitas.peringatan[-1] == "Surat rahasia dibuka hanya oleh pimpinan"
        await pilot.press("shift+up")
        assert editor.sop.identitas.peringatan[0] == "Surat rahasia dibuka hanya oleh pimpinan"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    saved = load(surat).sop.identitas
    assert saved.peringatan[0] == "Surat rahasia dibuka hanya oleh pimpinan"
    assert str(saved.tanggal_revisi) == "2024-05-06"


async def test_delete_actor_in_use_moves_its_steps_when_chosen(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f3", "down", "down", "delete")  # kepala
        await pilot.pause()
        await pilot.click("#choice-move")
        await pilot.pause()
        await pilot.click("#pick-ok")  # first other actor: staf
        await pilot.pause()
        assert editor.sop.actor("kepala") is None
        assert editor.sop.step("disposisi").pelaksana == "staf"


async def test_monitoring_record_added_and_saved(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f7")
        editor.set_focus(editor.query_one("#records-monitoring .record-table"))
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused.id == "monitoring-catatan"  # the date is today already
        await pilot.press(*"Disposisi sering terlambat")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    records = load(surat).sop.monitoring
    assert records[-1].catatan == "Disposisi sering terlambat"


async def test_step_table_keys_delete_move_duplicate_and_escape(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        ids = [s.id for s in editor.sop.langkah]
        await pilot.press("down", "down", "shift+down")  # agenda below teruskan
        assert [s.id for s in editor.sop.langkah][2:4] == ["teruskan", "agenda"]
        assert editor.steps.step.id == "agenda"
        await pilot.press("ctrl+d")
        assert editor.sop.langkah[4].id == "agenda-2" and editor.steps.step.id == "agenda-2"
        await pilot.press("delete")
        assert [s.id for s in editor.sop.langkah] == [ids[0], ids[1], ids[3], ids[2], *ids[4:]]
        await pilot.press("ctrl+o")
        assert app.focused.id == "step-kegiatan"
        await pilot.press("escape")
        assert app.focused.id == "step-table"
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z")
        assert [s.id for s in editor.sop.langkah] == ids and not editor.document.dirty


async def test_actor_added_renamed_and_reordered(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f3", "ctrl+n", *"Sekretaris Biro", "enter")
        await pilot.pause()
        assert editor.sop.pelaksana[-1].id == "sekretaris-biro"
        await pilot.press("shift+up")
        assert editor.sop.pelaksana[-2].id == "sekretaris-biro"
        await pilot.press("enter", *" Umum", "enter")
        assert editor.sop.pelaksana[-2].nama == "Sekretaris Biro Umum"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    saved = load(surat).sop
    assert [a.id for a in saved.pelaksana][-2:] == ["sekretaris-biro", "penerima"]


async def test_palette_offers_the_editor_commands(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
    for title in ("Simpan", "Simpan sebagai", "Urungkan", "Ekspor", "Pratinjau", "Bantuan", "Keluar"):
        assert title in titles
    assert "Screenshot" not in titles  # it would write outside --root


async def test_save_as_writes_a_new_file_and_edits_it_from_then_on(surat):
    original = surat.read_bytes()
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("enter", "end", *" juga")
        editor.action_save_as()
        await pilot.pause()
        await pilot.press("ctrl+u", *"surat-masuk-v2", "enter")
        await settle(pilot, app)
        assert editor.document.path.name == "surat-masuk-v2.sop.toml" and not editor.document.dirty
    copy = surat.with_name("surat-masuk-v2.sop.toml")
    assert load(copy).sop.langkah[0].kegiatan.endswith("tanda terima juga")
    assert surat.read_bytes() == original


async def test_a_broken_file_is_named_with_its_line_not_a_traceback(library):
    broken = library / "rusak.sop.toml"
    broken.write_text('format = 1\n[identitas]\nnama = "Tanpa kutip penutup\n', encoding="utf-8")
    app = make_app(library)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press(*"rusak", "enter")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "LibraryScreen"
        messages = [n.message for n in app._notifications]
    assert any("rusak.sop.toml:3" in m and "S010" in m for m in messages), messages


async def test_quit_and_save_writes_then_exits(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_editor(pilot, app)
        await pilot.press("enter", "end", *" cepat")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        await pilot.click("#choice-save")
        await settle(pilot, app)
    assert "tanda terima cepat" in surat.read_text(encoding="utf-8")
    assert app.return_code == 0


def test_typing_during_a_save_stays_unsaved(surat):
    from soptui.tui.document import Document

    document = Document.open(surat)
    first = document.sop.with_identity(nama="Disimpan")
    document.history.apply(first)
    document.history.apply(first.with_identity(nama="Diketik sesudahnya"))
    document.save(sop=first)  # what a save worker does with the value it was given
    assert document.dirty and load(surat).sop.identitas.nama == "Disimpan"


async def test_palette_step_command_runs_on_the_steps_tab(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("f2")
        count = len(editor.sop.langkah)
        command = next(c for c in app.get_system_commands(editor) if c.title == "Tambah langkah")
        command.callback()
        await pilot.pause()
        assert editor.active_tab == "langkah" and len(editor.sop.langkah) == count + 1


BAD_TYPES = """format = 1
[identitas]
nama = 5
nomor = "1"
instansi = "A"
tanggal_pembuatan = "kemarin"
jenis = "aneh"
[[pelaksana]]
id = "A B"
[[langkah]]
id = "x"
kegiatan = "Mulai"
pelaksana = "A B"
simbol = "lingkaran"
[[langkah]]
id = "x"
kegiatan = "Selesai"
pelaksana = "zz"
tidak = "nowhere"
[[monitoring]]
tanggal = 2024-01-01
penilaian = "sedang"
[[evaluasi]]
tanggal = 2024-01-01
jawaban = { sinergi = "ya" }
"""


async def test_every_tab_opens_on_a_file_full_of_wrong_values(tmp_path):
    path = tmp_path / "salah.sop.toml"
    path.write_text(BAD_TYPES, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 32)) as pilot:
        editor = await open_editor(pilot, app)
        for key in ("f2", "f3", "f5", "f7", "f6", "f4"):
            await pilot.press(key)
            await settle(pilot, app, delay=0.2)
        codes = {f.code for f in editor.findings}
        assert {"S002", "S003", "S004"} <= codes  # what the loader and the rules found, listed
        await pilot.press("ctrl+n", *"Langkah baru", "ctrl+s")
        await settle(pilot, app)
    assert "Langkah baru" in path.read_text(encoding="utf-8")
    assert 'penilaian = "sedang"' in path.read_text(encoding="utf-8")  # never silently dropped
