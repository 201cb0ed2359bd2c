"""The preview draws the layout; the export dialog writes a file off the UI thread."""

from __future__ import annotations

from pypdf import PdfReader

from soptui.loader import load
from soptui.tui.canvas import draw_page
from soptui.tui.document import recovery_path
from soptui.tui.widgets.preview import PreviewPane, preview_layout
from tests.tui.helpers import make_app, settle


def text_of(canvas) -> str:
    return "\n".join("".join(row) for row in canvas.chars)


def test_canvas_draws_symbols_arrows_and_branch_labels(surat):
    sop = load(surat).sop
    canvas = draw_page(preview_layout(sop).pages[0], selected="agenda")
    text = text_of(canvas)
    assert "Salah alamat" in text and "Benar" in text  # the decision's own labels
    assert "( 1 )" in text and "< 2 >" in text and "│ 3 │" in text  # terminator, decision, process
    assert "▼" in text and "◀" in text  # arrowheads down and back
    selected = {(x, y) for y, row in enumerate(canvas.styles) for x, style in enumerate(row) if style == "selected"}
    assert selected, "the selected step is highlighted"


async def test_preview_follows_the_selected_step_and_redraws_after_an_edit(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app, delay=0.3)
        editor = app.screen
        for _ in range(6):
            await pilot.press("down")
        await pilot.press("f5")
        await settle(pilot, app, delay=0.3)
        preview = editor.query_one("#preview-pane", PreviewPane)
        assert preview.selected == "kembalikan"
        assert preview.scroll_y > 0  # step 7 is far down the drawing
        await pilot.press("f4", "ctrl+n", *"Memeriksa ulang")
        await pilot.press("f5")
        await settle(pilot, app, delay=0.3)
        assert "│ 9 │" in text_of(preview.canvas) or "( 9 )" in text_of(preview.canvas)


async def test_export_dialog_writes_a_pdf_and_names_it(surat):
    app = make_app(surat)
    notes = []
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        assert app.screen.id == "export-dialog"
        await pilot.click("#export-run")
        for _ in range(300):  # the export runs in a worker, started once the click is handled: wait for its notice
            await settle(pilot, app, 0.1)
            notes = [n.message for n in app._notifications]
            if any("surat-masuk.pdf" in note for note in notes):
                break
    pdf = surat.with_name("surat-masuk.pdf")
    assert pdf.exists() and len(PdfReader(pdf).pages) >= 2
    assert any("surat-masuk.pdf" in note for note in notes)


async def test_export_refuses_an_output_outside_root(surat, library):
    app = make_app(surat, root=library)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        output = app.screen.query_one("#export-output")
        output.value = "../bocor.pdf"
        await pilot.click("#export-run")
        await settle(pilot, app)
        assert "di luar" in str(app.screen.query_one("#export-error").render())
    assert not (library.parent / "bocor.pdf").exists()


async def test_wide_terminal_shows_the_preview_beside_the_steps_and_redraws_while_typing(surat):
    app = make_app(surat)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot, app, delay=0.3)
        beside = app.screen.query_one("#steps-preview", PreviewPane)
        assert beside.display and beside.canvas is not None
        await pilot.press("ctrl+n", *"Memindai surat")
        await settle(pilot, app, delay=0.3)
        assert "Memindai surat" in text_of(beside.canvas)
    # The edit above is unsaved: under load the autosave tick may have kept it
    # in a recovery file, which the next start would rightly offer first.
    recovery_path(surat).unlink(missing_ok=True)
    narrow = make_app(surat)
    async with narrow.run_test(size=(100, 32)) as pilot:
        await settle(pilot, narrow, delay=0.3)
        assert not narrow.screen.query_one("#steps-preview", PreviewPane).display


async def test_export_dialog_proposes_the_configured_export_folder(surat, monkeypatch):
    (surat.parent / "keluaran").mkdir()
    monkeypatch.setenv("SOPTUI_EXPORT_DIR", "keluaran")
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        await pilot.click("#export-run")
        await settle(pilot, app)
    assert (surat.parent / "keluaran" / "surat-masuk.pdf").exists()
    assert not surat.with_name("surat-masuk.pdf").exists()
