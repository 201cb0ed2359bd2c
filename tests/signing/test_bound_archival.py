"""The bound document is PDF/A-3b too: every SOP's source, a field per SOP and one for the decree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest

from soptui.loader import load
from soptui.signing import DECREE_PREFIX, field_name
from soptui.signing.document import signature_fields
from tests.signing.conftest import soptui
from tests.signing.pdfa import pdfa_problems

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bound(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("dokumen")
    for path in (ROOT / "examples").glob("*.toml"):
        shutil.copy(path, folder / path.name)
    result = soptui("dokumen", folder / "dokumen.toml")
    assert result.returncode == 0, result.stderr
    return folder / "dokumen.pdf", folder


def test_the_bound_document_is_pdfa_3b(bound):
    assert pdfa_problems(bound[0]) == []


def test_it_carries_every_sop_and_a_field_for_each_and_for_the_decree(bound):
    pdf, folder = bound
    sops = sorted(folder.glob("*.sop.toml"))
    with pikepdf.open(pdf) as document:
        embedded = {name: spec.get_file().read_bytes() for name, spec in document.attachments.items()}
    assert embedded == {path.name: path.read_bytes() for path in sops}
    fields = {field.name: field for field, signed in signature_fields(pdf.read_bytes())}
    nomors = [load(path).sop.identitas.nomor for path in sops]
    assert set(fields) == {field_name(n) for n in nomors} | {field_name("800/120/SETDA/2024", DECREE_PREFIX)}
    pages = sorted(field.page for field in fields.values())
    assert len(set(pages)) == len(pages)  # each on its own page: the decree's, then each SOP's identity page


def test_each_sop_of_it_can_be_signed_in_turn_and_every_signature_stands(bound, credentials, tmp_path):
    pdf, folder = bound
    secret = {"SOPTUI_SANDI": "rahasia [uji] \"kutip\" 🙂"}
    names = [field.name for field, _ in signature_fields(pdf.read_bytes()) if field.name.startswith("Disahkan")]
    assert soptui("tandatangan", pdf, "--p12", credentials.p12, env=secret).returncode == 2  # which field?
    current = pdf
    for number, name in enumerate(names[:2]):
        target = tmp_path / f"ttd-{number}.pdf"
        result = soptui("tandatangan", current, "--p12", credentials.p12, "--kolom", name, "-o", target, env=secret)
        assert result.returncode == 0, result.stderr
        current = target
    verified = soptui("verifikasi", current, "--akar", credentials.root, "--json")
    report = json.loads(verified.stdout)
    assert verified.returncode == 0, report
    assert [s["field"] for s in report["signatures"]] == names[:2]
    assert report["signatures"][0]["updates_after"] == "FORM_FILLING"  # the second signature, nothing else
    assert all(s["printed"] for s in report["sources"]) and len(report["empty_fields"]) == len(names) - 1
    assert pdfa_problems(current) == []
