"""I013: text the printed page cannot show.

The official PDF, the slides' PDF and the bound document are set in DejaVu
Sans. A character it has no glyph for (a Chinese or Arabic name, a rare
symbol) prints as an empty box, and PDF/A-3b, the default, forbids that
box: the export is refused. Said here, the writer sees it in ``soptui
check`` and the editor's Masalah tab, on the field, before exporting.
"""

from __future__ import annotations

from soptui.checks.rules import Context
from soptui.fonts import named, without_glyph
from soptui.model import strings


def characters_without_glyph(ctx: Context) -> None:
    source = ctx.reporter.text
    if source.isascii() and "\\u" not in source and "\\U" not in source:
        return  # the usual SOP: printable ASCII has every glyph, and no escape writes another character
    for where, text in strings(ctx.sop):  # all of them print somewhere: PDF, slides, bound document, forms
        missing = without_glyph(text)
        if missing:
            ctx.report("I013", where, chars=named(sorted(missing, key=text.index)))


CHECKS = (characters_without_glyph,)
