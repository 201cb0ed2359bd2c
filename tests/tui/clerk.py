"""A clerk's fast typing into every kind of field, the same in a local terminal and over SSH.

Each text goes in as one burst (``send-keys -l``: no bracketed paste, every
byte at once; one mends a typo with Backspace inside the burst), into an
identity field, an item of a list, the step form, a date field the
Indonesian way and an actor's name. Then Ctrl+S and Ctrl+Q.
The file must hold exactly what was typed, and nothing else may change.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from soptui.loader import load
from tests.tui.terminal import Terminal

KEGIATAN = 'Menerima surat [asli/fotokopi] "kilat" 😀'
WAKTU = "2-3 hari kerja [x]"
NAMA = 'Pelayanan Surat Masuk [/x] "kilat"'
NOMOR = "000.1.2/005/SETDA/2025"
INSTANSI = "PEMERINTAH KOTA KUPANG [NTT]"
TANGGAL = "01/07/2025"  # the Indonesian habit: stored as 2025-07-01
PELAKSANA = "Staf Tata Usaha [Sekretariat] 😀"
#: The keys whose lines may change: nothing else in the file.
EDITED_KEYS = ("kegiatan", "waktu", "nama", "nomor", "instansi", "tanggal_revisi")


#: The clerk's day, in steps: named keys (tmux's names), then a text typed in one burst,
#: then what the screen shows once it has all arrived (the real terminal waits for it).
STEPS = (
    (("Enter", "C-u"), KEGIATAN.replace("surat", "suart\x7f\x7f\x7frat"), '"kilat" 😀'),  # a typo mended in the burst
    (("Down", "Down", "Down", "Down", "C-u"), WAKTU, WAKTU),  # Pelaksana, Simbol, Kelengkapan, Waktu
    (("Escape", "F2", "C-u"), NAMA, NAMA),  # Identitas: Nama SOP
    (("Down", "C-u"), NOMOR, NOMOR),
    (("Down", "Down", "Enter", "C-u"), INSTANSI, f"1. {INSTANSI}"),  # Jenis, the Instansi list, its first line
    (("Enter", "Tab", "Tab", "Tab", "Tab"), TANGGAL, TANGGAL),  # back to the list; its line, Logo, the two dates
    (("F3", "Enter", "C-u"), PELAKSANA, PELAKSANA),  # Pelaksana: the first actor's name
)


def type_a_clerks_edits(terminal: Terminal) -> None:
    """Everything typed in bursts, the editor open on surat-masuk.sop.toml at the step table."""
    terminal.wait_for("Mencatat surat dalam")
    for keys, text, shown in STEPS:
        terminal.keys(*keys)
        terminal.type(text)
        terminal.wait_for(shown)
    terminal.keys("Enter", "C-s")
    terminal.wait_for("Disimpan ke")
    terminal.keys("C-q")
    terminal.wait_for("EXIT=0")


def all_in_one_burst() -> list[str]:
    """The same day as Textual's key names, every key one after the other: as keys come in one
    read when the machine is busy or the link stalls, and the app reads them all before
    any widget has acted on the first."""
    keys: list[str] = []
    for named, text, _ in STEPS:
        keys += [key.lower().replace("c-", "ctrl+") for key in named]
        keys += ["backspace" if char == "\x7f" else char for char in text]
    return [*keys, "enter", "ctrl+s"]


def assert_saved_exactly(path: Path, before: str) -> None:
    """The file holds what was typed, and only the lines of the edited keys changed."""
    sop = load(path).sop
    assert sop is not None
    identity = sop.identitas
    assert (identity.nama, identity.nomor, identity.instansi[0]) == (NAMA, NOMOR, INSTANSI)
    assert str(identity.tanggal_revisi) == "2025-07-01"
    assert (sop.langkah[0].kegiatan, sop.langkah[0].waktu) == (KEGIATAN, WAKTU)
    assert sop.pelaksana[0].nama == PELAKSANA
    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]
    keys = {re.match(r"[-+] (\w+) =", line).group(1) for line in changed}
    assert keys <= set(EDITED_KEYS), "\n".join(changed)
    assert len(changed) == 2 * 6 + 1, "\n".join(changed)  # six lines replaced, tanggal_revisi added
