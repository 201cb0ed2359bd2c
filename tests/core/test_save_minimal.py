"""A save changes only what the user changed: a property over random edit sequences.

Each example takes a file (an example SOP, with a comment added to every
row, optionally in CRLF, without ``jenis``, or with steps that have no
``id``), applies random edits through the editor's own edit functions,
saves, and compares the text section by section (``[identitas]``, each
``[[langkah]]`` row, ...): once the statements of the keys whose value
changed are taken out of the old and the new section, the rest must be the
same bytes. So no other key, comment, blank line or line ending moved; a
renamed row is still the same section; and the file loads back as the
edited SOP.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.loader import load_bytes
from soptui.model import Signer, Sop
from soptui.serialize import to_dict
from soptui.store import render
from soptui.tui import edits

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.sop.toml"))
STEP_TEXT_KEYS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
#: What people type: brackets, quotes, backslashes, emoji, right-to-left, tabs, newlines.
TYPED = st.text(
    st.sampled_from(list("abc XYZ09-/.,()[]{}'\"\\#=\t\n😀ش")) | st.characters(codec="utf-8", categories=("L", "N")),
    max_size=30,
)
HEADER = re.compile(r"^\[\[?([^\]]+)\]\]?")
STATEMENT = re.compile(r"^([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")


@dataclass
class Variant:
    """The starting file and which edits may apply to it."""

    text: str
    crlf: bool
    placeholder_ids: bool  # some steps have no id: edits that renumber rows are left out
    #: For each row of the edited SOP, the id it had in the file (None: added since).
    origins: dict[str, list[str | None]] = field(default_factory=dict)

    def fresh(self, sop: Sop) -> Variant:
        """This file with an empty edit log for ``sop``, the SOP it loads as."""
        origins = {"langkah": [s.id for s in sop.langkah], "pelaksana": [a.id for a in sop.pelaksana]}
        return Variant(self.text, self.crlf, self.placeholder_ids, origins)

    def final_id(self, table: str, original: str, sop: Sop) -> str | None:
        """The id the row that had ``original`` has now (None: deleted)."""
        rows = sop.langkah if table == "langkah" else sop.pelaksana
        return next((row.id for row, was in zip(rows, self.origins[table]) if was == original), None)


def variants() -> list[Variant]:
    found = []
    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        text = re.sub(r"^(\[\[(langkah|pelaksana|riwayat)\]\]\n)", r"\1# catatan baris ini\n", text, flags=re.M)
        found.append(Variant(text, False, False))
        found.append(Variant(text.replace('jenis = "administratif"\n', ""), False, False))
        found.append(Variant(text.replace("\n", "\r\n"), True, False))
        referenced = set(re.findall(r'^(?:lanjut|ya|tidak) = "([^"]+)"', text, flags=re.M))
        unreferenced = [i for i in re.findall(r'^\[\[langkah\]\]\n# catatan baris ini\nid = "([^"]+)"', text, flags=re.M)]
        unreferenced = [i for i in unreferenced if i not in referenced][1:3]
        without = text
        for step_id in unreferenced:
            without = without.replace(f'# catatan baris ini\nid = "{step_id}"\n', "# catatan baris ini\n")
        found.append(Variant(without, False, True))
    return found


VARIANTS = variants()


@st.composite
def edit(draw, sop: Sop, variant: Variant) -> Sop:
    """One edit a user could make in the editor, by the editor's own functions."""
    kinds = ["step_text", "actor_name", "identity", "list", "date", "signer", "branch"]
    if not variant.placeholder_ids:
        kinds += ["step_rename", "actor_rename", "insert", "delete", "move", "record"]
    kind = draw(st.sampled_from(kinds))
    steps, actors = len(sop.langkah), len(sop.pelaksana)
    if kind == "step_text":
        index = draw(st.integers(0, steps - 1))
        return edits.set_step(sop, index, **{draw(st.sampled_from(STEP_TEXT_KEYS)): draw(TYPED)})
    if kind == "actor_name":
        return edits.set_actor(sop, draw(st.integers(0, actors - 1)), nama=draw(TYPED) or "Pelaksana")
    if kind == "identity":
        key = draw(st.sampled_from(["nama", "nomor", "jenis"]))
        value = draw(st.sampled_from(["administratif", "teknis"])) if key == "jenis" else draw(TYPED)
        return sop.with_identity(**{key: value})
    if kind == "list":
        key = draw(st.sampled_from(["dasar_hukum", "peralatan", "instansi"]))
        return sop.with_identity(**{key: tuple(draw(st.lists(TYPED, min_size=1, max_size=3)))})
    if kind == "date":  # typed, changed or emptied (the key then goes)
        key = draw(st.sampled_from(["tanggal_revisi", "tanggal_efektif"]))
        return sop.with_identity(**{key: draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))})
    if kind == "signer":
        signer = sop.identitas.disahkan_oleh or Signer()
        key = draw(st.sampled_from(["jabatan", "nama", "nip"]))
        return sop.with_identity(disahkan_oleh=replace(signer, **{key: draw(TYPED) or "x"}))
    if kind == "branch":  # a step made a decision that loops back, or given a label
        index = draw(st.integers(1, steps - 2))
        target = sop.langkah[draw(st.integers(0, index - 1))].id
        changes = draw(st.sampled_from([{"simbol": "keputusan", "tidak": target}, {"lanjut": target},
                                        {"simbol": None}]))
        return edits.set_step(sop, index, **changes)
    if kind in ("step_rename", "actor_rename"):
        table = "langkah" if kind == "step_rename" else "pelaksana"
        rows = sop.langkah if table == "langkah" else sop.pelaksana
        index = draw(st.integers(0, len(rows) - 1))
        # a name no row of the file had: ids are what rows are matched by
        taken = {row.id for row in rows} | {i for i in variant.origins[table] if i}
        new = edits.unique_id("r" + draw(st.from_regex(r"[a-z0-9-]{0,8}", fullmatch=True)), taken)
        rename = edits.set_step if table == "langkah" else edits.set_actor
        return rename(sop, index, id=new)
    origins = variant.origins["langkah"]
    if kind == "insert":
        index = draw(st.integers(0, steps))
        step = edits.new_step(sop, min(index, steps - 1))
        origins.insert(index, None)
        return edits.insert_step(sop, index, step).with_step(index, kegiatan=draw(TYPED) or "Kegiatan")
    if kind == "delete" and steps > 2:
        index = draw(st.integers(0, steps - 1))
        del origins[index]
        return edits.delete_step(sop, index)
    if kind == "move":
        index, delta = draw(st.integers(0, steps - 1)), draw(st.sampled_from([-2, -1, 1, 3]))
        variant.origins["langkah"] = list(edits.moved(tuple(origins), index, delta))
        return edits.move_step(sop, index, delta)
    if kind == "record":
        return edits.add_record(sop, "riwayat", tanggal=sop.identitas.tanggal_pembuatan, uraian=draw(TYPED) or "x")
    return sop


def sections(text: str) -> list[tuple[str, list[str]]]:
    """The file cut at its table headers: (header name, lines with their endings)."""
    found: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines(keepends=True):
        match = HEADER.match(line)
        if match:
            found.append((match.group(1), []))
        found[-1][1].append(line)
    return found


def without_statements(lines: list[str], keys: set[str]) -> list[str]:
    """The lines minus the statements (a key line and its continuation lines) of ``keys``."""
    kept, skipping = [], False
    for line in lines:
        match = STATEMENT.match(line)
        if match:
            skipping = match.group(1).strip('"') in keys
        elif not line.startswith((" ", "\t", "]")):
            skipping = False  # a comment, a blank line or a header ends a statement
        if not skipping:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()  # a blank line may come to separate a table added after this one
    return kept


def row_id(lines: list[str]) -> str | None:
    for line in lines:
        if line.startswith("id = "):
            return tomllib.loads(line).get("id")
    return None


def section_values(data: dict[str, Any], name: str, ordinal: int, by_id: str | None) -> dict[str, Any] | None:
    """The plain (non-table) values a section holds in ``data``."""
    if name == "":
        table: Any = data
    elif "." in name:
        table = data.get(name.split(".")[0], {}).get(name.split(".")[1])
    elif isinstance(data.get(name), list):
        rows = data[name]
        if by_id is not None:
            table = next((row for row in rows if row.get("id") == by_id), None)
        else:
            table = rows[ordinal] if ordinal < len(rows) else None
    else:
        table = data.get(name)
    if table is None:
        return None
    return {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_rows(v)}


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def assert_minimal(before: str, after: str, old: dict[str, Any], sop: Sop, variant: Variant) -> None:
    new = to_dict(sop)
    new_sections = sections(after)
    ordinals: dict[str, int] = {}
    matched = set()
    for name, lines in sections(before):
        ordinal = ordinals[name] = ordinals.get(name, -1) + 1
        old_id = row_id(lines) if name in ("langkah", "pelaksana") else None
        if old_id is None and name in ("langkah", "pelaksana"):
            old_id = f"#{ordinal + 1}"  # the loader's placeholder for a row without id
        new_id = variant.final_id(name, old_id, sop) if old_id else None
        if old_id and new_id is None:
            continue  # a deleted row
        was = section_values(old, name, ordinal, old_id)
        now = section_values(new, name, ordinal, new_id)
        assert now is not None
        candidates = [
            i
            for i, (other, other_lines) in enumerate(new_sections)
            if other == name and i not in matched and (new_id is None or (row_id(other_lines) or f"#{ordinal + 1}") == new_id)
        ]
        assert candidates, f"section [{name}] {old_id or ''} is missing from the saved file"
        index = candidates[0]
        matched.add(index)
        changed = {k for k in set(was or {}) | set(now) if (was or {}).get(k) != now.get(k)}
        kept_before, kept_after = without_statements(lines, changed), without_statements(new_sections[index][1], changed)
        assert kept_after == kept_before, f"[{name}] {old_id or ''}: lines other than {sorted(changed)} changed:\n" + "".join(
            difflib.unified_diff(kept_before, kept_after)
        )
    for index, (name, lines) in enumerate(new_sections):
        if index not in matched:
            assert not any(line.startswith("id = \"#") for line in lines), "a placeholder id was written"
    written = re.compile(r"^jenis = ", re.M)
    edited = new["identitas"].get("jenis") != old["identitas"].get("jenis")
    assert bool(written.search(after)) == bool(written.search(before) or edited), "jenis written but not edited"
    if variant.crlf:
        assert after.count("\n") == after.count("\r\n"), "a line added to a CRLF file ends in LF"
    assert '"#' not in "".join(line for line in after.splitlines() if line.startswith("id = ")), "placeholder id"


@settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.data())
def test_a_save_changes_only_the_edited_keys(data):
    variant = data.draw(st.sampled_from(VARIANTS))
    loaded = load_bytes(variant.text.encode("utf-8"), Path("x.sop.toml"))
    assert loaded.sop is not None and loaded.source is not None
    sop = loaded.sop
    variant = variant.fresh(sop)
    for _ in range(data.draw(st.integers(1, 6))):
        sop = data.draw(edit(sop, variant))
    saved = render(sop, loaded.source).decode("utf-8")
    assert_minimal(variant.text, saved, loaded.source.baseline, sop, variant)
    again = load_bytes(saved.encode("utf-8"), Path("x.sop.toml"))
    assert again.sop == sop, "the saved file does not load back as the edited SOP"
