"""The bound Dokumen SOP AP: contents that match the pages, bookmarks, page numbers, clear errors."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from _soptui_dokumen.binder import DECREE_PDF_LIMIT, build
from _soptui_dokumen.config import DokumenError
from soptui.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path):
    """The examples and their dokumen.toml, copied where a test may change them."""
    folder = tmp_path / "sop"
    folder.mkdir()
    for path in (ROOT / "examples").glob("*.toml"):
        shutil.copy(path, folder / path.name)
    return folder


def _pdf(path) -> PdfReader:
    stream = io.BytesIO()
    build(path, stream)
    return PdfReader(stream)


def _text(reader: PdfReader, page: int) -> str:
    """The text of a 1-based page, whitespace made single spaces."""
    return " ".join(reader.pages[page - 1].extract_text().split())


def _contents(reader: PdfReader) -> dict[str, int]:
    page = next(n for n in range(1, len(reader.pages) + 1) if _text(reader, n).startswith("DAFTAR ISI"))
    entries, title = {}, []
    for line in reader.pages[page - 1].extract_text().splitlines()[1:]:  # after the heading
        line = line.strip()
        if line.isdigit():  # a page number closes the (possibly wrapped) title above it
            entries[" ".join(title)] = int(line)
            title = []
        elif line:
            title.append(line)
    return entries


def _outline(reader: PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    result = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            result += _outline(reader, item, depth + 1)
        else:
            result.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    return result


def test_contents_page_numbers_match_the_real_pages(library):
    reader = _pdf(library / "dokumen.toml")
    contents = _contents(reader)
    sops = {title: page for title, page in contents.items() if title[0].isdigit()}
    assert len(sops) == 3
    for title, page in sops.items():
        name = re.match(r"\d+\. (.+) \(", title)[1]
        text = _text(reader, page)
        assert "Nomor SOP" in text and name in text, f"{title} is not on page {page}"
        assert "Kegiatan" not in text, "an SOP starts with its identity page"
    assert _text(reader, contents["Penjelasan Penggunaan Dokumen SOP"]).startswith("PENJELASAN")
    assert _text(reader, contents["Riwayat Revisi SOP"]).startswith("RIWAYAT REVISI SOP")
    assert "KEPUTUSAN SEKRETARIS DAERAH" in _text(reader, contents["Keputusan Nomor 800/120/SETDA/2024"])
    assert contents["Riwayat Revisi SOP"] == len(reader.pages)


def test_every_part_and_every_sop_has_a_bookmark_at_its_page(library):
    reader = _pdf(library / "dokumen.toml")
    outline = _outline(reader)
    titles = [title for _, title, _ in outline]
    assert titles[:5] == ["Sampul", "Keputusan Nomor 800/120/SETDA/2024", "Daftar Isi", "Penjelasan Penggunaan Dokumen SOP", "Daftar SOP"]
    assert titles[-1] == "Riwayat Revisi SOP"
    contents = _contents(reader)
    sop_marks = [(title, page) for depth, title, page in outline if depth == 1]
    assert [title for title, _ in sop_marks] == [title for title in contents if title[0].isdigit()]
    for title, page in sop_marks:
        assert contents[title] == page
    flowcharts = [page for depth, title, page in outline if depth == 2 and title == "Diagram Alir"]
    assert len(flowcharts) == 3
    for page in flowcharts:
        assert "Kegiatan" in _text(reader, page) and "Mutu Baku" in _text(reader, page)


def test_every_page_but_the_cover_carries_its_number(library):
    reader = _pdf(library / "dokumen.toml")
    assert "- 1 -" not in _text(reader, 1)
    for page in range(2, len(reader.pages) + 1):
        assert f"- {page} -" in _text(reader, page)


def test_the_revision_log_lists_the_history_of_every_sop(library):
    reader = _pdf(library / "dokumen.toml")
    text = _text(reader, len(reader.pages))
    assert "Menambahkan pemeriksaan sisa hak cuti pada buku register" in text
    assert "1 Juli 2024" in text


def test_a_signed_decree_pdf_is_included_and_the_numbers_follow(library):
    scan = library / "keputusan.pdf"
    canvas = Canvas(str(scan), pagesize=(595, 842), invariant=1)
    for page in (1, 2):
        canvas.drawString(72, 770, f"PINDAIAN KEPUTUSAN HALAMAN {page}")
        canvas.showPage()
    canvas.save()
    source = (library / "dokumen.toml").read_text(encoding="utf-8")
    (library / "dokumen.toml").write_text(source.replace("teks = \"\"\"", "pdf = \"keputusan.pdf\"\nteks_lama = \"\"\""), encoding="utf-8")
    reader = _pdf(library / "dokumen.toml")
    assert "PINDAIAN KEPUTUSAN HALAMAN 1" in _text(reader, 2)
    assert "PINDAIAN KEPUTUSAN HALAMAN 2" in _text(reader, 3)
    assert _text(reader, 4).startswith("DAFTAR ISI")
    for title, page in _contents(reader).items():
        if title[0].isdigit():
            assert re.match(r"\d+\. (.+) \(", title)[1] in _text(reader, page)


def test_a_decree_scan_over_the_limit_is_refused_saying_what_to_do_and_nothing_is_written(library, tmp_path):
    scan = library / "keputusan.pdf"
    with scan.open("wb") as stream:  # sparse: the size a careless 1200 dpi scan has, without the disk
        stream.truncate(DECREE_PDF_LIMIT + 1)
    source = (library / "dokumen.toml").read_text(encoding="utf-8")
    (library / "dokumen.toml").write_text(source.replace("teks = \"\"\"", "pdf = \"keputusan.pdf\"\nteks_lama = \"\"\""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["dokumen", str(library / "dokumen.toml"), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert f"PDF keputusan {scan} berukuran {DECREE_PDF_LIMIT + 1} bita, melebihi batas 50 MiB" in result.stderr
    assert "pindai ulang" in result.stderr
    assert not (tmp_path / "dist" / "dokumen.pdf").exists()


def test_folders_are_read_in_name_order_and_the_cover_shows_the_logo(library):
    from PIL import Image

    Image.new("RGB", (120, 160), "#1f4e79").save(library / "logo.png")
    source = (library / "dokumen.toml").read_text(encoding="utf-8")
    source = source.replace('# logo = "logo.png"', 'logo = "logo.png"')
    source = re.sub(r"berkas = \[[^\]]*\]", 'berkas = ["."]', source)
    (library / "dokumen.toml").write_text(source, encoding="utf-8")
    reader = _pdf(library / "dokumen.toml")
    sops = [title for title in _contents(reader) if title[0].isdigit()]
    assert [title.split(" (")[0] for title in sops] == [
        "1. Penyusunan Laporan Kinerja Instansi Pemerintah",  # laporan-kinerja.sop.toml
        "2. Pelayanan Permohonan Cuti Tahunan Pegawai",  # pengajuan-cuti.sop.toml
        "3. Pengelolaan Surat Masuk",  # surat-masuk.sop.toml
    ]
    assert len(reader.pages[0].images) == 1


def test_same_description_gives_the_same_bytes(library):
    first, second = io.BytesIO(), io.BytesIO()
    build(library / "dokumen.toml", first)
    build(library / "dokumen.toml", second)
    assert first.getvalue() == second.getvalue()


def test_mistakes_in_the_description_name_line_and_key(library):
    path = library / "dokumen.toml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("tahun = 2024\n", "tahun = \"2024\"\n").replace('"laporan-kinerja.sop.toml"', '"tidak-ada.sop.toml"'), encoding="utf-8")
    with pytest.raises(DokumenError) as raised:
        build(path, io.BytesIO())
    lines = [finding.format_line() for finding in raised.value.findings]
    year_line = source.splitlines().index("tahun = 2024") + 1
    value_column = len("tahun = ") + 1  # a finding points at the value
    assert any(line.startswith(f"{path}:{year_line}:{value_column}: D002 `dokumen.tahun` harus berupa bilangan bulat")
               for line in lines), lines
    assert any("D003" in line and "tidak-ada.sop.toml" in line for line in lines), lines


def test_cli_writes_next_to_the_description_or_into_the_output_folder(library, tmp_path):
    result = CliRunner().invoke(cli, ["dokumen", str(library / "dokumen.toml")])
    assert result.exit_code == 0, result.output
    assert (library / "dokumen.pdf").exists() and "3 SOP" in result.stderr
    result = CliRunner().invoke(cli, ["dokumen", str(library / "dokumen.toml"), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 0 and (tmp_path / "dist" / "dokumen.pdf").exists()


def test_export_and_dokumen_each_refuse_the_others_input_saying_which_command_takes_it(library, tmp_path):
    description, sop, out = library / "dokumen.toml", library / "surat-masuk.sop.toml", tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(description), "-f", "pdf", "-o", str(out)])
    assert result.exit_code == 2 and f"soptui dokumen {description}" in result.output
    result = CliRunner().invoke(cli, ["dokumen", str(sop), "-o", str(out)])
    assert result.exit_code == 2 and "soptui export" in result.output
    assert not out.exists()


def test_cli_refuses_an_sop_that_cannot_be_printed_and_writes_nothing(library, tmp_path):
    cuti = library / "pengajuan-cuti.sop.toml"
    cuti.write_text(cuti.read_text(encoding="utf-8").replace('pelaksana = "kasubbag"', 'pelaksana = "tidak-ada"'), encoding="utf-8")
    result = CliRunner().invoke(cli, ["dokumen", str(library / "dokumen.toml"), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert f"SOP {cuti} tidak dapat dicetak" in result.stderr
    assert not (tmp_path / "dist" / "dokumen.pdf").exists()


def test_a_description_under_another_name_is_known_by_its_dokumen_table(library, tmp_path):
    (library / "dokumen.toml").rename(library / "buku-sop-2024.toml")
    result = CliRunner().invoke(cli, ["dokumen", str(library / "buku-sop-2024.toml"), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dist" / "buku-sop-2024.pdf").exists()
    result = CliRunner().invoke(cli, ["export", str(library / "buku-sop-2024.toml"), str(library / "surat-masuk.sop.toml"), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "soptui dokumen" in result.output


def test_a_toml_mistake_is_reported_at_its_line(tmp_path):
    path = tmp_path / "dokumen.toml"
    path.write_text('[dokumen]\njudul = "SOP"\ntahun = = 2024\n', encoding="utf-8")
    with pytest.raises(DokumenError) as raised:
        build(path, io.BytesIO())
    (finding,) = raised.value.findings
    assert finding.format_line().startswith(f"{path}:3:9: S010 TOML tidak valid")  # as for an SOP file


def test_characters_the_font_lacks_are_named_when_the_bound_pdfa_is_refused(library, tmp_path):
    """The input's doing, not soptui's: the message names the characters, not a bug to report."""
    cuti = library / "pengajuan-cuti.sop.toml"
    text = cuti.read_text(encoding="utf-8")
    cuti.write_text(text.replace('nama = "', 'nama = "漢字 ', 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["dokumen", str(library / "dokumen.toml"), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "fon DejaVu Sans tidak memiliki 字 (U+5B57), 漢 (U+6F22)" in result.stderr
    assert "pengembang" not in result.stderr
    assert not (tmp_path / "dist" / "dokumen.pdf").exists()


def test_every_page_lists_only_the_faces_it_embeds(library):
    """reportlab's tables and canvases default to Helvetica, unembedded: listed on a page it is
    what PDF/A forbids, and it kept the page from the check for characters DejaVu Sans lacks."""
    import pikepdf

    stream = io.BytesIO()
    build(library / "dokumen.toml", stream)
    with pikepdf.open(io.BytesIO(stream.getvalue())) as pdf:
        faces = {str(font.get("/BaseFont")) for page in pdf.pages
                 for font in page.obj.get("/Resources", {}).get("/Font", {}).values()}
    assert faces == {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold"}


def test_characters_the_font_lacks_in_the_decree_are_named_too(library, tmp_path):
    description = library / "dokumen.toml"
    description.write_text(description.read_text(encoding="utf-8").replace('teks = """', 'teks = """\n漢字', 1),
                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["dokumen", str(description), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "fon DejaVu Sans tidak memiliki 字 (U+5B57), 漢 (U+6F22)" in result.stderr
