"""I rules: what reviewers reject in the content of one SOP."""

from __future__ import annotations

import datetime as dt
import re

from soptui.checks.rules import Context

MAX_ACTORS = 7
#: The most actor columns a portrait page holds legibly (docs/layout.md).
PORTRAIT_MAX_ACTORS = 5
_NIP = re.compile(r"^(\d{8})\s?(\d{6})\s?(\d)\s?(\d{3})$")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def unused_actors(ctx: Context) -> None:
    used = {step.pelaksana for step in ctx.sop.langkah}
    for index, actor in enumerate(ctx.sop.pelaksana):
        if actor.id not in used:
            ctx.report("I001", ("pelaksana", index, "id"), id=actor.id, nama=actor.nama)


def mutu_baku(ctx: Context) -> None:
    for index, step in enumerate(ctx.sop.langkah):
        if not step.waktu.strip():
            ctx.report("I002", ("langkah", index, "waktu"), id=step.id)
        elif step.duration is None:
            ctx.report("I004", ("langkah", index, "waktu"), id=step.id, value=step.waktu)
        if not step.output.strip():
            ctx.report("I003", ("langkah", index, "output"), id=step.id)


def signer_nip(ctx: Context) -> None:
    signer = ctx.sop.identitas.disahkan_oleh
    if signer is not None and signer.nip and not valid_nip(signer.nip):
        ctx.report("I005", ("identitas", "disahkan_oleh", "nip"), value=signer.nip)


def valid_nip(nip: str) -> bool:
    """18 digits: birth date YYYYMMDD, appointment YYYYMM, sex 1/2, a sequence."""
    match = _NIP.match(nip.strip())
    if not match:
        return False
    born, appointed, sex, _ = match.groups()
    try:
        birth = dt.date(int(born[:4]), int(born[4:6]), int(born[6:]))
    except ValueError:
        return False
    month = int(appointed[4:])
    return 1 <= month <= 12 and int(appointed[:4]) > birth.year and sex in "12"


def dates_in_order(ctx: Context) -> None:
    identity = ctx.sop.identitas
    made = identity.tanggal_pembuatan
    if made is None:
        return
    for key in ("tanggal_revisi", "tanggal_efektif"):
        value = getattr(identity, key)
        if value is not None and value < made:
            ctx.report("I006", ("identitas", key), date=value.isoformat(), made=made.isoformat())
    for table in ("riwayat", "monitoring", "evaluasi"):
        for index, record in enumerate(getattr(ctx.sop, table)):
            if record.tanggal is not None and record.tanggal < made:
                ctx.report("I006", (table, index, "tanggal"), date=record.tanggal.isoformat(), made=made.isoformat())


def effective_needs_signer(ctx: Context) -> None:
    identity = ctx.sop.identitas
    if identity.tanggal_efektif is not None and identity.disahkan_oleh is None:
        ctx.report("I007", ("identitas", "tanggal_efektif"))


def actor_count(ctx: Context) -> None:
    if len(ctx.sop.pelaksana) > MAX_ACTORS:
        ctx.report("I008", ("pelaksana",), count=len(ctx.sop.pelaksana), maximum=MAX_ACTORS)


def portrait_actor_count(ctx: Context) -> None:
    """Portrait (the user's ``orientation`` setting) holds five actor columns legibly; more need landscape."""
    from soptui.config import load_config

    count = len(ctx.sop.pelaksana)
    if count > PORTRAIT_MAX_ACTORS and load_config()[0].orientation == "portrait":
        ctx.report("I012", ("pelaksana",), count=count, maximum=PORTRAIT_MAX_ACTORS)


def logo_readable(ctx: Context) -> None:
    logo = ctx.sop.identitas.logo
    if not logo:
        return
    from soptui.confine import open_linked

    try:  # a regular file, never blocking, inside --root (soptui/confine.py)
        with open_linked(ctx.path.parent, logo) as handle:
            head = handle.read(8)
    except OSError as error:
        ctx.report("I009", ("identitas", "logo"), value=logo, reason=error.strerror or str(error))
        return
    if not head.startswith(_IMAGE_MAGIC):
        ctx.report("I009", ("identitas", "logo"), "rule.I009.format", value=logo)


CHECKS = (unused_actors, mutu_baku, signer_nip, dates_in_order, effective_needs_signer, actor_count,
          portrait_actor_count, logo_readable)
