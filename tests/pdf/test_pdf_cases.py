"""The SOPs that stretch a printed page: one actor, ten actors, long text,
branches back, edges across pages, no mutu baku."""

from __future__ import annotations

from dataclasses import replace

from pdf_helpers import chain, export, make_sop, placed_texts, squeeze

from soptui.model import Actor, Step


def _all_kegiatan_printed(pdf, sop) -> None:
    missing = [s.kegiatan for s in sop.langkah if squeeze(s.kegiatan) not in pdf.squeezed]
    assert not missing


def test_one_actor_sop_teknis():
    sop = make_sop(chain(8, actors=1), actors=1, jenis="teknis")
    pdf = export(sop)
    _all_kegiatan_printed(pdf, sop)
    assert "PelaksanaNomor1" in pdf.squeezed
    assert all(len(page.symbols) for page in pdf.layout.pages)


def test_ten_actors_print_every_name_at_a_legible_size():
    actors = [Actor(f"p{n}", f"Kepala Seksi Bidang {n}") for n in range(1, 11)]
    sop = make_sop(chain(12, actors=10), actors=actors)
    pdf = export(sop)
    _all_kegiatan_printed(pdf, sop)
    for actor in actors:
        assert squeeze(actor.nama) in pdf.squeezed
    sizes = _font_sizes(pdf)
    assert min(sizes) >= 5.0, "text under 5 pt cannot be read on paper"


def _font_sizes(pdf) -> list[float]:
    sizes: list[float] = []
    for page in pdf.reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(size * tm[3]) if text.strip() else None)
    return sizes


def test_a_300_character_kegiatan_is_printed_whole():
    long = ("Memeriksa kelengkapan berkas usulan kenaikan pangkat beserta seluruh lampirannya, termasuk "
            "salinan surat keputusan terakhir, penilaian prestasi kerja dua tahun terakhir, ijazah yang sah, "
            "dan surat keterangan lain yang dipersyaratkan oleh peraturan perundang-undangan yang berlaku pada saat berkas diterima")
    assert len(long) >= 300
    steps = chain(5)
    steps[2] = replace(steps[2], kegiatan=long)
    sop = make_sop(steps)
    pdf = export(sop)
    _all_kegiatan_printed(pdf, sop)


def test_a_decision_whose_two_branches_both_go_back():
    steps = chain(6)
    steps[3] = replace(steps[3], simbol="keputusan", ya="s2", tidak="s1", label_ya="Perlu revisi", label_tidak="Ditolak")
    sop = make_sop(steps)
    pdf = export(sop)
    _all_kegiatan_printed(pdf, sop)
    back = [edge for page in pdf.layout.pages for edge in page.edges if edge.source == "s4"]
    assert {edge.target for edge in back} == {"s1", "s2"}
    drawn = placed_texts(pdf, 1)
    for edge in back:
        box = edge.label.box
        inside = " ".join(w for w, x, y in drawn if box.x - 1 <= x <= box.right + 1 and box.y - 1 <= y <= box.bottom + 1)
        assert inside == " ".join(edge.label.lines)
    assert {" ".join(edge.label.lines) for edge in back} == {"Perlu revisi", "Ditolak"}


def test_a_back_edge_across_three_pages_goes_through_a_connector_pair():
    steps = chain(60)
    first = export(make_sop(steps))
    page_of = {row.step_id: number for number, page in enumerate(first.layout.pages) for row in page.rows}
    source = next(step_id for step_id, number in page_of.items() if number == 2)
    index = int(source[1:]) - 1
    steps[index] = replace(steps[index], simbol="keputusan", tidak="s2")
    pdf = export(make_sop(steps))
    pairs = [c for page in pdf.layout.pages for c in page.connectors if c.source == source and c.target == "s2"]
    assert sorted(c.role for c in pairs) == ["in", "out"]
    label = pairs[0].label
    pages_with_label = [
        number for number, page in enumerate(pdf.layout.pages) if any(c.label == label for c in page.connectors)
    ]
    assert pages_with_label[-1] - pages_with_label[0] >= 2
    for number in pages_with_label:
        assert label in [text for text, _, _ in placed_texts(pdf, number + 1)]


def test_empty_mutu_baku_prints_empty_cells():
    steps = [Step(f"s{n}", f"Langkah tanpa mutu baku {n}", "p1" if n % 2 else "p2") for n in range(1, 6)]
    sop = make_sop(steps)
    pdf = export(sop)
    _all_kegiatan_printed(pdf, sop)
    assert "None" not in pdf.text
    assert "Kelengkapan" in pdf.text
