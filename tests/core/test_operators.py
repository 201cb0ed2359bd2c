"""What operators need from every command: settings problems on stderr, --config, --isolated, completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from tests.conftest import EXAMPLES, ROOT


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """A user's config folder of their own, with SOPTUI_* variables cleared."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(folder))
    for name in list(os.environ):
        if name.startswith("SOPTUI_") and name != "SOPTUI_CONFIG_DIR":
            monkeypatch.delenv(name)
    return folder


def run(*args: str, **env: str):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env or None)


def pdf_paper(result) -> str:
    assert result.exit_code == 0, result.output
    pdf = next(p for p in json.loads(result.stdout) if p["name"] == "pdf")["exporters"][0]
    return next(o["default"] for o in pdf["options"] if o["name"] == "paper")


@pytest.mark.parametrize("args", [("check", EXAMPLES[0]), ("schema",), ("plugins", "--json"), ("layout", EXAMPLES[0]),
                                  ("monev", EXAMPLES[0])])
def test_every_command_reports_settings_problems_on_stderr(settings, args):
    (settings / "config.toml").write_text('paper = "B5"\nwarna = 1\n', encoding="utf-8")
    result = run(*args)
    assert "B5" in result.stderr and "warna" in result.stderr, (args, result.stderr)
    assert "B5" not in result.stdout


def test_isolated_ignores_the_users_settings_and_config_names_the_only_file(settings, tmp_path):
    from soptui.plugins import reset_plugins

    (settings / "config.toml").write_text('paper = "Legal"\n', encoding="utf-8")
    reset_plugins()
    assert pdf_paper(run("plugins", "--json", SOPTUI_PAPER="F4")) == "F4"  # the variable wins over the file
    reset_plugins()
    assert pdf_paper(run("plugins", "--json", "--isolated", SOPTUI_PAPER="F4")) == "A4"
    chosen = tmp_path / "ci.toml"
    chosen.write_text('paper = "Letter"\n', encoding="utf-8")
    reset_plugins()
    assert pdf_paper(run("plugins", "--json", "--config", chosen, SOPTUI_PAPER="F4")) == "Letter"
    missing = run("schema", "--config", tmp_path / "tidak-ada.toml")
    assert "tidak-ada.toml" in missing.stderr and missing.exit_code == 0
    reset_plugins()
    assert os.environ.get("SOPTUI_CONFIG") is None and os.environ.get("SOPTUI_ISOLATED") is None  # undone after


def complete(words: str) -> list[str]:
    env = {**os.environ, "_SOPTUI_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    script = Path(sys.executable).with_name("soptui")  # completion is keyed by the program's name
    result = subprocess.run([str(script)], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120,
                            stdin=subprocess.DEVNULL)
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_completion_offers_subcommands_and_options():
    assert {"check", "export", "plugins", "plugin"} <= set(complete("soptui "))
    assert complete("soptui ch") == ["check"]
    assert {"--select", "--strict"} <= set(complete("soptui check --s"))
    assert complete("soptui check --format ") == ["text", "json", "github", "sarif"]
    assert complete("soptui check --select S00") == [f"S00{n}" for n in range(1, 10)]
    assert complete("soptui check --ignore I003,L") == ["I003,L001", "I003,L002"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_documented_completion_lines_give_a_script(shell):
    guide = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    assert f"_SOPTUI_COMPLETE={shell}_source soptui" in guide
    script = Path(sys.executable).with_name("soptui")
    result = subprocess.run([str(script)], env={**os.environ, "_SOPTUI_COMPLETE": f"{shell}_source"},
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and "_SOPTUI_COMPLETE" in result.stdout and "complete" in result.stdout


def test_export_completes_formats_and_keeps_quiet(tmp_path):
    assert {"pdf", "pptx", "json", "svg"} <= set(complete("soptui export -f "))
    assert complete("soptui export -f pdf,js") == ["pdf,json"]
    out = tmp_path / "out"
    quiet = run("export", EXAMPLES[0], "-f", "json", "-o", out, "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert (out / EXAMPLES[0].name.replace(".sop.toml", ".json")).is_file()
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("nama = \n", encoding="utf-8")
    failed = run("export", broken, "-f", "json", "-o", out, "--quiet")
    assert failed.exit_code == 1 and failed.stdout == "" and "rusak.sop.toml" in failed.stderr
