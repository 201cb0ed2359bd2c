"""Plugin manager (to be built in issue 4); for now no plugin adds checks."""

from __future__ import annotations


def extra_checks() -> tuple:
    return ()
