"""The flow-only column set (``PageOptions(columns="flow")``): No, Kegiatan and
the actor lanes, for slides that show Mutu Baku and Keterangan elsewhere."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from soptui.cli import cli
from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout, layout_schema
from soptui.loader import load

EXAMPLE = Path(__file__).parents[2] / "examples" / "pengajuan-cuti.sop.toml"
SLIDE = PageOptions(width=960, height=484, margins=(4.2, 8.5, 4.2, 8.5), font_size=12, min_font_size=12, footer=0)
PAGES = [PageOptions(), PageOptions(paper="F4", orientation="portrait"), SLIDE,
         PageOptions(width=120, metrics=CellMetrics(), symbol_numbers=True)]


def _header_texts(page) -> list[str]:
    return [" ".join(cell.text.lines).replace("- ", "") for cell in page.header]


def test_flow_table_is_no_kegiatan_and_the_actor_columns():
    sop = load(EXAMPLE).sop
    page = compute_layout(sop, PageOptions(columns="flow")).pages[0]
    actors = [f"pelaksana:{actor.id}" for actor in sop.pelaksana]
    assert [column.key for column in page.columns] == ["no", "kegiatan", *actors]
    texts = _header_texts(page)
    for gone in ("Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
        assert gone not in texts
    assert {"No", "Kegiatan", "Pelaksana"} <= set(texts)
    numbers = [text for text in texts if text.isdigit()]
    assert numbers == [str(n) for n in range(1, len(page.columns) + 1)]


def test_flow_rows_hold_number_and_kegiatan_whole():
    sop = load(EXAMPLE).sop
    layout = compute_layout(sop, replace(SLIDE, columns="flow"))
    assert layout.columns == "flow"
    rows = [row for page in layout.pages for row in page.rows]
    for step, row in zip(sop.langkah, rows):
        number, kegiatan = row.cells
        assert number.lines == (str(row.number),)
        assert " ".join(kegiatan.lines) == " ".join(step.kegiatan.split())


def test_the_default_is_the_full_table():
    layout = compute_layout(load(EXAMPLE).sop)
    assert layout.columns == "full"
    assert [c.key for c in layout.pages[0].columns][-4:] == ["kelengkapan", "waktu", "output", "keterangan"]
    assert all(len(row.cells) == 6 for page in layout.pages for row in page.rows)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), actors=st.sampled_from([None, 1, 3, 8, 10]), which=st.integers(0, len(PAGES) - 1))
def test_flow_rows_never_wrap_more_and_the_flow_table_never_takes_more_pages(seed, actors, which):
    """Wider columns: a step's number and Kegiatan never take more lines than in the full table, and the
    flow table never more pages. A row's height may still differ by the room its page gives a label or a
    pentagon: the routes change with the column widths (docs/layout.md)."""
    sop = generate_sop(seed, actors=actors)
    options = PAGES[which]
    layouts = {columns: compute_layout(sop, replace(options, columns=columns)) for columns in ("full", "flow")}
    lines = {columns: [tuple(len(cell.lines) for cell in row.cells[:2]) for page in layout.pages for row in page.rows]
             for columns, layout in layouts.items()}
    assert all(flow <= full for flow_row, full_row in zip(lines["flow"], lines["full"], strict=True)
               for flow, full in zip(flow_row, full_row))
    assert len(layouts["flow"].pages) <= len(layouts["full"].pages)


def test_flow_slides_hold_more_steps_with_text_still_twelve_points():
    sop = generate_sop(3, steps=40, actors=6)
    full = compute_layout(sop, SLIDE)
    flow = compute_layout(sop, replace(SLIDE, columns="flow"))
    assert len(flow.pages) < len(full.pages)
    texts = [cell.text for page in flow.pages for cell in page.header]
    texts += [text for page in flow.pages for row in page.rows for text in row.cells]
    texts += [edge.label for page in flow.pages for edge in page.edges if edge.label]
    assert min(text.size for text in texts) >= 12


def test_an_unknown_column_set_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="full or flow"):
        PageOptions(columns="mutu")


def test_the_layout_command_takes_the_column_set():
    import jsonschema

    result = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--json", "--columns", "flow"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, layout_schema())
    assert data["columns"] == "flow"
    assert all(len(row["cells"]) == 2 for page in data["pages"] for row in page["rows"])
    refused = CliRunner().invoke(cli, ["layout", str(EXAMPLE), "--columns", "semua"])
    assert refused.exit_code != 0 and "semua" in refused.output
