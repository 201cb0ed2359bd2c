"""The editor's pure parts: edits, undo history, documents, the --root jail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from soptui.loader import load
from soptui.store import FileChangedOnDisk
from soptui.tui import edits
from soptui.tui.document import Document, recovery_path
from soptui.tui.history import History
from soptui.tui.paths import Jail, OutsideRoot


def sop_of(path: Path):
    return load(path).sop


def test_rename_step_updates_every_reference(surat):
    sop = sop_of(surat)
    index = [s.id for s in sop.langkah].index("kembalikan")
    renamed = edits.set_step(sop, index, id="tolak")
    assert renamed.step("cek-alamat").tidak == "tolak"
    assert renamed.step("kembalikan") is None


def test_delete_step_clears_references_to_it(surat):
    sop = sop_of(surat)
    index = [s.id for s in sop.langkah].index("arsip")
    after = edits.delete_step(sop, index)
    assert after.step("tindak-lanjut").lanjut is None
    assert len(after.langkah) == len(sop.langkah) - 1


def test_duplicate_gets_a_fresh_id_right_after(surat):
    sop = sop_of(surat)
    after = edits.duplicate_step(sop, 2)
    assert after.langkah[3].kegiatan == sop.langkah[2].kegiatan
    assert after.langkah[3].id == f"{sop.langkah[2].id}-2"


def test_delete_actor_in_use_refuses_or_moves(surat):
    sop = sop_of(surat)
    index = [a.id for a in sop.pelaksana].index("kepala")
    with pytest.raises(edits.ActorInUse) as refused:
        edits.delete_actor(sop, index)
    assert refused.value.steps == ["disposisi"]
    moved = edits.delete_actor(sop, index, move_to="kasubbag")
    assert moved.actor("kepala") is None
    assert moved.step("disposisi").pelaksana == "kasubbag"


def test_actor_id_change_moves_its_steps(surat):
    sop = sop_of(surat)
    after = edits.set_actor(sop, 0, id="staf-tu")
    assert {s.pelaksana for s in after.langkah if s.id in ("terima", "agenda")} == {"staf-tu"}


def test_add_actor_makes_an_id_from_the_name(surat):
    after = edits.add_actor(sop_of(surat), "Kepala Sub Bagian Umum")
    assert after.pelaksana[-1].id == "kepala-sub-bagian-umum"


def test_history_groups_typing_and_undoes_to_the_loaded_value(surat):
    sop = sop_of(surat)
    history = History(sop)
    for text in ("M", "Me", "Men"):
        history.apply(sop.with_step(0, kegiatan=text), group="step-0-kegiatan")
    assert history.dirty
    history.undo()
    assert history.current == sop and not history.dirty
    history.redo()
    assert history.current.langkah[0].kegiatan == "Men"


def test_document_save_changes_only_the_edited_line(surat):
    before = surat.read_text(encoding="utf-8").splitlines()
    document = Document.open(surat)
    document.history.apply(edits.set_step(document.sop, 2, waktu="7 menit"))
    document.save()
    after = surat.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and changed == [('waktu = "5 menit"', 'waktu = "7 menit"')]


def test_document_refuses_to_overwrite_a_change_on_disk(surat):
    document = Document.open(surat)
    document.history.apply(edits.set_step(document.sop, 0, waktu="3 menit"))
    surat.write_text(surat.read_text(encoding="utf-8") + "\n# changed by a colleague\n", encoding="utf-8")
    assert document.changed_on_disk()
    with pytest.raises(FileChangedOnDisk):
        document.save()
    document.save(force=True)
    assert 'waktu = "3 menit"' in surat.read_text(encoding="utf-8")


def test_recovery_file_round_trip(surat):
    document = Document.open(surat)
    document.history.apply(document.sop.with_identity(nama="Nama yang belum disimpan"))
    document.write_recovery()
    assert recovery_path(surat).exists()
    reopened = Document.open(surat)
    recovered = reopened.pending_recovery()
    assert recovered is not None and recovered.identitas.nama == "Nama yang belum disimpan"
    reopened.recover(recovered)
    reopened.save()
    assert not recovery_path(surat).exists()
    assert "Nama yang belum disimpan" in surat.read_text(encoding="utf-8")


def test_new_document_is_written_from_the_template_on_first_save(tmp_path):
    path = tmp_path / "baru.sop.toml"
    document = Document.create(path)
    assert document.dirty and not path.exists()
    document.save()
    assert path.exists() and "# SOP AP baru" in path.read_text(encoding="utf-8")
    assert not document.dirty


def test_jail_refuses_dotdot_absolute_and_symlinks(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "secret.sop.toml"
    outside.write_text("x")
    os.symlink(outside, root / "link.sop.toml")
    jail = Jail(root, root)
    assert jail.check("sub/a.sop.toml") == (root / "sub" / "a.sop.toml").resolve()
    for escape in ("../secret.sop.toml", str(outside), "link.sop.toml", "sub/../../secret.sop.toml"):
        with pytest.raises(OutsideRoot):
            jail.check(escape)


def test_unconfined_jail_takes_any_path(tmp_path):
    assert Jail(tmp_path).check("/etc/hostname") == Path("/etc/hostname").resolve()


def test_jail_base_is_the_root_when_started_outside_it(tmp_path):
    root = tmp_path / "sop"
    (root / "unit").mkdir(parents=True)
    assert Jail(tmp_path, root).check(".") == root.resolve()  # forced command run from $HOME
    assert Jail(root / "unit", root).check("a.sop.toml") == (root / "unit" / "a.sop.toml").resolve()
