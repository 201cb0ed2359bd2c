from __future__ import annotations

from pathlib import Path

import pytest

from soptui.checks import check_loaded
from soptui.diagnostics import Finding
from soptui.loader import load

#: A small SOP that passes every rule: each test breaks one thing in it.
CLEAN = """\
format = 1

[identitas]
nama = "Pengelolaan Surat Masuk"
nomor = "800/001/SEKR/2024"
instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "SEKRETARIAT DAERAH"]
tanggal_pembuatan = 2024-01-15
tanggal_efektif = 2024-02-01

[identitas.disahkan_oleh]
jabatan = "Kepala Biro Umum"
nama = "Agustinus Lake, S.H."
nip = "196911041994031007"

[[pelaksana]]
id = "staf"
nama = "Staf Tata Usaha"

[[pelaksana]]
id = "kasubbag"
nama = "Kasubbag Tata Usaha"

[[langkah]]
id = "terima"
kegiatan = "Menerima surat masuk"
pelaksana = "staf"
waktu = "5 menit"
output = "Surat diterima"

[[langkah]]
id = "agenda"
kegiatan = "Mencatat surat dalam buku agenda"
pelaksana = "staf"
waktu = "10 menit"
output = "Surat teragenda"

[[langkah]]
id = "periksa"
kegiatan = "Memeriksa kelengkapan catatan agenda"
pelaksana = "kasubbag"
simbol = "keputusan"
tidak = "agenda"
waktu = "5 menit"
output = "Agenda diperiksa"

[[langkah]]
id = "arsip"
kegiatan = "Mengarsipkan surat"
pelaksana = "staf"
waktu = "5 menit"
output = "Surat terarsip"
"""


def findings_for(tmp_path: Path, text: str, name: str = "sop.toml") -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_loaded(load(path))


@pytest.fixture
def clean_text() -> str:
    return CLEAN
