"""Helpers for the PDF tests: export an SOP, read its text back with pypdf."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from soptui.exporters import ExportInput
from soptui.loader import load
from soptui.model import Actor, Identity, Signer, Sop, Step


class Exported:
    """One exported PDF: its bytes, the page count write() returned, its text."""

    def __init__(self, data: bytes, pages: int, layout) -> None:
        self.data = data
        self.pages = pages
        self.layout = layout
        self.reader = PdfReader(io.BytesIO(data))

    def page_text(self, index: int) -> str:
        return self.reader.pages[index].extract_text()

    @property
    def text(self) -> str:
        return "\n".join(self.page_text(i) for i in range(len(self.reader.pages)))

    @property
    def squeezed(self) -> str:
        """All text squeezed (:func:`squeeze`), so wrapped lines compare as one string."""
        return squeeze(self.text)


def fills(page) -> list[tuple[float, ...]]:
    """The RGB fill colours a page sets (``rg``), as numbers: how reportlab writes them is its business."""
    from pypdf.generic import ContentStream

    operations = ContentStream(page.get_contents(), page.pdf).operations
    return [tuple(float(v) for v in operands) for operands, op in operations if op == b"rg"]


def fills_with(page, colour: str) -> bool:
    """True when the page fills something with ``colour`` (``#RRGGBB``), to the nearest 8-bit step."""
    wanted = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return any(all(abs(a - b) < 0.5 / 255 for a, b in zip(fill, wanted)) for fill in fills(page))


def squeeze(text: str) -> str:
    """Without whitespace and hyphens: the layout wraps long words with a hyphen."""
    return "".join(text.split()).replace("-", "")


def export_input(source: Path | Sop) -> ExportInput:
    if isinstance(source, Sop):
        return ExportInput(source, None, hashlib.sha256(repr(source).encode()).hexdigest())
    loaded = load(source)
    assert loaded.sop is not None, [f.format_line() for f in loaded.findings]
    return ExportInput(loaded.sop, loaded.path, loaded.source.sha256)


def export(source: Path | Sop, **options) -> Exported:
    """Export like the host does: layout from the exporter's page options, then write."""
    import _soptui_pdf
    from soptui.layout import compute_layout

    data = export_input(source)
    layout = compute_layout(data.sop, _soptui_pdf.page_options(options))
    stream = io.BytesIO()
    pages = _soptui_pdf.write(replace(data, layout=layout), stream, options)
    return Exported(stream.getvalue(), pages, layout)


def make_sop(steps: list[Step], actors: int | list[Actor] = 2, **identity) -> Sop:
    """A small SOP with a filled identity, for the cases the examples do not cover."""
    people = actors if isinstance(actors, list) else [Actor(f"p{n}", f"Pelaksana Nomor {n}") for n in range(1, actors + 1)]
    fields = dict(
        nama="Uji Cetak",
        nomor="800/999/UJI/2024",
        instansi=("PEMERINTAH KABUPATEN UJI", "DINAS CONTOH"),
        disahkan_oleh=Signer("Kepala Dinas", "Budi Santoso, S.E.", "197001012000031001"),
    )
    fields.update(identity)
    return Sop(identitas=Identity(**fields), pelaksana=tuple(people), langkah=tuple(steps))


def chain(count: int, actors: int = 2, **extra) -> list[Step]:
    """``count`` steps in a line, actors taking turns, mutu baku filled."""
    return [
        Step(
            f"s{n}",
            f"Kegiatan nomor {n} dikerjakan",
            f"p{(n - 1) % actors + 1}",
            kelengkapan=f"Berkas {n}",
            waktu=f"{n} menit",
            output=f"Hasil {n}",
            **extra,
        )
        for n in range(1, count + 1)
    ]


def placed_texts(exported: Exported, index: int) -> list[tuple[str, float, float]]:
    """(word, x, y) of every word on a page, its box's centre, y from the top as in the layout."""
    return [(word, (x0 + x1) / 2, (y0 + y1) / 2) for word, x0, y0, x1, y1 in word_boxes(exported, index)]


def word_boxes(exported: Exported, index: int) -> list[tuple[str, float, float, float, float]]:
    """(word, left, top, right, bottom) of every word on a page, read by poppler's
    ``pdftotext -bbox``, which places words one by one whatever the PDF groups
    in one text operator."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.pdf"
        path.write_bytes(exported.data)
        html = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(index + 1), "-l", str(index + 1), str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
    return [(word, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, word in _WORD.findall(html)]


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
