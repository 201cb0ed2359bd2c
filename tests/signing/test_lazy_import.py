"""Checking and exporting never pay for signing: pyHanko loads only to sign or verify."""

from __future__ import annotations

import subprocess
import sys


def test_check_and_export_do_not_import_pyhanko(examples, tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from soptui.cli import cli\n"
        f"done = CliRunner().invoke(cli, ['export', {str(examples[0])!r}, '-f', 'pdf', '-o', {str(tmp_path)!r}, '--jobs', '1'])\n"
        "assert done.exit_code == 0, done.output\n"
        f"CliRunner().invoke(cli, ['check', {str(examples[0])!r}])\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('pyhanko', 'pyhanko_certvalidator'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
