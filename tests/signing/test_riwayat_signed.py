"""The editor's Riwayat tab names the signed PDF next to the file: who, when, changed since?"""

from __future__ import annotations

from tests.signing.conftest import PASSPHRASE, soptui
from tests.tui.helpers import make_app, settle


def _line(app) -> str:
    line = app.screen.query_one("#signed-pdf")
    return str(line.render()) if line.display else ""


async def test_riwayat_shows_who_signed_and_whether_the_source_changed(ready, credentials):
    pdf, toml = ready
    assert soptui("tandatangan", pdf, "--p12", credentials.p12, env={"SOPTUI_SANDI": PASSPHRASE}).returncode == 0
    pdf.unlink()  # the unsigned copy is not what the line is about
    app = make_app(toml)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        await pilot.press("f7")
        await settle(pilot, app)
        shown = _line(app)
        assert "pengajuan-cuti.ttd.pdf" in shown and "Dr. Yohanes Bere" not in shown and "YOHANES BERE" in shown
        assert "tidak berubah" in shown
        from soptui.tui import edits

        app.screen.commit(edits.set_step(app.screen.sop, 1, waktu="45 menit"))  # an edit, not yet saved
        await settle(pilot, app)
        assert "BERUBAH" in _line(app) and "2 perubahan" in _line(app)  # the step's waktu and the total


async def test_no_signed_pdf_no_line(ready):
    _, toml = ready  # only the ready (unsigned) PDF is next to it
    app = make_app(toml)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, app)
        await pilot.press("f7")
        await settle(pilot, app)
        assert _line(app) == ""
