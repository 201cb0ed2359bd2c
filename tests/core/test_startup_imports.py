"""``soptui check`` starts without the libraries only other commands use.

A pre-commit hook runs ``soptui check`` on every commit, so what it imports is
what every commit waits for; the drawing, slide, archive and editor libraries
(and tomlkit, which only writing a file needs) load where they are used. The
speed itself is measured in bench/startup.py, never asserted here.
"""

from __future__ import annotations

import subprocess
import sys

ONLY_ELSEWHERE = ("reportlab", "PIL", "pptx", "pikepdf", "lxml", "jsonschema", "tomlkit", "textual",
                  "multiprocessing", "pyhanko", "openpyxl")


def test_check_of_one_file_loads_no_library_it_does_not_use(examples):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from soptui.cli import cli\n"
        f"done = CliRunner().invoke(cli, ['check', {str(examples[0])!r}])\n"
        "assert done.exit_code == 0, done.output\n"
        f"print(sorted(m for m in {ONLY_ELSEWHERE!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
