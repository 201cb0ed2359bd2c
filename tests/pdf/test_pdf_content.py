"""What a reader of the printed SOP finds in it: every field, on the right pages."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdf_helpers import chain, export, fills_with, make_sop, placed_texts, squeeze, word_boxes

from soptui.corpus import generate_sop
from soptui.loader import load
from soptui.model import IDENTITY_LISTS
from soptui.printed import tanggal


def test_dates_are_written_the_indonesian_way():
    import datetime as dt

    assert tanggal(dt.date(2024, 1, 15)) == "15 Januari 2024"
    assert tanggal(dt.date(2024, 12, 3)) == "3 Desember 2024"
    assert tanggal(None) == "-"


@pytest.mark.parametrize("name", ["surat-masuk", "pengajuan-cuti", "laporan-kinerja"])
def test_every_field_of_an_example_is_printed(examples, name):
    path = next(p for p in examples if p.name.startswith(name))
    sop = load(path).sop
    pdf = export(path)
    text = pdf.squeezed
    ident = sop.identitas
    signer = ident.disahkan_oleh
    expected = [ident.nama, ident.nomor, *(line.upper() for line in ident.instansi)]
    expected += [tanggal(ident.tanggal_pembuatan), tanggal(ident.tanggal_revisi), tanggal(ident.tanggal_efektif)]
    expected += [signer.jabatan, signer.nama, f"NIP. {signer.nip}"] if signer else []
    expected += [item for key in IDENTITY_LISTS for item in getattr(ident, key)]
    expected += [actor.nama for actor in sop.pelaksana]
    for step in sop.langkah:
        expected += [step.kegiatan, step.kelengkapan, step.waktu, step.output, step.keterangan]
    missing = [value for value in expected if value and squeeze(value) not in text]
    assert not missing
    for label in ("Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh", "Nama SOP",
                  "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan", "Kegiatan"):
        assert squeeze(label) in text, label


def test_every_page_has_the_footer(examples):
    path = examples[0]
    loaded = load(path)
    pdf = export(path)
    assert pdf.pages == len(pdf.reader.pages) == 1 + len(pdf.layout.pages)
    for index in range(pdf.pages):
        page = squeeze(pdf.page_text(index))
        assert squeeze(f"Halaman {index + 1} dari {pdf.pages}") in page
        assert squeeze(loaded.sop.identitas.nomor) in page
        assert loaded.source.sha256[:12] in page


def test_the_footer_hash_changes_with_the_file(examples, tmp_path):
    original = examples[0]
    copy = tmp_path / original.name
    copy.write_bytes(original.read_bytes() + b"\n# komentar baru\n")
    first, second = export(original), export(copy)
    assert load(original).source.sha256[:12] in first.text
    assert load(copy).source.sha256[:12] in second.text
    assert load(copy).source.sha256[:12] not in first.text


def test_the_same_input_gives_the_same_bytes(examples):
    for path in examples:
        assert export(path).data == export(path).data


def test_page_count_grows_with_the_steps():
    counts = [export(generate_sop(7, steps=steps, actors=4)).pages for steps in (10, 40, 120)]
    assert counts[0] < counts[1] < counts[2]


def test_connector_labels_match_on_the_pages_they_join():
    pdf = export(make_sop(chain(60)))
    connectors = [(number, c) for number, page in enumerate(pdf.layout.pages) for c in page.connectors]
    assert connectors, "a 60-step SOP should need off-page connectors"
    by_label: dict[str, list] = {}
    for number, connector in connectors:
        by_label.setdefault(connector.label, []).append((number, connector))
        drawn = placed_texts(pdf, number + 1)  # page 1 is the identity page
        inside = [t for t in drawn if t[0] == connector.label and _within(t, connector.box)]
        assert inside, f"label {connector.label} not drawn inside its connector on page {number + 2}"
    for label, pair in by_label.items():
        assert sorted(c.role for _, c in pair) == ["in", "out"], label
        (page_in, _), (page_out, _) = sorted(pair, key=lambda item: item[1].role)
        assert page_in > page_out


def _within(text, box) -> bool:
    _, x, y = text
    return box.x - 1 <= x <= box.right + 1 and box.y - 1 <= y <= box.bottom + 1


@pytest.mark.parametrize("paper", ["A4", "F4", "Letter", "Legal"])
def test_paper_and_orientation_set_the_page_size(paper):
    sop = make_sop(chain(6))
    landscape = export(sop, paper=paper)
    portrait = export(sop, paper=paper, orientation="portrait")
    width, height = (float(v) for v in landscape.reader.pages[0].mediabox.upper_right)
    assert width > height
    assert (width, height) == pytest.approx((landscape.layout.width, landscape.layout.height), abs=0.001)
    pw, ph = (float(v) for v in portrait.reader.pages[-1].mediabox.upper_right)
    assert (pw, ph) == pytest.approx((height, width))
    if paper == "F4":
        assert (height, width) == pytest.approx((215 * 72 / 25.4, 330 * 72 / 25.4))


def test_the_print_theme_colours_the_page_but_not_the_words(examples):
    official, coloured = export(examples[0]), export(examples[0], theme="warna")
    assert official.data != coloured.data
    assert official.text == coloured.text
    assert fills_with(coloured.reader.pages[1], "#1F4E79")  # warna's header fill
    assert not fills_with(official.reader.pages[1], "#1F4E79")


def test_every_font_is_embedded_and_every_character_prints():
    from soptui.model import Step

    unusual = "Memeriksa ≥ 3 berkas — «ḍaftar» milik Çağlar Ñuñez, ½ hari, № 7"
    steps = chain(3)
    steps[1] = Step("s2", unusual, "p2", waktu="½ hari")
    pdf = export(make_sop(steps))
    assert squeeze(unusual) in pdf.squeezed
    for page in pdf.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


def test_the_footer_stays_clear_of_the_table_on_every_page():
    laws = tuple(f"Peraturan Daerah Nomor {n} Tahun 2020 tentang Urusan Pemerintahan Bidang {n}" for n in range(60))
    sop = generate_sop(5, steps=40, actors=6)
    pdf = export(replace(sop, identitas=replace(sop.identitas, dasar_hukum=laws)))
    identity_pages = pdf.pages - len(pdf.layout.pages)
    assert identity_pages >= 2
    for index in range(pdf.pages):
        words = placed_texts(pdf, index)
        footer = min(y for word, x, y in words if word == "Halaman")
        above = [y for word, x, y in words if abs(y - footer) > 2]
        assert max(above) < footer - 6, f"page {index + 1}: text runs into the footer"
        if index >= identity_pages:
            assert pdf.layout.pages[index - identity_pages].table.bottom < footer - 3, f"page {index + 1}"


def test_words_longer_than_their_cell_are_broken_inside_the_page():
    nomor = "SOP/" + "0123456789" * 20
    law = "https://jdih.example.go.id/" + "peraturan-daerah-" * 12
    pdf = export(make_sop(chain(3), nomor=nomor, dasar_hukum=(law,)))
    page_width = float(pdf.reader.pages[0].mediabox.width)
    margin = 12 * 72 / 25.4
    for index in range(pdf.pages):
        for word, left, top, right, bottom in word_boxes(pdf, index):
            assert right <= page_width - margin + 1, f"page {index + 1}: {word[:30]} runs off the page"
    identity = squeeze(pdf.page_text(0))
    assert squeeze(nomor) in identity and squeeze(law) in identity
    assert "…" in pdf.page_text(1)  # the footer cuts a number too long for its third of the line


def test_the_outline_leads_to_the_identity_and_the_flowchart():
    pdf = export(generate_sop(2, steps=30, actors=4))
    assert pdf.reader.trailer["/Root"]["/Lang"] == "id"  # screen readers speak it as Indonesian
    outline = [(item.title, pdf.reader.get_destination_page_number(item)) for item in pdf.reader.outline]
    assert outline == [("Identitas SOP", 0), ("Diagram Alir", pdf.pages - len(pdf.layout.pages))]
