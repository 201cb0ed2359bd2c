"""Text for a terminal: control characters and escape sequences made visible.

A file name, a finding's message or a value from an SOP may hold ``ESC``
(``\\x1b]0;...\\x07`` retitles the terminal, ``\\x1b[2J`` clears it), a
carriage return that overwrites the line, a bidirectional override that
makes text read backwards, or a surrogate from an undecodable file name that
would stop the output with an encoding error. Every line soptui prints for a
person goes through :func:`visible` (``soptui check``, ``monev``, ``diff``,
``export``...); they then show as ``\\x1b``, ``\\u202e``, and nothing reaches the
terminal as a command. The editor has its own counterpart for its widgets.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

#: Characters that are commands, not text, to a terminal or a document: C0 controls but tab, line
#: feed and carriage return; DEL; C1 controls; the bidirectional embeddings, overrides and isolates
#: (text that reads differently from how it is stored); line and paragraph separators; Unicode
#: noncharacters (U+FFFE, U+FFFF, ...). The loader refuses them in a file (soptui.limits).
UNPRINTABLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
)
_HIDDEN = re.compile(f"[{UNPRINTABLE}\t\n\r\ud800-\udfff]")


@cache
def _in_json() -> re.Pattern[str]:
    """The characters to escape in JSON (json.dumps escapes tab and line breaks itself), compiled
    when JSON is first printed: the class is long, and most commands print none."""
    return re.compile(f"[{UNPRINTABLE}\ud800-\udfff]")


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character written as an escape (``\\x1b``);
    characters in ``keep`` (e.g. ``"\\n"`` for a multi-line cell) stay as they are."""
    return _HIDDEN.sub(lambda match: match[0] if match[0] in keep else _escape(match[0]), text)


def json_text(value: Any, indent: int | None = 2) -> str:
    """``value`` as JSON for a terminal or a pipe: still valid JSON with the same
    strings, every character a terminal acts on written as a ``\\u`` escape
    (``json.dumps`` escapes only C0 controls once it keeps other text as it is)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _in_json().sub(lambda match: _json_escape(match[0]), text)


def _json_escape(char: str) -> str:
    units = char.encode("utf-16-le", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'little'):04x}" for i in range(0, len(units), 2))


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
