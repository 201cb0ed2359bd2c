"""The command line as scripts see it: output lines, JSON, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from soptui.cli import cli
from tests.conftest import ROOT
from tests.core.conftest import CLEAN


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_check_examples_exits_0_and_prints_warnings_only():
    result = run("check", str(ROOT / "examples"))
    assert result.exit_code == 0, result.output
    assert " I003 " in result.stdout and " L002 " in result.stdout
    assert "3 berkas diperiksa: 0 kesalahan" in result.stderr


def test_check_file_with_error_exits_1_with_a_ruff_style_line(tmp_path):
    path = tmp_path / "rusak.sop.toml"
    path.write_text(CLEAN.replace('pelaksana = "kasubbag"', 'pelaksana = "kabag"'), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:40:13: S004 pelaksana \"kabag\" tidak ada" in result.stdout


def test_strict_makes_warnings_fail(tmp_path):
    path = tmp_path / "a.sop.toml"
    path.write_text(CLEAN.replace('output = "Surat teragenda"\n', ""), encoding="utf-8")
    assert run("check", str(path)).exit_code == 0
    assert run("check", "--strict", str(path)).exit_code == 1


def test_usage_errors_exit_2(tmp_path):
    assert run("check").exit_code == 2
    assert run("check", str(tmp_path / "tidak-ada.toml")).exit_code == 2
    assert run("check", "--format", "xml", str(ROOT / "examples")).exit_code == 2


def test_json_output_is_machine_readable(tmp_path):
    path = tmp_path / "a.sop.toml"
    path.write_text(CLEAN.replace('tidak = "agenda"', 'tidak = "x"'), encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    findings = json.loads(result.stdout)
    assert result.exit_code == 1
    assert findings == [{
        "path": str(path), "line": 42, "column": 9, "code": "S005", "severity": "error",
        "field": "langkah[3].tidak", "message": findings[0]["message"],
    }]


def test_english_messages_on_request(tmp_path):
    path = tmp_path / "a.sop.toml"
    path.write_text(CLEAN.replace('tidak = "agenda"', 'tidak = "x"'), encoding="utf-8")
    result = run("check", "--lang", "en", str(path))
    assert "points to step \"x\", which does not exist" in result.stdout
    assert "1 file checked: 1 error, 0 warnings." in result.stderr


def test_version_and_indonesian_help():
    assert run("--version").output.strip().startswith("soptui ")
    help_text = run("--help").output
    assert "Memeriksa berkas SOP" in help_text and "check" in help_text
    assert "Menampilkan bantuan ini lalu keluar." in run("check", "--help").output


def test_new_writes_a_file_whose_only_findings_are_the_placeholders_left_to_fill(tmp_path):
    path = tmp_path / "baru.sop.toml"
    result = run("new", str(path), "--nama", "Pelayanan Legalisir Ijazah", "--nomor", "800/017/BKD/2024")
    assert result.exit_code == 0, result.output
    assert 'nama = "Pelayanan Legalisir Ijazah"' in path.read_text(encoding="utf-8")
    checked = run("check", "--strict", str(path))
    codes = {line.split(": ")[1].split()[0] for line in checked.stdout.splitlines()}
    assert checked.exit_code == 1 and codes == {"I010"}, checked.stdout
    assert "identitas.nama" not in checked.stdout and "identitas.nomor" not in checked.stdout
    assert run("new", str(path)).exit_code == 1  # never overwrites


def test_schema_is_json_schema_2020_12():
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"format", "identitas", "pelaksana", "langkah"}


def test_real_subprocess_exit_codes(tmp_path):
    path = tmp_path / "a.sop.toml"
    path.write_text("format = 1\n[identitas\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "soptui", "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{path}:2:")
    assert "Traceback" not in done.stderr


def test_check_does_not_import_textual():
    code = "import sys; from soptui.cli import cli; import soptui.commands.check; assert 'textual' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_folder_walk_skips_hidden_folders_and_bound_document_descriptions(tmp_path):
    from soptui.library import find_sop_files

    (tmp_path / ".trash").mkdir()
    (tmp_path / ".trash" / "lama.sop.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "unit").mkdir()
    (tmp_path / "unit" / "a.sop.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "unit" / "b.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "buku-2024.toml").write_text("[dokumen]\njudul = 'x'\n", encoding="utf-8")
    (tmp_path / "dokumen.toml").write_text("judul = 'x'\n", encoding="utf-8")
    found = [str(path.relative_to(tmp_path)) for path, _ in find_sop_files([tmp_path])]
    assert found == ["unit/a.sop.toml", "unit/b.toml"]


def test_rules_lists_every_rule_with_its_severity_and_title(monkeypatch):
    import types

    from soptui import plugins
    from soptui.checks import RULES
    from soptui.hookspecs import hookimpl

    module = types.ModuleType("soptui_nomor_dinas")

    @hookimpl
    def register_checks(register):
        register("X101", "warning", lambda context: None, "nomor tidak mengikuti pola dinas")

    module.register_checks = register_checks
    loaded = plugins.load_plugins(entry_points=False, extra=[("soptui-nomor-dinas", module)], warn=None)
    monkeypatch.setattr(plugins, "get_plugins", lambda quiet=False: loaded)
    lines = run("check", "--rules").stdout.splitlines()
    assert len(lines) == len(RULES) + 1
    assert "S006  kesalahan  keputusan tanpa cabang tidak" in lines
    assert lines[-1] == "X101  peringatan nomor tidak mengikuti pola dinas  [soptui-nomor-dinas]"
    english = json.loads(run("check", "--rules", "--format", "json", "--lang", "en").stdout)
    assert {"code": "L002", "severity": "warning", "title": "related SOP not found", "plugin": "soptui"} in english
