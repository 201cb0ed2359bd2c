"""Plugins speak the user's language: their own catalogues, and soptui's words about them."""

from __future__ import annotations

import types

import pytest

from soptui import hookimpl
from soptui.i18n import set_language, t
from soptui.plugins import load_plugins


def module(name: str, **hooks) -> types.ModuleType:
    made = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(made, hook, hookimpl(function))
    return made


def problems(*plugins: tuple[str, types.ModuleType]) -> list[str]:
    seen: list[str] = []
    load_plugins(entry_points=False, extra=plugins, warn=seen.append)
    return seen


@pytest.mark.parametrize("lang", ["id", "en"])
def test_what_soptui_says_about_a_broken_plugin_is_in_the_users_language(lang):
    set_language(lang)

    def wrong_parameter(reg):
        pass

    typo = module("typo", register_exporter=lambda register: None)
    misnamed = module("misnamed", register_exporters=wrong_parameter)
    said = problems(("typo", typo), ("misnamed", misnamed))
    assert len(said) == 2 and "register_exporter " in said[0] + " " and "register_exporters" in said[1]
    english_of_pluggy = ("unknown hook", "in plugin", "hookimpl definition", "are declared in the hookimpl")
    assert not any(words in message for message in said for words in english_of_pluggy)
    assert ("dilewati" in said[0]) == (lang == "id") and ("skipped" in said[0]) == (lang == "en")


def test_a_plugins_texts_come_in_the_chosen_language_from_a_folder(tmp_path):
    (tmp_path / "id.toml").write_text('[arsip]\nkosong = "{count} langkah"\n', encoding="utf-8")
    (tmp_path / "en.toml").write_text('[arsip]\nkosong = "{count:# step|# steps}"\n', encoding="utf-8")
    assert problems(("arsip", module("arsip", register_messages=lambda register: register(tmp_path)))) == []
    assert t("arsip.kosong", count=1) == "1 langkah"
    set_language("en")
    assert t("arsip.kosong", count=1) == "1 step" and t("arsip.kosong", count=3) == "3 steps"


def test_a_plugin_may_not_take_another_owners_key_and_is_skipped_whole():
    def both(register):
        register({"id": {"baru": {"teks": "punyaku"}, "check": {"error": "bukan punyamu"}}})

    said = problems(("perebut", module("perebut", register_messages=both,
                                       register_themes=lambda register: register("tema-x", {"tui": {}}))))
    assert len(said) == 1 and "check.error" in said[0] and "soptui" in said[0]
    assert t("check.error") == "kesalahan" and t("baru.teks") == "baru.teks"  # nothing of it was kept


def test_labels_can_use_the_plugins_texts_because_its_messages_come_first():
    from soptui.exporters import Exporter

    def exporters(register):
        register(Exporter("contoh", t("contoh.label"), ".txt", lambda *args: None))

    plugins = load_plugins(entry_points=False, warn=None, extra=[("contoh", module(
        "contoh", register_exporters=exporters,
        register_messages=lambda register: register({"id": {"contoh": {"label": "Contoh"}}})))])
    assert plugins.exporter("contoh").label == "Contoh"



def test_each_builtin_plugin_speaks_from_its_own_catalogue_complete_in_both_languages():
    """The built-ins ship their texts as a third party does (register_messages): the same keys in id
    and en, each under the plugin's name; a key left in soptui's own catalogue would skip the plugin."""
    import tomllib
    from pathlib import Path

    from soptui.i18n import _flatten
    from soptui.plugins import get_plugins

    builtins = [info for info in get_plugins().plugins if info.builtin]
    assert sorted(info.name for info in builtins) == ["dokumen", "json", "pdf", "pptx", "svg", "ttd"]
    root = Path(__file__).resolve().parents[2]
    for info in builtins:
        keys = {lang: {key for key, _ in _flatten(tomllib.loads(
            (root / "plugins" / f"_soptui_{info.name}" / "locale" / f"{lang}.toml").read_text(encoding="utf-8")))}
            for lang in ("id", "en")}
        assert info.error is None and info.messages == ("en", "id"), (info.name, info.error)
        assert keys["id"] and keys["id"] == keys["en"], (info.name, keys["id"] ^ keys["en"])
        assert all(key.startswith(f"{info.name}.") for key in keys["id"]), info.name
