"""The repeated header of the flowchart table, and the legend of short forms.

The second title row (actor names, Mutu Baku headings) is printed at one
size. An actor's name breaks only between words or at an Indonesian
syllable; when no size down to 7 pt lets every name do so in a few lines
(or the names would take more than a quarter of the page), an actor whose
name does not fit is headed by its ``singkatan``, or, when the file gives
none, by the initials of its name (``Pejabat Pembuat Komitmen``: ``PPK``),
and so is every other name of more than two lines, so the row stays low;
the legend under the table spells each short form out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count

from soptui.layout.grid import MUTU_BAKU, Actor
from soptui.layout.scale import Fitted, Scale
from soptui.layout.types import Column, HeaderCell

#: An actor's name taller than this many lines is headed by its short form.
MAX_NAME_LINES = 5
#: The smallest size the actor names may take on paper before short forms are used.
MIN_HEADER_SIZE = 7.0
#: Once some actor is headed by its short form, so is every name taller than this many lines.
SHORT_ROW_LINES = 2
#: The actor names never take more than this share of the page's height.
MAX_HEADER_SHARE = 0.25
LEGEND_TITLE = "Singkatan"


@dataclass(frozen=True)
class Header:
    """The header cells, their height, and the legend's text (``None`` when no short form is used)."""

    cells: tuple[HeaderCell, ...]
    height: float
    legend: Fitted | None


def make_header(columns: tuple[Column, ...], actors: list[Actor], top: float, scale: Scale,
                page: float | None = None) -> Header:
    """The two title rows and the column-number row. Mutu Baku and
    Keterangan are headed only when the table has them. ``page`` is the
    height of the page's body (``None``: unbounded)."""
    by_key = {column.key: column for column in columns}
    actor_cols = [c for c in columns if c.kind == "actor"]
    mutu = [(by_key[key], title) for key, title in MUTU_BAKU if key in by_key]
    tallest = None if page is None else page * MAX_HEADER_SHARE
    names, size, shorts = _actor_names(actors, by_key, scale, tallest)
    second_lines = names + [scale.fit(title, column.left, column.right, True, size) for column, title in mutu]
    second = [(by_key[f"pelaksana:{actor.id}"], actor.name) for actor in actors] + mutu
    spanning = [(by_key[key], title) for key, title in (("no", "No"), ("kegiatan", "Kegiatan"),
                                                         ("keterangan", "Keterangan")) if key in by_key]
    spanning_lines = [scale.fit(title, column.left, column.right, True) for column, title in spanning]
    first_height = scale.block_height(Fitted(("",), scale.size))
    second_height = max(scale.block_height(found) for found in second_lines)
    spanned = max(scale.block_height(found) for found in spanning_lines)
    second_height = max(second_height, spanned - first_height)
    middle, bottom = top + first_height, top + first_height + second_height
    cells: list[HeaderCell] = []

    def cell(left: float, upper: float, right: float, lower: float, fitted: Fitted) -> None:
        text = scale.text(left, upper, right, lower, fitted, bold=True, align="center")
        cells.append(HeaderCell(scale.box(left, upper, right, lower), text))

    for (column, _), found in zip(spanning, spanning_lines):
        cell(column.left, top, column.right, bottom, found)
    groups = [(actor_cols, "Pelaksana")] + ([([column for column, _ in mutu], "Mutu Baku")] if mutu else [])
    for group, title in groups:
        cell(group[0].left, top, group[-1].right, middle, scale.fit(title, group[0].left, group[-1].right, True))
    for (column, _), found in zip(second, second_lines):
        cell(column.left, middle, column.right, bottom, found)
    numbers_bottom = bottom + first_height
    for index, column in enumerate(columns, start=1):
        cell(column.left, bottom, column.right, numbers_bottom, Fitted((str(index),), scale.size))
    legend = None
    if shorts:
        entries = "; ".join(f"{actor.short} = {actor.name}" for actor in shorts)
        legend = scale.fit(f"{LEGEND_TITLE}: {entries}", columns[0].left, columns[-1].right)
    return Header(tuple(cells), numbers_bottom - top, legend)


def _actor_names(actors: list[Actor], by_key: dict[str, Column], scale: Scale,
                 tallest: float | None) -> tuple[list[Fitted], float, list[Actor]]:
    """Each actor's header text at the one size the row takes, and the
    actors headed by a short form."""
    sizes = [scale.size]
    if not scale.cells:
        floor = max(MIN_HEADER_SIZE, scale.min_size)
        while sizes[-1] - 0.5 >= floor - 1e-9:
            sizes.append(round(sizes[-1] - 0.5, 2))
    for size in sizes:
        fitted = [_name(actor.name, by_key[f"pelaksana:{actor.id}"], scale, size) for actor in actors]
        if all(_reads_well(found) for found in fitted) and not _too_tall(fitted, scale, tallest):
            return fitted, size, []
    too_tall = _too_tall(fitted, scale, tallest)
    needs = [too_tall or not _reads_well(found) for found in fitted]
    if any(needs):  # a header with short forms anyway: every tall name takes its own, the row stays low
        needs = [need or len(found.lines) > SHORT_ROW_LINES for need, found in zip(needs, fitted)]
    shorts, taken = [], set[str]()
    for index, (actor, found) in enumerate(zip(actors, fitted)):
        if needs[index]:
            short = actor.short.strip() or _unique(initials(actor.name), taken)
            taken.add(short)
            fitted[index] = _name(short, by_key[f"pelaksana:{actor.id}"], scale, size)
            shorts.append(replace(actor, short=short))
    return fitted, size, shorts


def initials(name: str) -> str:
    """The short form an Indonesian office would write: the initials of the
    words (``Kepala Sub Bagian Umum``: ``KSBU``), an acronym kept as it is."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    if len(words) == 1:
        return words[0] if words[0].isupper() else words[0][:4]
    return "".join(word if word.isupper() and len(word) <= 4 else word[0].upper() for word in words) or name


def _unique(short: str, taken: set[str]) -> str:
    """``short``, or ``short2``, ``short3``... when two actors share initials."""
    return short if short not in taken else next(f"{short}{n}" for n in count(2) if f"{short}{n}" not in taken)


def _too_tall(fitted: list[Fitted], scale: Scale, tallest: float | None) -> bool:
    return tallest is not None and max((scale.block_height(found) for found in fitted), default=0) > tallest


def _name(name: str, column: Column, scale: Scale, size: float) -> Fitted:
    return scale.fit(name, column.left, column.right, True, size)


def _reads_well(fitted: Fitted) -> bool:
    """Broken only between words or at syllables, in a few lines."""
    return fitted.proper and len(fitted.lines) <= MAX_NAME_LINES
