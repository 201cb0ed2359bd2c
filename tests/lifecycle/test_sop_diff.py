"""`soptui diff` reports each kind of change in SOP terms, and a diff becomes a revision entry."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lifecycle_fixtures import make_sop

from soptui.cli import cli
from soptui.corpus import generate_sop
from soptui.lifecycle.diff import StepRef, diff_sops
from soptui.lifecycle.diff_text import describe, record_revision, revision_summary
from soptui.loader import load
from soptui.model import Actor, MonitoringRecord, Step


@pytest.fixture
def cuti(examples):
    return load(next(path for path in examples if path.name == "pengajuan-cuti.sop.toml")).sop


def _steps(sop, *changes):
    """A copy whose steps are rebuilt by the given functions of the step list."""
    steps = list(sop.langkah)
    for change in changes:
        steps = change(steps)
    return replace(sop, langkah=tuple(steps))


def test_same_sop_has_no_changes(cuti):
    result = diff_sops(cuti, cuti)
    assert not result
    assert describe(result) == ["Tidak ada perubahan isi SOP."]


def test_added_and_removed_steps_are_named_with_their_rows(cuti):
    new_step = Step(id="arsip", kegiatan="Mengarsipkan salinan surat izin cuti", pelaksana="staf", waktu="5 menit")
    changed = _steps(cuti, lambda s: [x for x in s if x.id != "paraf-sekretaris"], lambda s: [*s[:-1], new_step, s[-1]])
    result = diff_sops(cuti, changed)
    (added,) = result.of("langkah", "added")
    assert added.subject == StepRef("arsip", 7, "Mengarsipkan salinan surat izin cuti")
    (removed,) = result.of("langkah", "removed")
    assert removed.subject == StepRef("paraf-sekretaris", 5, "Memaraf konsep surat izin cuti")
    assert not result.of("langkah", "moved")
    text = "\n".join(describe(result))
    assert "+ 7. Mengarsipkan salinan surat izin cuti" in text
    assert "- 5. Memaraf konsep surat izin cuti (baris lama)" in text


def test_one_step_moved_up_is_one_move(cuti):
    def move_serahkan_to_third(steps):
        moving = next(s for s in steps if s.id == "konsep")
        rest = [s for s in steps if s is not moving]
        return [*rest[:6], moving, *rest[6:]]

    result = diff_sops(cuti, _steps(cuti, move_serahkan_to_third))
    moved = result.of("langkah", "moved")
    assert [(c.subject.id, c.old, c.new) for c in moved] == [("konsep", 3, 7)]


def test_reworded_step_with_new_id_is_matched_by_its_kegiatan(cuti):
    def reword(steps):
        return [replace(s, id="susun-konsep", kegiatan="Menyusun dan mengetik konsep surat izin cuti pegawai") if s.id == "konsep" else s for s in steps]

    changed = _steps(cuti, reword)
    changed = replace(changed, langkah=tuple(replace(s, tidak="susun-konsep") if s.tidak == "konsep" else s for s in changed.langkah))
    result = diff_sops(cuti, changed)
    assert not result.of("langkah", "added") and not result.of("langkah", "removed")
    (reworded,) = result.of("langkah", "reworded")
    assert reworded.old == "Menyusun konsep surat izin cuti"
    assert reworded.subject.id == "susun-konsep"
    assert not result.of("cabang"), "the Tidak branch still leads to the same (renamed) step"


def test_actor_changes_and_step_actor_change(cuti):
    actors = [a for a in cuti.pelaksana if a.id != "sekretaris"]
    actors[2] = replace(actors[2], nama="Kepala Sub Bagian Umum dan Kepegawaian")
    actors.insert(1, Actor(id="verifikator", nama="Verifikator Kepegawaian"))
    changed = replace(cuti, pelaksana=tuple(actors))
    changed = _steps(changed, lambda s: [replace(x, pelaksana="kasubbag") if x.id == "paraf-sekretaris" else x for x in s])
    result = diff_sops(cuti, changed)
    assert [(c.subject, c.new) for c in result.of("pelaksana", "added")] == [("verifikator", "Verifikator Kepegawaian")]
    assert [(c.subject, c.old) for c in result.of("pelaksana", "removed")] == [("sekretaris", "Sekretaris")]
    assert [(c.subject, c.new) for c in result.of("pelaksana", "renamed")] == [("kasubbag", "Kepala Sub Bagian Umum dan Kepegawaian")]
    (moved_actor,) = result.of("langkah", "actor_changed")
    assert (moved_actor.subject.id, moved_actor.old, moved_actor.new) == ("paraf-sekretaris", "Sekretaris", "Kepala Sub Bagian Umum dan Kepegawaian")


def test_mutu_baku_changes_and_the_main_path_total(cuti):
    changed = _steps(cuti, lambda s: [replace(x, waktu="2 hari kerja", output="Surat izin cuti bertanda tangan") if x.id == "tandatangan" else x for x in s])
    result = diff_sops(cuti, changed)
    fields = {(c.subject.id, c.detail, c.old, c.new) for c in result.of("mutu_baku", "changed")}
    assert fields == {
        ("tandatangan", "waktu", "1 hari kerja", "2 hari kerja"),
        ("tandatangan", "output", "Surat izin cuti", "Surat izin cuti bertanda tangan"),
    }
    (total,) = result.of("mutu_baku", "total_changed")
    assert total.old.startswith("1 hari kerja") and total.new.startswith("2 hari kerja")


def test_branch_target_and_label_changes(cuti):
    changed = _steps(cuti, lambda s: [replace(x, tidak="periksa", label_tidak="Kembalikan") if x.id == "paraf-kasubbag" else x for x in s])
    result = diff_sops(cuti, changed)
    (target,) = result.of("cabang", "target_changed")
    assert (target.subject.id, target.detail, target.old.id, target.new.id) == ("paraf-kasubbag", "tidak", "konsep", "periksa")
    (label,) = result.of("cabang", "label_changed")
    assert (label.old, label.new) == ("Perbaiki", "Kembalikan")
    assert "cabang Tidak kini ke 2. Memeriksa" in "\n".join(describe(result))


def test_inserting_a_step_does_not_report_every_arrow_around_it(cuti):
    extra = Step(id="cek", kegiatan="Mengecek nomor surat pada aplikasi", pelaksana="staf")
    result = diff_sops(cuti, _steps(cuti, lambda s: [*s[:6], extra, *s[6:]]))
    assert [c.kind for c in result.of("langkah")] == ["added"]
    assert not result.of("cabang")


def test_identity_fields_and_lists(cuti):
    changed = cuti.with_identity(
        nomor="800/018/BKD/2025",
        tanggal_efektif=dt.date(2025, 3, 1),
        dasar_hukum=(*cuti.identitas.dasar_hukum[1:], "Peraturan Gubernur Nomor 5 Tahun 2025"),
        disahkan_oleh=replace(cuti.identitas.disahkan_oleh, nama="Dra. Maria Seran"),
    )
    result = diff_sops(cuti, changed)
    assert {c.subject for c in result.of("identitas", "changed")} == {"nomor", "tanggal_efektif", "disahkan_oleh.nama"}
    assert [c.new for c in result.of("identitas", "added")] == ["Peraturan Gubernur Nomor 5 Tahun 2025"]
    assert [c.old for c in result.of("identitas", "removed")] == [cuti.identitas.dasar_hukum[0]]
    text = "\n".join(describe(result, "en"))
    assert "SOP number: \"800/017/BKD/2024\" → \"800/018/BKD/2025\"" in text


def test_revision_entry_describes_the_procedure_change_and_sets_tanggal_revisi(cuti):
    changed = _steps(cuti, lambda s: [replace(x, kegiatan="Menandatangani surat izin cuti secara elektronik") if x.id == "tandatangan" else x for x in s])
    changed = replace(changed, monitoring=(*changed.monitoring, MonitoringRecord(tanggal=dt.date(2025, 2, 1))))
    result = diff_sops(cuti, changed)
    summary = revision_summary(result)
    assert summary == "Mengubah uraian 1 kegiatan: \u201cMenandatangani surat izin cuti secara elektronik\u201d"
    revised = record_revision(changed, result, dt.date(2025, 3, 1), oleh="Sub Bagian Umum")
    assert revised.identitas.tanggal_revisi == dt.date(2025, 3, 1)
    assert revised.riwayat[-1].uraian == summary
    assert revised.riwayat[-1].oleh == "Sub Bagian Umum"
    assert revised.riwayat[:-1] == cuti.riwayat
    records_only = replace(cuti, monitoring=changed.monitoring)
    assert revision_summary(diff_sops(cuti, records_only)) == "Pemutakhiran tanpa perubahan isi prosedur"


def test_many_changes_are_counted_not_all_listed():
    old = make_sop(seed=3, steps=12)
    new = replace(old, langkah=tuple(replace(s, kegiatan=s.kegiatan + " dengan teliti") for s in old.langkah))
    summary = revision_summary(diff_sops(old, new))
    assert summary.startswith("Mengubah uraian 12 kegiatan:") and summary.endswith("dan 9 lainnya")


def test_cli_two_files_text_and_json(tmp_path, write_sop, cuti):
    old = write_sop("lama", cuti)
    new = write_sop("baru", _steps(cuti, lambda s: [replace(x, waktu="20 menit") if x.id == "ajukan" else x for x in s]))
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "Mutu baku" in result.stdout and "waktu \"15 menit\" → \"20 menit\"" in result.stdout
    data = json.loads(CliRunner().invoke(cli, ["diff", str(old), str(new), "--json"]).stdout)
    assert data["jumlah"] == {"mutu_baku.changed": 1, "mutu_baku.total_changed": 1}
    change = data["perubahan"][0]
    assert change["subjek"] == {"id": "ajukan", "baris": 1, "kegiatan": cuti.langkah[0].kegiatan}
    assert (change["lama"], change["baru"]) == ("15 menit", "20 menit")
    assert CliRunner().invoke(cli, ["diff", str(old), str(old)]).exit_code == 0


def test_cli_compares_with_a_git_revision(tmp_path, examples):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    target = tmp_path / "cuti.sop.toml"
    source = next(path for path in examples if path.name == "pengajuan-cuti.sop.toml")
    target.write_bytes(source.read_bytes())
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "kosong")
    git("add", "cuti.sop.toml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "v1")
    target.write_text(source.read_text(encoding="utf-8").replace('nama = "Sekretaris"', 'nama = "Sekretaris Badan"'), encoding="utf-8")
    for args in (["diff", str(target), "--rev", "HEAD"], ["diff", f"{target}@HEAD"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert "sekretaris: \"Sekretaris\" → \"Sekretaris Badan\"" in result.stdout
    result = CliRunner().invoke(cli, ["diff", f"{target}@HEAD~1", str(target)])
    assert result.exit_code == 2
    assert "revisi git HEAD~1" in result.stderr


def test_cli_usage_errors_are_clear(tmp_path, write_sop, cuti):
    path = write_sop("satu", cuti)
    result = CliRunner().invoke(cli, ["diff", str(path)])
    assert result.exit_code == 2 and "dua berkas" in result.stderr
    result = CliRunner().invoke(cli, ["diff", str(path), str(tmp_path / "tidak-ada.sop.toml")])
    assert result.exit_code == 2 and "tidak-ada.sop.toml tidak ada" in result.stderr
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("format = 1\n[identitas\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(path), str(broken)])
    assert result.exit_code == 2 and f"{broken}:2:" in result.stderr


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_generated_sops_removing_one_step_reports_that_step_and_nothing_moved(seed, data):
    old = generate_sop(seed)
    index = data.draw(st.integers(1, len(old.langkah) - 2))  # keep the start and the end
    gone = old.langkah[index]
    new = replace(old, langkah=old.langkah[:index] + old.langkah[index + 1:])
    result = diff_sops(old, new)
    assert [c.subject.id for c in result.of("langkah", "removed")] == [gone.id]
    assert not result.of("langkah", "added") and not result.of("langkah", "moved")
    assert not result.of("langkah", "reworded") and not result.of("identitas")
    assert revision_summary(result).startswith("Menghapus 1 langkah")
    assert not diff_sops(old, old)


@settings(max_examples=25, deadline=None)
@given(a=st.integers(0, 10_000), b=st.integers(0, 10_000))
def test_any_two_sops_can_be_compared_and_described(a, b):
    result = diff_sops(generate_sop(a), generate_sop(b))
    lines = describe(result, "en")
    assert lines and all(isinstance(line, str) for line in lines)
    assert json.dumps(result.to_json(), ensure_ascii=False)


def test_remarks_symbols_columns_and_records_are_reported(cuti):
    actors = list(cuti.pelaksana)
    actors[3], actors[4] = actors[4], actors[3]  # Kepala Badan before Sekretaris
    changed = replace(cuti, pelaksana=tuple(actors),
                      riwayat=(*cuti.riwayat, replace(cuti.riwayat[0], uraian="Revisi kedua")))
    changed = _steps(changed, lambda s: [
        replace(x, keterangan="Dikerjakan pada hari yang sama") if x.id == "register" else
        replace(x, simbol="keputusan", tidak="konsep") if x.id == "paraf-sekretaris" else x for x in s])
    result = diff_sops(cuti, changed)
    (column,) = result.of("pelaksana", "moved")
    assert (column.subject, column.old, column.new) == ("kepala", 5, 4)
    (remark,) = result.of("langkah", "changed")
    assert (remark.subject.id, remark.detail, remark.new) == ("register", "keterangan", "Dikerjakan pada hari yang sama")
    (symbol,) = result.of("langkah", "symbol_changed")
    assert (symbol.subject.id, symbol.old, symbol.new) == ("paraf-sekretaris", "proses", "keputusan")
    branches = [(c.detail, c.old, c.new.id) for c in result.of("cabang") if c.subject.id == "paraf-sekretaris"]
    assert branches == [("ya", None, "tandatangan"), ("tidak", None, "konsep")], "a new decision shows both its branches"
    (records,) = result.of("catatan")
    assert (records.kind, records.subject, records.new) == ("added", "riwayat", 1)
    text = "\n".join(describe(result))
    assert "kepala: kolom 5 → kolom 4" in text and "Riwayat revisi: 1 catatan baru" in text
