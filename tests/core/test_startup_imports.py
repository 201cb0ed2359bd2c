"""``soptui check`` starts without the libraries only other commands use.

A pre-commit hook runs ``soptui check`` on every commit, so what it imports is
what every commit waits for; the drawing, slide, archive and editor libraries
(and tomlkit, which only writing a file needs) load where they are used. So do
the other subcommands, the plugins' working code (signing, ZIP), and the
scan of every installed distribution's metadata (``soptui.discovery`` keeps
its answer). The speed itself is measured in bench/startup.py, never asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys

ONLY_ELSEWHERE = ("reportlab", "PIL", "pptx", "pikepdf", "lxml", "jsonschema", "tomlkit", "textual",
                  "multiprocessing", "pyhanko", "openpyxl")
#: What a start loaded before it was made lazy: each costs milliseconds on every commit.
NOT_AT_START = ("importlib.metadata", "email", "platformdirs", "tempfile", "zipfile", "logging",
                "soptui.commands.export", "soptui.commands.tandatangan", "soptui.interchange.document",
                "_soptui_ttd.pkcs12", "soptui.signing.request")


def imported_by(args: list[str], cache: str) -> set[str]:
    """The modules ``python -m soptui ARGS`` imports, as ``-X importtime`` lists them."""
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "soptui", *args], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_check_of_one_file_loads_no_library_it_does_not_use(examples, tmp_path):
    imported_by(["check", str(examples[0])], str(tmp_path))  # the first start after an install scans
    loaded = imported_by(["check", str(examples[0])], str(tmp_path))
    assert "soptui.checks" in loaded  # the listing is real
    assert sorted(m for m in ONLY_ELSEWHERE if m in loaded) == []
    assert sorted(m for m in NOT_AT_START if m in loaded) == []
