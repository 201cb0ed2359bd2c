"""New SOP files from the commented template in ``soptui/templates``.

The template's comments, in Bahasa Indonesia, explain every field; the
values are filled in with tomlkit so the comments survive.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TEMPLATE = Path(__file__).parent / "templates" / "baru.sop.toml"


def new_sop_text(nama: str | None = None, nomor: str | None = None, today: dt.date | None = None) -> str:
    """The template with its name, number and creation date filled in."""
    import tomlkit  # not at import: ``soptui check`` reads the template's path only (soptui.checks.filled)

    document = tomlkit.parse(TEMPLATE.read_text(encoding="utf-8"))
    identity = document["identitas"]
    if nama:
        identity["nama"] = nama
    if nomor:
        identity["nomor"] = nomor
    identity["tanggal_pembuatan"] = today or dt.date.today()
    return tomlkit.dumps(document)
