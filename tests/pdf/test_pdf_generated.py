"""Generated SOPs (soptui.corpus) of every shape print whole and the same twice;
an identity table too long for one page continues on the next."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import chain, export, make_sop, squeeze

from soptui.corpus import generate_sop


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    steps=st.integers(2, 45),
    actors=st.integers(1, 10),
    paper=st.sampled_from(["A4", "F4", "Letter", "Legal"]),
    orientation=st.sampled_from(["landscape", "portrait"]),
)
def test_any_generated_sop_prints_whole_and_the_same_twice(seed, steps, actors, paper, orientation):
    sop = generate_sop(seed, steps=steps, actors=actors)
    pdf = export(sop, paper=paper, orientation=orientation)
    assert pdf.pages == len(pdf.reader.pages) == 1 + len(pdf.layout.pages)
    text = pdf.squeezed
    assert all(squeeze(step.kegiatan) in text for step in sop.langkah)
    assert all(squeeze(actor.nama) in text for actor in sop.pelaksana)
    assert export(sop, paper=paper, orientation=orientation).data == pdf.data


def test_a_40_step_6_actor_sop_has_every_page_numbered():
    sop = generate_sop(3, steps=40, actors=6)
    pdf = export(sop)
    assert pdf.pages >= 3
    for index in range(pdf.pages):
        assert squeeze(f"Halaman {index + 1} dari {pdf.pages}") in squeeze(pdf.page_text(index))


def test_an_identity_table_too_long_for_one_page_continues_on_the_next():
    laws = tuple(
        f"Peraturan Daerah Nomor {n} Tahun 2020 tentang Penyelenggaraan Urusan Pemerintahan Bidang {n} "
        "beserta seluruh perubahan dan peraturan pelaksanaannya yang masih berlaku" for n in range(1, 41)
    )
    sop = make_sop(chain(4), dasar_hukum=laws, peralatan=tuple(f"Alat nomor {n}" for n in range(1, 30)))
    pdf = export(sop)
    identity_pages = pdf.pages - len(pdf.layout.pages)
    assert identity_pages >= 2
    text = pdf.squeezed
    assert all(squeeze(law) in text for law in laws)
    assert "DasarHukum(lanjutan):" in text
    assert all(squeeze("Identitas SOP (lanjutan)") in squeeze(pdf.page_text(index)) for index in range(1, identity_pages))
    first_flowchart = squeeze(pdf.page_text(identity_pages))
    assert "Kegiatan" in first_flowchart and "TanggalPembuatan" not in first_flowchart
