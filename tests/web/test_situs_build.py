"""soptui situs: the site's files, incremental by content, atomic, user text escaped."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from soptui.corpus import write_library
from soptui.site import build as site_build
from soptui.site import build_site

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "pustaka"
    write_library(folder, 6, seed=3)
    return folder


def test_index_pages_and_downloads(library, tmp_path):
    out = tmp_path / "situs"
    report = build_site(library, out, formats=("pdf", "json"), today=TODAY)
    assert (report.sops, report.rendered, report.reused) == (6, 6, 0)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in index and "6 SOP" in index
    for page in sorted((out / "sop").rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "<svg" in text and 'href="../../aset/situs.css"' in text
        assert page.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
        assert page.with_suffix(".json").stat().st_size > 0
        assert page.with_name(page.stem + ".svg.zip").is_file()
    assert "window.SOPTUI_INDEKS" in (out / "indeks.js").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".situs.*")), "no staging folder left"


def test_only_what_changed_is_rebuilt(library, tmp_path):
    out = tmp_path / "situs"
    build_site(library, out, formats=("json",), today=TODAY)
    again = build_site(library, out, formats=("json",), today=TODAY)
    assert (again.rendered, again.reused) == (0, 6)
    changed = sorted(library.rglob("*.sop.toml"))[2]
    changed.write_text(changed.read_text(encoding="utf-8").replace("nama = \"", "nama = \"Revisi ", 1), encoding="utf-8")
    third = build_site(library, out, formats=("json",), today=TODAY)
    assert (third.rendered, third.reused) == (1, 5)
    page = out / "sop" / changed.parent.name / (changed.name.removesuffix(".sop.toml") + ".html")
    assert "Revisi " in page.read_text(encoding="utf-8")
    other = build_site(library, out, formats=("json", "pdf"), today=TODAY)
    assert other.rendered == 6, "other downloads: every page again"


def test_a_failed_build_leaves_the_old_site_whole(library, tmp_path, monkeypatch):
    out = tmp_path / "situs"
    build_site(library, out, formats=("json",), today=TODAY)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    shutil.copy(sorted(library.rglob("*.sop.toml"))[0], library / "baru.sop.toml")

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(site_build.pages, "write_index", broken)
    with pytest.raises(KeyboardInterrupt):
        build_site(library, out, formats=("json",), today=TODAY)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_user_text_is_escaped_and_unreadable_files_are_listed(library, tmp_path):
    first = sorted(library.rglob("*.sop.toml"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace('nama = "', 'nama = "<img src=x onerror=alert(1)> ', 1), encoding="utf-8")
    (library / "rusak.sop.toml").write_text("[identitas\n", encoding="utf-8")
    out = tmp_path / "situs"
    result = CliRunner().invoke(cli, ["situs", str(library), "-o", str(out), "-f", "json", "-j", "1",
                                      "--today", "2025-06-01"])
    assert result.exit_code == 1, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in index and "&lt;img src=x onerror=alert(1)&gt;" in index
    assert "rusak.sop.toml" in index and "tidak terbaca" in index
    pages = "".join(p.read_text(encoding="utf-8") for p in (out / "sop").rglob("*.html"))
    assert "<img src=x" not in pages


def test_a_fifo_in_the_records_place_means_a_full_rebuild_not_a_hang(library, tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "situs"
    out.mkdir()
    os.mkfifo(out / site_build.MANIFEST)  # read as a file, it waits for a writer that never comes
    result = subprocess.run([sys.executable, "-m", "soptui", "situs", str(library), "-o", str(out), "-f", "json",
                             "-j", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "6 halaman dibuat, 0 tidak berubah" in result.stderr
    assert (out / site_build.MANIFEST).is_file()


def test_the_site_may_not_replace_the_library(library):
    result = CliRunner().invoke(cli, ["situs", str(library), "-o", str(library)])
    assert result.exit_code == 2 and "pustaka" in result.output
