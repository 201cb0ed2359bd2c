"""Themes and settings: shipped themes load, users and plugins add their own,
broken files are reported and never fatal, settings survive a restart."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from soptui import config as config_module
from soptui.cli import cli
from soptui.config import load_config, save_setting
from soptui.hookspecs import hookimpl
from soptui.themes import DEFAULT_PRINT_THEME, DEFAULT_TUI_THEME, load_themes

SHIPPED_TUI = {"gelap", "terang", "kontras"}
SHIPPED_PRINT = {"resmi", "warna"}


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(folder))
    for key in ("LANG", "THEME", "PRINT_THEME", "PAPER", "ORIENTATION", "EXPORT_DIR", "AUTOSAVE_SECONDS"):
        monkeypatch.delenv(f"SOPTUI_{key}", raising=False)
    return folder


def test_shipped_themes_load_without_problems():
    found = load_themes()
    assert found.problems == []
    assert {t.name for t in found.tui_themes()} >= SHIPPED_TUI
    assert {n for n, t in found.themes.items() if t.print} >= SHIPPED_PRINT
    assert DEFAULT_TUI_THEME in SHIPPED_TUI and DEFAULT_PRINT_THEME in SHIPPED_PRINT


def test_shipped_tui_themes_are_valid_textual_themes():
    from textual.theme import Theme

    for theme in load_themes().tui_themes():
        built = Theme(**theme.tui)
        assert built.name == theme.name


def test_high_contrast_theme_uses_only_ansi_colours():
    kontras = load_themes().themes["kontras"].tui
    colours = [v for k, v in kontras.items() if k not in ("name", "dark", "variables")] + list(kontras["variables"].values())
    assert all(c.startswith("ansi_") for c in colours)


def test_user_theme_in_config_folder_is_listed(config_dir):
    (config_dir / "themes").mkdir(parents=True)
    (config_dir / "themes" / "dinas.toml").write_text(
        'name = "dinas"\ndescription = "Warna dinas"\n[tui]\nprimary = "#004488"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["themes"])
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if " dinas " in line)
    assert "pengguna" in line and "editor" in line


def test_user_theme_replaces_a_builtin_of_the_same_name(config_dir):
    (config_dir / "themes").mkdir(parents=True)
    (config_dir / "themes" / "resmi.toml").write_text(
        (load_themes().themes["resmi"].path).read_text(encoding="utf-8").replace('ink = "#000000"', 'ink = "#202020"'),
        encoding="utf-8")
    assert load_themes().print_theme("resmi").ink == "#202020"


def test_plugin_theme_is_listed(monkeypatch):
    from soptui import plugins

    module = types.ModuleType("soptui_tema_kantor")

    @hookimpl
    def register_themes(register):
        register("kantor", {"name": "kantor", "description": "Tema kantor", "tui": {"primary": "#AA0000"}})

    module.register_themes = register_themes
    loaded = plugins.load_plugins(entry_points=False, extra=[("soptui-tema-kantor", module)], warn=None)
    monkeypatch.setattr(plugins, "get_plugins", lambda quiet=False: loaded)
    result = CliRunner().invoke(cli, ["themes", "--json"])
    rows = {row["name"]: row for row in __import__("json").loads(result.stdout)["themes"]}
    assert rows["kantor"]["origin"] == "plugin:soptui-tema-kantor" and rows["kantor"]["kinds"] == ["tui"]


@pytest.mark.parametrize(("text", "words"), [
    ("name = 'rusak'\n[tui]\nprimary = 'merah muda!'\n", "bukan warna"),
    ("name = 'rusak'\n[print]\nink = '#000000'\n", "kunci wajib tidak ada"),
    ("name = 'rusak'\n", "[tui] atau [print]"),
    ("name = 'rusak\n", "dilewati"),
])
def test_broken_theme_is_reported_once_and_the_rest_load(config_dir, text, words):
    (config_dir / "themes").mkdir(parents=True)
    (config_dir / "themes" / "rusak.toml").write_text(text, encoding="utf-8")
    found = load_themes()
    assert "rusak" not in found.themes and SHIPPED_TUI <= set(found.themes)
    assert len(found.problems) == 1 and words in found.problems[0] and "rusak.toml" in found.problems[0]
    result = CliRunner().invoke(cli, ["themes"])
    assert result.exit_code == 0 and result.stderr.count("rusak.toml") == 1


def test_unknown_print_theme_falls_back_to_the_official_one():
    assert load_themes().print_theme("tidak-ada").name == "resmi"


def test_defaults_without_a_config_file():
    assert load_config() == (config_module.Config(), [])


def test_broken_config_is_reported_and_defaults_used(config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("lang = 'en'\npaper = [\n", encoding="utf-8")
    settings, problems = load_config()
    assert settings == config_module.Config()
    assert len(problems) == 1 and "config.toml" in problems[0]


def test_bad_values_are_reported_one_by_one_and_the_good_ones_kept(config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("lang = 'en'\npaper = 'A5'\nautosave_seconds = -3\nwarna = 1\n", encoding="utf-8")
    settings, problems = load_config()
    assert settings.lang == "en" and settings.paper == "A4" and settings.autosave_seconds == 5
    assert len(problems) == 3
    assert any("paper" in p for p in problems) and any("warna" in p for p in problems)


def test_environment_overrides_the_file(config_dir, monkeypatch):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("paper = 'F4'\norientation = 'portrait'\n", encoding="utf-8")
    monkeypatch.setenv("SOPTUI_PAPER", "Legal")
    settings, _ = load_config()
    assert (settings.paper, settings.orientation) == ("Legal", "portrait")


def test_a_saved_setting_is_kept_with_the_files_comments(config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("# pengaturan saya\nlang = 'en'\n", encoding="utf-8")
    save_setting("theme", "terang")
    text = (config_dir / "config.toml").read_text(encoding="utf-8")
    assert text.startswith("# pengaturan saya\n")
    assert load_config()[0].theme == "terang" and load_config()[0].lang == "en"


def test_language_from_config_applies_to_messages(config_dir, tmp_path):
    from soptui import i18n

    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("lang = 'en'\n", encoding="utf-8")
    i18n._current = None  # as at start-up: nothing chosen on the command line
    try:
        assert i18n.get_language() == "en"
    finally:
        i18n.set_language("id")


@pytest.mark.parametrize("where", ["config", "theme"])
def test_a_fifo_as_config_or_theme_is_reported_and_never_waited_on(config_dir, tmp_path, where):
    """A FIFO would hold up every start: read in a child with a deadline, so a regression fails, not hangs."""
    (config_dir / "themes").mkdir(parents=True)
    fifo = config_dir / "config.toml" if where == "config" else config_dir / "themes" / "pipa.toml"
    os.mkfifo(fifo)
    sop = tmp_path / "a.sop.toml"
    sop.write_bytes((Path(__file__).parents[2] / "examples" / "surat-masuk.sop.toml").read_bytes())
    command = ["check", str(sop)] if where == "config" else ["themes"]
    result = subprocess.run([sys.executable, "-m", "soptui", *command], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "SOPTUI_CONFIG_DIR": str(config_dir)})
    assert result.returncode == 0, result.stderr
    assert "bukan berkas biasa (folder, FIFO, atau perangkat)" in result.stderr
    assert fifo.name in result.stderr


def test_a_huge_config_file_is_not_read_and_says_so(config_dir):
    config_dir.mkdir(parents=True)
    with (config_dir / "config.toml").open("wb") as stream:
        stream.truncate(64 * 1024 * 1024)  # sparse
    settings, problems = load_config()
    assert settings == config_module.Config()
    assert len(problems) == 1 and f"berkas {64 * 1024 * 1024} bita, melebihi batas" in problems[0]
