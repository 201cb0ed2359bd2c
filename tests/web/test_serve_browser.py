"""The editor in a browser: `soptui serve` on a loopback port, driven by headless Chromium.

Keys go through Chromium's keyboard events into textual-serve's terminal,
as a user's do; every wait is for what the screen shows or the disk holds,
with generous time limits for a loaded machine. The server and its editor
processes are stopped as one process group, pass or fail.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from soptui.loader import load
from tests.web.browser import chromium
from tests.web.served import TIMEOUT, TerminalPage, soptui_serve

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLE_FOCUSED = "⏎ Ubah"  # the footer while the step table has the focus


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "sop"
    shutil.copytree(EXAMPLES, folder)
    return folder


def wait_until(test, what: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while not (result := test()):
        assert time.monotonic() < deadline, f"{what} never happened"
        time.sleep(0.2)
    return result


def test_edit_a_step_in_the_browser_and_save(library, tmp_path):
    surat = library / "surat-masuk.sop.toml"
    before = surat.read_text(encoding="utf-8")
    old = 'kegiatan = "Mencatat surat dalam buku agenda surat masuk"\n'
    assert before.count(old) == 1
    log = tmp_path / "serve.log"
    with soptui_serve(surat, "--root", str(library), log=log) as url, chromium(1280, 800) as driver:
        page = TerminalPage(driver, url, log)
        page.wait_for(TABLE_FOCUSED)
        page.keys(Keys.DOWN, Keys.DOWN)
        page.wait_for(re.compile(r"Kelengkapan +Buku agenda"))  # step 3 is in the form
        page.keys(Keys.ENTER)
        page.wait_for(lambda screen: page.field("Kegiatan") != "blurred")
        page.keys(Keys.END)  # whether or not the field marks its text on focus, the cursor goes to its end
        page.wait_for(lambda screen: page.field("Kegiatan") == "focused")
        page.keys(' [segera] "cek"')  # one burst; [ and " are text
        page.insert_text(" 📨")  # what a paste or an input method delivers
        page.wait_for('masuk [segera] "cek" 📨')
        page.wait_for("belum disimpan")
        page.ctrl("s")
        page.wait_for("Disimpan ke")
        after = surat.read_text(encoding="utf-8")
        page.ctrl("q")
        wait_until(page.session_ended, "the session's end after Ctrl+Q")
    new = 'kegiatan = "Mencatat surat dalam buku agenda surat masuk [segera] \\"cek\\" 📨"\n'
    assert after == before.replace(old, new)
    assert load(surat).sop.langkah[2].kegiatan == 'Mencatat surat dalam buku agenda surat masuk [segera] "cek" 📨'


def test_the_export_dialog_delivers_the_file_to_the_browser(library, tmp_path):
    surat = library / "surat-masuk.sop.toml"
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    log = tmp_path / "serve.log"
    with soptui_serve(surat, log=log) as url, chromium(1280, 800) as driver:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        page = TerminalPage(driver, url, log)
        page.wait_for(TABLE_FOCUSED)
        page.ctrl("e")
        page.wait_for(re.compile(r"\(pdf\)(.|\n)*Keluaran +\S"))  # PDF chosen, output proposed; Enter exports
        page.keys(Keys.ENTER)
        delivered = downloads / "surat-masuk.pdf"
        # The page opens the download at once; were the export slow, the pop-up blocker (on, as in users'
        # browsers) would hold it and the page offer a link instead: the user follows it.
        wait_until(lambda: delivered.is_file() or held_download(driver), "the download or the page's link to it")
        if not delivered.is_file():
            driver.find_element(By.ID, "unduh-tautan").click()
        wait_until(lambda: delivered.is_file() and not list(downloads.glob("*.crdownload")), "the browser's download")
        page.wait_for("Diekspor")
    written = library / "surat-masuk.pdf"
    assert delivered.read_bytes().startswith(b"%PDF") and delivered.read_bytes() == written.read_bytes()


def held_download(driver) -> bool:
    return driver.find_element(By.ID, "unduhan").is_displayed()


def test_the_page_asks_nothing_from_outside_and_offers_a_held_download_as_a_link(library, tmp_path):
    log = tmp_path / "serve.log"
    with soptui_serve(library, log=log) as url, chromium(1280, 800) as driver:
        page = TerminalPage(driver, url, log)
        page.wait_for("Pengelolaan Surat Masuk")  # the library lists its SOPs
        fetched = driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
        assert fetched and all(name.startswith(url) or name.startswith(url.replace("http", "ws")) for name in fetched), fetched
        assert driver.execute_script("return document.documentElement.lang") == "id"
        # a script's window.open, long after any key press, is what a slow export's download meets
        driver.execute_script("window.open(arguments[0] + 'download/abc', '_blank')", url)
        assert held_download(driver) and len(driver.window_handles) == 1
        link = driver.find_element(By.ID, "unduh-tautan")
        assert link.get_attribute("href") == f"{url}download/abc" and driver.switch_to.active_element == link
        driver.find_element(By.CSS_SELECTOR, "#unduhan button").click()  # Tutup: back to the editor's keys
        assert not held_download(driver)
        wait_until(lambda: "xterm-helper-textarea" in driver.switch_to.active_element.get_attribute("class"),
                   "the keys going to the editor again")
