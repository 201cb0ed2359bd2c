"""User text is data, never markup: every field of an SOP set to hostile strings, every tab and dialog opened.

Rich markup (``[/x]`` ended the app with MarkupError), emoji codes, a
checker message quoting ``[[pelaksana]]``, right-to-left text and very long
words come from the file; control characters and escape sequences (which
the loader refuses in a file) come from a paste and from the model. Each
screen is read back as the terminal would get it: the text as written,
control characters as visible escapes, none sent raw.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import tomli_w
from textual import events

from soptui.loader import load
from soptui.serialize import to_dict
from tests.tui.helpers import make_app, screen_text, settle

LONG_WORD = "Penyelenggaraanpelayananadministrasi" * 4
HOSTILE = (
    "[/x]",
    "Surat [asli/fotokopi]",
    "[bold]tebal[/bold]",
    "[link=https://contoh.example]tautan[/link]",
    ":smile: :thumbs_up:",
    "tidak ada di [[pelaksana]]",
    "مرحبا بالعالم",
    LONG_WORD,
    '"kutip" \\ garis [i]',
)
#: Keys holding ids, references, choices or dates: the format fixes what they may hold.
FIXED = {"id", "pelaksana", "lanjut", "ya", "tidak", "simbol", "jenis", "penilaian", "tanggal", "format"}
CONTROL = "Kirim\x1b[2J\x1b]0;judul\x07 lalu\u202eterbalik"
RAW = ("\x1b", "\x07", "\u202e")


def hostile(value, strings, key=""):
    """``value`` with every free text replaced by the next hostile string."""
    if isinstance(value, dict):
        return {k: hostile(v, strings, k) for k, v in value.items()}
    if isinstance(value, list):
        return [hostile(v, strings, key) for v in value]
    if isinstance(value, str) and key not in FIXED and not key.startswith("tanggal"):
        return next(strings)
    return value


def hostile_file(surat: Path) -> Path:
    data = hostile(to_dict(load(surat.parent / "pengajuan-cuti.sop.toml").sop), itertools.cycle(HOSTILE))
    path = surat.parent / "[b]cuti[i] :smile:.sop.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert load(path).sop is not None, "the hostile file is a valid SOP"
    return path


class Screens:
    """Every screen seen, checked as it is seen."""

    def __init__(self, app) -> None:
        self.app = app
        self.seen: list[str] = []

    async def look(self, pilot, delay: float = 0.0) -> str:
        await settle(pilot, self.app, delay)
        text = screen_text(self.app)
        for char in RAW:
            assert char not in text, f"{char!r} reached the terminal on {self.app.screen}"
        self.seen.append(text)
        return text

    @property
    def all(self) -> str:
        return "\n".join(self.seen)


async def test_every_tab_and_dialog_shows_hostile_text_as_written(surat):
    path = hostile_file(surat)
    app = make_app(surat.parent)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screens = Screens(app)
        await screens.look(pilot)
        await pilot.press(*"cuti")  # the library's filter, over the hostile name and nomor
        await screens.look(pilot)
        for key in ("f1", "escape", "f8", "escape"):  # help, the delete question (names the file and SOP)
            await pilot.press(key)
            await screens.look(pilot)
        await pilot.press("enter")
        await screens.look(pilot)
        editor = app.screen
        assert editor.document.path == path
        for key in ("f2", "f3", "f4", "f5", "f6", "f7"):
            await pilot.press(key)
            await screens.look(pilot, delay=0.4)
        # the model as a paste would make it: control characters in a step and an actor
        sop = editor.sop
        step = dataclasses.replace(sop.langkah[1], kegiatan=CONTROL, output=CONTROL)
        actor = dataclasses.replace(sop.pelaksana[0], nama=CONTROL)
        editor.commit(dataclasses.replace(sop, langkah=(sop.langkah[0], step, *sop.langkah[2:]),
                                          pelaksana=(actor, *sop.pelaksana[1:])))
        for key in ("f4", "down", "f3", "f5", "f6", "f2"):
            await pilot.press(key)
            await screens.look(pilot, delay=0.4)
        # dialogs: export, help, delete an actor that has steps, record a revision, save as, leave
        for keys in (["ctrl+e"], ["f1"], ["f3", "delete"], ["f7", "ctrl+r"], ["ctrl+q"]):
            await pilot.press(*keys)
            await screens.look(pilot, delay=0.3)
            await pilot.press("escape")
            await screens.look(pilot)
        editor.action_save_as()
        await screens.look(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"[/x")
        await screens.look(pilot)
        await pilot.press("escape")
        before = path.read_bytes()
        await pilot.press("ctrl+s")  # the control characters would make a file the loader refuses
        refused = await screens.look(pilot)
        assert "Belum disimpan" in refused and path.read_bytes() == before
        await pilot.press("ctrl+z", "ctrl+s")  # without them it saves, and the toast names the file as it is
        saved = await screens.look(pilot)
        assert "Disimpan ke [b]cuti[i] :smile:.sop.toml" in saved
        assert app.return_code is None and app.screen is editor  # still running, nothing crashed
    seen = screens.all
    for text in ("[/x]", "Surat [asli/fotokopi]", "[bold]tebal[/bold]", ":smile:", "[link=https://contoh.example]",
                 "[[pelaksana]]", "مرحبا", "[b]cuti[i] :smile:.sop.toml", "\\x1b[2J", "\\u202e"):
        assert text in seen, f"{text!r} was never shown as written"
    assert "😄" not in seen  # an emoji code stays a code


async def test_a_paste_keeps_every_line_and_no_control_character(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("enter", "ctrl+u")  # Kegiatan of the first step, emptied
        app.focused.post_message(events.Paste("Menerima surat\n\x1b[31mmerah\x1b[0m\tdan\r\nmencatatnya"))
        await settle(pilot, app)
        assert editor.sop.langkah[0].kegiatan == "Menerima surat \\x1b[31mmerah\\x1b[0m dan mencatatnya"
        assert "\x1b" not in screen_text(app)
