"""The flowchart slides: native symbols, arrows drawn as the layout's own routes."""

from __future__ import annotations

import math

import pytest
from pptx.enum.shapes import MSO_SHAPE

from _soptui_pptx.flowchart import arrow_name
from _soptui_pptx.text import LEADING, width
from soptui.corpus import generate_sop
from soptui.layout import compute_layout

PT = 12700
#: How closely a drawn arrow follows its route, in points (EMU rounding).
TOLERANCE = 0.01
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


def test_every_arrow_is_a_path_with_an_arrowhead_from_its_source_to_its_target(decks):
    """Each arrow starts on its source symbol (or the "in" connector) and ends on its target (or the "out" one)."""
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            shapes = {shape.name: shape for shape in slide.shapes}
            for arrow in arrows(slide):
                name = arrow.find("p:nvSpPr/p:cNvPr", NS).get("name")
                source, target, _, via = parse_arrow(name)
                pair = f"{source}->{target}"
                begin = shapes.get(f"penghubung:{via}:in:{pair}") if via and f"langkah:{source}" not in shapes else None
                end = shapes.get(f"penghubung:{via}:out:{pair}") if via and f"langkah:{target}" not in shapes else None
                begin = begin or shapes[f"langkah:{source}"]
                end = end or shapes[f"langkah:{target}"]
                path = drawn_path(arrow)
                assert on_outline(begin, path[0]), (name, path[0])
                assert on_outline(end, path[-1]), (name, path[-1])
                assert arrow.find("p:spPr/a:ln/a:tailEnd", NS).get("type") == "triangle"
                assert arrow.find("p:spPr/a:custGeom/a:pathLst/a:path", NS).get("fill") == "none"


def test_every_arrow_of_the_flow_is_drawn_directly_or_through_paired_off_page_connectors(decks):
    for sop, prs in decks:
        drawn: dict[tuple[str, str, str], list[tuple[int, str | None]]] = {}
        for number, slide in enumerate(flowchart_slides(prs)):
            names = {shape.name for shape in slide.shapes}
            for arrow in arrows(slide):
                source, target, branch, via = parse_arrow(arrow.find("p:nvSpPr/p:cNvPr", NS).get("name"))
                if via:  # the part before the page turn ends at "out", the part after starts at "in"
                    pair = f"{source}->{target}"
                    assert (f"penghubung:{via}:out:{pair}" in names) or (f"penghubung:{via}:in:{pair}" in names)
                drawn.setdefault((source, target, branch), []).append((number, via))
        for edge in sop.flow.edges:
            parts = drawn.get((edge.source, edge.target, edge.branch))
            assert parts, (edge.source, edge.target)
            if len(parts) == 1:
                assert parts[0][1] is None, parts
                continue
            assert len(parts) == 2, parts
            (page_a, via_a), (page_b, via_b) = parts
            assert via_a == via_b and via_a is not None and page_a != page_b, parts


def test_branch_labels_are_on_the_decision_slide(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            text = slide_text(slide)
            names = {shape.name for shape in slide.shapes}
            for edge in sop.flow.edges:
                if edge.label and f"langkah:{edge.source}" in names:
                    assert any(f"label:{edge.source}:{edge.branch}" == n for n in names), edge
                    assert " ".join(edge.label.split()) in text


def test_arrows_are_the_routes_of_the_layout_point_for_point(decks, layouts):
    for (sop, prs), layout in zip(decks, layouts):
        for slide, page in zip(flowchart_slides(prs), layout.pages):
            routes = {arrow_name(edge): [(x, y + 56) for x, y in edge.points] for edge in page.edges}
            drawn = {arrow.find("p:nvSpPr/p:cNvPr", NS).get("name"): drawn_path(arrow) for arrow in arrows(slide)}
            assert drawn.keys() == routes.keys()
            for name, path in drawn.items():
                assert len(path) == len(routes[name]), name
                assert all(math.dist(p, q) < TOLERANCE for p, q in zip(path, routes[name])), (name, path)


def test_flowchart_notes_hold_the_keterangan_of_the_steps_on_the_slide(decks):
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            names = {shape.name for shape in slide.shapes}
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for step in sop.langkah:
                if step.keterangan and f"langkah:{step.id}" in names:
                    assert step.keterangan in notes


def arrows(slide) -> list:
    """The freeform paths drawn as arrows (named ``panah:...``)."""
    return [sp for sp in slide.shapes._spTree.findall("p:sp", NS)
            if sp.find("p:nvSpPr/p:cNvPr", NS).get("name").startswith("panah:")]


def parse_arrow(name: str) -> tuple[str, str, str, str | None]:
    """``panah:<source>-><target>:<branch>[:<via>]`` as its parts."""
    ends, branch, *via = name.removeprefix("panah:").split(":")
    source, target = ends.split("->")
    return source, target, branch, (via[0] if via else None)


def drawn_path(sp) -> list[tuple[float, float]]:
    """The points of a freeform's path on the slide, in points (its box scaled to the path's own size)."""
    xfrm = sp.find("p:spPr/a:xfrm", NS)
    x, y = int(xfrm.find("a:off", NS).get("x")) / PT, int(xfrm.find("a:off", NS).get("y")) / PT
    cx, cy = int(xfrm.find("a:ext", NS).get("cx")) / PT, int(xfrm.find("a:ext", NS).get("cy")) / PT
    path = sp.find("p:spPr/a:custGeom/a:pathLst/a:path", NS)
    w, h = int(path.get("w")) / PT, int(path.get("h")) / PT
    return [(x + int(pt.get("x")) / PT * (cx / w if w else 0), y + int(pt.get("y")) / PT * (cy / h if h else 0))
            for pt in path.iter(f"{{{NS['a']}}}pt")]


def on_outline(shape, point) -> bool:
    """Whether ``point`` is on the outline of ``shape``: its box, or a decision's slanted sides, or a
    terminator's rounded ends."""
    left, top = shape.left / PT, shape.top / PT
    right, bottom = left + shape.width / PT, top + shape.height / PT
    x, y = point
    tolerance = 0.6
    inside = left - tolerance <= x <= right + tolerance and top - tolerance <= y <= bottom + tolerance
    if inside and min(abs(x - left), abs(x - right), abs(y - top), abs(y - bottom)) < tolerance:
        return True
    half_w, half_h = (right - left) / 2, (bottom - top) / 2
    dx, dy = abs(x - (left + half_w)), abs(y - (top + half_h))
    kind = shape.auto_shape_type if shape.shape_type == 1 else None
    if kind == MSO_SHAPE.FLOWCHART_DECISION:
        return abs(dx / half_w + dy / half_h - 1) * min(half_w, half_h) < tolerance
    if kind == MSO_SHAPE.FLOWCHART_TERMINATOR:
        radius = min(half_w, half_h)
        ends = (max(dx - (half_w - radius), 0), max(dy - (half_h - radius), 0))
        return abs(math.hypot(*ends) - radius) < tolerance
    return False


def test_flowchart_slides_show_the_flow_and_leave_mutu_baku_to_its_own_slides(decks):
    """No, Kegiatan and the actor lanes only: Mutu Baku has its table slides, Keterangan the notes."""
    for sop, prs in decks:
        for slide in flowchart_slides(prs):
            header = {" ".join(sh.text_frame.text.split()) for sh in slide.shapes if sh.name == "kepala tabel"}
            assert {"No", "Kegiatan", "Pelaksana"} <= header
            assert not header & {"Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"}
            lanes = [sh.name for sh in slide.shapes if sh.name.startswith("lajur:")]
            assert lanes == [f"lajur:{a.id}" for a in sop.pelaksana[::2]]  # every other actor's lane tinted
            columns = sum(sh.name == "garis:column" for sh in slide.shapes)
            assert columns == 1 + len(sop.pelaksana)  # a line after No, Kegiatan and each actor but the last


def test_a_forty_step_sop_takes_four_steps_a_flowchart_slide(build):
    sop = generate_sop(3, steps=40, actors=6)
    slides = flowchart_slides(build(sop)[0])
    steps = [sum(sh.name.startswith("langkah:") for sh in slide.shapes) for slide in slides]
    assert sum(steps) == 40 and len(slides) == 10 and min(steps) == 4


def test_connector_letters_stay_inside_their_pentagons_at_every_actor_count(build):
    for actors in (3, 8, 10, 12):
        prs, _ = build(generate_sop(7, steps=24, actors=actors))
        for slide in flowchart_slides(prs):
            for shape in slide.shapes:
                if shape.name.startswith("penghubung:"):
                    run = shape.text_frame.paragraphs[0].runs[0]
                    size = run.font.size.pt
                    letter = width(run.text, size, True)
                    assert letter <= shape.width / PT + 0.01, (actors, shape.name)
                    assert size * LEADING <= shape.height / PT * 0.8 + 0.01, (actors, shape.name)
