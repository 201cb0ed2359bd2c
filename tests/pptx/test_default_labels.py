"""A decision without ``label_ya``/``label_tidak`` shows Ya and Tidak on the slide, each as the
label of its own arrow (every example sets its own labels)."""

from __future__ import annotations

from soptui.model import Actor, Identity, Sop, Step


def test_the_default_labels_label_their_own_arrows(build):
    steps = (
        Step("mulai", "Menerima berkas", "p1", waktu="5 menit", output="Berkas"),
        Step("cek", "Memeriksa kelengkapan berkas", "p2", simbol="keputusan", tidak="mulai", waktu="5 menit", output="Hasil"),
        Step("proses", "Memproses berkas", "p1", waktu="10 menit", output="Berkas diproses"),
        Step("selesai", "Mengarsipkan berkas", "p1", waktu="5 menit", output="Arsip"),
    )
    sop = Sop(Identity(nama="Uji Label", nomor="800/1/UJI/2024", instansi=("DINAS UJI",)),
              (Actor("p1", "Staf"), Actor("p2", "Kepala Seksi")), steps)
    prs, _ = build(sop)
    labels = {shape.name: shape.text_frame.text for slide in prs.slides for shape in slide.shapes
              if shape.name.startswith("label:") and shape.has_text_frame}
    assert labels == {"label:cek:ya": "Ya", "label:cek:tidak": "Tidak"}
