"""What every command offers operators: ``--config``, ``--isolated``, ``--quiet``,
settings problems on stderr, and the invocation's language chosen before
anything is printed (``--help`` included).

The settings flags become the environment variables of :mod:`soptui.config`
for the time of one invocation, so worker processes read the same settings
and a test that runs the CLI in-process leaves nothing behind.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager

import click

from soptui.config import CONFIG_VARIABLE, ISOLATED_VARIABLE, load_config
from soptui.i18n import LANGUAGES, language_scope, set_language

_state = {"quiet": False}


def is_quiet() -> bool:
    """``--quiet``: print what was asked for and the problems, no progress or summary."""
    return _state["quiet"]


@contextmanager
def invocation(args: list[str]) -> Iterator[None]:
    """One run of the CLI: the settings and the language its arguments choose, undone after."""
    saved = {name: os.environ.get(name) for name in (CONFIG_VARIABLE, ISOLATED_VARIABLE)}
    _state["quiet"] = False
    if "--isolated" in args:  # before anything reads the settings, --help's language included
        os.environ[ISOLATED_VARIABLE] = "1"
    chosen = _value_of(args, "--config")
    if chosen:
        os.environ[CONFIG_VARIABLE] = os.path.abspath(chosen)
    lang = _value_of(args, "--lang")
    try:
        with language_scope():
            if lang in LANGUAGES:
                set_language(lang)
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _value_of(args: list[str], option: str) -> str | None:
    """The value of ``option`` among ``args`` (``--lang en`` or ``--lang=en``), before click parses them."""
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == option and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(option + "="):
            return arg.partition("=")[2]
    return None


def _use_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        os.environ[CONFIG_VARIABLE] = os.path.abspath(value)


def _use_isolated(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        os.environ[ISOLATED_VARIABLE] = "1"


def _use_quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    _state["quiet"] = _state["quiet"] or value


def attach(command: click.Command, report_settings: bool = True) -> None:
    """Give ``command`` the operator options and, unless it shows them itself
    (the editor), report settings problems on stderr before it runs."""
    command.params += [
        click.Option(["--config", "config_file"], type=click.Path(dir_okay=False), expose_value=False,
                     is_eager=True, callback=_use_config,
                     help="Baca pengaturan hanya dari berkas ini (variabel SOPTUI_* diabaikan)."),
        click.Option(["--isolated"], is_flag=True, expose_value=False, is_eager=True, callback=_use_isolated,
                     help="Abaikan pengaturan pengguna: berkas dan variabel SOPTUI_*."),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_use_quiet,
                     help="Tanpa kemajuan dan ringkasan; hanya hasil dan masalah."),
    ]
    if report_settings and command.callback is not None:
        command.callback = _reporting(command.callback)


def _reporting(callback):
    @functools.wraps(callback)
    def run(*args, **kwargs):
        for problem in load_config()[1]:
            click.echo(problem, err=True)
        return callback(*args, **kwargs)

    return run
