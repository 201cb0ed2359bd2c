"""Every code example of docs/plugins.md and docs/json.md runs as written.

A Python block right after a line naming a file (`` `soptui_teks.py`: ``) is
that module; a block with ``def test_`` is a test file, run by pytest in a
subprocess next to those modules (so the ``soptui.testing`` fixtures come from
the installed pytest plugin, as in an author's project); any other Python
block is a plugin module that must load cleanly, or a script run as is in a
folder holding the example SOPs, with ``soptui`` on the ``PATH``.
TOML and JSON blocks must parse.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from soptui.testing import example_paths, load_plugin

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("plugins.md", "json.md")
EXAMPLES = example_paths()
_BLOCK = re.compile(r"(?:^`(?P<file>[\w/]+\.py)`[^\n]*:\n\n)?^```(?P<lang>[\w-]*)\n(?P<code>.*?)^```", re.S | re.M)


def blocks(doc: str, lang: str) -> list[tuple[str | None, str]]:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    return [(m["file"], m["code"]) for m in _BLOCK.finditer(text) if m["lang"] == lang]


@pytest.mark.parametrize("doc", DOCS)
def test_python_examples_run_as_written(doc, tmp_path, monkeypatch):
    site, tests = tmp_path / "site", tmp_path / "tests"
    site.mkdir(), tests.mkdir()
    plain = []
    for number, (name, code) in enumerate(blocks(doc, "python")):
        if name:
            (site / name).write_text(code, encoding="utf-8")
        elif "def test_" in code:
            (tests / f"test_{Path(doc).stem}_{number}.py").write_text(code, encoding="utf-8")
        else:
            plain.append(code)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.chdir(tmp_path)
    for path in EXAMPLES:  # a consumer's example runs in a folder holding SOP files
        shutil.copy(path, tmp_path)
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    for number, code in enumerate(plain):
        module = types.ModuleType(f"doc_example_{number}")
        module.__file__ = str(site / f"doc_example_{number}.py")
        exec(compile(code, f"{doc} block {number}", "exec"), module.__dict__)
        if any(name.startswith("register_") for name in vars(module)):
            load_plugin(module)  # fails with soptui's message if it does not load cleanly
    for path in site.glob("*.py"):
        load_plugin(__import__(path.stem))
        sys.modules.pop(path.stem, None)
    if list(tests.iterdir()):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
                                capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert " passed" in result.stdout and "failed" not in result.stdout


@pytest.mark.parametrize("doc", DOCS)
def test_toml_and_json_examples_parse(doc):
    for _, code in blocks(doc, "toml"):
        tomllib.loads(code)
    for _, code in blocks(doc, "json"):
        json.loads(code)


def test_the_guide_has_examples_of_every_kind():
    names = {name for name, _ in blocks("plugins.md", "python") if name}
    assert {"soptui_teks.py", "soptui_csv_langkah.py", "soptui_denah.py", "soptui_nomor.py"} <= names
    assert any("def test_" in code for _, code in blocks("plugins.md", "python"))
