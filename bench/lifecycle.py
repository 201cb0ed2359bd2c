"""Benchmarks of the lifecycle: monev, catalogue, diff, forms and the bound document.

Run: python bench/lifecycle.py   (writes only in a temporary folder; paste
the figures into docs/benchmarks.md, section "Lifecycle"). Libraries come
from ``soptui.corpus.write_library`` (10 to 40 steps, 2 to 8 actors).
Commands are timed as whole processes (start-up included), as a script or
CI would run them; the diff is timed in-process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from dataclasses import replace
from pathlib import Path

from soptui.corpus import generate_sop, write_library
from soptui.lifecycle.diff import diff_sops

DOKUMEN = """[dokumen]
judul = "Administrasi Pemerintahan"
instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "BADAN KEPEGAWAIAN DAERAH"]
tahun = 2024

[keputusan]
judul = "Keputusan Kepala Badan"
nomor = "800/1/BKD/2024"
tanggal = 2024-01-31
tentang = "Standar Operasional Prosedur"
teks = "KESATU : Menetapkan SOP sebagaimana tercantum dalam Lampiran."

[sop]
berkas = ["sop"]
"""


def run(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "soptui", *args], capture_output=True)
        times.append(time.perf_counter() - started)
        assert done.returncode in (0, 1), done.stderr[-800:]
    return times


def changed_copy(seed: int, steps: int):
    """An SOP and a revision of it: every 7th step reworded, one moved, one removed, times changed."""
    old = generate_sop(seed, steps=steps, actors=6)
    rows = [replace(s, kegiatan=s.kegiatan + " dengan teliti") if i % 7 == 3 else s for i, s in enumerate(old.langkah)]
    rows = [replace(s, waktu="45 menit") if i % 11 == 5 else s for i, s in enumerate(rows)]
    moved = rows.pop(steps // 2)
    rows.insert(steps // 4, moved)
    del rows[steps // 3]
    return old, replace(old, langkah=tuple(rows))


def report(name: str, times: list[float]) -> None:
    print(f"{name}: best {min(times):.2f} s, median {statistics.median(times):.2f} s ({len(times)} runs)")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_library(root / "lib", 1000, seed=1)
        report("monev --json, 1000 SOPs", run(["monev", str(root / "lib"), "--json", "--today", "2025-03-01"], 5))
        report("katalog -o .xlsx, 1000 SOPs", run(["katalog", str(root / "lib"), "-o", str(root / "k.xlsx")], 3))
        report("katalog -o .csv, 1000 SOPs", run(["katalog", str(root / "lib"), "-o", str(root / "k.csv")], 3))
        report("formulir monitoring, 1000 SOPs", run(["formulir", "monitoring", str(root / "lib"), "-o", str(root / "m.pdf")], 3))
        write_library(root / "book" / "sop", 50, seed=2)
        (root / "book" / "dokumen.toml").write_text(DOKUMEN, encoding="utf-8")
        report("dokumen dokumen.toml, 50 SOPs", run(["dokumen", str(root / "book" / "dokumen.toml")], 3))
        pages = subprocess.run(["pdfinfo", str(root / "book" / "dokumen.pdf")], capture_output=True, text=True).stdout
        size = (root / "book" / "dokumen.pdf").stat().st_size
        print("  ", next(line for line in pages.splitlines() if line.startswith("Pages")), f"size {size / 1e6:.1f} MB")
    for steps in (40, 200):
        old, new = changed_copy(3, steps)
        best = min(timeit.repeat(lambda: diff_sops(old, new), number=1, repeat=20))
        print(f"diff_sops, {steps} steps, {len(diff_sops(old, new).changes)} changes: best {best * 1000:.1f} ms (20 runs)")
