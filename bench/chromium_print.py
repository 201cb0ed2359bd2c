"""One reused headless Chromium printing many HTML pages to PDF: the best a web SOP app can do.

Run by bench/pdf.py as a whole process (this script, chromedriver and every
Chromium process in one measured group): python bench/chromium_print.py HTML_DIR OUT_DIR
"""

from __future__ import annotations

import base64
import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.print_page_options import PrintOptions

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")


def main(pages: Path, out: Path) -> None:
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        printing = PrintOptions()
        printing.orientation = "landscape"
        printing.page_width, printing.page_height = 21.0, 29.7
        for page in sorted(pages.glob("*.html")):
            driver.get(page.as_uri())
            (out / f"{page.stem}.pdf").write_bytes(base64.b64decode(driver.print_page(printing)))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
