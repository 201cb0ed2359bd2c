"""Broken, empty, truncated and random files: one message naming the file, never a traceback."""

from __future__ import annotations

import random

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from tests.signing.conftest import PASSPHRASE


@pytest.fixture
def signed_bytes(signed_master) -> bytes:
    return signed_master.read_bytes()


def _cases(signed: bytes) -> dict[str, bytes]:
    rng = random.Random(15)
    mangled = bytearray(signed)
    for _ in range(200):  # scattered corruption all over the file
        mangled[rng.randrange(len(mangled))] = rng.randrange(256)
    return {
        "kosong.pdf": b"",
        "acak.pdf": bytes(rng.randrange(256) for _ in range(5000)),
        "bukan-pdf.pdf": "format = 1\n[identitas]\nnama = \"[bold]x[/bold]\"\n".encode(),
        "terpotong.pdf": signed[: len(signed) - 300],
        "separuh.pdf": signed[: len(signed) // 2],
        "rusak.pdf": bytes(mangled),
        "header-saja.pdf": b"%PDF-1.7\n%%EOF\n",
    }


def test_verifikasi_and_tandatangan_refuse_broken_files_in_one_line(signed_bytes, credentials, tmp_path, monkeypatch):
    monkeypatch.setenv("SOPTUI_SANDI", PASSPHRASE)
    for name, data in _cases(signed_bytes).items():
        path = tmp_path / name
        path.write_bytes(data)
        verified = CliRunner().invoke(cli, ["verifikasi", str(path)])
        assert verified.exception is None or isinstance(verified.exception, SystemExit), (name, verified.exc_info)
        assert verified.exit_code in (2, 3, 4), (name, verified.output)
        if verified.exit_code == 2:
            assert name in verified.stderr and "Traceback" not in verified.output
        signed = CliRunner().invoke(cli, ["tandatangan", str(path), "--p12", str(credentials.p12),
                                          "-o", str(tmp_path / f"ttd-{name}")])
        assert signed.exception is None or isinstance(signed.exception, SystemExit), (name, signed.exc_info)
        assert signed.exit_code in (1, 2) and "Traceback" not in signed.output, (name, signed.output)
        assert not (tmp_path / f"ttd-{name}").exists()


def test_a_fifo_named_as_the_pdf_is_one_line_not_a_hang(credentials, tmp_path):
    """Read whole, a FIFO waits for a writer for ever."""
    import os
    import subprocess
    import sys

    path = tmp_path / "pipa.pdf"
    os.mkfifo(path)
    for args in (["verifikasi", str(path)], ["tandatangan", str(path), "--p12", str(credentials.p12),
                                               "-o", str(tmp_path / "ttd.pdf")]):
        result = subprocess.run([sys.executable, "-m", "soptui", *args], capture_output=True, text=True, timeout=120,
                                env={**os.environ, "SOPTUI_SANDI": PASSPHRASE})
        assert result.returncode == 2, (args, result.stderr)
        assert str(path) in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / "ttd.pdf").exists()
