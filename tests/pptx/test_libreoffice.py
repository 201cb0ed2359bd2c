"""The decks as an office suite opens them: LibreOffice Impress converts each
example to PDF, and the pages carry what the slides should say; converted to
Impress's own ODP, every arrow is still the layout's route.

These tests fail (never skip) when LibreOffice is missing: CI installs
libreoffice-impress. One conversion call for all examples keeps them quick.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pypdf import PdfReader

from _soptui_pptx.flowchart import arrow_name
from soptui.layout import compute_layout
from soptui.loader import load


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def converted(tmp_path_factory, example_paths):
    """``[(sop, slide count, PdfReader, ODP path)]`` for each example: written by ``soptui export -f pptx``
    (the installed entry point), reopened with python-pptx, converted by LibreOffice."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is not installed: apt-get install libreoffice-impress"
    folder = tmp_path_factory.mktemp("lo")
    source = folder / "sop"
    source.mkdir()
    for path in example_paths:
        (source / path.name).write_bytes(path.read_bytes())
    done = subprocess.run([sys.executable, "-m", "soptui", "export", str(source), "-f", "pptx", "-o", str(folder / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    decks = sorted((folder / "out").glob("*.pptx"))
    assert [deck.stem for deck in decks] == [path.name.removesuffix(".sop.toml") for path in example_paths]
    for target in ("pdf", "odp"):
        result = subprocess.run(
            [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", target,
             "--outdir", str(folder), *map(str, decks)],
            capture_output=True, text=True, timeout=300,
        )
        assert result.returncode == 0, result.stderr
    return [(load(path).sop, len(Presentation(deck).slides), PdfReader(folder / f"{deck.stem}.pdf"),
             folder / f"{deck.stem}.odp") for path, deck in zip(example_paths, decks)]


def test_libreoffice_opens_every_slide(converted):
    for sop, count, pdf, _ in converted:
        assert len(pdf.pages) == count, sop.identitas.nama


def test_libreoffice_shows_the_sop_on_the_title_and_every_step(converted):
    for sop, _, pdf, _ in converted:
        pages = [flat(page.extract_text()) for page in pdf.pages]
        assert flat(sop.identitas.nama) in pages[0]
        assert sop.identitas.nomor in pages[0]
        everything = " ".join(pages)
        for step in sop.langkah:
            assert flat(step.kegiatan) in everything, step.id
        assert "Ringkasan" in pages[-1]


def test_libreoffice_keeps_every_arrow_on_the_route_of_the_layout(converted, exporter):
    """Impress's own file (ODP) keeps each arrow as the path written, not re-routed by its connector router:
    one shape per arrow of the layout, through as many points, in the same box."""
    draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    for sop, _, _, odp in converted:
        with zipfile.ZipFile(odp) as archive:
            content = ElementTree.fromstring(archive.read("content.xml"))
        assert not list(content.iter(f"{{{draw}}}connector"))
        kept = {}
        for shape in content.iter(f"{{{draw}}}custom-shape"):
            name = shape.get(f"{{{draw}}}name") or ""
            if name.startswith("panah:"):
                path = shape.find(f"{{{draw}}}enhanced-geometry").get(f"{{{draw}}}enhanced-path")
                numbers = [token for token in path.split() if token.lstrip("-").isdigit()]
                box = tuple(float(shape.get(f"{{{svg}}}{key}").removesuffix("cm")) / 2.54 * 72
                            for key in ("x", "y", "width", "height"))
                kept.setdefault(name, []).append((len(numbers) // 2, box))
        layout = compute_layout(sop, exporter.page_options({}))
        wanted = {}
        for page in layout.pages:
            for edge in page.edges:
                xs, ys = [x for x, _ in edge.points], [y + 56 for _, y in edge.points]
                wanted.setdefault(arrow_name(edge), []).append(
                    (len(edge.points), (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))))
        assert kept.keys() == wanted.keys()
        for name, shapes in kept.items():
            for (points, box), (points_wanted, box_wanted) in zip(shapes, wanted[name]):
                assert points == points_wanted, name
                assert all(abs(a - b) < 0.1 for a, b in zip(box, box_wanted)), (name, box, box_wanted)
