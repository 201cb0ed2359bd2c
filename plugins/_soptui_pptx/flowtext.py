"""Flowing measured paragraphs into columns and slides.

Used by the identity slides: headings and numbered items are measured once,
then poured into fixed-height columns; an item taller than the room left is
split between its lines, and a heading never ends a column alone.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from _soptui_pptx.text import line_height


@dataclass(frozen=True)
class Para:
    """A paragraph already wrapped: its lines, size, weight and the space above it."""

    lines: tuple[str, ...]
    size: float
    bold: bool = False
    space_before: float = 0.0
    indent: float = 0.0  # hanging indent of the continuation lines
    heading: bool = False
    continued: bool = False  # the rest of a paragraph split between columns
    align: str = "left"
    colour: str | None = None  # None: the palette's text colour
    resume: Para | None = None  # the heading repeated above this paragraph when it opens a later column

    def height(self, first_in_column: bool) -> float:
        return (0.0 if first_in_column else self.space_before) + len(self.lines) * line_height(self.size)


def pour(paras: list[Para], column_height: float) -> list[list[Para]]:
    """Columns of paragraphs, each no taller than ``column_height``.

    A section that goes on in a new column gets its heading again there
    (``resume``), so every column says what its list is.
    """
    columns: list[list[Para]] = [[]]
    used = 0.0
    queue = deque(paras)
    while queue:
        para = queue.popleft()
        column = columns[-1]
        if not column and len(columns) > 1 and para.resume is not None:
            queue.extendleft((replace(para, resume=None), para.resume))
            continue
        need = para.height(not column)
        follower = queue[0] if queue else None
        if para.heading and follower is not None:
            need += line_height(follower.size) + follower.space_before  # keep with one line of what follows
        if used + need <= column_height:
            column.append(para)
            used += para.height(not column[:-1])
            continue
        room_lines = int((column_height - used - (para.space_before if column else 0)) // line_height(para.size))
        if not para.heading and room_lines >= 1 and len(para.lines) > 1:
            head, tail = para.lines[:room_lines], para.lines[room_lines:]
            column.append(replace(para, lines=head))
            queue.appendleft(replace(para, lines=tail, space_before=0.0, continued=True))
        elif not column:  # a single line taller than the column cannot happen at the sizes used
            column.append(para)
            used = para.height(True)
            continue
        else:
            queue.appendleft(para)
        columns.append([])
        used = 0.0
    return [column for column in columns if column]
