"""The catalogue opens in openpyxl and LibreOffice, and holds what the bureau tracks."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from dataclasses import replace

from click.testing import CliRunner
from lifecycle_fixtures import make_sop
from openpyxl import load_workbook

from soptui.cli import cli
from soptui.model import MonitoringRecord, Revision


def _library(tmp_path, write_sop):
    folder = tmp_path / "sop"
    good = make_sop(seed=1, nomor="800/001/BKD/2024", tanggal_efektif=dt.date(2024, 10, 1), instansi=("PEMERINTAH PROVINSI NTT", "BADAN KEPEGAWAIAN DAERAH", "BIDANG MUTASI"))
    good = replace(good, riwayat=(Revision(tanggal=dt.date(2024, 11, 5), uraian="Revisi"),),
                   monitoring=(MonitoringRecord(tanggal=dt.date(2025, 1, 10), penilaian="tidak_baik"),))
    write_sop("a-mutasi", good, folder)
    broken_flow = make_sop(seed=2, nomor="800/002/BKD/2024", tanggal_efektif=dt.date(2023, 1, 2))
    broken_flow = broken_flow.with_step(1, pelaksana="tidak-ada")
    write_sop("b-galat", broken_flow, folder)
    (folder / "c-rusak.sop.toml").write_text("format = 1\n[identitas\n", encoding="utf-8")
    return folder


def test_xlsx_has_header_filters_widths_and_one_row_per_sop(tmp_path, write_sop):
    folder = _library(tmp_path, write_sop)
    target = tmp_path / "katalog.xlsx"
    result = CliRunner().invoke(cli, ["katalog", str(folder), "-o", str(target), "--today", "2025-03-01"])
    assert result.exit_code == 0, result.output
    assert "3 SOP ditulis (2 dengan galat" in result.stderr
    sheet = load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    assert header[:7] == ["No", "Nomor SOP", "Nama SOP", "Unit Kerja", "Jenis SOP", "Tanggal Efektif", "Revisi Terakhir"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:R4"
    assert all(cell.font.b for cell in sheet[1])
    rows = {row[1]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    good = rows["800/001/BKD/2024"]
    assert good["Unit Kerja"] == "BIDANG MUTASI"
    assert good["Tanggal Efektif"] == dt.datetime(2024, 10, 1)
    assert good["Revisi Terakhir"] == dt.datetime(2024, 11, 5)
    assert good["Hasil Pemeriksaan"] == "Lolos pemeriksaan"
    assert good["Status Monitoring"] == "tepat waktu"
    assert good["Penilaian Monitoring Terakhir"] == "Tidak berjalan dengan baik"
    assert good["Status Evaluasi"] == "tepat waktu"
    failing = rows["800/002/BKD/2024"]
    assert failing["Hasil Pemeriksaan"] == "Ada galat" and failing["Galat"] >= 1
    assert failing["Status Evaluasi"] == "terlambat 424 hari"
    unreadable = rows[None]
    assert unreadable["Hasil Pemeriksaan"].startswith("Tidak terbaca: TOML tidak valid")
    assert unreadable["Berkas"].endswith("c-rusak.sop.toml")
    name_column = sheet.column_dimensions["C"].width
    assert name_column > sheet.column_dimensions["A"].width and name_column <= 62


def test_xlsx_opens_in_libreoffice(tmp_path, write_sop):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is needed for this test (apt-get install libreoffice-calc or -impress)"
    folder = _library(tmp_path, write_sop)
    target = tmp_path / "katalog.xlsx"
    CliRunner().invoke(cli, ["katalog", str(folder), "-o", str(target), "--today", "2025-03-01"])
    out = tmp_path / "lo"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "csv", "--outdir", str(out), str(target)],
        check=True, capture_output=True, timeout=180,
    )
    lines = list(csv.reader((out / "katalog.csv").read_text(encoding="utf-8", errors="replace").splitlines()))
    assert lines[0][:3] == ["No", "Nomor SOP", "Nama SOP"]
    assert [line[1] for line in lines[1:]] == ["800/001/BKD/2024", "800/002/BKD/2024", ""]


def test_csv_has_bom_for_excel_and_iso_dates(tmp_path, write_sop):
    folder = _library(tmp_path, write_sop)
    target = tmp_path / "katalog.csv"
    result = CliRunner().invoke(cli, ["katalog", str(folder), "-o", str(target), "--today", "2025-03-01", "--lang", "en"])
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert len(rows) == 3
    assert rows[0]["SOP number"] == "800/001/BKD/2024"
    assert rows[0]["Effective date"] == "2024-10-01"
    assert rows[0]["Monitoring status"] == "on time"


def test_stdout_csv_and_unknown_suffix(tmp_path, write_sop):
    folder = _library(tmp_path, write_sop)
    result = CliRunner().invoke(cli, ["katalog", str(folder), "-o", "-", "--today", "2025-03-01"])
    assert result.exit_code == 0
    assert result.stdout.startswith("No,Nomor SOP,")
    result = CliRunner().invoke(cli, ["katalog", str(folder), "-o", str(tmp_path / "k.ods")])
    assert result.exit_code == 2 and ".xlsx atau .csv" in result.output
