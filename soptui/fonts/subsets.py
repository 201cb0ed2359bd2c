"""Font subsets built and compressed once per process, not once per PDF.

Subsetting DejaVu Sans and compressing the subset were about a third of a
small SOP's PDF, and the subsets repeat: reportlab's first subset of a face
keeps ASCII at its own codes, so every SOP written in plain Indonesian embeds
the same bytes. The bytes written are exactly those reportlab would write.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFontFace

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


class _RememberedFlate:
    """reportlab's Flate filter, whose output is kept for the font subsets it compressed."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def encode(self, data: bytes) -> bytes:
        return _compressed(data)


@lru_cache(maxsize=KEPT)
def _compressed(data: bytes) -> bytes:
    return pdfdoc.PDFZCompress.encode(data)


_FLATE = _RememberedFlate()
