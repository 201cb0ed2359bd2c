"""The user's settings as commands and the editor use them: read by
:mod:`soptui.settings`, their problems worded in the interface language, one
setting saved.

Reading lives apart from here because the catalogue (:mod:`soptui.i18n`)
asks the settings for the language, and wording the problems asks the
catalogue: each module imports the one below it, none the one above.
"""

from __future__ import annotations

from typing import Any

from soptui import confine
from soptui.i18n import t
from soptui.settings import CONFIG_VARIABLE, ISOLATED_VARIABLE, Config, Problem, config_dir, config_path, read_config

__all__ = ["CONFIG_VARIABLE", "ISOLATED_VARIABLE", "Config", "config_dir", "config_path", "load_config",
           "save_setting"]


def load_config() -> tuple[Config, list[str]]:
    """The settings in force, and the problems found on the way, as messages."""
    config, problems = read_config()
    return config, [_worded(problem) for problem in problems]


def _worded(problem: Problem) -> str:
    key, values = problem
    if key == "config.missing":  # a file named on purpose (--config) that is not there
        return t("config.unreadable", path=values["path"], reason=t("config.missing"))
    if key == "config.refused":  # no regular file, or too large (soptui.small_files)
        return t("config.unreadable", path=values["path"],
                 reason=t(f"files.{values['kind']}", size=values["size"], limit=values["limit"]))
    return t(key, **values)


def save_setting(key: str, value: Any) -> None:
    """Remember one setting, keeping the rest of the file and its comments.

    Under ``--root`` the config is written only when it lies inside the root
    (``SOPTUI_CONFIG_DIR`` there); otherwise :class:`soptui.confine.OutsideRoot`
    (an ``OSError``, as a full disk is) and nothing is written: a forced SSH
    command never changes the account's own settings.
    """
    import tomlkit  # only a save needs them: soptui check, run on every commit, never loads tomlkit

    from soptui.store import atomic_write

    path = confine.writing(config_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        document = tomlkit.document()  # a broken file is replaced, its problems were reported at load
    document[key] = value
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"), 0o644)
