"""Every lifecycle command survives any file it is given: a finding or a clear
refusal naming the file and field, a non-zero exit, never a traceback; and its
output is data, never formulas or terminal commands."""

from __future__ import annotations

import csv
import errno
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from soptui.cli import cli

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "surat-masuk.sop.toml").read_text(encoding="utf-8")
NAME = 'nama = "Pengelolaan Surat Masuk"'


def _write(tmp_path: Path, text: str, name: str = "x.sop.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str):
    result = CliRunner().invoke(cli, [str(arg) for arg in args], color=True)  # keep escapes: click strips them otherwise
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


REFUSED = {
    "control character": (EXAMPLE.replace(NAME, 'nama = "Surat\\u001b[2J Masuk"'), "identitas.nama"),
    "nesting 2000 deep": (EXAMPLE + "\nlampiran = " + "[" * 2000 + "]" * 2000 + "\n", "S015"),
    "year 9999": (EXAMPLE + '\n[[monitoring]]\ntanggal = 9999-12-31\npenilaian = "baik"\n', "monitoring[1].tanggal"),
    "NUL in the logo": (EXAMPLE.replace(NAME, NAME + '\nlogo = "logo\\u0000.png"'), "identitas.logo"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_every_command_refuses_a_file_beyond_the_limits_naming_the_field(tmp_path, case):
    text, named = REFUSED[case]
    path = _write(tmp_path, text)
    other = _write(tmp_path, EXAMPLE, "y.sop.toml")
    runs = {
        "check": (_run("check", path), 1),
        "monev": (_run("monev", path), 2),
        "formulir monitoring": (_run("formulir", "monitoring", path, "-o", tmp_path / "m.pdf"), 2),
        "formulir evaluasi": (_run("formulir", "evaluasi", path, "-o", tmp_path / "e.pdf"), 2),
        "diff": (_run("diff", other, path), 2),
        "export": (_run("export", path, "-f", "json,pdf", "-o", tmp_path / "out", "-j", "1"), 1),
        "katalog": (_run("katalog", path, "-o", tmp_path / "k.csv"), 0),  # the catalogue lists it as unreadable
    }
    for command, (result, code) in runs.items():
        assert result.exit_code == code, (command, result.output)
        assert str(path) in result.output and named in result.output, (command, result.output)
        assert "\x1b" not in result.output, command


def test_bound_document_refuses_an_sop_beyond_the_limits(tmp_path):
    _write(tmp_path, REFUSED["control character"][0])
    dokumen = tmp_path / "dokumen.toml"
    dokumen.write_text('[dokumen]\njudul = "Dokumen SOP"\ninstansi = ["BIRO UMUM"]\ntahun = 2024\n\n'
                       '[sop]\nberkas = ["x.sop.toml"]\n', encoding="utf-8")
    result = _run("dokumen", dokumen)
    assert result.exit_code == 1 and "identitas.nama" in result.output
    dokumen.write_text(dokumen.read_text(encoding="utf-8") + "lampiran = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    result = _run("dokumen", dokumen)
    assert result.exit_code == 1 and f"{dokumen}:8:" in result.output and "S015" in result.output


def test_monev_shows_brackets_in_a_name_as_text_never_as_markup(tmp_path):
    path = _write(tmp_path, EXAMPLE.replace(NAME, 'nama = "[/]Surat [bold]Masuk"'))
    result = _run("monev", path, "--today", "2024-04-01")
    assert result.exit_code == 0, result.output
    assert "[/]Surat [bold]Masuk" in result.output


FORMULAS = ["=HYPERLINK(\\\"http://x\\\")", "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_catalogue_cells_are_never_formulas(tmp_path, formula):
    path = _write(tmp_path, EXAMPLE.replace(NAME, f'nama = "{formula}"'))
    assert _run("katalog", path, "-o", tmp_path / "k.xlsx").exit_code == 0
    cell = load_workbook(tmp_path / "k.xlsx").active["C2"]
    assert (cell.data_type, cell.quotePrefix, cell.value) == ("s", True, formula.replace("\\", ""))
    assert _run("katalog", path, "-o", tmp_path / "k.csv").exit_code == 0
    with open(tmp_path / "k.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == "'" + formula.replace("\\", "")


@pytest.mark.parametrize("case, named", [("empty file", "`identitas`"), ("name missing", "`identitas.nama`"),
                                          ("date written as text", "`identitas.tanggal_efektif`")])
def test_forms_refuse_a_file_read_with_blanks_where_it_says_something_else(tmp_path, case, named):
    """An export refuses these (the loader's S001, S002); a form printed from them had a blank name or date."""
    text = {"empty file": "", "name missing": EXAMPLE.replace(NAME + "\n", "", 1),
            "date written as text": EXAMPLE.replace("tanggal_efektif = 2024-03-18", 'tanggal_efektif = "18 Maret 2024"')}
    path = _write(tmp_path, text[case])
    for form in ("monitoring", "evaluasi"):
        result = _run("formulir", form, path, "-o", tmp_path / f"{form}.pdf")
        assert result.exit_code == 2, (form, result.output)
        assert f"{path}:" in result.output and named in result.output, result.output
        assert not (tmp_path / f"{form}.pdf").exists()


def test_monev_refuses_a_record_whose_date_it_could_not_read_instead_of_saying_never_monitored(tmp_path):
    record = '\n[[monitoring]]\ntanggal = "5 Agustus 2024"\npenilaian = "baik"\n'
    path = _write(tmp_path, EXAMPLE + record)
    result = _run("monev", path, "--today", "2024-09-01")
    assert result.exit_code == 2, result.output
    assert f"{path}:" in result.output and "monitoring[1].tanggal" in result.output, result.output
    assert "belum pernah" not in result.output


def test_catalogue_of_a_file_whose_name_holds_control_characters(tmp_path):
    path = _write(tmp_path, EXAMPLE, "surat\x01\x1b.sop.toml")
    assert _run("katalog", path, "-o", tmp_path / "k.xlsx").exit_code == 0
    assert load_workbook(tmp_path / "k.xlsx").active["R2"].value.endswith("surat\\x01\\x1b.sop.toml")


@pytest.mark.parametrize("command", [["katalog"], ["formulir", "monitoring"]])
def test_a_full_disk_is_a_clear_message_and_exit_1(tmp_path, monkeypatch, command):
    import soptui.store

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(soptui.store, "atomic_write", full)
    path = _write(tmp_path, EXAMPLE)
    result = _run(*command, path, "-o", tmp_path / "out.xlsx" if command == ["katalog"] else tmp_path / "out.pdf")
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "out." in result.output


def test_forms_continue_a_long_unbroken_note_on_the_next_page(tmp_path):
    record = '\n[[monitoring]]\ntanggal = 2024-05-01\npenilaian = "tidak_baik"\ncatatan = "{x}"\ntindakan = "{x}"\npenilai = "{p}"\n'
    evaluation = '\n[[evaluasi]]\ntanggal = 2024-05-01\ncatatan = "{x}"\ntindakan = "{x}"\npenilai = "{p}"\n'
    text = EXAMPLE + (record + evaluation).format(x="x" * 9_999, p="p" * 500)
    path = _write(tmp_path, text)
    for form in ("monitoring", "evaluasi"):
        result = _run("formulir", form, path, "-o", tmp_path / f"{form}.pdf")
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"{form}.pdf").read_bytes().startswith(b"%PDF")


def _sop_json(nama: str = "Surat Masuk", tanggal: str = "2024-01-15") -> str:
    import json

    steps = [{"id": "a", "kegiatan": "Menerima", "pelaksana": "staf"}, {"id": "b", "kegiatan": "Mencatat", "pelaksana": "staf"}]
    return json.dumps({"sop": {"format": 1, "identitas": {"nama": nama, "nomor": "800/1/X/2024", "instansi": ["BIRO"],
                                                          "tanggal_pembuatan": tanggal},
                               "pelaksana": [{"id": "staf", "nama": "Staf"}], "langkah": steps}})


HOSTILE_JSON = {
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, "32"),
    "an integer of 5,000 digits": ('{"sop": {"format": 1' + "0" * 5_000 + "}}", "64 bit"),
    "an escape sequence": (_sop_json(nama="Surat\u001b[2J"), "sop.identitas.nama"),
    "year 9999": (_sop_json(tanggal="9999-12-31"), "sop.identitas.tanggal_pembuatan"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_import_refuses_hostile_json_naming_the_place(tmp_path, case):
    text, named = HOSTILE_JSON[case]
    source = _write(tmp_path, text, "x.json")
    result = _run("import", source, "-o", tmp_path / "x.sop.toml")
    assert result.exit_code == 1 and str(source) in result.output and named in result.output, result.output
    assert not (tmp_path / "x.sop.toml").exists()


def test_import_of_a_fifo_is_refused_without_blocking(tmp_path):
    """In a subprocess with a bound: opening a FIFO to read waits for a writer, which would hang the suite."""
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "x.json")
    result = subprocess.run([sys.executable, "-m", "soptui", "import", str(tmp_path / "x.json"), "-o",
                             str(tmp_path / "x.sop.toml")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "FIFO" in result.stderr, result.stderr


def test_import_of_clean_json_writes_the_sop(tmp_path):
    result = _run("import", _write(tmp_path, _sop_json(), "x.json"), "-o", tmp_path / "x.sop.toml")
    assert result.exit_code == 0, result.output
