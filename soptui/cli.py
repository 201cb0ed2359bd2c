"""The ``soptui`` command line: a click group whose bare form opens the editor.

Subcommands live in ``soptui.commands``; none of them imports Textual, so
``check`` and ``export`` start fast and run where no terminal UI can.
Plugins add subcommands of their own (``register_commands``: the built-in
``_soptui_dokumen`` adds ``formulir`` and ``dokumen``); they are loaded only
for a word that is no soptui command and no existing path, and for ``--help``.
Usage errors exit 2, as click does; ``check`` exits 1 when it finds errors.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from soptui import __version__
from soptui.commands import COMMANDS, language, operate
from soptui.commands.common import lang_option
from soptui.i18n import get_language


class DefaultGroup(click.Group):
    """A group that runs ``edit`` when the first word is not a subcommand, and
    imports each subcommand when it is first asked for (:data:`COMMANDS`)."""

    default_command = "edit"

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted({*COMMANDS, *self.commands, *_plugin_commands()})

    def get_command(self, ctx: click.Context | None, name: str) -> click.Command | None:
        if name not in self.commands and (name in COMMANDS or name in _plugin_commands()):
            if name in COMMANDS:
                module, _, attribute = COMMANDS[name].partition(":")
                command = getattr(importlib.import_module(module), attribute)
            else:
                command = _plugin_commands()[name]
            for each in _tree(command):
                _localise_help(each)
                if not isinstance(each, click.Group):
                    operate.attach(each, report_settings=name != "edit")  # the editor shows them in its window
            language.translate_now(command)
            self.commands[name] = command
        return self.commands.get(name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:  # shell completion: offer the subcommands as typed
            return super().parse_args(ctx, args)
        if not args or (not args[0].startswith("-") and not _is_command(args[0])):
            args = [self.default_command, *args]
        elif args[0].startswith("-") and not any(map(_is_command, args)) and _is_edit_option(args):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, *rest, **extra):
        """One invocation: settings flags and the language in force from the start, undone after."""
        with operate.invocation(list(sys.argv[1:] if args is None else args)):
            with language.speaking(get_language(), self):
                if extra.get("standalone_mode", True) is False:
                    return super().main(args, *rest, **extra)
                _exit_as_click_would(lambda: super(DefaultGroup, self).main(args, *rest, standalone_mode=False, **extra))


def _exit_as_click_would(run) -> None:
    """What click's standalone mode does with the outcome of ``run()``, except that Ctrl+C
    no command handled itself ends with 130 (the shell's code for it), not 1, so a script
    can tell an interrupted run from a failed one."""
    import errno
    from gettext import gettext

    try:
        result = run()
    except click.exceptions.Abort:  # click's word for Ctrl+C (and end of input at a prompt)
        click.echo(gettext("Aborted!"), err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        sys.exit(1)  # the reader went away (``soptui check | head``): nothing left to say
    sys.exit(result if isinstance(result, int) else 0)


def _is_command(word: str) -> bool:
    """A subcommand: soptui's own, or a plugin's when ``word`` is no option and
    no path (``soptui surat.sop.toml`` opens the editor without loading plugins)."""
    if word in COMMANDS:
        return True
    return not word.startswith("-") and not os.path.lexists(word) and word in _plugin_commands()


def _plugin_commands() -> dict[str, click.Command]:
    """The subcommands the plugins registered (``register_commands``), loading them once."""
    from soptui.plugins import get_plugins

    return get_plugins().commands


def _is_edit_option(args: list[str]) -> bool:
    """``soptui --root DIR`` opens the editor; ``soptui --help`` does not."""
    return not any(a in ("--help", "-h", "--version") for a in args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="soptui", message="%(prog)s %(version)s", help="Menampilkan versi soptui lalu keluar.")
@lang_option
def cli() -> None:
    """soptui: menyusun, memeriksa, dan menerbitkan SOP AP (PermenPAN-RB 35/2012).

    Tanpa subperintah, `soptui [PATH]` membuka editor: folder membuka pustaka
    SOP, berkas membuka editornya.
    """


def _localise_help(command: click.Command) -> None:
    """``-h`` as well as ``--help``, worded like soptui's own help (translated with it), and ``--lang``."""
    command.add_help_option = False
    click.help_option("-h", "--help", help="Menampilkan bantuan ini lalu keluar.")(command)
    if not any(param.name == "lang" for param in command.params):
        lang_option(command)


_localise_help(cli)


def _tree(command: click.Command):
    """``command`` and every command below it, groups included."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _tree(sub)
