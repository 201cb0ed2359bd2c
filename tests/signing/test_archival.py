"""The official PDF is PDF/A-3b by default: the source embedded, the signature field placed."""

import io
import subprocess
import sys

import pikepdf
import pytest
from pypdf import PdfReader

import _soptui_pdf
from soptui.exporters import ExportInput
from soptui.loader import load
from soptui.signing import field_name
from soptui.signing.document import signature_fields
from tests.signing.pdfa import pdfa_problems, preflight


def _export(path, out, *options) -> bytes:
    args = [sys.executable, "-m", "soptui", "export", str(path), "-f", "pdf", "-o", str(out), "--force"]
    for option in options:
        args += ["-O", option]
    subprocess.run(args, check=True, capture_output=True, timeout=120)
    return (out / path.name.replace(".sop.toml", ".pdf")).read_bytes()


def _height(page, text: str) -> float:
    """The baseline height (PDF points from the bottom) of the text run holding ``text``."""
    found = []
    page.extract_text(visitor_text=lambda run, cm, tm, font, size: found.append((run, tm[5])))
    return next(height for run, height in found if text in run)


def test_every_example_exports_as_pdfa_3b_with_its_source_and_field(examples, tmp_path):
    for path in examples:
        data = _export(path, tmp_path)
        assert pdfa_problems(tmp_path / path.name.replace(".sop.toml", ".pdf")) == [], path.name
        sop = load(path).sop
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert pdf.attachments[path.name].get_file().read_bytes() == path.read_bytes()
            assert pdf.Root.AF[0].AFRelationship == pikepdf.Name.Source
            assert "/Trans" not in pdf.pages[0].obj
            with pdf.open_metadata() as meta:
                assert meta["dc:identifier"] == sop.identitas.nomor
                assert load(path).source.sha256 in meta["dc:source"]
        ((field, signed),) = signature_fields(data)
        assert field.name == field_name(sop.identitas.nomor) and field.page == 0 and not signed
        x1, y1, x2, y2 = field.rect
        # the field sits in "Disahkan oleh" between the jabatan and the signer's name
        pengesah = sop.identitas.disahkan_oleh
        if pengesah is not None:
            page = PdfReader(io.BytesIO(data)).pages[0]
            assert _height(page, pengesah.jabatan) > y2 and _height(page, pengesah.nama) < y1, path.name


def test_portrait_f4_is_pdfa_too(examples, tmp_path):
    path = examples[0]
    _export(path, tmp_path, "paper=F4", "orientation=portrait")
    assert pdfa_problems(tmp_path / path.name.replace(".sop.toml", ".pdf")) == []


def test_arsip_false_gives_the_plain_pdf(examples, tmp_path):
    data = _export(examples[0], tmp_path, "arsip=false")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/AcroForm" not in pdf.Root and not pdf.attachments and "/OutputIntents" not in pdf.Root


def test_the_same_input_gives_the_same_archival_bytes(examples):
    loaded = load(examples[0])
    export = ExportInput(loaded.sop, loaded.path, loaded.source.sha256, source=loaded.source.data)
    first, second = io.BytesIO(), io.BytesIO()
    _soptui_pdf.write(export, first, {})
    _soptui_pdf.write(export, second, {})
    assert first.getvalue() == second.getvalue()


@pytest.fixture
def archival(examples, tmp_path):
    path = examples[0]
    _export(path, tmp_path)
    return tmp_path / path.name.replace(".sop.toml", ".pdf")


def _changed(path, change) -> bytes:
    with pikepdf.open(path) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_preflight_catches_metadata_that_disagrees(archival, tmp_path):
    """The validator really checks: an Info Subject the XMP does not repeat is found."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(_changed(archival, lambda pdf: pdf.docinfo.__setitem__("/Subject", "lain")))
    assert any(line.startswith("7.2 ") for line in preflight(broken))


@pytest.mark.parametrize(("change", "rule"), [
    (lambda pdf: pdf.Root.AcroForm.__setitem__("/NeedAppearances", True), "6.4.1-3"),
    (lambda pdf: pdf.Root.AcroForm.Fields[0].Kids[0].__setitem__("/F", 2), "6.3.2-2"),
    (lambda pdf: pdf.Root.AcroForm.Fields[0].Kids[0].__delitem__("/AP"), "6.3.3-1"),
    (lambda pdf: pdf.Root.__delitem__("/AF"), "6.8-4"),
    (lambda pdf: pdf.Root.AF[0].__delitem__("/AFRelationship"), "6.8-3"),
])
def test_the_form_and_embedded_file_rules_are_checked(archival, change, rule):
    from soptui.archival.conformance import problems

    assert any(found.startswith(rule) for found in problems(_changed(archival, change)))
