"""The loader's boundary: what is beyond soptui's limits is refused with a finding
naming the file, line and field, before anything else reads the value."""

from __future__ import annotations

import os

import pytest

from soptui import limits
from soptui.loader import load, load_bytes
from tests.core.conftest import CLEAN

ACTOR = 'nama = "Staf Tata Usaha"'


def refused(tmp_path, text: str, name: str = "sop.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert loaded.sop is None, "a file beyond the limits must not give a model"
    assert loaded.findings
    for finding in loaded.findings:
        assert finding.severity == "error" and finding.path == str(path) and finding.line >= 1
    return loaded.findings


@pytest.mark.parametrize(("value", "char"), [
    ("Staf\\u0000", "U+0000"), ("\\u001b]0;judul\\u0007Staf", "U+001B"), ("Staf\\u007f", "U+007F"),
    ("Staf\\u0085", "U+0085"), ("\\u202eStaf", "U+202E"), ("Staf\\uffff", "U+FFFF"), ("Staf\\u2028", "U+2028"),
    ("Staf\\b", "U+0008"), ("Staf\\f", "U+000C"),
    # noncharacters beyond the BMP, searched apart: the first unprintable character is still the one named
    ("Staf\\U0001FFFE", "U+1FFFE"), ("é\\U0010FFFF\\u0007", "U+10FFFF"), ("é\\u0007\\U0010FFFF", "U+0007"),
])
def test_unprintable_characters_are_refused_naming_the_field(tmp_path, value, char):
    [finding] = refused(tmp_path, CLEAN.replace(ACTOR, f'nama = "{value}"'))
    assert (finding.code, finding.field_name, finding.line) == ("S014", "pelaksana[1].nama", 17)
    assert char in finding.message() and char in finding.message("en")


def test_line_breaks_are_text_in_running_text_but_refused_in_a_number(tmp_path):
    text = CLEAN.replace('kegiatan = "Mencatat surat dalam buku agenda"', 'kegiatan = """Mencatat surat\n\tdalam buku agenda"""')
    path = tmp_path / "ok.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path).sop.langkah[1].kegiatan == "Mencatat surat\n\tdalam buku agenda"
    [finding] = refused(tmp_path, CLEAN.replace('nomor = "800/001/SEKR/2024"', 'nomor = "800/001\\nSEKR/2024"'))
    assert finding.field_name == "identitas.nomor" and "U+000A" in finding.message()


def test_a_key_name_with_a_control_character_is_refused(tmp_path):
    [finding] = refused(tmp_path, CLEAN.replace("[identitas]\n", '[identitas]\n"kode\\u001b" = 1\n'))
    assert finding.code == "S014" and "identitas.kode" in finding.message()


def test_arrays_nested_thousands_deep_are_refused_not_a_recursion_error(tmp_path):
    text = CLEAN + "\nlampiran = " + "[" * 2000 + "]" * 2000 + "\n"
    [finding] = refused(tmp_path, text)
    assert finding.code == "S015" and finding.line == CLEAN.count("\n") + 2


@pytest.mark.parametrize("text", [
    CLEAN + "\nlampiran = " + "[" * 40 + "]" * 40 + "\n",
    CLEAN + "\nlampiran = " + "{a = " * 40 + "1" + "}" * 40 + "\n",
    CLEAN.replace("[identitas]\n", "[identitas]\nlampiran" + ".a" * 3000 + " = 1\n"),
])
def test_nesting_beyond_the_depth_limit_is_refused_naming_the_key(tmp_path, text):
    findings = refused(tmp_path, text)
    assert [f.code for f in findings] == ["S015"]
    assert "lampiran" in findings[0].field_name


def test_an_integer_beyond_64_bits_is_refused(tmp_path):
    [finding] = refused(tmp_path, CLEAN.replace("format = 1", "format = 1\nnilai = " + "9" * 30))
    assert finding.code == "S015" and finding.field_name == "nilai" and finding.line == 2
    [finding] = refused(tmp_path, CLEAN.replace("format = 1", "format = 1\nnilai = " + "9" * 5000))
    assert finding.code == "S015" and finding.line == 2  # more digits than Python converts: refused at parse


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"])
def test_dates_outside_what_soptui_computes_with_are_refused(tmp_path, date):
    text = CLEAN + f'\n[[monitoring]]\ntanggal = {date}\npenilaian = "baik"\n'
    [finding] = refused(tmp_path, text)
    assert finding.field_name == "monitoring[1].tanggal" and date in finding.message()


def test_dates_at_the_edges_of_the_range_load(tmp_path):
    text = CLEAN.replace("tanggal_pembuatan = 2024-01-15", "tanggal_pembuatan = 1900-01-01").replace(
        "tanggal_efektif = 2024-02-01", "tanggal_efektif = 2999-12-31")
    path = tmp_path / "edges.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path).sop.identitas.tanggal_efektif.year == 2999


def test_text_longer_than_its_limit_is_refused(tmp_path):
    long_name = "x" * (limits.MAX_SHORT + 1)
    [finding] = refused(tmp_path, CLEAN.replace(ACTOR, f'nama = "{long_name}"'))
    assert finding.code == "S015" and str(limits.MAX_SHORT) in finding.message()
    long_text = "kata " * (limits.MAX_TEXT // 5 + 1)
    [finding] = refused(tmp_path, CLEAN.replace('kegiatan = "Mengarsipkan surat"', f'kegiatan = "{long_text}"'))
    assert finding.field_name == "langkah[4].kegiatan"


def test_running_text_may_be_long(tmp_path):
    text = CLEAN.replace('kegiatan = "Mengarsipkan surat"', f'kegiatan = "{"kata " * 1000}"')
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path).sop is not None


def test_too_many_actors_or_steps_are_refused(tmp_path, monkeypatch):
    actors = "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "Jabatan {n}"\n\n' for n in range(limits.MAX_ACTORS))
    [finding] = refused(tmp_path, CLEAN.replace("[[langkah]]", actors + "[[langkah]]", 1))
    assert finding.field_name == "pelaksana" and str(limits.MAX_ACTORS) in finding.message()
    monkeypatch.setitem(limits._COUNTS, "langkah", 3)
    [finding] = refused(tmp_path, CLEAN)
    assert finding.field_name == "langkah" and "4" in finding.message()


def test_a_file_beyond_the_size_limit_is_refused_without_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    [finding] = refused(tmp_path, CLEAN)
    assert finding.code == "S015" and (finding.line, finding.col) == (1, 1)


def test_many_problems_are_listed_up_to_a_limit(tmp_path):
    steps = "".join(f'[[langkah]]\nid = "s{n}"\nkegiatan = "a\\u0001"\npelaksana = "staf"\n\n' for n in range(30))
    findings = refused(tmp_path, CLEAN + "\n" + steps)
    assert len(findings) == limits.MAX_REPORTED + 1
    assert "10" in findings[-1].message()  # the 10 not shown are counted


@pytest.mark.parametrize("name", ["fifo", "folder"])
def test_a_fifo_or_folder_named_as_an_sop_is_a_finding_and_never_blocks(tmp_path, name):
    path = tmp_path / name
    os.mkfifo(path) if name == "fifo" else path.mkdir()
    loaded = load(path)  # a FIFO opened for reading would wait for a writer forever
    assert loaded.sop is None and loaded.findings[0].code == "S010"


def test_findings_print_control_characters_visibly(tmp_path):
    path = tmp_path / "judul\x1b]0;x\x07.toml"
    path.write_text(CLEAN.replace("format = 1", 'format = 1\nzz = "\\u001b[2J"'), encoding="utf-8")
    line = load(path).findings[0].format_line()
    assert "\x1b" not in line and "\x07" not in line and "\\x1b" in line


def test_load_bytes_applies_the_same_boundary():
    loaded = load_bytes(CLEAN.replace(ACTOR, 'nama = "a\\u0000"').encode(), "git:sop.toml")
    assert loaded.sop is None and loaded.findings[0].code == "S014"


@pytest.mark.parametrize("edit", ["a name past its limit", "a control character"])
def test_the_editor_never_saves_what_soptui_would_refuse_to_open_again(tmp_path, edit):
    """Typed in the editor, a value beyond the loader's limits would be saved and the file then refused: the
    save is refused instead, naming the field, and the file on disk is what it was."""
    import dataclasses

    from soptui.store import CannotWrite
    from soptui.tui.document import Document

    path = tmp_path / "surat.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    document = Document.open(path)
    nama = "N" * (limits.MAX_SHORT + 1) if edit == "a name past its limit" else "Surat\x1b[2J"
    document.history.apply(dataclasses.replace(document.sop, identitas=dataclasses.replace(document.sop.identitas,
                                                                                          nama=nama)))
    for save in (document.save, lambda: document.save_as(tmp_path / "salinan.sop.toml")):
        with pytest.raises(CannotWrite) as refused:
            save()
        assert "identitas.nama" in refused.value.reason
    assert path.read_text(encoding="utf-8") == CLEAN and not (tmp_path / "salinan.sop.toml").exists()
    assert load(path).sop is not None
