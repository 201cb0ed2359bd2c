"""Benchmark of the official PDF against what web SOP apps do (headless Chromium printing HTML).

Run: python bench/pdf.py [--runs 7] [--many 200] [--batch 1000] [--against COMMIT] [--batch-only]
(writes nothing to the repo; prints the "## PDF" section of docs/benchmarks.md
with the machine, its load before and after, and the commands).

Every comparison is whole process against whole process, in the same run, on
the same SOP, interleaved (soptui, Chromium, soptui, ...) so load drifts hit
both: ``soptui export FILE -f pdf`` against ``chromium --headless
--print-to-pdf`` of the same SOP as an HTML page (identity and flowchart
tables, symbols as inline SVG); and ``soptui export DIR -f pdf --jobs 2`` of
many SOPs against one reused Chromium printing the same pages one after the
other through chromedriver (bench/chromium_print.py: the best a web app can
do, no start-up per page). CPU and peak memory count every process of each
command (bench/measure.py). In-process, the CPU of one export after a
warm-up is what a batch worker pays per file (issue 18 goal: 8 ms for an
8-step SOP), with and without the archival finishing that PDFs get by
default (PDF/A-3b, docs/signing.md); with ``--against``, the same is
measured for another commit in the same run, in child processes taking turns
with this tree's (bench/startup.py's checkout), so the two see the same load.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measured, load, machine, medians, run  # noqa: E402
from startup import checkout, environment, tree_named  # noqa: E402

from soptui.corpus import generate_sop, write_library  # noqa: E402
from soptui.exporters import ExportInput, render  # noqa: E402
from soptui.loader import load as load_sop  # noqa: E402
from soptui.model import Sop  # noqa: E402
from soptui.plugins import get_plugins  # noqa: E402
from soptui.store import render as toml_of  # noqa: E402

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-pdf-header-footer",
)
HERE = Path(__file__).resolve().parent


def in_process_ms(sop: Sop, runs: int, archival: bool) -> list[float]:
    """CPU ms of layout + PDF for one SOP in this process, after a warm-up."""
    exporter = get_plugins().exporter("pdf")
    export = ExportInput(sop, None, "0" * 64, source=toml_of(sop, None))
    options = {"arsip": archival} if any(o.name == "arsip" for o in exporter.options) else {}
    render(exporter, export, options)
    times = []
    for _ in range(runs):
        started = time.process_time()
        render(exporter, export, options)
        times.append((time.process_time() - started) * 1000)
    return times


def in_child(env: dict[str, str], steps: int, actors: int, runs: int, archival: bool) -> list[float]:
    """:func:`in_process_ms` in a fresh process whose ``soptui`` is the one ``env`` puts first."""
    code = (f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import pdf; "
            f"from soptui.corpus import generate_sop; "
            f"print(json.dumps(pdf.in_process_ms(generate_sop(11, steps={steps}, actors={actors}), {runs}, {archival})))")
    # run from bench/: ``-c`` puts the working folder first on sys.path, and from the
    # repository that would be this tree's soptui whatever PYTHONPATH says
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=HERE, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.splitlines()[-1])


def trees_of(against: str | None, folder: Path) -> dict[str, dict[str, str]]:
    """The environments that run this tree and, when given, ``against`` (bytecode cached for each)."""
    trees = {"this tree": environment(folder / "bytecode")}
    if against:
        (folder / "against").mkdir()
        trees[against] = environment(folder / "bytecode-against", checkout(against, folder / "against"))
    return trees


def paired_in_process(against: str, trees: dict[str, dict[str, str]], rounds: int = 5, runs: int = 10) -> None:
    """This tree against ``against``, in child processes taking turns, ``rounds`` x ``runs`` exports each."""
    print(f"In process, this tree against {against}: CPU of layout + PDF per SOP, best / median of "
          f"{rounds} x {runs} exports in child processes taking turns:")
    print()
    print(f"| SOP | finishing | this tree | {against} | this tree / {against} (median) |")
    print("|---|---|---|---|---|")
    for name, steps, actors in (("8 steps, 3 actors", 8, 3), ("40 steps, 6 actors", 40, 6)):
        for archival in (True, False):
            times: dict[str, list[float]] = {tree: [] for tree in trees}
            for _ in range(rounds):
                for tree, env in trees.items():
                    times[tree] += in_child(env, steps, actors, runs, archival)
            mine, theirs = (statistics.median(times[tree]) for tree in trees)
            cells = [f"{min(times[tree]):.1f} / {statistics.median(times[tree]):.1f} ms" for tree in trees]
            print(f"| {name} | {'PDF/A-3b' if archival else 'plain'} | {cells[0]} | {cells[1]} | {mine / theirs:.2f} |")
    print()


def batch(count: int, trees: dict[str, dict[str, str]], folder: Path) -> None:
    """``soptui export DIR -f pdf --jobs 2`` of ``count`` generated SOPs, once by each tree, one after the other."""
    big = folder / "big"
    write_library(big, count, seed=1)
    done = {}
    for index, (tree, env) in enumerate(trees.items()):
        done[tree] = run([sys.executable, "-m", "soptui", "export", str(big), "-f", "pdf", "-o",
                          str(folder / f"bo{index}"), "--jobs", "2"], env=env, cwd=folder)  # not this tree by -m's cwd
        print(f"Batch, {tree}: {count} generated SOPs (10-40 steps, 2-8 actors), `soptui export DIR -f pdf -o OUT "
              f"--jobs 2`: {done[tree].wall:.1f} s wall ({count / done[tree].wall:.0f} SOPs/s), "
              f"{done[tree].cpu / count * 1000:.1f} ms CPU per SOP, peak {done[tree].peak_mib:.0f} MiB.")
    if len(done) == 2:
        mine, theirs = done.values()
        print(f"This tree / {list(done)[1]}: {mine.wall / theirs.wall:.2f}x wall, {mine.cpu / theirs.cpu:.2f}x CPU.")


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


def soptui_one(source: Path, out: Path, env: dict[str, str]) -> Measured:
    return run([sys.executable, "-m", "soptui", "export", str(source), "-f", "pdf", "-o", str(out), "--force"], env=env)


def chromium_one(page: Path, out: Path, profile: Path) -> Measured:
    return run([shutil.which("chromium"), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                f"--print-to-pdf={out / 'chromium.pdf'}", page.as_uri()])


def row(what: str, ours: Measured, theirs: Measured, per: int = 1) -> str:
    return (f"| {what} | {ours.wall:.2f} s / {ours.cpu:.2f} s / {ours.peak_mib:.0f} MiB "
            f"| {theirs.wall:.2f} s / {theirs.cpu:.2f} s / {theirs.peak_mib:.0f} MiB "
            f"| {theirs.wall / ours.wall:.1f}x / {theirs.cpu / ours.cpu:.1f}x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--many", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--against", metavar="COMMIT", help="also measure this commit in process, taking turns")
    parser.add_argument("--batch-only", action="store_true", help="only the batch of --batch SOPs (and --against's)")
    args = parser.parse_args()
    if args.batch_only:
        print(f"Machine: {machine()}. Load average before: {load()}. This tree: {tree_named()}.")
        with tempfile.TemporaryDirectory() as folder:
            batch(args.batch, trees_of(args.against, Path(folder)), Path(folder))
        print(f"Load average after: {load()}.")
        return
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        raise SystemExit("install Debian's chromium and chromium-driver (.ci/install-debian-packages)")
    print(f"Machine: {machine()}. Load average before: {load()}. This tree: {tree_named()}.")
    print()
    print("In process, CPU of layout + PDF per SOP after a warm-up (best / median of 50):")
    print()
    print("| SOP | PDF/A-3b (default) | plain PDF (`-O arsip=false`) |")
    print("|---|---|---|")
    for name, steps, actors in (("8 steps, 3 actors", 8, 3), ("40 steps, 6 actors", 40, 6)):
        sop = generate_sop(11, steps=steps, actors=actors)
        cells = []
        for archival in (True, False):
            times = in_process_ms(sop, 50, archival)
            cells.append(f"{min(times):.1f} / {statistics.median(times):.1f} ms")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print()
        trees = trees_of(args.against, folder)
        if args.against:
            paired_in_process(args.against, trees)
        env = trees["this tree"]  # bytecode cached, as an installed wheel has it
        print(f"Whole process against whole process, median of {args.runs} interleaved runs "
              "(wall / CPU of every process / peak memory):")
        print()
        print("| what | soptui | headless Chromium | Chromium takes |")
        print("|---|---|---|---|")
        for name, steps, actors in (("one SOP, 8 steps, 3 actors", 8, 3), ("one SOP, 40 steps, 6 actors", 40, 6)):
            sop = generate_sop(11, steps=steps, actors=actors)
            source, page = folder / f"{steps}.sop.toml", folder / f"{steps}.html"
            source.write_bytes(toml_of(sop, None))
            page.write_text(as_html(sop), encoding="utf-8")
            ours, theirs = [], []
            for index in range(args.runs + 1):
                a, b = soptui_one(source, folder / "out", env), chromium_one(page, folder, folder / f"profile{index}")
                if index:  # the first of each is a warm-up (disk cache)
                    ours.append(a)
                    theirs.append(b)
            print(row(name, medians(ours), medians(theirs)))
        library, pages = folder / "lib", folder / "pages"
        pages.mkdir()
        paths = write_library(library, args.many, seed=3)
        for path in paths:
            (pages / f"{path.name.removesuffix('.sop.toml')}.html").write_text(as_html(load_sop(path).sop),
                                                                               encoding="utf-8")
        ours = run([sys.executable, "-m", "soptui", "export", str(library), "-f", "pdf", "-o", str(folder / "o"),
                    "--jobs", "2", "--force"], env=env)
        (folder / "c").mkdir()
        theirs = run([sys.executable, str(HERE / "chromium_print.py"), str(pages), str(folder / "c")])
        print(row(f"{args.many} SOPs: `soptui export DIR --jobs 2` / one reused Chromium", ours, theirs))
        print()
        batch(args.batch, trees, folder)
    print()
    print(f"Load average after: {load()}. CPU and memory counted "
          f"{'for every process of each command (cgroup)' if ours.whole_tree else 'by wait4 (a lower bound)'}.")


if __name__ == "__main__":
    main()
