"""pytest fixtures for plugin authors, active wherever soptui is installed
(entry point ``pytest11``): the example SOPs and a clean language."""

from __future__ import annotations

from pathlib import Path

import pytest

from soptui.testing import example_paths


@pytest.fixture
def soptui_examples() -> list[Path]:
    """Every example SOP shipped with soptui."""
    return example_paths()


@pytest.fixture(params=example_paths(), ids=lambda path: path.name.removesuffix(".sop.toml"))
def soptui_example(request) -> Path:
    """Each example SOP in turn: a test using it runs once per example."""
    return request.param


@pytest.fixture
def soptui_language():
    """Set the interface language for one test (``soptui_language("en")``); restored after."""
    from soptui.i18n import get_language, set_language

    before = get_language()
    yield set_language
    set_language(before)
