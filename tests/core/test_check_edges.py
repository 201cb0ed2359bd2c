"""Each rule at its edges, stated whole: every finding a file is told (code, line, column, field)
and the first one's words. A gap left to fill but not dots inside a word, a nomor with no number
but not one with only a year, blank required texts, duplicate ids counted, every kind of branch
key where it does not belong, seven actors (the limit) and eight."""

from __future__ import annotations

import json
import os
import signal

import pytest
from click.testing import CliRunner

from soptui.cli import cli
from tests.core.conftest import CLEAN, findings_for
from tests.core.test_rules import SETTINGS, TRIGGERS

S = CLEAN
CASES = {
    "gap in a list item": S.replace('"SEKRETARIAT DAERAH"]', '"DINAS ……"]'),
    "underscores in a name": S.replace('nama = "Kasubbag Tata Usaha"', 'nama = "Kasubbag ___"'),
    "dots inside a word are no gap": S.replace('nama = "Kasubbag Tata Usaha"', 'nama = "Kasubbag T.U...."'),
    "nomor without a number": S.replace('nomor = "800/001/SEKR/2024"', 'nomor = "800//SEKR/2024"'),
    "nomor with a year only": S.replace('nomor = "800/001/SEKR/2024"', 'nomor = "SEKR/2024"'),
    "nomor of zeros": S.replace('nomor = "800/001/SEKR/2024"', 'nomor = "000/0/SEKR/2024"'),
    "blank actor name": S.replace('nama = "Kasubbag Tata Usaha"', 'nama = " "'),
    "blank instansi item": S.replace('"SEKRETARIAT DAERAH"]', '""]'),
    "blank signer title": S.replace('jabatan = "Kepala Biro Umum"', 'jabatan = ""'),
    "blank revision": S + '\n[[riwayat]]\ntanggal = 2024-03-01\nuraian = " "\n',
    "blank waktu and output": S.replace('waktu = "10 menit"', 'waktu = "  "').replace('output = "Surat teragenda"', 'output = " "'),
    "seven actors": S.replace("[[langkah]]", "".join(f'[[pelaksana]]\nid = "p{n}"\nnama = "Jabatan {n}"\n\n' for n in range(5)) + "[[langkah]]", 1),
    "missing logo": S.replace("[identitas]\n", '[identitas]\nlogo = "hilang.png"\n'),
    "duplicate actor thrice": S.replace('[[langkah]]', '[[pelaksana]]\nid = "staf"\nnama = "Staf Dua"\n\n[[pelaksana]]\nid = "staf"\nnama = "Staf Tiga"\n\n[[langkah]]', 1),
    "unknown lanjut and ya": S.replace('waktu = "10 menit"', 'waktu = "10 menit"\nlanjut = "hilang"').replace('simbol = "keputusan"', 'simbol = "keputusan"\nya = "entah"'),
    "ya omitted equals tidak": S.replace('tidak = "agenda"', 'tidak = "arsip"'),
    "lanjut on a decision": S.replace('tidak = "agenda"', 'tidak = "agenda"\nlanjut = "arsip"'),
    "ya on the end": S.replace('output = "Surat terarsip"', 'output = "Surat terarsip"\nya = "agenda"'),
    "ya on the start": S.replace('output = "Surat diterima"', 'output = "Surat diterima"\nya = "agenda"'),
    "label on a process": S.replace('output = "Surat teragenda"', 'output = "Surat teragenda"\nlabel_ya = "Lengkap"'),
    "unknown actor list": S.replace('pelaksana = "kasubbag"', 'pelaksana = "kabag"'),
    "nomor of four zeros": S.replace('nomor = "800/001/SEKR/2024"', 'nomor = "0000/0000/SEKR/2024"'),
    "a record before the sop was made": S + '\n[[monitoring]]\ntanggal = 2023-05-01\npenilaian = "baik"\n',
    "decision without tidak": S.replace('tidak = "agenda"\n', ""),
    "decision as the last step": S.replace('simbol = "keputusan"\ntidak = "agenda"\n', "").replace('output = "Surat terarsip"', 'output = "Surat terarsip"\nsimbol = "keputusan"\ntidak = "agenda"'),
    "waktu not understood": S.replace('waktu = "10 menit"', 'waktu = "kira-kira sejam"'),
    "blank name": S.replace('nama = "Pengelolaan Surat Masuk"', 'nama = ""'),
    "a gap in who made a revision": S + '\n[[riwayat]]\ntanggal = 2024-03-01\nuraian = "Menyusun"\noleh = "Bagian ..."\n',
    "two steps without an end": S.split("[[langkah]]")[0] + "[[langkah]]" + S.split("[[langkah]]")[1] + "[[langkah]]" + S.split("[[langkah]]")[2].replace('output = "Surat teragenda"', 'output = "Surat teragenda"\nsimbol = "proses"'),
    "the start jumps ahead": S.replace('output = "Surat diterima"', 'output = "Surat diterima"\nlanjut = "periksa"').replace('tidak = "agenda"', 'tidak = "terima"'),
    "empty actor of a step": S.replace('pelaksana = "kasubbag"', 'pelaksana = " "'),
    "identity of the wrong type": S.split("[identitas]")[0] + 'identitas = "Surat"\n\n[[pelaksana]]' + S.split("[[pelaksana]]", 1)[1],
}

EXPECTED = {
    'gap in a list item': (
        [
            ('I010', 6, 56, 'identitas.instansi[2]'),
        ],
        '`identitas.instansi[2]` masih berisi tempat isian titik-titik ("DINAS ……"); lengkapi teksnya',
    ),
    'underscores in a name': (
        [
            ('I010', 21, 8, 'pelaksana[2].nama'),
        ],
        '`pelaksana[2].nama` masih berisi tempat isian titik-titik ("Kasubbag ___"); lengkapi teksnya',
    ),
    'dots inside a word are no gap': (
        [],
        None,
    ),
    'nomor without a number': (
        [
            ('I010', 5, 9, 'identitas.nomor'),
        ],
        'nomor SOP "800//SEKR/2024" belum diisi (angkanya nol atau kosong); tulis nomor sesuai tata naskah dinas instansi',
    ),
    'nomor with a year only': (
        [],
        None,
    ),
    'nomor of zeros': (
        [
            ('I010', 5, 9, 'identitas.nomor'),
        ],
        'nomor SOP "000/0/SEKR/2024" belum diisi (angkanya nol atau kosong); tulis nomor sesuai tata naskah dinas instansi',
    ),
    'blank actor name': (
        [
            ('I011', 21, 8, 'pelaksana[2].nama'),
        ],
        '`pelaksana[2].nama` kosong; isi teksnya (tercetak kosong di dokumen)',
    ),
    'blank instansi item': (
        [
            ('I011', 6, 56, 'identitas.instansi[2]'),
        ],
        '`identitas.instansi[2]` kosong; isi teksnya (tercetak kosong di dokumen)',
    ),
    'blank signer title': (
        [
            ('I011', 11, 11, 'identitas.disahkan_oleh.jabatan'),
        ],
        '`identitas.disahkan_oleh.jabatan` kosong; isi teksnya (tercetak kosong di dokumen)',
    ),
    'blank revision': (
        [
            ('I011', 55, 10, 'riwayat[1].uraian'),
        ],
        '`riwayat[1].uraian` kosong; isi teksnya (tercetak kosong di dokumen)',
    ),
    'blank waktu and output': (
        [
            ('I002', 34, 9, 'langkah[2].waktu'),
            ('I003', 35, 10, 'langkah[2].output'),
        ],
        '`waktu` langkah "agenda" kosong; isi mutu baku waktu, mis. "15 menit"',
    ),
    'seven actors': (
        [
            ('I001', 24, 6, 'pelaksana[3].id'),
            ('I001', 28, 6, 'pelaksana[4].id'),
            ('I001', 32, 6, 'pelaksana[5].id'),
            ('I001', 36, 6, 'pelaksana[6].id'),
            ('I001', 40, 6, 'pelaksana[7].id'),
        ],
        'pelaksana "p0" (Jabatan 0) tidak punya langkah; hapus kolomnya atau beri langkah',
    ),
    'missing logo': (
        [
            ('I009', 4, 8, 'identitas.logo'),
        ],
        'logo "hilang.png" tidak dapat dibaca: No such file or directory; periksa path-nya (relatif terhadap berkas SOP)',
    ),
    'duplicate actor thrice': (
        [
            ('S003', 24, 6, 'pelaksana[3].id'),
            ('S003', 28, 6, 'pelaksana[4].id'),
        ],
        'id "staf" dipakai 3 kali di `pelaksana[3].id`; beri setiap baris id yang berbeda',
    ),
    'unknown lanjut and ya': (
        [
            ('S005', 35, 10, 'langkah[2].lanjut'),
            ('S005', 43, 6, 'langkah[3].ya'),
            ('A002', 23, 1, 'langkah[1]'),
            ('A002', 30, 1, 'langkah[2]'),
            ('A001', 38, 1, 'langkah[3]'),
            ('A001', 48, 1, 'langkah[4]'),
        ],
        '`langkah[2].lanjut` menunjuk langkah "hilang" yang tidak ada; tulis id langkah yang benar',
    ),
    'ya omitted equals tidak': (
        [
            ('S007', 42, 9, 'langkah[3].tidak'),
        ],
        'kedua cabang keputusan "periksa" menuju "arsip"; arahkan `ya` dan `tidak` ke langkah yang berbeda',
    ),
    'lanjut on a decision': (
        [
            ('S013', 43, 10, 'langkah[3].lanjut'),
        ],
        '`lanjut` pada keputusan "periksa" diabaikan; keputusan memakai `ya` dan `tidak`',
    ),
    'ya on the end': (
        [
            ('S008', 52, 6, 'langkah[4].ya'),
        ],
        'langkah "arsip" adalah akhir (terminator) sehingga tidak boleh punya `ya`; hapus kunci itu atau ubah simbolnya',
    ),
    'ya on the start': (
        [
            ('S013', 29, 6, 'langkah[1].ya'),
        ],
        '`ya` pada langkah "terima" diabaikan karena simbolnya bukan keputusan; hapus kunci itu atau jadikan keputusan',
    ),
    'label on a process': (
        [
            ('S013', 36, 12, 'langkah[2].label_ya'),
        ],
        '`label_ya` pada langkah "agenda" diabaikan karena simbolnya bukan keputusan; hapus kunci itu atau jadikan keputusan',
    ),
    'unknown actor list': (
        [
            ('S004', 40, 13, 'langkah[3].pelaksana'),
            ('I001', 20, 6, 'pelaksana[2].id'),
        ],
        'pelaksana "kabag" tidak ada di [[pelaksana]]; pilih salah satu dari: kasubbag, staf',
    ),
    'nomor of four zeros': (
        [
            ('I010', 5, 9, 'identitas.nomor'),
        ],
        'nomor SOP "0000/0000/SEKR/2024" belum diisi (angkanya nol atau kosong); tulis nomor sesuai tata naskah dinas instansi',
    ),
    'a record before the sop was made': (
        [
            ('I006', 54, 11, 'monitoring[1].tanggal'),
        ],
        'tanggal 2023-05-01 di `monitoring[1].tanggal` lebih awal dari tanggal pembuatan 2024-01-15; periksa urutan tanggal',
    ),
    'decision without tidak': (
        [
            ('S006', 37, 1, 'langkah[3].tidak'),
        ],
        'keputusan "periksa" tidak punya cabang `tidak`; tambahkan `tidak = "<id langkah>"`',
    ),
    'decision as the last step': (
        [
            ('A005', 44, 1, 'langkah[4]'),
        ],
        'SOP tidak punya akhir; jadikan langkah terakhir terminator',
    ),
    'waktu not understood': (
        [
            ('I004', 34, 9, 'langkah[2].waktu'),
        ],
        'waktu "kira-kira sejam" pada langkah "agenda" tidak terbaca; tulis seperti "15 menit", "2-3 hari" atau "1 hari kerja"',
    ),
    'blank name': (
        [
            ('I011', 4, 8, 'identitas.nama'),
        ],
        '`identitas.nama` kosong; isi teksnya (tercetak kosong di dokumen)',
    ),
    'a gap in who made a revision': (
        [
            ('I010', 56, 8, 'riwayat[1].oleh'),
        ],
        '`riwayat[1].oleh` masih berisi tempat isian titik-titik ("Bagian ..."); lengkapi teksnya',
    ),
    'two steps without an end': (
        [
            ('A005', 30, 1, 'langkah[2]'),
            ('I001', 20, 6, 'pelaksana[2].id'),
        ],
        'SOP tidak punya akhir; jadikan langkah terakhir terminator',
    ),
    'the start jumps ahead': (
        [
            ('A001', 31, 1, 'langkah[2]'),
        ],
        'langkah "agenda" tidak dapat dicapai dari langkah pertama; hubungkan dengan `lanjut`, `ya` atau `tidak`',
    ),
    'empty actor of a step': (
        [
            ('S004', 40, 13, 'langkah[3].pelaksana'),
            ('I001', 20, 6, 'pelaksana[2].id'),
        ],
        '`langkah[3].pelaksana` kosong: langkah ini tidak punya kolom pelaksana; isi dengan salah satu dari: kasubbag, staf',
    ),
    'identity of the wrong type': (
        [
            ('S002', 3, 13, 'identitas'),
        ],
        "`identitas` harus berupa tabel, bukan teks ('Surat'); perbaiki nilainya",
    ),
}

@pytest.mark.parametrize("case", sorted(CASES))
def test_a_rule_at_its_edge_tells_exactly_this(tmp_path, case):
    findings = findings_for(tmp_path, CASES[case])
    expected, first_words = EXPECTED[case]
    assert [(f.code, f.line, f.col, f.field_name) for f in findings] == expected
    assert (findings[0].message() if findings else None) == first_words


#: What each rule's trigger file (test_rules.TRIGGERS) is told, word for word.
MESSAGES = {
    'A001': 'langkah "yatim" tidak dapat dicapai dari langkah pertama; hubungkan dengan `lanjut`, `ya` atau `tidak`',
    'A002': 'dari langkah "terima" tidak ada jalan menuju akhir; arahkan alurnya ke langkah terminator',
    'A003': 'SOP punya 2 akhir (tolak, arsip); biasanya cukup satu terminator akhir',
    'A004': 'langkah pertama "terima" harus terminator (awal prosedur); hapus `simbol` atau tulis `simbol = "terminator"`',
    'A005': 'SOP tidak punya akhir; jadikan langkah terakhir terminator',
    'I001': 'pelaksana "kepala" (Kepala Biro) tidak punya langkah; hapus kolomnya atau beri langkah',
    'I002': '`waktu` langkah "agenda" kosong; isi mutu baku waktu, mis. "15 menit"',
    'I003': '`output` langkah "agenda" kosong; isi mutu baku output',
    'I004': 'waktu "secepatnya" pada langkah "agenda" tidak terbaca; tulis seperti "15 menit", "2-3 hari" atau "1 hari kerja"',
    'I006': 'tanggal 2023-12-01 di `identitas.tanggal_efektif` lebih awal dari tanggal pembuatan 2024-01-15; periksa urutan tanggal',
    'I007': '`tanggal_efektif` diisi tetapi `[identitas.disahkan_oleh]` belum ada; tambahkan pejabat yang mengesahkan',
    'I008': 'SOP punya 8 pelaksana (lebih dari 7); kolomnya akan tercetak sempit, pertimbangkan memecah SOP',
    'I009': 'logo "tidak-ada.png" tidak dapat dibaca: No such file or directory; periksa path-nya (relatif terhadap berkas SOP)',
    'I010': '`identitas.nama` masih berisi teks contoh dari templat ("Nama Prosedur"); ganti dengan isi SOP unit Anda',
    'I011': '`langkah[2].kegiatan` kosong; isi teksnya (tercetak kosong di dokumen)',
    'I012': 'SOP punya 6 pelaksana; kertas tegak (portrait) memuat paling banyak 5 kolom pelaksana dengan rapi: cetak lanskap (A4 atau F4), mis. -O pdf.orientation=landscape atau pengaturan `orientation`',
    'I013': '`langkah[2].kegiatan` memuat 来 (U+6765), 函 (U+51FD), yang tidak ada di fon cetak (DejaVu Sans): tercetak sebagai kotak kosong, dan PDF/A menolak ekspornya; ganti karakter itu atau tulis dengan huruf Latin',
    'S013': '`tidak` pada langkah "agenda" diabaikan karena simbolnya bukan keputusan; hapus kunci itu atau jadikan keputusan',
}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_rule_says_what_is_wrong_with_the_values_that_make_it_wrong(tmp_path, monkeypatch, code):
    for name, value in SETTINGS.get(code, {}).items():
        monkeypatch.delenv("SOPTUI_CONFIG", raising=False)
        monkeypatch.setenv(name, value)
    finding = next(f for f in findings_for(tmp_path, TRIGGERS[code]) if f.code == code)
    assert finding.message() == MESSAGES[code]


def test_a_logo_that_is_no_image_is_reported_at_the_logo(tmp_path):
    (tmp_path / "logo.png").write_text("bukan gambar")
    findings = findings_for(tmp_path, CLEAN.replace("[identitas]\n", '[identitas]\nlogo = "logo.png"\n'))
    assert [(f.code, f.line, f.col, f.field_name) for f in findings] == [("I009", 4, 8, "identitas.logo")]


def _killer(ctx) -> None:
    """A plugin's rule that takes its worker down on one file (a crash in native code, the OOM killer)."""
    if ctx.path.name == "mati.sop.toml":
        os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_lost_while_checking_reports_that_file_and_the_rest_are_checked(tmp_path, monkeypatch):
    from soptui import plugins
    from soptui.checks.files import PARALLEL_FROM, check_files

    paths = []
    for number in range(PARALLEL_FROM):
        paths.append(tmp_path / f"sop-{number:02}.sop.toml")
        paths[-1].write_text(CLEAN.replace("800/001", f"800/{number:03}"), encoding="utf-8")
    paths.append(tmp_path / "mati.sop.toml")
    paths[-1].write_text(CLEAN, encoding="utf-8")
    monkeypatch.setattr(plugins, "extra_checks", lambda: [_killer])
    checked = {item.path: item for item in check_files(paths, 2)}
    assert set(checked) == {str(path) for path in paths}
    lost = checked[str(paths[-1])]
    assert (lost.suppressed, lost.entry) == (frozenset(), None)
    [finding] = lost.findings
    assert (finding.code, finding.severity, finding.path, finding.line, finding.col) == ("S010", "error", str(paths[-1]), 1, 1)
    assert finding.message().startswith("berkas tidak dapat dibaca: proses pekerja berhenti mendadak saat mengerjakan")
    assert finding.to_json()["field"] == ""  # as ``soptui check --format json`` prints it: a field of no key
    assert all(item.findings == [] and item.entry is not None for path, item in checked.items() if path != str(paths[-1]))


def _no_secrets(ctx) -> None:
    if "Rahasia" in ctx.sop.identitas.nama:
        ctx.report("I010", ("identitas", "nama"), value=ctx.sop.identitas.nama)


def test_plugin_rules_run_on_each_checked_file_and_a_broken_file_cannot_silence_itself(tmp_path, monkeypatch):
    from soptui import plugins
    from soptui.checks import check_loaded
    from soptui.checks.files import check_file
    from soptui.loader import load

    monkeypatch.setattr(plugins, "extra_checks", lambda: [_no_secrets])
    secret = tmp_path / "rahasia.sop.toml"
    secret.write_text(CLEAN.replace("Pengelolaan Surat Masuk", "Rahasia"), encoding="utf-8")
    assert [f.code for f in check_file(secret).findings] == ["I010"]
    assert [f.code for f in check_loaded(load(secret), [_no_secrets])] == ["I010"]
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("# soptui: abaikan S010\nformat = 1\n[identitas\n", encoding="utf-8")
    assert check_file(broken).suppressed == frozenset()
    silenced = tmp_path / "diam.sop.toml"
    silenced.write_text("# soptui: abaikan i011, S004\n" + CLEAN, encoding="utf-8")
    assert check_file(silenced).suppressed == frozenset({"I011", "S004"})


def test_a_link_names_an_sop_by_its_name_with_or_without_the_word_sop_only(tmp_path):
    from soptui.checks.library import check_library
    from soptui.loader import load

    other = CLEAN.replace("Pengelolaan Surat Masuk", "Keuangan").replace("800/001", "800/002")
    linking = CLEAN.replace("[identitas]\n", '[identitas]\nketerkaitan = ["SOP Keuangan", "Prosedur Keuangan", "Entah"]\n')
    for name, text in (("a.toml", other), ("b.toml", linking)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    findings = check_library([load(tmp_path / "a.toml"), load(tmp_path / "b.toml")])
    assert [(f.code, f.params["value"]) for f in findings] == [("L002", "Prosedur Keuangan"), ("L002", "Entah")]


def test_a_template_value_left_in_is_told_even_by_a_fresh_process(tmp_path):
    """The template's values are read once per process (cached): read them anew, as the first
    check of a fresh ``soptui check`` does, and the template's name left in is still told."""
    from soptui.checks import filled

    filled._template_placeholders.cache_clear()
    text = CLEAN.replace('nama = "Pengelolaan Surat Masuk"', 'nama = "Nama Prosedur"') + (
        '\n[[riwayat]]\ntanggal = 2024-03-01\nuraian = "Apa yang diubah"\noleh = "Bagian Umum"\n')
    assert [(f.code, f.field_name) for f in findings_for(tmp_path, text)] == [
        ("I010", "identitas.nama"), ("I010", "riwayat[1].uraian")]


def test_a_number_shared_by_three_files_names_the_other_two_in_each(tmp_path):
    paths = [tmp_path / f"{name}.sop.toml" for name in ("a", "b", "c")]
    for path in paths:
        path.write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--select", "L001", "--format", "json", str(tmp_path)])
    told = {finding["path"]: finding["message"] for finding in json.loads(result.stdout)}
    assert set(told) == {str(path) for path in paths}
    assert str(paths[1]) + ", " + str(paths[2]) in told[str(paths[0])]
