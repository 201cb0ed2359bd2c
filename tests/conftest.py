"""Shared fixtures: the bundled examples and a clean, fully-filled SOP text."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.sop.toml"))


@pytest.fixture
def examples() -> list[Path]:
    return EXAMPLES


def pytest_configure(config):
    """soptui's start-up caches (the plugins found, the parsed texts) in a folder of this run, for the
    tests and the processes they start, from before collection to the texts saved at exit: the plugins
    and texts tests make in temporary folders would otherwise fill the user's cache, which every start
    of soptui reads whole."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="soptui-test-cache-")


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


def _left_out(stats: dict) -> list[str]:
    return [report.nodeid for kind in ("skipped", "xfailed") for report in stats.get(kind, [])]


def pytest_sessionfinish(session, exitstatus):
    """No silent skip (issue 14): a test that skips or xfails, for a missing tool or module or any
    other reason, fails the run, so CI never passes with part of the suite left out."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and _left_out(reporter.stats) and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if left_out := _left_out(terminalreporter.stats):
        terminalreporter.write_sep("=", f"{len(left_out)} left out: a skip fails the run (tests/conftest.py)", red=True)


@pytest.fixture(autouse=True)
def plugin_texts():
    """The built-in plugins' texts, which soptui has whenever their code runs (loading the
    plugins registers them), for tests that call a plugin's functions directly."""
    from soptui.plugins import get_plugins

    get_plugins(quiet=True)
