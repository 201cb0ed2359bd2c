"""The PDF exporter as users reach it: the entry point and `soptui export`."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from pypdf import PdfReader

from soptui.cli import cli
from soptui.plugins import get_plugins


def test_the_pdf_exporter_is_registered_through_the_entry_point():
    import _soptui_pdf

    exporter = get_plugins(quiet=True).exporter("pdf")
    assert exporter.write is _soptui_pdf.write
    assert exporter.suffix == ".pdf"
    assert {option.name for option in exporter.options} == {"paper", "orientation", "theme", "arsip"}


def test_soptui_export_writes_the_pdf(examples, tmp_path):
    source = next(p for p in examples if p.name.startswith("surat-masuk"))
    result = CliRunner().invoke(cli, ["export", str(source), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "surat-masuk.pdf")
    assert len(reader.pages) >= 2
    assert "Pengelolaan Surat Masuk" in reader.pages[0].extract_text()


def test_soptui_export_reports_a_missing_logo(examples, tmp_path):
    text = examples[0].read_text(encoding="utf-8").replace("[identitas]\n", '[identitas]\nlogo = "hilang.png"\n', 1)
    source = tmp_path / "sop" / "berlogo.sop.toml"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(source), "-f", "pdf", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "I009" in result.output and "hilang.png" in result.output
    assert not (tmp_path / "out" / "berlogo.pdf").exists()


def test_exporting_a_pdf_never_imports_textual(examples):
    code = (
        "import io, sys, _soptui_pdf\n"
        "from soptui.loader import load\n"
        "from soptui.exporters import ExportInput\n"
        f"l = load({str(examples[0])!r})\n"
        "_soptui_pdf.write(ExportInput(l.sop, l.path, l.source.sha256), io.BytesIO(), {})\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_two_runs_of_soptui_export_write_the_same_bytes(examples, tmp_path):
    """Another process, another hash seed, the same file: the same PDF."""
    import os

    source = next(p for p in examples if p.name.startswith("pengajuan-cuti"))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "soptui", "export", str(source), "-f", "pdf", "-o", str(out)],
                       env=env, capture_output=True, check=True)
        outputs.append((out / "pengajuan-cuti.pdf").read_bytes())
    assert outputs[0] == outputs[1]


def test_soptui_export_passes_paper_orientation_and_theme(examples, tmp_path):
    source = next(p for p in examples if p.name.startswith("surat-masuk"))
    args = ["export", str(source), "-f", "pdf", "-o", str(tmp_path),
            "-O", "pdf.paper=F4", "-O", "orientation=portrait", "-O", "theme=warna"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "surat-masuk.pdf")
    for page in reader.pages:
        width, height = (float(v) for v in page.mediabox.upper_right)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (215, 330)


def test_soptui_export_names_the_paper_sizes_for_a_wrong_one(examples, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(examples[0]), "-f", "pdf", "-o", str(tmp_path), "-O", "paper=A5"])
    assert result.exit_code != 0
    assert "A5" in result.output and "F4" in result.output


def test_the_users_settings_choose_the_default_paper_orientation_and_theme(monkeypatch, tmp_path):
    import io

    from pdf_helpers import chain, export_input, fills_with, make_sop

    import _soptui_pdf

    (tmp_path / "config.toml").write_text('paper = "Legal"\norientation = "portrait"\nprint_theme = "warna"\n')
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(tmp_path))
    stream = io.BytesIO()
    _soptui_pdf.write(export_input(make_sop(chain(3))), stream, {})
    reader = PdfReader(stream)
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 1008.0)
    assert fills_with(reader.pages[1], "#1F4E79")  # warna's header
    monkeypatch.setenv("SOPTUI_PAPER", "A4")
    assert _soptui_pdf.resolve_options({})["paper"] == "A4"
    assert _soptui_pdf.resolve_options({"paper": "F4"})["paper"] == "F4"
