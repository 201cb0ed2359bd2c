"""Bad input: a deck whose flowchart would be wrong is refused with located errors."""

from __future__ import annotations

import io

import pytest

from soptui.exporters import ExportError, ExportInput
from soptui.loader import load

BROKEN = """format = 1
[identitas]
nama = "Rusak"
nomor = "1/2"
instansi = ["X"]
tanggal_pembuatan = 2024-01-01

[[pelaksana]]
id = "a"
nama = "A"

[[langkah]]
id = "s1"
kegiatan = "Mulai"
pelaksana = "zzz"

[[langkah]]
id = "s2"
kegiatan = "Selesai"
pelaksana = "a"
"""


def test_a_step_in_no_column_is_refused_with_file_line_and_field(tmp_path, exporter):
    path = tmp_path / "rusak.sop.toml"
    path.write_text(BROKEN, encoding="utf-8")
    sop = load(path).sop
    stream = io.BytesIO()
    with pytest.raises(ExportError) as raised:
        exporter.write(ExportInput(sop, path, "0" * 64, None), stream, {})
    message = str(raised.value)
    assert "PPTX tidak dibuat" in message
    assert f"{path}:15:" in message and "S004" in message and "zzz" in message
    assert stream.getvalue() == b""


def test_an_sop_without_actors_or_steps_still_gives_a_deck(tmp_path, build):
    path = tmp_path / "kosong.sop.toml"
    path.write_text('format = 1\n[identitas]\nnama = "Kosong"\n', encoding="utf-8")
    prs, count = build(load(path).sop, path)
    assert count == len(prs.slides) >= 3
    assert not any(shape.has_chart for slide in prs.slides for shape in slide.shapes)
