"""Pilot tests of the library screen and of how the app starts."""

from __future__ import annotations

from rich.console import Console

from soptui.tui.screens.editor import EditorScreen
from soptui.tui.screens.library import LibraryScreen
from tests.tui.helpers import make_app, settle


async def test_library_lists_filters_and_opens(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert len(screen.shown) == 3
        await pilot.press(*"cuti")
        assert [e.path.name for e in screen.shown] == ["pengajuan-cuti.sop.toml"]
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.document.path.name == "pengajuan-cuti.sop.toml"
        await pilot.press("f10")
        await settle(pilot, app)
        assert app.screen is screen


async def test_new_sop_asks_for_its_name_and_names_the_file_after_it(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n", *"Pelayanan Surat Keluar")
        assert "pelayanan-surat-keluar.sop.toml" in str(app.screen.query_one("#prompt-hint").render())
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.sop.identitas.nama == "Pelayanan Surat Keluar"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    created = library / "pelayanan-surat-keluar.sop.toml"  # no spaces to quote in a shell
    text = created.read_text(encoding="utf-8")
    assert "# SOP AP baru" in text and 'nama = "Pelayanan Surat Keluar"' in text


def test_typed_file_names_need_no_quoting():
    from soptui.tui.screens.library import sop_file_name

    assert sop_file_name("Surat Keluar") == "surat-keluar.sop.toml"
    assert sop_file_name("surat keluar.sop.toml") == "surat-keluar.sop.toml"
    assert sop_file_name("arsip/Surat Lama") == "arsip/surat-lama.sop.toml"


async def test_duplicate_rename_and_delete_to_trash(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"surat")  # filter to surat-masuk
        await pilot.press("f3")
        await pilot.press("ctrl+u", *"salinan", "enter")
        await settle(pilot, app)
        assert (library / "salinan.sop.toml").read_bytes() == (library / "surat-masuk.sop.toml").read_bytes()
        screen = app.screen
        assert screen.selected.path.name == "salinan.sop.toml"
        await pilot.press("f2", "ctrl+u", *"arsip-surat", "enter")
        await settle(pilot, app)
        assert (library / "arsip-surat.sop.toml").exists() and not (library / "salinan.sop.toml").exists()
        await pilot.press("ctrl+u", *"arsip")
        assert screen.selected.path.name == "arsip-surat.sop.toml"
        await pilot.press("f8")
        await pilot.pause()
        await pilot.click("#choice-yes")
        await settle(pilot, app)
    assert not (library / "arsip-surat.sop.toml").exists()
    assert (library / ".trash" / "arsip-surat.sop.toml").exists()


async def test_new_file_name_taken_is_refused_in_the_dialog(library):
    app = make_app(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n", *"surat-masuk", "enter")
        await pilot.pause()
        assert "sudah ada" in str(app.screen.query_one("#prompt-error").render())


async def test_root_refuses_a_path_outside_it(library, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    app = make_app(outside, root=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2


async def test_root_refuses_saving_as_outside(surat, library):
    app = make_app(surat, root=library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        app.screen.action_save_as()
        await pilot.pause()
        await pilot.press("ctrl+u", *"../../curian", "enter")
        await pilot.pause()
        assert "di luar" in str(app.screen.query_one("#prompt-error").render())
    assert not (library.parent.parent / "curian.sop.toml").exists()


async def test_help_lists_the_editor_keys(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.id == "help-screen"
        console = Console(width=100)
        with console.capture() as captured:
            for section in app.screen.query(".help-section"):
                console.print(section.content)
        text = captured.get()
        for label in ("Simpan", "Urungkan", "Ulangi", "Ekspor", "Sisip di atas", "Ke isian", "Pratinjau"):
            assert label in text


def test_english_interface_with_lang_en(surat):
    """``--lang en`` is set before the editor is imported, as the CLI does."""
    import subprocess
    import sys

    script = (
        "import sys; from soptui.i18n import set_language; set_language('en')\n"
        "from pathlib import Path\nfrom soptui.tui.app import SopApp\nfrom soptui.tui.paths import Jail\n"
        "async def look(pilot):\n"
        "    await pilot.pause(0.3)\n"
        "    keys = [b.binding.description for b in pilot.app.screen.active_bindings.values()]\n"
        "    tabs = [str(t.label) for t in pilot.app.screen.query('Tab')]\n"
        "    print(keys, tabs)\n"
        "    pilot.app.exit()\n"
        f"path = Path({str(surat)!r})\n"
        "SopApp(path, Jail(path.parent)).run(headless=True, auto_pilot=look)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "Save" in out.stdout and "Undo" in out.stdout, out.stderr[-2000:]
    assert "Identity" in out.stdout and "Steps" in out.stdout and "Problems" in out.stdout


async def test_library_under_root_does_not_list_symlinks_out_of_it(library, tmp_path):
    import os

    outside = tmp_path / "rahasia.sop.toml"
    outside.write_bytes((library / "surat-masuk.sop.toml").read_bytes())
    os.symlink(outside, library / "tautan.sop.toml")
    app = make_app(library, root=library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        assert sorted(e.path.name for e in app.screen.entries) == [
            "laporan-kinerja.sop.toml",
            "pengajuan-cuti.sop.toml",
            "surat-masuk.sop.toml",
        ]


def test_cli_refuses_before_taking_over_the_terminal(library, tmp_path):
    """`soptui --root DIR PATH` outside DIR, or a PATH that is not there: a line on stderr, exit 2."""
    from click.testing import CliRunner

    from soptui.cli import cli

    runner = CliRunner()
    outside = runner.invoke(cli, ["--root", str(library), str(tmp_path)])
    assert outside.exit_code == 2 and "di luar folder" in outside.output
    missing = runner.invoke(cli, [str(library / "tidak-ada")])
    assert missing.exit_code == 2 and "tidak ada" in missing.output
