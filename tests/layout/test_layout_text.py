"""Measuring and wrapping: what ends up written in the table's cells."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout, default_metrics, wrap

METRICS = default_metrics()
WORDS = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÀéW.,/ "), min_size=0, max_size=200)


@settings(max_examples=200, deadline=None)
@given(text=WORDS, width=st.floats(8, 200))
def test_wrap_keeps_every_character_and_fits_the_width(text, width):
    lines = wrap(text, width, METRICS, 8)
    assert all(METRICS.width(line, 8) <= width + 1e-6 or len(line) == 1 for line in lines)
    glued = "".join(line.removesuffix("-") for line in lines)  # the text has no hyphen: each is a cut
    assert glued.replace(" ", "") == text.replace(" ", "")


def test_a_word_wider_than_its_cell_is_hyphenated_not_lost():
    lines = wrap("Pengelolaan pertanggungjawaban", 40, METRICS, 8)
    assert lines[0] == "Pengelo-" or lines[0].endswith("-")
    assert "".join(line.rstrip("-") for line in lines).replace(" ", "") == "Pengelolaanpertanggungjawaban"


def test_widths_come_from_dejavu_sans():
    assert METRICS.width("W", 10) > METRICS.width("i", 10)
    assert METRICS.width("Kegiatan", 8, bold=True) > METRICS.width("Kegiatan", 8)
    assert METRICS.width("中", 10) == METRICS.width("\ufffe", 10) > 0  # outside the table: the default width
    assert CellMetrics().width("Kegiatan", 1) == 8


def test_a_long_kegiatan_makes_its_row_taller_and_keeps_every_word():
    sop = generate_sop(4, steps=12, actors=4)
    long_text = " ".join(["Menyusun dan memeriksa kembali konsep surat keputusan beserta lampirannya"] * 4)[:300]
    sop = sop.with_step(3, kegiatan=long_text)
    page = next(p for p in compute_layout(sop).pages if any(r.number == 4 for r in p.rows))
    rows = {row.number: row for row in page.rows}
    kegiatan = rows[4].cells[1]
    assert " ".join(kegiatan.lines) == long_text
    assert rows[4].bottom - rows[4].top > max(r.bottom - r.top for n, r in rows.items() if n != 4)
    assert kegiatan.box.bottom <= rows[4].bottom


def test_ten_actors_get_smaller_header_text_within_the_minimum():
    sop = generate_sop(9, steps=20, actors=10)
    page = compute_layout(sop).pages[0]
    names = {actor.nama for actor in sop.pelaksana}
    sizes = {cell.text.size for cell in page.header if " ".join(cell.text.lines) in names}
    assert sizes and all(6 <= size <= 8 for size in sizes)
    widths = {round(c.right - c.left, 2) for c in page.columns if c.key.startswith("pelaksana:")}
    assert len(widths) == 1 and widths.pop() < (page.table.width / 10)


def test_slides_never_print_text_under_the_minimum():
    sop = generate_sop(2, steps=15, actors=6)
    layout = compute_layout(sop, PageOptions(width=960, height=540, font_size=12, min_font_size=12))
    texts = [cell.text for page in layout.pages for cell in page.header]
    texts += [text for page in layout.pages for row in page.rows for text in row.cells]
    texts += [edge.label for page in layout.pages for edge in page.edges if edge.label]
    assert texts and min(text.size for text in texts) >= 12


def test_the_header_is_the_same_on_every_page():
    layout = compute_layout(generate_sop(3, steps=40, actors=5))
    assert len(layout.pages) > 2
    first = layout.pages[0].header
    assert all(page.header == first for page in layout.pages)
    numbers = [cell.text.lines for cell in first if cell.text.lines and cell.text.lines[0].isdigit()]
    assert numbers == [(str(n),) for n in range(1, 5 + 2 + 3 + 1 + 1)]


def test_symbols_are_empty_on_paper_and_numbered_in_the_preview():
    sop = replace(generate_sop(1, steps=10))
    assert all(s.text is None for p in compute_layout(sop).pages for s in p.symbols)
    preview = compute_layout(sop, PageOptions(width=100, metrics=CellMetrics(), symbol_numbers=True))
    assert [s.text.lines for s in preview.pages[0].symbols] == [(str(n),) for n in range(1, 11)]


@pytest.mark.parametrize("bad", [dict(paper="A3"), dict(orientation="sideways"), dict(font_size=0),
                                 dict(width=-5), dict(width=100, height=0)])
def test_impossible_page_options_are_refused_with_the_reason(bad):
    with pytest.raises(ValueError, match="paper|orientation|positive"):
        PageOptions(**bad)


def _actor_header(page, sop):
    """Each actor's header cell, in column order."""
    actor_cols = [c for c in page.columns if c.kind == "actor"]
    return [next(cell for cell in page.header if abs(cell.box.x - column.left) < 0.01
                 and abs(cell.box.right - column.right) < 0.01 and not cell.text.lines[0].isdigit())
            for column in actor_cols]


@pytest.mark.parametrize("actors, paper", [(3, "A4"), (8, "A4"), (10, "A4"), (12, "F4")])
def test_actor_names_break_only_between_words_or_at_indonesian_syllables(actors, paper):
    from soptui.layout.hyphen import break_points

    for seed in range(4):
        sop = generate_sop(seed, steps=10, actors=actors)
        page = compute_layout(sop, PageOptions(paper=paper)).pages[0]
        for actor, cell in zip(sop.pelaksana, _actor_header(page, sop)):
            lines = cell.text.lines
            assert "".join(line.removesuffix("-") if line.endswith("-") else line + " " for line in lines).strip() \
                == actor.nama
            for line, following in zip(lines, lines[1:]):
                if line.endswith("-"):  # a syllable of the word the next line goes on with
                    word = line.split()[-1][:-1] + following.split()[0]
                    assert (len(line.split()[-1]) - 1, True) in break_points(word), (line, following)
            assert cell.text.size >= 7


def test_hyphens_fall_at_indonesian_syllables_never_inside_short_words_or_after_a_hyphen():
    from soptui.layout.hyphen import split_word

    def pieces(word, width):
        return split_word(word, width, METRICS, 8, True)[0]

    assert pieces("Pengeluaran", 32) == ["Penge-", "luaran"]  # not Pengelu-aran
    assert pieces("Inspektur", 28)[0] == "Ins-"  # not In-s or Inspe-ktur
    assert pieces("PPK-SKPD", 25) == ["PPK-", "SKPD"]  # its own hyphen, no second one
    assert pieces("800/001/SEKR/2024", 40)[0].endswith("/")
    assert split_word("Waktu", 18, METRICS, 8, True)[1] is False  # a short word has no syllable to break at


def test_portrait_headings_stay_whole_words():
    page = compute_layout(generate_sop(2, steps=12, actors=5), PageOptions(orientation="portrait")).pages[0]
    headings = {" ".join(cell.text.lines) for cell in page.header}
    assert {"Kegiatan", "Kelengkapan", "Waktu", "Output", "Keterangan", "Pelaksana", "Mutu Baku"} <= headings
    sizes = {text.size for row in page.rows for text in row.cells}
    assert sizes == {8}  # one size for every text cell


def test_a_name_that_cannot_fit_is_headed_by_its_singkatan_spelled_out_under_the_table():
    from soptui.model import Actor

    sop = generate_sop(6, steps=14, actors=12)
    long = "Pengadministrasikeuanganumumdaerah Provinsi"  # a word no syllable break makes fit
    actors = (Actor(sop.pelaksana[0].id, long, "PKUD"), Actor(sop.pelaksana[1].id, long + " Dua"),
              *sop.pelaksana[2:])
    layout = compute_layout(replace(sop, pelaksana=actors), PageOptions(paper="F4"))
    for page in layout.pages:
        first, second, *rest = _actor_header(page, sop)
        assert first.text.lines == ("PKUD",)
        assert second.text.lines == ("PPD",)  # no singkatan: its initials
        assert page.legend is not None and page.legend.box.y >= page.table.bottom
        legend = " ".join(page.legend.lines)
        assert f"PKUD = {long}" in legend and f"PPD = {long} Dua" in legend
        for actor, cell in zip(actors[2:], rest):  # the others: the name, or (taller than two lines) a short form
            shown = " ".join(cell.text.lines).replace("- ", "")
            assert shown == actor.nama or (len(cell.text.lines) <= 2 and f"{shown} = {actor.nama}" in legend)
        assert page.legend.box.bottom <= page.height
