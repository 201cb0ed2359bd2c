"""The plugin guide documents every hook, and its examples run."""

from __future__ import annotations

import ast
import re
import textwrap
import types
from pathlib import Path

import pytest

from soptui import hookspecs
from soptui.plugins import load_plugins

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def hook_names() -> list[str]:
    """Every function decorated with @hookspec in soptui/hookspecs.py."""
    tree = ast.parse(Path(hookspecs.__file__).read_text(encoding="utf-8"))
    return [
        node.name for node in tree.body
        if isinstance(node, ast.FunctionDef) and any(getattr(d, "id", None) == "hookspec" for d in node.decorator_list)
    ]


def section(hook: str) -> str:
    match = re.search(rf"^## {hook}\(register\)\n(.*?)(?=^## |\Z)", GUIDE, re.S | re.M)
    assert match, f"docs/plugins.md has no section '## {hook}(register)'"
    return match[1]


def test_hookspecs_are_the_hooks_the_manager_knows():
    from soptui.plugins import HOOKS

    assert tuple(hook_names()) == HOOKS


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_has_a_documented_section_with_a_runnable_example(hook):
    text = section(hook)
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, f"the section on {hook} has no python example"
    module = types.ModuleType(f"example_{hook}")
    module.__file__ = str(ROOT / "docs" / "example.py")
    exec(textwrap.dedent(blocks[0]), module.__dict__)
    seen: list[str] = []
    plugins = load_plugins(entry_points=False, extra=[(f"example-{hook}", module)], warn=seen.append)
    assert seen == [], seen
    info = plugins.plugins[0]
    assert info.hooks == (hook,)
    assert info.exporters or info.checks or info.themes or info.messages or info.signers or info.commands


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_has_a_pytest_style_docstring(hook):
    doc = getattr(hookspecs, hook).__doc__ or ""
    assert ":param register:" in doc


def test_documented_examples_work_on_a_real_sop(examples):
    """The exporter and check examples do what the guide says on an example SOP."""
    import io

    from soptui.checks import check_loaded
    from soptui.exporters import ExportInput
    from soptui.loader import load, load_bytes
    from soptui.plugins import extra_checks

    modules = []
    for hook in ("register_exporters", "register_checks"):
        module = types.ModuleType(hook)
        exec(textwrap.dedent(re.findall(r"```python\n(.*?)```", section(hook), re.S)[0]), module.__dict__)
        modules.append((hook, module))
    plugins = load_plugins(entry_points=False, extra=modules, warn=None)
    surat = next(p for p in examples if p.name == "surat-masuk.sop.toml")
    loaded = load(surat)
    stream = io.BytesIO()
    plugins.exporter("csv-langkah").write(ExportInput(loaded.sop, loaded.path, "0" * 64), stream, {"pemisah": ";"})
    assert stream.getvalue().decode().splitlines()[1].startswith("1;Menerima surat masuk")
    assert "X101" not in {f.code for f in check_loaded(loaded, extra_checks(plugins))}
    text = surat.read_text(encoding="utf-8").replace('nomor = "000.1.2/004/SETDA/2024"', 'nomor = "SOP-1"')
    broken = load_bytes(text.encode(), surat)
    x101 = [f for f in check_loaded(broken, extra_checks(plugins)) if f.code == "X101"]
    assert len(x101) == 1 and x101[0].severity == "error"
    assert text.splitlines()[x101[0].line - 1].startswith("nomor = ")


def test_the_api_reference_names_every_field_and_every_name_it_lists_exists():
    """The reference cannot go stale: each model class's row lists its fields, each listed name is importable."""
    import dataclasses
    import importlib

    from soptui import model

    reference = GUIDE[GUIDE.index("## API reference"):]
    for cls in (model.Sop, model.Identity, model.Signer, model.Actor, model.Step, model.Revision,
                model.MonitoringRecord, model.EvaluationRecord):
        row = next(line for line in reference.splitlines() if line.startswith(f"| `{cls.__name__}` |"))
        missing = [f.name for f in dataclasses.fields(cls) if f"`{f.name}`" not in row]
        assert not missing, (cls.__name__, missing)
    for module_name, names in (("soptui.exporters", ("Exporter", "Option", "ExportInput", "ExportError", "Rendered",
                                                     "render", "default_options", "blocking_findings",
                                                     "FLOWCHART_ERRORS", "source_bytes", "source_text")),
                               ("soptui.printed", ("tanggal", "MONTHS", "IDENTITY_LIST_LABELS")),
                               ("soptui.durations", ("Duration", "parse_waktu", "total")),
                               ("soptui.flow", ("Flow", "Edge")),
                               ("soptui.testing", ("export", "check", "load_plugin", "export_input", "example",
                                                   "example_paths"))):
        module = importlib.import_module(module_name)
        for name in names:
            assert f"`{name}" in (GUIDE if module_name == "soptui.testing" else reference), (module_name, name)
            assert hasattr(module, name), (module_name, name)
    import soptui

    assert f'`soptui.__api_version__` is `"{soptui.__api_version__}"`' in GUIDE
