"""The HTML of the site: the index of a library and one page per SOP.

Written with the standard library: every value from a file goes through
:func:`html.escape`, so user text is data, never markup. The pages speak
Bahasa Indonesia (``lang="id"``), like the printed SOP, whatever the
interface language. Tables have captions and ``th scope`` headers; wide
tables scroll inside a focusable region, so a keyboard reaches every cell,
and on a phone each row shows as a card whose cells name their column
(``data-label``). The search data goes in ``indeks.js`` rather than being fetched,
because browsers refuse ``fetch`` from ``file://``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from soptui.model import Sop
from soptui.store import atomic_write

SIZES = ("B", "KB", "MB", "GB")
FORMAT_NAMES = {"pdf": "PDF resmi", "pptx": "Slide PPTX", "json": "Data JSON", "svg": "Diagram SVG (ZIP)"}
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")


def e(value: object) -> str:
    """Escaped text for an element or a quoted attribute; ``-`` for nothing."""
    if value is None or value == "":
        return "-"
    return escape(str(value))


def tanggal(day: dt.date | None) -> str:
    """A date as Indonesians write it: 2 Januari 2024."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if isinstance(day, dt.date) else "-"


@dataclass(frozen=True)
class IndexEntry:
    """One SOP in the index: what is shown and what the search box searches."""

    unit: str
    nomor: str
    nama: str
    url: str | None  # None for a file that cannot be read
    steps: int
    actors: tuple[str, ...]
    kegiatan: str
    pemeriksaan: str
    errors: int
    monitoring: str
    evaluasi: str
    alerts: frozenset[str]
    berkas: str

    @classmethod
    def of(cls, loaded, row, slug: str) -> IndexEntry:
        sop = loaded.sop
        values = row.values
        return cls(
            unit=values["unit"] or "(unit belum diisi)", nomor=sop.identitas.nomor, nama=sop.identitas.nama,
            url=f"sop/{slug}.html", steps=len(sop.langkah),
            actors=tuple(actor.nama or actor.id for actor in sop.pelaksana),
            kegiatan=" ".join(step.kegiatan for step in sop.langkah),
            pemeriksaan=str(values["pemeriksaan"]), errors=int(values["galat"] or 0),
            monitoring=str(values["monitoring_status"]), evaluasi=str(values["evaluasi_status"]),
            alerts=row.alerts, berkas=Path(loaded.path).name,
        )

    @classmethod
    def unreadable(cls, loaded, row) -> IndexEntry:
        return cls(unit="(berkas tidak terbaca)", nomor="", nama=Path(loaded.path).name, url=None, steps=0,
                   actors=(), kegiatan="", pemeriksaan=str(row.values["pemeriksaan"]), errors=1, monitoring="-",
                   evaluasi="-", alerts=row.alerts, berkas=Path(loaded.path).name)


def document(title: str, body: str, root: str, scripts: Iterable[str] = ()) -> str:
    """A whole HTML page; ``root`` is the relative way back to the site's top (``""`` or ``"../"``)."""
    tags = "".join(f'<script src="{root}{name}"></script>' for name in scripts)
    return (
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="soptui">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}aset/situs.css">\n</head>\n<body>\n'
        '<a class="lewati" href="#isi">Langsung ke isi</a>\n'
        f"{body}\n{tags}\n</body>\n</html>\n"
    )


def write_index(site: Path, entries: list[IndexEntry], today: dt.date) -> None:
    """``index.html`` (grouped by unit, every SOP listed, works without JavaScript) and ``indeks.js``."""
    units: dict[str, list[tuple[int, IndexEntry]]] = {}
    for number, entry in enumerate(entries):
        units.setdefault(entry.unit, []).append((number, entry))
    errors = sum(entry.errors > 0 for entry in entries)
    attention = sum(bool(entry.alerts - {"pemeriksaan"}) for entry in entries)
    parts = [
        '<header class="kepala"><h1>Daftar SOP</h1>',
        f'<p class="ringkas">{len(entries)} SOP di {len(units)} unit kerja · {errors} dengan galat pemeriksaan · '
        f"{attention} perlu tindakan monev · status per {tanggal(today)}</p></header>",
        '<main id="isi">',
        '<search class="cari" role="search"><label for="cari">Cari SOP (nomor, nama, kegiatan, pelaksana)</label>',
        '<input id="cari" type="search" autocomplete="off" spellcheck="false" '
        'placeholder="mis. cuti, Kepala Bidang, 800/017">',
        f'<p id="jumlah" aria-live="polite">{len(entries)} SOP ditampilkan</p></search>',
        '<nav aria-label="Unit kerja"><ul class="unit-daftar">',
    ]
    for index, unit in enumerate(units):
        parts.append(f'<li><a href="#unit-{index + 1}">{e(unit)}</a> <span class="hitung" data-semua="{len(units[unit])}">'
                     f"({len(units[unit])})</span></li>")
    parts.append("</ul></nav>")
    for index, (unit, members) in enumerate(units.items()):
        parts.append(f'<section class="unit" id="unit-{index + 1}" aria-labelledby="judul-unit-{index + 1}">')
        parts.append(f'<h2 id="judul-unit-{index + 1}">{e(unit)} <span class="hitung" data-semua="{len(members)}">'
                     f"({len(members)} SOP)</span></h2>")
        parts.append(f'<div class="gulir" role="region" tabindex="0" aria-label="Daftar SOP {e(unit)}"><table class="daftar kartu">')
        parts.append(f'<caption class="sr">SOP {e(unit)}</caption><thead><tr>'
                     '<th scope="col">Nomor</th><th scope="col">Nama SOP</th><th scope="col">Langkah</th>'
                     '<th scope="col">Pemeriksaan</th><th scope="col">Monitoring</th><th scope="col">Evaluasi</th>'
                     "</tr></thead><tbody>")
        for number, entry in members:
            name = f'<a href="{e(entry.url)}">{e(entry.nama)}</a>' if entry.url else e(entry.nama)
            parts.append(
                f'<tr data-i="{number}"><td class="nomor" data-label="Nomor">{e(entry.nomor)}</td>'
                f'<th scope="row">{name}</th><td class="angka" data-label="Langkah">{entry.steps}</td>'
                f'{_status("Pemeriksaan", entry.pemeriksaan, "pemeriksaan" in entry.alerts)}'
                f'{_status("Monitoring", entry.monitoring, "monitoring_status" in entry.alerts)}'
                f'{_status("Evaluasi", entry.evaluasi, "evaluasi_status" in entry.alerts)}</tr>'
            )
        parts.append("</tbody></table></div></section>")
    parts.append('<p id="kosong" hidden>Tidak ada SOP yang cocok dengan pencarian.</p></main>')
    parts.append(_footer())
    html = document("Daftar SOP", "\n".join(parts), "", ("indeks.js", "aset/situs.js"))
    atomic_write(site / "index.html", html.encode("utf-8", "replace"), 0o644, durable=False)  # "?" for a name's
    # byte that is not UTF-8 (Python keeps it as a surrogate, which no encoder writes)
    data = [[entry.nomor, entry.nama, entry.kegiatan, " ".join(entry.actors), entry.unit] for entry in entries]
    script = "window.SOPTUI_INDEKS = " + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + ";\n"
    atomic_write(site / "indeks.js", script.encode("utf-8", "replace"), 0o644, durable=False)


def _status(label: str, text: str, alert: bool) -> str:
    return f'<td class="{"awas" if alert else "baik"}" data-label="{label}">{"⚠ " if alert else ""}{e(text)}</td>'


def _footer() -> str:
    import soptui

    return f'<footer class="kaki"><p>Dibuat dengan soptui {escape(soptui.__version__)}.</p></footer>'


def sop_page(sop: Sop, slug: str, svg_pages: list[str], downloads: list[tuple[str, Path]],
             failures: dict[str, str], plugins) -> str:
    """The page of one SOP: identity, flowchart, mutu baku, history, downloads."""
    root = "../" * (slug.count("/") + 1)
    identity = sop.identitas
    parts = [
        f'<header class="kepala"><nav aria-label="Jejak"><a href="{root}index.html">Daftar SOP</a></nav>',
        f"<h1>{e(identity.nama)}</h1><p class=\"ringkas\">Nomor {e(identity.nomor)}</p></header>",
        '<main id="isi">',
        _downloads(downloads, failures, plugins),
        '<section aria-labelledby="identitas"><h2 id="identitas">Identitas SOP</h2>',
        _identity_table(sop),
        "</section>",
        '<section aria-labelledby="diagram" class="diagram"><h2 id="diagram">Diagram alir</h2>',
    ]
    if svg_pages:
        for svg in svg_pages:
            parts.append(f'<div class="halaman gulir" role="region" tabindex="0" aria-label="Diagram alir, geser untuk melihat">{svg}</div>')
    else:
        parts.append(f'<p class="awas">Diagram alir tidak dapat digambar: {e(failures.get("svg", ""))}</p>')
    parts.append("</section>")
    parts.append(_steps_table(sop))
    parts.append(_history_table(sop))
    parts.append("</main>")
    parts.append(_footer())
    return document(f"{identity.nama} ({identity.nomor})", "\n".join(parts), root)


def _downloads(downloads: list[tuple[str, Path]], failures: dict[str, str], plugins) -> str:
    items = []
    for name, path in downloads:
        label = FORMAT_NAMES.get(name) or plugins.exporter(name).label
        items.append(f'<li><a href="{e(path.name)}" download>{e(label)}</a> <span class="ukuran">'
                     f"({_size(path.stat().st_size)})</span></li>")
    for name, reason in failures.items():
        items.append(f'<li class="awas">{e(FORMAT_NAMES.get(name, name))} tidak tersedia: {e(reason)}</li>')
    return f'<section aria-labelledby="unduh" class="unduh"><h2 id="unduh">Unduh</h2><ul>{"".join(items)}</ul></section>'


def _size(count: int) -> str:
    value = float(count)
    for unit in SIZES:
        if value < 1024 or unit == SIZES[-1]:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    return ""


def _identity_table(sop: Sop) -> str:
    identity = sop.identitas
    signer = identity.disahkan_oleh
    signed = ", ".join(part for part in (signer.jabatan, signer.nama, f"NIP {signer.nip}" if signer.nip else "")
                       if part) if signer else ""
    rows = [
        ("Nomor SOP", e(identity.nomor)),
        ("Nama SOP", e(identity.nama)),
        ("Instansi", "<br>".join(e(line) for line in identity.instansi) or "-"),
        ("Jenis", e(identity.jenis)),
        ("Tanggal pembuatan", tanggal(identity.tanggal_pembuatan)),
        ("Tanggal revisi", tanggal(identity.tanggal_revisi)),
        ("Tanggal efektif", tanggal(identity.tanggal_efektif)),
        ("Disahkan oleh", e(signed)),
        ("Dasar hukum", _list(identity.dasar_hukum)),
        ("Kualifikasi pelaksana", _list(identity.kualifikasi_pelaksana)),
        ("Keterkaitan", _list(identity.keterkaitan)),
        ("Peralatan/perlengkapan", _list(identity.peralatan)),
        ("Peringatan", _list(identity.peringatan)),
        ("Pencatatan dan pendataan", _list(identity.pencatatan)),
        ("Pelaksana", _list(actor.nama or actor.id for actor in sop.pelaksana)),
    ]
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return (f'<div class="gulir" role="region" tabindex="0" aria-label="Tabel identitas SOP"><table class="identitas kartu">'
            f'<caption class="sr">Identitas SOP</caption><tbody>{body}</tbody></table></div>')


def _list(items: Iterable[str]) -> str:
    items = [item for item in items if item]
    return f'<ol>{"".join(f"<li>{e(item)}</li>" for item in items)}</ol>' if items else "-"


def _steps_table(sop: Sop) -> str:
    names = {actor.id: actor.nama or actor.id for actor in sop.pelaksana}
    rows = "".join(
        f'<tr><td class="angka" data-label="No">{number}</td><th scope="row">{e(step.kegiatan)}</th>'
        f'<td data-label="Pelaksana">{e(names.get(step.pelaksana, step.pelaksana))}</td>'
        f'<td data-label="Kelengkapan">{e(step.kelengkapan)}</td><td data-label="Waktu">{e(step.waktu)}</td>'
        f'<td data-label="Output">{e(step.output)}</td><td data-label="Keterangan">{e(step.keterangan)}</td></tr>'
        for number, step in enumerate(sop.langkah, start=1)
    )
    return ('<section aria-labelledby="mutu"><h2 id="mutu">Kegiatan dan mutu baku</h2>'
            '<div class="gulir" role="region" tabindex="0" aria-label="Tabel kegiatan dan mutu baku">'
            '<table class="mutu kartu"><caption class="sr">Kegiatan, pelaksana dan mutu baku tiap langkah</caption>'
            '<thead><tr><th scope="col">No</th><th scope="col">Kegiatan</th><th scope="col">Pelaksana</th>'
            '<th scope="col">Kelengkapan</th><th scope="col">Waktu</th><th scope="col">Output</th>'
            f'<th scope="col">Keterangan</th></tr></thead><tbody>{rows}</tbody></table></div></section>')


def _history_table(sop: Sop) -> str:
    if not sop.riwayat:
        return ('<section aria-labelledby="riwayat"><h2 id="riwayat">Riwayat revisi</h2>'
                "<p>Belum ada revisi tercatat.</p></section>")
    rows = "".join(f'<tr><th scope="row">{tanggal(entry.tanggal)}</th><td data-label="Uraian">{e(entry.uraian)}</td>'
                   f'<td data-label="Oleh">{e(entry.oleh)}</td></tr>'
                   for entry in sop.riwayat)
    return ('<section aria-labelledby="riwayat"><h2 id="riwayat">Riwayat revisi</h2>'
            '<div class="gulir" role="region" tabindex="0" aria-label="Tabel riwayat revisi"><table class="riwayat kartu">'
            '<caption class="sr">Riwayat revisi</caption><thead><tr><th scope="col">Tanggal</th>'
            f'<th scope="col">Uraian</th><th scope="col">Oleh</th></tr></thead><tbody>{rows}</tbody></table></div></section>')
