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
    units = len(browser.find_elements(By.CSS_SELECTOR, ".unit-daftar li"))
    box.send_keys("cuti")
    assert visible_rows(browser) == 1
    assert browser.find_element(By.ID, "jumlah").text == "1 dari 15 SOP ditampilkan"
    shown = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".unit-daftar li") if li.is_displayed()]
    assert units > 1 and shown == ["SUB BAGIAN UMUM DAN KEPEGAWAIAN (1)"]  # the unit list follows the search
    box.clear()
    largest = max(browser.find_elements(By.CSS_SELECTOR, "section.unit"),
                  key=lambda section: len(section.find_elements(By.CSS_SELECTOR, "tr[data-i]")))
    size = len(largest.find_elements(By.CSS_SELECTOR, "tr[data-i]"))
    nomor = largest.find_element(By.CSS_SELECTOR, "td.nomor").get_attribute("textContent")  # hidden now
    box.send_keys(nomor)  # one SOP of the largest unit: its unit counts what is shown of how many
    listed = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".unit-daftar li") if li.is_displayed()]
    assert size > 1 and len(listed) == 1 and listed[0].endswith(f"(1 dari {size})")
    assert largest.find_element(By.TAG_NAME, "h2").text.endswith(f"(1 dari {size} SOP)")
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
                assert driver.execute_script("return window.innerWidth") == width
                # the page itself never scrolls sideways: wide tables scroll inside their own region
                overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, (name, page, overflow)
                if name == "ponsel":
                    # and on a phone no table needs that either: each row is a card within the screen
                    cut = driver.execute_script(
                        "return [...document.querySelectorAll('table.kartu th, table.kartu td')]"
                        ".filter(c => c.getBoundingClientRect().right > window.innerWidth + 0.5)"
                        ".map(c => c.textContent.slice(0, 40))")
                    assert cut == [], (page, cut[:5])
                    assert axe_violations(driver) == [], page
                target = shots / f"{name}-{Path(page).stem}.png"
                driver.save_screenshot(str(target))
                assert target.stat().st_size > 10_000


def test_table_cells_stay_cells_for_screen_readers_on_a_phone(site):
    """The phone's cards change how rows look, not what they are: a screen reader still finds a table."""
    with chromium(390, 844) as driver:
        driver.get((site / "sop/pengajuan-cuti.html").as_uri())
        roles = [node.get("role", {}).get("value") for node in
                 driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]]
        steps = len(load(ROOT / "examples" / "pengajuan-cuti.sop.toml").sop.langkah)
        assert roles.count("table") == 3 and roles.count("rowheader") >= steps and roles.count("columnheader") >= 7


def tab_through(driver, limit: int = 200) -> list[dict]:
    """Press Tab until the focus leaves the page; what got the focus each time, and whether it showed."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    seen = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(
            "const el = document.activeElement; if (!el || el === document.body) return null;"
            "const style = getComputedStyle(el), box = el.getBoundingClientRect();"
            "return {tag: el.tagName, id: el.id, href: el.getAttribute('href') || '', text: el.textContent.slice(0, 60),"
            " outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,"
            " onscreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth}")
        if focused is None or (seen and focused == seen[0]):
            break
        seen.append(focused)
    return seen


def test_the_keyboard_reaches_everything_and_shows_where_it_is(site, browser):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    visited = tab_through(browser)
    assert visited[0]["text"] == "Langsung ke isi" and visited[0]["onscreen"]  # the skip link comes first, visible
    assert visited[1]["id"] == "cari"
    sop_links = {a.get_attribute("href").rsplit("/situs/", 1)[-1]
                 for a in browser.find_elements(By.CSS_SELECTOR, "tr[data-i] a")}
    assert sop_links <= {item["href"] for item in visited} and len(sop_links) == 15
    assert all(item["outline"] and item["onscreen"] for item in visited), [i for i in visited if not i["outline"]]
    browser.get((site / "sop/pengajuan-cuti.html").as_uri())
    visited = tab_through(browser)
    texts = [item["text"] for item in visited]
    assert {"PDF resmi", "Slide PPTX", "Data JSON"} <= set(texts)
    regions = browser.find_elements(By.CSS_SELECTOR, ".gulir")
    assert sum(item["tag"] == "DIV" for item in visited) == len(regions)  # each scrolling region, for the arrow keys
    assert all(item["outline"] and item["onscreen"] for item in visited)


def test_printing_an_sop_page(site, browser):
    """A4 landscape; no search or download buttons; each flowchart page on its own sheet, under its heading."""
    import base64
    import io

    from pypdf import PdfReader

    browser.get((site / "sop/generated/unit-1/sop-0001.html").as_uri())
    svg_pages = browser.execute_script("return document.querySelectorAll('.diagram svg').length")
    assert svg_pages >= 2  # the generated SOP runs over several pages
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    sheets = PdfReader(io.BytesIO(base64.b64decode(printed["data"]))).pages
    assert all(round(float(s.mediabox.width)) == 842 and round(float(s.mediabox.height)) == 595 for s in sheets)
    texts = [sheet.extract_text() for sheet in sheets]
    assert not any("Unduh" in text or "PDF resmi" in text for text in texts)
    footers = [f"Diagram alir halaman {n} dari {svg_pages}" for n in range(1, svg_pages + 1)]
    holding = [[i for i, text in enumerate(texts) if footer in text] for footer in footers]
    assert all(len(found) == 1 for found in holding), holding
    assert len({found[0] for found in holding}) == svg_pages  # one sheet each
    assert "Diagram alir" in texts[holding[0][0]].replace(footers[0], "")  # the heading is not left on the sheet before
