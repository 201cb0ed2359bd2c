"""End to end through a real SSH session in a real terminal (tmux).

sshd runs on a loopback port with a throwaway host key and user key; ssh
runs inside tmux, as a drafter's terminal would. The test fails (never
skips) when sshd, ssh, ssh-keygen or tmux are missing: CI installs them.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from soptui.loader import load
from tests.tui.clerk import assert_saved_exactly, type_a_clerks_edits
from tests.tui.terminal import Terminal, soptui

SSHD = "/usr/sbin/sshd"
TOOLS = ("ssh", "ssh-keygen", "tmux")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sshd(tmp_path: Path, library: Path):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None] + ([] if Path(SSHD).exists() else [SSHD])
    assert not missing, (
        f"needed for the SSH end-to-end test: {', '.join(missing)} (apt-get install openssh-server openssh-client tmux)"
    )
    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    for name in ("host", "user", "forced"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
    # "forced" may only run the editor confined to the library, as a unit's drafter would
    forced = soptui("--root", str(library), folder=Path.home())
    (keys / "authorized_keys").write_text(
        (keys / "user.pub").read_text() + f'command="{forced}",no-port-forwarding ' + (keys / "forced.pub").read_text()
    )
    os.chmod(keys / "authorized_keys", 0o600)
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation dir; .ci/run makes it too
    port = free_port()
    config = keys / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
        f"PermitRootLogin prohibit-password\nUsePAM no\nStrictModes no\nPidFile {keys / 'sshd.pid'}\n"
    )
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert server.poll() is None, f"sshd did not start: {server.stderr.read()}"
            time.sleep(0.1)
    yield port, keys / "user", keys / "forced"
    server.terminate()
    server.wait(timeout=10)


def ssh_command(port: int, key: Path, remote: str) -> str:
    options = [
        "-t",
        "-i",
        str(key),
        "-p",
        str(port),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes",
    ]
    return shlex.join(["ssh", *options, f"{getpass.getuser()}@127.0.0.1", remote])


def test_edit_a_step_over_ssh_and_save(sshd, library, tmp_path):
    port, key, _ = sshd
    surat = library / "surat-masuk.sop.toml"
    before = surat.read_text(encoding="utf-8")
    terminal = Terminal(
        tmp_path, ssh_command(port, key, soptui("--root", str(library), "surat-masuk.sop.toml", folder=library))
    )
    try:
        terminal.wait_for("Mencatat surat dalam")
        terminal.keys("Down", "Down", "Enter", "End")
        terminal.type(" segera")
        terminal.wait_for("belum disimpan")
        terminal.keys("C-s")
        terminal.wait_for("Disimpan ke")
        terminal.keys("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
    after = surat.read_text(encoding="utf-8")
    assert after == before.replace('buku agenda surat masuk"', 'buku agenda surat masuk segera"')
    assert load(surat).sop.langkah[2].kegiatan == "Mencatat surat dalam buku agenda surat masuk segera"


def test_root_refuses_a_path_outside_over_ssh(sshd, library, tmp_path):
    port, key, _ = sshd
    secret = tmp_path / "rahasia.sop.toml"
    secret.write_text((library / "surat-masuk.sop.toml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(secret, library / "tautan.sop.toml")
    for target in ("../rahasia.sop.toml", str(secret), "tautan.sop.toml"):
        terminal = Terminal(tmp_path, ssh_command(port, key, soptui("--root", str(library), target, folder=library)))
        try:
            screen = terminal.wait_for("EXIT=")
        finally:
            terminal.close()
        letters = "".join(screen.split())  # the terminal wraps lines mid-word
        assert "EXIT=2" in letters and "diluarfolder" in letters, screen


def test_forced_command_opens_the_library_of_its_root_only(sshd, library, tmp_path):
    port, _, forced_key = sshd
    command = ssh_command(port, forced_key, "/bin/sh -c 'cat /etc/passwd'")  # asks for a shell; gets the editor
    terminal = Terminal(tmp_path, command)
    try:
        screen = terminal.wait_for("Pengelolaan Surat Masuk")
        assert "root:" not in screen and "Pustaka SOP" in screen
        terminal.keys("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


def test_bursts_of_typing_over_ssh_are_saved_exactly(sshd, library, tmp_path):
    """The clerk's typing of tests/tui/clerk.py, through sshd and ssh, at 80x24."""
    port, key, _ = sshd
    surat = library / "surat-masuk.sop.toml"
    before = surat.read_text(encoding="utf-8")
    remote = soptui("--root", str(library), "surat-masuk.sop.toml", folder=library, config=tmp_path / "config")
    terminal = Terminal(tmp_path, ssh_command(port, key, remote), width=80, height=24)
    try:
        type_a_clerks_edits(terminal)
    finally:
        terminal.close()
    assert_saved_exactly(surat, before)
