"""An exporter plugin that hangs or kills its process fails the editor's export, never the editor.

Each case runs the editor in a process of its own (a thread left hanging shows only when the
interpreter tries to end), with a third-party exporter installed as pip would leave it: a
module and its ``*.dist-info`` with the entry point on ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PLUGIN = """
import os, time
from soptui import hookimpl
from soptui.exporters import Exporter

def write(export, stream, options):
    {body}
    stream.write(b"ok")
    return 1

@hookimpl
def register_exporters(register):
    register(Exporter(name="rusak", label="Rusak", suffix=".txt", write=write))
"""

EDITOR = """
import asyncio, sys
from pathlib import Path
from textual.widgets import Select, Static
from soptui.tui.app import SopApp
from soptui.tui.paths import Jail

async def main(path):
    app = SopApp(path, Jail(path.parent, None))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+e")
        for _ in range(100):
            await pilot.pause(0.1)
            choices = app.screen.query("#export-format")
            if choices and "rusak" in [value for _, value in choices.first(Select)._options]:
                break
        app.screen.query_one("#export-format", Select).value = "rusak"
        await pilot.pause(0.5)
        await pilot.click("#export-run")
        for _ in range(100):
            await pilot.pause(0.1)
            error = str(app.screen.query_one("#export-error", Static).render()) if app.screen.query("#export-error") else ""
            if error:
                break
        print("ERROR:", error, flush=True)
        app.exit()
    print("EDITOR CLOSED", flush=True)

if __name__ == "__main__":  # the export's worker process imports this module too
    asyncio.run(main(Path(sys.argv[1])))
"""


def run_editor(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    site = tmp_path / "site"
    (site / "soptui_rusak-1.0.dist-info").mkdir(parents=True)
    (site / "soptui_rusak.py").write_text(PLUGIN.format(body=body), encoding="utf-8")
    (site / "soptui_rusak-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: soptui-rusak\nVersion: 1.0\n", encoding="utf-8")
    (site / "soptui_rusak-1.0.dist-info" / "entry_points.txt").write_text(
        "[soptui]\nrusak = soptui_rusak\n", encoding="utf-8")
    sop = tmp_path / "cuti.sop.toml"
    sop.write_bytes((ROOT / "examples" / "pengajuan-cuti.sop.toml").read_bytes())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "SOPTUI_LANG": "id",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent(EDITOR), encoding="utf-8")
    # a generous bound only to turn a hang into a failure: the editor takes a few seconds
    return subprocess.run([sys.executable, str(script), str(sop)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)


@pytest.mark.parametrize("body, said", [
    ("time.sleep(3600)", None),  # still exporting when the user quits
    ("os._exit(3)", "berhenti"),  # the worker died: told, the editor goes on
])
def test_a_plugin_that_hangs_or_dies_never_keeps_the_editor(tmp_path, body, said):
    try:
        done = run_editor(tmp_path, body)
    except subprocess.TimeoutExpired as hung:
        pytest.fail(f"the editor never ended after the export:\n{hung.stdout}\n{hung.stderr}")
    assert done.returncode == 0, done.stderr
    assert "EDITOR CLOSED" in done.stdout
    shown = done.stdout.split("ERROR:", 1)[1].split("EDITOR CLOSED")[0].strip()
    if said:
        assert said in shown, done.stdout
    else:
        assert shown == "", "the export should still be running when the user quits"
    assert not (tmp_path / "cuti.txt").exists(), "no output from an export that did not finish"
