"""The SVG exporter: the layout's pages as SVG, text as text, accessible names."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest

from _soptui_svg import page_options, read_pages
from soptui.corpus import generate_sop
from soptui.exporters import ExportError, ExportInput
from soptui.layout import compute_layout
from soptui.loader import load
from soptui.plugins import get_plugins

SVG = "{http://www.w3.org/2000/svg}"


def export(sop, path=None, **options):
    exporter = get_plugins().exporter("svg")
    values = {o.name: o.default for o in exporter.options} | options
    stream = io.BytesIO()
    pages = exporter.write(ExportInput(sop, path, "ab" * 32), stream, values)
    return pages, stream.getvalue()


def texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_one_svg_per_layout_page_with_the_pdf_geometry():
    sop = generate_sop(7, steps=40, actors=6)
    layout = compute_layout(sop, page_options({"paper": "A4", "orientation": "landscape"}))
    count, data = export(sop, paper="A4", orientation="landscape")
    pages = read_pages(data)
    assert count == len(layout.pages) == len(pages) > 1
    for page, svg in zip(layout.pages, pages):
        root = ET.fromstring(svg)
        _, _, width, height = map(float, root.get("viewBox").split())
        assert (width, height) == (round(page.width, 2), round(page.height, 2))
        rects = [(float(r.get("x")), float(r.get("y"))) for g in root.iter(f"{SVG}g")
                 if "simbol" in (g.get("class") or "") for r in g.iter(f"{SVG}rect")]
        expected = [(round(s.box.x, 2), round(s.box.y, 2)) for s in page.symbols if s.kind != "keputusan"]
        assert sorted(rects) == sorted(expected)


def test_every_steps_text_is_text_and_each_symbol_is_named_after_its_step(examples):
    for path in examples:
        loaded = load(path)
        _, data = export(loaded.sop, path)
        words = " ".join(" ".join(texts(svg)) for svg in read_pages(data)).split()
        for step in loaded.sop.langkah:
            for word in step.kegiatan.split():
                assert word in words, (path.name, step.id, word)
        labels = [g.get("aria-label") for svg in read_pages(data) for g in ET.fromstring(svg).iter(f"{SVG}g")
                  if g.get("role") == "graphics-symbol" and "simbol" in g.get("class")]
        assert len(labels) == len(loaded.sop.langkah)
        for number, step in enumerate(loaded.sop.langkah, start=1):
            assert any(label.startswith(f"Langkah {number} (") and label.endswith(step.kegiatan) for label in labels)


def test_each_page_has_a_title_and_a_description_it_is_named_by():
    sop = generate_sop(3, steps=30)
    for svg in read_pages(export(sop)[1]):
        root = ET.fromstring(svg)
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert root.get("aria-labelledby") == title.get("id") and root.get("aria-describedby") == desc.get("id")
        assert sop.identitas.nama in title.text and sop.identitas.nomor in desc.text
        assert root.get("lang") == "id"


def test_user_text_is_escaped_not_markup():
    sop = generate_sop(1, steps=10)
    sop = sop.with_step(1, kegiatan='Menerima <script>alert(1)</script> & "kutip"')
    svg = read_pages(export(sop)[1])[0]
    assert "<script>" not in svg
    assert any("<script>alert(1)</script>" in text for text in texts(svg))


def test_theme_colours_and_same_bytes_for_the_same_sop():
    sop = generate_sop(5)
    _, warna = export(sop, theme="warna")
    _, again = export(sop, theme="warna")
    _, resmi = export(sop, theme="resmi")
    assert warna == again and warna != resmi
    from soptui.themes import all_themes

    fill = all_themes().themes["warna"].print.symbol["proses"]
    assert f'fill="{fill}"' in read_pages(warna)[0]


def test_refuses_a_flowchart_it_would_draw_wrong():
    sop = generate_sop(2, steps=10)
    broken = sop.with_step(2, lanjut="tidak-ada")
    with pytest.raises(ExportError, match="SVG tidak dibuat"):
        export(broken)
    with pytest.raises(ExportError, match="theme"):
        export(sop, theme="tidak-ada")
