"""The catalogue and the plugins' texts are parsed once and kept, never hiding an edit."""

from __future__ import annotations

import os
import subprocess
import sys

READ = ("import sys\nfrom pathlib import Path\nfrom soptui.text_cache import read_toml\n"
        "print(read_toml(Path(sys.argv[1]))['teks'], 'tomli' in sys.modules)\n")


def read_apart(path, cache) -> str:
    """``read_toml(path)`` in a process of its own, as the next start of soptui would."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_next_start_takes_the_kept_table_and_an_edit_is_read_at_once(tmp_path):
    texts = tmp_path / "id.toml"
    texts.write_text('teks = "satu"\n', encoding="utf-8")
    assert read_apart(texts, tmp_path / "cache") == "satu True"  # parsed
    assert read_apart(texts, tmp_path / "cache") == "satu False"  # kept: the parser is not even imported
    texts.write_text('teks = "dua!"\n', encoding="utf-8")  # the same size
    os.utime(texts, ns=(texts.stat().st_atime_ns, texts.stat().st_mtime_ns + 1_000_000))
    assert read_apart(texts, tmp_path / "cache") == "dua! True"
    texts.write_text('teks = "tiga"\nlagi = 1\n', encoding="utf-8")
    assert read_apart(texts, tmp_path / "cache") == "tiga True"


def test_soptui_starts_without_parsing_its_catalogue_again(tmp_path):
    code = "import sys\nfrom soptui.i18n import t\nt('check.summary')\nprint('tomli' in sys.modules)\n"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    said = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                           timeout=60).stdout.strip() for _ in range(2)]
    assert said == ["True", "False"]


def test_a_confined_process_keeps_nothing_in_the_cache(tmp_path, monkeypatch):
    from soptui import confine, user_cache

    assert user_cache.CONFINED_VARIABLE == confine.ROOT_VARIABLE
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    confine.confine(confine.Confinement(tmp_path / "root", tmp_path / "root"))
    user_cache.write("x.json", {"a": 1})
    confine.confine(None)
    assert not (tmp_path / "cache").exists()
    user_cache.write("x.json", {"a": 1})
    assert user_cache.read("x.json") == {"a": 1}
