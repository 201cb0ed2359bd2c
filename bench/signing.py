"""Benchmark of the archival PDF and of signing and verifying, as a user runs them.

Run: python bench/signing.py [--runs 5]   (writes nothing to the repo; prints
the "## Signing" section of docs/benchmarks.md, machine and load included).

1. What PDF/A-3b finishing adds to one export (``_soptui_pdf.write`` with
   ``arsip`` true, the default, against false): CPU time in this process,
   best and median of ``--runs`` after a warm-up, SOPs from
   ``soptui.corpus.generate_sop(11, ...)`` with their TOML embedded.
2. ``soptui tandatangan`` and ``soptui verifikasi`` as whole processes
   (start-up, plugin loading, pyHanko's import, the work) on the ready PDF of
   ``examples/pengajuan-cuti.sop.toml``, with a throwaway 2048-bit RSA
   certificate: wall time, median of ``--runs``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]


def export_rows(runs: int) -> list[str]:
    import tomli_w

    import _soptui_pdf
    from soptui.corpus import generate_sop
    from soptui.exporters import ExportInput
    from soptui.layout import compute_layout
    from soptui.serialize import to_dict

    rows = []
    for steps, actors in ((10, 3), (40, 6), (200, 8)):
        sop = generate_sop(11, steps=steps, actors=actors)
        data = tomli_w.dumps(to_dict(sop)).encode()
        export = ExportInput(sop, None, hashlib.sha256(data).hexdigest(),
                             compute_layout(sop, _soptui_pdf.page_options({})), data)
        cells = []
        for arsip in (False, True):
            _soptui_pdf.write(export, io.BytesIO(), {"arsip": arsip})
            times = []
            for _ in range(runs):
                stream, start = io.BytesIO(), time.process_time()
                pages = _soptui_pdf.write(export, stream, {"arsip": arsip})
                times.append((time.process_time() - start) * 1000)
            cells.append(f"{min(times):.1f} / {statistics.median(times):.1f} ms, {len(stream.getvalue()) // 1024} KiB")
        rows.append(f"| {steps} steps, {actors} actors | {pages} | {cells[0]} | {cells[1]} |")
    return rows


def process_rows(runs: int) -> list[str]:
    from tests.signing.conftest import PASSPHRASE, make_credentials

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        credentials = make_credentials(base / "pki")
        environment = {**os.environ, "SOPTUI_SANDI": PASSPHRASE,
                       "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")])}
        soptui = [sys.executable, "-m", "soptui"]
        subprocess.run([*soptui, "export", str(ROOT / "examples" / "pengajuan-cuti.sop.toml"), "-f", "pdf",
                        "-o", folder], check=True, capture_output=True, env=environment)
        ready = base / "pengajuan-cuti.pdf"
        commands = {
            "soptui tandatangan cuti.pdf --p12 ...": [*soptui, "tandatangan", str(ready), "--p12", str(credentials.p12),
                                                      "--timpa"],
            "soptui verifikasi cuti.ttd.pdf --akar ...": [*soptui, "verifikasi", str(base / "pengajuan-cuti.ttd.pdf"),
                                                          "--akar", str(credentials.root), "--tanpa-sistem"],
            "soptui verifikasi cuti.ttd.pdf (system roots too)": [*soptui, "verifikasi",
                                                                  str(base / "pengajuan-cuti.ttd.pdf"),
                                                                  "--akar", str(credentials.root)],
        }
        rows = []
        for label, command in commands.items():
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run(command, check=False, capture_output=True, env=environment)
                times.append((time.perf_counter() - start) * 1000)
            rows.append(f"| `{label}` | {min(times):.0f} ms | {statistics.median(times):.0f} ms |")
        return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print("## Signing\n")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average at start {os.getloadavg()[0]:.1f}. Script: `bench/signing.py`.\n")
    print("| SOP | pages | plain PDF (arsip=false): CPU best / median, size | PDF/A-3b (default) |")
    print("|---|---|---|---|")
    print("\n".join(export_rows(runs)))
    print("\n| command (whole process) | best | median |")
    print("|---|---|---|")
    print("\n".join(process_rows(runs)))


if __name__ == "__main__":
    main()
