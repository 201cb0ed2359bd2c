"""The user's settings: one TOML file in the platform's config folder.

Keys (docs/config.md): ``lang``, ``theme``, ``print_theme``, ``paper``,
``orientation``, ``export_dir``, ``autosave_seconds``. Each can be overridden
by an environment variable ``SOPTUI_<KEY>`` (``SOPTUI_LANG``, ...), and the
folder itself by ``SOPTUI_CONFIG_DIR``. A broken file never stops soptui: its
problems are returned as messages and the defaults are used.

For scripts whose output must not depend on who runs them: ``SOPTUI_CONFIG``
(``--config FILE``) names the one file to read, and the ``SOPTUI_<KEY>``
variables are then ignored; ``SOPTUI_ISOLATED=1`` (``--isolated``) uses the
defaults only. They are variables so that worker processes agree.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_FILE = "config.toml"
CONFIG_VARIABLE = "SOPTUI_CONFIG"
ISOLATED_VARIABLE = "SOPTUI_ISOLATED"
PAPERS = ("A4", "F4", "Letter", "Legal")
ORIENTATIONS = ("landscape", "portrait")


@dataclass(frozen=True)
class Config:
    lang: str = "id"
    theme: str = "gelap"
    print_theme: str = "resmi"
    paper: str = "A4"
    orientation: str = "landscape"
    export_dir: str = ""  # empty: beside the SOP file
    autosave_seconds: int = 5


_CHOICES: dict[str, tuple[str, ...]] = {"lang": ("id", "en"), "paper": PAPERS, "orientation": ORIENTATIONS}


def config_dir() -> Path:
    """Where the config file and the user's themes live."""
    override = os.environ.get("SOPTUI_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("soptui", appauthor=False))


def config_path() -> Path:
    """The settings file in force: ``SOPTUI_CONFIG`` when set, else the folder's ``config.toml``."""
    return Path(os.environ[CONFIG_VARIABLE]) if os.environ.get(CONFIG_VARIABLE) else config_dir() / CONFIG_FILE


def load_config() -> tuple[Config, list[str]]:
    """The settings in force, and the problems found on the way, as messages."""
    from soptui.i18n import t  # i18n asks this module for the language: import late

    problems: list[str] = []
    values: dict[str, Any] = {}
    if os.environ.get(ISOLATED_VARIABLE):
        return Config(), problems
    path = config_path()
    from_variables = not os.environ.get(CONFIG_VARIABLE)  # a named file is the only source
    try:
        values = _parsed(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if not from_variables:  # named on purpose: it must exist
            problems.append(t("config.unreadable", path=str(path), reason=t("config.missing")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(t("config.unreadable", path=str(path), reason=str(error)))
    config = Config()
    for field in fields(Config):
        raw = os.environ.get(f"SOPTUI_{field.name.upper()}") if from_variables else None
        origin = f"SOPTUI_{field.name.upper()}" if raw is not None else f"{path}: {field.name}"
        value = raw if raw is not None else values.get(field.name)
        if value is None:
            continue
        checked = _checked(field.name, value, str(field.type))
        if checked is None:
            problems.append(t("config.bad_value", where=origin, value=repr(value), default=repr(getattr(config, field.name))))
        else:
            config = replace(config, **{field.name: checked})
    for unknown in sorted(set(values) - {f.name for f in fields(Config)}):
        problems.append(t("config.unknown_key", path=str(path), key=unknown))
    return config, problems


@lru_cache(maxsize=8)
def _parsed(text: str) -> dict[str, Any]:
    """The settings file's TOML, parsed once per process for each text (read afresh
    every time, so an edit shows): an export asks for its defaults several times."""
    return tomllib.loads(text)


def save_setting(key: str, value: Any) -> None:
    """Remember one setting, keeping the rest of the file and its comments.

    Under ``--root`` the config is written only when it lies inside the root
    (``SOPTUI_CONFIG_DIR`` there); otherwise :class:`soptui.confine.OutsideRoot`
    (an ``OSError``, as a full disk is) and nothing is written: a forced SSH
    command never changes the account's own settings.
    """
    import tomlkit

    from soptui import confine
    from soptui.store import atomic_write

    path = confine.writing(config_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        document = tomlkit.document()  # a broken file is replaced, its problems were reported at load
    document[key] = value
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"), 0o644)


def _checked(name: str, value: Any, kind: str) -> Any:
    if kind == "int":
        try:
            number = int(value)
        except (TypeError, ValueError):
            return None
        return number if number > 0 else None
    if not isinstance(value, str):
        return None
    if name in _CHOICES and value not in _CHOICES[name]:
        return None
    return value
