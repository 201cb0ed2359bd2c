"""Benchmarks of the editor: start-up, a keystroke, the preview, memory.

Run: python bench/tui.py   (writes nothing; paste the figures into the
"Editor" section of docs/benchmarks.md). Targets (issue 5): cold start to
the first interactive screen 0.8 s; a keystroke in a 300-step SOP on screen
within 50 ms; preview re-layout of 300 steps within 30 ms; resident memory
with a 300-step SOP open under 150 MiB.

Start-up and memory run the editor in a fresh process (headless, so no
terminal is needed) and stop it as soon as the editor screen is mounted and
idle; a keystroke is timed under Textual's Pilot from the key press to the
first screen update after it (see ``keystrokes``).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from soptui.corpus import generate_sop
from soptui.store import save

STEPS = 300

#: Run in a child process: open the file, report seconds since spawn and RSS, quit.
CHILD = """
import sys, time, asyncio
spawned = float(sys.argv[2])
from soptui.tui.app import SopApp
from soptui.tui.paths import Jail
from pathlib import Path

def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

async def ready(pilot):
    while type(pilot.app.screen).__name__ != "EditorScreen":
        await pilot.pause(0.005)
    await pilot.pause()
    elapsed = time.time() - spawned
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.5)
    await pilot.app.workers.wait_for_complete()
    print(f"{elapsed:.4f} {rss_mib():.1f}")
    pilot.app.exit()

path = Path(sys.argv[1])
SopApp(path, Jail(path.parent)).run(headless=True, size=(100, 32), auto_pilot=ready)
"""


#: The same measure for an empty Textual app: what any Textual program pays on this machine.
EMPTY_APP = """
import sys, time
spawned = float(sys.argv[2])
from textual.app import App

async def ready(pilot):
    await pilot.pause()
    print(f"{time.time() - spawned:.4f} 0")
    pilot.app.exit()

App().run(headless=True, size=(100, 32), auto_pilot=ready)
"""


def big_file(folder: Path, steps: int = STEPS) -> Path:
    path = folder / "besar.sop.toml"
    save(generate_sop(7, steps=steps, actors=6), path)
    return path


def start_and_memory(path: Path, runs: int = 5, script: str = CHILD) -> tuple[list[float], list[float]]:
    starts, memory = [], []
    for _ in range(runs):
        spawned = time.time()
        out = subprocess.run([sys.executable, "-c", script, str(path), str(spawned)], capture_output=True, text=True)
        seconds, mib = out.stdout.split()[-2:]
        starts.append(float(seconds))
        memory.append(float(mib))
    return starts, memory


async def keystrokes(path: Path, count: int = 40) -> list[float]:
    """Seconds from posting a key to the first screen update after it.

    The app runs headless under Pilot; ``App._display`` is called with
    each compositor update (in a terminal it is what writes the screen), so
    the time to its first call after the key is the time the typed letter
    takes to reach the screen, Pilot's own waiting left out.
    """
    from soptui.tui.app import SopApp
    from soptui.tui.paths import Jail

    app = SopApp(path, Jail(path.parent))
    times: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.screen.steps.select(STEPS // 2)
        field = app.screen.query_one("#step-kegiatan")
        field.cursor_blink = False
        field.focus()
        await pilot.pause(0.5)
        updates: list[float] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            if renderable is not None:
                updates.append(time.perf_counter())
            display(screen, renderable)

        app._display = timed_display
        for _ in range(count):
            updates.clear()
            started = time.perf_counter()
            await pilot.press("x")
            await pilot.pause(0.35)  # past the table row's catch-up, so keys do not queue
            times.append(min(t for t in updates if t > started) - started)
    return times


def preview(path: Path, number: int = 20) -> tuple[float, float]:
    from soptui.loader import load
    from soptui.tui.canvas import draw_page
    from soptui.tui.widgets.preview import preview_layout

    sop = load(path).sop
    layout = min(timeit.repeat(lambda: preview_layout(sop), number=1, repeat=number))
    page = preview_layout(sop).pages[0]
    draw = min(timeit.repeat(lambda: draw_page(page, sop.langkah[10].id), number=1, repeat=number))
    return layout, draw


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = big_file(Path(folder))
        small = Path(folder) / "kecil.sop.toml"
        save(generate_sop(3, steps=12, actors=3), small)
        starts, _ = start_and_memory(small, script=EMPTY_APP)
        print(f"cold start, empty Textual app: best {min(starts):.3f} s, median {statistics.median(starts):.3f} s")
        starts, _ = start_and_memory(small)
        print(f"cold start, 12-step SOP: best {min(starts):.3f} s, median {statistics.median(starts):.3f} s")
        starts, memory = start_and_memory(path)
        print(f"cold start, {STEPS}-step SOP: best {min(starts):.3f} s, median {statistics.median(starts):.3f} s")
        print(f"resident memory, {STEPS}-step SOP open: max {max(memory):.0f} MiB")
        times = asyncio.run(keystrokes(path))
        print(
            f"keystroke in a {STEPS}-step SOP: median {statistics.median(times) * 1000:.1f} ms, "
            f"p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.1f} ms"
        )
        layout, draw = preview(path)
        print(f"preview of {STEPS} steps: layout {layout * 1000:.1f} ms, drawing {draw * 1000:.1f} ms (best of 20)")


if __name__ == "__main__":
    main()
