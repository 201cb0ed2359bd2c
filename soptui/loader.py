"""Reading an SOP file: bytes -> ``Sop`` plus findings, never an exception.

The file is parsed with ``tomllib`` and checked against the format
(``soptui.fields``): a missing key, a wrong type, a value outside its
choices or an unknown key becomes a :class:`Finding` that names the file,
line, column and field. The model is still built, with the defaults in place
of what was wrong, so the checker and the editor can go on; a TOML syntax
error, a file that is not UTF-8, a newer ``format`` or anything beyond the
limits of :mod:`soptui.limits` (size, depth, characters, counts, dates) leave
no model: that is the one boundary every command goes through.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from soptui import confine, fields, limits, plaintoml
from soptui.diagnostics import FieldPath, Finding
from soptui.fields import Key
from soptui.i18n import t
from soptui.locate import Reporter
from soptui.model import (
    FORMAT_VERSION,
    Actor,
    EvaluationRecord,
    Identity,
    MonitoringRecord,
    Revision,
    Signer,
    Sop,
    Step,
)

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")

#: tomllib's reasons, matched to catalogue texts in the user's language.
_TOML_REASONS = (
    (re.compile(r"^Illegal character '(?P<what>.*)'$"), "toml.illegal_character"),
    (re.compile(r"^Unterminated string$"), "toml.unterminated_string"),
    (re.compile(r"^Expected '=' after a key"), "toml.expected_equals"),
    (re.compile(r"^Invalid value$"), "toml.invalid_value"),
    (re.compile(r"^Invalid date or datetime$"), "toml.invalid_date"),
    (re.compile(r"^Cannot (?:declare|overwrite|redefine|mutate)"), "toml.duplicate"),
    (re.compile(r"^Duplicate inline table key"), "toml.duplicate"),
    (re.compile(r"^Unclosed array$"), "toml.unclosed_array"),
    (re.compile(r"^Unclosed inline table$"), "toml.unclosed_table"),
    (re.compile(r"^Expected '\]\]?' at the end"), "toml.unclosed_header"),
    (re.compile(r"^Expected newline or end of document"), "toml.one_per_line"),
    (re.compile(r"^Invalid (?:statement|initial character for a key part)$|^Found invalid character"), "toml.invalid_key"),
)


@dataclass
class Source:
    """What was read from disk, kept so a save can be lossless and safe."""

    path: Path
    data: bytes
    sha256: str
    mode: int | None = None
    loaded: Sop | None = None  # the model as read from ``data``

    @cached_property
    def text(self) -> str:
        """The decoded text; decoded once, whoever asks (checker, library pass, save)."""
        return self.data.decode("utf-8-sig")

    @cached_property
    def baseline(self) -> dict[str, Any] | None:
        """The loaded model as a dict: what a save compares edits against.
        Computed on first save only, so checking a library does not pay for it."""
        from soptui.serialize import to_dict

        return None if self.loaded is None else to_dict(self.loaded)


@dataclass
class Loaded:
    """The result of loading one file."""

    path: Path
    sop: Sop | None
    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None


def load(path: str | os.PathLike[str]) -> Loaded:
    """Load the SOP at ``path``; an unreadable file is a finding, not an error.

    Only a regular file is read, opened without blocking (a FIFO or a device
    named as an SOP never hangs the command) and never more than
    :data:`soptui.limits.MAX_FILE_BYTES` of it.
    """
    path = Path(path)
    try:
        data, mode = read_regular(path)
    except OSError as error:
        finding = Finding("S010", "error", str(path), (), 1, 1, "", {"reason": error.strerror or str(error)})
        return Loaded(path, None, [finding])
    return load_bytes(data, path, mode)


def read_regular(path: Path) -> tuple[bytes, int]:
    """The bytes (at most one past the size limit) and permission bits of a regular file,
    opened without blocking and, under ``--root``, only inside it (:mod:`soptui.confine`);
    ``OSError`` for anything else (a FIFO, a device, a folder, a path out of the root)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = confine.open_descriptor(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, t("loader.not_regular"))
        return handle.read(limits.MAX_FILE_BYTES + 1), status.st_mode & 0o7777


def load_bytes(data: bytes, path: str | os.PathLike[str], mode: int | None = None) -> Loaded:
    """Load an SOP from the bytes of a file (``path`` names it in messages)."""
    path = Path(path)
    raw, text, findings = parse_untrusted(data, str(path))
    source = Source(path, data, hashlib.sha256(data).hexdigest(), mode) if len(data) <= limits.MAX_FILE_BYTES else None
    if raw is None or source is None:  # no source: too big, so refused by parse_untrusted already
        return Loaded(path, None, findings, source)
    source.__dict__["text"] = text  # decoded once (``Source.text`` is a cached property)
    reader = _Reader(str(path), text)
    sop = reader.read(raw)
    source.loaded = sop
    return Loaded(path, sop, reader.findings, source)


def parse_untrusted(data: bytes, name: str, text_limit: int = limits.MAX_TEXT) -> tuple[dict[str, Any] | None, str, list[Finding]]:
    """(parsed TOML, its text, findings) of bytes from outside; the dict is ``None`` when refused.

    Every TOML file soptui reads from a user (SOPs, ``dokumen.toml``) comes
    through here: size, UTF-8, syntax, then :func:`soptui.limits.violations`.
    """
    if len(data) > limits.MAX_FILE_BYTES:
        params: dict[str, object] = {"size": len(data), "limit": limits.MAX_FILE_BYTES // (1024 * 1024)}
        return None, "", [Finding("S015", "error", name, (), 1, 1, "rule.S015.file_size", params)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, "", [Finding("S010", "error", name, (), line, 1, "rule.S010.utf8", {"offset": error.start})]
    raw, finding = _parse(text, name)
    if finding is not None:
        return None, text, [finding]
    reporter = Reporter(name, text)
    count = 0
    for count, violation in enumerate(limits.violations(raw, text_limit), start=1):
        if count <= limits.MAX_REPORTED:
            reporter.report(violation.code, "error", violation.where, violation.message_key, **violation.params)
    if count > limits.MAX_REPORTED:
        reporter.report("S015", "error", (), "rule.S015.more", count=count - limits.MAX_REPORTED)
    return (None if count else raw), text, reporter.findings


def _parse(text: str, name: str) -> tuple[dict[str, Any], Finding | None]:
    """tomllib's dict (read by :mod:`soptui.plaintoml` when the text is plain), or the
    finding that says why there is none."""
    plain = plaintoml.parse(text)
    if plain is not None:
        return plain, None
    deep = limits.first_long_key(text)
    if deep is not None:  # refused by the depth limit anyway, and tomllib would take hours to read a long one
        return {}, Finding("S015", "error", name, (), *deep, "rule.S015.nesting", {"limit": limits.MAX_DEPTH})
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        line, col, reason = explain_toml_error(error)
        return {}, Finding("S010", "error", name, (), line, col, "rule.S010.toml", {"reason": reason})
    except RecursionError:  # tomllib recurses once per nested array or inline table
        line, col = limits.first_deep_line(text)
        return {}, Finding("S015", "error", name, (), line, col, "rule.S015.nesting", {"limit": limits.MAX_DEPTH})
    except ValueError:  # an integer of more digits than Python converts
        line, col = _long_number_position(text)
        return {}, Finding("S015", "error", name, (), line, col, "rule.S015.number", {})


def _long_number_position(text: str) -> tuple[int, int]:
    match = re.search(r"\d(?:_?\d){99,}", text)  # digits may be grouped by underscores
    return (1, 1) if match is None else limits.position(text, match.start())


class _Reader(Reporter):
    """Builds the model from the parsed dict, collecting findings on the way."""


    def read(self, raw: dict[str, Any]) -> Sop | None:
        version = raw.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            self.report("S009", "error", ("format",), found=version, known=FORMAT_VERSION)
            return None
        values, extra = self.table(raw, fields.TOP, ())
        if "format" in values and values["format"] < 1:
            self.report("S002", "error", ("format",), "rule.S002.format", value=values["format"], known=FORMAT_VERSION)
        return Sop(
            identitas=self.identity(values.get("identitas"), ("identitas",)),
            pelaksana=tuple(self.items(values, "pelaksana", fields.ACTOR, Actor)),
            langkah=tuple(self.items(values, "langkah", fields.STEP, Step)),
            riwayat=tuple(self.items(values, "riwayat", fields.REVISION, Revision)),
            monitoring=tuple(self.items(values, "monitoring", fields.MONITORING, MonitoringRecord)),
            evaluasi=tuple(self.items(values, "evaluasi", fields.EVALUATION, EvaluationRecord)),
            format=values.get("format", FORMAT_VERSION),
            extra=extra,
        )

    def identity(self, raw: dict[str, Any] | None, where: FieldPath) -> Identity:
        values, extra = self.table(raw or {}, fields.IDENTITY, where) if raw is not None else ({}, {})
        signer = values.pop("disahkan_oleh", None)
        if signer is not None:
            signer_values, signer_extra = self.table(signer, fields.SIGNER, where + ("disahkan_oleh",))
            values["disahkan_oleh"] = Signer(**_defaults(signer_values, fields.SIGNER), extra=signer_extra)
        return Identity(**_defaults(values, fields.IDENTITY, skip=("disahkan_oleh",)), extra=extra)

    def items(self, values: dict[str, Any], name: str, spec: dict[str, Key], build: type) -> list[Any]:
        result = []
        for index, raw in enumerate(values.get(name, [])):
            item_values, extra = self.table(raw, spec, (name, index))
            if "id" in spec and "id" not in item_values:
                item_values["id"] = f"#{index + 1}"  # keeps the item visible; never a valid id
            result.append(build(**_defaults(item_values, spec), extra=extra))
        return result

    def table(self, raw: dict[str, Any], spec: dict[str, Key], where: FieldPath) -> tuple[dict[str, Any], dict[str, Any]]:
        """The valid known values of a table and its unknown keys."""
        values: dict[str, Any] = {}
        for name, key in spec.items():
            if name not in raw:
                if key.required:
                    self.report("S001", "error", where + (name,), key=name, expected=_expected(key))
                continue
            value = raw[name]
            if type(value) is str and key.kind == "string" and not key.choices and not key.pattern:
                values[name] = value  # most keys of a file: a free text that fits, taken as it is
                continue
            value = self.value(value, key, where + (name,))
            if value is not None:
                values[name] = value
        extra = {name: value for name, value in raw.items() if name not in spec}
        for name in extra:
            self.report("S011", "warning", where + (name,))
        return values, extra

    def value(self, value: Any, key: Key, where: FieldPath) -> Any:
        """The value if it fits ``key``, else ``None`` after a finding."""
        if not _fits(value, key.kind):
            self.report("S002", "error", where, expected=_expected(key), actual=_kind_of(value), value=_short(value))
            return None
        if key.kind == "strings":
            return tuple(self.items_of(value, "string", key.min_items, where))
        if key.kind == "tables":
            return self.items_of(value, "table", key.min_items, where)
        if key.kind == "bools":
            return dict(self.entries_of(value.items(), "bool", where))
        if key.choices and value not in key.choices:
            self.report("S002", "error", where, "rule.S002.choice", value=value, choices=", ".join(key.choices))
            return None
        if key.pattern and not re.match(key.pattern, value):
            self.report("S002", "error", where, "rule.S002.pattern", value=value)
            return None
        return value

    def items_of(self, value: list[Any], kind: str, minimum: int, where: FieldPath) -> list[Any]:
        """The items of an array that are of ``kind``; each other one is a finding."""
        kept = [item for _, item in self.entries_of(enumerate(value), kind, where)]
        if len(kept) < minimum:
            self.report("S012", "error", where, count=len(kept), minimum=minimum)
        return kept

    def entries_of(self, entries: Any, kind: str, where: FieldPath) -> list[tuple[Any, Any]]:
        kept = []
        for name, item in entries:
            if _fits(item, kind):
                kept.append((name, item))
            else:
                self.report("S002", "error", where + (name,), expected=t(f"kind.{kind}"), actual=_kind_of(item), value=_short(item))
        return kept


def explain_toml_error(error: tomllib.TOMLDecodeError) -> tuple[int, int, str]:
    """Line, column and the reason in the user's language of a TOML syntax error."""
    match = _TOML_POSITION.search(str(error))
    line, col = (int(match[1]), int(match[2])) if match else (1, 1)
    return line, col, _toml_reason(_TOML_POSITION.sub("", str(error)).strip())


def _toml_reason(reason: str) -> str:
    """tomllib's English reason, in the user's language where we know it."""
    for pattern, key in _TOML_REASONS:
        match = pattern.search(reason)
        if match and "what" not in match.groupdict():
            return t(key)  # no value to put in: a text such as "`{` not closed" is not a template
        if match:
            what = match["what"]
            return t(key, what=t("toml.end_of_line") if what == "\\n" else what)
    return reason


def _defaults(values: dict[str, Any], spec: dict[str, Key], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Fill in what a model constructor requires when the file lacks it."""
    for name, key in spec.items():
        if name in values or name in skip or not key.required:
            continue
        if key.kind == "string":
            values[name] = ""
        elif key.kind == "strings":
            values[name] = ()
    return values


def _fits(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("strings", "tables"):
        return isinstance(value, list)
    return isinstance(value, dict)  # table, bools


def _kind_of(value: Any) -> str:
    for kind, test in (
        ("bool", lambda v: isinstance(v, bool)),
        ("integer", lambda v: isinstance(v, int)),
        ("float", lambda v: isinstance(v, float)),
        ("string", lambda v: isinstance(v, str)),
        ("datetime", lambda v: isinstance(v, (dt.datetime, dt.time))),
        ("date", lambda v: isinstance(v, dt.date)),
        ("strings", lambda v: isinstance(v, list)),
        ("table", lambda v: isinstance(v, dict)),
    ):
        if test(value):
            return t(f"kind.{kind}")
    return type(value).__name__


def _expected(key: Key) -> str:
    return t(f"kind.{key.kind}")


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dt.date, dt.time)) else value.isoformat()
    return text if len(text) <= 40 else text[:37] + "..."
