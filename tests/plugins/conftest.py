"""Fixtures for plugin tests: throwaway installed plugins, a clean plugin state.

``installed`` writes a plugin module and a ``*.dist-info`` folder with its
entry point into a temporary folder on ``sys.path`` (and ``PYTHONPATH`` for
subprocesses), which is all ``importlib.metadata`` needs to see an installed
distribution: no pip, no network, milliseconds.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch):
    """Each test loads plugins afresh, from the environment it sets up."""
    from soptui.plugins import reset_plugins

    monkeypatch.delenv("SOPTUI_LOAD_PLUGINS", raising=False)
    reset_plugins()
    yield
    reset_plugins()


class Site:
    """A folder on sys.path where tests install fake plugin distributions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.modules: list[str] = []

    def install(self, distribution: str, module: str, source: str, entry_name: str | None = None,
                version: str = "1.0") -> None:
        (self.folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = self.folder / f"{distribution.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[soptui]\n{entry_name or module} = {module}\n")
        self.modules.append(module)

    def env(self) -> dict[str, str]:
        """The environment for a subprocess that sees these plugins."""
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.folder), env.get("PYTHONPATH", "")]))
        env.pop("SOPTUI_LOAD_PLUGINS", None)
        return env


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    result = Site(folder)
    yield result
    for module in result.modules:
        sys.modules.pop(module, None)


@pytest.fixture
def library(tmp_path, examples):
    """A copy of the examples in nested folders, as an agency keeps them."""
    folder = tmp_path / "sop"
    (folder / "biro-umum").mkdir(parents=True)
    (folder / "keuangan" / "2024").mkdir(parents=True)
    places = [folder / "biro-umum", folder / "keuangan", folder / "keuangan" / "2024"]
    for example, place in zip(examples, places):
        (place / example.name).write_bytes(example.read_bytes())
    return folder


@pytest.fixture
def soptui_run():
    """Run ``soptui ARGS`` in a real subprocess (``env`` as given, else inherited)."""
    import subprocess

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
        return subprocess.run([sys.executable, "-m", "soptui", *args], capture_output=True, text=True,
                              env=env, timeout=timeout, cwd=ROOT)

    return run


@pytest.fixture
def assert_valid_exports():
    """Validate every JSON export under a folder against the strict schema in the repo."""
    import json

    import jsonschema

    from soptui.interchange.schema import STRICT_SCHEMA_FILE

    validator = jsonschema.Draft202012Validator(json.loads(STRICT_SCHEMA_FILE.read_text(encoding="utf-8")),
                                                format_checker=jsonschema.FormatChecker())

    def check(folder: Path) -> int:
        files = sorted(folder.rglob("*.json"))
        for path in files:
            validator.validate(json.loads(path.read_text(encoding="utf-8")))
        return len(files)

    return check
