"""Helpers of the lifecycle tests (imported by name; conftest is not a module to import)."""

from __future__ import annotations

from soptui.corpus import generate_sop
from soptui.model import Sop


def make_sop(seed: int = 1, steps: int = 10, **identity) -> Sop:
    """A valid generated SOP whose identity has these fields changed."""
    sop = generate_sop(seed, steps=steps, actors=3)
    return sop.with_identity(**identity) if identity else sop
