"""What the loader tells about each kind of broken file, in the user's words and at the
place: every TOML syntax error it explains, every kind of wrong value, list items and
signer keys, and the loader's limits (depth, integers, dates, keys) at their edges."""

from __future__ import annotations

import os
import re
import resource
from pathlib import Path

import pytest

from soptui import limits
from soptui.loader import load, load_bytes
from tests.core.conftest import CLEAN

ACTOR = 'nama = "Staf Tata Usaha"'


def told(tmp_path, text: str) -> list[tuple]:
    path = tmp_path / "sop.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    return [(f.code, f.line, f.col, f.field_name, f.message()) for f in loaded.findings]


@pytest.mark.parametrize(("old", "new", "line", "col", "words"), [
    (ACTOR, 'nama = "Staf" x', 17, 15, "satu baris hanya boleh berisi satu `kunci = nilai`"),
    (ACTOR, "nama Staf", 17, 6, "setelah nama kunci harus ada tanda `=`"),
    (ACTOR, "nama = Staf", 17, 8, "nilai tidak dikenali (teks perlu tanda kutip, tanggal ditulis 2024-01-15)"),
    ("tanggal_pembuatan = 2024-01-15", "tanggal_pembuatan = 2024-02-30", 7, 21, "tanggal tidak sah (tulis TAHUN-BULAN-TANGGAL"),
    ('nomor = "800/001/SEKR/2024"', 'nomor = "800/001/SEKR/2024"\nnomor = "lagi"', 6, 15,
     "kunci atau tabel ini sudah ditulis sebelumnya"),
    (ACTOR, 'nama = ["Staf"', 19, 1, "daftar `[` belum ditutup dengan `]`"),  # tomllib finds it on the next line
    ("[identitas.disahkan_oleh]", "[identitas.disahkan_oleh", 10, 25, "judul tabel belum ditutup dengan `]` atau `]]`"),
    (ACTOR, "= 1", 17, 1, "nama kunci tidak sah (gunakan huruf, angka, `-` dan `_`)"),
    (ACTOR, 'nama = "Staf\x01"', 17, 13, "ada karakter yang tidak boleh di sini (\\x01)"),  # shown, not sent to the terminal
    (ACTOR, 'nama = "Staf\n"', 17, 13, "ada karakter yang tidak boleh di sini (akhir baris)"),
])
def test_each_toml_mistake_is_explained_where_it_is(tmp_path, old, new, line, col, words):
    [(code, at_line, at_col, field, message)] = told(tmp_path, CLEAN.replace(old, new))
    assert (code, at_line, at_col, field) == ("S010", line, col, "")
    assert message.startswith("TOML tidak valid: ") and words in message, message


@pytest.mark.parametrize(("value", "kind"), [
    ("1.5", "bilangan desimal"), ("true", "true/false"), ('["a"]', "daftar teks"), ("{ a = 1 }", "tabel"),
    ("2024-01-15", "tanggal (mis. 2024-01-15)"), ("2024-01-15T08:00:00", "tanggal dengan jam"), ("08:00:00", "tanggal dengan jam"),
    ("15", "bilangan bulat"),
])
def test_a_value_of_the_wrong_kind_is_named_for_what_it_is(tmp_path, value, kind):
    [(code, line, col, field, message)] = told(tmp_path, CLEAN.replace('waktu = "10 menit"', f"waktu = {value}"))
    assert (code, line, col, field) == ("S002", 34, 9, "langkah[2].waktu")
    assert message.startswith(f"`langkah[2].waktu` harus berupa teks, bukan {kind} (")


def test_a_long_wrong_value_is_shortened_in_the_message(tmp_path):
    [(*_, message)] = told(tmp_path, CLEAN.replace('waktu = "10 menit"', f"waktu = [{', '.join(['1'] * 30)}]"))
    assert "([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...)" in message


def test_list_items_and_answers_of_the_wrong_kind_are_each_named(tmp_path):
    text = CLEAN.replace('"SEKRETARIAT DAERAH"]', '"SEKRETARIAT DAERAH", 7, true]') + (
        '\n[[evaluasi]]\ntanggal = 2024-03-01\npenilai = "Tim"\n\n[evaluasi.jawaban]\nmudah_dipahami = "ya"\nsinergi = true\n')
    found = [(code, line, col, field) for code, line, col, field, _ in told(tmp_path, text)]
    assert found == [("S002", 6, 78, "identitas.instansi[3]"), ("S002", 6, 81, "identitas.instansi[4]"),
                     ("S002", 58, 18, "evaluasi[1].jawaban.mudah_dipahami")]


def test_a_choice_and_an_id_outside_what_is_allowed(tmp_path):
    text = CLEAN.replace("[identitas]\n", '[identitas]\njenis = "rahasia"\n').replace('id = "arsip"', 'id = "Arsip Surat"')
    found = told(tmp_path, text)
    assert [(code, line, col, field) for code, line, col, field, _ in found] == [
        ("S002", 4, 9, "identitas.jenis"), ("S002", 48, 6, "langkah[4].id")]
    assert found[0][4] == '`identitas.jenis` bernilai "rahasia"; pilih salah satu dari: administratif, teknis'
    assert found[1][4].startswith('`langkah[4].id` = "Arsip Surat" hanya boleh berisi huruf kecil')


def test_the_signer_is_read_like_every_table(tmp_path):
    text = CLEAN.replace('nip = "196911041994031007"', 'nip = "196911041994031007"\ngelar = "S.H."').replace(
        'jabatan = "Kepala Biro Umum"\n', "")
    found = [(code, line, col, field) for code, line, col, field, _ in told(tmp_path, text)]
    assert found == [("S001", 10, 1, "identitas.disahkan_oleh.jabatan"), ("S011", 13, 9, "identitas.disahkan_oleh.gelar")]
    path = tmp_path / "sop.toml"
    signer = load(path).sop.identitas.disahkan_oleh
    assert (signer.jabatan, signer.nama, signer.extra) == ("", "Agustinus Lake, S.H.", {"gelar": "S.H."})


def test_a_missing_required_list_reads_as_empty_and_is_reported(tmp_path):
    text = CLEAN.replace('instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "SEKRETARIAT DAERAH"]\n', "")
    path = tmp_path / "sop.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert loaded.sop.identitas.instansi == () and loaded.sop.identitas.nama == "Pengelolaan Surat Masuk"
    assert [(f.code, f.field_name) for f in loaded.findings] == [("S001", "identitas.instansi")]
    assert "daftar teks" in loaded.findings[0].message()


def test_an_empty_list_where_one_item_is_needed(tmp_path):
    found = told(tmp_path, CLEAN.replace('instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "SEKRETARIAT DAERAH"]',
                                          "instansi = []"))
    assert [(code, field) for code, _, _, field, _ in found] == [("S012", "identitas.instansi")]
    assert found[0][4] == "`identitas.instansi` berisi 0 butir; minimal 1"


def test_an_unreadable_file_says_why(tmp_path):
    loaded = load(tmp_path / "tidak-ada.sop.toml")
    [finding] = loaded.findings
    assert (finding.code, finding.line, finding.col, finding.path) == ("S010", 1, 1, str(tmp_path / "tidak-ada.sop.toml"))
    assert finding.message() == "berkas tidak dapat dibaca: No such file or directory; periksa nama dan izin berkas"
    assert load(tmp_path).findings[0].message() == "berkas tidak dapat dibaca: Is a directory; periksa nama dan izin berkas"


def test_a_file_that_is_not_utf8_is_placed_at_its_line(tmp_path):
    loaded = load_bytes(CLEAN.encode().replace(b"Staf Tata Usaha", "Staf \xe9".encode("latin-1")), "x.toml")
    [finding] = loaded.findings
    offset = CLEAN.encode().index(b"Staf Tata Usaha") + 5
    assert (finding.code, finding.line, finding.col) == ("S010", 17, 1) and loaded.sop is None
    assert finding.message() == f"berkas bukan UTF-8 (byte ke-{offset}); simpan ulang berkas sebagai UTF-8"


def test_a_file_past_the_size_limit_says_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    data = CLEAN.encode() + b"#" * (3 * 1024 * 1024)
    loaded = load_bytes(data, "besar.toml")
    assert loaded.sop is None and loaded.source is None
    assert loaded.findings[0].message() == f"berkas berukuran {len(data)} byte, lebih dari batas 3 MiB; pecah menjadi beberapa SOP"


def test_nesting_at_the_depth_limit_loads_and_one_deeper_is_refused(tmp_path):
    def nested(depth: int) -> str:  # the file's top table is the first level, a top-level list the second
        return CLEAN.replace("format = 1", "format = 1\nlampiran = " + "[" * (depth - 1) + "]" * (depth - 1))

    path = tmp_path / "sop.toml"
    path.write_text(nested(limits.MAX_DEPTH), encoding="utf-8")
    assert load(path).sop is not None
    path.write_text(nested(limits.MAX_DEPTH + 1), encoding="utf-8")
    refused = load(path)
    assert refused.sop is None and [(f.code, f.line) for f in refused.findings] == [("S015", 2)]
    assert str(limits.MAX_DEPTH) in refused.findings[0].message()


@pytest.mark.parametrize(("number", "loads"), [
    (str(2**63 - 1), True), (str(-(2**63 - 1)), True), (str(2**63), False), (str(-(2**63)), False)])
def test_integers_at_the_64_bit_edge(tmp_path, number, loads):
    found = told(tmp_path, CLEAN.replace("format = 1", f"format = 1\nnilai = {number}"))
    assert [(code, line, col, field) for code, line, col, field, _ in found] == (
        [("S011", 2, 9, "nilai")] if loads else [("S015", 2, 9, "nilai")])


def test_a_number_too_long_to_convert_is_placed_at_its_column(tmp_path):
    [(code, line, col, *_)] = told(tmp_path, CLEAN.replace("format = 1", "format = 1\nnilai = " + "9" * 5000))
    assert (code, line, col) == ("S015", 2, 9)


@pytest.mark.parametrize(("value", "loads"), [
    ("1900-01-01T00:00:00", True), ("1899-12-31T23:59:59", False), ("2999-12-31T23:59:59", True), ("3000-01-01T00:00:00", False)])
def test_a_datetime_is_held_to_the_date_range_by_its_day(tmp_path, value, loads):
    found = told(tmp_path, CLEAN.replace("format = 1", f"format = 1\ndicatat = {value}"))
    assert [code for code, *_ in found] == (["S011"] if loads else ["S015"])


def test_a_key_past_its_length_limit_is_named_by_its_beginning(tmp_path):
    key = "k" * (limits.MAX_SHORT + 1)
    [(code, line, _, _, message)] = told(tmp_path, CLEAN.replace("format = 1", f"format = 1\n{key} = 1"))
    assert (code, line) == ("S015", 2)
    assert message == f"nama kunci `{'k' * 30}...` panjangnya {limits.MAX_SHORT + 1} karakter, lebih dari batas {limits.MAX_SHORT};" \
                      " persingkat nama kuncinya"
    at_limit = told(tmp_path, CLEAN.replace("format = 1", f"format = 1\n{'k' * limits.MAX_SHORT} = 1"))
    assert [code for code, *_ in at_limit] == ["S011"]


@pytest.mark.parametrize(("key", "value", "refused"), [
    ("id", "sta\\tf", True), ("pelaksana", "staf\\n", True), ("kegiatan", "Menerima\\tsurat\\nmasuk", False),
    ("kelengkapan", "a\\r\\nb", False),
])
def test_line_breaks_and_tabs_only_in_running_text(tmp_path, key, value, refused):
    text = CLEAN.replace('id = "terima"\nkegiatan = "Menerima surat masuk"\npelaksana = "staf"',
                         'id = "terima"\nkegiatan = "Menerima surat masuk"\npelaksana = "staf"\nkelengkapan = "x"')
    text = text.replace({"id": 'id = "terima"', "pelaksana": 'pelaksana = "staf"\nkelengkapan', "kegiatan":
                         'kegiatan = "Menerima surat masuk"', "kelengkapan": 'kelengkapan = "x"'}[key],
                        {"id": f'id = "{value}"', "pelaksana": f'pelaksana = "{value}"\nkelengkapan',
                         "kegiatan": f'kegiatan = "{value}"', "kelengkapan": f'kelengkapan = "{value}"'}[key], 1)
    found = told(tmp_path, text)
    codes = [code for code, *_ in found]
    assert ("S014" in codes) is refused, found
    if refused:
        assert found[0][3].endswith(key) and found[0][0] == "S014"


def test_a_too_long_number_is_told_what_it_is(tmp_path):
    [(*_, message)] = told(tmp_path, CLEAN.replace("format = 1", "format = 1\nnilai = " + "9" * 5000))
    assert message == "baris ini memuat bilangan di luar batas bilangan bulat TOML (64 bit); perbaiki nilainya"


def test_nesting_too_deep_for_the_parser_is_placed_past_brackets_inside_strings(tmp_path):
    before = 'catatan = "kurung [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ dalam teks \\" [[[["\n'
    text = CLEAN.replace("format = 1", "format = 1\n" + before + "lampiran = " + "[" * 2000 + "]" * 2000)
    [(code, line, col, _, message)] = told(tmp_path, text)
    assert (code, line, col) == ("S015", 3, 12 + limits.MAX_DEPTH)
    assert message.startswith(f"baris ini bertingkat lebih dari {limits.MAX_DEPTH} lapis")


@pytest.mark.parametrize("key", ["[{}]", "[[{}]]", "{} = 1", "lampiran = {{ x = 1, {} = 1 }}"])
def test_a_key_path_past_the_depth_limit_is_refused_before_tomllib_reads_it(tmp_path, monkeypatch, key):
    """tomllib reads a dotted key in time quadratic in its length (a 200 kB header took 7 s, a few
    MB hours): the loader refuses one past the depth limit, which would refuse it anyway, unread."""
    import tomllib

    monkeypatch.setattr(tomllib, "loads", lambda text: pytest.fail("a long key path reached tomllib"))
    path = ".".join(["a"] * 300_000)  # 600 kB: about 60 s in tomllib
    text = CLEAN.replace("format = 1", "format = 1\nbobot = 1.5\n" + key.format(path), 1)  # a float: not plain TOML
    [(code, line, col, _, message)] = told(tmp_path, text)
    assert (code, line, col) == ("S015", 3, 1 + key.index("{}") - key[:key.index("{}")].count("{{"))
    assert f"{limits.MAX_DEPTH} lapis" in message
    shallow = CLEAN.replace("format = 1", "format = 1\nbobot = 1.5\n" + key.format(".".join(["a"] * 3)), 1)
    assert limits.first_long_key(shallow) is None


def test_a_file_without_steps_or_anything_at_all_is_told_so_without_a_crash(tmp_path):
    assert [(code, field) for code, _, _, field, _ in told(tmp_path, "")] == [
        ("S001", "format"), ("S001", "identitas"), ("S001", "pelaksana"), ("S001", "langkah")]
    only_identity = CLEAN.split("[[pelaksana]]")[0]
    assert [(code, field) for code, _, _, field, _ in told(tmp_path, only_identity)] == [
        ("S001", "pelaksana"), ("S001", "langkah")]


def test_a_huge_integer_is_refused_in_a_file_with_no_other_number(tmp_path):
    text = CLEAN.replace("format = 1\n", "").replace("[identitas]\n", f"[identitas]\nnilai = {2**64}\n")
    assert [(code, field) for code, _, _, field, _ in told(tmp_path, text)] == [("S015", "identitas.nilai")]


def test_in_a_file_already_suspect_the_edges_are_the_same(tmp_path):
    """One over-long text sends the file to the precise walk: the values at the edges must pass it too."""
    long_text = "kata " * (limits.MAX_TEXT // 5) + "x"
    items = ", ".join(['"Komputer"'] * limits.MAX_ITEMS)
    text = CLEAN.replace("tanggal_pembuatan = 2024-01-15", "tanggal_pembuatan = 1900-01-01").replace(
        "tanggal_efektif = 2024-02-01", f"tanggal_efektif = 2999-12-31\nperalatan = [{items}]").replace(
        'kegiatan = "Mengarsipkan surat"', f'kegiatan = "{long_text}"').replace(
        "format = 1", f"format = 1\nbesar = {2**63 - 1}\nkecil = {-(2**63 - 1)}\nlampiran = {'[' * 31}{']' * 31}")
    found = told(tmp_path, text)
    assert [(code, field) for code, _, _, field, _ in found] == [("S015", "langkah[4].kegiatan")]


def test_every_problem_of_a_suspect_file_is_listed_not_only_the_first(tmp_path):
    items = ", ".join(['"Komputer"'] * (limits.MAX_ITEMS + 1))
    text = CLEAN.replace("[identitas]\n", f"[identitas]\nperalatan = [{items}]\n").replace(
        'nama = "Staf Tata Usaha"', 'nama = "Staf\\u0000"')
    found = told(tmp_path, text)
    assert [(code, field) for code, _, _, field, _ in found] == [("S015", "identitas.peralatan"), ("S014", "pelaksana[1].nama")]


def test_an_unprintable_character_is_told_by_its_place_in_the_text(tmp_path):
    [(*_, message)] = told(tmp_path, CLEAN.replace(ACTOR, 'nama = "Staf\\u0000"'))
    assert "karakter U+0000 (karakter ke-5)" in message


@pytest.mark.parametrize(("key", "named"), [("k" * 29 + "\\u0007", "k" * 29 + "\x07"), ("k" * 30 + "\\u0007", "k" * 30 + "...")])
def test_a_key_with_an_unprintable_character_is_named_by_its_first_thirty(tmp_path, key, named):
    [(code, _, _, _, message)] = told(tmp_path, CLEAN.replace("[identitas]\n", f'[identitas]\n"{key}" = 1\n'))
    assert code == "S014" and message.startswith("nama kunci `identitas.")
    assert ("..." in message) is named.endswith("...")


def test_a_fifo_is_told_it_is_no_regular_file(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipa.sop.toml")
    [finding] = load(tmp_path / "pipa.sop.toml").findings
    assert finding.message() == ("berkas tidak dapat dibaca: bukan berkas biasa (folder, FIFO atau perangkat);"
                                 " periksa nama dan izin berkas")


def test_a_copy_saved_from_a_private_file_stays_private(tmp_path):
    from soptui.store import save

    path = tmp_path / "rahasia.sop.toml"
    path.write_text(CLEAN, encoding="utf-8")
    path.chmod(0o600)
    loaded = load(path)
    save(loaded.sop.with_identity(nama="Salinan"), tmp_path / "salinan.sop.toml", loaded.source)
    assert (tmp_path / "salinan.sop.toml").stat().st_mode & 0o777 == 0o600


def test_rows_keep_their_unknown_keys_and_rows_without_id_get_a_visible_name(tmp_path):
    text = CLEAN.replace('id = "agenda"\n', "").replace('waktu = "5 menit"\noutput = "Surat terarsip"',
                                                        'waktu = "5 menit"\noutput = "Surat terarsip"\nbiaya = "Rp 0"')
    path = tmp_path / "sop.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert [step.id for step in loaded.sop.langkah] == ["terima", "#2", "periksa", "arsip"]
    assert loaded.sop.langkah[3].extra == {"biaya": "Rp 0"}
    empty = load_bytes(CLEAN.replace('instansi = ["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", "SEKRETARIAT DAERAH"]',
                                     "instansi = []").encode(), "x.toml")
    assert [(f.code, f.severity) for f in empty.findings] == [("S012", "error")]


def test_nesting_too_deep_written_with_spaces_and_closed_lists_is_placed_where_it_goes_too_deep(tmp_path):
    """Each level opens a list holding a closed one before the next: ``[ [1], [ [1], ...``. The place
    is the first bracket nested past the limit, on the key's line (a capital X in the key is no
    quote, and closed lists and spaces do not count as levels)."""
    level = "[ [1], "
    line = "Lampiran_X = " + level * 2000 + "]" * 2000
    text = CLEAN.replace("format = 1", "format = 1\n" + line)
    [(code, number, col, _, _)] = told(tmp_path, text)
    deepest = len("Lampiran_X = ") + len(level) * (limits.MAX_DEPTH - 1) + level.index("[1]")
    assert (code, number, col) == ("S015", 2, deepest + 1)


def test_a_too_long_number_written_with_underscores_is_placed_on_its_line(tmp_path):
    [(code, line, col, _, message)] = told(tmp_path, CLEAN.replace("format = 1", "format = 1\nnilai = 9" + "_9" * 5000))
    assert (code, line, col) == ("S015", 2, 9)
    assert message.startswith("baris ini memuat bilangan di luar batas")


def test_a_file_of_gigabytes_is_refused_by_its_size_without_being_read_whole(tmp_path):
    """A 4 GiB file (sparse, no disk used) is refused by its size after reading just past the
    limit: loaded in a forked child allowed 1 GiB more memory, reading it whole would fail."""
    path, told_file = tmp_path / "besar.sop.toml", tmp_path / "told.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert load(path).sop is not None  # the same file under the limit loads (and mutmut sees this test read files)
    with open(path, "wb") as handle:
        handle.truncate(4 * 1024**3)
    child = os.fork()
    if child == 0:  # pragma: no cover (the child)
        status = 1
        try:
            used = int(re.search(r"VmSize:\s+(\d+) kB", Path("/proc/self/status").read_text())[1]) * 1024
            resource.setrlimit(resource.RLIMIT_AS, (used + 1024**3, used + 1024**3))
            [finding] = load(path).findings
            told_file.write_text(f"{finding.code} {finding.message()}", encoding="utf-8")
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "loading the file in the child failed"
    size, limit = limits.MAX_FILE_BYTES + 1, limits.MAX_FILE_BYTES // 1024**2
    assert told_file.read_text(encoding="utf-8").startswith(
        f"S015 berkas berukuran {size} byte, lebih dari batas {limit} MiB")


def test_a_file_that_does_not_load_still_names_itself(tmp_path):
    """The site's index and the checker list a broken file by the path its load result carries."""
    path = tmp_path / "rusak.sop.toml"
    path.write_text("format = 1\nnama = \n", encoding="utf-8")
    loaded = load(path)
    assert (loaded.sop, loaded.path, [f.code for f in loaded.findings]) == (None, path, ["S010"])
