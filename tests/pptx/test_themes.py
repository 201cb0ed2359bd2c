"""The deck takes its colours and font from a print theme (``-O theme=NAME``)."""

from __future__ import annotations

import io

import pytest

from soptui.exporters import ExportError, ExportInput
from soptui.themes import all_themes

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def fill_of(shape) -> str:
    return shape._element.spPr.find("a:solidFill/a:srgbClr", NS).get("val")


def fonts(prs) -> set[str]:
    return {latin.get("typeface") for slide in prs.slides for latin in slide.shapes._spTree.iter(f"{{{NS['a']}}}latin")}


@pytest.mark.parametrize("name", ["warna", "resmi"])
def test_colours_and_font_follow_the_theme(example_decks, build, name):
    theme = all_themes().themes[name].print
    _, sop, _ = example_decks[0]
    prs, _ = build(sop, options={"theme": name})
    band = next(shape for shape in prs.slides[1].shapes if shape.name == "Pita judul")
    assert fill_of(band) == theme.header_fill.lstrip("#").upper()
    symbols = [shape for slide in prs.slides for shape in slide.shapes if shape.name.startswith("langkah:")]
    decision = next(shape for shape in symbols if "Decision" in shape.auto_shape_type.name.title().replace("_", ""))
    assert fill_of(decision) == theme.symbol["keputusan"].lstrip("#").upper()
    assert fonts(prs) == {theme.font}


def test_the_default_theme_is_warna(exporter):
    assert {option.name: option.default for option in exporter.options}["theme"] == "warna"


def test_an_unknown_theme_names_the_choices(example_decks, exporter):
    path, sop, _ = example_decks[0]
    with pytest.raises(ExportError) as raised:
        exporter.write(ExportInput(sop, path, "0" * 64, None), io.BytesIO(), {"theme": "ungu"})
    assert "ungu" in str(raised.value) and "warna" in str(raised.value) and "resmi" in str(raised.value)
