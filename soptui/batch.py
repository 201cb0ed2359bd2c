"""Batch export: many SOP files, several formats, in worker processes.

The plan is made in the parent (:func:`plan`): which file goes to which
output, mirroring the input folders under the output folder, never
escaping it, and which outputs are already up to date (:mod:`soptui.ledger`:
same source bytes, same exporter and options). Each file is rendered by
:func:`render_file` in a worker (:mod:`soptui.workers`: a worker that dies or
runs past the time limit fails its file only); the parent writes what comes
back (:func:`save`) with :func:`soptui.store.atomic_write`, so a worker that
is killed leaves nothing behind and an interrupted batch leaves whole files
or none. One bad file or one broken exporter is an outcome, never an
exception: the batch always goes on. Nothing here imports Textual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from soptui import workers
from soptui.exporters import Exporter, ExportError, ExportInput, default_options, render
from soptui.i18n import t
from soptui.ledger import Ledger, source_hash
from soptui.loader import load, load_bytes
from soptui.plugins import get_plugins
from soptui.store import atomic_write, flush_to_disk

SOP_SUFFIXES = (".sop.toml", ".toml")

#: Seconds one file may take in its exporters before it is stopped (``--timeout``):
#: ten times the slowest honest export measured (a 10,000-step deck), so only a hang meets it.
DEFAULT_TIMEOUT = 300.0


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
    data: bytes | None = None  # the SOP as the editor holds it, unsaved; None: read ``source``


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


@dataclass
class RenderedFile:
    """One job's outputs in memory, as a worker sends them back to be written."""

    source: Path
    sha256: str = ""  # of the source bytes the outputs were made from
    outputs: list[tuple[Target, bytes, int | None]] = field(default_factory=list)
    skipped: list[Target] = field(default_factory=list)
    failures: list[tuple[str | None, str]] = field(default_factory=list)


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
    ledger: Ledger | None = None,
) -> tuple[list[Job], list[Outcome]]:
    """Jobs for ``found`` (file, folder it was found under) and the files refused up front.

    ``formats`` maps a format name to its file suffix. A file named on the
    command line goes straight into ``out_dir``; a file found in a folder
    keeps its place below that folder. Two sources that would write the same
    output are refused, the second with the name of the first. Outputs the
    ``ledger`` finds up to date are skipped unless ``force``.
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
        targets: list[Target] = []
        skipped: list[Target] = []
        problems: list[tuple[str | None, str]] = []
        sha256 = source_hash(source) if ledger is not None and not force else None
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
                current = sha256 is not None and ledger is not None and ledger.up_to_date(path, name, sha256)
                (skipped if current else targets).append(target)
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


def render_file(job: Job) -> RenderedFile:
    """Load one file and render each of its targets in memory; every problem becomes part of the result.

    Runs in a worker: it writes nothing, so a worker stopped or killed half way leaves no file behind.
    """
    result = RenderedFile(job.source, skipped=list(job.skipped))
    if not job.targets:
        return result
    workers.note(t("batch.reading"))
    loaded = load(job.source) if job.data is None else load_bytes(job.data, job.source)
    if loaded.sop is None:
        result.failures.append((None, loaded.findings[0].format_line() if loaded.findings else t("batch.unloadable")))
        return result
    refusal = _strict_refusal(loaded) if job.strict else None
    if refusal:
        result.failures.append((None, refusal))
        return result
    result.sha256 = loaded.source.sha256 if loaded.source else ""
    export_input = ExportInput(loaded.sop, loaded.path, result.sha256,
                               source=loaded.source.data if loaded.source else None,
                               findings=tuple(loaded.findings) if loaded.source else None)
    layouts: dict[str, object] = {}
    for target in job.targets:
        exporter = get_plugins().exporter(target.format)  # the names were checked when planning
        workers.note(t("batch.doing", format=target.format, plugin=exporter.plugin or "-"))
        try:
            made = render(exporter, export_input, job.options.get(target.format), layouts)
            result.outputs.append((target, made.data, made.pages))
        except ExportError as error:
            result.failures.append((target.format, str(error)))
        except Exception as error:  # an exporter's bug is this file's failure, not the batch's
            reason = t("batch.exporter_crashed", plugin=exporter.plugin, error=f"{type(error).__name__}: {error}")
            result.failures.append((target.format, reason))
    return result


def save(rendered: RenderedFile, ledger: Ledger | None = None) -> Outcome:
    """Write a rendered file's outputs, each replaced atomically, and record them in ``ledger``."""
    outcome = Outcome(rendered.source, skipped=rendered.skipped, failures=rendered.failures)
    for target, data, pages in rendered.outputs:
        try:
            target.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target.path, data, _new_file_mode(), durable=False)  # synced once, at the end
        except OSError as error:
            outcome.failures.append((target.format, t("batch.write_failed", path=target.path,
                                                      reason=error.strerror or str(error))))
            continue
        outcome.written.append((target, pages))
        if ledger is not None and rendered.sha256:
            ledger.record(target.path, target.format, rendered.sha256)
    return outcome


def export_file(job: Job) -> Outcome:
    """Render and write one file in this process (the site builder's workers call this)."""
    return save(render_file(job))


def _strict_refusal(loaded) -> str | None:
    from soptui.checks import check_loaded
    from soptui.diagnostics import has_errors
    from soptui.plugins import extra_checks

    findings = check_loaded(loaded, extra_checks())
    if not has_errors(findings):
        return None
    errors = [f for f in findings if f.severity == "error"]
    return t("batch.strict", count=len(errors), first=errors[0].format_line())


def resolve_options(exporters: Mapping[str, Exporter], given: Iterable[str]) -> dict[str, dict[str, object]]:
    """Each exporter's options: its defaults, then ``NAME=VALUE`` or ``FORMAT.NAME=VALUE`` from the user.

    A bare ``NAME`` applies to every chosen format that has that option.
    Raises ``ValueError`` with the message for the user when an option is
    unknown or its value does not fit.
    """
    result = {name: default_options(exporter) for name, exporter in exporters.items()}
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


def run(jobs: list[Job], jobs_at_once: int, timeout: float | None = DEFAULT_TIMEOUT,
        ledger: Ledger | None = None) -> Generator[Outcome, None, None]:
    """Outcomes as files finish: rendered in worker processes (:mod:`soptui.workers`), written here.

    Closing the iterator (or Ctrl+C) ends the workers at once: they write nothing themselves.
    """
    written: list[Path] = []
    try:
        for rendered in workers.run(render_file, jobs, jobs_at_once, _lost, timeout):
            outcome = save(rendered, ledger)
            written += [target.path for target, _ in outcome.written]
            yield outcome
    finally:
        flush_to_disk(written)
        if ledger is not None:
            ledger.save()


def render_apart(job: Job, timeout: float | None = DEFAULT_TIMEOUT,
                 cancelled: Callable[[], bool] | None = None) -> RenderedFile | None:
    """Render one job in a worker started afresh, for the editor: a hanging or crashing
    exporter fails the export, never the editor. ``None`` when ``cancelled()`` came first."""
    return next(workers.run(render_file, [job], 1, _lost, timeout, fresh=True, cancelled=cancelled), None)


def _lost(job: Job, why: workers.Lost) -> RenderedFile:
    """The result of a file whose worker died, ran past the time limit, or raised."""
    return RenderedFile(job.source, skipped=list(job.skipped), failures=[(None, lost_reason(why))])


def lost_reason(why: workers.Lost) -> str:
    """What to tell the user about a job that gave no result (:class:`soptui.workers.Lost`)."""
    doing = why.doing or t("batch.reading")
    if why.kind == "timeout":
        return t("batch.timed_out", seconds=f"{why.limit:g}", doing=doing)
    if why.kind == "error":
        return t("batch.worker_error", error=why.error, doing=doing)
    return t("batch.worker_died", doing=doing)
