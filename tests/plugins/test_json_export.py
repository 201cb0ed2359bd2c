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
from soptui.interchange.schema import SCHEMA_FILE, STRICT_SCHEMA_FILE, schema_text
from soptui.loader import load, load_bytes

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
STRICT = json.loads(STRICT_SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(STRICT, format_checker=jsonschema.FormatChecker())  # nothing undocumented


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


def test_schema_files_are_valid_and_up_to_date():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(STRICT)
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: python -m soptui.interchange.schema"
    assert STRICT_SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(strict=True), "run: python -m soptui.interchange.schema"


def test_the_published_schema_accepts_members_added_later_and_the_strict_one_does_not(examples):
    """docs/json.md promises additions within version 1; a consumer validating must not break on them."""
    document = json.loads(export_bytes(examples[0]))
    document["ringkasan"] = {"baru": True}
    document["flow"]["steps"][0]["lane"] = 3
    document["durations"]["main_path_total"]["min"]["hours"] = 1
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    for where in (document, document["flow"]["steps"][0], document["durations"]["main_path_total"]["min"]):
        assert not jsonschema.Draft202012Validator(STRICT).is_valid(document)
        where.pop(next(key for key in ("ringkasan", "lane", "hours") if key in where))
    jsonschema.Draft202012Validator(STRICT).validate(document)
    broken = {**document, "export_version": 2}
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(broken)  # open to additions, not to changes


def test_the_computed_layout_comes_with_the_export_when_asked(examples):
    from soptui.layout import PageOptions, compute_layout, layout_schema, layout_to_dict
    from soptui.testing import export

    path = next(p for p in examples if p.name == "pengajuan-cuti.sop.toml")
    plain = export("json", path)
    assert plain.layout is None and "layout" not in json.loads(plain.data)  # not computed unless asked
    asked = export("json", path, options={"layout": True, "paper": "F4", "orientation": "portrait"})
    document = json.loads(asked.data)
    VALIDATOR.validate(document)
    jsonschema.Draft202012Validator(layout_schema()).validate(document["layout"])
    expected = layout_to_dict(compute_layout(load(path).sop, PageOptions(paper="F4", orientation="portrait")))
    assert (document["layout"]["paper"], document["layout"]["orientation"]) == ("F4", "portrait")
    first, computed = document["layout"]["pages"][0]["symbols"][0]["box"], expected["pages"][0]["symbols"][0]["box"]
    assert first == {key: round(value, 2) for key, value in computed.items()}
    numbers = json.dumps(document["layout"])
    assert not __import__("re").search(r"\d\.\d{3,}", numbers)  # rounded to 0.01 pt


def test_schema_command_prints_the_export_schema():
    from soptui.cli import cli

    result = CliRunner().invoke(cli, ["schema", "--export", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == SCHEMA
    assert json.loads(CliRunner().invoke(cli, ["schema", "--export", "json", "--strict"]).output) == STRICT


def test_schema_command_prints_the_layout_schema():
    from soptui.cli import cli
    from soptui.layout import layout_schema

    result = CliRunner().invoke(cli, ["schema", "--layout"])
    assert result.exit_code == 0 and json.loads(result.output) == layout_schema()


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
    from soptui.interchange.importer import import_json
    from soptui.store import save

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
    from soptui.interchange.importer import import_json

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
