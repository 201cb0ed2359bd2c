"""The decks as an office suite opens them: LibreOffice Impress converts each
example to PDF, and the pages carry what the slides should say.

These tests fail (never skip) when LibreOffice is missing: CI installs
libreoffice-impress. One conversion call for all examples keeps them quick.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from soptui.loader import load


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def converted(tmp_path_factory, render, example_paths):
    """``[(sop, slide count, PdfReader)]`` for each example, converted by LibreOffice."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is not installed: apt-get install libreoffice-impress"
    folder = tmp_path_factory.mktemp("lo")
    decks = []
    for path in example_paths:
        sop = load(path).sop
        data, count = render(sop, path)
        deck = folder / path.name.replace(".sop.toml", ".pptx")
        deck.write_bytes(data)
        decks.append((sop, count, deck))
    result = subprocess.run(
        [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *[str(deck) for _, _, deck in decks]],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return [(sop, count, PdfReader(deck.with_suffix(".pdf"))) for sop, count, deck in decks]


def test_libreoffice_opens_every_slide(converted):
    for sop, count, pdf in converted:
        assert len(pdf.pages) == count, sop.identitas.nama


def test_libreoffice_shows_the_sop_on_the_title_and_every_step(converted):
    for sop, _, pdf in converted:
        pages = [flat(page.extract_text()) for page in pdf.pages]
        assert flat(sop.identitas.nama) in pages[0]
        assert sop.identitas.nomor in pages[0]
        everything = " ".join(pages)
        for step in sop.langkah:
            assert flat(step.kegiatan) in everything, step.id
        assert "Ringkasan" in pages[-1]
