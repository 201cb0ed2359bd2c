"""register_signers: a plugin signs through its own gateway; soptui hands it the PDF, the field, the official."""

from __future__ import annotations

import io
import json
import types

import pytest
from click.testing import CliRunner

from soptui import hookimpl, plugins
from soptui.cli import cli
from soptui.signing import SignerBackend, SigningError
from tests.signing.conftest import PASSPHRASE


def _gateway(credentials, seen: list):
    """A stand-in for a unit's e-office: it gets the PDF and signs it with 'its' certificate."""

    def sign(request):
        seen.append(request)
        if request.options["nik"] == "salah":
            raise SigningError("NIK tidak terdaftar di gerbang")
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

        signer = signers.SimpleSigner.load_pkcs12(str(credentials.p12), passphrase=request.secret("sandi", "?").encode())
        out = io.BytesIO()
        PdfSigner(PdfSignatureMetadata(field_name=request.field.name), signer).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(request.pdf)), output=out)
        return out.getvalue()

    module = types.ModuleType("soptui_gerbang_uji")

    @hookimpl
    def register_signers(register):
        from soptui.exporters import Option

        register(SignerBackend("gerbang-uji", "Gerbang uji", sign, (Option("nik", str, "", "NIK"),)))

    module.register_signers = register_signers
    return module


@pytest.fixture
def with_plugin():
    """This process's plugins with ``module`` among them; after the test, loaded afresh on next use
    (not the plugins of before put back: their texts went with the reset)."""
    def install(module, name="gerbang-uji"):
        messages: list[str] = []
        plugins.reset_plugins()
        plugins._loaded = plugins.load_plugins(extra=[(name, module)], warn=messages.append)
        return plugins._loaded, messages
    yield install
    plugins.reset_plugins()


def test_a_plugin_signs_through_its_gateway(ready, credentials, with_plugin, monkeypatch):
    pdf, _ = ready
    seen: list = []
    loaded, messages = with_plugin(_gateway(credentials, seen))
    assert messages == [] and {"p12", "gerbang-uji"} <= set(loaded.signers)
    listed = CliRunner().invoke(cli, ["plugins"]).output
    assert "penanda gerbang-uji: Gerbang uji (opsi: -O nik)" in listed and "penanda p12:" in listed
    monkeypatch.setenv("SOPTUI_SANDI", PASSPHRASE)
    result = CliRunner().invoke(cli, ["tandatangan", str(pdf), "--penanda", "gerbang-uji", "-O", "nik=5371012345670001"])
    assert result.exit_code == 0, result.output
    (request,) = seen
    assert request.field.name == "Disahkan.800-017-BKD-2024" and request.field.page == 0
    assert request.official.nama == "Dr. Yohanes Bere, S.Sos., M.Si." and request.official.nip == "197203121998031004"
    assert request.options == {"nik": "5371012345670001"} and request.pdf == pdf.read_bytes()
    verified = CliRunner().invoke(cli, ["verifikasi", str(pdf.with_name("pengajuan-cuti.ttd.pdf")),
                                        "--akar", str(credentials.root), "--json"])
    assert verified.exit_code == 0 and json.loads(verified.stdout)["signatures"][0]["signer"] == "YOHANES BERE"


def test_a_gateway_refusal_is_one_message_and_no_file(ready, credentials, with_plugin, monkeypatch):
    pdf, _ = ready
    with_plugin(_gateway(credentials, []))
    monkeypatch.setenv("SOPTUI_SANDI", PASSPHRASE)
    result = CliRunner().invoke(cli, ["tandatangan", str(pdf), "--penanda", "gerbang-uji", "-O", "nik=salah"])
    assert result.exit_code == 1 and "NIK tidak terdaftar di gerbang" in result.stderr
    assert "Traceback" not in result.output and not pdf.with_name("pengajuan-cuti.ttd.pdf").exists()


def test_unknown_options_and_signers_are_usage_errors(ready, credentials, with_plugin):
    pdf, _ = ready
    with_plugin(_gateway(credentials, []))
    result = CliRunner().invoke(cli, ["tandatangan", str(pdf), "--penanda", "gerbang-uji", "-O", "sandi=bocor"])
    assert result.exit_code == 2 and "nik" in result.stderr  # a secret is no option
    result = CliRunner().invoke(cli, ["tandatangan", str(pdf), "--penanda", "tidak-ada"])
    assert result.exit_code == 2 and "gerbang-uji" in result.stderr and "p12" in result.stderr


def test_a_plugin_that_registers_a_wrong_signer_is_skipped_whole(with_plugin):
    module = types.ModuleType("soptui_rusak")

    @hookimpl
    def register_signers(register):
        register(SignerBackend("p12", "Tiruan", lambda request: b""))  # the built-in's name

    module.register_signers = register_signers
    loaded, messages = with_plugin(module, "rusak")
    assert loaded.signers["p12"].plugin == "ttd"
    assert len(messages) == 1 and "p12" in messages[0] and "ttd" in messages[0]
    assert next(info for info in loaded.plugins if info.name == "rusak").signers == ()
