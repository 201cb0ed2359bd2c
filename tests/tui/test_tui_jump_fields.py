"""A finding on any key of a step leads to that key's own field (Masalah, Enter).

The step form's fields are not listed anywhere but in the form: the keys it
can be asked for are the file format's (soptui.fields.STEP). A key added to
the format without its field in the form fails here.
"""

from __future__ import annotations

from soptui.fields import STEP
from soptui.tui.screens.editor import EditorScreen
from tests.tui.helpers import make_app, settle

#: Keys shown only for a decision (ya, tidak and their labels) or only for the other steps (lanjut).
DECISION_ONLY = ("ya", "tidak", "label_ya", "label_tidak")


async def test_a_finding_on_each_key_of_a_step_focuses_its_field(surat):
    app = make_app(surat)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        decision = next(i for i, step in enumerate(editor.sop.langkah) if step.simbol == "keputusan")
        process = 0
        for key in STEP:
            editor.jump(("langkah", decision if key in DECISION_ONLY else process, key))
            await settle(pilot, app)
            assert app.focused is not None and app.focused.id == f"step-{key}", key
