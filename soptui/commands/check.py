"""``soptui check``: the checker over files and folders, one line per finding."""

from __future__ import annotations

import sys

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.library import find_sop_files
from soptui.i18n import t


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", help="Bentuk keluaran.")
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@click.option("--rules", "list_rules", is_flag=True, help="Menampilkan semua aturan: kode, tingkat, judul.")
@lang_option
def check(paths: tuple[str, ...], output: str, strict: bool, list_rules: bool) -> None:
    """Memeriksa berkas SOP (dan folder, rekursif) terhadap aturan SOP AP.

    Satu temuan per baris: `path:baris:kolom: KODE pesan`. Kode keluar 0 bila
    tidak ada galat, 1 bila ada galat (atau peringatan dengan --strict),
    2 bila perintah salah pakai.
    """
    from soptui.checks import check_loaded
    from soptui.checks.library import check_library
    from soptui.loader import load
    from soptui.plugins import extra_checks

    if list_rules:
        _print_rules(output)
        return
    if not paths:
        raise click.UsageError(t("check.no_paths"))
    rules = extra_checks()
    loaded = [load(path) for path, _ in find_sop_files(paths)]
    findings = [finding for item in loaded for finding in check_loaded(item, rules)]
    findings += check_library(loaded)
    findings.sort(key=lambda f: (f.path, f.line or 1, f.col or 1, f.code))
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if output == "json":
        echo_json([f.to_json() for f in findings])
    else:
        for finding in findings:
            click.echo(finding.format_line())
        click.echo(t("check.summary", files=len(loaded), errors=errors, warnings=warnings), err=True)
    sys.exit(1 if errors or (strict and warnings) else 0)


def _print_rules(output: str) -> None:
    """Every rule, built in and from plugins, so a finding's code can be looked up."""
    from soptui.checks import RULES
    from soptui.plugins import get_plugins

    rows = [(rule.code, rule.severity, t(rule.title_key), "soptui") for rule in RULES.values()]
    rows += [(rule.code, rule.severity, rule.description, rule.plugin) for rule in get_plugins().checks.values()]
    if output == "json":
        keys = ("code", "severity", "title", "plugin")
        echo_json([dict(zip(keys, row)) for row in rows])
        return
    for code, severity, title, plugin in rows:
        origin = "" if plugin == "soptui" else f"  [{plugin}]"
        echo(f"{code}  {t(f'check.{severity}'):<10} {title}{origin}")
