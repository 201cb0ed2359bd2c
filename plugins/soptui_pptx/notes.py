"""Speaker notes: the Keterangan of the steps a slide shows, for the presenter."""

from __future__ import annotations

from collections.abc import Iterable

from soptui.model import Sop


def step_notes(sop: Sop, step_ids: Iterable[str]) -> list[str]:
    """``"<No>. <Kegiatan>: <Keterangan>"`` for each listed step that has a Keterangan, in step order."""
    wanted = set(step_ids)
    return [
        f"{number}. {step.kegiatan}: {step.keterangan}"
        for number, step in enumerate(sop.langkah, start=1)
        if step.id in wanted and step.keterangan.strip()
    ]
