"""Font subsets built and compressed once per process, not once per PDF.

Subsetting DejaVu Sans and compressing the subset were about a third of a
small SOP's PDF, and the subsets repeat: reportlab's first subset of a face
keeps ASCII at its own codes, so every SOP written in plain Indonesian embeds
the same bytes. The bytes written are exactly those reportlab would write.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

KEPT = 32  # distinct subsets kept per face and compressed; one is about 35 kB


class ReusedSubsets(TTFontFace):
    """A face that remembers the subsets it made (set as a registered face's class)."""

    def makeSubset(self, subset):
        key = tuple(subset)
        made = self.__dict__.setdefault("_soptui_subsets", {})
        if key not in made:
            if len(made) >= KEPT:
                made.clear()
            made[key] = super().makeSubset(subset)
        return made[key]

    def addSubsetObjects(self, doc, fontname, subset):
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")  # reportlab's name for the file
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_FLATE]
        return descriptor


class ReusedWidths(TTFont):
    """A font whose subsets' ``/Widths`` arrays are formatted, and their
    ``/ToUnicode`` maps compressed, once per process (set as a registered
    font's class): they are the same for every SOP whose text uses the same
    characters."""

    def addObjects(self, doc):
        super().addObjects(doc)
        for font in doc.idToObject["BasicFonts"].dict.values():
            widths = getattr(font, "Widths", None)
            if type(widths) is pdfdoc.PDFArray:
                font.Widths = _Widths(widths.sequence)
            unicode_map = doc.idToObject.get(getattr(getattr(font, "ToUnicode", None), "name", None))
            if unicode_map is not None and unicode_map.filters == [pdfdoc.PDFZCompress]:
                unicode_map.filters = [_FLATE]


class _Widths(pdfdoc.PDFArray):
    """A ``/Widths`` array: numbers only, so its bytes depend on nothing but the numbers."""

    def format(self, document, IND=b"\n "):
        key = (tuple(self.sequence), IND)
        if key not in _FORMATTED:
            if len(_FORMATTED) >= 4 * KEPT:
                _FORMATTED.clear()
            _FORMATTED[key] = super().format(document, IND)
        return _FORMATTED[key]


_FORMATTED: dict[tuple, bytes] = {}


class _RememberedFlate:
    """reportlab's Flate filter, whose output is kept for the font subsets it compressed."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def encode(self, data: bytes) -> bytes:
        return _compressed(data)


@lru_cache(maxsize=KEPT)
def _compressed(data: bytes) -> bytes:
    return pdfdoc.PDFZCompress.encode(data)


_FLATE = _RememberedFlate()
