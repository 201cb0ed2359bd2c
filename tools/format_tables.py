"""Write the key tables of docs/format.md from the model, the file format's one description.

    python tools/format_tables.py          # rewrite the tables in docs/format.md
    python tools/format_tables.py --check  # exit 1 when a table differs from the model

Each table sits between ``<!-- keys: NAME -->`` and ``<!-- /keys -->``, NAME
one of :data:`TABLES`, ``criteria`` (the evaluation criteria) or ``limits``
(the numbers and key lists of :mod:`soptui.limits`). Type, required and
default come from the dataclasses' types and ``metadata``
(:func:`soptui.model.about`), the meaning from the ``doc`` each field carries,
so a key added to the model is documented in the same change or this fails.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soptui import fields, limits  # noqa: E402
from soptui.fields import Key  # noqa: E402
from soptui.model import EVALUATION_CRITERIA  # noqa: E402

DOC = Path(__file__).resolve().parents[1] / "docs" / "format.md"
TABLES: dict[str, dict[str, Key]] = {
    "top": fields.TOP, "identitas": fields.IDENTITY, "disahkan_oleh": fields.SIGNER, "pelaksana": fields.ACTOR,
    "langkah": fields.STEP, "riwayat": fields.REVISION, "monitoring": fields.MONITORING,
    "evaluasi": fields.EVALUATION,
}
_BLOCK = re.compile(r"(<!-- keys: (\w+) -->\n)(.*?)(<!-- /keys -->)", re.S)
_KINDS = {"integer": "integer", "date": "TOML local date", "strings": "array of strings",
          "bools": "table of booleans", "table": "table", "tables": "array of tables"}


def kind_of(key: Key) -> str:
    """The type column: the kind, its choices or pattern, its least number of items."""
    if key.choices:
        quoted = [f'`"{choice}"`' for choice in key.choices]
        return ", ".join(quoted[:-1]) + " or " + quoted[-1]
    text = "string" if key.kind == "string" else _KINDS[key.kind]
    if key.pattern:
        text += f" `{key.pattern.strip('^$')}`"
    return text


def required_of(key: Key) -> str:
    """The required column: yes (with its least items), or no with a default worth saying."""
    if key.required:
        return f"yes, >= {key.min_items}" if key.min_items else "yes"
    return f'no, default `"{key.default}"`' if isinstance(key.default, str) and key.default else "no"


def _keys(names: frozenset[str]) -> str:
    return ", ".join(f"`{name}`" for name in sorted(names))


def _limits() -> list[str]:
    """The rows of the Limits table: what the loader measures, each number from soptui.limits."""
    mib = limits.MAX_FILE_BYTES // (1024 * 1024)
    return [
        f"| file size | {mib} MiB (a 10,000-step SOP is about 3 MB) | S015 |",
        "| file kind | a regular file; a FIFO, device or folder named as an SOP is refused without blocking | S010 |",
        f"| nesting of arrays and tables | {limits.MAX_DEPTH} levels (the format itself needs 4: "
        "`evaluasi[1].jawaban.sinergi`) | S015 |",
        f"| `[[langkah]]` | {limits.MAX_STEPS:,} | S015 |",
        f"| `[[pelaksana]]` | {limits.MAX_ACTORS:,} | S015 |",
        f"| `[[riwayat]]`, `[[monitoring]]`, `[[evaluasi]]` | {limits.MAX_RECORDS:,} each | S015 |",
        f"| any other array (`instansi`, `dasar_hukum`, a plugin's list) | {limits.MAX_ITEMS:,} items | S015 |",
        f"| running text: {_keys(limits.TEXT_KEYS)}, and unknown keys | {limits.MAX_TEXT:,} characters | S015 |",
        f"| every other string (names, `nomor`, `waktu`, labels, `logo`, ids, `nip`, `penilai`...) and every key "
        f"name | {limits.MAX_SHORT:,} characters | S015 |",
        "| integers | TOML's 64-bit range | S015 |",
        f"| dates (and date-times), anywhere in the file | {limits.FIRST_DATE} to {limits.LAST_DATE} | S015 |",
        "| characters, in every string and key | no C0 control but tab, line feed and carriage return; no DEL, no "
        "C1 control (U+0080-U+009F), no bidirectional embedding, override or isolate (U+202A-U+202E, "
        "U+2066-U+2069), no line or paragraph separator (U+2028, U+2029), no noncharacter (U+FDD0-U+FDEF, "
        "U+FFFE, U+FFFF and their counterparts on every plane) | S014 |",
        f"| line breaks | tab, line feed and carriage return are text in running text and names, but refused in "
        f"{_keys(limits.ONE_LINE_KEYS)} | S014 |",
    ]


def table(name: str) -> str:
    """One table in Markdown, rows in file order."""
    if name == "limits":
        return "\n".join(["| what | limit | rule |", "|---|---|---|", *_limits()]) + "\n"
    if name == "criteria":
        rows = [f"| `{key}` | {criterion} |" for key, criterion in EVALUATION_CRITERIA]
        return "\n".join(["| key | criterion |", "|---|---|", *rows]) + "\n"
    rows = [f"| `{key}` | {kind_of(spec)} | {required_of(spec)} | {spec.doc} |" for key, spec in TABLES[name].items()]
    return "\n".join(["| key | type | required | meaning |", "|---|---|---|---|", *rows]) + "\n"


def written(text: str) -> str:
    """``text`` (docs/format.md) with every marked table rewritten."""
    return _BLOCK.sub(lambda m: m.group(1) + table(m.group(2)) + m.group(4), text)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    named = {m.group(2) for m in _BLOCK.finditer(text)}
    missing = sorted(set(TABLES) - named)
    if missing:
        print(f"{DOC}: no table for {', '.join(missing)}: add <!-- keys: NAME --><!-- /keys --> markers")
        return 1
    new = written(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            print(f"{DOC}: the key tables differ from soptui/model.py; run python tools/format_tables.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
