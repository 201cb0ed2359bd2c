"""Outputs say what the file says, or refuse: never a silent blank.

An empty file, a file without `nama` or with a date written as text used to
export as a PDF, PPTX, JSON and SVG with blanks where the file had (or
lacked) a value, exit 0, no message; `soptui layout --json` laid out files
the PDF refuses. Now every built-in exporter and `layout` refuse them with
the loader's finding, naming the file, line and field, and exit 1.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from tests.core.conftest import CLEAN

FORMATS = ("pdf", "pptx", "json", "svg")

REFUSED = {
    "empty file": ("", "S001", "`identitas`"),
    "nama missing": (CLEAN.replace('nama = "Pengelolaan Surat Masuk"\n', "", 1), "S001", "identitas.nama"),
    "date as text": (CLEAN.replace("tanggal_pembuatan = 2024-01-15", 'tanggal_pembuatan = "15-01-2024"'), "S002",
                     "identitas.tanggal_pembuatan"),
    "one step only": (CLEAN.split("[[langkah]]")[0] + "[[langkah]]" + CLEAN.split("[[langkah]]")[1], "S012", "`langkah`"),
    "step without actor": (CLEAN.replace('kegiatan = "Menerima surat masuk"\npelaksana = "staf"',
                                         'kegiatan = "Menerima surat masuk"\npelaksana = ""'), "S004",
                           "langkah[1].pelaksana"),
}


def run(*args: object):
    result = CliRunner().invoke(cli, [str(arg) for arg in args], color=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_every_exporter_refuses_a_file_the_loader_could_not_read_whole(tmp_path, case):
    text, code, field = REFUSED[case]
    path = tmp_path / "x.sop.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run("export", path, "-f", ",".join(FORMATS), "-o", out, "-j", "1")
    assert result.exit_code == 1, result.output
    exported = {"json"} if code == "S004" else set()  # JSON holds the data, not a flowchart: an empty actor is data
    for fmt in set(FORMATS) - exported:
        assert f"[{fmt}]" in result.output, (fmt, result.output)
    assert f"{path}:" in result.output and f" {code} " in result.output and field in result.output
    written = {p.suffix.lstrip(".") for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert written == exported


def test_the_same_sop_without_the_fault_exports_in_every_format(tmp_path):
    path = tmp_path / "x.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("export", path, "-f", ",".join(FORMATS), "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_layout_refuses_what_the_pdf_refuses(tmp_path, case):
    text, code, field = REFUSED[case]
    path = tmp_path / "x.sop.toml"
    path.write_text(text, encoding="utf-8")
    result = run("layout", "--json", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert f" {code} " in result.output and field in result.output and str(path) in result.output


def test_layout_of_a_clean_file_is_printed(tmp_path):
    path = tmp_path / "x.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("layout", "--json", path)
    assert result.exit_code == 0 and result.stdout.startswith("{")
