"""Building the static site of a library: plan, render changed pages, swap in.

The site is built in a fresh folder beside the output (``.DIR.baru-*``) and
swapped in with one ``rename`` at the end, so a web server never serves a
half-built site and an interrupted build leaves the old site whole.
Incremental by content: each SOP's page and downloads are keyed by the
SHA-256 of its file's bytes, the soptui version, the formats and their
options (kept in ``.soptui-situs.json``); an SOP whose key did not change has
its files hard-linked from the old site instead of being rendered again. The
index is always written afresh: it holds the checker's findings across the
library and the monev status as of today.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import soptui
from soptui import batch
from soptui.library import find_sop_files
from soptui.site import pages
from soptui.store import atomic_write, flush_to_disk

MANIFEST = ".soptui-situs.json"
SITE_FORMAT = 2  # raise when the pages change, so every page is rendered again
DOWNLOADS = ("pdf", "pptx", "json")
ASSETS = Path(__file__).with_name("static")


@dataclass(frozen=True)
class PageJob:
    """One SOP to render: its file, where its page goes, its downloads."""

    source: Path
    slug: str  # e.g. ``unit-1/sop-0001``: the page is ``sop/<slug>.html``
    site: Path  # the folder being built
    formats: tuple[str, ...]
    options: dict[str, dict[str, object]] = field(default_factory=dict)


@dataclass
class PageResult:
    slug: str
    source: Path
    files: list[str] = field(default_factory=list)  # relative to the site
    problems: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    sops: int = 0
    rendered: int = 0
    reused: int = 0
    unreadable: int = 0
    problems: list[str] = field(default_factory=list)


def slug_of(source: Path, base: Path) -> str:
    """The page's path below ``sop/``: the file's place in the library, without its suffix."""
    try:
        folder = source.parent.relative_to(base)
    except ValueError:
        folder = Path()
    return (folder / batch.output_stem(source)).as_posix()


def build_site(library: Path, out_dir: Path, *, formats: tuple[str, ...] = DOWNLOADS, jobs: int = 1,
               today: dt.date | None = None, force: bool = False,
               progress: Callable[[PageResult], None] | None = None) -> BuildReport:
    """Build (or update) the site of ``library`` in ``out_dir``."""
    from soptui.lifecycle.catalogue import catalogue_rows
    from soptui.loader import load
    from soptui.plugins import extra_checks, get_plugins

    today = today or dt.date.today()
    plugins = get_plugins()
    exporters = {name: plugins.exporter(name) for name in ("svg", *formats)}
    options = batch.resolve_options(exporters, ())
    found = [(path, base) for path, base in find_sop_files([library])]
    loaded = [load(path) for path, _ in found]
    rows = catalogue_rows(loaded, today, extra_checks())
    old = _read_manifest(out_dir) if not force else {}
    report = BuildReport(sops=len(loaded))
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.baru-", dir=out_dir.parent))
    try:
        manifest, todo, entries = {}, [], []
        for (path, base), item, row in zip(found, loaded, rows):
            if item.sop is None or item.source is None:
                report.unreadable += 1
                entries.append(pages.IndexEntry.unreadable(item, row))
                continue
            slug = slug_of(path, base)
            key = _key(item.source.data, formats, options)
            entries.append(pages.IndexEntry.of(item, row, slug))
            previous = old.get(slug)
            if previous and previous["key"] == key and _link_all(out_dir, staging, previous["files"]):
                manifest[slug] = previous
                report.reused += 1
                continue
            manifest[slug] = {"key": key, "files": []}
            todo.append(PageJob(path, slug, staging, formats, options))
        for result in batch_run(todo, jobs):
            manifest[result.slug]["files"] = result.files
            report.rendered += 1
            report.problems += [f"{result.source}: {problem}" for problem in result.problems]
            if progress:
                progress(result)
        _write_assets(staging)
        pages.write_index(staging, entries, today)
        atomic_write(staging / MANIFEST, json.dumps(manifest, indent=1).encode("ascii"),  # a name that is not
                     0o644, durable=False)  # UTF-8 (a surrogate) is kept as a \u escape and read back the same
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
        flush_to_disk(path for path in staging.rglob("*") if path.is_file())  # whole before it is served
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report


def batch_run(todo: list[PageJob], jobs: int) -> Iterator[PageResult]:
    """Pages as they finish, in worker processes when ``jobs`` > 1 (a dying worker fails one page)."""
    from soptui import workers

    yield from workers.run(render_page, todo, jobs, _lost, batch.DEFAULT_TIMEOUT)


def _lost(job: PageJob, why) -> PageResult:
    return PageResult(job.slug, job.source, problems=[batch.lost_reason(why)])


def render_page(job: PageJob) -> PageResult:
    """Export one SOP's downloads and SVG pages through the plugins, then write its page."""
    from soptui.loader import load
    from soptui.plugins import get_plugins

    result = PageResult(job.slug, job.source)
    folder = job.site / "sop" / Path(job.slug).parent
    stem = Path(job.slug).name
    plugins = get_plugins(quiet=True)
    targets = tuple(batch.Target(name, folder / f"{stem}{plugins.exporter(name).suffix}")
                    for name in ("svg", *job.formats))
    outcome = batch.export_file(batch.Job(job.source, targets, options=job.options))
    result.problems += [f"{fmt or '-'}: {reason}" for fmt, reason in outcome.failures]
    written = {target.format: target.path for target, _ in outcome.written}
    svg_pages: list[str] = []
    if "svg" in written:
        svg_pages = _svg_pages(written["svg"])
    failures = {fmt: reason for fmt, reason in outcome.failures if fmt}
    loaded = load(job.source)
    if loaded.sop is None:
        return result
    page = folder / f"{stem}.html"
    downloads = [(name, written[name]) for name in ("svg", *job.formats) if name in written]
    html = pages.sop_page(loaded.sop, job.slug, svg_pages, downloads, failures, plugins)
    atomic_write(page, html.encode("utf-8", "replace"), 0o644, durable=False)  # "?" for a name's undecodable byte
    result.files = [p.relative_to(job.site).as_posix() for p in (page, *(path for _, path in downloads))]
    return result


def _svg_pages(path: Path) -> list[str]:
    """The pages of an ``svg`` export (a ZIP of ``<stem>-<n>.svg``, docs/web.md), in page order."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist(), key=lambda name: int(name.rsplit("-", 1)[-1].split(".")[0]))
        return [archive.read(name).decode("utf-8") for name in names]


def _key(data: bytes, formats: tuple[str, ...], options: dict) -> str:
    digest = hashlib.sha256(data)
    digest.update(json.dumps([SITE_FORMAT, soptui.__version__, formats, options], sort_keys=True,
                             default=str).encode())
    return digest.hexdigest()


def _read_manifest(out_dir: Path) -> dict:
    """The last build's record, read as a source is (regular, never blocking, inside ``--root``): a FIFO in its
    place would hang the build."""
    from soptui.loader import read_regular

    try:
        data = json.loads(read_regular(out_dir / MANIFEST)[0])
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _link_all(old: Path, new: Path, files: list[str]) -> bool:
    """Hard-link (or copy) an unchanged SOP's files into the new site; False if one is missing."""
    try:
        for name in files:
            target = new / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old / name, target)
            except OSError:
                shutil.copy2(old / name, target)
    except OSError:
        return False
    return bool(files)


def _write_assets(site: Path) -> None:
    folder = site / "aset"
    folder.mkdir(exist_ok=True)
    for asset in ASSETS.iterdir():
        shutil.copyfile(asset, folder / asset.name)


def _swap(staging: Path, out_dir: Path) -> None:
    """Put the new site in place of the old with one rename (two on systems without exchange)."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if _exchange(staging, out_dir):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    retired = out_dir.with_name(f".{out_dir.name}.lama-{os.getpid()}")
    os.rename(out_dir, retired)
    os.rename(staging, out_dir)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Linux's ``renameat2(RENAME_EXCHANGE)``: both names swap in one step; False where unsupported."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0
