"""The config and cache folders are platformdirs' own, though soptui works them out without it on Linux."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from soptui.settings import cache_dir, config_dir


@pytest.mark.parametrize("env", [
    {"HOME": "/home/ani"},
    {"HOME": "/home/ani/", "XDG_CONFIG_HOME": "/srv/conf", "XDG_CACHE_HOME": "/srv/cache"},
    {"HOME": "/home/ani", "XDG_CONFIG_HOME": "relatif", "XDG_CACHE_HOME": ""},  # not absolute: ignored
])
def test_the_folders_are_where_platformdirs_puts_them(env, monkeypatch):
    for name in ("SOPTUI_CONFIG_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert config_dir() == platformdirs.user_config_path("soptui", appauthor=False)
    assert cache_dir() == platformdirs.user_cache_path("soptui", appauthor=False)


def test_reading_the_settings_does_not_import_platformdirs(tmp_path):
    code = "import sys\nfrom soptui.settings import read_config\nread_config()\nprint('platformdirs' in sys.modules)\n"
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"HOME": str(tmp_path), "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("False" if sys.platform == "linux" else "True")
