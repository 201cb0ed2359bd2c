"""The monitoring and evaluation forms print the records, and blank forms leave room to write."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from dataclasses import replace

from click.testing import CliRunner
from lifecycle_fixtures import make_sop
from pypdf import PdfReader

from _soptui_dokumen.forms import evaluation_form, history_rows, latest_rows, monitoring_form
from soptui.cli import cli
from soptui.model import EVALUATION_CRITERIA, EvaluationRecord, MonitoringRecord


def _text(data: bytes) -> str:
    """The text of every page, whitespace (and line wraps inside cells) made single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def _monitored(seed, nama, *records):
    return replace(make_sop(seed=seed, nama=nama), monitoring=tuple(MonitoringRecord(*record) for record in records))


def test_library_form_has_one_row_per_sop_with_its_latest_record():
    sops = [
        _monitored(1, "Pengelolaan Surat Masuk",
                   (dt.date(2024, 2, 1), "tidak_baik", "catatan lama", "tindakan lama", "Ani"),
                   (dt.date(2024, 8, 5), "baik", "Rata-rata selesai 2 hari", "Tidak ada", "Maria Seran")),
        _monitored(2, "Pelayanan Cuti Tahunan",
                   (dt.date(2024, 9, 9), "tidak_baik", "Berkas sering tidak lengkap", "Sosialisasi formulir", "Yohanes")),
        make_sop(seed=3, nama="Penyusunan Laporan Kinerja"),
    ]
    stream = io.BytesIO()
    pages = monitoring_form(latest_rows(sops), stream, "BADAN KEPEGAWAIAN DAERAH")
    text = _text(stream.getvalue())
    assert pages == len(PdfReader(io.BytesIO(stream.getvalue())).pages)
    assert "MONITORING PELAKSANAAN SOP AP" in text and "BADAN KEPEGAWAIAN DAERAH" in text
    for label in ("Prosedur", "Berjalan dengan", "Catatan Hasil Penilaian", "Tindakan yang Harus", "Paraf Penilai"):
        assert label in text
    assert "Rata-rata selesai 2 hari" in text and "Maria Seran" in text and "5 Agustus 2024" in text
    assert "catatan lama" not in text, "only the latest record of each SOP is printed"
    assert "Berkas sering tidak lengkap" in text and "Sosialisasi formulir" in text
    assert "Penyusunan Laporan Kinerja" in text
    assert text.count("\u2713") == 2


def test_judgement_is_ticked_in_the_right_column(tmp_path):
    columns = {}
    for penilaian in ("baik", "tidak_baik"):
        sop = _monitored(1, "Surat", (dt.date(2024, 8, 5), penilaian, "c", "t", "P"))
        pdf = tmp_path / f"{penilaian}.pdf"
        with open(pdf, "wb") as stream:
            monitoring_form(latest_rows([sop]), stream)
        layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        header = next(line for line in layout.splitlines() if "Berjalan" in line)
        tick = next(line for line in layout.splitlines() if "\u2713" in line)
        columns[penilaian] = (tick.index("\u2713"), header.index("Berjalan"))
    (good_tick, good_header), (bad_tick, _) = columns["baik"], columns["tidak_baik"]
    assert abs(good_tick - good_header) < 6, "Berjalan dengan baik is ticked under its own header"
    assert bad_tick > good_tick + 4, "Tidak berjalan dengan baik is ticked in the next column"


def test_history_form_of_one_sop_lists_every_record_oldest_first():
    sop = _monitored(1, "Surat", (dt.date(2024, 8, 5), "baik", "kedua", "", "B"), (dt.date(2024, 2, 1), "baik", "pertama", "", "A"))
    stream = io.BytesIO()
    monitoring_form(history_rows(sop), stream)
    text = _text(stream.getvalue())
    assert text.index("pertama") < text.index("kedua")


def test_evaluation_form_prints_every_criterion_and_the_answers():
    answers = {key: index % 2 == 0 for index, (key, _) in enumerate(EVALUATION_CRITERIA)}
    answers["kecepatan_layanan"] = True  # an agency's own criterion is printed after the seven
    record = EvaluationRecord(tanggal=dt.date(2025, 1, 20), penilai="Tim Evaluasi", catatan="SOP mudah dipahami",
                              tindakan="Perbarui dasar hukum", jawaban=answers)
    sop = replace(make_sop(nama="Pengelolaan Surat Masuk"), evaluasi=(record,))
    stream = io.BytesIO()
    evaluation_form([sop], stream)
    text = _text(stream.getvalue())
    for _, criterion in EVALUATION_CRITERIA:
        assert criterion in text
    assert "Kecepatan layanan" in text
    assert "20 Januari 2025" in text and "Tim Evaluasi" in text
    assert "SOP mudah dipahami" in text and "Perbarui dasar hukum" in text
    assert text.count("\u2713") == len(answers)


def test_blank_forms_keep_the_names_and_leave_judgements_empty(tmp_path, write_sop):
    sop = _monitored(1, "Pengelolaan Surat Masuk", (dt.date(2024, 8, 5), "baik", "sudah baik", "", "Maria"))
    folder = tmp_path / "sop"
    write_sop("surat", sop, folder)
    out = tmp_path / "kosong.pdf"
    result = CliRunner().invoke(cli, ["formulir", "monitoring", str(folder), "--kosong", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _text(out.read_bytes())
    assert "Pengelolaan Surat Masuk" in text
    assert "sudah baik" not in text and "\u2713" not in text
    result = CliRunner().invoke(cli, ["formulir", "evaluasi", "--kosong", "-o", str(tmp_path / "e.pdf")])
    assert result.exit_code == 0
    text = _text((tmp_path / "e.pdf").read_bytes())
    assert "Mampu mendorong peningkatan kinerja" in text and "\u2713" not in text


def test_forms_are_deterministic_and_unreadable_files_stop_them(tmp_path):
    sop = _monitored(1, "Surat", (dt.date(2024, 8, 5), "baik", "c", "t", "P"))
    first, second = io.BytesIO(), io.BytesIO()
    monitoring_form(latest_rows([sop]), first)
    monitoring_form(latest_rows([sop]), second)
    assert first.getvalue() == second.getvalue()
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("format = 1\n[identitas\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["formulir", "monitoring", str(tmp_path), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 2
    assert f"{broken}:2:" in result.stderr and not (tmp_path / "m.pdf").exists()
    result = CliRunner().invoke(cli, ["formulir", "monitoring", "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 2 and "--kosong" in result.output


def test_exporters_write_the_forms_of_one_sop_in_a_batch(tmp_path, write_sop):
    sop = _monitored(1, "Surat", (dt.date(2024, 8, 5), "baik", "catatan batch", "t", "P"))
    path = write_sop("surat", sop, tmp_path / "sop")
    result = CliRunner().invoke(cli, ["export", str(path), "-f", "monitoring,evaluasi", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "catatan batch" in _text((tmp_path / "out" / "surat.monitoring.pdf").read_bytes())
    assert "Mudah dipahami" in _text((tmp_path / "out" / "surat.evaluasi.pdf").read_bytes())


def test_the_form_states_the_period_its_records_cover():
    sops = [_monitored(1, "A", (dt.date(2024, 8, 5), "baik", "", "", "P")), _monitored(2, "B", (dt.date(2025, 1, 9), "baik", "", "", "P"))]
    stream = io.BytesIO()
    monitoring_form(latest_rows(sops), stream)
    assert "Tanggal monitoring: 5 Agustus 2024 s.d. 9 Januari 2025" in _text(stream.getvalue())
