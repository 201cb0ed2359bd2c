"""Speaker notes: the Keterangan of the steps a slide shows, for the presenter."""

from __future__ import annotations

from collections.abc import Iterable

from soptui.model import Sop


class StepNotes:
    """``"<No>. <Kegiatan>: <Keterangan>"`` of every step that has a Keterangan, made once per deck."""

    def __init__(self, sop: Sop) -> None:
        self._by_id: dict[str, str] = {}
        for number, step in enumerate(sop.langkah, start=1):
            if step.keterangan.strip():
                self._by_id.setdefault(step.id, f"{number}. {step.kegiatan}: {step.keterangan}")

    def of(self, step_ids: Iterable[str]) -> tuple[str, ...]:
        """The notes of the listed steps, each once, in the order given (the slide's order)."""
        return tuple(self._by_id[step_id] for step_id in dict.fromkeys(step_ids) if step_id in self._by_id)
