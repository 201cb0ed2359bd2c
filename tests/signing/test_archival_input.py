"""What only the input decides still gives PDF/A-3b, or no file labelled as one:
a CMYK logo, which the sRGB output intent cannot hold, is drawn as RGB,
and text with characters DejaVu Sans lacks (drawn as .notdef) is refused,
naming them (DejaVu Sans has the emoji)."""

import dataclasses
import hashlib

import pytest
from PIL import Image

from soptui.corpus import generate_sop
from soptui.exporters import ExportError, ExportInput, render
from soptui.plugins import get_plugins
from soptui.store import render as toml_of
from tests.signing.pdfa import pdfa_problems


def _pdf(tmp_path, options=None, **identity) -> bytes:
    sop = generate_sop(3, steps=8, actors=3)
    sop = dataclasses.replace(sop, identitas=dataclasses.replace(sop.identitas, **identity))
    source = toml_of(sop, None)
    path = tmp_path / "cuti.sop.toml"
    path.write_bytes(source)
    export = ExportInput(sop, path, hashlib.sha256(source).hexdigest(), source=source)
    return render(get_plugins().exporter("pdf"), export, options).data


def test_a_cmyk_logo_is_still_pdfa(tmp_path):
    Image.new("CMYK", (40, 40), (0, 128, 255, 0)).save(tmp_path / "logo.jpg")
    out = tmp_path / "cuti.pdf"
    out.write_bytes(_pdf(tmp_path, logo="logo.jpg"))
    assert pdfa_problems(out) == []


def test_characters_the_font_lacks_refuse_the_pdfa_but_not_the_plain_pdf(tmp_path):
    with pytest.raises(ExportError, match=r"字 \(U\+5B57\), 漢 \(U\+6F22\)[^😀]*6\.2\.11\.8"):
        _pdf(tmp_path, nama="Cuti 漢字 \U0001f600")
    assert _pdf(tmp_path, {"arsip": False}, nama="Cuti 漢字 \U0001f600").startswith(b"%PDF")


def test_a_backslash_and_zeros_typed_in_the_text_are_not_notdef(tmp_path):
    out = tmp_path / "cuti.pdf"
    out.write_bytes(_pdf(tmp_path, nama="Cuti \\000 dan \\\\000"))
    assert pdfa_problems(out) == []
