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


def type_a_clerks_edits(terminal: Terminal) -> None:
    """Everything typed in bursts, the editor open on surat-masuk.sop.toml at the step table."""
    terminal.wait_for("Mencatat surat dalam")
    terminal.keys("Enter", "C-u")  # the step form: Kegiatan of step 1
    terminal.type(KEGIATAN.replace("surat", "suart\x7f\x7f\x7frat"))  # a typo mended with Backspace, in the burst
    terminal.wait_for('"kilat" 😀')
    terminal.keys("Down", "Down", "Down", "Down", "C-u")  # Pelaksana, Simbol, Kelengkapan, Waktu
    terminal.type(WAKTU)
    terminal.wait_for(WAKTU)
    terminal.keys("Escape", "F2", "C-u")  # Identitas: Nama SOP
    terminal.type(NAMA)
    terminal.wait_for(NAMA)
    terminal.keys("Down", "C-u")  # Nomor
    terminal.type(NOMOR)
    terminal.wait_for(NOMOR)
    terminal.keys("Down", "Down", "Enter", "C-u")  # Jenis, the Instansi list, its first line
    terminal.type(INSTANSI)
    terminal.wait_for(f"1. {INSTANSI}")
    terminal.keys("Enter", "Tab", "Tab", "Tab", "Tab")  # back to the list; its line, Logo, the two dates
    terminal.type(TANGGAL)
    terminal.wait_for(TANGGAL)
    terminal.keys("F3", "Enter", "C-u")  # Pelaksana: the first actor's name
    terminal.type(PELAKSANA)
    terminal.wait_for(PELAKSANA)
    terminal.keys("Enter", "C-s")
    terminal.wait_for("Disimpan ke")
    terminal.keys("C-q")
    terminal.wait_for("EXIT=0")


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
