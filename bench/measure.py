"""Measuring a whole process the way a user runs it, for the benchmarks in bench/.

A command is timed from start to exit (wall), and its CPU and peak memory
are those of every process it starts: Chromium's renderer, GPU and utility
processes, or soptui's workers. Where the machine lets us (Linux, root, the
cgroup-v1 cpuacct and memory controllers, as here), the command runs in a
cgroup of its own, which counts every descendant, reaped or not; elsewhere
``wait4`` counts the process and the children it waited for, a lower bound
that the report says it is.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

CGROUPS = Path("/sys/fs/cgroup")


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds
    cpu: float  # seconds, user + system, every process of the command
    peak_mib: float  # peak memory of the command's processes together (cgroup) or of the largest (wait4)
    whole_tree: bool  # counted by a cgroup: every descendant included


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    """Run ``command`` to its end, measured; its output is discarded, a failure raises with its stderr."""
    group = _Cgroup.make()
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=group.enter if group else None)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    said = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    try:
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{said[-3000:]}")
        if group:
            return Measured(wall, group.cpu_seconds(), group.peak_mib(), True)
        return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, False)
    finally:
        if group:
            group.remove()


def medians(samples: list[Measured]) -> Measured:
    return Measured(statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples),
                    statistics.median(s.peak_mib for s in samples), all(s.whole_tree for s in samples))


class _Cgroup:
    """A cpuacct + memory cgroup (v1) for one command; ``None`` from :meth:`make` where there is none."""

    def __init__(self, name: str) -> None:
        self.folders = [CGROUPS / "cpuacct" / name, CGROUPS / "memory" / name]

    @classmethod
    def make(cls) -> _Cgroup | None:
        group = cls(f"soptui-bench-{uuid.uuid4().hex[:8]}")
        try:
            for folder in group.folders:
                folder.mkdir()
        except OSError:
            group.remove()
            return None
        return group

    def enter(self) -> None:
        """In the child, before exec: join the group, so everything it starts is counted."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def cpu_seconds(self) -> float:
        return int((self.folders[0] / "cpuacct.usage").read_text()) / 1e9

    def peak_mib(self) -> float:
        return int((self.folders[1] / "memory.max_usage_in_bytes").read_text()) / 2**20

    def remove(self) -> None:
        for folder in self.folders:
            for _ in range(50):  # the last processes may take a moment to leave
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def machine() -> str:
    """The machine, for the report: cores, CPU model, system, Python."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load() -> str:
    """The load average now, for the report (other work on the machine inflates wall times)."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())
