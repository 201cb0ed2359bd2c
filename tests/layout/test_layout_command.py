"""``soptui layout``: JSON that other programs can draw from, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from soptui.cli import cli

EXAMPLE = Path(__file__).parents[2] / "examples" / "pengajuan-cuti.sop.toml"


def test_json_holds_pages_grid_symbols_edges_and_connectors():
    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format"] == 1 and data["units"] == "pt" and data["paper"] == "A4"
    page = data["pages"][0]
    assert [c["key"] for c in page["columns"]][:2] == ["no", "kegiatan"]
    assert page["columns"][-1]["key"] == "keterangan"
    assert {"x", "y", "width", "height"} <= set(page["symbols"][0]["box"])
    labels = {tuple(edge["label"]["lines"]) for edge in page["edges"] if edge["label"]}
    assert ("Tidak lengkap",) in labels  # the file's own words for the branch
    assert all(len(point) == 2 for edge in page["edges"] for point in edge["points"])
    headings = {line for cell in page["header"] for line in cell["text"]["lines"]}
    assert {"No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"} <= headings


def test_paper_and_orientation_change_the_page():
    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json", "--paper", "F4", "--orientation", "portrait"])
    data = json.loads(result.output)
    assert data["paper"] == "F4" and data["orientation"] == "portrait"
    assert round(data["width"]) == 609 and round(data["height"]) == 935  # 215 x 330 mm


def test_json_is_one_compact_line_unless_indented():
    compact = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json"]).output
    indented = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json", "--indent", "2"]).output
    assert compact.count("\n") == 1 and '", "' not in compact and '": ' not in compact
    assert indented.count("\n") > 100 and '\n  "units": "pt",\n' in indented
    assert json.loads(compact) == json.loads(indented)


def test_summary_without_json():
    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--lang", "en"])
    assert result.exit_code == 0
    assert "1 page (A4, landscape): 8 symbols, 9 arrows, 0 connectors" in result.output


def test_a_broken_file_prints_its_findings_and_exits_1(tmp_path):
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text('format = 1\n[identitas\nnama = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["layout", str(broken), "--json"])
    assert result.exit_code == 1
    assert f"{broken}:2:" in result.output and "TOML" in result.output
    assert "Traceback" not in result.output


def test_json_is_exactly_the_checked_layout():
    """What programs in other languages read is the layout the invariant tests check."""
    from layout_checks import check_all

    from soptui.layout import PageOptions, compute_layout, layout_to_dict
    from soptui.loader import load

    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json", "--paper", "Legal"])
    sop = load(EXAMPLE).sop
    layout = compute_layout(sop, PageOptions(paper="Legal"))
    check_all(sop, layout)
    assert json.loads(result.output) == json.loads(json.dumps(layout_to_dict(layout)))


def test_the_published_schema_is_current_and_the_output_follows_it():
    import jsonschema

    from soptui.corpus import generate_sop
    from soptui.layout import CellMetrics, PageOptions, compute_layout, layout_to_dict
    from soptui.layout.schema import layout_schema

    schema = layout_schema()
    published = Path(__file__).parents[2] / "docs" / "layout.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == schema, "regenerate docs/layout.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)
    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json"])
    jsonschema.validate(json.loads(result.output), schema)
    cells = compute_layout(generate_sop(3, steps=30), PageOptions(width=100, height=60, metrics=CellMetrics(),
                                                                  symbol_numbers=True))
    assert any(page.connectors for page in cells.pages)
    jsonschema.validate(json.loads(json.dumps(layout_to_dict(cells))), schema)


def test_the_svg_example_of_the_documentation_draws_every_symbol(monkeypatch):
    import re
    import xml.dom.minidom

    root = Path(__file__).parents[2]
    doc = (root / "docs" / "layout.md").read_text(encoding="utf-8")
    code = re.search(r"### Example: a page as SVG.*?```python\n(.*?)```", doc, re.S).group(1)
    namespace: dict = {}
    monkeypatch.chdir(root)  # the example opens examples/ from the repository's root
    exec(compile(code, "docs/layout.md", "exec"), namespace)
    svg = xml.dom.minidom.parseString(namespace["svg"])
    page = namespace["layout"].pages[0]
    shapes = svg.getElementsByTagName("rect").length + svg.getElementsByTagName("polygon").length
    assert shapes >= len(page.symbols) + len(page.header)
    assert svg.getElementsByTagName("line").length == len(page.lines) > 4  # the outline and every inner line
    assert svg.getElementsByTagName("polyline").length == len(page.edges)
    assert "Tidak lengkap" in namespace["svg"]
