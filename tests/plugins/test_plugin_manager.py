"""The plugin manager: built-ins through entry points, limits, broken plugins, one test per hook."""

from __future__ import annotations

import io

import pytest

from soptui.plugins import ExporterConflict, get_plugins, load_plugins

EXPORTER_PLUGIN = """
    from soptui import hookimpl
    from soptui.exporters import Exporter

    def write(input, stream, options):
        stream.write(("# " + input.sop.identitas.nama + "\\n").encode())

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="{name}", label="Teks", suffix=".txt", write=write))
"""


def messages() -> tuple[list[str], object]:
    seen: list[str] = []
    return seen, seen.append


def test_builtin_json_exporter_comes_through_soptuis_own_entry_point():
    plugins = load_plugins(warn=None)
    json_plugin = next(info for info in plugins.plugins if info.name == "json")
    assert json_plugin.builtin and json_plugin.distribution == "soptui"
    assert plugins.exporter("json").plugin == "json"
    assert plugins.exporter("json").suffix == ".json"


def test_third_party_plugin_loads_and_load_plugins_variable_limits_it(site, monkeypatch):
    site.install("soptui-teks", "soptui_teks", EXPORTER_PLUGIN.format(name="teks"), entry_name="teks")
    assert "teks" in load_plugins(warn=None).exporters
    monkeypatch.setenv("SOPTUI_LOAD_PLUGINS", "")
    limited = load_plugins(warn=None)
    assert "teks" not in limited.exporters
    assert "json" in limited.exporters, "built-ins always load"
    monkeypatch.setenv("SOPTUI_LOAD_PLUGINS", "soptui-teks")
    assert "teks" in load_plugins(warn=None).exporters


def test_plugin_that_fails_to_import_is_reported_once_and_skipped(site, capsys):
    site.install("soptui-rusak", "soptui_rusak", "import modul_yang_tidak_ada\n", entry_name="rusak")
    plugins = get_plugins()
    get_plugins()  # a second use does not report again
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if "rusak" in line]) == 1
    assert "ModuleNotFoundError" in err and "modul_yang_tidak_ada" in err
    broken = next(info for info in plugins.plugins if info.name == "rusak")
    assert broken.error and not broken.exporters
    assert "json" in plugins.exporters


def test_plugin_that_exits_on_import_does_not_exit_soptui(site):
    site.install("soptui-keluar", "soptui_keluar", "import sys\nsys.exit(3)\n", entry_name="keluar")
    seen, warn = messages()
    plugins = load_plugins(warn=warn)
    assert any("keluar" in m and "SystemExit" in m for m in seen)
    assert "json" in plugins.exporters


def test_plugin_that_raises_while_registering_is_skipped_whole(site):
    site.install("soptui-setengah", "soptui_setengah", """
        from soptui import hookimpl
        from soptui.exporters import Exporter

        @hookimpl
        def register_themes(register):
            register("setengah", {"primary": "#000000"})

        @hookimpl
        def register_exporters(register):
            register(Exporter(name="setengah", label="x", suffix=".x", write=lambda i, s, o: None))
            raise RuntimeError("konfigurasi hilang")
    """, entry_name="setengah")
    seen, warn = messages()
    plugins = load_plugins(warn=warn)
    assert "setengah" not in plugins.exporters and "setengah" not in plugins.themes
    assert any("setengah" in m and "RuntimeError: konfigurasi hilang" in m for m in seen)
    assert not plugins.manager.has_plugin("setengah")


def test_unknown_hook_implementation_is_caught(site):
    site.install("soptui-salah", "soptui_salah", """
        from soptui import hookimpl

        @hookimpl
        def register_exporter(register):  # typo: the hook is register_exporters
            pass
    """, entry_name="salah")
    seen, warn = messages()
    plugins = load_plugins(warn=warn)
    assert any("salah" in m and "register_exporter" in m for m in seen)
    assert next(info for info in plugins.plugins if info.name == "salah").error


def test_two_exporters_with_one_name_are_an_error_naming_both_plugins(site):
    site.install("soptui-alfa", "soptui_alfa", EXPORTER_PLUGIN.format(name="teks"), entry_name="alfa")
    site.install("soptui-beta", "soptui_beta", EXPORTER_PLUGIN.format(name="teks"), entry_name="beta")
    seen, warn = messages()
    plugins = load_plugins(warn=warn)
    assert any("alfa" in m and "beta" in m and "teks" in m for m in seen)
    with pytest.raises(ExporterConflict, match="alfa dan beta"):
        plugins.exporter("teks")
    assert "teks" not in plugins.usable_exporters()
    assert "json" in plugins.usable_exporters()


def test_plugins_command_shows_a_conflict_under_both_plugins(site):
    from click.testing import CliRunner

    from soptui.cli import cli

    site.install("soptui-alfa", "soptui_alfa", EXPORTER_PLUGIN.format(name="teks"), entry_name="alfa")
    site.install("soptui-beta", "soptui_beta", EXPORTER_PLUGIN.format(name="teks"), entry_name="beta")
    listing = CliRunner().invoke(cli, ["plugins"]).stdout
    assert listing.count('format "teks" didaftarkan oleh dua plugin, alfa dan beta') == 2
    assert "eksporter teks" not in listing
    records = __import__("json").loads(CliRunner().invoke(cli, ["plugins", "--json"]).stdout)
    alfa = next(record for record in records if record["name"] == "alfa")
    assert alfa["exporters"][0]["conflict"] == ["alfa", "beta"]


# One test per hook: what a plugin registers through it reaches the user.


def test_hook_register_exporters(examples):
    from soptui.exporters import ExportInput
    from soptui.loader import load

    module = _module(EXPORTER_PLUGIN.format(name="teks"))
    plugins = load_plugins(entry_points=False, extra=[("teks", module)], warn=None)
    exporter = plugins.exporter("teks")
    loaded = load(examples[0])
    stream = io.BytesIO()
    exporter.write(ExportInput(loaded.sop, loaded.path, loaded.source.sha256), stream, {})
    assert stream.getvalue().decode().startswith("# " + loaded.sop.identitas.nama)
    assert exporter.plugin == "teks"


def test_hook_register_checks(tmp_path, examples):
    from click.testing import CliRunner

    from soptui import plugins as plugins_module
    from soptui.cli import cli

    module = _module("""
        from soptui import hookimpl

        def nomor_punya_kode_unit(sop, report):
            if "/SETDA/" not in sop.identitas.nomor:
                report("nomor harus memuat kode unit /SETDA/", "identitas.nomor")

        @hookimpl
        def register_checks(register):
            register("X101", "error", nomor_punya_kode_unit, "Nomor memuat kode unit")
    """)
    plugins_module._loaded = load_plugins(extra=[("aturan-biro", module)], warn=None)
    result = CliRunner().invoke(cli, ["check", *map(str, examples)])
    x101 = [line for line in result.output.splitlines() if " X101 " in line]
    surat = next(p for p in examples if p.name == "surat-masuk.sop.toml")
    assert x101 and not any(str(surat) in line for line in x101), "surat-masuk has /SETDA/ in its nomor"
    other = x101[0]
    path, line = other.split(":")[:2]
    assert open(path, encoding="utf-8").read().splitlines()[int(line) - 1].startswith("nomor")
    assert "nomor harus memuat kode unit /SETDA/" in other
    assert result.exit_code == 1


def test_hook_register_checks_rule_that_crashes_is_one_warning_not_a_traceback(examples):
    from soptui.checks import check_loaded
    from soptui.loader import load
    from soptui.plugins import extra_checks

    module = _module("""
        from soptui import hookimpl

        def rusak(sop, report):
            raise ZeroDivisionError("bagi nol")

        @hookimpl
        def register_checks(register):
            register("X900", "error", rusak)
    """)
    plugins = load_plugins(entry_points=False, extra=[("rusak", module)], warn=None)
    findings = check_loaded(load(examples[0]), extra_checks(plugins))
    crashed = [f for f in findings if f.code == "X900"]
    assert len(crashed) == 1 and crashed[0].severity == "warning"
    assert "bagi nol" in crashed[0].message() and "rusak" in crashed[0].message()


@pytest.mark.parametrize("code, severity", [("S001", "error"), ("x1", "error"), ("X102", "fatal")])
def test_hook_register_checks_refuses_bad_codes_and_severities(code, severity):
    module = _module(f"""
        from soptui import hookimpl

        @hookimpl
        def register_checks(register):
            register({code!r}, {severity!r}, lambda sop, report: None)
    """)
    seen, warn = messages()
    plugins = load_plugins(entry_points=False, extra=[("aturan", module)], warn=warn)
    assert not plugins.checks
    assert seen and "aturan" in seen[0]


def test_hook_register_themes(tmp_path):
    from pathlib import Path

    theme_file = tmp_path / "gelap.toml"
    theme_file.write_text('primary = "#112233"\n')
    module = _module(f"""
        from pathlib import Path
        from soptui import hookimpl

        @hookimpl
        def register_themes(register):
            register("terang", {{"primary": "#ffffff"}})
            register("gelap", Path({str(theme_file)!r}))
    """)
    plugins = load_plugins(entry_points=False, extra=[("tema-biro", module)], warn=None)
    assert plugins.themes["terang"].source == {"primary": "#ffffff"}
    assert plugins.themes["gelap"].source == Path(theme_file)
    assert plugins.themes["gelap"].plugin == "tema-biro"


def _module(source: str):
    import textwrap
    import types

    module = types.ModuleType("plugin_under_test")
    exec(textwrap.dedent(source), module.__dict__)
    return module


def test_plugins_command_lists_broken_plugins_with_their_reason_and_filters_by_hook(site):
    from click.testing import CliRunner

    from soptui.cli import cli

    site.install("soptui-rusak", "soptui_rusak", "import modul_yang_tidak_ada\n", entry_name="rusak")
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    broken = lines.index(next(line for line in lines if line.startswith("rusak 1.0")))
    assert "GAGAL dimuat" in lines[broken + 1] and "modul_yang_tidak_ada" in lines[broken + 1]
    assert "eksporter json: JSON" in result.output
    filtered = CliRunner().invoke(cli, ["plugins", "--json", "--hook", "register_exporters"])
    names = [record["name"] for record in __import__("json").loads(filtered.stdout)]
    assert "json" in names and "rusak" not in names
