"""The file format, version 1, as data: every table, key, type and default.

One description serves three readers: the loader (types, required keys,
choices), the JSON Schema printed by ``soptui schema``, and the writer of new
files (key order). Keep it in step with docs/format.md.
"""

from __future__ import annotations

from dataclasses import dataclass

ID_PATTERN = r"^[a-z0-9_-]+$"


@dataclass(frozen=True)
class Key:
    """One key of a table.

    ``kind`` is one of ``string``, ``integer``, ``date``, ``strings`` (array of
    strings), ``bools`` (table of booleans), ``table`` or ``tables`` (array of
    tables), the last two described by ``keys``.
    """

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    min_items: int = 0
    keys: dict[str, Key] | None = None


SIGNER = {
    "jabatan": Key("string", required=True),
    "nama": Key("string", required=True),
    "nip": Key("string", required=True),
    "pangkat": Key("string"),
}

IDENTITY = {
    "nama": Key("string", required=True),
    "nomor": Key("string", required=True),
    "jenis": Key("string", choices=("administratif", "teknis")),
    "instansi": Key("strings", required=True, min_items=1),
    "logo": Key("string"),
    "tanggal_pembuatan": Key("date", required=True),
    "tanggal_revisi": Key("date"),
    "tanggal_efektif": Key("date"),
    "dasar_hukum": Key("strings"),
    "kualifikasi_pelaksana": Key("strings"),
    "keterkaitan": Key("strings"),
    "peralatan": Key("strings"),
    "peringatan": Key("strings"),
    "pencatatan": Key("strings"),
    "disahkan_oleh": Key("table", keys=SIGNER),
}

ACTOR = {
    "id": Key("string", required=True, pattern=ID_PATTERN),
    "nama": Key("string", required=True),
    "singkatan": Key("string"),
}

STEP = {
    "id": Key("string", required=True, pattern=ID_PATTERN),
    "kegiatan": Key("string", required=True),
    "pelaksana": Key("string", required=True),
    "simbol": Key("string", choices=("terminator", "proses", "keputusan")),
    "kelengkapan": Key("string"),
    "waktu": Key("string"),
    "output": Key("string"),
    "keterangan": Key("string"),
    "lanjut": Key("string"),
    "ya": Key("string"),
    "tidak": Key("string"),
    "label_ya": Key("string"),
    "label_tidak": Key("string"),
}

REVISION = {
    "tanggal": Key("date", required=True),
    "uraian": Key("string", required=True),
    "oleh": Key("string"),
}

MONITORING = {
    "tanggal": Key("date", required=True),
    "penilaian": Key("string", required=True, choices=("baik", "tidak_baik")),
    "catatan": Key("string"),
    "tindakan": Key("string"),
    "penilai": Key("string"),
}

EVALUATION = {
    "tanggal": Key("date", required=True),
    "penilai": Key("string"),
    "catatan": Key("string"),
    "tindakan": Key("string"),
    "jawaban": Key("bools"),
}

TOP = {
    "format": Key("integer", required=True),
    "identitas": Key("table", required=True, keys=IDENTITY),
    "pelaksana": Key("tables", required=True, min_items=1, keys=ACTOR),
    "langkah": Key("tables", required=True, min_items=2, keys=STEP),
    "riwayat": Key("tables", keys=REVISION),
    "monitoring": Key("tables", keys=MONITORING),
    "evaluasi": Key("tables", keys=EVALUATION),
}
