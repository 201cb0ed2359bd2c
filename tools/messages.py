"""Keep the gettext catalogues of the command line current: extract, then compile.

    python tools/messages.py          # add new texts (untranslated), drop gone ones, compile the .mo files
    python tools/messages.py --check  # exit 1 when a text lacks its translation or a .mo is stale

``locale/en/LC_MESSAGES/soptui.po`` holds every help text of the CLI (written
in Bahasa Indonesia) with its English; ``locale/id/LC_MESSAGES/soptui.po``
holds click's own words with their Indonesian. Translate the empty
``msgstr`` entries, then run it again (docs/language.md). Needs babel (the
test extra); soptui itself reads the .mo files with the standard library.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["SOPTUI_LOAD_PLUGINS"] = ""  # the built-ins' commands are soptui's to translate; a third party's are not

from soptui.cli import cli  # noqa: E402
from soptui.commands.language import DOMAIN, LOCALE_DIR, click_words, help_texts  # noqa: E402

HEADER = "# soptui's command line in one language (tools/messages.py, docs/language.md)."

#: click's words that it translates without marking them where they are written, and
#: those soptui translates for it (placeholders, ``[OPTIONS]``).
CLICK_DYNAMIC = ("required", *click_words())


def click_messages() -> list[str | tuple[str, str]]:
    """Every string click marks for gettext (``_()``, ``ngettext()``), plus the dynamic ones."""
    found: list[str | tuple[str, str]] = list(CLICK_DYNAMIC)
    folder = Path(click.__file__).parent
    for _, _, message, _, _ in extract_from_dir(str(folder), method_map=[("**.py", "python")],
                                                  keywords={"_": None, "ngettext": (1, 2)}):
        if message not in found:
            found.append(message)
    return found


def wanted() -> dict[str, list[str | tuple[str, str]]]:
    return {"en": list(help_texts(cli)), "id": click_messages()}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="soptui", header_comment=HEADER)
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def updated(lang: str) -> Catalog:
    """The catalogue with exactly the wanted messages, keeping every translation it had."""
    old = load(lang)
    new = Catalog(locale=lang, domain=DOMAIN, project="soptui", version=None, header_comment=HEADER,
                  creation_date=old.creation_date, revision_date=old.creation_date, fuzzy=False)
    for message in wanted()[lang]:
        key = message[0] if isinstance(message, tuple) else message
        previous = old.get(key)
        new.add(message, previous.string if previous is not None else ("", "") if isinstance(message, tuple) else "")
    return new


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(check: bool) -> int:
    problems = 0
    for lang in ("en", "id"):
        catalog = updated(lang)
        if check:
            with open(po_path(lang), "rb") as handle:
                current = read_po(handle, locale=lang, domain=DOMAIN)
            stale = {m.id for m in catalog if m.id} ^ {m.id for m in current if m.id}
            mo = po_path(lang).with_suffix(".mo")
            for text in sorted(map(str, stale)):
                print(f"{po_path(lang)}: not current: {text[:70]!r}")
            if not mo.exists() or mo.read_bytes() != compiled(current):
                print(f"{mo}: not compiled from {po_path(lang).name}")
                problems += 1
            problems += len(stale)
        else:
            po_path(lang).parent.mkdir(parents=True, exist_ok=True)
            with open(po_path(lang), "wb") as handle:
                write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
            po_path(lang).with_suffix(".mo").write_bytes(compiled(catalog))
        for text in untranslated(catalog):
            print(f"{po_path(lang)}: untranslated: {text[:70]!r}")
            problems += 1
    return 1 if problems and check else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
