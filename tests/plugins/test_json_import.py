"""``soptui import``: JSON back to an SOP file, with clear refusals."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from soptui.loader import load


@pytest.fixture
def export_json(assert_valid_exports):
    def export(example, folder):
        result = CliRunner().invoke(cli, ["export", str(example), "-f", "json", "-o", str(folder)])
        assert result.exit_code == 0, result.output
        assert assert_valid_exports(folder) == 1
        return folder / example.name.replace(".sop.toml", ".json")

    return export


def test_import_writes_the_same_model_and_refuses_to_overwrite(tmp_path, examples, export_json):
    exported = export_json(examples[0], tmp_path)
    target = tmp_path / "kembali.sop.toml"
    result = CliRunner().invoke(cli, ["import", str(exported), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert load(target).sop == load(examples[0]).sop
    before = target.read_bytes()
    again = CliRunner().invoke(cli, ["import", str(exported), "-o", str(target)])
    assert again.exit_code == 1 and "--force" in again.output
    assert target.read_bytes() == before
    forced = CliRunner().invoke(cli, ["import", str(exported), "-o", str(target), "--force"])
    assert forced.exit_code == 0


def test_broken_json_names_file_line_and_writes_nothing(tmp_path):
    source = tmp_path / "rusak.json"
    source.write_text('{"sop": {\n  "format": 1,\n}\n', encoding="utf-8")
    target = tmp_path / "rusak.sop.toml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert f"{source}:3:1: JSON tidak valid" in result.output
    assert "Traceback" not in result.output and not target.exists()


def test_wrong_values_are_named_by_field_and_nothing_is_written(tmp_path, examples, export_json):
    document = json.loads(export_json(examples[0], tmp_path).read_text(encoding="utf-8"))
    document["sop"]["identitas"]["tanggal_pembuatan"] = "4 Maret 2024"
    document["sop"]["langkah"][1]["kegiatan"] = 42
    source = tmp_path / "salah.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "salah.sop.toml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 1
    assert "sop.identitas.tanggal_pembuatan" in result.output and "YYYY-MM-DD" in result.output
    assert not target.exists()
    document["sop"]["identitas"]["tanggal_pembuatan"] = "2024-03-04"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert "sop.langkah[2].kegiatan: S002" in result.output
    assert not target.exists()


def test_newer_export_version_is_refused(tmp_path):
    source = tmp_path / "baru.json"
    source.write_text(json.dumps({"export_version": 99, "sop": {}}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "x.sop.toml")])
    assert result.exit_code == 1 and "99" in result.output
