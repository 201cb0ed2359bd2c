"""The passphrase: asked on the terminal without echo, or from SOPTUI_SANDI; never an argument."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

from soptui.commands.tandatangan import tandatangan
from tests.signing.conftest import PASSPHRASE, soptui


def test_no_option_takes_a_passphrase():
    names = {name for param in tandatangan.params for name in (*param.opts, param.name or "")}
    assert not {name for name in names if any(word in name.lower() for word in ("sandi", "pass", "pin", "secret"))}


def test_asked_on_the_terminal_without_echo(ready, credentials):
    pdf, _ = ready
    main, child = os.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "SOPTUI_SANDI"}
    process = subprocess.Popen([sys.executable, "-m", "soptui", "tandatangan", str(pdf), "--p12", str(credentials.p12)],
                               stdin=child, stdout=child, stderr=child, env=environment, close_fds=True)
    os.close(child)
    screen = _read_until(main, b"Sandi pengesah.p12")
    os.write(main, PASSPHRASE.encode() + b"\r")
    screen += _read_until(main, b"ditandatangani", process)
    process.wait(timeout=60)
    os.close(main)
    assert process.returncode == 0, screen.decode(errors="replace")
    assert PASSPHRASE.encode() not in screen and "rahasia".encode() not in screen
    assert pdf.with_name("pengajuan-cuti.ttd.pdf").exists()


def _read_until(fd: int, wanted: bytes, process=None, limit: float = 90.0) -> bytes:
    seen, deadline = b"", time.monotonic() + limit
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the other end closed: the program ended
                break
            seen += chunk
        elif process is not None and process.poll() is not None:
            break
    return seen


def test_without_a_terminal_or_the_variable_it_says_what_to_set(ready, credentials):
    pdf, _ = ready
    environment = {k: v for k, v in os.environ.items() if k != "SOPTUI_SANDI"}
    result = subprocess.run([sys.executable, "-m", "soptui", "tandatangan", str(pdf), "--p12", str(credentials.p12)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 2 and "SOPTUI_SANDI" in result.stderr
    assert not pdf.with_name("pengajuan-cuti.ttd.pdf").exists()


def test_a_wrong_passphrase_fails_cleanly(ready, credentials):
    pdf, _ = ready
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, env={"SOPTUI_SANDI": "keliru"})
    assert result.returncode == 1 and "sandi salah" in result.stderr and "Traceback" not in result.stderr
    assert not pdf.with_name("pengajuan-cuti.ttd.pdf").exists()


def test_an_existing_output_is_kept_unless_asked(ready, credentials):
    pdf, _ = ready
    target = pdf.with_name("pengajuan-cuti.ttd.pdf")
    target.write_bytes(b"milik orang lain")
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, env={"SOPTUI_SANDI": PASSPHRASE})
    assert result.returncode == 2 and "--timpa" in result.stderr and target.read_bytes() == b"milik orang lain"
    assert soptui("tandatangan", pdf, "--p12", credentials.p12, "-o", pdf, env={"SOPTUI_SANDI": PASSPHRASE}).returncode == 2
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, "--timpa", env={"SOPTUI_SANDI": PASSPHRASE})
    assert result.returncode == 0 and target.read_bytes().startswith(pdf.read_bytes())
