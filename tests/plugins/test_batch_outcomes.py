"""What each file of a batch comes to, in this process: what is written, what each failure
says, when an output counts as up to date, and how the workers report a job that raised,
killed its worker or hung. test_batch_export.py runs the same through ``soptui export``."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time

import pytest
from click.testing import CliRunner

from soptui import batch, workers
from soptui.cli import cli
from soptui.exporters import Exporter, Option
from soptui.ledger import NAME as LEDGER
from soptui.ledger import Ledger
from soptui.loader import load

PLUGINS = """
    from soptui import hookimpl
    from soptui.exporters import Exporter, ExportError

    def fine(input, stream, options):
        stream.write(input.sop.identitas.nama.encode())
        return 2

    def refuses(input, stream, options):
        raise ExportError("kertas terlalu kecil untuk 9 pelaksana")

    def crashes(input, stream, options):
        raise ZeroDivisionError("division by zero")

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="nama", label="Nama", suffix=".txt", write=fine))
        register(Exporter(name="tolak", label="Tolak", suffix=".tolak", write=refuses))
        register(Exporter(name="mogok", label="Mogok", suffix=".mogok", write=crashes))
"""


@pytest.fixture
def plugins(site):
    site.install("soptui-uji", "soptui_uji", PLUGINS, entry_name="uji")


def job(source, tmp_path, *formats, **fields):
    suffixes = {"nama": ".txt", "tolak": ".tolak", "mogok": ".mogok", "json": ".json"}
    targets = tuple(batch.Target(name, tmp_path / "out" / f"hasil{suffixes[name]}") for name in formats)
    return batch.Job(source, targets, **fields)


def test_each_format_of_a_file_fails_or_succeeds_on_its_own(plugins, examples, tmp_path):
    rendered = batch.render_file(job(examples[0], tmp_path, "tolak", "nama", "mogok"))
    name = load(examples[0]).sop.identitas.nama.encode()
    assert [(target.format, data, pages) for target, data, pages in rendered.outputs] == [("nama", name, 2)]
    assert rendered.sha256 == hashlib.sha256(examples[0].read_bytes()).hexdigest()
    assert rendered.failures == [
        ("tolak", "kertas terlalu kecil untuk 9 pelaksana"),
        ("mogok", "eksporter dari plugin uji gagal (ZeroDivisionError: division by zero); laporkan ke pembuat plugin"),
    ]
    outcome = batch.save(rendered)
    assert [(target.format, pages) for target, pages in outcome.written] == [("nama", 2)]
    assert outcome.failed and outcome.failures == rendered.failures
    assert (tmp_path / "out" / "hasil.txt").read_bytes() == rendered.outputs[0][1]
    assert sorted(os.listdir(tmp_path / "out")) == ["hasil.txt"]


def test_the_text_the_editor_holds_is_exported_instead_of_the_file(plugins, examples, tmp_path):
    unsaved = examples[0].read_bytes().replace(b'nama = "', b'nama = "Belum Disimpan ', 1)
    rendered = batch.render_file(job(examples[0], tmp_path, "nama", data=unsaved))
    assert rendered.outputs[0][1].startswith(b"Belum Disimpan ")
    assert rendered.sha256 == hashlib.sha256(unsaved).hexdigest()


def test_a_file_that_does_not_load_fails_once_with_the_loaders_message(plugins, tmp_path):
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text('format = 1\n[identitas\nnama = "x"\n', encoding="utf-8")
    rendered = batch.render_file(job(broken, tmp_path, "nama", "json"))
    assert not rendered.outputs and rendered.sha256 == ""
    [(fmt, reason)] = rendered.failures
    assert fmt is None and reason.startswith(f"{broken}:2:") and " S010 " in reason
    missing = batch.render_file(job(tmp_path / "tidak-ada.sop.toml", tmp_path, "nama"))
    assert missing.failures[0][0] is None and " S010 " in missing.failures[0][1]


def test_strict_refuses_a_file_with_checker_errors_naming_the_first(plugins, examples, tmp_path):
    source = tmp_path / "cuti.sop.toml"
    source.write_text(examples[0].read_text(encoding="utf-8").replace('pelaksana = "', 'pelaksana = "tidak-ada-', 2),
                      encoding="utf-8")
    rendered = batch.render_file(job(source, tmp_path, "nama", strict=True))
    [(fmt, reason)] = rendered.failures
    assert fmt is None and not rendered.outputs
    assert reason.startswith(f"ditolak karena --strict: 2 galat pemeriksaan, yang pertama: {source}:")
    assert " S004 " in reason
    assert batch.render_file(job(examples[0], tmp_path, "nama", strict=True)).failures == []
    assert batch.render_file(job(source, tmp_path, "nama")).failures == []  # without --strict it is exported


def test_a_file_whose_outputs_are_all_up_to_date_is_not_even_read(plugins, tmp_path):
    skipped = batch.Target("nama", tmp_path / "out" / "a.txt")
    rendered = batch.render_file(batch.Job(tmp_path / "tidak-ada.sop.toml", (), (skipped,)))
    assert (rendered.outputs, rendered.failures, rendered.skipped) == ([], [], [skipped])


def test_an_output_that_cannot_be_written_fails_and_names_the_path(plugins, examples, tmp_path):
    (tmp_path / "out").write_text("a file where the folder should be")
    outcome = batch.export_file(job(examples[0], tmp_path, "nama"))
    [(fmt, reason)] = outcome.failures
    assert fmt == "nama" and str(tmp_path / "out" / "hasil.txt") in reason and not outcome.written


@pytest.mark.parametrize(("why", "text"), [
    (workers.Lost("timeout", "format pdf (plugin pdf)", 2.5),
     "dihentikan setelah 2.5 detik saat mengerjakan format pdf (plugin pdf); eksporter itu mungkin macet"),
    (workers.Lost("timeout", "", 300.0), "dihentikan setelah 300 detik saat mengerjakan membaca berkas SOP;"),
    (workers.Lost("error", "format json (plugin json)", error="KeyError: 'x'"),
     "galat tak terduga saat mengerjakan format json (plugin json): KeyError: 'x'; laporkan"),
    (workers.Lost("died", "format pptx (plugin pptx)"),
     "proses pekerja berhenti mendadak saat mengerjakan berkas ini (format pptx (plugin pptx);"),
    (workers.Lost("died"), "proses pekerja berhenti mendadak saat mengerjakan berkas ini (membaca berkas SOP;"),
])
def test_what_the_user_is_told_about_a_file_whose_worker_gave_no_result(why, text):
    assert batch.lost_reason(why).startswith(text)


def run_export(*args: str):
    return CliRunner().invoke(cli, ["export", *args])


def test_an_output_removed_since_is_made_again(library, tmp_path):
    out = tmp_path / "dist"
    assert run_export(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    (out / "keuangan" / "pengajuan-cuti.json").unlink()
    assert "1 keluaran ditulis, 2 dilewati" in run_export(str(library), "-f", "json", "-o", str(out)).output
    assert (out / "keuangan" / "pengajuan-cuti.json").exists()


def test_up_to_date_outputs_are_found_from_any_working_folder(library, tmp_path, monkeypatch):
    out = tmp_path / "dist"
    assert run_export(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    monkeypatch.chdir(library / "keuangan")
    assert "0 keluaran ditulis, 3 dilewati" in run_export(str(library), "-f", "json", "-o", str(out)).output


def test_a_batch_that_writes_nothing_leaves_the_ledger_alone(library, tmp_path):
    out = tmp_path / "dist"
    assert run_export(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    ledger = out / LEDGER
    before = ledger.stat()
    assert before.st_mode & 0o777 == 0o644  # readable by whoever shares the output folder
    assert "3 dilewati" in run_export(str(library), "-f", "json", "-o", str(out)).output
    assert (ledger.stat().st_ino, ledger.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    entries = json.loads(ledger.read_text(encoding="utf-8"))
    assert entries["versi"] == 1 and sorted(entries["keluaran"]) == [
        os.path.join("biro-umum", "laporan-kinerja.json"), os.path.join("keuangan", "2024", "surat-masuk.json"),
        os.path.join("keuangan", "pengajuan-cuti.json")]


@pytest.mark.parametrize("ledger", [
    lambda entries: {"versi": 2, "keluaran": entries},  # another version's record is not read
    lambda entries: [entries],
    lambda entries: {"versi": 1, "keluaran": list(entries)},
    lambda entries: "{rusak",
])
def test_a_ledger_soptui_cannot_read_means_every_output_is_made_again(library, tmp_path, ledger):
    out = tmp_path / "dist"
    assert run_export(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    entries = json.loads((out / LEDGER).read_text(encoding="utf-8"))["keluaran"]
    replaced = ledger(entries)
    (out / LEDGER).write_text(replaced if isinstance(replaced, str) else json.dumps(replaced), encoding="utf-8")
    result = run_export(str(library), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and "3 keluaran ditulis, 0 dilewati" in result.output
    assert json.loads((out / LEDGER).read_text(encoding="utf-8"))["versi"] == 1


def test_the_ledger_merges_what_another_batch_recorded_meanwhile(tmp_path):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "a.json").write_text("a")
    (out / "b.json").write_text("b")
    first, second = Ledger(out, {"json": "r1"}), Ledger(out, {"json": "r1"})
    first.record(out / "a.json", "json", "sha-a")
    second.record(out / "b.json", "json", "sha-b")
    first.save()
    second.save()
    again = Ledger(out, {"json": "r1"})
    assert again.up_to_date(out / "a.json", "json", "sha-a") and again.up_to_date(out / "b.json", "json", "sha-b")
    assert not again.up_to_date(out / "a.json", "json", "sha-b")
    assert not Ledger(out, {"json": "r2"}).up_to_date(out / "a.json", "json", "sha-a")  # another recipe


OPTIONS = {"opsi": Exporter("opsi", "Opsi", ".txt", write=None, options=(
    Option("kertas", str, "A4", choices=("A4", "F4")), Option("salinan", int, 1), Option("warna", bool, True))),
    "lain": Exporter("lain", "Lain", ".lain", write=None, options=(Option("salinan", int, 3),))}


@pytest.mark.parametrize(("given", "message"), [
    ("salinan=dua", 'opsi opsi.salinan = "dua" bukan int yang sah'),
    ("opsi.warna=mungkin", 'opsi opsi.warna = "mungkin" bukan bool yang sah'),
    ("kertas=B5", 'opsi opsi.kertas = "B5"; pilih salah satu dari: A4, F4'),
    ("tinta=biru", 'opsi "tinta" tidak dikenal oleh format yang dipilih; opsi yang ada: opsi.kertas, opsi.salinan,'
                   " opsi.warna, lain.salinan"),
    ("kertas", 'opsi "kertas" harus berbentuk NAMA=NILAI, mis. -O paper=F4'),
])
def test_a_bad_option_is_told_with_its_format_name_and_value(given, message):
    with pytest.raises(ValueError) as caught:
        batch.resolve_options(OPTIONS, [given])
    assert str(caught.value) == message


def test_options_apply_to_every_format_that_has_them_unless_a_format_is_named():
    assert batch.resolve_options(OPTIONS, ["salinan=2", " warna = Tidak ", "kertas=F4"]) == {
        "opsi": {"kertas": "F4", "salinan": 2, "warna": False}, "lain": {"salinan": 2}}
    assert batch.resolve_options(OPTIONS, ["lain.salinan=5", "opsi.warna=ya"]) == {
        "opsi": {"kertas": "A4", "salinan": 1, "warna": True}, "lain": {"salinan": 5}}
    for word, value in (("true", True), ("YES", True), ("1", True), ("false", False), ("no", False), ("0", False)):
        assert batch.resolve_options(OPTIONS, [f"warna={word}"])["opsi"]["warna"] is value


# Jobs for workers.run: module-level, as a worker (forked or spawned) finds them by name.
def work(job: tuple[str, int]) -> str:
    kind, number = job
    workers.note(f"pekerjaan {number}")
    if kind == "raise":
        raise ValueError(f"rusak {number}")
    if kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "hang":
        while True:
            time.sleep(0.05)
    return f"{kind} {number}"


def lost(job: tuple[str, int], why: workers.Lost) -> str:
    return f"lost {job[1]}: {why.kind} ({why.doing}) {why.error}{why.limit or ''}".rstrip()


def test_every_job_gives_one_result_however_it_ends():
    jobs = [("ok", 1), ("raise", 2), ("ok", 3), ("die", 4), ("ok", 5), ("ok", 6), ("ok", 7)]
    results = list(workers.run(work, jobs, 2, lost))
    assert sorted(results) == sorted([
        "ok 1", "lost 2: error (pekerjaan 2) ValueError: rusak 2", "ok 3", "lost 4: died (pekerjaan 4)",
        "ok 5", "ok 6", "ok 7"])


def test_a_job_past_the_time_limit_is_stopped_and_the_rest_go_on():
    started = time.monotonic()
    results = list(workers.run(work, [("hang", 1), ("ok", 2), ("ok", 3)], 2, lost, timeout=2))
    assert sorted(results) == ["lost 1: timeout (pekerjaan 1) 2", "ok 2", "ok 3"]
    assert time.monotonic() - started < 60  # stopped, not waited for


def test_a_cancelled_run_ends_its_workers_and_gives_no_more_results():
    started = time.monotonic()
    results = list(workers.run(work, [("hang", 1)], 1, lost, cancelled=lambda: time.monotonic() > started + 0.5))
    assert results == []


def test_a_fresh_interpreter_runs_jobs_too():
    assert list(workers.run(work, [("ok", 1)], 1, lost, fresh=True)) == ["ok 1"]
