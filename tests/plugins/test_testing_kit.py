"""soptui.testing runs exporters and rules exactly as soptui does, for plugin authors' tests."""

from __future__ import annotations

import types

import pytest

from soptui import hookimpl
from soptui.corpus import generate_sop
from soptui.exporters import Exporter, Option
from soptui.testing import PluginError, check, example, example_paths, export, load_plugin


def _plugin(**hooks) -> types.ModuleType:
    module = types.ModuleType("soptui_kit_probe")
    for name, function in hooks.items():
        setattr(module, name, hookimpl(function))
    return module


def _separated(input, stream, options):
    stream.write(options["pemisah"].join(step.id for step in input.sop.langkah).encode())


def _pages(input, stream, options):
    stream.write(f"{input.layout.paper} {input.layout.orientation}".encode())
    return len(input.layout.pages)


def _register(register):
    from soptui.layout import PageOptions

    register(Exporter("pisah", "Pisah", ".txt", _separated, options=(Option("pemisah", str, ";", choices=(";", ",")),)))
    register(Exporter("halaman", "Halaman", ".txt", _pages, options=(Option("paper", str, "A4"),),
                      page_options=lambda options: PageOptions(paper=options["paper"])))


def test_defaults_are_filled_in_as_the_host_does():
    """Calling ``write`` with ``{}`` failed with KeyError; the kit gives the defaults."""
    plugins = load_plugin(_plugin(register_exporters=_register))
    result = export("pisah", example("surat-masuk"), plugins=plugins)
    assert result.data.decode().startswith("terima;cek-alamat;")
    assert result.options == {"pemisah": ";"}
    assert export("pisah", example("surat-masuk"), plugins=plugins, options={"pemisah": ","}).data.count(b",") > 3


def test_options_are_converted_and_checked_like_dash_o():
    plugins = load_plugin(_plugin(register_exporters=_register))
    with pytest.raises(ValueError, match="pisah.pemisah"):
        export("pisah", example("surat-masuk"), plugins=plugins, options={"pemisah": "|"})
    with pytest.raises(ValueError, match="warna"):
        export("pisah", example("surat-masuk"), plugins=plugins, options={"warna": "merah"})


def test_the_layout_is_computed_for_the_exporters_page_options():
    plugins = load_plugin(_plugin(register_exporters=_register))
    result = export("halaman", generate_sop(40), plugins=plugins, options={"paper": "F4"})
    assert result.data == b"F4 landscape"
    assert result.layout.paper == "F4" and result.pages == len(result.layout.pages) >= 2


def test_the_builtin_pdf_through_the_kit(soptui_example):
    result = export("pdf", soptui_example, options={"orientation": "portrait"})
    assert result.data.startswith(b"%PDF") and result.pages == len(result.layout.pages) + 1  # identity page
    assert result.layout.orientation == "portrait"


def test_a_file_that_does_not_load_fails_with_the_loaders_words(tmp_path):
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("nama = \n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"rusak\.sop\.toml:1:8: S010"):
        export("json", broken)


def test_a_rule_gives_its_findings_at_their_line(tmp_path):
    def nomor(sop, report):
        if "SETDA" in sop.identitas.nomor:
            report("nomor memakai SETDA", "identitas.nomor")

    plugins = load_plugin(_plugin(register_checks=lambda register: register("X901", "error", nomor)))
    findings = check(example("surat-masuk"), codes={"X901"}, plugins=plugins)
    assert [(f.code, f.severity, f.field_name) for f in findings] == [("X901", "error", "identitas.nomor")]
    line = example("surat-masuk").read_text(encoding="utf-8").splitlines()[findings[0].line - 1]
    assert line.startswith("nomor = ")
    assert str(findings[0]) == findings[0].format_line()
    assert check(generate_sop(3), codes={"X901"}, plugins=plugins) == []


def test_a_broken_plugin_fails_with_soptuis_message():
    def register(register):
        register("not an exporter")

    with pytest.raises(PluginError, match="soptui_kit_probe"):
        load_plugin(_plugin(register_exporters=register))


def test_examples_are_the_shipped_sops(soptui_examples):
    assert soptui_examples == example_paths() and len(soptui_examples) == 3
    with pytest.raises(LookupError, match="surat-masuk"):
        example("tidak-ada")
