"""``soptui check``: the checker over files and folders, one line per finding.

For CI and editors: ``--select``/``--ignore`` by code or code prefix, a
file's own ``# soptui: abaikan CODE...`` comment, ``--format github|sarif``
(``check_output``), and ``--library ROOT`` so the library rules (L) see the
whole library when only some files are checked, as a pre-commit hook does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from soptui.commands.check_output import FORMATS, render
from soptui.commands.common import complete_list, echo, echo_json, lang_option
from soptui.commands.operate import is_quiet
from soptui.diagnostics import Finding
from soptui.i18n import t
from soptui.library import find_sop_files


def _complete_codes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``--select``/``--ignore``: the rule codes."""
    return complete_list(_rules(), incomplete.upper())


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--format", "output", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Bentuk keluaran: text, json, github (anotasi GitHub Actions) atau sarif.")
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@click.option("--select", "selected", metavar="KODE[,KODE...]", multiple=True, shell_complete=_complete_codes,
              help="Hanya aturan ini; kode atau awalannya, mis. --select S,A003.")
@click.option("--ignore", "ignored", metavar="KODE[,KODE...]", multiple=True, shell_complete=_complete_codes,
              help="Lewati aturan ini; kode atau awalannya, mis. --ignore I003.")
@click.option("--library", "library_root", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder pustaka SOP untuk aturan L (nomor ganda, keterkaitan), walau hanya sebagian berkas diperiksa.")
@click.option("--rules", "list_rules", is_flag=True, help="Menampilkan semua aturan: kode, tingkat, judul.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Jumlah proses paralel untuk pustaka besar (bawaan: jumlah inti prosesor).")
@lang_option
def check(paths: tuple[str, ...], output: str, strict: bool, selected: tuple[str, ...], ignored: tuple[str, ...],
          library_root: Path | None, list_rules: bool, jobs: int | None) -> None:
    """Memeriksa berkas SOP (dan folder, rekursif) terhadap aturan SOP AP.

    Satu temuan per baris: `path:baris:kolom: KODE pesan`. Baris
    `# soptui: abaikan KODE...` di dalam berkas melewati aturan itu untuk
    berkas tersebut. Kode keluar 0 bila tidak ada kesalahan, 1 bila ada
    kesalahan (atau peringatan dengan --strict) atau tidak ada SOP di PATH,
    2 bila perintah salah pakai.
    """
    from soptui.checks.files import check_files

    if list_rules:
        _print_rules(output)
        return
    if not paths:
        raise click.UsageError(t("check.no_paths"))
    known = _rules()
    select, ignore = _codes(selected, known, "--select"), _codes(ignored, known, "--ignore")
    found = [path for path, _ in find_sop_files(paths)]
    if not found:
        echo(t("check.nothing_found", paths=", ".join(paths)), err=True)
        sys.exit(1)
    findings, entries, suppressed = [], [], {}
    for checked in check_files(found, jobs or os.cpu_count() or 1):
        findings += checked.findings
        entries += [checked.entry] if checked.entry is not None else []
        suppressed[checked.path] = checked.suppressed
    first: dict[str, int] = {}
    for index, path in enumerate(found):
        first.setdefault(str(path), index)
    entries.sort(key=lambda entry: first[entry.path])  # the files' order, not the workers': L001 lists the others
    findings += _library_findings(entries, library_root)
    findings = [f for f in findings if _wanted(f.code, select, ignore) and f.code not in suppressed.get(f.path, ())]
    findings.sort(key=lambda f: (f.path, f.line or 1, f.col or 1, f.code))
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if findings or output in ("json", "sarif"):
        click.echo(render(findings, output, known))
    if output == "text" and not is_quiet():
        click.echo(t("check.summary", files=len(found), errors=errors, warnings=warnings), err=True)
    sys.exit(1 if errors or (strict and warnings) else 0)


def _library_findings(entries: list, root: Path | None) -> list[Finding]:
    """The L rules over the checked files, or over the whole library at ``root``,
    reported only for the checked files."""
    from soptui.checks.library import entry_of, library_findings
    from soptui.loader import load

    checked = {Path(entry.path).resolve() for entry in entries}
    if root is not None:
        others = (entry_of(load(path)) for path, _ in find_sop_files([root]) if path.resolve() not in checked)
        entries = entries + [entry for entry in others if entry is not None]
    found = library_findings(entries, _text_of)
    return found if root is None else [f for f in found if Path(f.path).resolve() in checked]


def _text_of(path: str) -> str:
    """A file's text again, to place a library finding at its line ("" if it is gone meanwhile)."""
    from soptui.loader import read_regular

    try:
        return read_regular(Path(path))[0].decode("utf-8-sig", "replace")
    except OSError:
        return ""


def _codes(values: tuple[str, ...], known: dict[str, tuple[str, str]], option: str) -> tuple[str, ...]:
    """Codes or prefixes from ``--select``/``--ignore``; one that matches no rule is a usage error."""
    codes = tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            raise click.BadParameter(t("check.unknown_code", code=code), param_hint=option)
    return codes


def _wanted(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    return (not select or code.startswith(select)) and not code.startswith(ignore)


def _rules() -> dict[str, tuple[str, str]]:
    """Every rule, built in and from plugins: code -> (severity, title)."""
    from soptui.checks import RULES
    from soptui.plugins import get_plugins

    rules: dict[str, tuple[str, str]] = {rule.code: (rule.severity, t(rule.title_key)) for rule in RULES.values()}
    rules.update((rule.code, (rule.severity, rule.description)) for rule in get_plugins().checks.values())
    return rules


def _print_rules(output: str) -> None:
    """Every rule, built in and from plugins, so a finding's code can be looked up."""
    from soptui.checks import RULES
    from soptui.plugins import get_plugins

    rows: list[tuple[str, str, str, str]] = [(rule.code, rule.severity, t(rule.title_key), "soptui")
                                             for rule in RULES.values()]
    rows += [(rule.code, rule.severity, rule.description, rule.plugin) for rule in get_plugins().checks.values()]
    if output in ("json", "sarif", "github"):
        keys = ("code", "severity", "title", "plugin")
        echo_json([dict(zip(keys, row)) for row in rows])
        return
    for code, severity, title, plugin in rows:
        origin = "" if plugin == "soptui" else f"  [{plugin}]"
        echo(f"{code}  {t(f'check.{severity}'):<10} {title}{origin}")
