"""``soptui check`` over a large library: every core, the same findings as one process."""

from __future__ import annotations

import json

from click.testing import CliRunner

from soptui.checks.files import PARALLEL_FROM
from soptui.cli import cli
from soptui.corpus import write_library


def test_a_library_checked_on_two_cores_gives_what_one_process_gives(tmp_path):
    library = tmp_path / "sop"
    write_library(library, PARALLEL_FROM + 6, seed=7)
    first = sorted(library.rglob("*.sop.toml"))[0]
    twin = first.with_name("kembar.sop.toml")  # the same nomor twice: a library finding (L001)
    twin.write_bytes(first.read_bytes())
    broken = library / "rusak.sop.toml"
    broken.write_text('format = 1\n[identitas\n', encoding="utf-8")
    results = {}
    for jobs in ("1", "2"):
        result = CliRunner().invoke(cli, ["check", str(library), "--format", "json", "-j", jobs])
        assert result.exit_code == 1
        results[jobs] = json.loads(result.stdout)
    assert results["1"] == results["2"]
    codes = {finding["code"] for finding in results["2"]}
    assert {"L001", "S010"} <= codes
    assert {f["path"] for f in results["2"] if f["code"] == "L001"} == {str(first), str(twin)}


def test_the_findings_do_not_depend_on_the_order_the_workers_finish_in(tmp_path, monkeypatch):
    """L001 names the other files with the same number in the library's order, however the checks came back."""
    from soptui.checks import files

    library = tmp_path / "sop"
    write_library(library, 3, seed=7)
    first = sorted(library.rglob("*.sop.toml"))[0]
    for name in ("kembar-a.sop.toml", "kembar-b.sop.toml"):
        first.with_name(name).write_bytes(first.read_bytes())
    in_order = CliRunner().invoke(cli, ["check", str(library), "--format", "json"]).stdout
    checked = files.check_files
    monkeypatch.setattr(files, "check_files", lambda paths, jobs: reversed(list(checked(paths, jobs))))
    assert CliRunner().invoke(cli, ["check", str(library), "--format", "json"]).stdout == in_order
    assert ", ".join(str(first.with_name(n)) for n in ("kembar-a.sop.toml", "kembar-b.sop.toml")) in in_order


def test_workers_are_handed_chunks_of_files_not_one_file_at_a_time(tmp_path, monkeypatch):
    """One round trip to a worker per CHUNK files: per file, the hand-off cost as much as a small check."""
    from soptui import workers
    from soptui.checks import files

    paths = write_library(tmp_path / "sop", PARALLEL_FROM + 1, seed=3)
    handed: list = []
    run = workers.run

    def recording(function, jobs, *rest):
        handed.extend(jobs)
        return run(function, jobs, *rest)

    monkeypatch.setattr(workers, "run", recording)
    checked = list(files.check_files(paths, 2))
    assert sorted(item.path for item in checked) == sorted(map(str, paths))
    assert [len(chunk) for chunk in handed] == [files.CHUNK] * (len(paths) // files.CHUNK) + [len(paths) % files.CHUNK]
