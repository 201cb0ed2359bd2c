"""soptui-markdown: an SOP AP as a Markdown page, with a Mermaid flowchart.

A complete third-party soptui plugin: one hook implementation, registered by
the ``[project.entry-points.soptui]`` table of this distribution's
``pyproject.toml``. It needs no layout (Markdown has no pages), so it sets no
``page_options`` and draws the flowchart from ``sop.flow``, the flow soptui
has already resolved; it never re-derives successors itself.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from soptui import hookimpl
from soptui.exporters import Exporter, ExportInput, Option
from soptui.model import Sop

__version__ = "0.1.0"

_SHAPES = {"terminator": ('(["', '"])'), "proses": ('["', '"]'), "keputusan": ('{"', '"}')}


@hookimpl
def register_exporters(register):
    register(Exporter(
        name="markdown",
        label="Markdown (halaman wiki)",
        suffix=".md",
        write=write_markdown,
        options=(Option("mermaid", bool, True, "Sertakan diagram alir Mermaid"),),
    ))


def write_markdown(input: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write the page; returns nothing, as a Markdown page has no page count."""
    stream.write(render(input.sop, mermaid=options.get("mermaid", True)).encode("utf-8"))


def render(sop: Sop, mermaid: bool = True) -> str:
    identity = sop.identitas
    lines = [f"# {identity.nama}", "", "| | |", "|---|---|"]
    rows = [
        ("Nomor SOP", identity.nomor),
        ("Tanggal Pembuatan", _date(identity.tanggal_pembuatan)),
        ("Tanggal Revisi", _date(identity.tanggal_revisi)),
        ("Tanggal Efektif", _date(identity.tanggal_efektif)),
        ("Disahkan oleh", identity.disahkan_oleh.jabatan if identity.disahkan_oleh else ""),
        ("Instansi", " / ".join(identity.instansi)),
    ]
    lines += [f"| {label} | {_cell(value)} |" for label, value in rows if value]
    for title, items in (
        ("Dasar Hukum", identity.dasar_hukum),
        ("Kualifikasi Pelaksana", identity.kualifikasi_pelaksana),
        ("Keterkaitan", identity.keterkaitan),
        ("Peralatan/Perlengkapan", identity.peralatan),
        ("Peringatan", identity.peringatan),
        ("Pencatatan dan Pendataan", identity.pencatatan),
    ):
        if items:
            lines += ["", f"## {title}", ""] + [f"{n}. {item}" for n, item in enumerate(items, start=1)]
    actors = {actor.id: actor.nama for actor in sop.pelaksana}
    lines += ["", "## Prosedur", "",
              "| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan |",
              "|---:|---|---|---|---|---|---|"]
    for number, step in enumerate(sop.langkah, start=1):
        cells = (step.kegiatan, actors.get(step.pelaksana, step.pelaksana), step.kelengkapan, step.waktu,
                 step.output, step.keterangan)
        lines.append(f"| {number} | " + " | ".join(_cell(c) for c in cells) + " |")
    if mermaid and sop.langkah:
        lines += ["", "## Diagram Alir", "", "```mermaid", *_mermaid(sop), "```"]
    return "\n".join(lines) + "\n"


def _mermaid(sop: Sop) -> list[str]:
    flow = sop.flow
    node = {step_id: f"s{n}" for n, step_id in enumerate(flow.symbols, start=1)}
    lines = ["flowchart TD"]
    for step_id, symbol in flow.symbols.items():
        opening, closing = _SHAPES[symbol]
        lines.append(f"    {node[step_id]}{opening}{_mermaid_text(sop.step(step_id).kegiatan)}{closing}")
    for edge in flow.edges:
        arrow = f"-->|{_mermaid_text(edge.label)}|" if edge.label else "-->"
        lines.append(f"    {node[edge.source]} {arrow} {node[edge.target]}")
    return lines


def _mermaid_text(text: str) -> str:
    """Quotes and bars would end a Mermaid label early; they become entity codes."""
    return " ".join(text.split()).replace('"', "#quot;").replace("|", "#124;")


def _cell(value: object) -> str:
    return str(value or "").replace("|", "\\|").replace("\n", " ")


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""
