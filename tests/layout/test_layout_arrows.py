"""The arrowhead is layout geometry (issue 14): one shape the PDF and the SVG both draw."""

from __future__ import annotations

import math
import zipfile

from soptui.corpus import generate_sop
from soptui.layout import compute_layout
from soptui.layout.arrows import ARROW_LENGTH, arrow


def test_the_head_points_at_the_route_end_and_keeps_its_size_on_a_short_last_leg():
    for route in (((0.0, 0.0), (0.0, 40.0)), ((0.0, 0.0), (10.0, 0.0), (10.0, 2.0))):
        shaft, (tip, left, right) = arrow(route)
        assert tip == route[-1] and shaft[-1] != route[-1] and shaft[:-1] == list(route[:-1])
        base = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
        assert math.isclose(math.dist(tip, base), ARROW_LENGTH)
    assert arrow(((1.0, 1.0),)) is None and arrow(((1.0, 1.0), (1.0, 1.0))) is None


def test_the_svg_draws_the_layouts_arrowheads(tmp_path):
    from click.testing import CliRunner

    from _soptui_svg import page_options
    from _soptui_svg.draw import _points  # the SVG's own number format
    from soptui.cli import cli
    from soptui.store import render

    source = tmp_path / "busy.sop.toml"
    sop = generate_sop(7, steps=12, actors=4, decisions=0.4)
    source.write_bytes(render(sop, None))
    result = CliRunner().invoke(cli, ["export", str(source), "-f", "svg", "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(next(tmp_path.glob("*.zip"))) as bundle:
        first = bundle.read(sorted(bundle.namelist())[0]).decode()
    page = compute_layout(sop, page_options({})).pages[0]
    for edge in page.edges:
        assert f'points="{_points(list(arrow(edge.points)[1]))}"' in first
