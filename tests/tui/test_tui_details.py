"""The smaller faults seen at 80x24, 120x40 and 200x50, each fixed and kept fixed.

Masalah's detail kept a stale finding; branch targets showed a step's old
text; new step ids did not follow the numbering; the preview scrolled one
column per key and Home went up; the side preview at 200x50 did not follow
the step; the step table at 120x40 cut ``Simbo``; the library at 80 columns
hid its columns and its count did not follow the filter; Enter selected the
whole Kegiatan; Down in Identitas left the field off screen; new keys went
under the next table's comments; Textual's English showed in Indonesian.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from soptui.loader import load
from tests.tui.helpers import make_app, screen_text, settle


async def test_the_detail_of_masalah_follows_the_findings(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app, 0.4)
        editor = app.screen
        await pilot.press("f6")
        await settle(pilot, app)
        detail = editor.query_one("#finding-detail")
        assert "I003" in str(detail.render())  # cek-alamat has no output
        editor.commit(editor.sop.with_step(1, output="Alamat diperiksa"))
        await settle(pilot, app, 0.5)
        assert not editor.findings and str(detail.render()).strip() == ""


async def test_branch_targets_show_a_steps_new_text(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        editor.commit(editor.sop.with_step(6, kegiatan="Mengembalikan surat salah alamat"))
        await pilot.press("down")  # cek-alamat: Tidak -> kembalikan (step 7)
        await settle(pilot, app)
        label = editor.query_one("#step-tidak SelectCurrent").label
        assert "7. Mengembalikan surat salah alamat (kembalikan)" in label.plain


async def test_a_new_step_is_named_after_its_number(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("down", "down", "ctrl+n")  # after step 3: it is step 4
        await settle(pilot, app)
        assert editor.sop.langkah[3].id == "langkah-4"
        await pilot.press("escape")
        editor.steps.select(len(editor.sop.langkah) - 1)
        await pilot.press("ctrl+n")  # after the last: step 10
        await settle(pilot, app)
        assert editor.sop.langkah[-1].id == "langkah-10"


async def test_a_choice_keeps_its_value_when_its_list_is_refreshed(surat):
    """Focusing a step's Pelaksana refreshes its entries; the actor shown must stay the step's."""
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("down", "down", "down", "down", "ctrl+n", *"Memeriksa disposisi", "down")
        await settle(pilot, app)
        choice = editor.query_one("#step-pelaksana")
        assert app.focused is choice and choice.value == editor.sop.langkah[5].pelaksana == "kepala"
        await pilot.press("enter", *"Staf", "enter")
        await settle(pilot, app)
        assert editor.sop.langkah[5].pelaksana == choice.value == "staf"
        assert "Staf Tata Usaha" in choice.query_one("SelectCurrent").label.plain


async def test_the_preview_scrolls_a_column_at_a_time_and_home_goes_left(surat):
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("f5")
        await settle(pilot, app, 0.5)
        preview = app.screen.query_one("#preview-pane")
        assert preview.max_scroll_x > 12 and preview.max_scroll_y > 0
        await pilot.press("right")
        assert preview.scroll_x == 12
        await pilot.press("ctrl+end", "end")
        await pilot.pause()
        assert (preview.scroll_x, preview.scroll_y) == (preview.max_scroll_x, preview.max_scroll_y)
        await pilot.press("home")
        await pilot.pause()
        assert (preview.scroll_x, preview.scroll_y) == (0, preview.max_scroll_y)  # Home: the left edge, not the top
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert preview.scroll_y == 0


async def test_the_side_preview_follows_the_selected_step_at_200x50(surat):
    app = make_app(surat)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot, app, 0.5)
        editor = app.screen
        preview = editor.query_one("#steps-preview")
        for _ in range(6):
            await pilot.press("down")
        await settle(pilot, app, 0.5)
        assert preview.selected == editor.sop.langkah[6].id == "kembalikan"
        box = next(s.box for s in preview.page.symbols if s.step_id == "kembalikan")
        assert preview.scroll_y <= box.y < preview.scroll_y + preview.size.height
        assert "kembalikan" not in [s.step_id for s in preview.page.symbols if s.box.y < preview.scroll_y]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 45)])
async def test_the_step_table_shows_whole_columns(surat, size):
    app = make_app(surat)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one("#step-table")
        assert {"no", "kegiatan", "pelaksana", "simbol"} <= set(table.widths)
        assert sum(width + 2 for width in table.widths.values()) <= table.size.width
        header = screen_text(app).splitlines()[3]
        for label in ("Kegiatan", "Pelaksana", "Simbol"):
            assert label in header


async def test_the_library_at_80_columns_fits_and_counts_what_the_filter_shows(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one("#library-table")
        assert {"nomor", "nama", "errors", "warnings"} <= set(table.widths)
        assert sum(width + 2 for width in table.widths.values()) <= table.size.width
        assert "3 berkas SOP" in screen_text(app)
        await pilot.press(*"cuti")
        await settle(pilot, app)
        assert "1 dari 3 berkas SOP" in screen_text(app)


async def test_enter_on_a_step_puts_the_cursor_after_its_text(surat):
    app = make_app(surat)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        kegiatan = editor.sop.langkah[0].kegiatan
        await pilot.press("enter", *" segera")
        assert editor.sop.langkah[0].kegiatan == kegiatan + " segera"


async def test_down_in_identitas_goes_field_by_field_and_keeps_it_in_view(surat):
    app = make_app(surat)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        await pilot.press("f2")
        await settle(pilot, app)
        pane = editor.query_one("#identity-pane")
        seen = []
        for _ in range(20):  # a list takes ↓ item by item, then gives it to the next field
            await pilot.press("down")
            await settle(pilot, app)
            focused = app.focused
            seen.append(focused.id or type(focused).__name__)
            assert pane.region.contains_region(focused.region), f"{seen[-1]} is out of sight"
        assert "ident-tanggal_revisi" in seen and "signer-jabatan" in seen


async def test_keys_a_new_sop_gets_go_where_the_template_shows_them(library):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n", *"Surat Keluar", "enter")
        await settle(pilot, app)
        editor = app.screen
        from soptui.model import Signer

        editor.commit(editor.sop.with_identity(logo="logo.png", disahkan_oleh=Signer("Kepala Dinas", "Ani", "1")))
        await pilot.press("f2")
        editor.set_focus(editor.query_one("#ident-tanggal_revisi"))
        await pilot.press(*"01/07/2025", "ctrl+s")
        await settle(pilot, app)
    text = (library / "surat-keluar.sop.toml").read_text(encoding="utf-8")
    assert '# logo = "logo.png"\nlogo = "logo.png"\n' in text
    assert "# tanggal_revisi = 2024-06-01\ntanggal_revisi = 2025-07-01\n" in text
    assert '# pangkat = "Pembina (IV/a)"\n\n[identitas.disahkan_oleh]\njabatan = "Kepala Dinas"' in text
    signer_to_actors = text.split("\n[identitas.disahkan_oleh]\n")[1].split("[[pelaksana]]")[0]
    assert signer_to_actors.startswith('jabatan = "Kepala Dinas"\nnama = "Ani"\nnip = "1"\n\n# Pelaksana: satu kolom')
    assert load(library / "surat-keluar.sop.toml").sop.identitas.disahkan_oleh.nama == "Ani"


TEXTUAL_WORDS = """
import json, sys
from soptui.i18n import set_language
set_language(sys.argv[1])
from pathlib import Path
from soptui.tui.app import SopApp
from soptui.tui.paths import Jail
seen = {}
async def look(pilot):
    app = pilot.app
    while getattr(app.focused, "id", None) != "step-table":  # the editor is up
        await pilot.pause(0.1)
    app.screen.set_focus(app.screen.query_one("#step-simbol"))
    await pilot.press("enter")
    while type(app.focused).__name__ != "ChoiceOverlay":
        await pilot.pause(0.1)
    seen["footer"] = [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]
    seen["menu"] = [binding[2] for binding in type(app.focused).BINDINGS]  # what the open menu says of Escape
    await pilot.press("escape", "ctrl+p")
    await pilot.pause(0.3)
    seen["palette"] = app.screen.query_one("CommandInput").placeholder
    seen["commands"] = [c.title for c in app.get_system_commands(app.screen.query_one("CommandInput").screen)]
    await pilot.press(*"qqqzzz")
    await pilot.pause(1.0)
    seen["none"] = [str(o.prompt.renderable) for o in app.screen.query_one("CommandList")._options]
    app.exit()
path = Path(sys.argv[2])
SopApp(path, Jail(path.parent)).run(headless=True, size=(100, 30), auto_pilot=look)
print(json.dumps(seen))
"""


@pytest.mark.parametrize(
    ("lang", "words", "english"),
    [("id", ["Tutup menu", "Cari perintah…", "Tema", "Tidak ada yang cocok"],
      ["Dismiss menu", "Search for commands…", "Theme", "No matches found"]),
     ("en", ["Close menu", "Search for commands…", "Theme", "No matches found"], ["Tutup menu", "Tema"])],
)
def test_textuals_own_words_are_in_the_interface_language(surat, lang, words, english):
    """The language is fixed before the editor is imported, as the CLI does: a process per language."""
    out = subprocess.run([sys.executable, "-c", TEXTUAL_WORDS, lang, str(surat)], capture_output=True, text=True,
                         timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1]) if out.stdout.strip() else {}
    shown = json.dumps(seen, ensure_ascii=False)
    assert seen, out.stderr[-3000:]
    for word in words:
        assert word in shown, shown
    for word in english:
        assert f'"{word}"' not in shown, shown
