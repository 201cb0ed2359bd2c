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
    import os
    import signal
    import time
    from soptui import hookimpl
    from soptui.exporters import Exporter, ExportError, Option

    def fine(input, stream, options):
        stream.write(input.sop.identitas.nama.encode())
        return 2

    def refuses(input, stream, options):
        raise ExportError("kertas terlalu kecil untuk 9 pelaksana")

    def crashes(input, stream, options):
        raise ZeroDivisionError("division by zero")

    def trace(input, stream, options):
        stream.write(repr((str(input.path), input.source_sha256, input.source, sorted(options.items()))).encode())

    def dies(input, stream, options):
        os.kill(os.getpid(), signal.SIGKILL)

    def hangs(input, stream, options):
        while True:
            time.sleep(0.05)

    def not_secret(sop, report):
        if "Rahasia" in sop.identitas.nama:
            report("SOP rahasia tidak diterbitkan", "identitas.nama")

    @hookimpl
    def register_checks(register):
        register("X101", "error", not_secret)

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="nama", label="Nama", suffix=".txt", write=fine))
        register(Exporter(name="tolak", label="Tolak", suffix=".tolak", write=refuses))
        register(Exporter(name="mogok", label="Mogok", suffix=".mogok", write=crashes))
        register(Exporter(name="jejak", label="Jejak", suffix=".jejak", write=trace, options=(Option("salinan", int, 1),)))
        register(Exporter(name="mati", label="Mati", suffix=".mati", write=dies))
        register(Exporter(name="macet", label="Macet", suffix=".macet", write=hangs))
"""


@pytest.fixture
def plugins(site):
    site.install("soptui-uji", "soptui_uji", PLUGINS, entry_name="uji")


def job(source, tmp_path, *formats, **fields):
    suffixes = {"nama": ".txt", "tolak": ".tolak", "mogok": ".mogok", "json": ".json", "jejak": ".jejak", "mati": ".mati",
                "macet": ".macet"}
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


def test_the_exporter_gets_the_file_its_bytes_and_its_options(plugins, examples, tmp_path):
    data = examples[0].read_bytes()
    given = job(examples[0], tmp_path, "jejak", options={"jejak": {"salinan": 3}})
    rendered = batch.render_file(given)
    assert rendered.source == examples[0]
    [(_, written, _)] = rendered.outputs
    assert written == repr((str(examples[0]), hashlib.sha256(data).hexdigest(), data, [("salinan", 3)])).encode()
    outcome = batch.save(rendered)
    assert outcome.source == examples[0]
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out" / "hasil.jejak").stat().st_mode & 0o777 == 0o666 & ~umask  # as a new file gets, not private


def test_a_failed_write_does_not_stop_the_next_output_of_the_file(plugins, examples, tmp_path):
    (tmp_path / "berkas").write_text("")
    targets = (batch.Target("nama", tmp_path / "berkas" / "a.txt"), batch.Target("jejak", tmp_path / "ok" / "b.jejak"))
    outcome = batch.export_file(batch.Job(examples[0], targets))
    [(fmt, reason)] = outcome.failures
    assert fmt == "nama" and reason.startswith(f"{tmp_path / 'berkas' / 'a.txt'} tidak dapat ditulis: File exists;")
    assert [target.format for target, _ in outcome.written] == ["jejak"] and (tmp_path / "ok" / "b.jejak").exists()


def test_strict_counts_the_rules_of_plugins_too(plugins, examples, tmp_path):
    secret = tmp_path / "rahasia.sop.toml"
    secret.write_bytes(examples[0].read_bytes().replace(b'nama = "', b'nama = "Rahasia ', 1))
    [(fmt, reason)] = batch.render_file(job(secret, tmp_path, "nama", strict=True)).failures
    assert fmt is None and "1 galat pemeriksaan" in reason and " X101 " in reason


def test_a_worker_that_dies_or_hangs_fails_its_file_saying_what_it_was_doing(plugins, examples, tmp_path):
    jobs = [job(examples[0], tmp_path / "a", "mati"), job(examples[1], tmp_path / "b", "macet"),
            job(examples[2], tmp_path / "c", "nama")]
    outcomes = {outcome.source: outcome for outcome in batch.run(jobs, 2, timeout=3)}
    assert outcomes[examples[0]].failures == [(None, batch.lost_reason(workers.Lost("died", "format mati (plugin uji)")))]
    assert outcomes[examples[1]].failures == [(None, batch.lost_reason(workers.Lost("timeout", "format macet (plugin uji)", 3)))]
    assert [t.format for t, _ in outcomes[examples[2]].written] == ["nama"] and not outcomes[examples[2]].failures


def test_a_file_whose_worker_died_still_counts_its_outputs_that_were_up_to_date(plugins, examples, tmp_path):
    current = batch.Target("json", tmp_path / "out" / "hasil.json")
    [outcome] = batch.run([job(examples[0], tmp_path, "mati", skipped=(current,))], 1, timeout=30)
    assert outcome.skipped == [current] and outcome.failures[0][0] is None and not outcome.written


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
    first = next(n for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1) if "tidak-ada-" in line)
    assert reason.startswith(f"ditolak karena --strict: 2 galat pemeriksaan, yang pertama: {source}:{first}:")
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


def test_a_fifo_in_the_ledgers_place_is_an_unreadable_ledger_not_a_hang(library, tmp_path, soptui_run):
    out = tmp_path / "dist"
    out.mkdir()
    os.mkfifo(out / LEDGER)  # opened for reading, a FIFO waits for a writer that never comes
    result = soptui_run("export", str(library), "-f", "json", "-o", str(out), "-j", "1", timeout=120)
    assert result.returncode == 0 and "3 keluaran ditulis, 0 dilewati" in result.stderr + result.stdout, result
    assert json.loads((out / LEDGER).read_text(encoding="utf-8"))["versi"] == 1  # replaced by a real ledger


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
    ("tinta=biru", ('opsi "tinta" tidak dikenal oleh format yang dipilih; opsi yang ada: opsi.kertas, opsi.salinan,'
                    " opsi.warna, lain.salinan")),
    ("kertas", 'opsi "kertas" harus berbentuk NAMA=NILAI, mis. -O paper=F4'),
])
def test_a_bad_option_is_told_with_its_format_name_and_value(given, message):
    with pytest.raises(ValueError) as caught:
        batch.resolve_options(OPTIONS, [given])
    assert str(caught.value) == message


def test_an_option_for_a_format_not_chosen_or_of_formats_without_options_is_unknown():
    with pytest.raises(ValueError) as caught:
        batch.resolve_options(OPTIONS, ["docx.kertas=A4"])
    assert str(caught.value).startswith('opsi "docx.kertas" tidak dikenal')
    bare = {"polos": Exporter("polos", "Polos", ".p", write=None)}
    with pytest.raises(ValueError) as caught:
        batch.resolve_options(bare, ["kertas=A4"])
    assert str(caught.value).endswith("opsi yang ada: -")


def test_options_apply_to_every_format_that_has_them_unless_a_format_is_named():
    assert batch.resolve_options(OPTIONS, ["salinan=2", " warna = Tidak ", "kertas=F4"]) == {
        "opsi": {"kertas": "F4", "salinan": 2, "warna": False}, "lain": {"salinan": 2}}
    assert batch.resolve_options(OPTIONS, ["lain.salinan=5", "opsi.warna=ya"]) == {
        "opsi": {"kertas": "A4", "salinan": 1, "warna": True}, "lain": {"salinan": 5}}
    assert batch.resolve_options({"opsi": Exporter("opsi", "Opsi", ".txt", write=None, options=(
        Option("judul", str, ""),))}, ["judul=a=b"]) == {"opsi": {"judul": "a=b"}}
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


def test_a_run_with_a_time_limit_and_a_cancel_check_still_stops_a_job_at_its_limit():
    """The editor's export asks both: the wait is cut to the cancel check's, the limit still holds."""
    results = list(workers.run(work, [("hang", 1), ("ok", 2)], 2, lost, timeout=2, cancelled=lambda: False))
    assert sorted(results) == ["lost 1: timeout (pekerjaan 1) 2", "ok 2"]


def test_a_cancelled_run_ends_its_workers_and_gives_no_more_results():
    started = time.monotonic()
    results = list(workers.run(work, [("hang", 1)], 1, lost, cancelled=lambda: time.monotonic() > started + 0.5))
    assert results == []


STATE = "as imported"


def state(job: object) -> str:
    return STATE


def test_a_fresh_interpreter_starts_from_nothing_and_a_forked_worker_from_the_parent(monkeypatch):
    monkeypatch.setattr(__import__(__name__, fromlist=["STATE"]), "STATE", "changed in the parent")
    assert list(workers.run(state, [1], 1, lost, fresh=True)) == ["as imported"]
    assert list(workers.run(state, [1], 1, lost)) == ["changed in the parent"]


def test_plan_exports_a_file_named_twice_once_and_goes_on_with_the_rest(examples, tmp_path):
    found = [(examples[0], examples[0].parent), (examples[0], examples[0].parent), (examples[1], examples[1].parent)]
    jobs, refused = batch.plan(found, {"json": ".json"}, tmp_path / "out")
    assert [job.source for job in jobs] == [examples[0], examples[1]] and refused == []
    assert not any(job.strict for job in jobs)


def test_plan_refuses_a_second_source_for_the_same_output_naming_the_first(examples, tmp_path):
    first, second = tmp_path / "cuti.sop.toml", tmp_path / "cuti.toml"
    first.write_bytes(examples[0].read_bytes())
    second.write_bytes(examples[1].read_bytes())
    out = tmp_path / "out"
    jobs, refused = batch.plan([(first, tmp_path), (second, tmp_path)], {"json": ".json", "pdf": ".pdf"}, out)
    assert [job.source for job in jobs] == [first]
    [outcome] = refused
    assert outcome.source == second and outcome.failures == [
        (name, f"keluaran {out / ('cuti' + suffix)} juga ditulis dari {first}; ganti nama salah satu berkas")
        for name, suffix in (("json", ".json"), ("pdf", ".pdf"))]


def test_plan_refuses_an_output_that_a_symlink_would_take_out_of_the_folder(examples, tmp_path):
    library, out, elsewhere = tmp_path / "sop", tmp_path / "out", tmp_path / "lain"
    (library / "unit").mkdir(parents=True)
    elsewhere.mkdir()
    out.mkdir()
    (out / "unit").symlink_to(elsewhere)
    source = library / "unit" / "cuti.sop.toml"
    source.write_bytes(examples[0].read_bytes())
    jobs, refused = batch.plan([(source, library)], {"json": ".json"}, out)
    assert jobs == [] and refused[0].source == source
    assert refused[0].failures == [
        ("json", f"keluaran {out / 'unit' / 'cuti.json'} berada di luar folder {out}; ekspor dibatalkan untuk berkas ini")]


def test_plan_skips_what_the_ledger_finds_up_to_date_unless_forced(library, tmp_path):
    out = tmp_path / "dist"
    assert run_export(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    source = library / "keuangan" / "pengajuan-cuti.sop.toml"
    ledger = Ledger(out, {})
    ledger.recipes = {"json": next(iter(ledger.entries.values()))["resep"]}  # the recipe the export recorded
    [job], _ = batch.plan([(source, library)], {"json": ".json"}, out, ledger=ledger)
    assert job.targets == () and [t.path for t in job.skipped] == [out / "keuangan" / "pengajuan-cuti.json"]
    [forced], _ = batch.plan([(source, library)], {"json": ".json"}, out, ledger=ledger, force=True)
    assert [t.path for t in forced.targets] == [out / "keuangan" / "pengajuan-cuti.json"] and forced.skipped == ()
