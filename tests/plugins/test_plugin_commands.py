"""Plugins add subcommands (register_commands), as the built-in forms and bound document do."""

from __future__ import annotations

RINGKAS = """
import click

from soptui import hookimpl


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def ringkas(paths):
    \"\"\"Satu baris per SOP.\"\"\"
    from soptui.library import find_sop_files
    from soptui.loader import load

    for path, _ in find_sop_files(paths):
        click.echo(load(path).sop.identitas.nomor)


@hookimpl
def register_commands(register):
    register(ringkas)
"""

TAKER = """
import click

from soptui import hookimpl


@hookimpl
def register_commands(register):
    register(click.Command("{name}", callback=lambda: click.echo("bukan punyaku")))
"""


def test_a_plugins_command_runs_and_is_listed_with_soptuis_own(site, soptui_run, library):
    site.install("soptui-ringkas", "soptui_ringkas", RINGKAS, entry_name="ringkas")
    result = soptui_run("ringkas", str(library), env=site.env())
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.split()) == ["000.1.2/004/SETDA/2024", "800/017/BKD/2024", "SOP-012/BAPPELITBANGDA/2024"]
    listing = soptui_run("--help", env=site.env()).stdout
    assert "ringkas" in listing and "formulir" in listing and "dokumen" in listing and "export" in listing
    assert "perintah soptui ringkas" in soptui_run("plugins", env=site.env()).stdout
    assert soptui_run("ringkas", "--help", "--lang", "en", env=site.env()).stdout.startswith("Usage: ")


def test_a_command_soptui_or_another_plugin_has_is_refused_and_that_plugin_skipped(site, soptui_run, library):
    site.install("soptui-rebut", "soptui_rebut", TAKER.replace("{name}", "export"), entry_name="rebut")
    site.install("soptui-zformulir", "soptui_zformulir", TAKER.replace("{name}", "formulir"), entry_name="zformulir")
    result = soptui_run("export", str(library), "-f", "json", "-o", str(library.parent / "out"), env=site.env())
    assert result.returncode == 0 and "bukan punyaku" not in result.stdout
    assert 'perintah "export" sudah dimiliki soptui' in result.stderr
    result = soptui_run("formulir", "monitoring", "--kosong", "-o", str(library.parent / "m.pdf"), env=site.env())
    assert result.returncode == 0 and "bukan punyaku" not in result.stdout
    assert 'perintah "formulir" sudah dimiliki dokumen' in result.stderr
