"""One language at a time: every --help, click's own words and its errors in the language chosen."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from soptui.cli import cli

ROOT = Path(__file__).resolve().parents[2]

#: Words that only one of the two languages uses, common enough to show up in any help text.
INDONESIAN = {"yang", "dan", "untuk", "berkas", "bila", "dengan", "atau", "ini", "tidak", "keluar", "menampilkan",
              "bawaan", "dari", "ke", "di", "pada", "setiap", "semua", "hanya", "opsi", "pemakaian", "perintah",
              "kesalahan", "wajib", "mis", "sebagai", "akan", "bantuan", "pengaturan", "tanpa", "lalu", "aturan"}
ENGLISH = {"the", "and", "of", "to", "with", "for", "show", "this", "message", "usage", "options", "commands",
           "default", "required", "exit", "when", "or", "is", "not", "from", "only", "every", "file", "files",
           "error", "try", "invalid", "missing", "value", "which", "without", "print", "list"}


def commands(command: click.Command = cli, path: tuple[str, ...] = ()):
    """Every command's path, those loaded only when asked (soptui's lazy ones, the plugins') included."""
    yield path
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            yield from commands(command.get_command(click.Context(command), name), (*path, name))


def words(text: str) -> set[str]:
    """The prose of a help page: without option names, placeholders, code, quoted values and file names."""
    text = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'|\[[^\]]*\|[^\]]*\]|\w+://\S*|\S+=\S+", " ", text)
    text = re.sub(r"(?<!\w)-{1,2}[\w-]+|\b\S+[./]\S+\b|\b[A-Z][A-Z0-9_*,.\[\]=-]+\b", " ", text)
    return {word.lower() for word in re.findall(r"[A-Za-z]+", text)}


def help_page(path: tuple[str, ...], lang: str) -> str:
    result = CliRunner().invoke(cli, [*path, "--help", "--lang", lang])
    assert result.exit_code == 0, (path, result.output)
    return result.output


@pytest.mark.parametrize("path", list(commands()), ids=lambda path: " ".join(path) or "soptui")
def test_every_help_page_speaks_one_language(path):
    english, indonesian = help_page(path, "en"), help_page(path, "id")
    hint = "translate it: python tools/messages.py, then fill the empty msgstr (docs/language.md)"
    assert not words(english) & INDONESIAN, (sorted(words(english) & INDONESIAN), english, hint)
    assert not words(indonesian) & ENGLISH, (sorted(words(indonesian) & ENGLISH), indonesian, hint)
    assert english.startswith("Usage: ") and indonesian.startswith("Pemakaian: ")


def test_the_language_may_come_before_or_after_help_and_from_the_settings(monkeypatch, tmp_path):
    assert CliRunner().invoke(cli, ["check", "--lang", "en", "--help"]).output.startswith("Usage: ")
    (tmp_path / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv("SOPTUI_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("SOPTUI_LANG", raising=False)
    import soptui.i18n

    monkeypatch.setattr(soptui.i18n, "_current", None)  # as in a new process: the settings choose
    assert CliRunner().invoke(cli, ["check", "--help"]).output.startswith("Usage: ")


def test_clicks_errors_are_in_the_language_chosen():
    indonesian = CliRunner().invoke(cli, ["check", "--format", "xml", "x"])
    assert indonesian.exit_code == 2
    assert "Kesalahan: Nilai tidak sah untuk '--format': 'xml' bukan salah satu dari" in indonesian.output
    english = CliRunner().invoke(cli, ["check", "--format", "xml", "--lang", "en", "x"])
    assert "Error: Invalid value for '--format': 'xml' is not one of" in english.output
    missing = CliRunner().invoke(cli, ["export"])
    assert "Argumen belum diberikan" in missing.output and "Pemakaian: cli export [OPSI]" in missing.output


def test_the_catalogues_are_complete_and_compiled():
    """Every help text has its English and every click word its Indonesian; the .mo files match the .po."""
    import subprocess

    result = subprocess.run([sys.executable, str(ROOT / "tools" / "messages.py"), "--check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_plurals_follow_the_language():
    from soptui.i18n import _Formatter

    assert _Formatter("en").format("{n:# file|# files}", n=1) == "1 file"
    assert _Formatter("en").format("{n:# file|# files}", n=0) == "0 files"
    assert _Formatter("id").format("{n:# berkas}", n=2) == "2 berkas"
    assert _Formatter("en").format("{n:# file|# files}", n="3") == "3 files"  # a caller's string: no crash
    assert _Formatter("en").format("{x: >4}|{y:#x}", x="a", y=255) == "   a|0xff"  # ordinary specs untouched


def test_english_counts_read_right_in_every_catalogue_text():
    """No English text writes a bare count before a plural noun ("1 files"), nor "(s)"."""
    from soptui.i18n import catalogue

    for key, text in catalogue("en").items():
        assert "(s)" not in text, key
        assert not re.search(r"\{(count|files|pages|errors|warnings|steps|sops)\} [a-z]+s\b", text), (key, text)


def test_both_catalogues_hold_the_same_keys():
    """A text missing from one language would show its key; a plugin's clashing key is
    found by asking the default language's catalogue only (soptui.i18n.add_messages)."""
    from soptui.i18n import core_catalogue

    assert set(core_catalogue("id")) == set(core_catalogue("en"))
