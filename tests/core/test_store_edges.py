"""Saving at its edges: what each refusal says and names, a new file's layout (sub-tables
and rows inside rows), the permissions a new file gets, temporary files left by killed
writers, and a replaced row that must not inherit another row's comments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import pytest

from soptui import store
from soptui.loader import load
from soptui.model import EvaluationRecord, Revision, Step
from soptui.store import CannotWrite, FileChangedOnDisk, FileExists, ReadOnly, flush_to_disk, new_file_text, save
from tests.core.conftest import CLEAN


@pytest.fixture
def sop_file(tmp_path):
    path = tmp_path / "surat.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_each_refusal_names_the_file_and_says_why(sop_file):
    loaded = load(sop_file)
    sop_file.write_text(CLEAN + "\n# diubah rekan\n", encoding="utf-8")
    with pytest.raises(FileChangedOnDisk) as changed:
        save(loaded.sop, sop_file, loaded.source)
    assert (changed.value.path, changed.value.removed) == (sop_file, False)
    assert str(changed.value) == f"{sop_file}: changed on disk since it was loaded"
    sop_file.unlink()
    with pytest.raises(FileChangedOnDisk) as removed:
        save(loaded.sop, sop_file, loaded.source)
    assert (removed.value.path, removed.value.removed) == (sop_file, True)
    assert str(removed.value) == f"{sop_file}: removed on disk since it was loaded"
    other = sop_file.with_name("lain.sop.toml")
    other.write_text("", encoding="utf-8")
    with pytest.raises(FileExists) as exists:
        save(loaded.sop, other)
    assert exists.value.path == other and str(exists.value) == f"{other}: already exists"
    other.chmod(0o444)
    with pytest.raises(ReadOnly) as read_only:
        save(loaded.sop, other, force=True)
    assert read_only.value.path == other and str(read_only.value) == f"{other}: read-only"


def test_a_model_toml_cannot_hold_is_refused_with_the_writers_reason(sop_file):
    loaded = load(sop_file)
    odd = dataclasses.replace(loaded.sop, extra={"kode": {1, 2}})
    with pytest.raises(CannotWrite) as with_path:
        save(odd, sop_file, loaded.source, force=True)
    assert with_path.value.path == sop_file
    assert str(with_path.value) == f"{sop_file}: cannot be written as TOML: {with_path.value.reason}"
    with pytest.raises(CannotWrite) as new:
        store.render(odd, None)
    assert new.value.path is None and str(new.value) == new.value.reason and "set" in new.value.reason


def test_a_new_file_reads_like_a_hand_written_one(sop_file):
    sop = load(sop_file).sop
    sop = dataclasses.replace(sop, evaluasi=(EvaluationRecord(penilai="Tim", jawaban={"mudah_dipahami": True}),))
    text = new_file_text(store.to_dict(sop))
    assert text.startswith("format = 1\n\n[identitas]\n") and text.endswith("= true\n") and "\n\n\n" not in text
    assert text.count("[[langkah]]\n") == 4 and text.count("[[pelaksana]]\n") == 2
    assert '[[evaluasi]]\npenilai = "Tim"\n\n[evaluasi.jawaban]\nmudah_dipahami = true\n' in text
    path = sop_file.with_name("baru.sop.toml")
    save(sop, path)
    assert load(path).sop == sop


def test_rows_holding_rows_are_written_whole_and_the_rows_after_them_too(sop_file):
    sop = load(sop_file).sop
    steps = list(sop.langkah)
    steps[1] = dataclasses.replace(steps[1], extra={"lampiran": [{"nama": "Formulir A"}, {"nama": "Formulir B"}]})
    sop = dataclasses.replace(sop, langkah=tuple(steps), riwayat=(Revision(dt.date(2024, 3, 1), "Menambah lampiran"),))
    path = sop_file.with_name("baru.sop.toml")
    save(sop, path)
    again = load(path).sop
    assert again == sop and again.langkah[1].extra["lampiran"][1] == {"nama": "Formulir B"}
    assert again.riwayat == sop.riwayat and [a.id for a in again.pelaksana] == ["staf", "kasubbag"]


def test_a_new_file_takes_the_umask(tmp_path, sop_file):
    sop = load(sop_file).sop
    old = os.umask(0o027)
    try:
        save(sop, tmp_path / "a.sop.toml")
    finally:
        os.umask(old)
    assert (tmp_path / "a.sop.toml").stat().st_mode & 0o777 == 0o640


def test_temporary_files_of_killed_writers_go_and_those_of_living_ones_stay(tmp_path, sop_file):
    folder = tmp_path / "bersama"
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = folder / f".surat.sop.toml.{dead.pid}.k3j2.tmp"
    living = folder / f".surat.sop.toml.{os.getpid()}.a1b2.tmp"
    unrelated = folder / ".catatan.tmp"
    for path in (orphan, living, unrelated):
        path.write_text("setengah")
    save(load(sop_file).sop, folder / "surat.sop.toml")
    assert not orphan.exists() and living.exists() and unrelated.exists()


def test_flushing_written_files_to_disk_takes_any_iterable(tmp_path):
    paths = [tmp_path / "a.json", tmp_path / "sub" / "b.json"]
    paths[1].parent.mkdir()
    for path in paths:
        path.write_text("{}")
    flush_to_disk(path for path in paths)
    flush_to_disk([tmp_path / "hilang.json"])  # best effort: a file gone meanwhile is no error


def test_a_row_replaced_by_an_unrelated_one_does_not_take_its_comments(sop_file):
    text = CLEAN.replace('[[langkah]]\nid = "agenda"\n', '[[langkah]]\n# catatan tentang agenda\nid = "agenda"\n')
    sop_file.write_text(text, encoding="utf-8")
    loaded = load(sop_file)
    steps = list(loaded.sop.langkah)
    steps[1] = Step(id="telaah", kegiatan="Menelaah isi surat", pelaksana="staf", waktu="20 menit", output="Telaahan")
    steps.insert(3, Step(id="paraf", kegiatan="Memaraf", pelaksana="kasubbag", waktu="5 menit", output="Paraf"))
    edited = dataclasses.replace(loaded.sop, langkah=tuple(steps))
    save(edited, sop_file, loaded.source)
    saved = sop_file.read_text(encoding="utf-8")
    assert "# catatan tentang agenda" not in saved
    assert load(sop_file).sop == edited


def test_a_file_with_mixed_line_endings_keeps_each_line_as_it_was(sop_file):
    text = CLEAN.replace('nama = "Staf Tata Usaha"\n', 'nama = "Staf Tata Usaha"\r\n')
    sop_file.write_bytes(text.encode())
    loaded = load(sop_file)
    save(loaded.sop.with_step(1, waktu="15 menit"), sop_file, loaded.source)
    assert sop_file.read_bytes() == text.replace('waktu = "10 menit"', 'waktu = "15 menit"').encode()


def _renamed(sop_file, changes: dict) -> str:
    """Save the CLEAN file with step "agenda" renamed and changed by ``changes``, and a step added
    elsewhere (so rows are not simply matched by place); return the saved text."""
    text = CLEAN.replace('[[langkah]]\nid = "agenda"\n', '[[langkah]]\n# catatan tentang agenda\nid = "agenda"\n')
    sop_file.write_text(text, encoding="utf-8")
    loaded = load(sop_file)
    steps = list(loaded.sop.langkah)
    steps[1] = dataclasses.replace(steps[1], id="catat", **changes)
    steps.append(Step(id="lapor", kegiatan="Melapor", pelaksana="kasubbag", waktu="5 menit", output="Laporan"))
    edited = dataclasses.replace(loaded.sop, langkah=tuple(steps))
    save(edited, sop_file, loaded.source)
    assert load(sop_file).sop == edited
    return sop_file.read_text(encoding="utf-8")


def test_a_renamed_row_sharing_half_its_values_keeps_its_comments(sop_file):
    # kegiatan, pelaksana, waktu, output: two of the four kept
    assert "# catatan tentang agenda\nid = \"catat\"" in _renamed(sop_file, {"kegiatan": "Mencatat", "waktu": "20 menit"})


def test_a_renamed_row_sharing_less_than_half_is_a_new_row(sop_file):
    # with keterangan, five values: two of them kept is less than half
    saved = _renamed(sop_file, {"kegiatan": "Mencatat", "waktu": "20 menit", "keterangan": "Buku agenda"})
    assert "# catatan tentang agenda" not in saved


def test_a_second_save_from_what_the_first_returned_still_touches_only_the_edit(sop_file):
    """The editor saves again and again from the source each save returns: the second save
    must patch the file as the first did, not write it anew without the user's comments."""
    sop_file.write_text("# disusun oleh Bagian Umum\n" + CLEAN, encoding="utf-8")
    loaded = load(sop_file)
    identity = loaded.sop.identitas
    first = dataclasses.replace(loaded.sop, identitas=dataclasses.replace(identity, nama="Surat Masuk"))
    source = save(first, sop_file, loaded.source)
    second = dataclasses.replace(first, identitas=dataclasses.replace(identity, nama="Surat Keluar"))
    save(second, sop_file, source)
    assert sop_file.read_text(encoding="utf-8") == "# disusun oleh Bagian Umum\n" + CLEAN.replace(
        'nama = "Pengelolaan Surat Masuk"', 'nama = "Surat Keluar"')
