"""The flowchart slides: native symbols, glued connectors drawn along the layout's routes."""

from __future__ import annotations

import math

import pytest
from pptx.enum.shapes import MSO_SHAPE

from soptui.corpus import generate_sop
from soptui.layout import compute_layout
from soptui_pptx.elbow import geometry

PT = 12700
#: How closely a drawn connector follows its route, in points (a degenerate box side is widened to 0.1 pt).
TOLERANCE = 0.15
KINDS = {
    "terminator": MSO_SHAPE.FLOWCHART_TERMINATOR,
    "proses": MSO_SHAPE.FLOWCHART_PROCESS,
    "keputusan": MSO_SHAPE.FLOWCHART_DECISION,
}
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def flowchart_slides(prs) -> list:
    return [s for s in prs.slides
            if any(sh.name == "Judul" and sh.text_frame.text.startswith("Diagram Alir") for sh in s.shapes)]


def slide_text(slide) -> str:
    return " ".join(" ".join(sh.text_frame.text.split()) for sh in slide.shapes if sh.has_text_frame)


def connectors(slide) -> list:
    return slide.shapes._spTree.findall("p:cxnSp", NS)


def by_id(slide) -> dict:
    return {shape.shape_id: shape for shape in slide.shapes}


@pytest.fixture(scope="module")
def decks(example_decks, build):
    """The examples plus two generated SOPs with many branches, each with its layout."""
    extra = [generate_sop(seed, steps=30, actors=5) for seed in (3, 17)]
    return [(sop, prs) for _, sop, prs in example_decks] + [(sop, build(sop)[0]) for sop in extra]


@pytest.fixture(scope="module")
def layouts(decks, exporter):
    return [compute_layout(sop, exporter.page_options({})) for sop, _ in decks]


def test_one_slide_per_layout_page(decks, layouts):
    for (sop, prs), layout in zip(decks, layouts):
        assert len(flowchart_slides(prs)) == len(layout.pages)


def test_every_step_has_one_symbol_of_its_kind_beside_its_text(decks):
    for sop, prs in decks:
        for step in sop.langkah:
            found = [(slide, shape) for slide in flowchart_slides(prs) for shape in slide.shapes
                     if shape.name == f"langkah:{step.id}"]
            assert len(found) == 1, step.id
            slide, shape = found[0]
            assert shape.auto_shape_type == KINDS[sop.flow.symbols[step.id]], step.id
            assert " ".join(step.kegiatan.split()) in slide_text(slide), step.id
            number = sop.langkah.index(step) + 1
            assert shape._element.nvSpPr.cNvPr.get("descr") == f"{number}. {step.kegiatan}"  # its alternative text


def test_every_connector_is_glued_at_both_ends_with_an_arrowhead(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            shapes = by_id(slide)
            for cxn in connectors(slide):
                name = cxn.find("p:nvCxnSpPr/p:cNvPr", NS).get("name")
                begin = cxn.find("p:nvCxnSpPr/p:cNvCxnSpPr/a:stCxn", NS)
                end = cxn.find("p:nvCxnSpPr/p:cNvCxnSpPr/a:endCxn", NS)
                assert begin is not None and end is not None, name
                source, target = name.removeprefix("panah:").split(":")[0].split("->")
                begin_name = shapes[int(begin.get("id"))].name
                end_name = shapes[int(end.get("id"))].name
                assert begin_name == f"langkah:{source}" or begin_name.endswith(":in"), (name, begin_name)
                assert end_name == f"langkah:{target}" or end_name.endswith(":out"), (name, end_name)
                assert cxn.find("p:spPr/a:ln/a:tailEnd", NS).get("type") == "triangle"
                assert cxn.find("p:spPr/a:prstGeom", NS).get("prst").startswith("bentConnector")


def test_every_arrow_of_the_flow_is_drawn_directly_or_through_paired_off_page_connectors(decks):
    for sop, prs in decks:
        drawn: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        for number, slide in enumerate(flowchart_slides(prs)):
            shapes = by_id(slide)
            for cxn in connectors(slide):
                name = cxn.find("p:nvCxnSpPr/p:cNvPr", NS).get("name")
                source, target = name.removeprefix("panah:").split(":")[0].split("->")
                begin = shapes[int(cxn.find(".//a:stCxn", NS).get("id"))].name
                end = shapes[int(cxn.find(".//a:endCxn", NS).get("id"))].name
                drawn.setdefault((source, target), []).append((number, begin, end))
        for edge in sop.flow.edges:
            parts = drawn.get((edge.source, edge.target))
            assert parts, (edge.source, edge.target)
            if len(parts) == 1:
                continue
            assert len(parts) == 2, parts
            (page_out, _, out), = [part for part in parts if part[2].endswith(":out")]
            (page_in, into, _), = [part for part in parts if part[1].endswith(":in")]
            assert out.removesuffix(":out") == into.removesuffix(":in") and page_out != page_in, parts


def test_branch_labels_are_on_the_decision_slide(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            text = slide_text(slide)
            names = {shape.name for shape in slide.shapes}
            for edge in sop.flow.edges:
                if edge.label and f"langkah:{edge.source}" in names:
                    assert any(f"label:{edge.source}:{edge.branch}" == n for n in names), edge
                    assert " ".join(edge.label.split()) in text


def test_connectors_follow_the_routes_of_the_layout(decks, layouts):
    for (sop, prs), layout in zip(decks, layouts):
        for slide, page in zip(flowchart_slides(prs), layout.pages):
            routes = {}
            for edge in page.edges:
                routes.setdefault(f"panah:{edge.source}->{edge.target}:{edge.branch}", []).append(edge.points)
            for cxn in connectors(slide):
                name = cxn.find("p:nvCxnSpPr/p:cNvPr", NS).get("name")
                drawn = simplify(rendered(cxn))
                wanted = [simplify([(x, y + 56) for x, y in points]) for points in routes[name]]
                assert any(same(drawn, route) for route in wanted), (name, drawn, wanted)


def test_glue_sites_are_on_the_side_the_route_leaves_and_enters(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            shapes = by_id(slide)
            for cxn in connectors(slide):
                path = simplify(rendered(cxn))
                begin = cxn.find(".//a:stCxn", NS)
                end = cxn.find(".//a:endCxn", NS)
                assert on_side(shapes[int(begin.get("id"))], int(begin.get("idx")), path[0])
                assert on_side(shapes[int(end.get("id"))], int(end.get("idx")), path[-1])


def test_flowchart_notes_hold_the_keterangan_of_the_steps_on_the_slide(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            names = {shape.name for shape in slide.shapes}
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for step in sop.langkah:
                if step.keterangan and f"langkah:{step.id}" in names:
                    assert step.keterangan in notes


ROUTES = {
    "hand-off right": [(100, 100), (100, 120), (200, 120), (200, 150)],
    "hand-off left": [(200, 100), (200, 120), (100, 120), (100, 150)],
    "back up, out and in on the right": [(100, 200), (130, 200), (130, 50), (100, 50)],
    "back up on the left": [(100, 200), (70, 200), (70, 50), (100, 50)],
    "forward jump on the right": [(100, 50), (160, 50), (160, 200), (110, 200)],
    "straight down": [(100, 100), (100, 150)],
    "straight left": [(200, 100), (100, 100)],
    "across then down": [(100, 100), (200, 100), (200, 150)],
    "up then across": [(100, 150), (100, 100), (40, 100)],
    "four legs": [(100, 100), (150, 100), (150, 60), (220, 60), (220, 20)],
    "five legs": [(100, 100), (100, 130), (300, 130), (300, 40), (250, 40), (250, 10)],
}


@pytest.mark.parametrize("route", ROUTES.values(), ids=ROUTES.keys())
def test_elbow_geometry_draws_the_route_it_is_given(route):
    g = geometry(tuple(route))
    drawn = simplify(bent(g.preset, g.x, g.y, g.width, g.height, g.rotation, g.flip_h, g.flip_v, g.adjust))
    assert same(drawn, simplify(route)), (drawn, route)
    assert all(abs(value) < 2**31 for value in g.adjust)


def test_a_route_of_more_legs_than_a_connector_has_keeps_its_ends_and_directions():
    route = [(0, 0), (0, 10), (20, 10), (20, 30), (40, 30), (40, 50), (60, 50), (60, 70)]
    g = geometry(tuple(route))
    drawn = simplify(bent(g.preset, g.x, g.y, g.width, g.height, g.rotation, g.flip_h, g.flip_v, g.adjust))
    assert math.dist(drawn[0], route[0]) < TOLERANCE and math.dist(drawn[-1], route[-1]) < TOLERANCE
    assert drawn[1][0] == pytest.approx(route[0][0]) and drawn[-2][0] == pytest.approx(route[-1][0])


# -- an independent reading of DrawingML connector geometry (ECMA-376 presets) --

def rendered(cxn) -> list[tuple[float, float]]:
    """The polyline an office suite draws for a bent connector, in points on the slide."""
    xfrm = cxn.find("p:spPr/a:xfrm", NS)
    x, y = int(xfrm.find("a:off", NS).get("x")) / PT, int(xfrm.find("a:off", NS).get("y")) / PT
    w, h = int(xfrm.find("a:ext", NS).get("cx")) / PT, int(xfrm.find("a:ext", NS).get("cy")) / PT
    geom = cxn.find("p:spPr/a:prstGeom", NS)
    adjust = [int(gd.get("fmla").split()[1]) for gd in geom.findall("a:avLst/a:gd", NS)]
    return bent(geom.get("prst"), x, y, w, h, int(xfrm.get("rot", "0")) / 60000, xfrm.get("flipH") == "1",
                xfrm.get("flipV") == "1", adjust)


def bent(preset, x, y, w, h, degrees, flip_h, flip_v, adjust) -> list[tuple[float, float]]:
    """ECMA-376 bentConnector2..5 in a box, flipped, then turned about its centre."""
    a1, a2, a3 = ([value / 100000 for value in adjust] + [0.5, 0.5, 0.5])[:3]
    local = {
        "bentConnector2": [(0, 0), (w, 0), (w, h)],
        "bentConnector3": [(0, 0), (w * a1, 0), (w * a1, h), (w, h)],
        "bentConnector4": [(0, 0), (w * a1, 0), (w * a1, h * a2), (w, h * a2), (w, h)],
        "bentConnector5": [(0, 0), (w * a1, 0), (w * a1, h * a2), (w * a3, h * a2), (w * a3, h), (w, h)],
    }[preset]
    angle = math.radians(degrees)
    out = []
    for lx, ly in local:
        rx, ry = lx - w / 2, ly - h / 2
        rx, ry = (-rx if flip_h else rx), (-ry if flip_v else ry)
        rx, ry = rx * math.cos(angle) - ry * math.sin(angle), rx * math.sin(angle) + ry * math.cos(angle)
        out.append((x + w / 2 + rx, y + h / 2 + ry))
    return out


def simplify(points) -> list[tuple[float, float]]:
    kept: list[tuple[float, float]] = []
    for p in points:
        if kept and math.dist(p, kept[-1]) < TOLERANCE:
            continue
        if len(kept) >= 2 and (_same_line(kept[-2], kept[-1], p)):
            kept[-1] = p
            continue
        kept.append(p)
    return kept


def _same_line(a, b, c) -> bool:
    return ((abs(a[0] - b[0]) < TOLERANCE and abs(b[0] - c[0]) < TOLERANCE)
            or (abs(a[1] - b[1]) < TOLERANCE and abs(b[1] - c[1]) < TOLERANCE))


def same(a, b) -> bool:
    return len(a) == len(b) and all(math.dist(p, q) < TOLERANCE + 0.05 for p, q in zip(a, b))


def on_side(shape, site: int, point) -> bool:
    """Whether ``point`` lies on the side of ``shape`` its connection site names (0 top, 1 left, 2 bottom, 3 right)."""
    left, top = shape.left / PT, shape.top / PT
    right, bottom = left + shape.width / PT, top + shape.height / PT
    x, y = point
    tolerance = 0.6
    if site in (0, 2):
        edge_y = top if site == 0 else bottom
        return abs(y - edge_y) < tolerance and left - tolerance <= x <= right + tolerance
    edge_x = left if site == 1 else right
    return abs(x - edge_x) < tolerance and top - tolerance <= y <= bottom + tolerance


def test_flowchart_slides_show_the_flow_and_leave_mutu_baku_to_its_own_slides(decks):
    """No, Kegiatan and the actor lanes only: Mutu Baku has its table slides, Keterangan the notes."""
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            header = {" ".join(sh.text_frame.text.split()) for sh in slide.shapes if sh.name == "kepala tabel"}
            assert {"No", "Kegiatan", "Pelaksana"} <= header
            assert not header & {"Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"}
            columns = [sh.name for sh in slide.shapes if sh.name.startswith("kolom:")]
            assert columns == ["kolom:no", "kolom:kegiatan", *(f"kolom:pelaksana:{a.id}" for a in sop.pelaksana)]


def test_a_forty_step_sop_takes_four_steps_a_flowchart_slide(build):
    sop = generate_sop(3, steps=40, actors=6)
    slides = flowchart_slides(build(sop)[0])
    steps = [sum(sh.name.startswith("langkah:") for sh in slide.shapes) for slide in slides]
    assert sum(steps) == 40 and len(slides) == 10 and min(steps) == 4
