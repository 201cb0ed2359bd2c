"""The user's settings: one TOML file in the platform's config folder, read.

Keys (docs/config.md): ``lang``, ``theme``, ``print_theme``, ``paper``,
``orientation``, ``export_dir``, ``autosave_seconds``. Each can be overridden
by an environment variable ``SOPTUI_<KEY>`` (``SOPTUI_LANG``, ...), and the
folder itself by ``SOPTUI_CONFIG_DIR``. A broken file never stops soptui: its
problems are returned (as message keys: this module words nothing, so the
catalogue can ask it the language) and the defaults are used;
:mod:`soptui.config` words them.

For scripts whose output must not depend on who runs them: ``SOPTUI_CONFIG``
(``--config FILE``) names the one file to read, and the ``SOPTUI_<KEY>``
variables are then ignored; ``SOPTUI_ISOLATED=1`` (``--isolated``) uses the
defaults only. They are variables so that worker processes agree.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from soptui.papers import DEFAULT_ORIENTATION, DEFAULT_PAPER, ORIENTATIONS, PAPER_NAMES
from soptui.small_files import Refused, read_text

CONFIG_FILE = "config.toml"
CONFIG_VARIABLE = "SOPTUI_CONFIG"
ISOLATED_VARIABLE = "SOPTUI_ISOLATED"


@dataclass(frozen=True)
class Config:
    lang: str = "id"
    theme: str = "gelap"
    print_theme: str = "resmi"
    paper: str = DEFAULT_PAPER
    orientation: str = DEFAULT_ORIENTATION
    export_dir: str = ""  # empty: beside the SOP file
    autosave_seconds: int = 5


_CHOICES: dict[str, tuple[str, ...]] = {"lang": ("id", "en"), "paper": PAPER_NAMES, "orientation": ORIENTATIONS}


def config_dir() -> Path:
    """Where the config file and the user's themes live."""
    override = os.environ.get("SOPTUI_CONFIG_DIR")
    if override:
        return Path(override)
    return _user_dir("XDG_CONFIG_HOME", ".config") or _platform_dir("user_config_dir")


def cache_dir() -> Path:
    """Where soptui keeps what it can find again (:mod:`soptui.discovery`): the platform's user cache folder."""
    return _user_dir("XDG_CACHE_HOME", ".cache") or _platform_dir("user_cache_dir")


def _user_dir(variable: str, under_home: str) -> Path | None:
    """platformdirs' answer on Linux, without importing it (every start asks for the config):
    ``$XDG_..._HOME/soptui`` if absolute, else ``$HOME/.../soptui`` if absolute; ``None`` elsewhere."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    for base in (os.environ.get(variable, ""), os.path.join(os.environ.get("HOME", ""), under_home)):
        if os.path.isabs(base):
            return Path(base, "soptui")
    return None


def _platform_dir(kind: str) -> Path:
    import platformdirs

    return Path(getattr(platformdirs, kind)("soptui", appauthor=False))


def config_path() -> Path:
    """The settings file in force: ``SOPTUI_CONFIG`` when set, else the folder's ``config.toml``."""
    return Path(os.environ[CONFIG_VARIABLE]) if os.environ.get(CONFIG_VARIABLE) else config_dir() / CONFIG_FILE


Problem = tuple[str, dict[str, str]]  # a message key of the catalogue and its values


def read_config() -> tuple[Config, list[Problem]]:
    """The settings in force, and the problems found on the way (message keys, worded by :mod:`soptui.config`)."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    if os.environ.get(ISOLATED_VARIABLE):
        return Config(), problems
    path = config_path()
    from_variables = not os.environ.get(CONFIG_VARIABLE)  # a named file is the only source
    try:
        values = _parsed(read_text(path))
    except FileNotFoundError:
        if not from_variables:  # named on purpose: it must exist
            problems.append(("config.missing", {"path": str(path)}))
    except Refused as refused:  # a FIFO, a device, a huge file: never waited on nor read whole
        problems.append(("config.refused", {"path": str(path), "kind": refused.kind, "size": str(refused.size),
                                            "limit": str(refused.limit)}))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(("config.unreadable", {"path": str(path), "reason": str(error)}))
    config = Config()
    for field in fields(Config):
        raw = os.environ.get(f"SOPTUI_{field.name.upper()}") if from_variables else None
        origin = f"SOPTUI_{field.name.upper()}" if raw is not None else f"{path}: {field.name}"
        value = raw if raw is not None else values.get(field.name)
        if value is None:
            continue
        checked = _checked(field.name, value, str(field.type))
        if checked is None:
            problems.append(("config.bad_value", {"where": origin, "value": repr(value),
                                                  "default": repr(getattr(config, field.name))}))
        else:
            config = replace(config, **{field.name: checked})
    for unknown in sorted(set(values) - {f.name for f in fields(Config)}):
        problems.append(("config.unknown_key", {"path": str(path), "key": unknown}))
    return config, problems


@lru_cache(maxsize=8)
def _parsed(text: str) -> dict[str, Any]:
    """The settings file's TOML, parsed once per process for each text (read afresh
    every time, so an edit shows): an export asks for its defaults several times."""
    return tomllib.loads(text)


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
