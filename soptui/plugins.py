"""Finding, loading and asking the plugins: exporters, extra checks, themes, commands.

Built-in exporters and third-party plugins come the same way, through the
entry-point group ``soptui`` (found by :mod:`soptui.discovery`); the
built-ins are simply the entry points of the ``soptui`` distribution itself.
``SOPTUI_LOAD_PLUGINS`` (a comma list of entry-point or distribution names)
limits which third-party plugins load; set to an empty string it loads none
but the built-ins.

A plugin never takes the app or a batch down: one that fails to import,
implements a hook that does not exist, or raises while registering is
reported once on stderr, naming it and the error, and skipped whole (nothing
it registered is kept). Two exporters with the same name are reported,
naming both plugins, and that name is refused until one is removed.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import click
import pluggy

from soptui import discovery, hookspecs
from soptui.commands import COMMANDS
from soptui.exporters import Exporter
from soptui.i18n import add_messages, remove_messages, t
from soptui.text_cache import read_toml

BUILTIN_DISTRIBUTION = "soptui"
LOAD_PLUGINS_VARIABLE = "SOPTUI_LOAD_PLUGINS"
HOOKS: tuple[str, ...] = ("register_exporters", "register_checks", "register_themes", "register_messages",
                          "register_signers", "register_commands")
SEVERITIES: tuple[str, ...] = ("error", "warning")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")


class PluginProblem(Exception):
    """What a plugin did wrong; ``str()`` is the message the user reads."""


class ExporterConflict(Exception):
    """Two plugins registered an exporter under the same name."""


class CheckRule(NamedTuple):  # a record, not a dataclass: a frozen dataclass costs each start about 1 ms to make
    """An extra checker rule from a plugin (``register_checks``)."""

    code: str
    severity: str
    function: Callable[..., Any]
    description: str = ""
    plugin: str = ""


class Theme(NamedTuple):
    """A theme from a plugin: a name and a dict of values or a TOML file."""

    name: str
    source: dict[str, Any] | Path
    plugin: str = ""


@dataclass
class PluginInfo:
    """One plugin as ``soptui plugins`` lists it."""

    name: str
    distribution: str
    version: str
    builtin: bool
    hooks: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()  # the languages of its texts
    signers: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class Plugins:
    """Everything the plugins registered, once per process."""

    manager: pluggy.PluginManager
    plugins: list[PluginInfo] = field(default_factory=list)
    exporters: dict[str, Exporter] = field(default_factory=dict)
    checks: dict[str, CheckRule] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    signers: dict[str, Any] = field(default_factory=dict)  # name -> soptui.signing.SignerBackend
    commands: dict[str, Any] = field(default_factory=dict)  # name -> click.Command
    conflicts: dict[str, tuple[str, str]] = field(default_factory=dict)

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``; ``KeyError`` if none, ``ExporterConflict`` if two."""
        if name in self.conflicts:
            first, second = self.conflicts[name]
            raise ExporterConflict(t("plugins.conflict", name=name, first=first, second=second))
        return self.exporters[name]

    def version_of(self, exporter: Exporter) -> str:
        """The version of the distribution that registered ``exporter`` ("" when unknown)."""
        return next((info.version for info in self.plugins if info.name == exporter.plugin), "")

    def usable_exporters(self) -> dict[str, Exporter]:
        """The exporters a user may choose, by name (conflicting names left out)."""
        return {name: e for name, e in sorted(self.exporters.items()) if name not in self.conflicts}


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_plugins(
    *,
    entry_points: bool = True,
    extra: Iterable[tuple[str, object]] = (),
    warn: Callable[[str], None] | None = _to_stderr,
) -> Plugins:
    """Load the plugins afresh: entry points (if asked) then ``extra`` (name, module).

    Each problem is passed to ``warn`` (default: a line on stderr; ``None``
    is quiet, for worker processes whose parent has already told the user)
    and the plugin is skipped.
    """
    manager = pluggy.PluginManager("soptui")
    manager.add_hookspecs(hookspecs)
    result = Plugins(manager)
    candidates: list[tuple[PluginInfo, Callable[[], object]]] = []
    if entry_points:
        candidates += _entry_point_candidates()
    candidates += [(PluginInfo(name, "", "", False), _given(module)) for name, module in extra]
    for info, load in candidates:
        module = None
        try:
            module = load()
            _register(result, info, module)
        except (Exception, SystemExit) as error:  # a plugin's own bug (or exit) must not stop soptui
            info.error = _describe(error)
            info.hooks = info.exporters = info.checks = info.themes = info.messages = info.signers = info.commands = ()
            if module is not None and manager.is_registered(module) and manager.get_name(module) == info.name:
                manager.unregister(module)
            remove_messages(info.name)
            if warn:
                warn(t("plugins.failed", plugin=_label(info), error=info.error))
        result.plugins.append(info)
    if warn:
        for name, (first, second) in result.conflicts.items():
            warn(t("plugins.conflict", name=name, first=first, second=second))
    return result


_loaded: Plugins | None = None  # this process's plugins, loaded on first use


def get_plugins(*, quiet: bool = False) -> Plugins:
    """The plugins of this process, loaded on first use and reported once.

    ``quiet`` is for worker processes, whose parent has told the user already.
    """
    global _loaded
    if _loaded is None:
        _loaded = load_plugins(warn=None if quiet else _to_stderr)
    return _loaded


def reset_plugins() -> None:
    """Forget the loaded plugins and their texts, so the next use loads them again (tests)."""
    global _loaded
    _loaded = None
    remove_messages()


def extra_checks(plugins: Plugins | None = None) -> tuple[Callable[[Any], None], ...]:
    """The plugins' rules as checker functions taking the checker's ``Context``."""
    plugins = plugins or get_plugins()
    return tuple(_as_check(rule) for rule in plugins.checks.values())


def _given(module: object) -> Callable[[], object]:
    """A module handed in already imported, loaded as an entry point is."""
    return lambda: module


def _entry_point_candidates() -> list[tuple[PluginInfo, Callable[[], object]]]:
    wanted = os.environ.get(LOAD_PLUGINS_VARIABLE)
    allowed = None if wanted is None else {name.strip() for name in wanted.split(",") if name.strip()}
    found: list[tuple[PluginInfo, Callable[[], object]]] = []
    for entry_point in discovery.installed():
        dist_name = entry_point.distribution
        builtin = _normalise(dist_name) == BUILTIN_DISTRIBUTION
        if not builtin and allowed is not None and not {entry_point.name, dist_name, _normalise(dist_name)} & allowed:
            continue
        info = PluginInfo(entry_point.name, dist_name, entry_point.version, builtin)
        found.append((info, functools.partial(discovery.load, entry_point)))
    found.sort(key=lambda pair: (not pair[0].builtin, pair[0].name))
    return found


def _register(result: Plugins, info: PluginInfo, module: object) -> None:
    """Register one plugin and collect what it registers; raise to skip it whole."""
    manager = result.manager
    _check_hook_names(module)
    try:
        manager.register(module, name=info.name)
    except pluggy.PluginValidationError as error:  # a parameter the hook does not have; pluggy words it in English
        raise PluginProblem(t("plugins.bad_hook_arguments", hook=_hook_of(error))) from None
    implemented = {hook for hook in HOOKS if any(
        impl.plugin is module for impl in getattr(manager.hook, hook).get_hookimpls()
    )}
    info.hooks = tuple(hook for hook in HOOKS if hook in implemented)
    staged: dict[str, list[Any]] = {hook: [] for hook in HOOKS}
    registrars = {
        "register_exporters": lambda exporter: staged["register_exporters"].append(_exporter(exporter, info)),
        "register_checks": lambda code, severity, function, description="": staged["register_checks"].append(
            _check_rule(result, code, severity, function, description, info)
        ),
        "register_themes": lambda name, source: staged["register_themes"].append(_theme(name, source, info)),
        "register_messages": lambda source: staged["register_messages"].append(_messages(source)),
        "register_signers": lambda signer: staged["register_signers"].append(_signer(result, signer, info)),
        "register_commands": lambda command: staged["register_commands"].append(_command(result, command, info)),
    }
    for hook in sorted(info.hooks, key=lambda hook: hook != "register_messages"):  # texts first: others use them
        for impl in getattr(manager.hook, hook).get_hookimpls():
            if impl.plugin is module:
                impl.function(**{name: registrars[hook] for name in impl.argnames})
        if hook == "register_messages":
            texts = _merged(staged[hook])
            try:
                add_messages(info.name, texts)
            except ValueError as error:
                raise PluginProblem(str(error)) from None
            info.messages = tuple(sorted(texts))
    for exporter in staged["register_exporters"]:
        if exporter.name in result.exporters:
            result.conflicts[exporter.name] = (result.exporters[exporter.name].plugin, info.name)
        else:
            result.exporters[exporter.name] = exporter
    result.checks.update((rule.code, rule) for rule in staged["register_checks"])
    result.themes.update((theme.name, theme) for theme in staged["register_themes"])
    info.exporters = tuple(e.name for e in staged["register_exporters"])
    info.checks = tuple(rule.code for rule in staged["register_checks"])
    info.themes = tuple(theme.name for theme in staged["register_themes"])
    result.signers.update((signer.name, signer) for signer in staged["register_signers"])
    info.signers = tuple(signer.name for signer in staged["register_signers"])
    result.commands.update((command.name, command) for command in staged["register_commands"])
    info.commands = tuple(command.name for command in staged["register_commands"])


def _signer(result: Plugins, signer: object, info: PluginInfo):
    from soptui.signing import SignerBackend

    if not isinstance(signer, SignerBackend):
        raise PluginProblem(t("plugins.not_signer", kind=type(signer).__name__))
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", signer.name) or not callable(signer.sign):
        raise PluginProblem(t("plugins.bad_signer", name=signer.name))
    if signer.name in result.signers:
        raise PluginProblem(t("plugins.signer_taken", name=signer.name, owner=result.signers[signer.name].plugin))
    return dataclasses.replace(signer, plugin=info.name)


def _command(result: Plugins, command: object, info: PluginInfo):
    """A plugin's subcommand: a click command under a name nobody has yet."""
    if not isinstance(command, click.Command):
        raise PluginProblem(t("plugins.not_command", kind=type(command).__name__))
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", command.name or ""):
        raise PluginProblem(t("plugins.bad_command_name", name=command.name))
    if command.name in COMMANDS or command.name in result.commands:
        owner = "soptui" if command.name in COMMANDS else next(
            (other.name for other in result.plugins if command.name in other.commands), "")
        raise PluginProblem(t("plugins.command_taken", name=command.name, owner=owner))
    return command


def _check_hook_names(module: object) -> None:
    """A ``@hookimpl`` whose name is no soptui hook (a typo such as ``register_exporter``)."""
    marked = [name for name in dir(module) if getattr(getattr(module, name, None), "soptui_impl", None) is not None]
    unknown = [name for name in marked if name not in HOOKS]
    if unknown:
        raise PluginProblem(t("plugins.unknown_hook", hooks=", ".join(unknown), known=", ".join(HOOKS)))


def _hook_of(error: pluggy.PluginValidationError) -> str:
    return next((hook for hook in HOOKS if hook in str(error)), "")


def _exporter(exporter: object, info: PluginInfo) -> Exporter:
    if not isinstance(exporter, Exporter):
        raise PluginProblem(t("plugins.not_exporter", kind=type(exporter).__name__))
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", exporter.name):
        raise PluginProblem(t("plugins.bad_exporter_name", name=exporter.name))
    return dataclasses.replace(exporter, plugin=info.name)


def _check_rule(result: Plugins, code: str, severity: str, function: Any, description: str, info: PluginInfo) -> CheckRule:
    from soptui.checks import RULES

    if not isinstance(code, str) or not _CODE.match(code):
        raise PluginProblem(t("plugins.bad_code", code=code))
    if code in RULES or code in result.checks:
        owner = "soptui" if code in RULES else result.checks[code].plugin
        raise PluginProblem(t("plugins.code_taken", code=code, owner=owner))
    if severity not in SEVERITIES:
        raise PluginProblem(t("plugins.bad_severity", code=code, severity=severity, choices=", ".join(SEVERITIES)))
    if not callable(function):
        raise PluginProblem(t("plugins.not_callable", code=code))
    return CheckRule(code, severity, function, description, info.name)


def _theme(name: str, source: object, info: PluginInfo) -> Theme:
    if not isinstance(source, (dict, Path)):
        raise PluginProblem(t("plugins.bad_theme", name=name, kind=type(source).__name__))
    return Theme(name, source, info.name)


def _merged(sources: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    texts: dict[str, dict[str, Any]] = {}
    for source in sources:
        for lang, table in source.items():
            texts.setdefault(lang, {}).update(table)
    return texts


def _messages(source: object) -> dict[str, Any]:
    """A plugin's texts by language, from a dict or a folder of ``<lang>.toml`` files."""
    if isinstance(source, dict):
        return source
    if not isinstance(source, Path):
        raise PluginProblem(t("plugins.bad_messages", kind=type(source).__name__))
    texts = {}
    for path in sorted(source.glob("*.toml")):
        try:
            texts[path.stem] = read_toml(path)  # as soptui's own catalogue: parsed at most once, then kept
        except (OSError, ValueError) as error:  # tomli's TOMLDecodeError and UnicodeDecodeError are ValueErrors
            raise PluginProblem(t("plugins.unreadable_messages", path=path, error=error)) from None
    if not texts:
        raise PluginProblem(t("plugins.no_messages", path=source))
    return texts


def _as_check(rule: CheckRule) -> Callable[[Any], None]:
    """Wrap a plugin rule into a checker function; its own bug becomes one finding."""

    def check(context: Any) -> None:
        def report(message: str, where: str | tuple = "") -> None:
            reporter = context.reporter
            reporter.report(rule.code, rule.severity, _field_path(where))
            reporter.findings[-1] = dataclasses.replace(reporter.findings[-1], text=str(message))

        try:
            rule.function(context.sop, report)
        except Exception as error:
            context.reporter.report(rule.code, "warning", ())
            context.reporter.findings[-1] = dataclasses.replace(
                context.reporter.findings[-1],
                severity="warning",
                text=t("plugins.check_crashed", code=rule.code, plugin=rule.plugin, error=_describe(error)),
            )

    check.__name__ = f"plugin_check_{rule.code}"
    return check


def _field_path(where: str | tuple) -> tuple:
    """``"langkah[3].pelaksana"`` -> ``("langkah", 2, "pelaksana")`` (numbers from 1)."""
    if isinstance(where, tuple):
        return where
    path: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", where or ""):
        path.append(int(index) - 1 if index else name)
    return tuple(path)


def _describe(error: BaseException) -> str:
    if isinstance(error, PluginProblem):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _label(info: PluginInfo) -> str:
    if info.distribution and _normalise(info.distribution) != _normalise(info.name):
        return f"{info.name} ({info.distribution} {info.version})".strip()
    return f"{info.name} {info.version}".strip()


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
