"""I013: text the printed page cannot show.

The official PDF, the slides' PDF and the bound document are set in DejaVu
Sans. A character it has no glyph for (a Chinese or Arabic name, a rare
symbol) prints as an empty box, and PDF/A-3b, the default, forbids that
box: the export is refused. Said here, the writer sees it in ``soptui
check`` and the editor's Masalah tab, on the field, before exporting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from soptui.checks.rules import Context
from soptui.fonts import without_glyph


def characters_without_glyph(ctx: Context) -> None:
    source = ctx.reporter.text
    if source.isascii() and "\\u" not in source and "\\U" not in source:
        return  # the usual SOP: printable ASCII has every glyph, and no escape writes another character
    for where, text in _texts(ctx.sop, ()):
        missing = without_glyph(text)
        if missing:
            chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(missing, key=text.index))
            ctx.report("I013", where, chars=chars)


def _texts(value: Any, where: tuple) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of every string of the model: all of them print somewhere (the official
    PDF, the slides, the bound document, the monitoring and evaluation forms)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*where, index))
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name != "extra":  # unknown keys print nowhere (S011 names them)
                yield from _texts(getattr(value, field.name), (*where, field.name))


CHECKS = (characters_without_glyph,)
