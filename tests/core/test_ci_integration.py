"""The pre-commit hook and the CI workflow of docs/ci.md work as written."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import EXAMPLES, ROOT

SOPTUI = Path(sys.executable).with_name("soptui")
GUIDE = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[object]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)]


def hook() -> dict:
    [definition] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return definition


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, timeout=60)


def test_the_documented_local_hook_is_the_shipped_one():
    local = next(block for block in yaml_blocks() if isinstance(block, dict) and block["repos"][0]["repo"] == "local")
    [documented] = local["repos"][0]["hooks"]
    shipped = hook()
    for key in ("id", "entry", "files", "exclude", "require_serial"):
        assert documented[key] == shipped[key], key
    assert documented["language"] == "system" and shipped["language"] == "python"


def test_pre_commit_runs_the_hook_in_a_git_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "sop").mkdir(parents=True)
    for path in EXAMPLES:
        shutil.copy(path, repo / "sop")
    local = next(block for block in yaml_blocks() if isinstance(block, dict) and block["repos"][0]["repo"] == "local")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(local), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": os.pathsep.join([str(SOPTUI.parent), os.environ.get("PATH", "")])}
    env.pop("SOPTUI_LOAD_PLUGINS", None)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300)

    clean = pre_commit("--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr  # warnings only
    cuti = repo / "sop" / "pengajuan-cuti.sop.toml"
    one = pre_commit("--files", str(cuti.relative_to(repo)))
    assert "Pengelolaan Surat Masuk" not in one.stdout  # the linked SOP is in the library though not passed
    cuti.write_text(cuti.read_text(encoding="utf-8").replace('pelaksana = "staf"', 'pelaksana = "tidak-ada"', 1),
                    encoding="utf-8")
    broken = pre_commit("--files", str(cuti.relative_to(repo)))
    assert broken.returncode == 1 and "sop/pengajuan-cuti.sop.toml:" in broken.stdout and "S004" in broken.stdout


def test_the_documented_workflow_runs(tmp_path):
    workflow = next(block for block in yaml_blocks() if isinstance(block, dict) and "jobs" in block)
    steps = workflow["jobs"]["check"]["steps"]
    commands = [step["run"] for step in steps if "run" in step and step["run"].startswith("soptui ")]
    assert len(commands) == 2 and any("pip install soptui" == step.get("run") for step in steps)
    shutil.copytree(ROOT / "examples", tmp_path / "sop")
    for command in commands:
        result = subprocess.run([str(SOPTUI), *shlex.split(command)[1:]], cwd=tmp_path, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        if "--format github" in command:
            assert result.stdout.startswith("::warning file=sop/")
    assert sorted(p.name for p in (tmp_path / "dist").iterdir() if not p.name.startswith(".")) == sorted(
        f"{p.name.removesuffix('.sop.toml')}.{suffix}" for p in EXAMPLES for suffix in ("json", "pdf"))
