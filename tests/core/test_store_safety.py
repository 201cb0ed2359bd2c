"""Saving refuses what would lose or damage data: a read-only file, a model
the TOML writer cannot write. And it writes nothing the user did not change:
no default keys, no placeholder ids, the file's line endings, comments kept
on a renamed row. (The property test over random edits is test_save_minimal.)"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil

import pytest

from soptui.loader import load
from soptui.store import CannotWrite, ReadOnly, file_mode, render, save
from soptui.tui import edits


@pytest.fixture
def cuti(tmp_path, examples):
    path = tmp_path / "cuti.sop.toml"
    shutil.copy(next(e for e in examples if e.name == "pengajuan-cuti.sop.toml"), path)
    return path


def test_a_read_only_file_is_refused_even_with_force(cuti):
    os.chmod(cuti, 0o444)
    before = cuti.read_bytes()
    loaded = load(cuti)
    for force in (False, True):
        with pytest.raises(ReadOnly) as caught:
            save(loaded.sop.with_identity(nama="Lain"), cuti, loaded.source, force=force)
        assert caught.value.path == cuti
    assert cuti.read_bytes() == before and cuti.stat().st_mode & 0o777 == 0o444
    assert sorted(os.listdir(cuti.parent)) == ["cuti.sop.toml"]


def test_a_copy_saved_as_from_a_read_only_file_is_writable(cuti):
    os.chmod(cuti, 0o444)
    loaded = load(cuti)
    copy = cuti.with_name("salinan.sop.toml")
    save(loaded.sop.with_identity(nama="Lain"), copy, loaded.source)
    assert copy.stat().st_mode & 0o200


def test_a_value_the_writer_cannot_write_is_refused_before_writing(cuti):
    # the loader refuses what tomlkit cannot hold (nesting, soptui/limits.py); a
    # plugin can still put a value there that TOML has no type for
    before = cuti.read_bytes()
    loaded = load(cuti)
    identity = dataclasses.replace(loaded.sop.identitas, extra={"kode": {"a", "b"}})
    with pytest.raises(CannotWrite) as caught:
        save(dataclasses.replace(loaded.sop, identitas=identity), cuti, loaded.source)
    assert "set" in caught.value.reason  # tomlkit's own words
    assert cuti.read_bytes() == before
    assert sorted(os.listdir(cuti.parent)) == ["cuti.sop.toml"]


def test_new_files_take_the_umask_not_a_fixed_mode(tmp_path, cuti):
    sop = load(cuti).sop
    old = os.umask(0o077)
    try:
        assert file_mode(tmp_path / "none") == 0o600
        save(sop, tmp_path / "baru.sop.toml")
    finally:
        os.umask(old)
    assert (tmp_path / "baru.sop.toml").stat().st_mode & 0o777 == 0o600


def test_an_identity_edit_does_not_write_the_default_jenis(cuti):
    cuti.write_text(cuti.read_text(encoding="utf-8").replace('jenis = "administratif"\n', ""), encoding="utf-8")
    before = cuti.read_text(encoding="utf-8")
    loaded = load(cuti)
    save(loaded.sop.with_identity(nama="Nama Baru"), cuti, loaded.source)
    assert cuti.read_text(encoding="utf-8") == before.replace(
        'nama = "Pelayanan Permohonan Cuti Tahunan Pegawai"', 'nama = "Nama Baru"'
    )


def test_rows_without_id_get_no_placeholder_written(cuti):
    text = re.sub(r'(\[\[langkah\]\]\n)id = "(paraf-sekretaris|tandatangan)"\n', r"\1", cuti.read_text(encoding="utf-8"))
    cuti.write_text(text, encoding="utf-8")
    loaded = load(cuti)
    assert {s.id for s in loaded.sop.langkah} >= {"#5", "#6"}  # the loader's placeholders
    save(loaded.sop.with_step(0, waktu="20 menit"), cuti, loaded.source)
    assert cuti.read_text(encoding="utf-8") == text.replace('waktu = "15 menit"', 'waktu = "20 menit"', 1)


def test_a_crlf_file_stays_crlf_when_a_step_is_added(cuti):
    cuti.write_bytes(cuti.read_bytes().replace(b"\n", b"\r\n"))
    loaded = load(cuti)
    sop = edits.insert_step(loaded.sop, 1, edits.new_step(loaded.sop, 0))
    sop = sop.with_step(1, kegiatan="Mencatat permohonan", waktu="5 menit")
    save(sop, cuti, loaded.source)
    data = cuti.read_bytes()
    assert b"Mencatat permohonan" in data
    assert data.count(b"\n") == data.count(b"\r\n")
    assert load(cuti).sop == sop


def test_a_renamed_step_keeps_its_comments_and_key_order(cuti):
    text = cuti.read_text(encoding="utf-8").replace(
        '[[langkah]]\nid = "periksa"\n', '[[langkah]]\n# diperiksa oleh staf\nid = "periksa"  # dirujuk oleh langkah lain\n'
    )
    cuti.write_text(text, encoding="utf-8")
    loaded = load(cuti)
    index = [s.id for s in loaded.sop.langkah].index("periksa")
    save(edits.set_step(loaded.sop, index, id="verifikasi"), cuti, loaded.source)
    after = cuti.read_text(encoding="utf-8")
    assert after == text.replace('id = "periksa"', 'id = "verifikasi"').replace(
        'ya = "periksa"', 'ya = "verifikasi"'
    ).replace('lanjut = "periksa"', 'lanjut = "verifikasi"').replace('tidak = "periksa"', 'tidak = "verifikasi"')


def test_a_renamed_actor_keeps_its_comment(cuti):
    text = cuti.read_text(encoding="utf-8").replace(
        '[[pelaksana]]\nid = "staf"\n', '[[pelaksana]]\n# jabatan fungsional\nid = "staf"\n'
    )
    cuti.write_text(text, encoding="utf-8")
    loaded = load(cuti)
    save(edits.set_actor(loaded.sop, 1, id="pengelola"), cuti, loaded.source)
    after = cuti.read_text(encoding="utf-8")
    assert '# jabatan fungsional\nid = "pengelola"\nnama = "Staf Kepegawaian"' in after
    assert after == text.replace('id = "staf"', 'id = "pengelola"').replace('pelaksana = "staf"', 'pelaksana = "pengelola"')


def test_deleting_the_first_record_keeps_the_next_ones_comment(cuti):
    first = '[[riwayat]]\n# revisi pertama\ntanggal = 2024-03-01\nuraian = "Menyusun SOP"\noleh = "Staf"\n\n'
    text = cuti.read_text(encoding="utf-8").replace("[[riwayat]]\n", first + "[[riwayat]]\n# revisi kedua\n")
    cuti.write_text(text, encoding="utf-8")
    loaded = load(cuti)
    assert len(loaded.sop.riwayat) == 2
    save(edits.delete_record(loaded.sop, "riwayat", 0), cuti, loaded.source)
    assert cuti.read_text(encoding="utf-8") == text.replace(first, "")


def test_render_of_an_unchanged_model_is_the_file(cuti):
    loaded = load(cuti)
    assert render(loaded.sop, loaded.source) == cuti.read_bytes()
