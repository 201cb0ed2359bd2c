"""The plugin's tests: soptui.testing runs it exactly as soptui does."""

from importlib import metadata

import __MODULE__

from soptui.corpus import generate_sop
from soptui.testing import check, export, load_plugin


def test_every_example_exports_one_section_per_page(soptui_example, soptui_language):
    soptui_language("id")
    result = export("__FORMAT__", soptui_example, plugins=load_plugin(__MODULE__))
    text = result.data.decode("utf-8")
    assert result.pages == len(result.layout.pages) >= 1
    assert text.count("Halaman ") == result.pages


def test_paper_and_orientation_reach_the_layout():
    result = export("__FORMAT__", generate_sop(40), plugins=load_plugin(__MODULE__),
                    options={"paper": "F4", "orientation": "portrait"})
    assert (result.layout.paper, result.layout.orientation) == ("F4", "portrait")


def test_a_long_activity_is_reported_at_its_line_in_the_users_language(soptui_language):
    soptui_language("id")
    plugins = load_plugin(__MODULE__)
    sop = generate_sop(1)
    assert check(sop, codes={"__CODE__101"}, plugins=plugins) == []
    long = sop.with_step(2, kegiatan="Memeriksa " + "berkas " * 45)
    [finding] = check(long, codes={"__CODE__101"}, plugins=plugins)
    assert finding.field_name == "langkah[3].kegiatan" and finding.severity == "warning"
    assert "46 kata" in finding.message()
    soptui_language("en")
    [finding] = check(long, codes={"__CODE__101"}, plugins=plugins)
    assert "46 words" in finding.message()


def test_the_installed_entry_point_is_this_plugin():
    """Run after `pip install -e .`: this is what makes `soptui plugins` list it."""
    points = {point.name: point.value for point in metadata.entry_points(group="soptui")}
    assert points.get("__FORMAT__") == "__MODULE__"
