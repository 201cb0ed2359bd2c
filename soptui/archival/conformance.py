"""Is this file PDF/A-3b? The check the archival PDF must pass before it is handed out.

pikepdf's validator approves only what it recognises, and it does not
recognise interactive forms (our signature fields) or embedded files (our
source): it reports those as "not checked", never as passed. The rules of
ISO 19005-3 for exactly those constructs are checked here, numbered as
veraPDF numbers them (the rule texts ship with pikepdf in
``pdfa/data/verapdf_rules.json``), so a file passes only when pikepdf finds
no violation and every construct it left unchecked is checked here.
The tests add an independent validator (Apache PDFBox Preflight); see
docs/signing.md.
"""

from __future__ import annotations

import io
import re

FLAVOUR = "3b"
#: What pikepdf reports as "not checked" and this module checks instead.
LEFT_TO_US = ("pikepdf:embedded-file", "pikepdf:associated-files")
_NOTDEF_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\000")  # the escape \000, not an escaped backslash and 000
_MIME = re.compile(r"^[-\w+.]+/[-\w+.]+$")
NOTDEF = "6.2.11.8-1"  # veraPDF's number of the rule: no .notdef glyph shown
#: The faces soptui embeds (soptui.fonts), as the end of a subset's /BaseFont.
OUR_FACES = ("+DejaVuSans", "+DejaVuSans-Bold")
_PRINT, _HIDDEN_BITS = 4, 1 | 2 | 32 | 256  # annotation flags: Print; Invisible, Hidden, NoView, ToggleNoView


def problems(data: bytes) -> list[str]:
    """Every reason the PDF ``data`` is not PDF/A-3b (empty when it is)."""
    import pikepdf
    from pikepdf import pdfa

    report = pdfa.validate_written(io.BytesIO(data), FLAVOUR)
    found = [str(f) for f in report.findings if not _left_to_us(f)]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found += _form_problems(pdf) + _embedded_problems(pdf) + _notdef_problems(pdf)
    return found


def _left_to_us(finding) -> bool:
    if finding.kind != "unsupported":
        return False
    return finding.rule in LEFT_TO_US or (finding.rule == "pikepdf:schema-Catalog" and finding.where.endswith("/AcroForm"))


def _form_problems(pdf) -> list[str]:
    """ISO 19005-3 6.3 (annotations) and 6.4 (forms) for every widget."""
    from pikepdf import Name, Stream

    found = []
    form = pdf.Root.get("/AcroForm")
    if form is not None:
        if form.get("/NeedAppearances", False) is True:
            found.append("6.4.1-3: AcroForm /NeedAppearances is true")
        if "/XFA" in form:
            found.append("6.4.2-1: AcroForm holds /XFA")
    if "/NeedsRendering" in pdf.Root:
        found.append("6.4.2-2: the catalog holds /NeedsRendering")
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != Name.Widget:
                continue
            where = f"page {number} widget {annot.get('/T', '')}"
            flags = int(annot.get("/F", 0))
            if not flags & _PRINT or flags & _HIDDEN_BITS:
                found.append(f"6.3.2-2: {where} is not printed or is hidden (/F {flags})")
            appearance = annot.get("/AP")
            if appearance is None:
                found.append(f"6.3.3-1: {where} has no appearance")
            elif set(appearance.keys()) != {"/N"}:
                found.append(f"6.3.3-2: {where} appearance holds {sorted(appearance.keys())}, only /N is allowed")
            elif annot.get("/FT") != Name.Btn and not isinstance(appearance.N, Stream):
                found.append(f"6.3.3-4: {where} normal appearance is not a stream")
            if "/A" in annot or "/AA" in annot:
                found.append(f"6.4.1-1: {where} has an action")
    return found


def _notdef_problems(pdf) -> list[str]:
    """ISO 19005-3 6.2.11.8 (no text shows the .notdef glyph), which pikepdf
    does not check, on the pages set only in the faces soptui embeds:
    reportlab's subsets of them keep code 0 for .notdef and give it to every
    character the face lacks (a Chinese name; a viewer draws an
    empty box), and write it as the escape ``\\000``, looked for in the page's
    decoded content (a parser would cost more than the rest of the check)."""
    from pikepdf import Array, Name

    found = []
    for number, page in enumerate(pdf.pages, start=1):
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        if not fonts or not all(font.get("/Subtype") == Name.TrueType and str(font.get("/BaseFont", "")).endswith(OUR_FACES)
                                for font in fonts.values()):
            continue  # another producer's fonts (a decree's scan): code 0 may be a glyph there
        contents = page.obj.get("/Contents")
        streams = contents if isinstance(contents, Array) else [contents] if contents is not None else []
        if any(_shows_notdef(stream.read_bytes()) for stream in streams):
            found.append(f"{NOTDEF}: page {number} shows the .notdef glyph, for a character DejaVu Sans lacks")
    return found


def _shows_notdef(content: bytes) -> bool:
    return b"\\000" in content and _NOTDEF_ESCAPE.search(content) is not None  # the regular expression alone is slow


def _embedded_problems(pdf) -> list[str]:
    """ISO 19005-3 6.8 for every file specification with an embedded file."""
    found = []
    associated = {item.objgen for item in pdf.Root.get("/AF", []) if item.is_indirect}
    for name, attached in pdf.attachments.items():
        spec = attached.obj
        if "/F" not in spec or "/UF" not in spec:
            found.append(f"6.8-2: file specification {name} lacks /F or /UF")
        if "/AFRelationship" not in spec:
            found.append(f"6.8-3: file specification {name} lacks /AFRelationship")
        if spec.objgen not in associated:
            found.append(f"6.8-4: {name} is not listed in the catalog's /AF")
        for stream in spec.EF.values():
            if not _MIME.match(str(stream.stream_dict.get("/Subtype", ""))[1:]):
                found.append(f"6.8-1: embedded file {name} has no MIME type (/Subtype)")
    return found
