"""Reading ``dokumen.toml``: what goes into the bound Dokumen SOP AP.

The format is documented in docs/dokumen.md. Every problem is a finding
that names the file, the line and the key (``D001`` a required key is
missing, ``D002`` a value of the wrong type, ``D003`` a file that is not
there, ``D004`` an unknown key, a warning); the build stops before writing
anything when there is an error.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from soptui.diagnostics import Finding
from soptui.i18n import t
from soptui.limits import MAX_DECREE
from soptui.loader import parse_untrusted, read_regular
from soptui.locate import Reporter
from soptui.papers import DEFAULT_PAPER, OFFICE_PAPERS


class DokumenError(Exception):
    """The bound document cannot be built; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(finding.format_line() for finding in findings))


@dataclass(frozen=True)
class Penetap:
    """The official who sets the decree (``[keputusan.penetap]``)."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class Keputusan:
    """The leader's decree that sets the SOPs: its own text, or a signed PDF to include."""

    judul: str = ""
    nomor: str = ""
    tanggal: dt.date | None = None
    tentang: str = ""
    tempat: str = ""
    teks: str = ""
    pdf: Path | None = None
    penetap: Penetap | None = None


@dataclass(frozen=True)
class Penjelasan:
    """The short explanation of use: scope, summary, definitions."""

    ruang_lingkup: str = ""
    ringkasan: str = ""
    definisi: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Dokumen:
    """Everything the binder needs, paths resolved against the file's folder."""

    path: Path
    judul: str
    instansi: tuple[str, ...]
    tahun: int
    alamat: str = ""
    logo: Path | None = None
    kertas: str = DEFAULT_PAPER
    arsip: bool = True  # PDF/A-3b with the sources embedded and a signature field per SOP (docs/signing.md)
    keputusan: Keputusan | None = None
    penjelasan: Penjelasan = field(default_factory=Penjelasan)
    sop: tuple[Path, ...] = ()


_SPEC: dict[str, dict[str, tuple[str, bool]]] = {
    "dokumen": {"judul": ("string", True), "instansi": ("strings", True), "tahun": ("integer", True),
                "alamat": ("string", False), "logo": ("string", False), "kertas": ("string", False),
                "arsip": ("bool", False)},
    "keputusan": {"judul": ("string", True), "nomor": ("string", True), "tanggal": ("date", True),
                  "tentang": ("string", True), "tempat": ("string", False), "teks": ("string", False),
                  "pdf": ("string", False), "penetap": ("table", False)},
    "penetap": {"jabatan": ("string", True), "nama": ("string", True), "nip": ("string", False), "pangkat": ("string", False)},
    "penjelasan": {"ruang_lingkup": ("string", False), "ringkasan": ("string", False), "definisi": ("tables", False)},
    "definisi": {"istilah": ("string", True), "arti": ("string", True)},
    "sop": {"berkas": ("strings", True)},
}
_TOP = {"format": ("integer", False), "dokumen": ("table", True), "keputusan": ("table", False),
        "penjelasan": ("table", False), "sop": ("table", True)}


def read_dokumen(path: str | os.PathLike[str]) -> Dokumen:
    """The bound document described by ``path``; raises :class:`DokumenError`."""
    path = Path(path)
    try:
        data, _ = read_regular(path)
    except OSError as error:
        raise DokumenError([Finding("D002", "error", str(path), (), 1, 1, "dokumen.unreadable", {"reason": error.strerror or str(error)})]) from None
    raw, text, refused = parse_untrusted(data, str(path), MAX_DECREE)  # the SOP files' boundary, and its limits
    if raw is None:
        raise DokumenError(refused)
    reader = _Reader(Reporter(str(path), text), path.parent)
    dokumen = reader.dokumen(raw, path)
    errors = [f for f in reader.reporter.findings if f.severity == "error"]
    if errors or dokumen is None:
        raise DokumenError(reader.reporter.findings)
    return dokumen


class _Reader:
    def __init__(self, reporter: Reporter, base: Path) -> None:
        self.reporter = reporter
        self.base = base

    def dokumen(self, raw: dict[str, Any], path: Path) -> Dokumen | None:
        top = self.table(raw, _TOP, ())
        cover = self.table(top.get("dokumen", {}), _SPEC["dokumen"], ("dokumen",))
        kertas = cover.get("kertas", DEFAULT_PAPER)
        if kertas not in OFFICE_PAPERS:
            self.reporter.report("D002", "error", ("dokumen", "kertas"), "dokumen.bad_paper", value=kertas, choices=", ".join(OFFICE_PAPERS))
        files = self.table(top.get("sop", {}), _SPEC["sop"], ("sop",)).get("berkas", [])
        for index, name in enumerate(files):
            if not (self.base / name).exists():
                self.reporter.report("D003", "error", ("sop", "berkas", index), "dokumen.missing", value=name)
        if "judul" not in cover or "tahun" not in cover or "instansi" not in cover:
            return None
        return Dokumen(
            path=path,
            judul=cover["judul"],
            instansi=tuple(cover["instansi"]),
            tahun=cover["tahun"],
            alamat=cover.get("alamat", ""),
            logo=self.file(cover.get("logo"), ("dokumen", "logo")),
            kertas=kertas if kertas in OFFICE_PAPERS else DEFAULT_PAPER,
            arsip=cover.get("arsip", True),
            keputusan=self.keputusan(top["keputusan"]) if "keputusan" in top else None,
            penjelasan=self.penjelasan(top.get("penjelasan", {})),
            sop=tuple(self.base / name for name in files),
        )

    def keputusan(self, raw: dict[str, Any]) -> Keputusan:
        values = self.table(raw, _SPEC["keputusan"], ("keputusan",))
        penetap = values.pop("penetap", None)
        values["pdf"] = self.file(values.get("pdf"), ("keputusan", "pdf"))
        if not values.get("teks") and "pdf" not in raw:
            self.reporter.report("D001", "error", ("keputusan",), "dokumen.decree_body")
        if penetap is not None:
            values["penetap"] = Penetap(**self.table(penetap, _SPEC["penetap"], ("keputusan", "penetap")))
        return Keputusan(**values)

    def penjelasan(self, raw: dict[str, Any]) -> Penjelasan:
        values = self.table(raw, _SPEC["penjelasan"], ("penjelasan",))
        terms = []
        for index, item in enumerate(values.pop("definisi", [])):
            entry = self.table(item, _SPEC["definisi"], ("penjelasan", "definisi", index))
            terms.append((entry.get("istilah", ""), entry.get("arti", "")))
        return Penjelasan(**values, definisi=tuple(terms))

    def file(self, name: str | None, where: tuple) -> Path | None:
        if name is None:
            return None
        target = self.base / name
        if not target.is_file():
            self.reporter.report("D003", "error", where, "dokumen.missing", value=name)
            return None
        return target

    def table(self, raw: Any, spec: dict[str, tuple[str, bool]], where: tuple) -> dict[str, Any]:
        """The values of ``raw`` that fit ``spec``; a finding for each that does not."""
        if not isinstance(raw, dict):
            self.reporter.report("D002", "error", where, "dokumen.wrong_type", expected=t("kind.table"))
            return {}
        values = {}
        for name, (kind, required) in spec.items():
            if name not in raw:
                if required:
                    self.reporter.report("D001", "error", where + (name,), "dokumen.required", key=name, expected=t(f"kind.{kind}"))
                continue
            if not _fits(raw[name], kind):
                self.reporter.report("D002", "error", where + (name,), "dokumen.wrong_type", expected=t(f"kind.{kind}"))
                continue
            values[name] = raw[name]
        for name in raw:
            if name not in spec:
                self.reporter.report("D004", "warning", where + (name,), "dokumen.unknown_key")
        return values


def _fits(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return isinstance(value, dict)
