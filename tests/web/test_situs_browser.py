"""The generated site in a real browser: search, SVG, downloads, axe-core, phone width."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from soptui.corpus import write_library
from soptui.loader import load
from soptui.site import build_site

from tests.web.browser import axe_violations, chromium

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    library = tmp_path_factory.mktemp("pustaka")
    for path in (ROOT / "examples").glob("*.sop.toml"):
        shutil.copy(path, library / path.name)
    write_library(library / "generated", 12, seed=5)
    out = library.parent / "situs"
    build_site(library, out, formats=("pdf", "pptx", "json"), jobs=2, today=dt.date(2025, 6, 1))
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


def visible_rows(driver) -> int:
    return driver.execute_script("return [...document.querySelectorAll('tr[data-i]')].filter(r => r.offsetParent).length")


def test_search_filters_as_you_type(site, browser):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    total = visible_rows(browser)
    assert total == 15
    box = browser.find_element(By.ID, "cari")
    box.send_keys("cuti")
    assert visible_rows(browser) == 1
    assert browser.find_element(By.ID, "jumlah").text == "1 dari 15 SOP ditampilkan"
    box.clear()
    box.send_keys("Sekretaris Memaraf")  # an actor and a verb of kegiatan, any order
    some = visible_rows(browser)
    assert 0 < some < total
    box.clear()
    box.send_keys("800/017/BKD")  # a nomor
    assert visible_rows(browser) == 1
    box.clear()
    box.send_keys("tidak-ada-sop-begini")
    assert visible_rows(browser) == 0 and browser.find_element(By.ID, "kosong").is_displayed()


def test_sop_page_shows_every_steps_text_in_the_svg_and_the_downloads_exist(site, browser):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "Pelayanan Permohonan Cuti Tahunan Pegawai").click()
    assert browser.title.startswith("Pelayanan Permohonan Cuti Tahunan Pegawai")
    svg_text = browser.execute_script(
        "return [...document.querySelectorAll('.diagram svg text')].map(t => t.textContent).join(' ')")
    assert browser.execute_script("return document.querySelectorAll('.diagram svg').length") >= 1
    words = svg_text.split()
    for step in load(ROOT / "examples" / "pengajuan-cuti.sop.toml").sop.langkah:
        assert all(word in words for word in step.kegiatan.split()), step.kegiatan
    sizes = browser.execute_script("return [...document.querySelectorAll('.diagram svg')].map(s => s.getBoundingClientRect().width)")
    assert all(width > 300 for width in sizes)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".unduh a[download]")]
    assert {Path(urlparse(link).path).suffix for link in links} >= {".pdf", ".pptx", ".json", ".zip"}
    for link in links:
        path = Path(unquote(urlparse(link).path))
        assert path.is_file() and path.stat().st_size > 0, link
    assert Path(unquote(urlparse(links[1]).path)).read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")


@pytest.mark.parametrize("page", ["index.html", "sop/pengajuan-cuti.html", "sop/generated/unit-1/sop-0001.html"])
def test_no_serious_or_critical_accessibility_violations(site, browser, page):
    browser.get((site / page).as_uri())
    assert axe_violations(browser) == []


def test_readable_on_a_phone_and_screenshots(site, tmp_path):
    shots = tmp_path / "layar"
    shots.mkdir()
    for name, width, height in (("desktop", 1280, 900), ("ponsel", 390, 844)):
        with chromium(width, height) as driver:
            for page in ("index.html", "sop/pengajuan-cuti.html"):
                driver.get((site / page).as_uri())
                # the page itself never scrolls sideways: wide tables scroll inside their own region
                overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, (name, page, overflow)
                target = shots / f"{name}-{Path(page).stem}.png"
                driver.save_screenshot(str(target))
                assert target.stat().st_size > 10_000
