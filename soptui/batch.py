"""Batch export: many SOP files, several formats, in a process pool.

The plan is made in the parent (:func:`plan`): which file goes to which
output, mirroring the input folders under the output folder, never
escaping it, and which outputs are already newer than their source. Each
file is then exported by :func:`export_file`, in this process or in a worker;
one bad file or one broken exporter is an outcome, never an exception, so
the batch always goes on. Outputs are rendered in memory and written with
:func:`soptui.store.atomic_write`: an interrupted batch leaves whole files or
none. Nothing here imports Textual.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from soptui.exporters import ExportError, Exporter, ExportInput
from soptui.i18n import t
from soptui.loader import load
from soptui.plugins import get_plugins
from soptui.store import atomic_write

SOP_SUFFIXES = (".sop.toml", ".toml")


@dataclass(frozen=True)
class Target:
    """One output to write: format name and path."""

    format: str
    path: Path


@dataclass(frozen=True)
class Job:
    """One source file and the outputs it should give."""

    source: Path
    targets: tuple[Target, ...]
    skipped: tuple[Target, ...] = ()  # up to date already
    strict: bool = False
    options: dict[str, dict[str, object]] = field(default_factory=dict)  # per format; defaults if absent


@dataclass
class Outcome:
    """What became of one job."""

    source: Path
    written: list[tuple[Target, int | None]] = field(default_factory=list)
    skipped: list[Target] = field(default_factory=list)
    failures: list[tuple[str | None, str]] = field(default_factory=list)  # (format or None, reason)

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def output_stem(source: Path) -> str:
    """``surat-masuk.sop.toml`` -> ``surat-masuk``: names come from the file, never from ``nomor``."""
    name = source.name
    for suffix in SOP_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return source.stem


def plan(
    found: Iterable[tuple[Path, Path]],
    formats: dict[str, str],
    out_dir: Path,
    *,
    force: bool = False,
    strict: bool = False,
    options: dict[str, dict[str, object]] | None = None,
) -> tuple[list[Job], list[Outcome]]:
    """Jobs for ``found`` (file, folder it was found under) and the files refused up front.

    ``formats`` maps a format name to its file suffix. A file named on the
    command line goes straight into ``out_dir``; a file found in a folder
    keeps its place below that folder. Two sources that would write the same
    output are refused, the second with the name of the first.
    """
    root = out_dir.resolve()
    jobs: list[Job] = []
    refused: list[Outcome] = []
    claimed: dict[Path, Path] = {}
    seen: set[str] = set()
    folders: dict[Path, Path] = {}  # output folder -> where it really is (symlinks followed), once each
    for source, base in found:
        absolute = os.path.abspath(source)
        if absolute in seen:  # named twice, e.g. a folder and a file in it
            continue
        seen.add(absolute)
        folder = out_dir / _relative_folder(source, base)
        if folder not in folders:
            folders[folder] = folder.resolve()
        targets, skipped, problems = [], [], []
        for name, suffix in formats.items():
            path = folder / f"{output_stem(source)}{suffix}"
            resolved = folders[folder] / path.name  # the file itself is replaced, never followed
            if not resolved.is_relative_to(root):
                problems.append((name, t("batch.escapes", path=path, out=out_dir)))
            elif resolved in claimed:
                problems.append((name, t("batch.collision", path=path, other=claimed[resolved])))
            else:
                claimed[resolved] = source
                target = Target(name, path)
                (skipped if not force and _up_to_date(path, source) else targets).append(target)
        if problems:
            refused.append(Outcome(source, failures=problems))
        else:
            jobs.append(Job(source, tuple(targets), tuple(skipped), strict, options or {}))
    return jobs, refused


def _relative_folder(source: Path, base: Path) -> Path:
    try:
        return source.parent.relative_to(base) if source.parent != base else Path()
    except ValueError:
        return Path()


def _up_to_date(output: Path, source: Path) -> bool:
    try:
        return output.stat().st_mtime_ns >= source.stat().st_mtime_ns
    except OSError:
        return False


def export_file(job: Job) -> Outcome:
    """Export one file to each of its targets; every problem becomes part of the outcome."""
    outcome = Outcome(job.source, skipped=list(job.skipped))
    if not job.targets:
        return outcome
    loaded = load(job.source)
    if loaded.sop is None:
        outcome.failures.append((None, loaded.findings[0].format_line() if loaded.findings else t("batch.unloadable")))
        return outcome
    refusal = _strict_refusal(loaded) if job.strict else None
    if refusal:
        outcome.failures.append((None, refusal))
        return outcome
    export_input = ExportInput(loaded.sop, loaded.path, loaded.source.sha256 if loaded.source else "",
                               source=loaded.source.data if loaded.source else None)
    layouts: dict[str, object] = {}
    for target in job.targets:
        exporter = get_plugins().exporter(target.format)  # the names were checked when planning
        try:
            pages = _write(export_input, exporter, job.options.get(target.format) or _defaults(exporter), layouts,
                           target.path)
            outcome.written.append((target, pages))
        except ExportError as error:
            outcome.failures.append((target.format, str(error)))
        except Exception as error:  # an exporter's bug is this file's failure, not the batch's
            reason = t("batch.exporter_crashed", plugin=exporter.plugin, error=f"{type(error).__name__}: {error}")
            outcome.failures.append((target.format, reason))
    return outcome


def _write(export_input: ExportInput, exporter: Exporter, options: dict[str, object], layouts: dict[str, object],
           path: Path) -> int | None:
    """Render into memory, then replace ``path`` atomically: never a half-written output."""
    layout = _layout(export_input.sop, exporter, options, layouts)
    buffer = io.BytesIO()
    pages = exporter.write(dataclasses.replace(export_input, layout=layout), buffer, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, buffer.getvalue(), _new_file_mode(), durable=False)  # synced once, at the end
    return pages if isinstance(pages, int) and not isinstance(pages, bool) else None  # a plugin may return anything


def _strict_refusal(loaded) -> str | None:
    from soptui.checks import check_loaded
    from soptui.diagnostics import has_errors
    from soptui.plugins import extra_checks

    findings = check_loaded(loaded, extra_checks())
    if not has_errors(findings):
        return None
    errors = [f for f in findings if f.severity == "error"]
    return t("batch.strict", count=len(errors), first=errors[0].format_line())


def _layout(sop, exporter, options: dict[str, object], cache: dict[str, object]):
    """The computed layout for this exporter's page options, computed once per options."""
    if exporter.page_options is None:
        return None
    page = exporter.page_options(options)
    key = repr(page)
    if key not in cache:
        from soptui.layout import compute_layout

        cache[key] = compute_layout(sop, page)
    return cache[key]


def _defaults(exporter) -> dict[str, object]:
    return {option.name: option.default for option in exporter.options}


def resolve_options(exporters: dict[str, object], given: Iterable[str]) -> dict[str, dict[str, object]]:
    """Each exporter's options: its defaults, then ``NAME=VALUE`` or ``FORMAT.NAME=VALUE`` from the user.

    A bare ``NAME`` applies to every chosen format that has that option.
    Raises ``ValueError`` with the message for the user when an option is
    unknown or its value does not fit.
    """
    result = {name: _defaults(exporter) for name, exporter in exporters.items()}
    for item in given:
        key, sep, text = item.partition("=")
        if not sep:
            raise ValueError(t("batch.option_syntax", item=item))
        fmt, dot, name = key.strip().rpartition(".") if "." in key else ("", "", key.strip())
        chosen = [fmt] if dot else list(exporters)
        matched = False
        for format_name in chosen:
            option = next((o for o in getattr(exporters.get(format_name), "options", ()) if o.name == name), None)
            if option is not None:
                result[format_name][name] = _convert(option, text.strip(), format_name)
                matched = True
        if not matched:
            known = ", ".join(f"{f}.{o.name}" for f, e in exporters.items() for o in e.options) or "-"
            raise ValueError(t("batch.option_unknown", name=key.strip(), known=known))
    return result


def _convert(option, text: str, format_name: str) -> object:
    try:
        if option.type is bool:
            lowered = text.lower()
            if lowered not in _BOOLEANS:
                raise ValueError(text)
            value: object = _BOOLEANS[lowered]
        else:
            value = option.type(text)
    except ValueError:
        raise ValueError(t("batch.option_value", format=format_name, name=option.name, value=text,
                           kind=option.type.__name__)) from None
    if option.choices and value not in option.choices:
        raise ValueError(t("batch.option_choice", format=format_name, name=option.name, value=text,
                           choices=", ".join(option.choices)))
    return value


_BOOLEANS = {"true": True, "false": False, "ya": True, "tidak": False, "yes": True, "no": False, "1": True, "0": False}


@cache
def _new_file_mode() -> int:
    """What ``open()`` would give a new file (``mkstemp`` makes them private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def run(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes as they finish: in this process for one worker, else in a pool
    that survives a worker dying (:mod:`soptui.workers`)."""
    from soptui import workers as pool

    yield from pool.run(export_file, jobs, workers, _worker_died)


def _worker_died(job: Job) -> Outcome:
    return Outcome(job.source, skipped=list(job.skipped), failures=[(None, t("batch.worker_died"))])


def sync() -> None:
    """Flush the batch's outputs to disk once, instead of an fsync per file."""
    if hasattr(os, "sync"):
        os.sync()
