"""How a large deck is written (package.py): what keeps it linear in time and flat in memory.

No timing here (bench/pptx.py measures); these hold the mechanism: python-pptx
builds one slide whatever the SOP, slides are drawn and written one after the
other, and a failure while writing reaches the caller instead of hanging or
leaving a deck cut short without a word.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile

import pytest
from pptx import Presentation
from pptx.slide import Slides

from _soptui_pptx.package import Slide, write_package
from soptui.corpus import generate_sop

SLIDE_BYTES = 256 * 1024


def _shapes(number: int) -> str:
    """A slide's shapes: a text box of ``SLIDE_BYTES`` characters that compress no better than hex digits."""
    text = random.Random(number).randbytes(SLIDE_BYTES // 2).hex()
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="isi {number}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>')


def test_python_pptx_builds_one_slide_whatever_the_sop(build, monkeypatch):
    """Adding slides and shapes through python-pptx rescans the package and the slide (issue 12: 4.1 GB, 15 s)."""
    added = []
    original = Slides.add_slide
    monkeypatch.setattr(Slides, "add_slide", lambda self, layout: added.append(layout) or original(self, layout))
    prs, count = build(generate_sop(3, steps=120, actors=5))
    assert len(added) == 1  # the summary, for its native chart
    assert len(prs.slides) == count > 30


def test_slides_are_written_as_they_are_drawn(tmp_path):
    """Memory holds a few slides at a time: 100 slides of 256 kB each never sit in memory together."""
    slides = [Slide(lambda n=n: _shapes(n), notes=(f"catatan {n}",)) for n in range(100)]
    tracemalloc.start()
    try:
        with (tmp_path / "deck.pptx").open("wb") as stream:
            write_package(Presentation(), slides, stream)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * SLIDE_BYTES / 4
    prs = Presentation(tmp_path / "deck.pptx")
    assert [slide.shapes[0].name for slide in prs.slides] == [f"isi {n}" for n in range(100)]
    assert prs.slides[99].notes_slide.notes_text_frame.text == "catatan 99"


class _Full(io.BytesIO):
    """A disk that fills up after ``room`` bytes."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, data) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(28, "No space left on device")
        return super().write(data)


@pytest.mark.parametrize("room", [20_000, 1_000_000])  # in the frame, among the slides
def test_a_full_disk_stops_the_deck_at_once_and_reaches_the_caller(room):
    """No drawing on for thousands of slides after the disk is full, and no deck cut short without a word."""
    drawn = []
    slides = [Slide(lambda n=n: drawn.append(n) or _shapes(n)) for n in range(40)]
    with pytest.raises(OSError, match="No space left"):
        write_package(Presentation(), slides, _Full(room))
    assert len(drawn) < 20


def test_every_slide_is_in_the_file_in_order(render):
    data, count = render(generate_sop(5, steps=60, actors=4))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
    titles = [next(shape.text_frame.text for shape in slide.shapes if shape.name == "Judul")
              for slide in list(Presentation(io.BytesIO(data)).slides)[1:]]
    assert len(titles) == count - 1
    flowchart = [title for title in titles if title.startswith("Diagram Alir")]
    assert flowchart == [f"Diagram Alir ({n} dari {len(flowchart)})" for n in range(1, len(flowchart) + 1)]
