"""The decks as an office suite opens them: LibreOffice Impress converts each
example to PDF, and the pages carry what the slides should say.

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


def test_libreoffice_keeps_every_arrow_glued_to_its_shapes(converted):
    """Impress's own file (ODP) names the shapes each connector is glued to: moving one drags its arrows."""
    draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    xml_id = "http://www.w3.org/XML/1998/namespace"
    for sop, _, _, odp in converted:
        with zipfile.ZipFile(odp) as archive:
            content = ElementTree.fromstring(archive.read("content.xml"))
        names = {}
        for element in content.iter():
            shape_id = element.get(f"{{{draw}}}id") or element.get(f"{{{xml_id}}}id")
            if shape_id:
                names[shape_id] = element.get(f"{{{draw}}}name")
        connectors = list(content.iter(f"{{{draw}}}connector"))
        assert len(connectors) >= len(sop.flow.edges)
        for connector in connectors:
            name = connector.get(f"{{{draw}}}name")
            source, target = name.removeprefix("panah:").split(":")[0].split("->")
            start = names[connector.get(f"{{{draw}}}start-shape")]
            end = names[connector.get(f"{{{draw}}}end-shape")]
            assert start == f"langkah:{source}" or start.endswith(":in"), (name, start)
            assert end == f"langkah:{target}" or end.endswith(":out"), (name, end)
