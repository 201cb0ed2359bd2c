"""Finding the installed plugins through a cache that an install or removal invalidates at once.

The cache spares each start reading every distribution's metadata; these
tests hold that it never hides a change (a plugin installed, upgraded or
removed is seen by the very next start) and that it is really used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from soptui import discovery
from soptui.plugins import load_plugins

PLUGIN = "from soptui.hookspecs import hookimpl\n"


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def names(found: list[discovery.Found]) -> dict[str, str]:
    return {each.name: each.version for each in found if each.distribution != "soptui"}


def test_a_plugin_installed_upgraded_or_removed_is_seen_by_the_next_start(site):
    before = names(discovery.installed())
    site.install("soptui-cap", "soptui_cap", PLUGIN, entry_name="cap", version="1.0")
    assert names(discovery.installed()) == {**before, "cap": "1.0"}
    shutil.rmtree(site.folder / "soptui_cap-1.0.dist-info")
    site.install("soptui-cap", "soptui_cap", PLUGIN, entry_name="cap", version="2.0")
    assert names(discovery.installed()) == {**before, "cap": "2.0"}
    shutil.rmtree(site.folder / "soptui_cap-2.0.dist-info")
    assert names(discovery.installed()) == before
    assert "cap" not in {info.name for info in load_plugins(warn=None).plugins}


def test_nothing_changed_the_cache_answers_without_a_scan(site, monkeypatch):
    site.install("soptui-cap", "soptui_cap", PLUGIN, entry_name="cap")
    first = discovery.installed()
    monkeypatch.setattr(discovery, "_scan", lambda: pytest.fail("scanned although nothing changed"))
    assert discovery.installed() == first


def test_a_broken_or_unwritable_cache_only_costs_the_scan(site, cache_home, monkeypatch):
    site.install("soptui-cap", "soptui_cap", PLUGIN, entry_name="cap")
    discovery.installed()
    for written in cache_home.glob("soptui/plugins-*.json"):
        written.write_text('{"format": 1, "key": [], "found": [["cap"', encoding="utf-8")
    assert "cap" in names(discovery.installed())
    monkeypatch.setenv("XDG_CACHE_HOME", str(site.folder / "soptui_cap.py"))  # a file: no folder can be made there
    assert "cap" in names(discovery.installed())


def test_a_start_from_another_folder_reuses_the_cache(tmp_path, cache_home):
    """``python -m soptui`` puts the working folder first on sys.path: it must not change the key."""
    code = ("import os, sys; sys.path.insert(0, os.getcwd())\n"
            "from soptui.plugins import get_plugins; get_plugins()\n"
            "print('importlib.metadata' in sys.modules)\n")
    said = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / folder, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        said.append(done.stdout.strip())
    assert said == ["True", "False"]


def test_a_fifo_in_place_of_the_cache_is_passed_by(cache_home):
    """Read in a child with a deadline: a start that waited on the FIFO would hang, so it fails instead."""
    code = "from soptui.plugins import get_plugins; print(len(get_plugins().plugins))"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=120, check=True)
    cached = list(cache_home.glob("soptui/plugins-*.json"))
    assert cached
    for written in cached:
        written.unlink()
        os.mkfifo(written)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 6  # the built-ins, found by the full scan
