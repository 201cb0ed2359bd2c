"""Shared fixtures: the bundled examples and a clean, fully-filled SOP text."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.sop.toml"))


@pytest.fixture
def examples() -> list[Path]:
    return EXAMPLES


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Bahasa Indonesia, whatever an earlier `--lang` set."""
    from soptui.i18n import DEFAULT_LANGUAGE, set_language

    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def unconfined():
    """Each test starts unconfined, whatever `--root` an earlier editor test set for the process."""
    from soptui.confine import confine

    confine(None)
    yield
    confine(None)
