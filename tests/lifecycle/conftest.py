"""Fixtures of the lifecycle tests: small SOP files with chosen dates and records."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from lifecycle_fixtures import make_sop

from soptui.i18n import get_language, set_language
from soptui.model import EvaluationRecord, MonitoringRecord, Sop
from soptui.store import save


@pytest.fixture(autouse=True)
def _language_restored():
    """``--lang en`` in one test must not change the language of the next."""
    before = get_language()
    yield
    set_language(before)


@pytest.fixture
def write_sop(tmp_path: Path):
    """Write an SOP to ``tmp_path/<name>.sop.toml`` and return the path."""

    def write(name: str, sop: Sop, folder: Path | None = None) -> Path:
        target = (folder or tmp_path) / f"{name}.sop.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        save(sop, target)
        return target

    return write


@pytest.fixture
def monitored():
    """An SOP monitored on the given dates with the given judgements."""

    def build(*records: tuple[dt.date, str], evaluated: tuple[dt.date, ...] = (), **identity) -> Sop:
        sop = make_sop(**identity)
        return replace(
            sop,
            monitoring=tuple(
                MonitoringRecord(tanggal=day, penilaian=penilaian, catatan=f"catatan {day}", tindakan=f"tindakan {day}", penilai="Penilai")
                for day, penilaian in records
            ),
            evaluasi=tuple(EvaluationRecord(tanggal=day, penilai="Evaluator", jawaban={"mudah_dipahami": True}) for day in evaluated),
        )

    return build
