"""Themes in the editor: the shipped ones offered, the choice kept, problems shown and survived."""

from __future__ import annotations

import os
import types
from pathlib import Path

from soptui import plugins
from soptui.config import load_config
from soptui.hookspecs import hookimpl
from tests.tui.helpers import make_app, settle


def config_dir() -> Path:
    return Path(os.environ["SOPTUI_CONFIG_DIR"])


async def test_theme_picked_in_the_palette_is_kept_after_a_restart(surat):
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == "gelap"
        assert {"gelap", "terang", "kontras"} <= set(app.available_themes)
        app.action_change_theme()  # the palette's "Theme" command
        await pilot.pause()
        await pilot.press(*"kontras", "enter")
        await settle(pilot, app)
        assert app.theme == "kontras"
    assert load_config()[0].theme == "kontras"
    again = make_app(surat)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot, again)
        assert again.theme == "kontras"


async def test_broken_user_theme_and_broken_config_are_reported_once_and_the_editor_starts(surat):
    (config_dir() / "themes").mkdir(parents=True)
    (config_dir() / "themes" / "rusak.toml").write_text("[tui\nprimary = 'x'\n", encoding="utf-8")
    (config_dir() / "config.toml").write_text('theme = "gelap"\nautosave_seconds = "sering"\n', encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        notices = list(app._notifications)
        assert len(notices) == 1
        assert "rusak.toml" in notices[0].message and "autosave_seconds" in notices[0].message
        assert app.theme == "gelap"
        assert type(app.screen).__name__ == "EditorScreen"


async def test_unknown_theme_in_the_config_falls_back_to_gelap_and_is_not_overwritten(surat):
    config_dir().mkdir(parents=True)
    (config_dir() / "config.toml").write_text('theme = "tidak-ada"\n', encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == "gelap"
        assert "tidak-ada" in list(app._notifications)[0].message
    assert 'theme = "tidak-ada"' in (config_dir() / "config.toml").read_text(encoding="utf-8")


async def test_user_theme_sets_the_preview_symbol_colours(surat):
    (config_dir() / "themes").mkdir(parents=True)
    (config_dir() / "themes" / "dinas.toml").write_text(
        'name = "dinas"\n[tui]\nprimary = "#112233"\n[tui.variables]\nsop-keputusan = "#ff0000"\n', encoding="utf-8"
    )
    config_dir().joinpath("config.toml").write_text('theme = "dinas"\n', encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("f5")
        await settle(pilot, app, 0.4)
        pane = app.screen.query_one("#preview-pane")
        styles = pane._styles()
        assert styles["keputusan"].color.triplet.hex == "#ff0000"
        assert styles["proses"].color.triplet.hex == "#112233"  # not set: the theme's primary


async def test_preview_text_and_grid_are_readable_on_a_light_theme_chosen_at_start(surat):
    """Textual's ``$text`` is "auto": resolved without a background it came out white on white."""
    config_dir().mkdir(parents=True)
    config_dir().joinpath("config.toml").write_text('theme = "terang"\n', encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("f5")
        await settle(pilot, app, 0.4)
        styles = app.screen.query_one("#preview-pane")._styles()
        assert styles["text"].color.triplet.hex == "#1a1a1a"  # terang's foreground, on its #fafaf7 background
        grid = styles["grid"].color.triplet
        assert max(grid.red, grid.green, grid.blue) < 0xC0  # grey, visibly darker than the background


async def test_plugin_theme_is_offered_and_applied(surat, monkeypatch):
    module = types.ModuleType("soptui_tema_kantor")

    @hookimpl
    def register_themes(register):
        register("kantor", {"name": "kantor", "tui": {"primary": "#AA0000", "dark": False}})

    module.register_themes = register_themes
    loaded = plugins.load_plugins(entry_points=False, extra=[("soptui-tema-kantor", module)], warn=None)
    monkeypatch.setattr(plugins, "get_plugins", lambda quiet=False: loaded)
    config_dir().mkdir(parents=True)
    config_dir().joinpath("config.toml").write_text('theme = "kantor"\n', encoding="utf-8")
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.theme == "kantor" and not app.current_theme.dark
        assert not list(app._notifications)
