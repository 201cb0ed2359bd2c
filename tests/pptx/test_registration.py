"""The exporter is found through soptui's entry point, and registering it costs nothing."""

from __future__ import annotations

import subprocess
import sys

from soptui.plugins import load_plugins


def test_pptx_comes_through_the_soptui_entry_point_like_a_third_party_plugin():
    plugins = load_plugins(warn=None)
    exporter = plugins.exporter("pptx")
    assert exporter.suffix == ".pptx" and exporter.page_options is not None
    assert exporter.plugin == "pptx"


def test_registering_imports_neither_python_pptx_nor_textual():
    code = ("import sys; from soptui.plugins import load_plugins; load_plugins(warn=None).exporter('pptx'); "
            "print(sorted(m for m in ('pptx', 'textual', 'soptui.layout.engine') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
