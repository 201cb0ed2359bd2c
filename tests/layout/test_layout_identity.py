"""The identity page as layout: every cell and line placed, a long table continued, never shrunk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from soptui.corpus import generate_sop
from soptui.layout import PageOptions, identity_layout

LAWS = tuple(f"Peraturan Daerah Nomor {n} Tahun 2020 tentang Penyelenggaraan Urusan Pemerintahan Bidang {n} "
             "beserta seluruh perubahan dan peraturan pelaksanaannya" for n in range(1, 41))


def _long(sop):
    return replace(sop, identitas=replace(sop.identitas, dasar_hukum=LAWS,
                                          peralatan=tuple(f"Alat nomor {n}" for n in range(1, 30))))


def _texts(page):
    return [printed.text for cell in page.cells for printed in cell.lines]


@pytest.mark.parametrize("options", [PageOptions(footer=14), PageOptions(paper="F4", orientation="portrait",
                                                                         footer=14)])
def test_a_long_identity_table_continues_under_a_heading_at_the_same_size(options):
    layout = identity_layout(_long(generate_sop(3, steps=8, actors=3)), options)
    assert len(layout.pages) >= 2
    first, *rest = layout.pages
    assert first.heading is None and first.signature is not None
    for page in rest:
        assert page.heading is not None and page.heading.lines == ("Identitas SOP (lanjutan)",)
        assert page.signature is None
    printed = [line for page in layout.pages for line in _texts(page) for line in line.lines]
    assert "Dasar Hukum (lanjutan):" in printed
    words = " ".join(printed)
    assert all(f"Bidang {n} beserta" in words or f"Bidang {n}" in words for n in range(1, 41))
    assert {text.size for page in layout.pages for text in _texts(page)} <= {9.0, 9.9, 10.8}  # never shrunk
    top, _, bottom, _ = options.margin_units()
    for page in layout.pages:
        assert max(cell.box.bottom for cell in page.cells) <= page.height - bottom - options.footer + 0.01
        for cell in page.cells:
            for text in (printed.text for printed in cell.lines):
                assert cell.box.x <= text.box.x and text.box.right <= cell.box.right + 0.01
                assert cell.box.y <= text.box.y and text.box.bottom <= cell.box.bottom + 0.01


def test_a_short_identity_fills_one_page_with_the_signers_space_between_position_and_name():
    sop = generate_sop(2, steps=6, actors=2)
    layout = identity_layout(sop)
    [page] = layout.pages
    signer = sop.identitas.disahkan_oleh
    lines = {printed.text.lines[0]: printed for cell in page.cells for printed in cell.lines}
    name = lines[signer.nama]
    titles = [printed.text.lines[0] for cell in page.cells for printed in cell.lines if printed.style == "title"]
    assert name.style == "signer" and " ".join(titles) == sop.identitas.nama
    assert lines[signer.jabatan].text.box.bottom <= page.signature.y
    assert page.signature.bottom <= name.text.box.y + 0.01
    assert page.logo is None  # no logo named: no room kept for one


def test_a_logo_gets_its_box_above_the_nomenclature():
    sop = generate_sop(2, steps=6, actors=2)
    sop = replace(sop, identitas=replace(sop.identitas, logo="logo.png"))
    page = identity_layout(sop).pages[0]
    nomenclature = page.cells[0]
    assert page.logo is not None and nomenclature.box.x < page.logo.x
    assert page.logo.bottom <= nomenclature.lines[0].text.box.y
