"""Every consumer of an SOP file, in process: what the fuzz suite runs each mutated file through.

:func:`run_light` reads the file as ``check``, ``monev``, ``diff``,
``katalog`` and the editor (open, save unchanged, edit, recovery file, save
as) do; :func:`run_heavy` adds the layout, every built-in exporter,
the monitoring and evaluation forms and the XLSX catalogue. Both raise
whatever escapes, which is the bug the suite looks for; an exporter's
:class:`~soptui.exporters.ExportError` is a refusal, the allowed answer,
and must name the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

from soptui.checks import check_loaded
from soptui.checks.library import check_library
from soptui.diagnostics import Finding
from soptui.exporters import ExportError, ExportInput, render
from soptui.lifecycle.catalogue import catalogue_rows, write_csv, write_xlsx
from soptui.lifecycle.diff import diff_sops
from soptui.lifecycle.diff_text import describe
from soptui.lifecycle.monev import monev_status
from soptui.limits import FIRST_DATE, LAST_DATE, MAX_INTEGER
from soptui.loader import Loaded, load, load_bytes
from soptui.serialize import to_dict
from soptui.store import CannotWrite
from soptui.terminal import UNPRINTABLE
from soptui.tui.document import Document
from tests.core.conftest import CLEAN

TODAY = dt.date(2026, 6, 1)
GOOD = load_bytes(CLEAN.encode(), Path("baik.sop.toml"))
EXPORTERS = ("pdf", "pptx", "json", "svg")
#: Findings about the file as a whole (syntax, encoding, nesting, size): they name a line instead of a field.
WHOLE_FILE = frozenset({"S010", "S015"})
_UNPRINTABLE = re.compile(f"[{UNPRINTABLE}]")


def run_light(data: bytes, folder: Path) -> Loaded:
    """Load ``data`` as a file in ``folder`` and run the checker, monev, diff and the CSV catalogue on it."""
    path = folder / "acak.sop.toml"
    path.write_bytes(data)
    loaded = load(path)
    findings = check_loaded(loaded) + check_library([loaded, GOOD])
    for finding in findings:
        assert_names_its_place(finding, path if finding.path != str(GOOD.path) else GOOD.path)
    rows = catalogue_rows([loaded, GOOD], TODAY)
    write_csv(rows, io.BytesIO())
    if loaded.sop is None:
        return loaded
    assert_within_the_boundary(to_dict(loaded.sop))
    json.dumps(monev_status(loaded.sop, TODAY).to_json())
    for old, new in ((GOOD.sop, loaded.sop), (loaded.sop, GOOD.sop), (loaded.sop, loaded.sop)):
        result = diff_sops(old, new)
        json.dumps(result.to_json())
        for lang in ("id", "en"):
            for line in describe(result, lang):
                assert not _UNPRINTABLE.search(line), line
    run_editor(path, folder)
    return loaded


def run_editor(path: Path, folder: Path) -> None:
    """Open ``path`` as the editor does, save it unchanged (byte for byte), edit the name and save it as a copy
    that loads back with the edit, then leave a further edit in the recovery file for the next session.
    ``CannotWrite`` is the refusal the editor shows (a name typed past its limit: soptui would not open the
    file again); anything else escaping is the bug."""
    data = path.read_bytes()
    document = Document.open(path)
    for finding in document.findings():
        assert_names_its_place(finding, path)
    document.save()
    assert path.read_bytes() == data
    sop = document.sop
    edited = dataclasses.replace(sop, identitas=dataclasses.replace(sop.identitas, nama=sop.identitas.nama + " x"))
    document.history.apply(edited)
    copy = folder / "salinan.sop.toml"
    try:
        document.save_as(copy)
    except CannotWrite as refusal:
        assert refusal.path is not None and refusal.reason, refusal
        return
    reloaded = load(copy)
    assert reloaded.sop is not None and reloaded.sop.identitas.nama == edited.identitas.nama, reloaded.findings[:3]
    later = dataclasses.replace(edited, identitas=dataclasses.replace(edited.identitas, nama="Diubah lagi"))
    document.write_recovery(later)
    recovered = Document.open(copy).pending_recovery()  # the next session finds the edit
    assert recovered is not None and recovered.identitas.nama == "Diubah lagi"


def run_heavy(data: bytes, folder: Path) -> list[str]:
    """:func:`run_light`, then the layout, every exporter, the forms and the XLSX; the refusals met."""
    from _soptui_dokumen.forms import evaluation_form, history_rows, latest_rows, monitoring_form
    from soptui.layout import PageOptions, compute_layout, layout_to_dict
    from soptui.plugins import get_plugins

    loaded = run_light(data, folder)
    write_xlsx(catalogue_rows([loaded], TODAY), io.BytesIO())
    if loaded.sop is None:
        return []
    sop = loaded.sop
    json.dumps(layout_to_dict(compute_layout(sop, PageOptions(paper="F4", orientation="portrait", columns="flow"))))
    refusals = []
    export = ExportInput(sop, loaded.path, loaded.source.sha256, source=loaded.source.data)
    for name in EXPORTERS:
        try:
            render(get_plugins().exporter(name), export)
        except ExportError as refusal:
            assert str(loaded.path) in str(refusal), (name, str(refusal))
            refusals.append(name)
    monitoring_form(history_rows(sop), io.BytesIO(), unit="UNIT")
    monitoring_form(latest_rows([sop]), io.BytesIO(), paper="F4")
    evaluation_form([sop], io.BytesIO())
    return refusals


def assert_names_its_place(finding: Finding, path: Path) -> None:
    """A finding names its file and field (or, for the file as a whole, its line), in both languages,
    printable on a terminal."""
    assert finding.path == str(path)
    assert finding.field or finding.code in WHOLE_FILE, finding
    assert (finding.line or 1) >= 1 and (finding.col or 1) >= 1
    for lang in ("id", "en"):
        line = finding.format_line(lang)
        assert line.startswith(f"{path}:") and not _UNPRINTABLE.search(line), line


def assert_within_the_boundary(value: object) -> None:
    """What the loader lets through is printable, bounded and computable (soptui.limits)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, str):
            assert not _UNPRINTABLE.search(item), repr(item)
        elif isinstance(item, bool):
            pass
        elif isinstance(item, int):
            assert abs(item) <= MAX_INTEGER
        elif isinstance(item, dt.date):
            day = item.date() if isinstance(item, dt.datetime) else item
            assert FIRST_DATE <= day <= LAST_DATE, item
