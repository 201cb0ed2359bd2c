"""Every line a command prints is text, never a terminal command.

File contents with control characters are refused by the loader (S014), so
what still reaches a terminal is a file name (a unit mails `surat<ESC>]0;..`
or a name that is not UTF-8) and a plugin's own words. Each command prints
them escaped (`\\x1b`, `\\udcff`); JSON output stays valid JSON with the same
strings. The runner keeps colours (`color=True`): click would otherwise strip
escape sequences itself and hide a leak.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from soptui.terminal import UNPRINTABLE, json_text, visible
from tests.core.conftest import CLEAN

#: Retitles the terminal, clears it, a C1 CSI, text reading backwards, a byte that is not UTF-8.
HOSTILE_NAME = os.fsdecode(b"surat\x1b]0;PWNED\x07\x1b[2J\xc2\x9b31m\xe2\x80\xaeLMTH\xff.sop.toml")
COMMANDS = {
    "check": (["check", "{path}"], 0),
    "check json": (["check", "--format", "json", "{path}"], 0),
    "monev": (["monev", "--today", "2024-04-01", "{path}"], 0),
    "monev json": (["monev", "--json", "--today", "2024-04-01", "{path}"], 0),
    "diff": (["diff", "{path}", "{other}"], 1),
    "diff json": (["diff", "--json", "{path}", "{other}"], 1),
    "katalog csv": (["katalog", "-o", "-", "{path}"], 0),
    "katalog xlsx": (["katalog", "-o", "{folder}/k.xlsx", "{path}"], 0),
    "layout": (["layout", "{path}"], 0),
    "formulir": (["formulir", "monitoring", "-o", "{folder}/m.pdf", "{path}"], 0),
    "new exists": (["new", "{path}"], 1),
}
_COMMAND_CHARACTERS = f"[{UNPRINTABLE}\ud800-\udfff]"


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / HOSTILE_NAME
    path.write_text(CLEAN.replace('waktu = "10 menit"\n', ""), encoding="utf-8")  # a warning names the file
    other = tmp_path / "lain.sop.toml"
    other.write_text(CLEAN.replace("Menerima surat masuk", "Menerima surat"), encoding="utf-8")
    return {"path": str(path), "other": str(other), "folder": str(tmp_path)}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_hostile_file_name_reaches_no_terminal_as_a_command(hostile, command):
    args, code = COMMANDS[command]
    result = CliRunner().invoke(cli, [arg.format(**hostile) for arg in args], color=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, result.output
    printed = result.stdout_bytes + result.stderr_bytes
    text = printed.decode("utf-8")  # not UTF-8 would mean a raw byte of the name got through
    assert not re.search(_COMMAND_CHARACTERS, text), command
    if command.endswith("json"):
        json.loads(result.stdout)
    if command in ("check", "diff", "katalog csv", "new exists"):  # the monev table wraps the name
        assert "\\x1b]0;PWNED" in text or "\\u001b]0;PWNED" in text, text


def test_json_text_is_valid_json_with_the_same_strings_and_nothing_a_terminal_acts_on():
    value = {"a": "x\x1b[2J\u202e\x9b\udcff\U0010ffff tab\tline\n é ✓", "b": [1, None, True]}
    text = json_text(value)
    assert json.loads(text) == value
    assert not re.search(_COMMAND_CHARACTERS, text)


def test_visible_keeps_what_is_asked_and_escapes_the_rest():
    assert visible("a\tb\nc\x1b[2J\u202e\udcff", keep="\n") == "a\\x09b\nc\\x1b[2J\\u202e\\udcff"


def test_katalog_xlsx_writes_the_name_visibly(hostile):
    from openpyxl import load_workbook

    folder = Path(hostile["folder"])
    CliRunner().invoke(cli, ["katalog", "-o", str(folder / "k.xlsx"), hostile["path"]])
    cell = load_workbook(folder / "k.xlsx").active["R2"].value
    assert "\\x1b]0;PWNED\\x07" in cell and "\\udcff" in cell


def test_csv_to_standard_output_of_a_folder_holding_a_name_that_is_not_utf8(hostile):
    folder = Path(hostile["folder"])
    shutil.copy(hostile["other"], folder / "b.sop.toml")
    result = CliRunner().invoke(cli, ["katalog", "-o", "-", str(folder)], color=True)
    assert result.exit_code == 0, result.output
    assert "\\udcff" in result.stdout


def test_the_site_of_a_folder_holding_a_name_that_is_not_utf8_builds_and_rebuilds(hostile):
    folder = Path(hostile["folder"])
    site = folder.parent / "situs"
    first = CliRunner().invoke(cli, ["situs", str(folder), "-o", str(site)], color=True)
    assert first.exit_code == 0, first.output
    assert "\\udcff" not in (site / "index.html").read_text(encoding="utf-8")  # written as "?", valid UTF-8
    again = CliRunner().invoke(cli, ["situs", str(folder), "-o", str(site)], color=True)
    assert again.exit_code == 0 and " 0 halaman dibuat" in again.output, again.output  # the manifest read back
