"""A disk that fills up while a command writes: one clear line naming what could not be written, exit 1,
never a traceback, and nothing half written left behind.

The real ``soptui`` runs with its file size limit (RLIMIT_FSIZE) at 1,000 bytes, so its writes fail the way
they do on a full disk (``File too large`` instead of ``No space left on device``): through the operating
system, in whatever code writes, not through a patched function.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LIMIT = 1_000


def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


COMMANDS = {
    "new": (["new", "{out}/baru.sop.toml"], "baru.sop.toml"),
    "plugin baru": (["plugin", "baru", "soptui-docx", "-o", "{out}"], "soptui-docx"),
    "situs": (["situs", "{library}", "-o", "{out}/situs", "-f", "json", "-j", "1"], "situs"),
    "katalog": (["katalog", "{library}", "-o", "{out}/katalog.xlsx"], "katalog.xlsx"),
    "export": (["export", "{library}/surat-masuk.sop.toml", "-f", "pdf", "-o", "{out}", "-j", "1"], "surat-masuk.pdf"),
    "formulir": (["formulir", "monitoring", "{library}", "-o", "{out}/monitoring.pdf"], "monitoring.pdf"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_disk_is_one_line_naming_the_output_and_leaves_nothing_half_written(tmp_path, command):
    library, out = tmp_path / "pustaka", tmp_path / "keluaran"
    library.mkdir()
    out.mkdir()
    for name in ("surat-masuk.sop.toml", "pengajuan-cuti.sop.toml"):
        (library / name).write_bytes((EXAMPLES / name).read_bytes())
    args, named = COMMANDS[command]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SOPTUI_ISOLATED": "1"}
    result = subprocess.run([sys.executable, "-m", "soptui", *(a.format(out=out, library=library) for a in args)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
                            preexec_fn=_small_disk)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert named in result.stderr and "File too large" in result.stderr, result.stderr
    leftovers = [p for p in out.rglob("*") if p.name != ".soptui-ledger.json"]
    assert leftovers == [], leftovers
