"""A save killed at any moment leaves the SOP whole: the old version or the new, never half.

A process saves an SOP over and over, as the editor's Ctrl+S and autosave
do, and is killed with SIGKILL (an OOM kill, a dropped SSH session's
``kill -9``) at a random moment. After every kill the file loads and holds
one of the versions written; the temporary files the killed writers left
are removed by the next save in the folder.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from soptui.loader import load
from soptui.store import save

KILLS = 20
WRITER = """
import dataclasses, sys
from soptui.loader import load
from soptui.store import save

path = sys.argv[1]
loaded = load(path)
sop, source = loaded.sop, loaded.source
print("ready", flush=True)
number = 0
while True:
    number += 1
    name = f"Versi {number % 2} " + "panjang " * (number % 400)  # sizes vary: a kill lands mid-write
    version = dataclasses.replace(sop, identitas=dataclasses.replace(sop.identitas, nama=name))
    source = save(version, path, source, force=True)
"""


def test_a_save_killed_at_any_moment_leaves_a_whole_version(tmp_path, examples):
    path = tmp_path / "cuti.sop.toml"
    path.write_bytes(next(p for p in examples if p.name.startswith("pengajuan-cuti")).read_bytes())
    original = load(path).sop.identitas.nama
    rng = random.Random(12)
    for _ in range(KILLS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0, 0.05))
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=60)
            writer.stdout.close()
        loaded = load(path)
        assert loaded.sop is not None, [f.format_line() for f in loaded.findings]
        name = loaded.sop.identitas.nama
        assert name == original or name.startswith(("Versi 0", "Versi 1")), name
    survivor = load(path)
    save(survivor.sop, Path(path), survivor.source, force=True)  # the next save sweeps what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cuti.sop.toml"]
