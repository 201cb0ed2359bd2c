"""I010 and I011: an SOP that was never filled in.

A reviewer sends back an SOP that still says ``Nama Prosedur`` or
``000/000/UNIT/2024``, that names a ``DINAS ...``, or whose activity is
blank; the PDF would print it as it is. The template's own values are read
from the template file (``soptui new`` and the editor's new SOP), commented
examples included, so the rule and the template cannot drift apart.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from soptui.checks.rules import Context
from soptui.model import IDENTITY_LISTS

#: A gap left to fill: three or more dots or underscores, or an ellipsis, standing as a word.
_GAP = re.compile(r"(?<![^\s/(])(?:\.{3,}|…+|_{3,})(?![^\s/),.;:])")
#: The numbers of a ``nomor``; a year (four digits from 1900) is not one that must be filled.
_NUMBER = re.compile(r"\d+")
#: Template values a real SOP would never keep, by where they stand (``*`` an item of a list).
_COMPARED = (
    ("identitas", "nama"), ("identitas", "nomor"), ("identitas", "instansi", "*"),
    *(("identitas", name, "*") for name in IDENTITY_LISTS),
    ("identitas", "disahkan_oleh", "jabatan"), ("identitas", "disahkan_oleh", "nama"),
    ("identitas", "disahkan_oleh", "nip"), ("riwayat", "*", "uraian"), ("riwayat", "*", "oleh"),
)


def template_values(ctx: Context) -> None:
    placeholders = _template_placeholders()
    for where, value in _texts(ctx):
        if value.strip() and value.strip() in placeholders.get(_pattern(where), ()):
            ctx.report("I010", where, value=value)
        elif where == ("identitas", "nomor") and _unnumbered(value):
            ctx.report("I010", where, "rule.I010.nomor", value=value)
        elif _GAP.search(value):
            ctx.report("I010", where, "rule.I010.gap", value=value)


def empty_texts(ctx: Context) -> None:
    for where, value in _required(ctx):
        if not value.strip():
            ctx.report("I011", where)


def _texts(ctx: Context):
    """(key path, text) of every name-like text: what prints in the identity table and the headings."""
    identity = ctx.sop.identitas
    yield ("identitas", "nama"), identity.nama
    yield ("identitas", "nomor"), identity.nomor
    for name in ("instansi", *IDENTITY_LISTS):
        for index, item in enumerate(getattr(identity, name)):
            yield ("identitas", name, index), item
    signer = identity.disahkan_oleh
    if signer is not None:
        for name in ("jabatan", "nama", "nip", "pangkat"):
            yield ("identitas", "disahkan_oleh", name), getattr(signer, name) or ""
    for index, actor in enumerate(ctx.sop.pelaksana):
        yield ("pelaksana", index, "nama"), actor.nama
    for index, revision in enumerate(ctx.sop.riwayat):
        yield ("riwayat", index, "uraian"), revision.uraian
        yield ("riwayat", index, "oleh"), revision.oleh or ""


def _required(ctx: Context):
    """(key path, text) of every text the format requires (a missing one is S001 already)."""
    identity = ctx.sop.identitas
    yield ("identitas", "nama"), identity.nama
    yield ("identitas", "nomor"), identity.nomor
    for index, item in enumerate(identity.instansi):
        yield ("identitas", "instansi", index), item
    if identity.disahkan_oleh is not None:
        for name in ("jabatan", "nama", "nip"):
            yield ("identitas", "disahkan_oleh", name), getattr(identity.disahkan_oleh, name)
    for index, actor in enumerate(ctx.sop.pelaksana):
        yield ("pelaksana", index, "nama"), actor.nama
    for index, step in enumerate(ctx.sop.langkah):
        yield ("langkah", index, "kegiatan"), step.kegiatan
    for index, revision in enumerate(ctx.sop.riwayat):
        yield ("riwayat", index, "uraian"), revision.uraian


def _unnumbered(nomor: str) -> bool:
    """A number whose numbers are all zero (``000/000/UNIT/2024``) or left out (``800//BKD/2024``)."""
    numbers = [n for n in _NUMBER.findall(nomor) if not (len(n) == 4 and n >= "1900")]
    parts = [part.strip() for part in nomor.split("/")]
    return bool(nomor.strip()) and ((bool(numbers) and all(set(n) == {"0"} for n in numbers)) or "" in parts)


def _pattern(where: tuple) -> tuple:
    return tuple("*" if isinstance(part, int) else part for part in where)


@cache
def _template_placeholders() -> dict[tuple, frozenset[str]]:
    """The template's values at the places in ``_COMPARED``, its commented examples included."""
    from soptui.template import TEMPLATE

    text = re.sub(r"(?m)^# ?(?=\[|[a-z_]+ = )", "", TEMPLATE.read_text(encoding="utf-8"))
    data = tomllib.loads(text)
    return {pattern: frozenset(_values_at(data, pattern)) for pattern in _COMPARED}


def _values_at(data: Any, pattern: tuple) -> list[str]:
    if not pattern:
        return [data.strip()] if isinstance(data, str) else []
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        return [value for item in (data if isinstance(data, list) else []) for value in _values_at(item, rest)]
    return _values_at(data.get(head), rest) if isinstance(data, dict) else []


CHECKS = (template_values, empty_texts)
