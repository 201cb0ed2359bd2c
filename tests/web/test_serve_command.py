"""soptui serve: loopback by default, another address only when asked, with a warning; --root passed on."""

from __future__ import annotations

import shlex

from click.testing import CliRunner

from soptui.cli import cli
from soptui.commands.serve import editor_command, is_loopback


def test_a_network_address_is_refused_without_the_explicit_option(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "login" in result.output


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3") and not is_loopback("sop.example")


def test_root_and_language_reach_every_editor_process(tmp_path):
    folder = tmp_path / "pustaka dinas"  # a space: the shell command is quoted
    command = shlex.split(editor_command(folder, tmp_path, "en"))
    assert command[3:] == ["edit", str(folder), "--lang", "en", "--root", str(tmp_path)]


def test_a_path_outside_root_is_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "a"), "--root", str(tmp_path / "b")])
    assert result.exit_code == 2


def test_a_network_address_when_asked_prints_the_no_login_warning(tmp_path, monkeypatch):
    from textual_serve.server import Server

    started = []
    monkeypatch.setattr(Server, "serve", lambda self, debug=False: started.append((self.host, self.port)))
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0", "--port", "8123",
                                      "--izinkan-jaringan"])
    assert result.exit_code == 0, result.output
    assert started == [("0.0.0.0", 8123)]
    assert "PERINGATAN" in result.output and "tanpa login" in result.output and "0.0.0.0:8123" in result.output
