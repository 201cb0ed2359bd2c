"""The edges of what a file may say: the first value refused and the last one accepted, for the
format version, dates (a datetime where a date is wanted, same-day dates), the NIP, the loader's
limits; and what a save must keep that the model does not hold (a BOM, values the loader refused)."""

from __future__ import annotations

import shutil

import pytest

from soptui import limits
from soptui.loader import load
from soptui.store import save
from tests.core.conftest import CLEAN, findings_for

NIP = 'nip = "196911041994031007"'


def found(tmp_path, text: str) -> list[tuple]:
    return [(f.code, f.line, f.col, f.field_name) for f in findings_for(tmp_path, text)]


@pytest.mark.parametrize("version", ["0", "-1"])
def test_a_format_below_one_is_refused(tmp_path, version):
    findings = findings_for(tmp_path, CLEAN.replace("format = 1", f"format = {version}"))
    assert [(f.code, f.line, f.col, f.field_name) for f in findings] == [("S002", 1, 10, "format")]
    assert f"= {version} " in findings[0].message() and "format = 1" in findings[0].message()
    assert findings[0].severity == "error"  # a file of an unknown format is not edited on


@pytest.mark.parametrize("value", ['"1"', "1.0", "true"])
def test_a_format_that_is_no_whole_number_is_refused(tmp_path, value):
    assert found(tmp_path, CLEAN.replace("format = 1", f"format = {value}")) == [("S002", 1, 10, "format")]


def test_format_one_and_no_format_at_all_are_the_current_format(tmp_path):
    assert found(tmp_path, CLEAN) == []
    assert load_text(tmp_path, CLEAN.replace("format = 1\n", "")).sop.format == 1


@pytest.mark.parametrize("value", ["2024-01-15T08:30:00", "2024-01-15 08:30:00", "2024-01-15T08:30:00+07:00", "08:30:00"])
def test_a_date_with_a_time_or_a_time_alone_is_not_a_date(tmp_path, value):
    findings = findings_for(tmp_path, CLEAN.replace("tanggal_pembuatan = 2024-01-15", f"tanggal_pembuatan = {value}"))
    assert [(f.code, f.line, f.col, f.field_name) for f in findings] == [("S002", 7, 21, "identitas.tanggal_pembuatan")]
    assert "tanggal (mis. 2024-01-15)" in findings[0].message()
    assert "tanggal dengan jam" in findings[0].message()


def test_a_datetime_in_a_record_is_refused_there(tmp_path):
    text = CLEAN + '\n[[riwayat]]\ntanggal = 2024-03-01T10:00:00\nuraian = "Revisi"\n'
    assert found(tmp_path, text) == [("S002", 54, 11, "riwayat[1].tanggal")]


def test_dates_on_the_day_the_sop_was_made_are_in_order(tmp_path):
    text = CLEAN.replace("tanggal_efektif = 2024-02-01", "tanggal_efektif = 2024-01-15\ntanggal_revisi = 2024-01-15") + (
        '\n[[riwayat]]\ntanggal = 2024-01-15\nuraian = "Disusun"\n'
        '\n[[monitoring]]\ntanggal = 2024-01-15\npenilaian = "baik"\n')
    assert found(tmp_path, text) == []


def test_a_date_one_day_before_the_sop_was_made_is_out_of_order(tmp_path):
    text = CLEAN.replace("tanggal_efektif = 2024-02-01", "tanggal_efektif = 2024-01-15\ntanggal_revisi = 2024-01-14") + (
        '\n[[monitoring]]\ntanggal = 2024-01-14\npenilaian = "baik"\n'
        '\n[[evaluasi]]\ntanggal = 2024-01-14\npenilai = "Tim"\n')
    assert found(tmp_path, text) == [("I006", 9, 18, "identitas.tanggal_revisi"), ("I006", 55, 11, "monitoring[1].tanggal"),
                                     ("I006", 59, 11, "evaluasi[1].tanggal")]


@pytest.mark.parametrize(("nip", "valid"), [
    ("196911041969031007", False),  # appointed in the year of birth
    ("196911041970031007", True),  # the year after: the first year the checker accepts
    ("196911041994001007", False),  # month 00
    ("196911041994011007", True),
    ("196911041994121007", True),
    ("196911041994030007", False),  # sex 0
    ("196911041994032007", True),
    ("197002291994031007", False),  # 29 February of a year without it
    ("197202291994031007", True),
    ("19691104 199403 1 007", True),
    (" 196911041994031007 ", True),
    ("19691104  199403 1 007", False),  # two spaces is a typo, not a separator
    ("1969110419940310071", False),
])
def test_a_nip_at_its_edges(tmp_path, nip, valid):
    expected = [] if valid else [("I005", 13, 7, "identitas.disahkan_oleh.nip")]
    assert found(tmp_path, CLEAN.replace(NIP, f'nip = "{nip}"')) == expected


def test_an_empty_nip_is_told_it_is_empty_not_malformed(tmp_path):
    assert found(tmp_path, CLEAN.replace(NIP, 'nip = ""')) == [("I011", 13, 7, "identitas.disahkan_oleh.nip")]


def test_text_at_its_length_limit_loads_and_one_more_character_is_refused(tmp_path):
    name = 'nama = "Staf Tata Usaha"'
    at_limit = CLEAN.replace(name, f'nama = "{"x" * limits.MAX_SHORT}"')
    assert load_text(tmp_path, at_limit).sop.pelaksana[0].nama == "x" * limits.MAX_SHORT
    over = load_text(tmp_path, CLEAN.replace(name, f'nama = "{"x" * (limits.MAX_SHORT + 1)}"'))
    assert over.sop is None and [(f.code, f.field_name) for f in over.findings] == [("S015", "pelaksana[1].nama")]
    text = "kata " * (limits.MAX_TEXT // 5)
    assert load_text(tmp_path, CLEAN.replace('kegiatan = "Mengarsipkan surat"', f'kegiatan = "{text}"')).sop is not None
    refused = load_text(tmp_path, CLEAN.replace('kegiatan = "Mengarsipkan surat"', f'kegiatan = "{text}x"'))
    assert refused.sop is None and [f.field_name for f in refused.findings] == ["langkah[4].kegiatan"]


def test_a_list_at_its_item_limit_loads_and_one_more_item_is_refused(tmp_path):
    def with_items(count: int) -> str:
        return CLEAN.replace("[identitas]\n", "[identitas]\nperalatan = [" + ", ".join(['"Komputer"'] * count) + "]\n")

    assert len(load_text(tmp_path, with_items(limits.MAX_ITEMS)).sop.identitas.peralatan) == limits.MAX_ITEMS
    over = load_text(tmp_path, with_items(limits.MAX_ITEMS + 1))
    assert over.sop is None and [(f.code, f.line, f.field_name) for f in over.findings] == [("S015", 4, "identitas.peralatan")]
    assert str(limits.MAX_ITEMS) in over.findings[0].message()


def test_actors_at_their_limit_load_and_one_more_is_refused(tmp_path):
    def with_actors(count: int) -> str:
        extra = "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "Jabatan {n}"\n\n' for n in range(count - 2))
        return CLEAN.replace("[[langkah]]", extra + "[[langkah]]", 1)

    assert len(load_text(tmp_path, with_actors(limits.MAX_ACTORS)).sop.pelaksana) == limits.MAX_ACTORS
    over = load_text(tmp_path, with_actors(limits.MAX_ACTORS + 1))
    assert over.sop is None and [f.field_name for f in over.findings] == ["pelaksana"]


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path, monkeypatch):
    data = CLEAN.encode("utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", len(data))
    assert load_text(tmp_path, CLEAN).sop is not None
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", len(data) - 1)
    refused = load_text(tmp_path, CLEAN)
    assert refused.sop is None and [(f.code, f.line, f.col) for f in refused.findings] == [("S015", 1, 1)]


def test_an_edit_keeps_the_byte_order_mark(tmp_path):
    path = tmp_path / "bom.sop.toml"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN.encode("utf-8"))
    loaded = load(path)
    assert loaded.findings == [] and loaded.sop.identitas.nama == "Pengelolaan Surat Masuk"
    save(loaded.sop.with_identity(nama="Pengelolaan Surat Keluar"), path, loaded.source)
    data = path.read_bytes()
    assert data == b"\xef\xbb\xbf" + CLEAN.replace("Surat Masuk", "Surat Keluar", 1).encode("utf-8")


def test_a_file_without_a_byte_order_mark_gets_none(tmp_path):
    path = tmp_path / "plain.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    loaded = load(path)
    save(loaded.sop.with_identity(nama="Lain"), path, loaded.source)
    assert path.read_bytes().startswith(b"format = 1\n")


@pytest.mark.parametrize(("old", "new"), [
    ('waktu = "10 menit"', "waktu = 10"),  # refused in the step the user edits
    ("tanggal_efektif = 2024-02-01", 'tanggal_efektif = "1 Februari 2024"'),  # refused in the table the user edits
    ('simbol = "keputusan"', 'simbol = "belah ketupat"'),
    ('instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "SEKRETARIAT DAERAH"]',
     'instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", 17]'),
])
def test_a_value_the_loader_refused_stays_in_the_file_when_the_user_edits_beside_it(tmp_path, old, new):
    path = tmp_path / "sop.toml"
    text = CLEAN.replace(old, new)
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert any(f.code == "S002" for f in loaded.findings)
    edited = loaded.sop.with_identity(nama="Pengelolaan Surat Keluar").with_step(1, kegiatan="Mencatat surat")
    save(edited, path, loaded.source)
    assert path.read_text(encoding="utf-8") == text.replace("Pengelolaan Surat Masuk", "Pengelolaan Surat Keluar").replace(
        'kegiatan = "Mencatat surat dalam buku agenda"', 'kegiatan = "Mencatat surat"')


def test_an_unknown_key_stays_when_its_step_is_edited(tmp_path, examples):
    path = tmp_path / "sop.toml"
    text = CLEAN.replace('waktu = "10 menit"', 'waktu = "10 menit"\nbiaya = "Rp 0"')
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    save(loaded.sop.with_step(1, waktu="15 menit"), path, loaded.source)
    assert path.read_text(encoding="utf-8") == text.replace('waktu = "10 menit"', 'waktu = "15 menit"')


def load_text(tmp_path, text: str):
    path = tmp_path / "batas.sop.toml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_examples_round_trip_with_a_bom_too(tmp_path, examples):
    for example in examples:
        path = tmp_path / example.name
        shutil.copy(example, path)
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
        before = path.read_bytes()
        loaded = load(path)
        save(loaded.sop, path, loaded.source)
        assert path.read_bytes() == before
