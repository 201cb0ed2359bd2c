"""Any sequence of editor edits saves to a file that loads back as the same SOP,
and undoing them all gives back the SOP as loaded (hypothesis, generated SOPs)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.corpus import generate_sop
from soptui.loader import load
from soptui.store import save
from soptui.tui import edits
from soptui.tui.document import Document

EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "move", "duplicate", "rename", "text", "actor"]),
    st.integers(0, 60),
    st.integers(-3, 3),
)


def apply(sop, edit):
    kind, position, delta = edit
    index = position % len(sop.langkah)
    if kind == "insert":
        return edits.insert_step(sop, index, edits.new_step(sop, index))
    if kind == "delete" and len(sop.langkah) > 2:
        return edits.delete_step(sop, index)
    if kind == "move":
        return edits.move_step(sop, index, delta)
    if kind == "duplicate":
        return edits.duplicate_step(sop, index)
    if kind == "rename":
        taken = {s.id for s in sop.langkah}
        return edits.set_step(sop, index, id=edits.unique_id(f"baru-{position}", taken))
    if kind == "text":
        return edits.set_step(sop, index, kegiatan=f'Kegiatan # {position} "dikutip"', waktu=f"{abs(delta) + 1} menit")
    actor = sop.pelaksana[position % len(sop.pelaksana)].id
    return edits.set_step(sop, index, pelaksana=actor)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), changes=st.lists(EDIT, min_size=1, max_size=12))
def test_edits_save_losslessly_and_undo_to_the_loaded_sop(tmp_path, seed, changes):
    path = tmp_path / f"sop-{seed}.sop.toml"
    path.unlink(missing_ok=True)
    save(generate_sop(seed), path)
    document = Document.open(path)
    loaded = document.sop
    for change in changes:
        document.history.apply(apply(document.sop, change))
    edited = document.sop
    document.save()
    assert load(path).sop == edited
    while document.history.undo():
        pass
    assert document.sop == loaded
