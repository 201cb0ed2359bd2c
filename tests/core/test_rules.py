"""Each checker rule: a file that triggers it, and the clean file that does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from soptui.checks import RULES, check_loaded
from soptui.checks.library import check_library
from soptui.loader import load
from tests.core.conftest import CLEAN, findings_for
from tests.core.test_loading import BROKEN

ROOT = Path(__file__).resolve().parents[2]

_ARSIP = 'output = "Surat terarsip"'

TRIGGERS = {
    "S013": CLEAN.replace('output = "Surat teragenda"', 'output = "Surat teragenda"\ntidak = "terima"'),
    "A001": CLEAN.replace('waktu = "10 menit"', 'waktu = "10 menit"\nlanjut = "periksa"').replace(
        '[[langkah]]\nid = "periksa"', '[[langkah]]\nid = "yatim"\nkegiatan = "Langkah lepas"\npelaksana = "staf"\nwaktu = "5 menit"\noutput = "x"\nlanjut = "periksa"\n\n[[langkah]]\nid = "periksa"'),
    "A002": CLEAN.replace('output = "Surat teragenda"', 'output = "Surat teragenda"\nlanjut = "terima"'),
    "A003": CLEAN.replace('[[langkah]]\nid = "periksa"', '[[langkah]]\nid = "tolak"\nkegiatan = "Menolak"\npelaksana = "staf"\nsimbol = "terminator"\nwaktu = "5 menit"\noutput = "x"\n\n[[langkah]]\nid = "periksa"').replace('waktu = "10 menit"', 'waktu = "10 menit"\nlanjut = "periksa"').replace('tidak = "agenda"', 'tidak = "tolak"'),
    "A004": CLEAN.replace('kegiatan = "Menerima surat masuk"', 'kegiatan = "Menerima surat masuk"\nsimbol = "proses"'),
    "A005": CLEAN.replace(_ARSIP, _ARSIP + '\nsimbol = "proses"\nlanjut = "terima"'),
    "I001": CLEAN.replace('[[langkah]]', '[[pelaksana]]\nid = "kepala"\nnama = "Kepala Biro"\n\n[[langkah]]', 1),
    "I002": CLEAN.replace('waktu = "10 menit"\n', ""),
    "I003": CLEAN.replace('output = "Surat teragenda"\n', ""),
    "I004": CLEAN.replace('waktu = "10 menit"', 'waktu = "secepatnya"'),
    "I006": CLEAN.replace("tanggal_efektif = 2024-02-01", "tanggal_efektif = 2023-12-01"),
    "I007": CLEAN.split("[identitas.disahkan_oleh]")[0] + "[[pelaksana]]" + CLEAN.split("[[pelaksana]]", 1)[1],
    "I008": CLEAN.replace("[[langkah]]", "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "Jabatan {n}"\n\n' for n in range(6)) + "[[langkah]]", 1),
    "I009": CLEAN.replace("[identitas]\n", '[identitas]\nlogo = "tidak-ada.png"\n'),
    "I010": CLEAN.replace('nama = "Pengelolaan Surat Masuk"', 'nama = "Nama Prosedur"'),
    "I011": CLEAN.replace('kegiatan = "Mencatat surat dalam buku agenda"', 'kegiatan = "  "'),
    # checked with the portrait setting (below): six actors
    "I012": CLEAN.replace("[[langkah]]", "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "Jabatan {n}"\n\n' for n in range(4)) + "[[langkah]]", 1),
    "I013": CLEAN.replace('kegiatan = "Mencatat surat dalam buku agenda"', 'kegiatan = "Mencatat surat 来函 dalam agenda"'),
}
#: Rules that depend on the user's settings: the settings their trigger is checked with.
SETTINGS = {"I012": {"SOPTUI_ORIENTATION": "portrait"}}


#: Everything each trigger file is told: (code, line, column, field), in the order reported. A rule's
#: finding is where the user must look, and a trigger sets off nothing else unless it is a consequence.
EXPECTED = {
    "S013": [("S013", 36, 9, "langkah[2].tidak")],
    "A001": [("A001", 38, 1, "langkah[3]")],
    # agenda -> terima closes a loop with no way out (both steps), and the steps after it are unreachable
    "A002": [("A002", 23, 1, "langkah[1]"), ("A002", 30, 1, "langkah[2]"), ("A001", 38, 1, "langkah[3]"),
             ("A001", 47, 1, "langkah[4]")],
    "A003": [("A003", 1, 1, "langkah")],  # about the whole flow: the top of the file
    "A004": [("A004", 26, 10, "langkah[1].simbol")],
    "A005": [("A005", 46, 1, "langkah[4]")],
    "I001": [("I001", 24, 6, "pelaksana[3].id")],
    "I002": [("I002", 30, 1, "langkah[2].waktu")],  # no waktu key: its step's header
    "I003": [("I003", 30, 1, "langkah[2].output")],
    "I004": [("I004", 34, 9, "langkah[2].waktu")],
    "I006": [("I006", 8, 19, "identitas.tanggal_efektif")],
    "I007": [("I007", 8, 19, "identitas.tanggal_efektif")],
    # six actors added to have eight: none of the six does a step
    "I008": [*[("I001", 24 + 4 * n, 6, f"pelaksana[{n + 3}].id") for n in range(6)], ("I008", 1, 1, "pelaksana")],
    "I009": [("I009", 4, 8, "identitas.logo")],
    "I010": [("I010", 4, 8, "identitas.nama")],
    "I011": [("I011", 32, 12, "langkah[2].kegiatan")],
    "I012": [*[("I001", 24 + 4 * n, 6, f"pelaksana[{n + 3}].id") for n in range(4)], ("I012", 1, 1, "pelaksana")],
    "I013": [("I013", 32, 12, "langkah[2].kegiatan")],
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_triggers_where_the_problem_is_and_nothing_else_does(tmp_path, code, monkeypatch):
    for name, value in SETTINGS.get(code, {}).items():
        monkeypatch.delenv("SOPTUI_ISOLATED", raising=False)
        monkeypatch.delenv("SOPTUI_CONFIG", raising=False)
        monkeypatch.setenv(name, value)
    findings = findings_for(tmp_path, TRIGGERS[code])
    assert [(f.code, f.line, f.col, f.field_name) for f in findings] == EXPECTED[code]
    assert all(f.severity == RULES[f.code].severity for f in findings)
    assert f"{tmp_path / 'sop.toml'}:" in next(f for f in findings if f.code == code).format_line()
    assert findings_for(tmp_path, CLEAN, "clean.toml") == []


PLACEHOLDERS = {
    "identitas.nomor": ('nomor = "800/001/SEKR/2024"', 'nomor = "000/000/SEKR/2024"'),
    "identitas.instansi[2]": ('"SEKRETARIAT DAERAH"]', '"DINAS ..."]'),
    "identitas.disahkan_oleh.jabatan": ('jabatan = "Kepala Biro Umum"', 'jabatan = "Kepala Dinas …"'),
    "identitas.disahkan_oleh.nama": ('nama = "Agustinus Lake, S.H."', 'nama = "Nama Pejabat"'),  # commented in the template
    "pelaksana[2].nama": ('nama = "Kasubbag Tata Usaha"', 'nama = "Kasubbag ___"'),
}


@pytest.mark.parametrize("field", sorted(PLACEHOLDERS))
def test_text_left_from_the_template_is_an_error_naming_the_field(tmp_path, field):
    old, new = PLACEHOLDERS[field]
    found = [f.field_name for f in findings_for(tmp_path, CLEAN.replace(old, new)) if f.code == "I010"]
    assert found == [field]


@pytest.mark.parametrize("nomor", ["000.1.2/004/SETDA/2024", "000/123/SETDA/2024", "SOP-01/BKD"])
def test_numbers_with_zero_classification_or_no_slash_are_filled_in(tmp_path, nomor):
    text = CLEAN.replace('nomor = "800/001/SEKR/2024"', f'nomor = "{nomor}"')
    assert not [f for f in findings_for(tmp_path, text) if f.code == "I010"]


def test_an_untouched_new_sop_fails_the_check_on_every_placeholder():
    from soptui.template import new_sop_text

    loaded = load_text(new_sop_text())
    fields = {f.field_name for f in check_loaded(loaded) if f.code == "I010"}
    assert {"identitas.nama", "identitas.nomor", "identitas.instansi[1]", "identitas.dasar_hukum[1]"} <= fields


def test_six_actors_print_landscape_without_a_word_and_portrait_with_the_count(tmp_path, monkeypatch):
    monkeypatch.delenv("SOPTUI_ISOLATED", raising=False)
    monkeypatch.delenv("SOPTUI_CONFIG", raising=False)
    for orientation, expected in (("landscape", []), ("portrait", ["I012"])):
        monkeypatch.setenv("SOPTUI_ORIENTATION", orientation)
        findings = [f for f in findings_for(tmp_path, TRIGGERS["I012"]) if f.code == "I012"]
        assert [f.code for f in findings] == expected
    assert "has 6 actors" in findings[0].message("en") and "landscape" in findings[0].message("en")
    five = CLEAN.replace("[[langkah]]", "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "J {n}"\n\n' for n in range(3))
                         + "[[langkah]]", 1)
    assert not [f for f in findings_for(tmp_path, five) if f.code == "I012"]  # five still fit portrait


def test_empty_actor_of_a_step_is_an_unknown_actor(tmp_path):
    text = CLEAN.replace('kegiatan = "Menerima surat masuk"\npelaksana = "staf"', 'kegiatan = "Menerima surat masuk"\npelaksana = ""')
    assert [(f.code, f.field_name) for f in findings_for(tmp_path, text)] == [("S004", "langkah[1].pelaksana")]


def test_a_field_the_loader_refused_is_not_reported_again_by_a_rule(tmp_path):
    text = CLEAN.replace('kegiatan = "Menerima surat masuk"\n', "")
    assert [(f.code, f.field_name) for f in findings_for(tmp_path, text)] == [("S001", "langkah[1].kegiatan")]


def load_text(text: str):
    from soptui.loader import load_bytes

    return load_bytes(text.encode("utf-8"), Path("baru.sop.toml"))


def test_logo_that_is_not_an_image_is_reported(tmp_path):
    (tmp_path / "logo.png").write_text("not a picture")
    text = CLEAN.replace("[identitas]\n", '[identitas]\nlogo = "logo.png"\n')
    finding = next(f for f in findings_for(tmp_path, text) if f.code == "I009")
    assert "PNG atau JPEG" in finding.message()


def test_readable_logo_passes(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    text = CLEAN.replace("[identitas]\n", '[identitas]\nlogo = "logo.png"\n')
    assert not [f for f in findings_for(tmp_path, text) if f.code == "I009"]


def test_nip_with_spaces_between_its_parts_is_valid(tmp_path):
    text = CLEAN.replace('nip = "196911041994031007"', 'nip = "19691104 199403 1 007"')
    assert findings_for(tmp_path, text) == []


@pytest.mark.parametrize("nip", ["196913041994031007", "196911041994131007", "196911041994033007", "19691104199403100x"])
def test_nip_with_impossible_parts_is_invalid(tmp_path, nip):
    text = CLEAN.replace('nip = "196911041994031007"', f'nip = "{nip}"')
    assert [f.code for f in findings_for(tmp_path, text)] == ["I005"]


def _library(tmp_path: Path, texts: dict[str, str]):
    loaded = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        loaded.append(load(tmp_path / name))
    return check_library(loaded)


#: The L rules: files of one library, and everything reported (file, code, line, column, field).
LIBRARY_TRIGGERS = {
    "L001": ({"a.toml": CLEAN, "b.toml": CLEAN.replace("Pengelolaan Surat Masuk", "Pengelolaan Surat Keluar")},
             [("a.toml", "L001", 5, 9, "identitas.nomor"), ("b.toml", "L001", 5, 9, "identitas.nomor")]),
    "L002": ({"a.toml": CLEAN, "b.toml": CLEAN.replace('nomor = "800/001/SEKR/2024"', 'nomor = "800/002/SEKR/2024"').replace(
        "[identitas]\n", '[identitas]\nketerkaitan = ["SOP Pengelolaan Surat Masuk", "800/001/SEKR/2024", "SOP Tidak Ada"]\n')},
             [("b.toml", "L002", 4, 68, "identitas.keterkaitan[3]")]),
}


@pytest.mark.parametrize("code", sorted(LIBRARY_TRIGGERS))
def test_library_rule_triggers_where_the_problem_is(tmp_path, code):
    texts, expected = LIBRARY_TRIGGERS[code]
    findings = _library(tmp_path, texts)
    assert [(Path(f.path).name, f.code, f.line, f.col, f.field_name) for f in findings] == expected
    assert all(f.severity == RULES[f.code].severity for f in findings)


def test_duplicate_number_in_a_library_names_the_other_file(tmp_path):
    findings = _library(tmp_path, LIBRARY_TRIGGERS["L001"][0])
    assert str(tmp_path / "b.toml") in next(f for f in findings if f.path.endswith("a.toml")).message()


def test_links_resolve_by_name_with_or_without_sop_prefix_or_by_number(tmp_path):
    findings = _library(tmp_path, LIBRARY_TRIGGERS["L002"][0])
    assert [(f.code, f.params["value"]) for f in findings] == [("L002", "SOP Tidak Ada")]


#: What else a broken file of test_loading.BROKEN is told, after its own finding: (code, line, column).
CONSEQUENCES = {
    "bad symbol": [("S013", 42, 9)],  # the refused simbol leaves a process, which has no tidak
    "bad id": [("S005", 42, 9)],  # the refused id leaves a placeholder: tidak = "agenda" names no step
    "one step only": [("I001", 20, 6)],  # the step of the second actor is gone
    "duplicate id": [("S005", 42, 9), ("A002", 23, 1), ("A001", 37, 1), ("A001", 46, 1)],  # the first "terima" counts
    "unknown actor": [("I001", 20, 6)],
}


@pytest.mark.parametrize(("case", "text", "code", "line", "col"), [b[:5] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_file_is_told_its_problem_and_its_consequences_only(tmp_path, case, text, code, line, col):
    findings = findings_for(tmp_path, text)
    assert [(f.code, f.line, f.col) for f in findings] == [(code, line, col), *CONSEQUENCES.get(case, [])]


def test_every_rule_is_exercised_by_a_test():
    """Each rule has a trigger in one of the tables whose tests assert its finding (code and place)."""
    exercised = set(TRIGGERS) | {case[2] for case in BROKEN} | set(LIBRARY_TRIGGERS)
    assert set(EXPECTED) == set(TRIGGERS)
    assert set(RULES) <= exercised, set(RULES) - exercised


def test_every_rule_is_documented_with_a_wrong_and_a_right_example():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in RULES:
        section = re.search(rf"^## {code}\b.*?(?=^## |\Z)", text, re.M | re.S)
        assert section, f"{code} missing from docs/rules.md"
        assert "Salah" in section.group(0) and "Benar" in section.group(0), code


def test_examples_have_no_errors(examples):
    for path in examples:
        loaded = load(path)
        assert not [f.format_line() for f in check_loaded(loaded) if f.severity == "error"]


def test_a_character_without_glyph_written_as_a_toml_escape_is_found_too(tmp_path):
    """An ASCII file may still hold such a character, escaped: the rule's quick pass must not skip it."""
    escaped = TRIGGERS["I013"].replace("来函", "\\u6765\\u51FD")
    assert escaped.isascii()
    assert [(f.code, f.field) for f in findings_for(tmp_path, escaped) if f.code == "I013"] == [
        ("I013", ("langkah", 1, "kegiatan"))]
