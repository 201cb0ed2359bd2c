"""Broken files: each must produce its finding at the right line and column,
with a message that names the field and says what to do."""

from __future__ import annotations

import pytest

from tests.core.conftest import CLEAN, findings_for

BROKEN = [
    # (what is wrong, the text, code, line, col, words the message must hold)
    ("TOML syntax", CLEAN.replace('nama = "Staf Tata Usaha"', 'nama = "Staf Tata Usaha'), "S010", 17, 24, "tanda kutip belum ditutup"),
    ("unclosed inline table", CLEAN.replace('nama = "Staf Tata Usaha"', 'nama = {a = 1'), "S010", 17, 14, "tabel `{` belum ditutup"),
    ("newer format", CLEAN.replace("format = 1", "format = 2"), "S009", 1, 10, "format 2"),
    ("missing nomor", CLEAN.replace('nomor = "800/001/SEKR/2024"\n', ""), "S001", 3, 1, "identitas.nomor"),
    ("missing kegiatan", CLEAN.replace('kegiatan = "Mencatat surat dalam buku agenda"\n', ""), "S001", 30, 1, "langkah[2].kegiatan"),
    ("wrong type", CLEAN.replace('waktu = "10 menit"', "waktu = 10"), "S002", 34, 9, "langkah[2].waktu"),
    ("date as text", CLEAN.replace("tanggal_pembuatan = 2024-01-15", 'tanggal_pembuatan = "15-01-2024"'), "S002", 7, 21, "tanggal (mis. 2024-01-15)"),
    ("bad symbol", CLEAN.replace('simbol = "keputusan"', 'simbol = "diamond"'), "S002", 41, 10, "terminator, proses, keputusan"),
    ("bad id", CLEAN.replace('id = "agenda"', 'id = "Agenda Surat"'), "S002", 31, 6, "huruf kecil"),
    ("unknown key", CLEAN.replace('waktu = "5 menit"\noutput = "Surat terarsip"', 'waktu = "5 menit"\noutput = "Surat terarsip"\nwaktuu = "x"'), "S011", 52, 10, "langkah[4].waktuu"),
    ("one step only", CLEAN.split("[[langkah]]")[0] + "[[langkah]]" + CLEAN.split("[[langkah]]")[1], "S012", 1, 1, "minimal 2"),
    ("duplicate id", CLEAN.replace('id = "agenda"', 'id = "terima"'), "S003", 31, 6, "terima"),
    ("unknown actor", CLEAN.replace('pelaksana = "kasubbag"', 'pelaksana = "kabag"'), "S004", 40, 13, "kabag"),
    ("unknown target", CLEAN.replace('tidak = "agenda"', 'tidak = "agendaa"'), "S005", 42, 9, "agendaa"),
    ("decision without tidak", CLEAN.replace('tidak = "agenda"\n', ""), "S006", 37, 1, "tidak"),
    ("ya equals tidak", CLEAN.replace('tidak = "agenda"', 'tidak = "arsip"'), "S007", 42, 9, "arsip"),
    ("lanjut on the end", CLEAN.replace('output = "Surat terarsip"', 'output = "Surat terarsip"\nlanjut = "agenda"'), "S008", 52, 10, "lanjut"),
    ("control character", CLEAN.replace('nama = "Staf Tata Usaha"', 'nama = "Staf\\u001b[2J Tata Usaha"'), "S014", 17, 8, "U+001B"),
    ("date beyond the limits", CLEAN.replace("tanggal_efektif = 2024-02-01", "tanggal_efektif = 9999-12-31"), "S015", 8, 19, "9999-12-31"),
    ("malformed NIP", CLEAN.replace('nip = "196911041994031007"', 'nip = "19691104199403100"'), "I005", 13, 7, "18 angka"),
]


@pytest.mark.parametrize(("case", "text", "code", "line", "col", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_is_reported_where_it_is_broken(tmp_path, case, text, code, line, col, words):
    findings = findings_for(tmp_path, text)
    matching = [f for f in findings if f.code == code]
    assert matching, f"{case}: expected {code}, got {[f.format_line() for f in findings]}"
    finding = matching[0]
    assert (finding.line, finding.col) == (line, col), finding.format_line()
    assert words in finding.message()
    assert finding.format_line().startswith(f"{tmp_path / 'sop.toml'}:{line}:{col}: {code} ")


def test_clean_file_has_no_findings(tmp_path):
    assert findings_for(tmp_path, CLEAN) == []


def test_file_that_is_not_utf8_is_a_finding(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(CLEAN.replace("Pengelolaan", "Pengelolaan é").encode("latin-1"))
    from soptui.loader import load

    loaded = load(path)
    assert loaded.sop is None
    assert [f.code for f in loaded.findings] == ["S010"]
    assert "UTF-8" in loaded.findings[0].message()


def test_missing_file_is_a_finding_not_an_exception(tmp_path):
    from soptui.loader import load

    loaded = load(tmp_path / "absent.toml")
    assert loaded.sop is None and loaded.findings[0].code == "S010"


def test_newer_format_names_both_versions(tmp_path):
    finding = findings_for(tmp_path, CLEAN.replace("format = 1", "format = 3"))[0]
    assert "format 3" in finding.message() and "format 1" in finding.message()
    assert "format 3" in finding.message("en") and "format 1" in finding.message("en")


def test_unknown_keys_are_kept_in_the_model(tmp_path):
    from soptui.loader import load

    path = tmp_path / "x.toml"
    path.write_text(CLEAN.replace("[identitas]\n", "[identitas]\nkode_unit = 'B-12'\n"), encoding="utf-8")
    loaded = load(path)
    assert loaded.sop.identitas.extra == {"kode_unit": "B-12"}
    assert [f.severity for f in loaded.findings] == ["warning"]


def test_wrong_value_keeps_the_rest_of_the_model(tmp_path):
    from soptui.loader import load

    path = tmp_path / "x.toml"
    path.write_text(CLEAN.replace('waktu = "10 menit"', "waktu = 10"), encoding="utf-8")
    sop = load(path).sop
    assert [s.id for s in sop.langkah] == ["terima", "agenda", "periksa", "arsip"]
    assert sop.langkah[1].waktu == "" and sop.langkah[1].kegiatan == "Mencatat surat dalam buku agenda"


def test_a_line_break_character_inside_a_string_does_not_shift_the_lines_after_it(tmp_path):
    first, later = 'nama = "Staf\x85Tata Usaha"', 'kegiatan = "Mencatat\u2028surat dalam buku agenda"'
    text = CLEAN.replace('nama = "Staf Tata Usaha"', first).replace('kegiatan = "Mencatat surat dalam buku agenda"', later)
    lines = text.split("\n")  # TOML's lines: a line feed ends one, nothing else
    expected = [("S014", lines.index(first) + 1), ("S014", lines.index(later) + 1)]
    assert [(f.code, f.line) for f in findings_for(tmp_path, text)] == expected


def test_values_that_confuse_the_line_scanner_never_stop_it(tmp_path):
    """A multi-line string holding brackets inside an array: the scanner that places findings
    once went round for ever there, eating memory; in a subprocess so a hang fails the test."""
    import subprocess
    import sys

    text = CLEAN.replace("[identitas]\n", '[identitas]\nlampiran = ["""a\n}\n]""", "b", { c = """\n}}\n""" }]\n') + "\nx_y = 1\n"
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    code = "import sys; from soptui.loader import load; print(len(load(sys.argv[1]).findings))"
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and int(result.stdout) >= 2, result.stderr
