"""docs/format.md's key tables say what the model says (issue 14: one source for each fact)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from soptui import fields

ROOT = Path(__file__).resolve().parents[2]


def test_the_key_tables_of_the_format_page_are_the_models():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "format_tables.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_key_of_the_format_says_what_it_means():
    tables = [fields.TOP, fields.IDENTITY, fields.SIGNER, fields.ACTOR, fields.STEP, fields.REVISION,
              fields.MONITORING, fields.EVALUATION]
    undocumented = [name for table in tables for name, key in table.items() if len(key.doc) < 5]
    assert not undocumented


def test_the_schema_describes_each_key_in_the_same_words():
    from soptui.schema import file_schema

    step = file_schema()["properties"]["langkah"]["items"]["properties"]["tidak"]
    assert step["description"] == fields.STEP["tidak"].doc
