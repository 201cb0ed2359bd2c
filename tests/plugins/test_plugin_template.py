"""`soptui plugin baru` writes a plugin that installs, passes its own tests and is listed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

from click.testing import CliRunner

from soptui.cli import cli


def test_a_new_plugin_installs_passes_its_tests_and_is_listed(tmp_path):
    result = CliRunner().invoke(cli, ["plugin", "baru", "soptui-contoh-dinas", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "soptui-contoh-dinas"
    project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["soptui"] == {"contoh-dinas": "soptui_contoh_dinas"}
    assert (folder / "README.md").is_file() and (folder / "soptui_contoh_dinas" / "locale" / "en.toml").is_file()

    site = tmp_path / "site"  # installed as pip installs it, without touching soptui's own environment
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(site), str(folder)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    env.pop("SOPTUI_LOAD_PLUGINS", None)
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=folder,
                           env=env, capture_output=True, text=True, timeout=300)
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    assert "6 passed" in tests.stdout  # three examples, and three more tests

    listed = subprocess.run([sys.executable, "-m", "soptui", "plugins", "--json"], env=env, capture_output=True,
                            text=True, timeout=120)
    record = next(p for p in json.loads(listed.stdout) if p["name"] == "contoh-dinas")
    assert record["distribution"] == "soptui-contoh-dinas" and record["error"] is None
    assert record["hooks"] == ["register_exporters", "register_checks", "register_messages"]
    assert record["checks"] == ["CONTOHDINAS101"] and record["messages"] == ["en", "id"]
    assert [e["name"] for e in record["exporters"]] == ["contoh-dinas"]
    english = subprocess.run([sys.executable, "-m", "soptui", "plugins", "--lang", "en"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert "Contoh Dinas (example)" in english.stdout


def test_an_existing_folder_is_never_overwritten_and_bad_names_are_refused(tmp_path):
    (tmp_path / "soptui-docx").mkdir()
    result = CliRunner().invoke(cli, ["plugin", "baru", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 1 and "soptui-docx" in result.output and not list((tmp_path / "soptui-docx").iterdir())
    for bad in ("Soptui-Docx", "soptui_docx", "docx/../x", "-docx", "soptui-"):
        result = CliRunner().invoke(cli, ["plugin", "baru", bad, "-o", str(tmp_path)])
        assert result.exit_code == 2, (bad, result.output)
