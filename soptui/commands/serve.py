"""``soptui serve [PATH]``: the editor in a browser, through textual-serve.

Each browser tab that connects starts its own ``soptui edit PATH`` process
(textual-serve runs the command through the shell; every part is quoted
here). textual-serve has no login: anyone who reaches the port edits the
files. So it listens on 127.0.0.1 unless ``--host`` names another address
*and* ``--izinkan-jaringan`` is given, and then a warning is printed; put it
behind the unit's proxy with its login (docs/web.md). ``--root`` is passed
on to every editor process. Files exported in the editor's dialog are also
sent to the browser as a download. The page is soptui's own template
(``serve_page/app_index.html``): textual-serve's asks a font from the
internet and says nothing when the browser holds a download back.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import get_language, t

LOOPBACK_NAMES = ("localhost",)
PAGE = Path(__file__).with_name("serve_page")  # our app_index.html: no outside request, a link for held downloads


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or ``localhost``; any other name or address reaches further."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def editor_command(path: Path, root: Path | None, lang: str) -> str:
    """The shell command textual-serve starts for each browser: this Python, this soptui."""
    parts = [sys.executable, "-m", "soptui", "edit", str(path), "--lang", lang]
    if root is not None:
        parts += ["--root", str(root)]
    return shlex.join(parts)


@click.command()
@click.argument("path", required=False, default=".", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengar. Selain loopback hanya dengan --izinkan-jaringan.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port HTTP.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Batasi editor pada folder ini (diteruskan ke setiap editor).")
@click.option("--izinkan-jaringan", "allow_network", is_flag=True,
              help="Izinkan alamat selain 127.0.0.1 (textual-serve tanpa login: pasang di balik proxy berlogin).")
@lang_option
def serve(path: Path, host: str, port: int, root: Path | None, allow_network: bool) -> None:
    """Membuka editor di peramban (textual-serve), bawaan hanya di 127.0.0.1.

    Setiap tab peramban menjalankan editornya sendiri atas PATH. Tidak ada
    login: siapa pun yang mencapai port ini dapat mengubah berkas. Berkas
    ekspor dikirim ke peramban sebagai unduhan.
    """
    if not is_loopback(host):
        if not allow_network:
            raise click.UsageError(t("serve.not_loopback", host=host))
        echo(t("serve.no_login_warning", host=host, port=port), err=True)
    path = path.absolute()
    root = root.absolute() if root is not None else None
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise click.UsageError(t("serve.outside_root", path=path, root=root))
    try:
        from textual_serve.server import Server
    except ImportError:
        raise click.UsageError(t("serve.not_installed")) from None
    server = Server(editor_command(path, root, get_language()), host=host, port=port, title=f"soptui: {path.name}",
                    templates_path=PAGE)
    echo(t("serve.listening", url=server.public_url, path=path), err=True)
    server.serve()
