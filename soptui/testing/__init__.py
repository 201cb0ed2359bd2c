"""The test kit for plugin authors: run an exporter or a rule exactly as soptui does.

soptui fills in an exporter's option defaults, converts ``-O`` values,
computes the layout for its page options and renders into memory before it
writes a file; a rule runs inside the checker, placed at its key's line. A
test that calls ``write`` or the rule function by hand skips all of that, so
these helpers go through the host's own code instead (docs/plugins.md,
"Testing a plugin"). The pytest fixtures live in :mod:`soptui.testing.fixtures`,
registered with pytest through the ``pytest11`` entry point.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from soptui.diagnostics import Finding
from soptui.exporters import ExportInput, Rendered, render
from soptui.loader import Loaded, load, load_bytes
from soptui.model import Sop
from soptui.plugins import Plugins, extra_checks, get_plugins, load_plugins

__all__ = ["PluginError", "check", "example", "example_paths", "export", "export_input", "load_plugin"]

_PACKAGED = Path(__file__).parent / "examples"  # in a wheel
_CHECKOUT = Path(__file__).parents[2] / "examples"  # in a source checkout or an editable install


class PluginError(AssertionError):
    """The plugin did not load cleanly; the message is what soptui would print."""


def example_paths() -> list[Path]:
    """The example SOPs shipped with soptui (``*.sop.toml``), sorted by name."""
    folder = _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT
    return sorted(folder.glob("*.sop.toml"))


def example(name: str) -> Path:
    """One example SOP by its name without suffix: ``example("surat-masuk")``."""
    for path in example_paths():
        if path.name == f"{name}.sop.toml":
            return path
    known = ", ".join(p.name.removesuffix(".sop.toml") for p in example_paths())
    raise LookupError(f"no example SOP {name!r}; there are: {known}")


def load_plugin(module: ModuleType, name: str | None = None) -> Plugins:
    """The plugins of a module that is not installed, loaded as soptui loads an
    entry point; raises :class:`PluginError` with soptui's own messages when it
    fails to import, registers something wrong or clashes with another name."""
    messages: list[str] = []
    plugins = load_plugins(entry_points=False, extra=[(name or module.__name__, module)], warn=messages.append)
    if messages:
        raise PluginError("\n".join(messages))
    return plugins


def export_input(sop: Sop | str | os.PathLike[str]) -> ExportInput:
    """What soptui hands an exporter for this SOP: a file is loaded through the
    loader (a file that does not load fails the test with the loader's
    findings); a model is written to TOML first, as the editor would save it."""
    loaded = _loaded(sop)
    return ExportInput.of(loaded)


def export(format: str, sop: Sop | str | os.PathLike[str], *, options: Mapping[str, Any] | None = None,
           plugins: Plugins | None = None) -> Rendered:
    """Export one SOP the way ``soptui export -f FORMAT -O NAME=VALUE`` does and
    return the :class:`soptui.exporters.Rendered` result: ``data`` (the bytes),
    ``pages``, ``options`` (defaults filled in) and ``layout``.

    ``options`` values are converted and checked exactly as ``-O`` text is
    (``{"paper": "F4"}``, ``{"indent": 2}``); ``plugins`` defaults to the
    installed ones. ``ExportError`` and a plugin's own exceptions propagate.
    """
    from soptui.batch import resolve_options

    plugins = plugins or get_plugins()
    exporter = plugins.exporter(format)
    given = [f"{format}.{key}={_as_option_text(value)}" for key, value in (options or {}).items()]
    resolved = resolve_options({format: exporter}, given)[format]
    return render(exporter, export_input(sop), resolved)


def check(sop: Sop | str | os.PathLike[str], *, codes: Iterable[str] | None = None,
          plugins: Plugins | None = None) -> list[Finding]:
    """The checker's findings for one SOP, as ``soptui check`` reports them:
    the loader's, the built-in rules' and the plugins' (``plugins`` defaults to
    the installed ones), each at its line and column. ``codes`` keeps only
    those rules' findings."""
    from soptui.checks import check_loaded

    findings = check_loaded(_load(sop), extra_checks(plugins or get_plugins()))
    wanted = None if codes is None else set(codes)
    return [finding for finding in findings if wanted is None or finding.code in wanted]


def _load(sop: Sop | str | os.PathLike[str]) -> Loaded:
    """A file through the loader; a model saved to TOML first, as the editor saves a new file."""
    if isinstance(sop, Sop):
        from soptui.store import render as to_toml

        return load_bytes(to_toml(sop, None), "generated.sop.toml")
    return load(sop)


def _loaded(sop: Sop | str | os.PathLike[str]) -> Loaded:
    loaded = _load(sop)
    if loaded.sop is None or loaded.source is None:
        lines = "\n".join(finding.format_line() for finding in loaded.findings)
        raise AssertionError(f"the SOP does not load:\n{lines}")
    return loaded


def _as_option_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
