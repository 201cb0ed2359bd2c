"""``soptui diff``: what changed between two versions of an SOP, in SOP terms."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.i18n import t

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


@click.command()
@click.argument("versions", nargs=-1, required=True, metavar="LAMA [BARU]")
@click.option("--rev", metavar="REV", help="Bandingkan berkas dengan versinya pada revisi git REV (mis. HEAD~1).")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@lang_option
def diff(versions: tuple[str, ...], rev: str | None, as_json: bool) -> None:
    """Perubahan antara dua versi SOP: langkah, pelaksana, mutu baku, cabang, identitas.

    \b
    soptui diff lama.sop.toml baru.sop.toml
    soptui diff cuti.sop.toml --rev HEAD~1     (versi git -> berkas kini)
    soptui diff cuti.sop.toml@v1.0 cuti.sop.toml@HEAD

    Kode keluar: 0 bila isinya sama, 1 bila ada perubahan, 2 bila salah pakai
    atau ada berkas/revisi yang tidak terbaca.
    """
    from soptui.lifecycle.diff import diff_sops
    from soptui.lifecycle.diff_text import describe

    if len(versions) > 2 or (rev and len(versions) != 1):
        _fail(t("diff.two_files_with_rev") if rev else t("diff.one_file"))
    if len(versions) == 1:
        path, at = _split_rev(versions[0])
        if rev is None and at is None:
            _fail(t("diff.one_file"))
        versions = (f"{path}@{rev or at}", str(path))
    old, new = (_load_version(spec) for spec in versions)
    result = diff_sops(old.sop, new.sop)
    if as_json:
        echo_json({"lama": str(old.path), "baru": str(new.path), **result.to_json()})
    else:
        echo(t("diff.title", nama=new.sop.identitas.nama, old=old.path, new=new.path))
        for line in describe(result):
            echo(line)
    sys.exit(EXIT_CHANGED if result else EXIT_SAME)


def _split_rev(spec: str) -> tuple[Path, str | None]:
    """``file@REV`` -> (file, REV); a file whose own name holds ``@`` stays whole."""
    if Path(spec).exists() or "@" not in spec:
        return Path(spec), None
    path, _, rev = spec.rpartition("@")
    return Path(path), rev or None


def _load_version(spec: str):
    """Load a file from disk, or from git when written ``file@REV``."""
    from soptui.loader import load, load_bytes

    path, rev = _split_rev(spec)
    if rev is None:
        if not path.exists():
            _fail(t("diff.missing", path=path))
        loaded = load(path)
    else:
        loaded = load_bytes(_git_show(path, rev), f"{path}@{rev}")
    if loaded.sop is None:
        for finding in loaded.findings:
            echo(finding.format_line(), err=True)
        sys.exit(EXIT_ERROR)
    return loaded


def _git_show(path: Path, rev: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        _fail(t("diff.no_git"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        _fail(t("diff.missing", path=path))
    result = subprocess.run([git, "show", f"{rev}:./{path.name}"], cwd=folder, capture_output=True)
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        _fail(t("diff.bad_rev", path=path, rev=rev, reason=reason[-1] if reason else result.returncode))
    return result.stdout


def _fail(message: str) -> NoReturn:
    echo(message, err=True)
    sys.exit(EXIT_ERROR)
