"""The editor as a user meets it: its own process in a real terminal (a pty, 80x24).

Run: python bench/tui.py [--runs 7] [--keys 60] [--against COMMIT]
(writes nothing to the repo; prints the "## Editor" table of
docs/benchmarks.md with the machine, its load before and after, and the
command). Goals (issue 18): cold start within 1.5x an empty Textual app
measured in the same run; a keystroke in a 300-step SOP on the screen
within 16 ms at p90.

- *Cold start*: ``python -m soptui FILE`` is spawned on a pseudo-terminal
  of 80x24 (``TERM=xterm-256color``); the time runs from just before the
  spawn to the moment the terminal output (escape sequences left out)
  shows the start of the first step's Kegiatan, which is the step table
  drawn with the SOP; CPU is that of all the program's threads by then
  (``/proc/PID/task/*/schedstat``), which load does not inflate as it
  does wall time. The empty Textual app (an ``App`` showing one
  ``Static``) is timed the same way, to its text. One round runs each
  program once (interleaved, so that load drifting during the run hits all
  alike); medians over the rounds after one warm-up round.
- *Keystroke*: the 300-step SOP open, the cursor moved to step 150, Enter
  (the focus in its Kegiatan field), then letters typed one at a time at
  the intervals of a seeded typist (80-450 ms apart, so the table row's
  catch-up and the checker fall between and under keys as they do for a
  person); the time runs from writing the letter to the pty to reading the
  frame that shows the field's text ending with it. Median and p90; then
  the resident memory (``VmRSS``) of the editor, settled.
- *Preview*: ``preview_layout`` of the 300 steps and ``canvas.draw_page`` of
  its first page, in process, best of 20.

With ``--against`` the same programs run from another commit (``git
archive`` into a temporary folder, first on ``PYTHONPATH``), interleaved
with this tree's; the ratios are the figures to trust on a shared machine.
Bytecode is cached (see bench/startup.py) and every editor gets a fresh
copy of the file and an empty settings folder.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import load, machine  # noqa: E402
from startup import checkout, environment, tree_named  # noqa: E402

from soptui.corpus import generate_sop  # noqa: E402
from soptui.store import save  # noqa: E402

STEPS = 300
SIZE = (80, 24)
#: Escape sequences (CSI, OSC, character sets, single letters): what is left is the text on the screen.
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[ -/]*[0-~])")
EMPTY_APP = """
import sys
from textual.app import App
from textual.widgets import Static

class Empty(App):
    def compose(self):
        yield Static(sys.argv[1])

Empty().run()
"""


class Pty:
    """``command`` running on a fresh pseudo-terminal of ``SIZE``; what it writes is read as text."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.master = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                        start_new_session=True)
        os.close(slave)
        self.raw = b""

    def wait_for(self, text: str, since: int = 0, timeout: float = 60) -> float:
        """The moment the output after byte ``since`` first shows ``text``."""
        needle = text.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the program ended
                break
            now = time.perf_counter()
            self.raw += chunk
            if needle in ESCAPES.sub(b"", self.raw[since:]):
                return now
        raise RuntimeError(f"{text!r} never appeared; the output ends: {ESCAPES.sub(b'', self.raw[-600:])!r}")

    def drain(self, seconds: float) -> None:
        """Read (and keep) whatever is written during ``seconds``."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            if select.select([self.master], [], [], left)[0]:
                try:
                    self.raw += os.read(self.master, 65536)
                except OSError:
                    return

    def cpu(self) -> float:
        """Seconds of CPU the program has used so far, all its threads (what load does not inflate)."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def type(self, keys: str) -> float:
        started = time.perf_counter()
        os.write(self.master, keys.encode())
        return started

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self.master)


def editor(env: dict[str, str], folder: Path, source: Path) -> Pty:
    """The editor on a fresh copy of ``source``, with settings of its own."""
    work = Path(tempfile.mkdtemp(dir=folder))
    shutil.copy(source, work / source.name)
    env = {**env, "SOPTUI_CONFIG_DIR": str(work / "config")}
    return Pty([sys.executable, "-m", "soptui", source.name], env, work)


def cold_start(pty: Pty, marker: str) -> tuple[float, float]:
    """Wall and CPU seconds to the first screen showing ``marker``."""
    try:
        wall = pty.wait_for(marker) - pty.started
        return wall, pty.cpu()
    finally:
        pty.close()


def keystrokes(env: dict[str, str], folder: Path, source: Path, count: int,
               seed: int = 18) -> tuple[list[float], float]:
    """Seconds from each letter written to the pty to the frame that shows it; the editor's
    resident memory (MiB) at the end, its checker and table settled."""
    from soptui.loader import load

    sop_text = load(source).sop.langkah[STEPS // 2 - 1].kegiatan
    pty = editor(env, folder, source)
    typist = random.Random(seed)
    times = []
    try:
        pty.wait_for(first_words(source))
        pty.drain(1.5)  # the checker's first run
        pty.type("\x1b[B" * (STEPS // 2 - 1))  # Down to step 150
        pty.drain(1.0)
        pty.type("\r")  # Enter: into its Kegiatan field, the cursor at the end
        pty.drain(1.0)
        typed = sop_text
        for index in range(count):
            letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
            typed += letter
            since = len(pty.raw)
            started = pty.type(letter)
            times.append(pty.wait_for(typed[-12:], since=since, timeout=10) - started)
            pty.drain(typist.uniform(0.08, 0.45))
        pty.drain(1.0)
        memory = pty.rss_mib()
    finally:
        pty.close()
    return times, memory


def first_words(source: Path) -> str:
    """The start of the first step's Kegiatan, as the table shows it at 80 columns."""
    from soptui.loader import load

    return load(source).sop.langkah[0].kegiatan[:24]


def preview(path: Path, number: int = 20) -> tuple[float, float]:
    from soptui.loader import load
    from soptui.tui.canvas import draw_page
    from soptui.tui.widgets.preview import preview_layout

    sop = load(path).sop
    layout = min(timeit.repeat(lambda: preview_layout(sop), number=1, repeat=number))
    page = preview_layout(sop).pages[0]
    draw = min(timeit.repeat(lambda: draw_page(page, sop.langkah[10].id), number=1, repeat=number))
    return layout, draw


def p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="interleaved rounds of cold starts")
    parser.add_argument("--keys", type=int, default=60, help="letters typed per editor session (two sessions each)")
    parser.add_argument("--against", metavar="COMMIT", help="also run this commit's editor, interleaved")
    args = parser.parse_args()
    print(f"Machine: {machine()}. Load average before: {load()}.")
    print(f"This tree: {tree_named()}. Terminal: a pty of {SIZE[0]}x{SIZE[1]}, TERM=xterm-256color.")
    print()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        small, big = folder / "kecil.sop.toml", folder / "besar.sop.toml"
        save(generate_sop(3, steps=12, actors=3), small)
        save(generate_sop(7, steps=STEPS, actors=6), big)
        base = {**environment(folder / "bytecode"), "TERM": "xterm-256color", "SOPTUI_LANG": "id"}
        base.pop("TEXTUAL", None)
        runners = {"this tree": base}
        if args.against:
            (folder / "against").mkdir()
            tree = checkout(args.against, folder / "against")
            runners[args.against] = {**environment(folder / "bytecode-against", tree), "TERM": "xterm-256color",
                                     "SOPTUI_LANG": "id"}
        starts: dict[tuple[str, str], list[tuple[float, float]]] = {}
        marker = "Aplikasi Textual kosong"
        for index in range(args.runs + 1):
            seconds = cold_start(Pty([sys.executable, "-c", EMPTY_APP, marker], base, folder), marker)
            if index:
                starts.setdefault(("empty Textual app", "-"), []).append(seconds)
            for source, name in ((small, "editor, 12 steps"), (big, f"editor, {STEPS} steps")):
                for runner, env in runners.items():
                    seconds = cold_start(editor(env, folder, source), first_words(source))
                    if index:  # the first round compiles the bytecode and warms the disk cache
                        starts.setdefault((name, runner), []).append(seconds)
        keys: dict[str, list[float]] = {}
        memory: dict[str, float] = {}
        for _ in range(2):
            for runner, env in runners.items():
                times, mib = keystrokes(env, folder, big, args.keys)
                keys.setdefault(runner, []).extend(times)
                memory[runner] = max(memory.get(runner, 0.0), mib)
        empty = [statistics.median(sample[i] for sample in starts[("empty Textual app", "-")]) for i in (0, 1)]
        heads = list(runners)
        print(f"Cold start to the first screen showing the SOP, wall / CPU (all threads), median of {args.runs} rounds.")
        print()
        print("| program | " + " | ".join(heads) + " |")
        print("|---" * (len(heads) + 1) + "|")
        for (name, runner), values in starts.items():
            if runner != heads[0] and runner != "-":
                continue
            cells = []
            for head in heads:
                got = starts.get((name, head if runner != "-" else "-"))
                if got is None or (runner == "-" and head != heads[0]):
                    cells.append("-")
                    continue
                wall, cpu = (statistics.median(sample[i] for sample in got) for i in (0, 1))
                ratio = "" if runner == "-" else f"; {wall / empty[0]:.2f}x / {cpu / empty[1]:.2f}x the empty app"
                cells.append(f"{ms(wall)} / {ms(cpu)}{ratio}")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print()
        print(f"Keystroke in a {STEPS}-step SOP to the frame showing it, {2 * args.keys} letters:")
        print()
        for runner, values in keys.items():
            print(f"- {runner}: median {statistics.median(values) * 1000:.1f} ms, p90 {p90(values) * 1000:.1f} ms, "
                  f"max {max(values) * 1000:.1f} ms; resident memory afterwards {memory[runner]:.0f} MiB")
        layout, draw = preview(big)
        print(f"- preview of {STEPS} steps, in process: layout {layout * 1000:.1f} ms, drawing {draw * 1000:.1f} ms "
              "(best of 20)")
    print()
    print(f"Load average after: {load()}. Command: `python bench/tui.py --runs {args.runs} --keys {args.keys}"
          f"{' --against ' + args.against if args.against else ''}`.")


if __name__ == "__main__":
    main()
