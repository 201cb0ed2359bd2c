"""soptui check for CI and editors: selection, suppression, GitHub and SARIF output, the library root."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from tests.conftest import EXAMPLES

SURAT = next(p for p in EXAMPLES if p.name == "surat-masuk.sop.toml")
CUTI = next(p for p in EXAMPLES if p.name == "pengajuan-cuti.sop.toml")


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def codes(output: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in output.splitlines()]


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "sop"
    folder.mkdir()
    for path in EXAMPLES:
        shutil.copy(path, folder)
    return folder


def test_a_list_item_is_reported_at_its_own_line_and_column(library):
    text = (library / CUTI.name).read_text(encoding="utf-8")
    lines = text.splitlines()
    result = run("check", "--select", "L002", library)
    located = [line.split(": ")[0].split(":")[1:] for line in result.stdout.splitlines() if CUTI.name in line]
    for line, col in located:
        assert lines[int(line) - 1][int(col) - 1:].startswith('"SOP ')  # the item itself, not `keterkaitan =`
    assert len({line for line, _ in located}) == len(located) == 2


def test_select_and_ignore_take_codes_and_prefixes(library):
    everything = codes(run("check", library).stdout)
    assert {"I003", "L002"} <= set(everything)
    assert set(codes(run("check", "--select", "I", library).stdout)) == {"I003"}
    assert set(codes(run("check", "--select", "L002,I003", "--ignore", "L", library).stdout)) == {"I003"}
    assert "I003" not in codes(run("check", "--ignore", "I003", library).stdout)
    unknown = run("check", "--select", "Z9", library)
    assert unknown.exit_code == 2 and "Z9" in unknown.output


def test_a_files_own_comment_silences_codes_for_that_file_only(library):
    surat = library / SURAT.name
    surat.write_text("# soptui: abaikan I003, L002\n" + surat.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", library)
    assert not any(SURAT.name in line for line in result.stdout.splitlines())
    assert any("laporan-kinerja" in line and " I003 " in line for line in result.stdout.splitlines())
    broken = surat.read_text(encoding="utf-8").replace('pelaksana = "staf"', 'pelaksana = "tidak-ada"', 1)
    surat.write_text(broken, encoding="utf-8")
    assert "S004" in codes(run("check", surat).stdout)  # what is not named is still reported


def test_github_annotations_escape_what_the_syntax_uses(tmp_path):
    folder = tmp_path / "a,b: 100%"
    folder.mkdir()
    shutil.copy(SURAT, folder)
    result = run("check", "--format", "github", "--select", "I003", folder)
    [line] = result.stdout.splitlines()
    assert line.startswith("::warning file=") and ",title=I003::" in line
    assert "a%2Cb%3A 100%25/surat-masuk.sop.toml,line=48,col=1," in line
    assert result.exit_code == 0


def test_sarif_names_each_rule_and_places_each_result(library):
    text = run("check", "--select", "I003,L002", library).stdout
    sarif = json.loads(run("check", "--format", "sarif", "--select", "I003,L002", library).stdout)
    assert sarif["version"] == "2.1.0"
    [result_run] = sarif["runs"]
    rules = [rule["id"] for rule in result_run["tool"]["driver"]["rules"]]
    assert rules == ["I003", "L002"]
    places = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"],
               r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"])
              for r in result_run["results"]]
    lines = [f"{path.removeprefix('file://')}:{line}:{col}: {code}" for path, line, col, code in places]
    assert [line.split(" ")[0] + " " + line.split(" ")[1] for line in text.splitlines()] == lines
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in result_run["results"])


def test_library_rules_see_the_whole_library_when_one_file_is_checked(library):
    cuti = library / CUTI.name
    linked = cuti.read_text(encoding="utf-8").replace('"SOP Pengelolaan Surat Keluar"', '"SOP Pengelolaan Surat Masuk"')
    cuti.write_text(linked, encoding="utf-8")
    alone = run("check", "--select", "L", cuti).stdout
    assert "Pengelolaan Surat Masuk" in alone  # alone, the linked SOP seems missing
    with_library = run("check", "--select", "L", "--library", library, cuti).stdout
    assert "Pengelolaan Surat Masuk" not in with_library
    assert "Pengarsipan Dokumen Kepegawaian" in with_library  # a link that is really missing stays
    assert all(CUTI.name in line for line in with_library.splitlines())  # only the checked file is reported
    twin = library / "kembar.sop.toml"
    twin.write_text((library / SURAT.name).read_text(encoding="utf-8").replace(
        'nomor = "000.1.2/004/SETDA/2024"', 'nomor = "800/017/BKD/2024"'), encoding="utf-8")
    assert "L001" in codes(run("check", "--select", "L001", "--library", library, cuti).stdout)


def test_a_path_without_sop_fails_and_english_counts_are_singular(tmp_path, library):
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = run("check", empty)
    assert result.exit_code == 1 and "kosong" in result.stderr
    one = run("check", "--lang", "en", "--select", "I003", library / SURAT.name)
    assert one.stderr.strip() == "1 file checked: 0 errors, 1 warning."
    assert run("check", "--quiet", library / SURAT.name).stderr == ""
