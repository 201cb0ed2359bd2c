"""The summary slide: counts, the time along the main path, the load per actor.

The time is the sum of the parsed ``waktu`` of the steps on the main path
(the path that follows Ya from the start), min to max; working days and
calendar time are kept apart, as ``soptui.durations`` does. The load per
actor is the number of steps each actor performs, drawn as a native bar
chart the presenter can restyle; the speaker notes add each actor's time
(working days and hours cannot share one axis).
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.oxml import parse_xml
from pptx.util import Pt

from _soptui_pptx import labels
from _soptui_pptx.draw import NAMESPACES, emu, xml_safe
from _soptui_pptx.flowtext import Para
from _soptui_pptx.frame import BLANK_LAYOUT, BODY, new_slide
from _soptui_pptx.palette import Palette
from _soptui_pptx.text import wrap
from soptui.durations import total
from soptui.model import Sop

FIGURES_WIDTH = 360.0
LABEL_SIZE = 14.0
VALUE_SIZE = 26.0
NOTE_SIZE = 12.0


def add_summary_slide(prs, sop: Sop, palette: Palette, tag: str) -> None:
    """The one slide python-pptx builds itself: its chart is a part of its own (see package.py)."""
    drawing = new_slide(labels.SUMMARY, palette, tag)
    flow = sop.flow
    main_path = flow.main_path
    durations = [step.duration if (step := sop.step(step_id)) else None for step_id in main_path]
    figures = [
        (labels.STEPS, str(len(sop.langkah))),
        (labels.DECISIONS, str(sum(1 for kind in flow.symbols.values() if kind == "keputusan"))),
        (labels.ACTORS, str(len(sop.pelaksana))),
        (labels.MAIN_PATH_TIME, _time_lines(durations) if any(durations) else labels.EMPTY),
    ]
    room = FIGURES_WIDTH - 8
    paras: list[Para] = []
    for label, value in figures:
        paras.append(Para(tuple(wrap(label, LABEL_SIZE, room)), LABEL_SIZE, space_before=14, colour=palette.muted))
        size = VALUE_SIZE if max(len(line) for line in value.split("\n")) <= 22 else 18.0
        paras.append(Para(tuple(wrap(value, size, room, bold=True)), size, bold=True, colour=palette.accent))
    note = labels.MAIN_PATH_NOTE.format(steps=len(main_path))
    paras.append(Para(tuple(wrap(note, NOTE_SIZE, room)), NOTE_SIZE, space_before=4, colour=palette.muted))
    drawing.shape(BODY.x, BODY.y, FIGURES_WIDTH, BODY.height, name=labels.SUMMARY, paragraphs=paras, text_box=True)
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
    slide.shapes._spTree.extend(list(parse_xml(f"<p:spTree {NAMESPACES}>{drawing.xml()}</p:spTree>")))
    if sop.pelaksana:
        _add_load_chart(slide, sop, palette)
    notes = _actor_notes(sop)
    if notes:
        slide.notes_slide.notes_text_frame.text = xml_safe("\n".join(notes))


def _time_lines(durations) -> str:
    """The main path's time, working days and calendar time each from a line of its own, a
    range's end too (``10-16 hari kerja`` / ``+ 2 hari 20 jam`` / ``s.d. 3 hari 20 jam``): run on,
    the two ranges read as one, and a line broke between a number and its unit."""
    parts = total(durations).range_parts() or ["0 menit"]
    lines = [parts[0], *(f"+ {part}" for part in parts[1:])]
    return "\n".join(line.replace(" s.d. ", "\ns.d. ") for line in lines)


def _actor_notes(sop: Sop) -> list[str]:
    """For the presenter: each actor's steps and the time they take, all steps counted."""
    notes = [labels.ACTOR_NOTES]
    for actor in sop.pelaksana:
        steps = [step for step in sop.langkah if step.pelaksana == actor.id]
        durations = [step.duration for step in steps]
        time = total(durations).describe_range() if any(durations) else labels.EMPTY
        notes.append(labels.ACTOR_NOTE.format(actor=actor.nama or actor.id, steps=len(steps), time=time))
    return notes if sop.pelaksana else []


def _add_load_chart(slide, sop: Sop, palette: Palette) -> None:
    counts = {actor.id: 0 for actor in sop.pelaksana}
    for step in sop.langkah:
        if step.pelaksana in counts:
            counts[step.pelaksana] += 1
    data = CategoryChartData()
    data.categories = [xml_safe(actor.nama or actor.id) for actor in sop.pelaksana]
    data.add_series(labels.LOAD_SERIES, [counts[actor.id] for actor in sop.pelaksana])
    x = BODY.x + FIGURES_WIDTH + 24
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, emu(x), emu(BODY.y), emu(BODY.x + BODY.width - x),
                                   emu(BODY.height), data)
    frame.name = labels.LOAD_CHART
    chart = frame.chart
    chart.font.name = palette.font
    chart.font.size = Pt(12)
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = labels.LOAD_CHART
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size = Pt(14)
    title_font.bold = True
    chart.category_axis.reverse_order = True
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.visible = False
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    plot.data_labels.font.size = Pt(12)
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = RGBColor.from_string(palette.accent)
