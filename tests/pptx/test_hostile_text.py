"""Text an XML file cannot hold (NUL, other C0 controls, U+FFFE/U+FFFF, lone surrogates) in any field
still gives a deck that opens, with the rest of each text kept."""

from __future__ import annotations

import dataclasses
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from soptui.corpus import generate_sop

NOT_XML = "\x00\x01\x08\x0b\x0c\x1b\x1f\ufffe\uffff\ud800\udfff"


def spoil(text: str, bad: str) -> str:
    return text[:3] + bad + text[3:]


def everything_spoiled(sop, bad: str):
    """``bad`` inside every text the deck prints: identity, actor names and ids, steps, labels, notes."""
    identity = dataclasses.replace(sop.identitas, nama=spoil(sop.identitas.nama, bad),
                                   nomor=spoil(sop.identitas.nomor, bad),
                                   instansi=tuple(spoil(line, bad) for line in sop.identitas.instansi),
                                   dasar_hukum=tuple(spoil(item, bad) for item in sop.identitas.dasar_hukum))
    actors = tuple(dataclasses.replace(actor, nama=spoil(actor.nama, bad)) for actor in sop.pelaksana)
    steps = tuple(dataclasses.replace(step, kegiatan=spoil(step.kegiatan, bad), output=spoil(step.output, bad),
                                      waktu=spoil(step.waktu, bad), keterangan=spoil("Catatan", bad),
                                      label_ya=spoil("Setuju", bad) if step.tidak else None)
                  for step in sop.langkah)
    return dataclasses.replace(sop, identitas=identity, pelaksana=actors, langkah=steps)


@settings(max_examples=10, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bad=st.text(alphabet=st.sampled_from(NOT_XML), min_size=1, max_size=4))
def test_characters_xml_cannot_hold_are_left_out_and_the_deck_opens(render, bad):
    clean = generate_sop(5, steps=12, actors=4)
    data, count = render(everything_spoiled(clean, bad))
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == count
    title = " ".join(shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame)
    assert clean.identitas.nama.split()[0] in title
    notes = [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide]
    assert any("Catatan" in text for text in notes)
    assert prs.core_properties.title == clean.identitas.nama
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert not set(package.read(name).decode()) & set(NOT_XML), name
