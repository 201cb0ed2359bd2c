"""`soptui monev` flags the SOPs a unit must monitor, evaluate or fix, for a fixed date."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from lifecycle_fixtures import make_sop

from soptui.cli import cli
from soptui.lifecycle.monev import add_months, monev_status

D = dt.date
TODAY = D(2025, 3, 1)
WIDE = {"COLUMNS": "200"}  # rich wraps the table to the terminal width


def test_months_are_added_on_the_calendar_and_clamped_to_month_end():
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 15), 12) == D(2025, 11, 15)
    assert add_months(D(2024, 7, 1), 6) == D(2025, 1, 1)


def test_latest_monitoring_older_than_six_months_is_overdue(monitored):
    # monitored 2024-08-31: due 2025-02-28, overdue on 2025-03-01 by one day
    status = monev_status(monitored((D(2024, 3, 1), "baik"), (D(2024, 8, 31), "baik")), TODAY)
    assert status.monitoring.last == D(2024, 8, 31)
    assert status.monitoring.state == "overdue"
    assert status.monitoring.days_left == -1


def test_monitoring_exactly_six_months_ago_is_due_today_not_late(monitored):
    status = monev_status(monitored((D(2024, 9, 1), "baik")), TODAY)
    assert status.monitoring.due == TODAY
    assert status.monitoring.state == "due_soon"


def test_record_order_in_the_file_does_not_matter(monitored):
    status = monev_status(monitored((D(2025, 1, 10), "baik"), (D(2024, 2, 1), "tidak_baik")), TODAY)
    assert status.monitoring.last == D(2025, 1, 10)
    assert status.monitoring.state == "ok"
    assert not status.judged_not_good


def test_evaluation_is_due_yearly(monitored):
    sop = monitored((D(2025, 1, 10), "baik"), evaluated=(D(2024, 2, 1),))
    status = monev_status(sop, TODAY)
    assert status.evaluation.state == "overdue"
    assert status.evaluation.days_left == -28
    assert monev_status(monitored((D(2025, 1, 10), "baik"), evaluated=(D(2024, 6, 1),)), TODAY).evaluation.state == "ok"


def test_sop_without_records_counts_from_tanggal_efektif_then_pembuatan():
    fresh = make_sop(tanggal_pembuatan=D(2024, 12, 1), tanggal_efektif=D(2025, 1, 2))
    status = monev_status(fresh, TODAY)
    assert status.monitoring.since == D(2025, 1, 2)
    assert status.monitoring.state == "ok"
    assert status.evaluation.due == D(2026, 1, 2)
    old = make_sop(tanggal_pembuatan=D(2024, 1, 15), tanggal_efektif=None)
    status = monev_status(old, TODAY)
    assert status.monitoring.since == D(2024, 1, 15)
    assert status.monitoring.state == "overdue"
    assert status.evaluation.state == "overdue"


def test_latest_judgement_tidak_baik_needs_attention_even_when_on_time(monitored):
    status = monev_status(monitored((D(2025, 2, 1), "tidak_baik")), TODAY)
    assert status.monitoring.state == "ok"
    assert status.judged_not_good
    assert status.needs_attention


def test_revision_after_a_bad_monitoring_is_reported(monitored):
    sop = monitored((D(2025, 1, 5), "tidak_baik")).with_identity(tanggal_revisi=D(2025, 2, 10))
    assert monev_status(sop, TODAY).revised_after_monitoring == D(2025, 2, 10)


def _library(write_sop, monitored):
    write_sop("a-baik", monitored((D(2025, 1, 10), "baik"), evaluated=(D(2024, 12, 1),), nomor="A/1"))
    write_sop("b-terlambat", monitored((D(2024, 6, 1), "baik"), evaluated=(D(2024, 12, 1),), nomor="B/2"))
    write_sop("c-tidak-baik", monitored((D(2025, 2, 1), "tidak_baik"), evaluated=(D(2024, 12, 1),), nomor="C/3"))


def test_cli_json_flags_the_right_sops(tmp_path, write_sop, monitored):
    _library(write_sop, monitored)
    result = CliRunner().invoke(cli, ["monev", str(tmp_path), "--today", "2025-03-01", "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["tanggal_acuan"] == "2025-03-01"
    by_number = {row["nomor"]: row for row in data["sop"]}
    assert by_number["A/1"]["perlu_tindakan"] is False, by_number["A/1"]
    assert by_number["B/2"]["monitoring"]["status"] == "overdue"
    assert by_number["B/2"]["monitoring"]["jatuh_tempo"] == "2024-12-01"
    assert by_number["C/3"]["tidak_baik"] is True
    assert by_number["C/3"]["monitoring"]["status"] == "ok"


def test_cli_table_names_each_problem_and_exit_zero_when_all_is_well(tmp_path, write_sop, monitored):
    _library(write_sop, monitored)
    result = CliRunner().invoke(cli, ["monev", str(tmp_path), "--today", "2025-03-01", "--perlu-tindakan"], env=WIDE)
    assert result.exit_code == 1
    assert "terlambat 90 hari" in result.stdout
    assert "Tidak berjalan dengan baik" in result.stdout
    assert "A/1" not in result.stdout
    assert "2 perlu tindakan" in result.stderr
    good = CliRunner().invoke(cli, ["monev", str(tmp_path / "a-baik.sop.toml"), "--today", "2025-03-01", "--lang", "en"], env=WIDE)
    assert good.exit_code == 0
    assert "Working well" in good.stdout


def test_cli_bad_date_and_unreadable_file_are_clear_errors(tmp_path, write_sop, monitored):
    result = CliRunner().invoke(cli, ["monev", ".", "--today", "1 Maret 2025"])
    assert result.exit_code == 2
    assert "bukan tanggal" in result.output and "2025-01-31" in result.output
    broken = tmp_path / "rusak.sop.toml"
    broken.write_text("format = 1\n[identitas\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["monev", str(broken), "--today", "2025-03-01"])
    assert result.exit_code == 2
    assert f"{broken}:2:" in result.stderr


def test_evaluation_answers_survive_saving_a_new_file(write_sop, monitored):
    from soptui.loader import load

    sop = monitored((D(2025, 1, 10), "baik"), evaluated=(D(2024, 12, 1), D(2025, 2, 1)))
    loaded = load(write_sop("dinilai", sop))
    assert loaded.findings == []
    assert loaded.sop.evaluasi == sop.evaluasi
