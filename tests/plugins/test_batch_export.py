"""``soptui export``: many files, many formats; bad files and broken plugins never stop a batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from soptui.ledger import NAME as LEDGER

SLOW_PLUGIN = """
    import time
    from soptui import hookimpl
    from soptui.exporters import Exporter

    def write(input, stream, options):
        for _ in range(5):
            time.sleep(0.06)
            stream.write(b"x" * 1000)
        stream.write(b"END")

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="lambat", label="Lambat", suffix=".lambat", write=write))
"""

CRASHING_PLUGIN = """
    from soptui import hookimpl
    from soptui.exporters import Exporter

    def write(input, stream, options):
        stream.write(b"setengah")
        raise ValueError("kolom tidak cukup")

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="mogok", label="Mogok", suffix=".mogok", write=write))
"""

OPTION_PLUGIN = """
    from soptui import hookimpl
    from soptui.exporters import Exporter, Option

    def write(input, stream, options):
        stream.write(repr(sorted(options.items())).encode())

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="opsi", label="Opsi", suffix=".txt", write=write, options=(
            Option("kertas", str, "A4", choices=("A4", "F4")),
            Option("salinan", int, 1),
            Option("warna", bool, True),
        )))
"""

HANGING_PLUGIN = """
    import os
    import time
    from pathlib import Path
    from soptui import hookimpl
    from soptui.exporters import Exporter

    def write(input, stream, options):
        if input.path.name.startswith("macet"):
            Path(os.environ["SOPTUI_TEST_PID_FILE"]).write_text(str(os.getpid()))
            while True:  # a plugin waiting for a server that never answers
                time.sleep(0.1)
        stream.write(b"ok")

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="macet", label="Macet", suffix=".txt", write=write))
"""


def invoke(*args: str):
    return CliRunner().invoke(cli, ["export", *args])


def outputs(folder) -> list[str]:
    """The exported files (the export ledger, .soptui-ekspor, is not an output)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != LEDGER)


def test_library_is_mirrored_named_after_files_and_a_rerun_skips_all(library, tmp_path, assert_valid_exports):
    out = tmp_path / "dist"
    first = invoke(str(library), "-f", "json", "-o", str(out), "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert assert_valid_exports(out) == 3
    assert outputs(out) == [
        "biro-umum/laporan-kinerja.json",
        "keuangan/2024/surat-masuk.json",
        "keuangan/pengajuan-cuti.json",
    ]  # from the file name, never from `nomor` (which holds "/")
    assert "3 keluaran ditulis" in first.output
    second = invoke(str(library), "-f", "json", "-o", str(out))
    assert second.exit_code == 0
    assert "0 keluaran ditulis, 3 dilewati" in second.output


def test_editing_one_file_redoes_that_file_only(library, tmp_path):
    out = tmp_path / "dist"
    assert invoke(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    edited = library / "keuangan" / "pengajuan-cuti.sop.toml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Cuti", "Cuti Tahunan", 1), encoding="utf-8")
    result = invoke(str(library), "-f", "json", "-o", str(out))
    written = [line for line in result.output.splitlines() if line.startswith("ditulis")]
    assert len(written) == 1 and "pengajuan-cuti" in written[0]
    assert "Cuti Tahunan" in (out / "keuangan" / "pengajuan-cuti.json").read_text(encoding="utf-8")
    forced = invoke(str(library), "-f", "json", "-o", str(out), "--force")
    assert "3 keluaran ditulis" in forced.output


def test_up_to_date_means_same_source_bytes_and_options_not_newer_times(library, tmp_path, examples):
    out = tmp_path / "dist"
    assert invoke(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    touched = library / "biro-umum" / "laporan-kinerja.sop.toml"
    later = time.time() + 5
    os.utime(touched, (later, later))  # saved again unchanged, or checked out anew by git
    assert "0 keluaran ditulis, 3 dilewati" in invoke(str(library), "-f", "json", "-o", str(out)).output
    # another unit's file of the same name, older than the output: still exported
    replaced = library / "keuangan" / "pengajuan-cuti.sop.toml"
    replaced.write_bytes(examples[2].read_bytes())
    os.utime(replaced, (1_000_000_000, 1_000_000_000))
    result = invoke(str(library), "-f", "json", "-o", str(out))
    assert "1 keluaran ditulis, 2 dilewati" in result.output
    assert json.loads((out / "keuangan" / "pengajuan-cuti.json").read_text())["sop"]["identitas"]["nama"] == \
        json.loads((out / "keuangan" / "2024" / "surat-masuk.json").read_text())["sop"]["identitas"]["nama"]
    # an output changed by hand is made again
    (out / "biro-umum" / "laporan-kinerja.json").write_text("{}")
    assert "1 keluaran ditulis, 2 dilewati" in invoke(str(library), "-f", "json", "-o", str(out)).output


def test_other_options_make_the_outputs_again(site, examples, tmp_path):
    site.install("soptui-opsi", "soptui_opsi", OPTION_PLUGIN, entry_name="opsi")
    out = tmp_path / "out"
    assert invoke(str(examples[0]), "-f", "opsi", "-o", str(out)).exit_code == 0
    assert "0 keluaran ditulis, 1 dilewati" in invoke(str(examples[0]), "-f", "opsi", "-o", str(out)).output
    result = invoke(str(examples[0]), "-f", "opsi", "-o", str(out), "-O", "kertas=F4")
    assert "1 keluaran ditulis" in result.output and "F4" in next(out.glob("*.txt")).read_text()


def test_unknown_format_is_a_usage_error_listing_installed_formats(examples, tmp_path):
    result = invoke(str(examples[0]), "-f", "json,docx", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "docx" in result.output and "json" in result.output.split("docx", 1)[1]
    assert not (tmp_path / "out").exists()


def test_a_bad_file_is_reported_and_the_batch_goes_on(library, tmp_path):
    bad = library / "biro-umum" / "rusak.sop.toml"
    bad.write_text('format = 1\n[identitas\nnama = "x"\n', encoding="utf-8")
    out = tmp_path / "dist"
    result = invoke(str(library), "-f", "json", "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("GAGAL")]
    assert len(failed) == 1 and f"{bad}:2:" in failed[0] and "TOML" in failed[0]
    assert len(outputs(out)) == 3 and "Traceback" not in result.output


def test_strict_refuses_files_with_checker_errors(library, tmp_path):
    target = library / "keuangan" / "pengajuan-cuti.sop.toml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('pelaksana = "', 'pelaksana = "tidak-ada-', 1), encoding="utf-8")
    relaxed = invoke(str(library), "-f", "json", "-o", str(tmp_path / "a"))
    assert relaxed.exit_code == 0 and len(outputs(tmp_path / "a")) == 3
    strict = invoke(str(library), "-f", "json", "-o", str(tmp_path / "b"), "--strict")
    assert strict.exit_code == 1
    assert "--strict" in strict.output and "S004" in strict.output
    assert "keuangan/pengajuan-cuti.json" not in outputs(tmp_path / "b")


def test_two_sources_for_one_output_are_refused(tmp_path, examples):
    folder = tmp_path / "sop"
    folder.mkdir()
    (folder / "cuti.sop.toml").write_bytes(examples[0].read_bytes())
    (folder / "cuti.toml").write_bytes(examples[1].read_bytes())
    result = invoke(str(folder), "-f", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "cuti.sop.toml" in result.output.split("GAGAL", 1)[1]


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path, examples):
    (tmp_path / "out").write_text("")
    assert invoke(str(examples[0]), "-f", "json", "-o", str(tmp_path / "out")).exit_code == 2


def test_parallel_and_serial_give_the_same_bytes(library, tmp_path, assert_valid_exports):
    assert invoke(str(library), "-f", "json", "-o", str(tmp_path / "one"), "--jobs", "1").exit_code == 0
    assert invoke(str(library), "-f", "json", "-o", str(tmp_path / "two"), "--jobs", "2").exit_code == 0
    assert assert_valid_exports(tmp_path / "two") == 3
    for name in outputs(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_subprocess_exit_codes_and_textual_is_never_imported(tmp_path, examples, soptui_run):
    ok = soptui_run("export", str(examples[0]), "-f", "json", "-o", str(tmp_path / "out"))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "out" / examples[0].name.replace(".sop.toml", ".json")).exists()
    usage = soptui_run("export", str(examples[0]), "-f", "tidak-ada", "-o", str(tmp_path / "out"))
    assert usage.returncode == 2 and "json" in usage.stderr
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from soptui.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['export', {str(examples[0])!r}, '-f', 'json', '-o', {str(tmp_path / 'p')!r}])\n"
        "print(r.exit_code, sorted(m for m in sys.modules if m.partition('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_an_exporter_that_crashes_fails_its_format_only(site, library, tmp_path, soptui_run, assert_valid_exports):
    site.install("soptui-mogok", "soptui_mogok", CRASHING_PLUGIN, entry_name="mogok")
    out = tmp_path / "dist"
    result = soptui_run("export", str(library), "-f", "mogok,json", "-o", str(out), "--jobs", "2", env=site.env())
    assert result.returncode == 1
    assert "kolom tidak cukup" in result.stderr and "mogok" in result.stderr  # failures go to stderr
    assert "GAGAL" not in result.stdout
    assert [name for name in outputs(out) if name.endswith(".json")] == [
        "biro-umum/laporan-kinerja.json", "keuangan/2024/surat-masuk.json", "keuangan/pengajuan-cuti.json",
    ]
    assert not [name for name in outputs(out) if "mogok" in name], "no half-written output"
    assert assert_valid_exports(out) == 3


def test_a_plugin_that_fails_to_import_does_not_stop_the_batch(site, examples, tmp_path, soptui_run):
    site.install("soptui-rusak", "soptui_rusak", "raise ImportError('butuh pustaka lain')\n", entry_name="rusak")
    result = soptui_run("export", str(examples[0]), "-f", "json", "-o", str(tmp_path / "o"), env=site.env())
    assert result.returncode == 0
    assert result.stderr.count("butuh pustaka lain") == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_batch_leaves_no_partial_files(site, examples, tmp_path, jobs, assert_valid_exports):
    site.install("soptui-lambat", "soptui_lambat", SLOW_PLUGIN, entry_name="lambat")
    folder = tmp_path / "sop"
    folder.mkdir()
    for index in range(16):
        (folder / f"sop-{index:02}.sop.toml").write_bytes(examples[index % len(examples)].read_bytes())
    out = tmp_path / "dist"
    process = subprocess.Popen(
        [sys.executable, "-m", "soptui", "export", str(folder), "-f", "lambat,json", "-o", str(out), "--jobs", jobs],
        env=site.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_default_ctrl_c,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(out.glob("*.lambat")):
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C sends: the whole process group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode in INTERRUPTED, stderr
    assert "Traceback" not in stderr
    files = [p for p in out.iterdir()]
    assert not [p for p in files if p.name.endswith(".tmp")], "a temporary file was left behind"
    slow = [p for p in files if p.suffix == ".lambat"]
    assert 0 < len(slow) < 16, "the batch was interrupted part way"
    assert all(p.read_bytes().endswith(b"END") and p.stat().st_size == 5003 for p in slow)
    assert_valid_exports(out)
    assert "Exception ignored" not in stderr and "Bad file descriptor" not in stderr


#: How a process interrupted by Ctrl+C ends: exit code 130, or killed by SIGINT, which Python
#: chooses at exit when a Ctrl+C arrived while it was running; the shell reads both as 130.
INTERRUPTED = (130, -signal.SIGINT)


def _default_ctrl_c() -> None:
    """Ctrl+C as a terminal gives it, even when the test runner itself ignores SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_exporter_options_reach_the_exporter_and_bad_ones_are_usage_errors(site, examples, tmp_path):
    site.install("soptui-opsi", "soptui_opsi", OPTION_PLUGIN, entry_name="opsi")
    out = tmp_path / "out"
    result = invoke(str(examples[0]), "-f", "opsi,json", "-o", str(out), "-O", "kertas=F4", "-O", "opsi.warna=tidak")
    assert result.exit_code == 0, result.output
    written = (out / examples[0].name.replace(".sop.toml", ".txt")).read_text()
    assert written == repr([("kertas", "F4"), ("salinan", 1), ("warna", False)])
    for bad, expected in (("kertas=B5", "A4, F4"), ("salinan=dua", "int"), ("tinta=biru", "opsi.kertas"),
                          ("kertas", "NAMA=NILAI")):
        refused = invoke(str(examples[0]), "-f", "opsi", "-o", str(tmp_path / "x"), "-O", bad)
        assert refused.exit_code == 2 and expected in refused.output, (bad, refused.output)


def test_no_output_escapes_the_output_folder_through_a_symlink(library, tmp_path):
    out = tmp_path / "dist"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "keuangan").symlink_to(elsewhere, target_is_directory=True)
    result = invoke(str(library), "-f", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "di luar folder" in result.output
    assert list(elsewhere.rglob("*")) == []
    assert (out / "biro-umum" / "laporan-kinerja.json").exists()


def test_a_file_named_twice_is_exported_once_and_an_empty_folder_is_said(library, tmp_path):
    again = library / "biro-umum" / "laporan-kinerja.sop.toml"
    result = invoke(str(library), str(again), "-f", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "3 berkas" in result.output and len(outputs(tmp_path / "out")) == 3
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = invoke(str(empty), "-f", "json", "-o", str(tmp_path / "out2"))
    assert result.exit_code == 1 and "tidak ada berkas SOP" in result.output  # a script must notice


KILLING_PLUGIN = """
    import os
    import signal
    from soptui import hookimpl
    from soptui.exporters import Exporter

    def write(input, stream, options):
        if input.path.name.startswith("racun"):
            os.kill(os.getpid(), signal.SIGKILL)  # what a crash in native code looks like
        stream.write(b"ok")

    @hookimpl
    def register_exporters(register):
        register(Exporter(name="rapuh", label="Rapuh", suffix=".txt", write=write))
"""


def test_a_worker_that_dies_fails_exactly_its_file_and_the_batch_goes_on(site, examples, tmp_path, soptui_run):
    site.install("soptui-rapuh", "soptui_rapuh", KILLING_PLUGIN, entry_name="rapuh")
    folder = tmp_path / "sop"
    folder.mkdir()
    for index in range(40):
        name = "racun.sop.toml" if index == 17 else f"sop-{index:02}.sop.toml"
        (folder / name).write_bytes(examples[index % len(examples)].read_bytes())
    out = tmp_path / "dist"
    result = soptui_run("export", str(folder), "-f", "rapuh", "-o", str(out), "--jobs", "2", env=site.env(), timeout=60)
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("GAGAL")]
    assert len(failed) == 1 and "racun.sop.toml" in failed[0] and "berhenti mendadak" in failed[0]
    assert "rapuh" in failed[0]  # names the format (and plugin) it was working on
    assert len(list(out.glob("*.txt"))) == 39
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exporter_that_hangs_is_stopped_at_the_time_limit_and_the_batch_goes_on(site, examples, tmp_path, jobs,
                                                                                   soptui_run):
    site.install("soptui-macet", "soptui_macet", HANGING_PLUGIN, entry_name="macet")
    folder = tmp_path / "sop"
    folder.mkdir()
    for index in range(6):
        name = "macet.sop.toml" if index == 2 else f"sop-{index}.sop.toml"
        (folder / name).write_bytes(examples[index % len(examples)].read_bytes())
    out = tmp_path / "dist"
    env = {**site.env(), "SOPTUI_TEST_PID_FILE": str(tmp_path / "pid")}
    result = soptui_run("export", str(folder), "-f", "macet", "-o", str(out), "--jobs", jobs, "--timeout", "2",
                        env=env, timeout=60)
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("GAGAL")]
    assert len(failed) == 1 and "macet.sop.toml" in failed[0]
    assert "2 detik" in failed[0] and "plugin macet" in failed[0] and "--timeout" in failed[0]
    assert sorted(p.name for p in out.glob("*.txt")) == [f"sop-{i}.txt" for i in (0, 1, 3, 4, 5)]
    assert not _running(int((tmp_path / "pid").read_text())), "the stopped worker is gone"


def test_workers_end_when_the_batch_is_killed(site, examples, tmp_path):
    site.install("soptui-macet", "soptui_macet", HANGING_PLUGIN, entry_name="macet")
    (tmp_path / "macet.sop.toml").write_bytes(examples[0].read_bytes())
    pid_file = tmp_path / "pid"
    process = subprocess.Popen(
        [sys.executable, "-m", "soptui", "export", str(tmp_path / "macet.sop.toml"), "-f", "macet",
         "-o", str(tmp_path / "out"), "--timeout", "0"],
        env={**site.env(), "SOPTUI_TEST_PID_FILE": str(pid_file)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not pid_file.exists():
        time.sleep(0.05)
    worker = int(pid_file.read_text())
    assert worker != process.pid and _running(worker)
    process.kill()  # as an operator's kill -9, or the OOM killer
    process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(worker):
        time.sleep(0.05)
    assert not _running(worker), "the worker outlived the batch"


def _running(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not yet reaped by its parent, is not running)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_temporary_file_left_by_a_killed_writer_is_removed_by_the_next_batch(library, tmp_path):
    out = tmp_path / "dist"
    (out / "biro-umum").mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = out / "biro-umum" / f".laporan-kinerja.json.{dead.pid}.x1y2z3.tmp"
    orphan.write_bytes(b'{"half')
    living = out / "biro-umum" / f".laporan-kinerja.json.{os.getpid()}.a1b2c3.tmp"  # a writer still at work
    living.write_bytes(b"{")
    assert invoke(str(library), "-f", "json", "-o", str(out)).exit_code == 0
    assert not orphan.exists() and living.exists()


def test_the_editors_export_runs_apart_so_a_hanging_exporter_fails_the_export_not_the_editor(
        site, examples, tmp_path, monkeypatch):
    from soptui import batch

    site.install("soptui-macet", "soptui_macet", HANGING_PLUGIN, entry_name="macet")
    monkeypatch.setenv("SOPTUI_TEST_PID_FILE", str(tmp_path / "pid"))
    unsaved = examples[0].read_bytes().replace(b'nama = "', b'nama = "Belum Disimpan ', 1)
    job = batch.Job(tmp_path / "macet.sop.toml", (batch.Target("macet", tmp_path / "x.txt"),), data=unsaved)
    stopped = batch.render_apart(job, timeout=2)
    assert not stopped.outputs and "2 detik" in stopped.failures[0][1] and "plugin macet" in stopped.failures[0][1]
    assert not _running(int((tmp_path / "pid").read_text()))
    (tmp_path / "pid").unlink()
    # cancelled once the exporter hangs (it wrote its pid): a fixed delay raced a slow interpreter start
    assert batch.render_apart(job, timeout=None, cancelled=(tmp_path / "pid").exists) is None
    assert not _running(int((tmp_path / "pid").read_text())), "closing the editor ends its export"
    shown = batch.render_apart(batch.Job(examples[0], (batch.Target("json", tmp_path / "y.json"),), data=unsaved))
    assert b"Belum Disimpan" in shown.outputs[0][1]  # what the editor holds, not the file on disk


def test_ctrl_c_at_any_moment_is_clean(site, examples, tmp_path, assert_valid_exports):
    """Ctrl+C while plugins load, while workers start, between files and while writing."""
    site.install("soptui-lambat", "soptui_lambat", SLOW_PLUGIN, entry_name="lambat")
    folder = tmp_path / "sop"
    folder.mkdir()
    for index in range(8):
        (folder / f"sop-{index}.sop.toml").write_bytes(examples[index % len(examples)].read_bytes())
    # Python's own start (before soptui runs a line) is not soptui's to guard: the moments
    # are counted from how long `soptui --version` takes on this machine right now.
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "soptui", "--version"], check=True, capture_output=True)
    python_start = time.monotonic() - started
    for attempt, moment in enumerate((0.1, 0.25, 0.45, 0.7, 1.0, 1.4)):
        delay = python_start + moment
        out = tmp_path / f"dist-{attempt}"
        process = subprocess.Popen(
            [sys.executable, "-m", "soptui", "export", str(folder), "-f", "lambat,json", "-o", str(out), "--jobs", "2"],
            env=site.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
            preexec_fn=_default_ctrl_c,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode in (*INTERRUPTED, 0), (delay, stderr)  # 0: it had finished
        for noise in ("Traceback", "Exception ignored", "Bad file descriptor", "KeyboardInterrupt"):
            assert noise not in stderr, (delay, stderr)
        files = list(out.rglob("*")) if out.exists() else []
        assert not [p for p in files if p.name.endswith(".tmp")], delay
        assert all(p.read_bytes().endswith(b"END") for p in files if p.suffix == ".lambat")
        if out.exists():
            assert_valid_exports(out)


def test_without_an_output_folder_outputs_lie_beside_the_sops(library, examples, tmp_path):
    one = tmp_path / "satu" / examples[0].name
    one.parent.mkdir()
    one.write_bytes(examples[0].read_bytes())
    assert invoke(str(one), "-f", "json").exit_code == 0
    assert (one.parent / one.name.replace(".sop.toml", ".json")).exists()
    assert invoke(str(library), "-f", "json").exit_code == 0
    assert (library / "keuangan" / "2024" / "surat-masuk.json").exists()
    two = invoke(str(one), str(library), "-f", "json")
    assert two.exit_code == 2 and "-o" in two.output  # two places: which one is meant is not guessed
