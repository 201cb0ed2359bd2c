"""Fixtures for the PPTX deck tests: build a deck the way the host does, reopen it."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pptx import Presentation

import _soptui_pptx
from soptui.exporters import ExportInput
from soptui.loader import load
from soptui.plugins import load_plugins

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.sop.toml"))


@pytest.fixture(scope="session")
def exporter():
    """The ``pptx`` exporter, registered through the plugin API only."""
    return load_plugins(entry_points=False, extra=[("pptx", _soptui_pptx)], warn=None).exporter("pptx")


@pytest.fixture(scope="session")
def render(exporter):
    """``render(sop) -> (deck bytes, slide count returned by write)``, with the layout the host would pass."""

    def _render(sop, path=None, options=None):
        options = {option.name: option.default for option in exporter.options} | (options or {})
        layout = None
        if exporter.page_options is not None:
            from soptui.layout import compute_layout

            layout = compute_layout(sop, exporter.page_options(options))
        stream = io.BytesIO()
        count = exporter.write(ExportInput(sop, path, hashlib.sha256(b"").hexdigest(), layout), stream, options)
        return stream.getvalue(), count

    return _render


@pytest.fixture(scope="session")
def build(render):
    """``build(sop) -> (Presentation, slide count returned by write)``."""

    def _build(sop, path=None, options=None):
        data, count = render(sop, path, options)
        return Presentation(io.BytesIO(data)), count

    return _build


@pytest.fixture(scope="session")
def example_paths():
    return EXAMPLES


@pytest.fixture(scope="session")
def example_decks(build):
    """Each bundled example as ``(path, sop, Presentation)``."""
    decks = []
    for path in EXAMPLES:
        sop = load(path).sop
        decks.append((path, sop, build(sop, path)[0]))
    return decks
