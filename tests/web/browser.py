"""Headless Chromium for the browser tests: Debian's chromium and chromedriver.

No network: the machine's is closed, and the flags keep Chromium from
trying (no background networking, no component updates, no sync, no QUIC).
Each driver gets a fresh profile folder. axe-core comes from .ci/npm,
installed by .ci/install-npm-packages; missing, the tests fail and say so.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--force-device-scale-factor=1")
MIN_WINDOW_WIDTH = 500  # headless Chromium's windows are never narrower; below, the viewport is emulated


@contextmanager
def chromium(width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium_path, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium_path and driver_path, "install Debian's chromium and chromium-driver (.ci/install-debian-packages)"
    profile = tempfile.mkdtemp(prefix="soptui-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path
    options.add_experimental_option("excludeSwitches", ["disable-popup-blocking"])  # chromedriver's; users block pop-ups
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={max(width, MIN_WINDOW_WIDTH)},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        driver.set_page_load_timeout(60)
        if width < MIN_WINDOW_WIDTH:  # a phone: the page gets the phone's viewport, as on the device
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def axe_violations(driver, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the open page; the violations of these impacts."""
    assert AXE.is_file(), f"{AXE} missing: run bash .ci/install-npm-packages"
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:200] for n in v["nodes"][:3]]}
            for v in result if v["impact"] in impacts]
