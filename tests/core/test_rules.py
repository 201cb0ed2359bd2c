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
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_triggers_and_clean_file_does_not(tmp_path, code):
    triggered = [f for f in findings_for(tmp_path, TRIGGERS[code]) if f.code == code]
    assert triggered, code
    assert triggered[0].severity == RULES[code].severity
    assert not [f for f in findings_for(tmp_path, CLEAN, "clean.toml") if f.code == code]


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


def test_duplicate_number_in_a_library_names_the_other_file(tmp_path):
    other = CLEAN.replace("Pengelolaan Surat Masuk", "Pengelolaan Surat Keluar")
    findings = _library(tmp_path, {"a.toml": CLEAN, "b.toml": other})
    assert sorted(f.code for f in findings) == ["L001", "L001"]
    assert str(tmp_path / "b.toml") in next(f for f in findings if f.path.endswith("a.toml")).message()


def test_links_resolve_by_name_with_or_without_sop_prefix_or_by_number(tmp_path):
    linking = CLEAN.replace('nomor = "800/001/SEKR/2024"', 'nomor = "800/002/SEKR/2024"').replace(
        "[identitas]\n", '[identitas]\nketerkaitan = ["SOP Pengelolaan Surat Masuk", "800/001/SEKR/2024", "SOP Tidak Ada"]\n')
    findings = _library(tmp_path, {"a.toml": CLEAN, "b.toml": linking})
    assert [(f.code, f.params["value"]) for f in findings] == [("L002", "SOP Tidak Ada")]


def test_every_rule_is_exercised_by_a_test():
    exercised = set(TRIGGERS) | {case[2] for case in BROKEN} | {"S010", "L001", "L002"}
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
