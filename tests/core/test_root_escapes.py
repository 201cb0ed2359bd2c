"""`--root` holds for every file operation, with symlinks placed inside the root.

A unit's folder arrives by `git pull`; a link in it may point anywhere. Under
`soptui --root DIR` (an SSH forced command) opening, saving, exporting,
renaming, copying, deleting to `.trash`, the recovery file, the logo and
the settings each ask :mod:`soptui.confine` at the moment they touch the
disk, so a link leading out is refused or replaced, never followed. Every
test checks that the file outside is unchanged and nothing new appeared there.

The ways out tried (issue 12 tried 35; 40 here), and the test that holds each
(``tui/`` is tests/tui, ``ssh`` tests/tui/test_tui_ssh.py, ``web``
tests/web/test_serve_command.py, ``logo`` tests/core/test_linked_files.py,
``batch`` tests/plugins; the rest are below):

- opening: a typed ``..`` (1), an absolute path (2), a path through ``sub/../..``
  (3): tui/test_tui_model_edits.py::test_jail_refuses_dotdot_absolute_and_symlinks;
  a symlink to a file outside (4): test_opening_a_link_out_of_the_root_...;
  a folder swapped for a link after the check (5): test_a_folder_swapped_...;
  a symlink loop (6): test_a_symlink_loop_...; a hard link (7): test_a_hard_link_...;
  a path outside on the command line (8): tui/test_tui_library.py::test_root_refuses_a_path_outside_it,
  and over SSH (9): ssh::test_root_refuses_a_path_outside_over_ssh; a forced command started
  in $HOME (10): ssh::test_forced_command_opens_the_library_of_its_root_only; the library
  listing a symlink out (11): tui/test_tui_library.py::test_library_under_root_does_not_list_symlinks_out_of_it;
  ``soptui serve`` (12, 13): web::test_root_and_language_reach_every_editor_process,
  web::test_a_path_outside_root_is_refused; a worker process (14): test_a_worker_process_...
- the logo: ``../`` existing (15) and missing (16), absolute existing (17) and missing
  (18), a symlink out (19), a dangling one (20), a symlinked folder (21), ``sub/../..`` (22):
  logo::test_under_root_an_outside_logo_is_refused_with_one_sentence; the same sentence
  whether it exists (23): test_a_logo_linked_out_...; never embedded in the PDF (24):
  logo::test_under_root_the_pdf_never_embeds_an_outside_image
- writing: a save over a file swapped for a link (25): test_saving_over_...; save as outside
  (26): tui/test_tui_library.py::test_root_refuses_saving_as_outside; into a folder that links
  out, or by ``..`` (27): test_writing_into_a_folder_...; the editor's export outside (28):
  tui/test_tui_preview_export.py::test_export_refuses_an_output_outside_root; a batch output
  through a symlink (29): batch::test_no_output_escapes_the_output_folder_through_a_symlink;
  the export ledger linked out (30): test_an_export_ledger_...; a hard link as the target of a
  save or an export (31): test_a_hard_link_...
- rename into a folder linking out (32), duplicate into it (33), from a link out (34), onto
  a link (35): test_rename_and_copy_never_reach_outside; delete with ``.trash`` linking out
  (36): test_delete_refuses_...; delete of a link leading out (37): test_deleting_a_link_...
- the recovery file linking out, read and removed (38): test_a_recovery_file_that_links_out_...,
  written (39): test_the_recovery_file_is_written_in_place_...
- settings, theme and language (40): test_settings_are_not_saved_outside_the_root,
  test_under_root_the_editor_keeps_theme_and_language_choices_out_of_the_users_config
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soptui import confine
from soptui.confine import Confinement, OutsideRoot
from soptui.library import copy_file, move_to_trash, rename_file
from soptui.loader import load
from soptui.store import atomic_write, save
from tests.core.conftest import CLEAN

SECRET = CLEAN.replace("Pengelolaan Surat Masuk", "Rahasia di luar root")


@pytest.fixture
def world(tmp_path: Path):
    """A root with an SOP in it, and outside it a secret SOP and an empty folder."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    (outside / "dir").mkdir(parents=True)
    (root / "surat.sop.toml").write_text(CLEAN, encoding="utf-8")
    (outside / "secret.sop.toml").write_text(SECRET, encoding="utf-8")
    confine.confine(Confinement(root, root))
    yield root, outside
    confine.confine(None)


def untouched(outside: Path) -> None:
    assert sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*")) == ["dir", "secret.sop.toml"]
    assert (outside / "secret.sop.toml").read_text(encoding="utf-8") == SECRET


def test_opening_a_link_out_of_the_root_is_a_finding_that_reads_nothing(world):
    root, outside = world
    os.symlink(outside / "secret.sop.toml", root / "link.sop.toml")
    loaded = load(root / "link.sop.toml")
    assert loaded.sop is None and loaded.findings[0].code == "S010"
    assert "--root" in loaded.findings[0].message() and "Rahasia" not in loaded.findings[0].message()


def test_a_link_inside_the_root_to_a_file_inside_opens(world):
    root, _ = world
    os.symlink(root / "surat.sop.toml", root / "sub" / "link.sop.toml")
    assert load(root / "sub" / "link.sop.toml").sop is not None


def test_saving_over_a_file_swapped_for_a_link_out_never_writes_outside(world):
    root, outside = world
    path = root / "surat.sop.toml"
    loaded = load(path)
    path.unlink()
    os.symlink(outside / "secret.sop.toml", path)
    with pytest.raises(OutsideRoot):  # the check of what is on disk refuses to read it
        save(loaded.sop, path, loaded.source)
    save(loaded.sop, path, loaded.source, force=True)  # forced: the link is replaced, not written through
    assert not path.is_symlink() and "Pengelolaan Surat Masuk" in path.read_text(encoding="utf-8")
    untouched(outside)


def test_writing_into_a_folder_that_links_out_is_refused(world):
    root, outside = world
    os.symlink(outside / "dir", root / "keluar")
    with pytest.raises(OutsideRoot):
        atomic_write(root / "keluar" / "surat.pdf", b"%PDF-")
    with pytest.raises(OutsideRoot):
        atomic_write(root / "sub" / ".." / ".." / "outside" / "dir" / "x.pdf", b"%PDF-")
    untouched(outside)


def test_a_folder_swapped_for_a_link_after_the_check_is_caught_on_the_open_file(world, monkeypatch):
    root, outside = world
    (outside / "dir" / "x.sop.toml").write_text(SECRET, encoding="utf-8")
    os.symlink(outside / "dir", root / "swapped")
    stale = Confinement.check  # a check made before the folder was swapped: the path as it was
    monkeypatch.setattr(Confinement, "check", lambda self, path: Path(path) if "swapped" in str(path) else stale(self, path))
    with pytest.raises(OutsideRoot):
        confine.open_descriptor(root / "swapped" / "x.sop.toml", os.O_RDONLY)
    monkeypatch.setattr(Confinement, "check_entry", lambda self, path: Path(path))
    with pytest.raises(OutsideRoot):
        atomic_write(root / "swapped" / "new.pdf", b"%PDF-")
    assert sorted(p.name for p in (outside / "dir").iterdir()) == ["x.sop.toml"]


def test_rename_and_copy_never_reach_outside(world):
    root, outside = world
    os.symlink(outside / "dir", root / "keluar")
    os.symlink(outside / "secret.sop.toml", root / "rahasia.sop.toml")
    with pytest.raises(OutsideRoot):
        rename_file(root / "surat.sop.toml", root / "keluar" / "surat.sop.toml")
    with pytest.raises(OutsideRoot):
        copy_file(root / "surat.sop.toml", root / "keluar" / "salinan.sop.toml")
    with pytest.raises(OutsideRoot):
        copy_file(root / "rahasia.sop.toml", root / "salinan.sop.toml")  # the source leads out
    os.symlink(outside / "secret.sop.toml", root / "tujuan.sop.toml")
    copy_file(root / "surat.sop.toml", root / "tujuan.sop.toml")  # a link at the target is replaced
    assert not (root / "tujuan.sop.toml").is_symlink()
    assert (root / "surat.sop.toml").exists()
    untouched(outside)


def test_delete_refuses_a_trash_that_links_out_and_keeps_the_file(world):
    root, outside = world
    os.symlink(outside / "dir", root / ".trash")
    with pytest.raises(OutsideRoot):
        move_to_trash(root / "surat.sop.toml", root)
    assert (root / "surat.sop.toml").read_text(encoding="utf-8") == CLEAN
    untouched(outside)


def test_delete_moves_into_a_real_trash_without_overwriting(world):
    root, _ = world
    first = move_to_trash(root / "surat.sop.toml", root)
    (root / "surat.sop.toml").write_text(CLEAN, encoding="utf-8")
    second = move_to_trash(root / "surat.sop.toml", root)
    assert first != second and first.parent == second.parent == root / ".trash"
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == CLEAN


def test_a_recovery_file_that_links_out_is_never_loaded_and_only_the_link_is_removed(world):
    from soptui.tui.document import Document, recovery_path

    root, outside = world
    path = root / "surat.sop.toml"
    os.symlink(outside / "secret.sop.toml", recovery_path(path))
    document = Document.open(path)
    assert document.pending_recovery() is None
    assert Document.from_recovery(path, load(path)) is None
    document.discard_recovery()
    assert not os.path.lexists(recovery_path(path))
    untouched(outside)


def test_the_recovery_file_is_written_in_place_of_a_link_never_through_it(world):
    from soptui.tui.document import Document, recovery_path

    root, outside = world
    path = root / "surat.sop.toml"
    os.symlink(outside / "secret.sop.toml", recovery_path(path))
    Document.open(path).write_recovery()
    assert not recovery_path(path).is_symlink()
    untouched(outside)


def test_settings_are_not_saved_outside_the_root(world, monkeypatch):
    from soptui.config import load_config, save_setting

    root, outside = world
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(outside / "config"))
    with pytest.raises(OutsideRoot):
        save_setting("theme", "terang")
    untouched(outside)
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(root / ".soptui"))  # kept inside the root: saved there
    save_setting("theme", "terang")
    assert load_config()[0].theme == "terang"


def test_a_logo_linked_out_reads_as_an_outside_path_that_does_not_exist(world):
    from tests.core.conftest import findings_for

    root, outside = world
    (outside / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    os.symlink(outside / "logo.png", root / "logo.png")
    linked = CLEAN.replace("[identitas]\n", '[identitas]\nlogo = "logo.png"\n')
    missing = CLEAN.replace("[identitas]\n", f'[identitas]\nlogo = "{outside}/tidak-ada.png"\n')
    (found,) = [f for f in findings_for(root, linked) if f.code == "I009"]
    (absent,) = [f for f in findings_for(root, missing) if f.code == "I009"]
    assert found.params["reason"] == absent.params["reason"]


def test_a_hard_link_is_the_file_it_is_in_the_root_and_nothing_is_written_through_it(world):
    """A hard link has no outside to resolve to: only someone who could already reach both folders can make one
    (git never does), so it reads as the file it is; but a save, an export or a copy replaces the name and
    never writes into the file it shares with a path outside."""
    root, outside = world
    os.link(outside / "secret.sop.toml", root / "bersama.sop.toml")
    os.link(outside / "secret.sop.toml", root / "bersama.pdf")
    loaded = load(root / "bersama.sop.toml")
    edited = dataclasses.replace(loaded.sop, identitas=dataclasses.replace(loaded.sop.identitas, nama="Diubah"))
    save(edited, root / "bersama.sop.toml", loaded.source)
    atomic_write(root / "bersama.pdf", b"%PDF-")
    assert (root / "bersama.pdf").read_bytes() == b"%PDF-"
    untouched(outside)


def test_deleting_a_link_that_leads_out_moves_the_link_only(world):
    root, outside = world
    os.symlink(outside / "secret.sop.toml", root / "tautan.sop.toml")
    os.symlink(outside / "dir", root / "folder-luar")
    for link in ("tautan.sop.toml", "folder-luar"):
        moved = move_to_trash(root / link, root)
        assert moved.is_symlink() and moved.parent == root / ".trash"
    untouched(outside)


def test_a_symlink_loop_is_a_finding_not_a_hang_or_a_crash(world):
    root, _ = world
    os.symlink(root / "b.sop.toml", root / "a.sop.toml")
    os.symlink(root / "a.sop.toml", root / "b.sop.toml")
    loaded = load(root / "a.sop.toml")
    assert loaded.sop is None and loaded.findings[0].code == "S010"


def test_an_export_ledger_that_links_out_is_never_read_and_is_replaced(world):
    from soptui.ledger import NAME, Ledger

    root, outside = world
    (outside / "dir" / "ledger").write_text('{"versi": 1, "keluaran": {"surat.pdf": {}}}', encoding="utf-8")
    (root / "keluaran").mkdir()
    os.symlink(outside / "dir" / "ledger", root / "keluaran" / NAME)
    ledger = Ledger(root / "keluaran", {})
    assert ledger.entries == {}
    ledger.changed = True
    ledger.save()
    assert not (root / "keluaran" / NAME).is_symlink()
    assert (outside / "dir" / "ledger").read_text(encoding="utf-8").startswith('{"versi": 1, "keluaran": {"surat')


def test_a_worker_process_started_by_a_confined_one_is_confined(world):
    root, outside = world
    code = "from soptui.loader import load; import sys; print(load(sys.argv[1]).findings[0].code)"
    result = subprocess.run([sys.executable, "-c", code, str(outside / "secret.sop.toml")], capture_output=True,
                            text=True, timeout=60, cwd=root)
    assert result.stdout.strip() == "S010", result.stderr


async def test_under_root_the_editor_keeps_theme_and_language_choices_out_of_the_users_config(world, monkeypatch):
    from soptui.tui.app import SopApp
    from soptui.tui.paths import Jail

    root, outside = world
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(outside / "config"))
    app = SopApp(root, Jail(root, root))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "terang" if app.theme != "terang" else "gelap"
        await pilot.pause()
        app.action_switch_language()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert any("tidak disimpan" in m for m in messages), messages
    assert not (outside / "config").exists()
    untouched(outside)
