"""S rules on the model: ids and the references between steps and actors."""

from __future__ import annotations

from collections import Counter

from soptui.checks.rules import Context


def duplicate_ids(ctx: Context) -> None:
    for table, ids in (("pelaksana", [a.id for a in ctx.sop.pelaksana]), ("langkah", [s.id for s in ctx.sop.langkah])):
        counts = Counter(ids)
        seen: set[str] = set()
        for index, id_ in enumerate(ids):
            if counts[id_] > 1 and id_ in seen:
                ctx.report("S003", (table, index, "id"), id=id_, count=counts[id_])
            seen.add(id_)


def unknown_actors(ctx: Context) -> None:
    actors = {actor.id for actor in ctx.sop.pelaksana}
    for index, step in enumerate(ctx.sop.langkah):
        if step.pelaksana not in actors:  # an empty one too: the step would stand in no column
            key = "rule.S004.empty" if not step.pelaksana.strip() else ""
            ctx.report("S004", ("langkah", index, "pelaksana"), key, value=step.pelaksana, known=", ".join(sorted(actors)))


def unknown_targets(ctx: Context) -> None:
    steps = {step.id for step in ctx.sop.langkah}
    for index, step in enumerate(ctx.sop.langkah):
        for key in ("lanjut", "ya", "tidak"):
            target = getattr(step, key)
            if target is not None and target not in steps:
                ctx.report("S005", ("langkah", index, key), value=target)


def decisions(ctx: Context) -> None:
    symbols = ctx.sop.flow.symbols
    for index, step in enumerate(ctx.sop.langkah):
        if symbols.get(step.id) != "keputusan":
            continue
        if not step.tidak:
            ctx.report("S006", ("langkah", index, "tidak"), id=step.id)
        following = ctx.sop.langkah[index + 1].id if index + 1 < len(ctx.sop.langkah) else None
        if step.tidak and step.tidak == (step.ya or following):
            ctx.report("S007", ("langkah", index, "tidak"), id=step.id, target=step.tidak)
        if step.lanjut is not None:
            ctx.report("S013", ("langkah", index, "lanjut"), "rule.S013.lanjut", id=step.id)


def ends_without_successor(ctx: Context) -> None:
    flow = ctx.sop.flow
    for index, step in enumerate(ctx.sop.langkah):
        if flow.symbols.get(step.id) != "terminator":
            continue
        keys = ("lanjut", "ya", "tidak") if index > 0 else ("ya", "tidak")
        for key in keys:
            if getattr(step, key) is not None:
                code = "S008" if index > 0 else "S013"
                ctx.report(code, ("langkah", index, key), id=step.id, key=key)


def branch_keys_on_process(ctx: Context) -> None:
    symbols = ctx.sop.flow.symbols
    for index, step in enumerate(ctx.sop.langkah):
        if symbols.get(step.id) != "proses":
            continue
        for key in ("ya", "tidak", "label_ya", "label_tidak"):
            if getattr(step, key) is not None:
                ctx.report("S013", ("langkah", index, key), id=step.id, key=key)


CHECKS = (duplicate_ids, unknown_actors, unknown_targets, decisions, ends_without_successor, branch_keys_on_process)
