"""The example third-party plugin, installed from plugins/soptui-markdown, works end to end."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

INSTALL = "pip install -e plugins/soptui-markdown --no-deps"


@pytest.fixture(autouse=True)
def markdown_plugin_installed():
    try:
        metadata.distribution("soptui-markdown")
    except metadata.PackageNotFoundError:
        pytest.fail(f"the example plugin soptui-markdown is not installed; run `{INSTALL}` before the tests "
                    "(.ci/run does)", pytrace=False)


def test_plugins_lists_the_third_party_plugin(soptui_run):
    result = soptui_run("plugins", "--json")
    assert result.returncode == 0, result.stderr
    markdown = next(p for p in json.loads(result.stdout) if p["name"] == "markdown")
    assert markdown["distribution"] == "soptui-markdown" and not markdown["builtin"]
    assert markdown["version"] == "0.1.0"
    assert markdown["hooks"] == ["register_exporters"]
    assert markdown["exporters"][0]["suffix"] == ".md"
    assert markdown["exporters"][0]["conflict"] == []
    assert markdown["exporters"][0]["options"][0] == {
        "name": "mermaid", "type": "bool", "default": True, "help": "Sertakan diagram alir Mermaid", "choices": [],
    }


def test_export_with_the_third_party_format(library, tmp_path, soptui_run, assert_valid_exports):
    out = tmp_path / "dist"
    result = soptui_run("export", str(library), "-f", "markdown,json", "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "keuangan" / "2024" / "surat-masuk.md").read_text(encoding="utf-8")
    assert page.startswith("# Pengelolaan Surat Masuk\n")
    assert "s2 -->|Salah alamat| s7" in page
    assert (out / "keuangan" / "2024" / "surat-masuk.json").exists()
    assert assert_valid_exports(out) == 3


def test_load_plugins_variable_can_leave_it_out(soptui_run, examples, tmp_path):
    import os

    env = dict(os.environ, SOPTUI_LOAD_PLUGINS="")
    result = soptui_run("export", str(examples[0]), "-f", "markdown", "-o", str(tmp_path), env=env)
    assert result.returncode == 2 and "markdown" in result.stderr
