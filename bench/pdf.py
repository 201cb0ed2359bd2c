"""Benchmark of the PDF exporter, with headless Chromium for context.

Run: python bench/pdf.py   (prints the figures for docs/benchmarks.md,
section "## PDF"). Targets (issue 3): the PDF of a 10-step SOP within 20 ms
of CPU, of a 40-step 6-actor SOP within 100 ms, on the 2-core machine.

Method: CPU time (``time.process_time``) of one export in this process, after
one warm-up export (fonts registered, modules imported), best and median of
N runs; "layout + PDF" is what ``soptui export`` pays per file, "PDF only"
is ``write`` given a computed layout. For context, what web SOP apps do:
the same SOP as an HTML page (the identity table and the flowchart table,
symbols as inline SVG) printed to PDF by headless Chromium, timed as CPU of
the browser's processes (``RUSAGE_CHILDREN``) and wall time, start-up
included, best of 3.
"""

from __future__ import annotations

import html
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import soptui_pdf
from soptui.corpus import generate_sop
from soptui.exporters import ExportInput
from soptui.layout import compute_layout
from soptui.model import Sop

CASES = (("10 steps, 3 actors", 10, 3, 20.0), ("40 steps, 6 actors", 40, 6, 100.0))
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
)


def cpu_ms(action, runs: int) -> list[float]:
    action()  # warm-up: fonts registered, modules imported
    times = []
    for _ in range(runs):
        started = time.process_time()
        action()
        times.append((time.process_time() - started) * 1000)
    return times


def export_whole(sop: Sop) -> int:
    options: dict = {}
    layout = compute_layout(sop, soptui_pdf.page_options(options))
    return soptui_pdf.write(ExportInput(sop, None, "0" * 64, layout), io.BytesIO(), options)


def write_only(sop: Sop):
    options: dict = {}
    data = ExportInput(sop, None, "0" * 64, compute_layout(sop, soptui_pdf.page_options(options)))
    return lambda: soptui_pdf.write(data, io.BytesIO(), options)


def as_html(sop: Sop) -> str:
    """The SOP as a web SOP app would print it: two tables, SVG symbols."""
    e = html.escape
    ident = sop.identitas
    actors = sop.pelaksana
    shapes = {
        "terminator": '<rect x="2" y="2" width="56" height="20" rx="10"/>',
        "proses": '<rect x="2" y="2" width="56" height="20"/>',
        "keputusan": '<polygon points="30,1 59,12 30,23 1,12"/>',
    }
    rows = []
    for number, step in enumerate(sop.langkah, start=1):
        cells = "".join(
            f'<td><svg width="60" height="24" fill="white" stroke="black">{shapes[sop.flow.symbols[step.id]]}</svg></td>'
            if actor.id == step.pelaksana else "<td></td>"
            for actor in actors
        )
        rows.append(
            f"<tr><td>{number}</td><td>{e(step.kegiatan)}</td>{cells}<td>{e(step.kelengkapan)}</td>"
            f"<td>{e(step.waktu)}</td><td>{e(step.output)}</td><td>{e(step.keterangan)}</td></tr>"
        )
    lists = "".join(f"<p><b>{key}</b></p><ol>{''.join(f'<li>{e(i)}</li>' for i in getattr(ident, key))}</ol>"
                    for key in ("dasar_hukum", "kualifikasi_pelaksana", "peralatan"))
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: 'DejaVu Sans'; font-size: 8pt; }}
table {{ border-collapse: collapse; width: 100%; page-break-after: always; }}
td, th {{ border: 0.6pt solid black; padding: 2pt; vertical-align: top; }}
thead {{ display: table-header-group; }} tr {{ page-break-inside: avoid; }}
</style></head><body>
<table><tr><td rowspan="6">{'<br>'.join(e(i) for i in ident.instansi)}</td><td>Nomor SOP</td><td>{e(ident.nomor)}</td></tr>
<tr><td>Tanggal Pembuatan</td><td>{ident.tanggal_pembuatan}</td></tr><tr><td>Tanggal Revisi</td><td>-</td></tr>
<tr><td>Tanggal Efektif</td><td>{ident.tanggal_efektif}</td></tr><tr><td>Disahkan oleh</td><td><br><br><br></td></tr>
<tr><td>Nama SOP</td><td>{e(ident.nama)}</td></tr><tr><td colspan="3">{lists}</td></tr></table>
<table><thead><tr><th rowspan="2">No</th><th rowspan="2">Kegiatan</th><th colspan="{len(actors)}">Pelaksana</th>
<th colspan="3">Mutu Baku</th><th rowspan="2">Keterangan</th></tr>
<tr>{''.join(f'<th>{e(a.nama)}</th>' for a in actors)}<th>Kelengkapan</th><th>Waktu</th><th>Output</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></body></html>"""


def chromium(sop: Sop, runs: int = 3) -> tuple[float, float] | None:
    """(best CPU ms, best wall ms) of Chromium printing the HTML to PDF."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        page, out = Path(folder) / "sop.html", Path(folder) / "sop.pdf"
        page.write_text(as_html(sop), encoding="utf-8")
        cpu, wall = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                            f"--print-to-pdf={out}", page.as_uri()], capture_output=True, check=True)
            wall.append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
            assert out.stat().st_size > 1000
        return min(cpu), min(wall)


def main(runs: int = 50) -> None:
    print("| SOP | target (CPU) | layout + PDF: best / median | PDF only: best | pages | Chromium: CPU / wall | ratio (CPU) |")
    print("|---|---|---|---|---|---|---|")
    for name, steps, actors, target in CASES:
        sop = generate_sop(11, steps=steps, actors=actors)
        whole = cpu_ms(lambda: export_whole(sop), runs)
        only = cpu_ms(write_only(sop), runs)
        pages = export_whole(sop)
        browser = chromium(sop)
        browser_text = f"{browser[0]:.0f} ms / {browser[1]:.0f} ms" if browser else "not installed"
        ratio = f"{browser[0] / min(whole):.0f}x" if browser else "-"
        print(f"| {name} | {target:.0f} ms | {min(whole):.1f} / {statistics.median(whole):.1f} ms | "
              f"{min(only):.1f} ms | {pages} | {browser_text} | {ratio} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
