"""Real cryptography made in the test: a throwaway CA, a signer certificate, a PKCS#12 file."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSPHRASE = "rahasia [uji] \"kutip\" 🙂"
SIGNER_NAME = "YOHANES BERE"  # as a certificate writes the SOP's "Dr. Yohanes Bere, S.Sos., M.Si."
SIGNER_NIP = "197203121998031004"


@dataclass(frozen=True)
class Credentials:
    p12: Path
    root: Path  # the CA certificate, PEM
    ca_cert: object = None  # cryptography objects, to issue more (a timestamp authority)
    ca_key: object = None


def _name(common_name: str, serial: str | None = None):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Otoritas Sertifikat Uji")]
    if serial:
        parts.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(parts)


def issue(credentials: Credentials, common_name: str, extended_usage=None):
    """A key and a certificate from the test CA (asn1crypto forms, as pyHanko takes them)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    now = dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(credentials.ca_cert.subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
               .add_extension(_usage(digital_signature=True, content_commitment=True), critical=True))
    if extended_usage:
        builder = builder.add_extension(x509.ExtendedKeyUsage(extended_usage), critical=True)
    cert = builder.sign(credentials.ca_key, hashes.SHA256())
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return (asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            asn1_keys.PrivateKeyInfo.load(der_key))


def _usage(**flags):
    from cryptography import x509

    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{name: flags.get(name, False) for name in names})


def make_credentials(folder: Path, common_name: str = SIGNER_NAME, serial: str | None = SIGNER_NIP) -> Credentials:
    """A CA and a signer certificate it issued, valid from yesterday for 30 days."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12

    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (x509.CertificateBuilder().subject_name(_name("CA Uji soptui")).issuer_name(_name("CA Uji soptui"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(_usage(key_cert_sign=True, crl_sign=True), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name(common_name, serial)).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(_usage(digital_signature=True, content_commitment=True), critical=True)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    root = folder / "ca-uji.pem"
    root.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    p12 = folder / "pengesah.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"pengesah", key, cert, [ca], serialization.BestAvailableEncryption(PASSPHRASE.encode())))
    return Credentials(p12, root, ca, ca_key)


@pytest.fixture(scope="session")
def credentials(tmp_path_factory) -> Credentials:
    return make_credentials(tmp_path_factory.mktemp("pki"))


def soptui(*args, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``soptui ARGS`` as a user runs it, in its own process."""
    import os

    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "soptui", *map(str, args)], capture_output=True, text=True,
                          env=environment, cwd=cwd, timeout=180)


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pengajuan-cuti.sop.toml"


@pytest.fixture(scope="session")
def ready_master(tmp_path_factory) -> tuple[Path, Path]:
    """The ready-to-sign PDF of pengajuan-cuti as ``soptui export`` writes it, made once."""
    folder = tmp_path_factory.mktemp("siap")
    toml = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, toml)
    result = soptui("export", toml, "-f", "pdf", "-o", folder)
    assert result.returncode == 0, result.stderr
    return folder / "pengajuan-cuti.pdf", toml


@pytest.fixture(scope="session")
def signed_master(ready_master, credentials, tmp_path_factory) -> Path:
    """That PDF signed with the test certificate by ``soptui tandatangan``, once."""
    folder = tmp_path_factory.mktemp("ttd")
    pdf = folder / ready_master[0].name
    shutil.copyfile(ready_master[0], pdf)
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, "--lokasi", "Kupang", env={"SOPTUI_SANDI": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    return folder / "pengajuan-cuti.ttd.pdf"


@pytest.fixture
def ready(ready_master, tmp_path) -> tuple[Path, Path]:
    """The ready PDF and a copy of its TOML, in this test's own folder."""
    return tuple(Path(shutil.copyfile(path, tmp_path / path.name)) for path in ready_master)
