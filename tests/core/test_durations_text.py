"""What the Mutu Baku ``waktu`` reads as and how a total is printed (the JSON export's
``durations.text``, the PPTX summary, the diff): Indonesian writing habits in, Indonesian
numbers out. docs/durations.md is the reference."""

from __future__ import annotations

import pytest

from soptui.durations import DAY, HOUR, MINUTE, Duration, parse_waktu, total


@pytest.mark.parametrize(("text", "seconds"), [
    ("1,5 jam", 90 * MINUTE),  # the decimal comma of Indonesian writing
    ("1.5 jam", 90 * MINUTE),
    ("0,25 hari", 6 * HOUR),
    ("1 bulan", 30 * DAY),  # a month counts as 30 days, not 31 (docs/durations.md)
    ("2 bulan", 60 * DAY),
    ("2 minggu", 14 * DAY),
    ("45 mnt", 45 * MINUTE),
    ("90 detik", 90),
    ("2 JAM", 2 * HOUR),
    ("  3 jam  ", 3 * HOUR),
])
def test_a_single_amount(text, seconds):
    assert parse_waktu(text) == Duration(seconds, seconds)


@pytest.mark.parametrize("text", ["1-2 jam", "1 - 2 jam", "1–2 jam", "1 s.d. 2 jam", "1 sd 2 jam", "1 sampai 2 jam"])
def test_every_way_of_writing_a_range(text):
    assert parse_waktu(text) == Duration(HOUR, 2 * HOUR)


@pytest.mark.parametrize("text", ["", "secepatnya", "jam 2", "2 jam lebih", "2 tahun", "-1 jam", "1,5,5 jam", "3-2 hari kerja"])
def test_free_text_and_backwards_ranges_are_no_duration(text):
    assert parse_waktu(text) is None


def test_working_days_keep_a_decimal_comma_when_printed():
    half = parse_waktu("0,5-1,5 hari kerja")
    assert half == Duration(0, 0, 0.5, 1.5)
    assert half.describe() == "0,5 hari kerja"
    assert half.describe("max") == "1,5 hari kerja"
    assert half.describe_range() == "0,5-1,5 hari kerja"


def test_calendar_time_is_printed_in_days_hours_minutes_and_seconds():
    assert parse_waktu("1,5 jam").describe() == "1 jam 30 menit"
    assert parse_waktu("90 detik").describe() == "1 menit 30 detik"
    assert parse_waktu("1 bulan").describe() == "30 hari"
    assert parse_waktu("0,5 menit").describe() == "30 detik"
    assert Duration(1.5, 1.5).describe() == "1,5 detik"


def test_describe_gives_the_low_end_by_default_and_the_high_end_when_asked():
    both = total([parse_waktu("1-2 jam"), parse_waktu("1-3 hari kerja")])
    assert both.describe() == both.describe("min") == "1 hari kerja 1 jam"
    assert both.describe("max") == "3 hari kerja 2 jam"


def test_nothing_timed_reads_as_zero_minutes():
    nothing = total([None, parse_waktu("secepatnya")])
    assert nothing.is_zero
    assert nothing.describe() == nothing.describe("max") == nothing.describe_range() == "0 menit"


def test_a_range_prints_each_amount_once():
    assert total([parse_waktu("2 hari kerja")]).describe_range() == "2 hari kerja"
    assert total([parse_waktu("2-3 hari kerja")]).describe_range() == "2-3 hari kerja"
    assert total([parse_waktu("0-2 jam")]).describe_range() == "0 menit s.d. 2 jam"
    assert total([parse_waktu("2 jam"), parse_waktu("1-2 hari kerja")]).describe_range() == "1-2 hari kerja + 2 jam"


def test_a_total_adds_each_end_of_each_amount_on_its_own():
    summed = total([parse_waktu("1-2 jam"), parse_waktu("30 menit"), parse_waktu("1-2 hari kerja"), parse_waktu("1 hari kerja")])
    assert summed == Duration(90 * MINUTE, 150 * MINUTE, 2, 3)
    assert not summed.is_zero and not Duration(0, 0, 0, 1).is_zero


def test_large_amounts_print_in_digits_never_in_exponent_notation():
    assert parse_waktu("1000000 hari kerja").describe() == "1000000 hari kerja"
    assert parse_waktu("1000000 hari").describe() == "1000000 hari"


def test_a_waktu_text_is_parsed_once_per_process():
    """A library repeats a few texts ("5 menit") thousands of times: checking it parses each once."""
    assert parse_waktu("5 menit") is parse_waktu("5 menit") and parse_waktu("kira-kira") is None
