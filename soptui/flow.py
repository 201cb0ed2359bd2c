"""The flow of an SOP, derived once from its steps.

The file states the flow sparsely (defaults for ``simbol``, ``lanjut`` and
``ya``); everything downstream (checker, layout, exporters) needs it
resolved. The rules are the spec's "Flow semantics":

- the first step is the start; the first and the last step default to a
  terminator, every other step to a process;
- a terminator that is not the first step is an end and has no successor;
- a process goes to ``lanjut`` or to the following step;
- a decision goes to ``ya`` (default: the following step) and ``tidak``.

Targets that name no step are left out here; the checker reports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from soptui.model import Simbol, Step

Branch = Literal["lanjut", "ya", "tidak"]

DEFAULT_LABEL_YA = "Ya"
DEFAULT_LABEL_TIDAK = "Tidak"


@dataclass(frozen=True)
class Edge:
    """An arrow from one step to another, with the label printed beside it."""

    source: str
    target: str
    branch: Branch
    label: str | None = None


@dataclass(frozen=True)
class Flow:
    """The resolved flow: what each step is and where it leads."""

    symbols: dict[str, Simbol]
    successors: dict[str, tuple[Edge, ...]]
    start: str | None
    ends: tuple[str, ...]
    main_path: tuple[str, ...]

    @property
    def edges(self) -> tuple[Edge, ...]:
        """Every arrow, in step order, Ya before Tidak."""
        return tuple(edge for edges in self.successors.values() for edge in edges)


def resolved_symbol(step: Step, index: int, count: int) -> Simbol:
    """The symbol drawn for the step at ``index`` of ``count`` steps."""
    if step.simbol:
        return step.simbol
    return "terminator" if index in (0, count - 1) else "proses"


def derive_flow(steps: tuple[Step, ...]) -> Flow:
    """Resolve symbols and successors; find start, ends and the main path."""
    count = len(steps)
    known = {step.id for step in steps}
    symbols: dict[str, Simbol] = {}
    successors: dict[str, tuple[Edge, ...]] = {}
    ends: list[str] = []
    for index, step in enumerate(steps):
        if step.id in symbols:
            continue  # a duplicate id: the checker reports it, the first one counts
        symbol = resolved_symbol(step, index, count)
        symbols[step.id] = symbol
        following = steps[index + 1].id if index + 1 < count else None
        if symbol == "terminator" and index > 0:
            ends.append(step.id)
            edges: list[Edge] = []
        elif symbol == "keputusan":
            edges = [
                Edge(step.id, step.ya or following or "", "ya", step.label_ya or DEFAULT_LABEL_YA),
                Edge(step.id, step.tidak or "", "tidak", step.label_tidak or DEFAULT_LABEL_TIDAK),
            ]
        else:
            edges = [Edge(step.id, step.lanjut or following or "", "lanjut")]
        successors[step.id] = tuple(edge for edge in edges if edge.target in known)
    start = steps[0].id if steps else None
    return Flow(symbols, successors, start, tuple(ends), _main_path(start, successors))


def _main_path(start: str | None, successors: dict[str, tuple[Edge, ...]]) -> tuple[str, ...]:
    """Follow the first unvisited successor (Ya before Tidak) from the start."""
    path: dict[str, None] = {}  # ordered, with constant-time membership: a 10,000-step path stays linear
    current = start
    while current is not None and current not in path:
        path[current] = None
        current = next((e.target for e in successors.get(current, ()) if e.target not in path), None)
    return tuple(path)
