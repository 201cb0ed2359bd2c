"""Sign the ready PDF with a real (throwaway) certificate, then verify it as a script would."""

from __future__ import annotations

import io
import json
import shutil

import pikepdf
import pytest

from tests.signing.conftest import PASSPHRASE, SIGNER_NIP, soptui
from tests.signing.pdfa import pdfa_problems

SECRET = {"SOPTUI_SANDI": PASSPHRASE}


@pytest.fixture
def signed(signed_master, ready):
    """The signed PDF and the TOML it was made from, in this test's own folder."""
    output = ready[0].with_name(signed_master.name)
    shutil.copyfile(signed_master, output)
    return output, ready[1]


def test_signing_writes_a_new_file_and_leaves_the_ready_one_alone(ready, credentials):
    pdf, _ = ready
    before = pdf.read_bytes()
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, env=SECRET)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes() == before  # the unsigned file is never altered
    assert pdf.with_name("pengajuan-cuti.ttd.pdf").read_bytes().startswith(before)  # an incremental update


def _verify(path, *args):
    result = soptui("verifikasi", path, *map(str, args), "--json")
    return result.returncode, json.loads(result.stdout)


def test_a_signed_sop_verifies_valid_by_its_signer(signed, credentials):
    output, _ = signed
    code, report = _verify(output, "--akar", credentials.root, "--tanpa-sistem")
    assert code == 0, report
    (signature,) = report["signatures"]
    assert signature["field"] == "Disahkan.800-017-BKD-2024"
    assert signature["signer"] == "YOHANES BERE" and signature["nip"] == SIGNER_NIP
    assert signature["intact"] and signature["valid"] and signature["trusted"] and signature["covers_whole_file"]
    assert report["sources"][0]["printed"] and report["ok"]
    text = soptui("verifikasi", output, "--akar", credentials.root)
    assert text.returncode == 0 and "SAH" in text.stdout and "YOHANES BERE" in text.stdout


def test_the_signed_file_is_still_pdfa_3b(signed):
    assert pdfa_problems(signed[0]) == []


def test_without_its_root_the_signature_is_untrusted(signed):
    code, report = _verify(signed[0], "--tanpa-sistem")
    assert code == 4 and not report["signatures"][0]["trusted"] and report["signatures"][0]["intact"]


def test_one_flipped_byte_breaks_the_signature(signed, credentials, tmp_path):
    output, _ = signed
    data = bytearray(output.read_bytes())
    at = data.index(b"stream", len(data) // 4) + 20  # inside a page's content, well within the signed range
    data[at] ^= 0x01
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(bytes(data))
    code, report = _verify(broken, "--akar", credentials.root, "--tanpa-sistem")
    assert code == 4
    assert not report["signatures"][0]["intact"] and not report["ok"]


def test_an_update_appended_after_signing_is_reported(signed, credentials, tmp_path):
    output, _ = signed
    data = _append_incremental(output.read_bytes())
    changed = tmp_path / "diubah.pdf"
    changed.write_bytes(data)
    code, report = _verify(changed, "--akar", credentials.root, "--tanpa-sistem")
    assert code == 4
    signature = report["signatures"][0]
    assert signature["intact"] and not signature["covers_whole_file"] and signature["updates_after"] == "OTHER"
    assert report["revisions_after"] == 1
    text = soptui("verifikasi", changed, "--akar", credentials.root).stdout
    assert "DIUBAH" in text and "1 pembaruan" in text


def _append_incremental(data: bytes) -> bytes:
    """An incremental update that replaces the first page's content, as a
    PDF editor that "just fixes a typo" in a signed file would."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=b"BT 100 100 Td (palsu) Tj ET"))
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_edited_toml_shows_what_changed_since_signing(signed, credentials):
    output, toml = signed
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('waktu = "15 menit"', 'waktu = "45 menit"', 1), encoding="utf-8")
    assert toml.read_text(encoding="utf-8") != text
    code, report = _verify(output, toml, "--akar", credentials.root)
    assert code == 1 and report["ok"]
    changes = report["perubahan"]["perubahan"]
    assert {(c["rincian"], c["lama"], c["baru"]) for c in changes} >= {("waktu", "15 menit", "45 menit")}
    printed = soptui("verifikasi", output, toml, "--akar", credentials.root)
    assert printed.returncode == 1 and "45 menit" in printed.stdout
    toml.write_text(text, encoding="utf-8")
    assert _verify(output, toml, "--akar", credentials.root)[0] == 0


def test_a_ready_pdf_is_reported_unsigned(ready):
    code, report = _verify(ready[0])
    assert code == 3 and not report["signed"] and report["empty_fields"] == ["Disahkan.800-017-BKD-2024"]


def test_a_source_that_is_not_the_printed_one_fails(ready, credentials, tmp_path):
    pdf, _ = ready
    with pikepdf.open(pdf) as document:  # swap the embedded source for another text
        spec = document.Root.AF[0]
        spec.EF.F.write(b'format = 1\n[identitas]\nnama = "lain"\n')
        forged = tmp_path / "palsu.pdf"
        document.save(forged)
    assert soptui("tandatangan", forged, "--p12", credentials.p12, env=SECRET).returncode == 0
    code, report = _verify(tmp_path / "palsu.ttd.pdf", "--akar", credentials.root)
    assert code == 4 and report["signatures"][0]["intact"] and not report["sources_ok"]


def test_the_visible_appearance_names_the_signer(signed):
    text = _flattened_text(signed[0])  # the widgets drawn into the page, as a printer does
    assert "Ditandatangani secara elektronik oleh" in text
    assert "Dr. Yohanes Bere, S.Sos., M.Si." in text and f"NIP. {SIGNER_NIP}" in text


def _flattened_text(path) -> str:
    from pypdf import PdfReader

    with pikepdf.open(path) as pdf:
        pdf.flatten_annotations(mode="all")
        flat = io.BytesIO()
        pdf.save(flat)
    return PdfReader(flat).pages[0].extract_text()


def test_a_certificate_of_someone_else_is_shown_as_such(ready, tmp_path):
    from tests.signing.conftest import make_credentials

    pdf, _ = ready
    other = make_credentials(tmp_path / "lain", common_name="SITI AMINAH", serial=None)
    result = soptui("tandatangan", pdf, "--p12", other.p12, env=SECRET)
    assert result.returncode == 0 and "SITI AMINAH" in result.stderr and "Yohanes Bere" in result.stderr
    text = _flattened_text(pdf.with_name("pengajuan-cuti.ttd.pdf"))
    assert "SITI AMINAH" in text and "Yohanes Bere" not in text.split("Ditandatangani")[1].split("Pembina")[0]
    assert "NIP. 1972" not in text.split("Ditandatangani")[1].split("Pembina")[0]  # not the SOP signer's NIP


def test_a_plain_pdf_has_nothing_to_sign(tmp_path, credentials):
    from tests.signing.conftest import EXAMPLE

    assert soptui("export", EXAMPLE, "-f", "pdf", "-o", tmp_path, "-O", "arsip=false").returncode == 0
    result = soptui("tandatangan", tmp_path / "pengajuan-cuti.pdf", "--p12", credentials.p12, env=SECRET)
    assert result.returncode == 2 and "soptui export" in result.stderr
    assert _verify(tmp_path / "pengajuan-cuti.pdf")[0] == 3
