"""The archival PDF (``-O pdf.arsip=true``): the source embedded, the signature field placed."""

import io

import pikepdf

from soptui.exporters import ExportInput
from soptui.loader import load
import soptui_pdf


def _archival(path) -> bytes:
    loaded = load(path)
    stream = io.BytesIO()
    soptui_pdf.write(ExportInput(loaded.sop, loaded.path, loaded.source.sha256, source=loaded.source.data),
                     stream, {"arsip": True})
    return stream.getvalue()


def test_the_archival_pdf_carries_its_source_and_a_signature_field(examples):
    path = next(p for p in examples if p.name.startswith("pengajuan-cuti"))
    data = _archival(path)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.attachments[path.name].get_file().read_bytes() == path.read_bytes()
        assert pdf.Root.AF[0].AFRelationship == pikepdf.Name.Source
        (field,) = pdf.Root.AcroForm.Fields
        assert field.FT == pikepdf.Name.Sig and str(field.T).startswith("Disahkan.")
        assert "/Trans" not in pdf.pages[0].obj
        assert pdf.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFA1
    assert _archival(path) == data  # same input, same bytes
