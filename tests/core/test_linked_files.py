"""Files an SOP points to (the logo): regular files only, small, never blocking, inside --root.

A FIFO or a terminal as the logo used to block `check`, `export` and
`katalog` for ever; a NUL byte crashed the checker; under `--root` an image
outside was embedded and I009's wording told whether an outside path exists.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from soptui.confine import Confinement, LinkedFileError, confine, read_linked
from tests.core.conftest import CLEAN, findings_for


def with_logo(logo: str) -> str:
    escaped = logo.replace("\\", "\\\\").replace('"', '\\"').replace("\0", "\\u0000")
    return CLEAN.replace('nama = "Pengelolaan Surat Masuk"', f'nama = "Pengelolaan Surat Masuk"\nlogo = "{escaped}"', 1)


def png(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def logo_findings(tmp_path: Path, logo: str):
    return [f for f in findings_for(tmp_path, with_logo(logo)) if f.code == "I009"]


def run_soptui(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """In a subprocess with a generous bound: a logo that blocks would hang it, not the suite."""
    return subprocess.run([sys.executable, "-m", "soptui", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd, stdin=subprocess.DEVNULL)


def test_a_fifo_as_logo_is_refused_without_blocking_check_or_export(tmp_path):
    os.mkfifo(tmp_path / "logo.png")
    sop = tmp_path / "sop.toml"
    sop.write_text(with_logo("logo.png"), encoding="utf-8")
    checked = run_soptui("check", str(sop), cwd=tmp_path)
    assert checked.returncode == 1
    assert "I009" in checked.stdout and "bukan berkas biasa" in checked.stdout
    exported = run_soptui("export", str(sop), "-f", "pdf", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert exported.returncode == 1 and "I009" in exported.stdout + exported.stderr
    assert "Traceback" not in exported.stderr + checked.stderr


@pytest.mark.parametrize("device", ["/dev/tty", "/dev/zero", "/dev/null"])
def test_a_device_as_logo_is_refused_unopened(tmp_path, device):
    (found,) = logo_findings(tmp_path, device)
    assert "bukan berkas biasa" in found.message() and found.field == ("identitas", "logo")


def test_a_folder_and_an_oversized_file_are_refused(tmp_path):
    (tmp_path / "gambar").mkdir()
    assert "bukan berkas biasa" in logo_findings(tmp_path, "gambar")[0].message()
    with open(tmp_path / "besar.png", "wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n")
        stream.truncate(11 * 1024 * 1024)  # sparse: costs no disk
    (found,) = logo_findings(tmp_path, "besar.png")
    assert "melebihi batas" in found.message()


def test_a_nul_byte_in_the_logo_path_is_a_finding_not_a_crash(tmp_path):
    findings = findings_for(tmp_path, with_logo("logo\0.png"))
    assert any(f.field == ("identitas", "logo") for f in findings), findings
    sop = tmp_path / "sop.toml"
    checked = run_soptui("check", str(sop), cwd=tmp_path)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr and "logo" in checked.stdout


def test_a_good_logo_still_checks_clean_and_reaches_the_pdf(tmp_path):
    png(tmp_path / "logo.png")
    assert logo_findings(tmp_path, "logo.png") == []
    assert read_linked(tmp_path, "logo.png").startswith(b"\x89PNG")


def outside_and_root(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "root"
    root.mkdir()
    outside = png(tmp_path / "rahasia.png")
    confine(Confinement(root, root))
    return root, outside


@pytest.mark.parametrize("logo", [
    "../rahasia.png",         # exists outside
    "../tidak-ada.png",       # does not exist outside
    "{outside}",              # absolute, exists
    "/tidak/ada/sama/sekali.png",
    "tautan.png",             # a symlink inside the root to the outside file
    "tautan-mati.png",        # a symlink inside the root to nowhere outside
    "folder-luar/rahasia.png",  # through a symlinked folder
    "sub/../../rahasia.png",
])
def test_under_root_an_outside_logo_is_refused_with_one_sentence(tmp_path, logo):
    root, outside = outside_and_root(tmp_path)
    (root / "tautan.png").symlink_to(outside)
    (root / "tautan-mati.png").symlink_to(tmp_path / "tidak-ada.png")
    (root / "folder-luar").symlink_to(tmp_path, target_is_directory=True)
    (root / "sub").mkdir()
    (found,) = logo_findings(root, logo.format(outside=outside))
    shown = logo.format(outside=outside)
    assert found.message().replace(shown, "LOGO") == logo_findings(root, "../tidak-ada.png")[0].message().replace(
        "../tidak-ada.png", "LOGO")
    assert "di luar folder" in found.message()
    with pytest.raises(LinkedFileError):
        read_linked(root, shown)


def test_under_root_a_logo_inside_is_read_even_through_an_inner_symlink(tmp_path):
    root, _ = outside_and_root(tmp_path)
    (root / "gambar").mkdir()
    png(root / "gambar" / "logo.png")
    (root / "logo.png").symlink_to(root / "gambar" / "logo.png")
    assert logo_findings(root, "logo.png") == []
    assert logo_findings(root, "gambar/logo.png") == []


def test_under_root_the_pdf_never_embeds_an_outside_image(tmp_path):
    from soptui.exporters import ExportInput
    from soptui.loader import load
    from soptui.plugins import get_plugins

    root, outside = outside_and_root(tmp_path)
    (root / "logo.png").symlink_to(outside)
    sop = root / "sop.toml"
    sop.write_text(with_logo("logo.png"), encoding="utf-8")
    loaded = load(sop)
    pdf = get_plugins(quiet=True).exporter("pdf")
    with pytest.raises(Exception, match="I009"):
        pdf.write(ExportInput(loaded.sop, sop, loaded.source.sha256), io.BytesIO(), {})
    confine(None)
    assert pdf.write(ExportInput(loaded.sop, sop, loaded.source.sha256), io.BytesIO(), {}) >= 1  # unconfined: fine
