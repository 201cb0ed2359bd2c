"""The flow the spec's defaults give: which arrows leave each step, with which branch and
label, where it starts and ends. Every exporter and the checker draw from this, so each
test states the whole answer (every edge, nothing else), not one part of it."""

from __future__ import annotations

from soptui.flow import DEFAULT_LABEL_TIDAK, DEFAULT_LABEL_YA, Edge, derive_flow
from soptui.model import Step


def steps(*specs: str, **fields: dict) -> tuple[Step, ...]:
    """Steps named by ``specs``; ``fields[id]`` gives a step its other keys."""
    return tuple(Step(id=name, **fields.get(name, {})) for name in specs)


def test_a_two_step_sop_runs_from_its_start_to_its_end():
    flow = derive_flow(steps("mulai", "selesai"))
    assert flow.symbols == {"mulai": "terminator", "selesai": "terminator"}
    assert flow.successors == {"mulai": (Edge("mulai", "selesai", "lanjut"),), "selesai": ()}
    assert (flow.start, flow.ends, flow.main_path) == ("mulai", ("selesai",), ("mulai", "selesai"))


def test_a_decision_without_labels_prints_ya_and_tidak():
    flow = derive_flow(steps("mulai", "cek", "proses", "selesai", cek={"simbol": "keputusan", "tidak": "mulai"}))
    assert (DEFAULT_LABEL_YA, DEFAULT_LABEL_TIDAK) == ("Ya", "Tidak")
    assert flow.symbols == {"mulai": "terminator", "cek": "keputusan", "proses": "proses", "selesai": "terminator"}
    assert flow.successors["cek"] == (Edge("cek", "proses", "ya", "Ya"), Edge("cek", "mulai", "tidak", "Tidak"))
    assert flow.edges == (
        Edge("mulai", "cek", "lanjut"),
        Edge("cek", "proses", "ya", "Ya"),
        Edge("cek", "mulai", "tidak", "Tidak"),
        Edge("proses", "selesai", "lanjut"),
    )


def test_a_decision_with_its_own_labels_and_targets():
    flow = derive_flow(steps("mulai", "cek", "lengkap", "kembalikan", "selesai", cek={
        "simbol": "keputusan", "ya": "kembalikan", "tidak": "lengkap", "label_ya": "Benar", "label_tidak": "Salah"}))
    assert flow.successors["cek"] == (Edge("cek", "kembalikan", "ya", "Benar"), Edge("cek", "lengkap", "tidak", "Salah"))


def test_a_decision_without_tidak_has_only_its_ya_arrow():
    flow = derive_flow(steps("mulai", "cek", "selesai", cek={"simbol": "keputusan"}))
    assert flow.successors["cek"] == (Edge("cek", "selesai", "ya", "Ya"),)


def test_a_decision_as_last_step_has_no_following_step_to_say_ya_to():
    flow = derive_flow(steps("mulai", "cek", cek={"simbol": "keputusan", "tidak": "mulai"}))
    assert flow.successors["cek"] == (Edge("cek", "mulai", "tidak", "Tidak"),)
    assert flow.ends == ()


def test_a_process_goes_to_lanjut_and_the_last_process_goes_nowhere():
    flow = derive_flow(steps("mulai", "a", "b", "c", a={"lanjut": "c"}, c={"simbol": "proses"}))
    assert flow.successors == {
        "mulai": (Edge("mulai", "a", "lanjut"),), "a": (Edge("a", "c", "lanjut"),),
        "b": (Edge("b", "c", "lanjut"),), "c": (),
    }
    assert flow.ends == () and flow.main_path == ("mulai", "a", "c")


def test_targets_that_name_no_step_are_left_to_the_checker():
    flow = derive_flow(steps("mulai", "cek", "selesai", cek={"simbol": "keputusan", "ya": "hilang", "tidak": "juga"}))
    assert flow.successors["cek"] == ()


def test_a_terminator_in_the_middle_ends_the_flow_there():
    flow = derive_flow(steps("mulai", "tolak", "proses", "selesai", tolak={"simbol": "terminator"}))
    assert flow.ends == ("tolak", "selesai")
    assert flow.successors["tolak"] == ()
    assert flow.main_path == ("mulai", "tolak")


def test_a_first_step_drawn_as_a_terminator_is_the_start_not_an_end():
    flow = derive_flow(steps("mulai", "selesai", mulai={"simbol": "terminator"}))
    assert flow.ends == ("selesai",) and flow.successors["mulai"] == (Edge("mulai", "selesai", "lanjut"),)


def test_a_duplicate_id_keeps_the_first_step_and_the_steps_after_it():
    flow = derive_flow(steps("mulai", "a", "a", "b", "selesai", a={"kegiatan": "x"}))
    assert list(flow.successors) == ["mulai", "a", "b", "selesai"]
    assert flow.successors["b"] == (Edge("b", "selesai", "lanjut"),)
    assert flow.ends == ("selesai",)


def test_no_steps_no_start():
    flow = derive_flow(())
    assert (flow.start, flow.ends, flow.main_path, flow.edges) == (None, (), (), ())


def test_the_main_path_takes_ya_first_then_the_first_step_not_yet_on_it():
    ya_first = derive_flow(steps("mulai", "cek", "proses", "selesai", cek={"simbol": "keputusan", "tidak": "selesai"}))
    assert ya_first.main_path == ("mulai", "cek", "proses", "selesai")
    back = derive_flow(steps("mulai", "cek", "proses", "selesai", cek={"simbol": "keputusan", "ya": "mulai", "tidak": "selesai"}))
    assert back.main_path == ("mulai", "cek", "selesai")
    looping = derive_flow(steps("mulai", "a", "b", "selesai", b={"lanjut": "a"}))
    assert looping.main_path == ("mulai", "a", "b")
