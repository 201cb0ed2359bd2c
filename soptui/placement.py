"""Where a key the file did not have goes when a save adds it.

tomlkit appends a new key at the end of its table, and the end of a table
holds the comments that introduce the next one: a Tanggal Revisi typed into
a new SOP landed under "# Pelaksana: satu kolom bagan alir ...". Here a new
key goes after its commented example when the file has one (the template's
``# logo = "logo.png"``), else after the table's last key; a new sub-table
(``[identitas.disahkan_oleh]``) after its commented-out block, else after
the table's last key, set off by blank lines. The comments stay where they
were, above what they describe.
"""

from __future__ import annotations

import re
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Comment, Table, Whitespace

_STATEMENT = re.compile(r"#\s*([A-Za-z0-9_-]+)\s*=")


def add_key(table: Any, key: str, item: Any) -> None:
    """Add ``key`` (absent from ``table``) with ``item``, placed as a person would."""
    container = table if isinstance(table, Container) else getattr(table, "value", None)
    is_table = isinstance(item, (Table, AoT))
    index = _place(container.body, key, is_table) if isinstance(container, Container) else None
    if container is None or index is None or index >= len(container.body):
        table[key] = item  # the end of the table is the right place
        return
    if isinstance(item, Table):  # set off by blank lines, unless the file has them there already
        if not isinstance(container.body[index - 1][1], Whitespace):
            item.trivia.indent = "\n"
        if not isinstance(container.body[index][1], Whitespace):
            item.add(tomlkit.nl())
    container._insert_at(index, key, item)  # tomlkit's own insertion: keeps its index of keys right


def _place(body: list[tuple[Any, Any]], key: str, is_table: bool) -> int | None:
    """The index in ``body`` to insert ``key`` at, or ``None`` for the end."""
    header = re.compile(rf"#\s*\[[^\]]*\b{re.escape(key)}\]\s*$")
    for index, (name, item) in enumerate(body):
        if name is not None or not isinstance(item, Comment):
            continue
        text = item.as_string().strip()
        if is_table and header.match(text):
            return _after_commented_keys(body, index + 1)
        match = _STATEMENT.match(text)
        if not is_table and match and match.group(1) == key:
            return index + 1
    keyed = [i for i, (name, item) in enumerate(body) if name is not None and (is_table or not isinstance(item, (Table, AoT)))]
    return keyed[-1] + 1 if keyed else None


def _after_commented_keys(body: list[tuple[Any, Any]], start: int) -> int:
    """Past the commented-out keys that follow a commented-out table header."""
    index = start
    while index < len(body) and body[index][0] is None and isinstance(body[index][1], Comment):
        if not _STATEMENT.match(body[index][1].as_string().strip()):
            break
        index += 1
    return index
