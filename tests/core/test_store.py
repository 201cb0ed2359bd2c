"""Saving: byte for byte when unchanged, comments kept when edited, atomic,
permissions kept, and never over a file someone else changed."""

from __future__ import annotations

import dataclasses
import os
import shutil

import pytest

from soptui import store
from soptui.loader import load, load_bytes
from soptui.model import Step
from soptui.store import FileChangedOnDisk, FileExists, save
from soptui.template import TEMPLATE


def test_every_example_round_trips_byte_for_byte(tmp_path, examples):
    for example in examples:
        path = tmp_path / example.name
        shutil.copy(example, path)
        loaded = load(path)
        save(loaded.sop, path, loaded.source)
        assert path.read_bytes() == example.read_bytes()


def test_an_edit_keeps_comments_order_and_the_rest_of_the_file(tmp_path):
    path = tmp_path / "baru.sop.toml"
    shutil.copy(TEMPLATE, path)
    before = path.read_text(encoding="utf-8")
    loaded = load(path)
    save(loaded.sop.with_step(1, kegiatan="Memproses berkas permohonan cuti"), path, loaded.source)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('kegiatan = "Memproses berkas permohonan"', 'kegiatan = "Memproses berkas permohonan cuti"')


def test_inserting_and_moving_steps_keeps_each_steps_comments(tmp_path):
    path = tmp_path / "baru.sop.toml"
    shutil.copy(TEMPLATE, path)
    loaded = load(path)
    steps = list(loaded.sop.langkah)
    steps.insert(1, Step(id="cek", kegiatan="Mengecek berkas", pelaksana="staf", waktu="5 menit", output="Berkas dicek"))
    saved = dataclasses.replace(loaded.sop, langkah=tuple(steps))
    save(saved, path, loaded.source)
    text = path.read_text(encoding="utf-8")
    assert "# Waktu seperti \"15 menit\"" in text and "# Keputusan: cabang \"ya\"" in text
    assert text.index('id = "mulai"') < text.index('id = "cek"') < text.index('id = "proses"')
    assert load(path).sop == saved


def test_deleting_a_field_removes_only_that_key(tmp_path):
    path = tmp_path / "baru.sop.toml"
    shutil.copy(TEMPLATE, path)
    loaded = load(path)
    save(loaded.sop.with_step(2, keterangan=""), path, loaded.source)
    text = path.read_text(encoding="utf-8")
    assert "keterangan" not in text.split('id = "periksa"')[1].split("[[langkah]]")[0]
    assert text.count("\n#") == TEMPLATE.read_text(encoding="utf-8").count("\n#")


def test_unknown_keys_survive_an_edit(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    path.write_text(examples[0].read_text(encoding="utf-8").replace("[identitas]\n", "[identitas]\nkode_plugin = { a = 1 }\n"), encoding="utf-8")
    loaded = load(path)
    save(loaded.sop.with_identity(nama="Nama Baru"), path, loaded.source)
    assert "kode_plugin = { a = 1 }" in path.read_text(encoding="utf-8")


def test_a_value_the_loader_could_not_read_is_not_lost_by_an_unrelated_edit(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    cuti = next(e for e in examples if e.name == "pengajuan-cuti.sop.toml")
    text = cuti.read_text(encoding="utf-8").replace('waktu = "15 menit"', "waktu = 15", 1)
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    save(loaded.sop.with_identity(nama="Nama Baru"), path, loaded.source)
    assert "waktu = 15\n" in path.read_text(encoding="utf-8")


def test_new_file_is_written_whole_and_refuses_to_replace_a_file(tmp_path, examples):
    sop = load(examples[0]).sop
    path = tmp_path / "baru.sop.toml"
    save(sop, path)
    assert load(path).sop == sop
    assert "[[langkah]]" in path.read_text(encoding="utf-8")
    with pytest.raises(FileExists):
        save(sop, path)


def test_save_keeps_the_files_permissions(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    shutil.copy(examples[0], path)
    os.chmod(path, 0o640)
    loaded = load(path)
    save(loaded.sop.with_identity(nama="Lain"), path, loaded.source)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_crash_between_write_and_rename_leaves_the_old_file(tmp_path, examples, monkeypatch):
    path = tmp_path / "x.sop.toml"
    shutil.copy(examples[0], path)
    loaded = load(path)

    def crash(*args):
        raise OSError("disk pulled out")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(OSError):
        save(loaded.sop.with_identity(nama="Lain"), path, loaded.source)
    assert path.read_bytes() == examples[0].read_bytes()
    assert os.listdir(tmp_path) == ["x.sop.toml"]


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    shutil.copy(examples[0], path)
    loaded = load(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited by a colleague\n", encoding="utf-8")
    with pytest.raises(FileChangedOnDisk) as caught:
        save(loaded.sop.with_identity(nama="Lain"), path, loaded.source)
    assert not caught.value.removed
    assert path.read_text(encoding="utf-8").endswith("# edited by a colleague\n")
    save(loaded.sop.with_identity(nama="Lain"), path, loaded.source, force=True)
    assert load(path).sop.identitas.nama == "Lain"


def test_a_file_removed_on_disk_is_a_conflict_too(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    shutil.copy(examples[0], path)
    loaded = load(path)
    path.unlink()
    with pytest.raises(FileChangedOnDisk) as caught:
        save(loaded.sop, path, loaded.source)
    assert caught.value.removed


def test_save_returns_a_source_to_save_again_from(tmp_path, examples):
    path = tmp_path / "x.sop.toml"
    shutil.copy(examples[0], path)
    loaded = load(path)
    source = save(loaded.sop.with_identity(nama="Satu"), path, loaded.source)
    save(loaded.sop.with_identity(nama="Dua"), path, source)
    assert load_bytes(path.read_bytes(), path).sop.identitas.nama == "Dua"
