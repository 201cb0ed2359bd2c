"""``soptui plugins``: which plugins are installed and what each registered."""

from __future__ import annotations

from dataclasses import asdict

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.i18n import t


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@click.option("--hook", help="Hanya plugin yang mengimplementasikan hook ini.")
@lang_option
def plugins(as_json: bool, hook: str | None) -> None:
    """Menampilkan plugin terpasang: versi, hook, eksporter, aturan, tema, dan perintah.

    Plugin yang gagal dimuat ikut ditampilkan beserta alasannya. Plugin
    pihak ketiga dapat dibatasi dengan SOPTUI_LOAD_PLUGINS=nama1,nama2
    (kosong: hanya plugin bawaan).
    """
    from soptui.plugins import get_plugins

    loaded = get_plugins()
    listed = [info for info in loaded.plugins if hook is None or hook in info.hooks]
    if as_json:
        records = []
        for info in listed:
            record = asdict(info)
            record["exporters"] = [
                {**_exporter_record(loaded.exporters[name]), "conflict": list(loaded.conflicts.get(name, ()))}
                for name in info.exporters
                if name in loaded.exporters and loaded.exporters[name].plugin == info.name
            ]
            records.append(record)
        echo_json(records)
        return
    for info in listed:
        origin = t("plugins.builtin") if info.builtin else info.distribution
        echo(f"{info.name} {info.version} ({origin})")
        if info.error:
            echo("  " + t("plugins.list_error", error=info.error))
            continue
        echo("  " + t("plugins.list_hooks", hooks=", ".join(info.hooks) or "-"))
        for name in info.exporters:
            exporter = loaded.exporters.get(name)
            if name in loaded.conflicts:
                first, second = loaded.conflicts[name]
                echo("  " + t("plugins.conflict", name=name, first=first, second=second))
            elif exporter is not None:
                echo("  " + t("plugins.list_exporter", name=name, label=exporter.label, suffix=exporter.suffix))
        for code in info.checks:
            echo("  " + t("plugins.list_check", code=code, description=loaded.checks[code].description))
        for name in info.themes:
            echo("  " + t("plugins.list_theme", name=name))
        for name in info.signers:  # soptui tandatangan --penanda NAME (docs/signing.md)
            options = ", ".join(f"-O {option.name}" for option in loaded.signers[name].options) or "-"
            echo("  " + t("plugins.list_signer", name=name, label=loaded.signers[name].label, options=options))
        for name in info.commands:
            echo("  " + t("plugins.list_command", name=name))
    if not listed:
        echo(t("plugins.none"))


def _exporter_record(exporter) -> dict[str, object]:
    return {
        "name": exporter.name,
        "label": exporter.label,
        "suffix": exporter.suffix,
        "needs_layout": exporter.page_options is not None,
        "options": [
            {"name": o.name, "type": o.type.__name__, "default": o.default, "help": o.help, "choices": list(o.choices)}
            for o in exporter.options
        ],
    }
