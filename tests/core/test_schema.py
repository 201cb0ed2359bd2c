"""Every example validates against the printed JSON Schema; broken ones do not."""

from __future__ import annotations

import datetime as dt
import tomllib

import jsonschema
import pytest

from soptui.schema import file_schema


def as_json(value):
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_examples_validate(examples):
    validator = jsonschema.Draft202012Validator(file_schema(), format_checker=jsonschema.FormatChecker())
    for path in examples:
        validator.validate(as_json(tomllib.loads(path.read_text(encoding="utf-8"))))


def test_schema_rejects_an_unknown_symbol(examples):
    data = as_json(tomllib.loads(examples[0].read_text(encoding="utf-8")))
    data["langkah"][0]["simbol"] = "lingkaran"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, file_schema())
