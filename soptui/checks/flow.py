"""A rules: the flowchart as a graph, from one start to an end."""

from __future__ import annotations

from soptui.checks.rules import Context


def first_step_is_terminator(ctx: Context) -> None:
    steps = ctx.sop.langkah
    if steps and ctx.sop.flow.symbols.get(steps[0].id) != "terminator":
        ctx.report("A004", ("langkah", 0, "simbol"), id=steps[0].id)


def reachability(ctx: Context) -> None:
    flow = ctx.sop.flow
    steps = ctx.sop.langkah
    if len(steps) < 2:
        return
    reached = _closure([flow.start] if flow.start else [], {s: [e.target for e in es] for s, es in flow.successors.items()})
    backward: dict[str, list[str]] = {}
    for edge in flow.edges:
        backward.setdefault(edge.target, []).append(edge.source)
    finishing = _closure(list(flow.ends), backward)
    if not flow.ends:
        ctx.report("A005", ("langkah", len(steps) - 1))
    if len(flow.ends) > 1:
        ctx.report("A003", ("langkah",), count=len(flow.ends), ends=", ".join(flow.ends))
    seen: set[str] = set()
    for index, step in enumerate(steps):
        if step.id in seen:
            continue
        seen.add(step.id)
        if step.id not in reached:
            ctx.report("A001", ("langkah", index), id=step.id)
        elif flow.ends and step.id not in finishing:
            ctx.report("A002", ("langkah", index), id=step.id)


def _closure(starts: list[str], graph: dict[str, list[str]]) -> set[str]:
    seen = set(starts)
    stack = list(starts)
    while stack:
        for following in graph.get(stack.pop(), ()):
            if following not in seen:
                seen.add(following)
                stack.append(following)
    return seen


CHECKS = (first_step_is_terminator, reachability)
