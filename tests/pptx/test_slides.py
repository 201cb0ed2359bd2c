"""The deck a presenter opens: every slide's content, and nothing off the slide."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx.util import Emu

from _soptui_pptx.text import LEADING, width
from soptui.corpus import generate_sop
from soptui.printed import IDENTITY_LIST_LABELS

PT = 12700


def texts(slide) -> list[str]:
    """Every text on the slide: text boxes, shapes and table cells."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text_frame.text for row in shape.table.rows for cell in row.cells]
    return found


def slide_text(slide) -> str:
    return "\n".join(texts(slide)).replace("\v", " ")


def flat(text: str) -> str:
    return " ".join(text.split())


def titled(prs, prefix: str) -> list:
    return [s for s in prs.slides if any(sh.name == "Judul" and sh.text_frame.text.startswith(prefix) for sh in s.shapes)]


def assert_fits(prs, slides=None) -> None:
    """No shape runs past the slide, and every text box holds its lines (width and height)."""
    slide_w, slide_h = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, start=1):
        if slides is not None and slide not in slides:
            continue
        for shape in slide.shapes:
            where = f"slide {number}, shape {shape.name!r}"
            left, top, right, bottom = visual_bounds(shape)
            assert left >= -PT and top >= -PT, where
            assert right <= slide_w + PT and bottom <= slide_h + PT, where
            if shape.has_text_frame and shape.text_frame.text.strip():
                _assert_frame_fits(shape.text_frame, shape.width / PT, shape.height / PT, where)
            if shape.has_table:
                for r, row in enumerate(shape.table.rows):
                    for c, cell in enumerate(row.cells):
                        room_w = shape.table.columns[c].width / PT - (cell.margin_left + cell.margin_right) / PT
                        room_h = row.height / PT - (cell.margin_top + cell.margin_bottom) / PT
                        _assert_paragraphs_fit(cell.text_frame, room_w, room_h, f"{where} cell {r},{c}")


def visual_bounds(shape) -> tuple[float, float, float, float]:
    """The box a shape covers on the slide; a quarter-turned shape swaps its sides about its centre."""
    cx, cy = shape.left + shape.width / 2, shape.top + shape.height / 2
    w, h = (shape.height, shape.width) if round(shape.rotation) % 180 == 90 else (shape.width, shape.height)
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _assert_frame_fits(frame, box_w, box_h, where) -> None:
    room_w = box_w - (frame.margin_left + frame.margin_right) / PT
    room_h = box_h - (frame.margin_top + frame.margin_bottom) / PT
    _assert_paragraphs_fit(frame, room_w, room_h, where)


def _assert_paragraphs_fit(frame, room_w, room_h, where) -> None:
    height = 0.0
    for index, paragraph in enumerate(frame.paragraphs):
        if not paragraph.runs:
            continue
        size = paragraph.runs[0].font.size.pt
        bold = bool(paragraph.runs[0].font.bold)
        # the one exception: an off-page connector's letter fits its pentagon (tested in test_flowchart)
        assert size >= 12 or "'penghubung:" in where, f"{where}: {size} pt is below 12 pt"
        margin = int(paragraph._p.pPr.get("marL", "0")) / PT if paragraph._p.pPr is not None else 0
        for line in paragraph.text.split("\v"):
            assert width(line, size, bold) + margin <= room_w + 0.5, f"{where}: line too wide: {line!r}"
        lines = paragraph.text.count("\v") + 1
        height += lines * size * LEADING + ((paragraph.space_before.pt if paragraph.space_before else 0) if index else 0)
    assert height <= room_h + 0.5, f"{where}: text {height:.0f} pt high in a {room_h:.0f} pt box"


def test_write_returns_the_slide_count(example_decks, build):
    for path, sop, prs in example_decks:
        assert build(sop, path)[1] == len(prs.slides), path.name


def test_slides_are_16_by_9(example_decks):
    for _, _, prs in example_decks:
        assert (prs.slide_width, prs.slide_height) == (Emu(960 * PT), Emu(540 * PT))


def test_title_slide_names_the_sop(example_decks):
    for path, sop, prs in example_decks:
        text = flat(slide_text(prs.slides[0]))
        identity = sop.identitas
        assert flat(identity.nama) in text, path.name
        assert identity.nomor in text
        for line in identity.instansi:
            assert flat(line) in text
    cuti = next(prs for path, _, prs in example_decks if path.name == "pengajuan-cuti.sop.toml")
    assert "Tanggal Efektif: 1 Februari 2024" in flat(slide_text(cuti.slides[0]))


def test_examples_fit_their_slides(example_decks):
    for _, _, prs in example_decks:
        assert_fits(prs)


def test_identity_lists_every_item_numbered(example_decks):
    for path, sop, prs in example_decks:
        text = flat(" ".join(slide_text(s) for s in titled(prs, "Identitas SOP")))
        for key in ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan", "pencatatan"):
            for number, item in enumerate(getattr(sop.identitas, key), start=1):
                assert flat(f"{number}. {item}") in text, (path.name, key, item)


def test_long_identity_continues_on_further_slides(example_decks, build):
    _, sop, _ = example_decks[0]
    laws = tuple(f"Peraturan Daerah Nomor {n} Tahun 2020 tentang Penyelenggaraan Urusan Pemerintahan yang "
                 f"Menjadi Kewenangan Daerah bagian {n}" for n in range(1, 61))
    prs, _ = build(sop.with_identity(dasar_hukum=laws, peralatan=tuple(f"Alat {n}" for n in range(40))))
    slides = titled(prs, "Identitas SOP")
    assert len(slides) >= 3
    assert all("(lanjutan)" in slide_text(s) for s in slides[1:])
    text = flat(" ".join(sh.text_frame.text.replace("\v", " ") for s in slides for sh in s.shapes
                         if sh.name.startswith("Identitas kolom")))
    text = text.replace("Dasar Hukum (lanjutan) ", "")
    positions = [text.index(flat(f"{n}. {law}")) for n, law in enumerate(laws, start=1)]
    assert positions == sorted(positions)  # in order, none lost
    columns = [sh.text_frame.paragraphs[0].text for s in slides for sh in s.shapes if sh.name.startswith("Identitas kolom")]
    assert columns[0] == "Dasar Hukum"
    assert all(first.split(" (")[0] in IDENTITY_LIST_LABELS.values() for first in columns)  # every column says its list
    assert "Dasar Hukum (lanjutan)" in columns
    assert_fits(prs)


def test_mutu_baku_lists_every_step_in_order(example_decks):
    for path, sop, prs in example_decks:
        rows = _table_rows(prs)
        assert [r[0] for r in rows] == [str(n) for n in range(1, len(sop.langkah) + 1)], path.name
        for row, step in zip(rows, sop.langkah):
            assert row[1] == flat(step.kegiatan)
            assert row[2] == flat(sop.actor(step.pelaksana).nama)
            assert row[3:] == [flat(step.kelengkapan), flat(step.waktu), flat(step.output)]


def _table_rows(prs) -> list[list[str]]:
    """The body rows of all mutu baku slides, a split row joined back to its first part."""
    rows: list[list[str]] = []
    for slide in titled(prs, "Mutu Baku"):
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        cells = [[flat(cell.text_frame.text.replace("\v", " ")) for cell in row.cells] for row in table.rows]
        assert cells[0] == ["No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output"]
        for row in cells[1:]:
            if row[0] == "" and rows:
                rows[-1] = [flat(f"{a} {b}") for a, b in zip(rows[-1], row)]
                rows[-1][0] = rows[-1][0].strip()
            else:
                rows.append(row)
    return rows


def test_long_table_continues_with_its_header_and_a_huge_row_is_split(build):
    sop = generate_sop(7, steps=40, actors=6)
    huge = " ".join(f"kalimat{n} panjang sekali" for n in range(400))
    sop = sop.with_step(5, kegiatan=huge)
    prs, _ = build(sop)
    slides = titled(prs, "Mutu Baku")
    assert len(slides) >= 4
    rows = _table_rows(prs)
    assert len(rows) == 40
    assert rows[5][1] == flat(huge)
    assert_fits(prs, slides)  # the flowchart cannot split a row yet (a layout limit, docs/pptx.md)


def test_speaker_notes_hold_the_keterangan_of_the_steps_shown(example_decks):
    for path, sop, prs in example_decks:
        for slide in titled(prs, "Mutu Baku"):
            shown = slide_text(slide)
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for number, step in enumerate(sop.langkah, start=1):
                if step.keterangan and flat(step.kegiatan)[:40] in flat(shown):
                    assert f"{number}. {step.kegiatan}: {step.keterangan}" in notes, (path.name, step.id)
        all_notes = " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
        for step in sop.langkah:
            if step.keterangan:
                assert step.keterangan in all_notes


def test_summary_counts_and_main_path_time(example_decks):
    path, sop, prs = next(d for d in example_decks if d[0].name == "pengajuan-cuti.sop.toml")
    (summary,) = titled(prs, "Ringkasan")
    text = flat(slide_text(summary))
    assert "Jumlah langkah 8" in text
    assert "Jumlah keputusan 2" in text
    assert "Jumlah pelaksana 5" in text
    # main path: every step once; 15+15+30+60+60 min, 1 hari kerja, 15+10 min
    assert "Waktu jalur utama 1 hari kerja + 3 jam 25 menit" in text


def test_summary_sets_working_days_and_calendar_time_each_on_a_line(build, example_decks):
    """Run on, '1-2 hari kerja + 7 jam s.d. 14 jam' read as one range, and a wrapped line could
    part a number from its unit (issue 13)."""
    _, sop, _ = next(d for d in example_decks if d[0].name == "pengajuan-cuti.sop.toml")
    steps = tuple(dataclasses.replace(step, waktu="1-2 hari kerja" if n == 0 else "1-2 jam")
                  for n, step in enumerate(sop.langkah))
    prs, _ = build(dataclasses.replace(sop, langkah=steps))
    (summary,) = titled(prs, "Ringkasan")
    value = next(text for text in texts(summary) if "hari kerja" in text).split("Waktu jalur utama")[1]
    lines = [line.strip() for line in value.replace("\v", "\n").split("\n") if line.strip()]
    assert lines[:3] == ["1-2 hari kerja", "+ 7 jam", "s.d. 14 jam"], lines


def test_summary_gives_min_to_max_when_times_are_ranges(build, example_decks):
    _, sop, _ = next(d for d in example_decks if d[0].name == "pengajuan-cuti.sop.toml")
    steps = tuple(dataclasses.replace(step, waktu="1-2 jam") for step in sop.langkah)
    prs, _ = build(dataclasses.replace(sop, langkah=steps))
    assert "Waktu jalur utama 8 jam s.d. 16 jam" in flat(slide_text(titled(prs, "Ringkasan")[0]))


def test_load_per_actor_is_a_native_bar_chart(example_decks):
    path, sop, prs = next(d for d in example_decks if d[0].name == "pengajuan-cuti.sop.toml")
    (summary,) = titled(prs, "Ringkasan")
    chart = next(shape.chart for shape in summary.shapes if shape.has_chart)
    plot = chart.plots[0]
    assert list(plot.categories) == [actor.nama for actor in sop.pelaksana]
    assert list(plot.series[0].values) == [1, 4, 1, 1, 1]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), actors=st.integers(1, 8))
def test_generated_sops_fit_every_slide(build, seed, actors):
    sop = generate_sop(seed, actors=actors)
    prs, count = build(sop)
    assert count == len(prs.slides)
    assert_fits(prs)
    assert len(_table_rows(prs)) == len(sop.langkah)


def test_eight_actors_fit_the_slide(build):
    prs, _ = build(generate_sop(251, actors=8))
    assert_fits(prs)


def test_long_identity_texts_stay_whole_on_the_title_slide(example_decks, build):
    _, sop, _ = example_decks[0]
    nama = " ".join(["Pelayanan Administrasi Permohonan Penerbitan Rekomendasi Teknis"] * 5)
    instansi = tuple(f"UNIT KERJA TINGKAT {n} PEMERINTAH PROVINSI NUSA TENGGARA TIMUR" for n in range(1, 9))
    nomor = "/".join(["800.1.2.3"] * 12)
    prs, _ = build(sop.with_identity(nama=nama, instansi=instansi, nomor=nomor))
    text = flat(slide_text(prs.slides[0])).replace("- ", "")  # a word cut between lines carries a hyphen
    assert flat(nama) in text and nomor in text.replace(" ", "")
    assert all(line in text for line in instansi)
    assert_fits(prs, [prs.slides[0], prs.slides[1]])


def test_main_path_time_is_a_dash_when_no_time_can_be_read(example_decks, build):
    _, sop, _ = example_decks[0]
    steps = tuple(dataclasses.replace(step, waktu="segera") for step in sop.langkah)
    prs, _ = build(dataclasses.replace(sop, langkah=steps))
    assert "Waktu jalur utama -" in flat(slide_text(titled(prs, "Ringkasan")[0]))


def test_summary_notes_give_each_actor_steps_and_time(example_decks):
    path, sop, prs = next(d for d in example_decks if d[0].name == "pengajuan-cuti.sop.toml")
    notes = titled(prs, "Ringkasan")[0].notes_slide.notes_text_frame.text
    # staf: periksa 15 menit, konsep 30 menit, register 15 menit, serahkan 10 menit
    assert "- Staf Kepegawaian: 4 langkah, 1 jam 10 menit" in notes
    assert "- Kepala Badan: 1 langkah, 1 hari kerja" in notes
