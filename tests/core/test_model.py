"""The derived flow, durations, the corpus and the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from soptui.checks import check_sop
from soptui.corpus import generate_sop
from soptui.durations import Duration, parse_waktu, total
from soptui.i18n import LANGUAGES, catalogue
from soptui.loader import load
from soptui.store import render


def test_flow_of_an_example(examples):
    sop = load(next(e for e in examples if e.name == "surat-masuk.sop.toml")).sop
    flow = sop.flow
    assert flow.start == "terima" and flow.ends == ("arsip",)
    assert flow.symbols["terima"] == "terminator" and flow.symbols["cek-alamat"] == "keputusan"
    assert [(e.target, e.label) for e in flow.successors["cek-alamat"]] == [("agenda", "Benar"), ("kembalikan", "Salah alamat")]
    assert [e.target for e in flow.successors["tindak-lanjut"]] == ["arsip"]
    assert flow.main_path == ("terima", "cek-alamat", "agenda", "teruskan", "disposisi", "tindak-lanjut", "arsip")


@pytest.mark.parametrize(("text", "expected"), [
    ("15 menit", Duration(900, 900)),
    ("2-3 hari", Duration(2 * 86400, 3 * 86400)),
    ("1 hari kerja", Duration(0, 0, 1, 1)),
    ("1-3 Hari  Kerja", Duration(0, 0, 1, 3)),
    ("0,5 jam", Duration(1800, 1800)),
    ("30 dtk", Duration(30, 30)),
    ("1 minggu", Duration(7 * 86400, 7 * 86400)),
    ("secepatnya", None),
    ("3-2 jam", None),
    ("", None),
])
def test_waktu_parsing(text, expected):
    assert parse_waktu(text) == expected


def test_totals_keep_working_days_apart_from_calendar_time():
    summed = total([parse_waktu("1 hari kerja"), parse_waktu("2 jam"), parse_waktu("30 menit"), None, parse_waktu("1-2 hari kerja")])
    assert summed.describe("min") == "2 hari kerja 2 jam 30 menit"
    assert summed.describe_range() == "2-3 hari kerja + 2 jam 30 menit"
    mixed = total([parse_waktu("12-17 hari kerja"), parse_waktu("2 jam"), parse_waktu("1-2 hari")])
    assert mixed.describe_range() == "12-17 hari kerja + 1 hari 2 jam s.d. 2 hari 2 jam"
    assert total([parse_waktu("15 menit")]).describe_range() == "15 menit"


def test_generated_sops_are_valid_deterministic_and_varied():
    sops = [generate_sop(seed) for seed in range(40)]
    assert generate_sop(7) == sops[7]
    for sop in sops:
        data = render(sop, None)
        assert load_text_findings(data) == []
        assert 10 <= len(sop.langkah) <= 40 and 2 <= len(sop.pelaksana) <= 8
    decisions = [s for sop in sops for s in sop.langkah if s.simbol == "keputusan"]
    order = {s.id: i for sop in sops for i, s in enumerate(sop.langkah)}
    assert any(order[d.tidak] < order[d.id] for d in decisions)  # back edges
    assert any(order[d.tidak] > order[d.id] + 1 for d in decisions)  # forward jumps


def load_text_findings(data: bytes):
    from soptui.loader import load_bytes

    loaded = load_bytes(data, "gen.sop.toml")
    return [f.code for f in loaded.findings + check_sop(loaded.sop, Path("gen.sop.toml"), data.decode()) if f.code != "I008"]


def test_catalogue_is_complete_in_both_languages():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    assert keys["id"] == keys["en"], keys["id"] ^ keys["en"]


def test_every_rule_has_a_message_and_a_title_in_both_languages():
    from soptui.checks import RULES

    for lang in LANGUAGES:
        texts = catalogue(lang)
        for code in RULES:
            assert f"rule.{code}" in texts and f"title.{code}" in texts, (lang, code)
