"""``soptui plugin baru NAME``: a new plugin distribution to start from.

The template (``soptui/templates/plugin``) is a working plugin: an exporter
that draws the computed layout, a checker rule, its texts in both languages,
tests written with :mod:`soptui.testing` and a README. Names in it are
placeholders (``__DIST__``, ``__MODULE__``, ``__FORMAT__``, ``__CODE__``...)
replaced in file names and contents; nothing else is generated.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import click

from soptui.commands.common import lang_option
from soptui.i18n import t

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "plugin"
_NAME = re.compile(r"^(?:soptui-)?(?P<what>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")


@click.group()
@lang_option
def plugin() -> None:
    """Membuat plugin soptui baru (lihat docs/plugins.md)."""


@plugin.command()
@click.argument("name")
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help="Folder tempat distribusi baru dibuat (bawaan: folder kerja).")
@lang_option
def baru(name: str, folder: Path) -> None:
    """Menulis distribusi plugin baru NAME (mis. soptui-docx) yang siap dipasang dan diuji.

    Isinya: pyproject.toml dengan entry point, eksporter yang menggambar tata
    letak, aturan pemeriksa, pesan dalam dua bahasa, tes dengan
    soptui.testing, dan README.
    """
    match = _NAME.match(name)
    if match is None:
        raise click.BadParameter(t("template.bad_name", name=name), param_hint="NAME")
    target = folder / f"soptui-{match['what']}"
    if target.exists():
        click.echo(t("template.exists", path=target), err=True)
        sys.exit(1)
    try:
        for path, text in render_template(match["what"]).items():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text(text, encoding="utf-8")
    except OSError as error:  # a full disk, a read-only folder: no half-written plugin is left to be installed
        shutil.rmtree(target, ignore_errors=True)
        click.echo(t("output.write_failed", path=target, reason=error.strerror or error), err=True)
        sys.exit(1)
    click.echo(t("template.written", path=target))


def render_template(what: str) -> dict[Path, str]:
    """The files of a new plugin ``soptui-<what>``, by path inside its folder."""
    from soptui import __version__

    values = {
        "__DIST__": f"soptui-{what}",
        "__MODULE__": f"soptui_{what.replace('-', '_')}",
        "__FORMAT__": what,
        "__CODE__": re.sub(r"[^A-Z0-9]", "", what.upper()),
        "__TITLE__": what.replace("-", " ").title(),
        "__SOPTUI__": __version__,
    }
    pattern = re.compile("|".join(values))
    files = {}
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            relative = pattern.sub(lambda m: values[m[0]], str(source.relative_to(TEMPLATE)))
            files[Path(relative)] = pattern.sub(lambda m: values[m[0]], source.read_text(encoding="utf-8"))
    return files
