"""The JSON exporter: valid against its schema, stable, and carrying the derived data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.exporters import ExportInput
from soptui.loader import load, load_bytes
from soptui_json.schema import SCHEMA_FILE, schema_text

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def export_bytes(path: Path | None, sop=None, sha256: str = "0" * 64) -> bytes:
    from soptui.plugins import load_plugins

    if sop is None:
        loaded = load(path)
        sop, sha256 = loaded.sop, loaded.source.sha256
    stream = io.BytesIO()
    load_plugins(warn=None).exporter("json").write(ExportInput(sop, path, sha256), stream, {})
    data = stream.getvalue()
    VALIDATOR.validate(json.loads(data))  # every export in these tests is validated
    return data


def test_schema_file_is_valid_and_up_to_date():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: python -m soptui_json.schema"


def test_schema_command_prints_the_export_schema():
    from soptui.cli import cli

    result = CliRunner().invoke(cli, ["schema", "--export", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == SCHEMA


def test_examples_export_valid_and_byte_identical_twice(examples):
    for example in examples:
        assert export_bytes(example) == export_bytes(example)


def test_surat_masuk_carries_flow_durations_and_actors(examples):
    path = next(p for p in examples if p.name == "surat-masuk.sop.toml")
    document = json.loads(export_bytes(path))
    assert document["$schema"] == SCHEMA["$id"]
    assert document["source"]["file"] == "surat-masuk.sop.toml"
    assert document["sop"]["identitas"]["tanggal_pembuatan"] == "2024-03-04"
    flow = document["flow"]
    assert flow["start"] == "terima" and flow["ends"] == ["arsip"]
    decision = next(step for step in flow["steps"] if step["id"] == "cek-alamat")
    assert decision["symbol"] == "keputusan"
    assert {(e["branch"], e["target"], e["label"]) for e in decision["successors"]} == {
        ("ya", "agenda", "Benar"), ("tidak", "kembalikan", "Salah alamat"),
    }
    # "1 hari kerja" stays working days; it is never turned into seconds
    disposisi = next(step for step in flow["steps"] if step["id"] == "disposisi")
    assert disposisi["duration"]["min"] == {"seconds": 0, "working_days": 1}
    total = document["durations"]["main_path_total"]
    assert total["min"]["working_days"] < total["max"]["working_days"]  # "1-3 hari kerja" on the main path
    assert total["text"] == "2-4 hari kerja + 44 menit"
    staf = next(actor for actor in document["actors"] if actor["id"] == "staf")
    assert staf["step_count"] == len(staf["steps"]) == 5


def test_key_order_is_fixed():
    from soptui.corpus import generate_sop

    document = json.loads(export_bytes(None, generate_sop(3)))
    assert list(document) == ["$schema", "export_version", "generator", "source", "sop", "flow", "durations", "actors"]
    assert list(document["flow"]["steps"][0]) == ["id", "number", "symbol", "actor", "successors", "duration"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_generated_sops_validate_and_round_trip_to_the_same_model(seed, tmp_path_factory):
    from soptui.corpus import generate_sop
    from soptui.store import save
    from soptui_json.importer import import_json

    folder = tmp_path_factory.mktemp("rt")
    source = folder / "asal.sop.toml"
    save(generate_sop(seed), source)
    original = load(source).sop
    exported = folder / "asal.json"
    exported.write_bytes(export_bytes(source))
    imported = import_json(exported)
    assert imported.problems == []
    back = folder / "kembali.sop.toml"
    save(imported.sop, back)
    assert load(back).sop == original


def test_unknown_keys_and_a_draft_survive_the_round_trip(tmp_path, examples):
    from soptui_json.importer import import_json

    text = examples[0].read_text(encoding="utf-8")
    text = text.replace("[identitas]", "catatan_biro = \"draf\"\n\n[identitas]", 1)
    source = tmp_path / "draf.sop.toml"
    source.write_text(text, encoding="utf-8")
    exported = tmp_path / "draf.json"
    exported.write_bytes(export_bytes(source))
    imported = import_json(exported)
    assert imported.sop == load(source).sop
    assert imported.sop.extra == {"catatan_biro": "draf"}


@pytest.mark.parametrize("waktu, expected", [
    ("15 menit", {"min": {"seconds": 900, "working_days": 0}, "max": {"seconds": 900, "working_days": 0}}),
    ("2-3 hari kerja", {"min": {"seconds": 0, "working_days": 2}, "max": {"seconds": 0, "working_days": 3}}),
    ("segera", None),
])
def test_step_durations_are_parsed_and_free_text_is_null(examples, waktu, expected):
    path = next(p for p in examples if p.name == "surat-masuk.sop.toml")
    text = path.read_text(encoding="utf-8").replace('waktu = "2 menit"', f'waktu = "{waktu}"', 1)
    loaded = load_bytes(text.encode(), path)
    document = json.loads(export_bytes(path, loaded.sop))
    first = document["flow"]["steps"][0]["duration"]
    if expected is None:
        assert first is None
        assert "terima" in document["durations"]["main_path_steps_without_duration"]
    else:
        assert {k: first[k] for k in ("min", "max")} == expected


def test_indent_option_gives_the_same_document_readably(examples):
    from soptui.plugins import load_plugins

    loaded = load(examples[0])
    exporter = load_plugins(warn=None).exporter("json")
    compact, indented = io.BytesIO(), io.BytesIO()
    exporter.write(ExportInput(loaded.sop, loaded.path, loaded.source.sha256), compact, {"indent": 0})
    exporter.write(ExportInput(loaded.sop, loaded.path, loaded.source.sha256), indented, {"indent": 2})
    assert compact.getvalue().count(b"\n") == 1
    assert indented.getvalue().startswith(b'{\n  "$schema"')
    assert json.loads(compact.getvalue()) == json.loads(indented.getvalue())


def test_nan_in_an_unknown_key_is_refused_with_a_message(examples, tmp_path):
    from click.testing import CliRunner

    from soptui.cli import cli

    source = tmp_path / "nan.sop.toml"
    source.write_text(examples[0].read_text(encoding="utf-8").replace("[identitas]", "skor = nan\n\n[identitas]", 1))
    result = CliRunner().invoke(cli, ["export", str(source), "-f", "json", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{source}: ada nilai nan atau inf" in result.output and "Traceback" not in result.output
