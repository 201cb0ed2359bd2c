"""Fixtures for the editor tests: a copy of the examples in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "sop"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture
def surat(library: Path) -> Path:
    return library / "surat-masuk.sop.toml"


@pytest.fixture(autouse=True)
def _indonesian(monkeypatch, tmp_path):
    """Indonesian texts and default settings, whatever the machine's config says."""
    from soptui.i18n import set_language

    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("SOPTUI_LANG", "SOPTUI_AUTOSAVE_SECONDS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    set_language("id")
