"""Running batch jobs in worker processes that cannot take the batch down.

Each worker is a process of its own with a pipe of its own, so a worker that
dies (a crash in a plugin's native code, the OOM killer) can wedge nothing
that another worker or the parent shares; ``concurrent.futures`` shares one
queue and its locks between all workers, and on Python 3.11 a worker killed at
the wrong moment hangs the whole pool. Jobs are handed out one by one (two in
hand per worker, so none waits for the next), so when a worker dies the parent
knows exactly which job it was running: that job fails, the ones it held are
run by a fresh worker, and the batch goes on.

A job that runs longer than ``timeout`` seconds is stopped the same way: its
worker is ended and the job fails, with what it was doing at the time
(:func:`note`). Workers end when the parent ends, however it ends (Linux's
parent-death signal; elsewhere, a watcher thread), and leave Ctrl+C to it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

IN_HAND = 2  # jobs a worker holds at once: one running, one ready
GRACE = 1.0  # seconds a stopped worker gets to remove what it was writing
#: How long an idle worker is given to end on its closed pipe before it is asked with SIGTERM
#: (a signal that lands in a weakref callback prints an "Exception ignored" traceback).
IDLE_END = 0.2
CANCEL_CHECK = 0.25  # seconds between looks at the caller's cancelled()


@dataclass(frozen=True)
class Lost:
    """Why a job has no result: its worker ``died``, it ran past the time ``limit``, or it
    raised an ``error`` (a bug: the function is meant to turn problems into results)."""

    kind: str  # "died", "timeout" or "error"
    doing: str = ""  # the last note the job gave (:func:`note`)
    limit: float = 0.0
    error: str = ""


_channel: Connection | None = None  # in a worker: the pipe to the parent
_doing = ""


def note(text: str) -> None:
    """Say what the current job is doing, so that a job stopped by the time limit
    or by its worker's death is reported with it (e.g. which exporter hung)."""
    global _doing
    _doing = text
    if _channel is not None:
        _channel.send(("note", text))



def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's own stderr: under the editor
    ``sys.stderr`` is Textual's capture, whose file number -1 the tracker passes on and the spawn
    then refuses ("bad value(s) in fds_to_keep"), failing every export from the editor."""
    from multiprocessing import resource_tracker

    if sys.stderr is sys.__stderr__ or sys.__stderr__ is None:
        resource_tracker.ensure_running()
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured

def run(function: Callable[[Job], Result], jobs: Iterable[Job], workers: int,
        lost: Callable[[Job, Lost], Result], timeout: float | None = None, *, fresh: bool = False,
        cancelled: Callable[[], bool] | None = None) -> Iterator[Result]:
    """``function(job)`` for every job in up to ``workers`` processes, results as
    they finish; ``lost(job, why)`` stands for the result of a job that gave none.

    ``function`` must be a module-level function (where processes are spawned,
    it is sent by name). Closing the iterator, or Ctrl+C while it runs, ends
    every worker before the exception goes on; so does ``cancelled()``
    turning true (checked four times a second), for a caller in a thread
    that cannot be interrupted. ``fresh`` starts each worker as a new
    interpreter instead of a fork: what a caller with threads of its own
    (the editor) needs, since a forked copy of a threaded process can
    deadlock on a lock another thread held.
    """
    pending: deque[Job] = deque(jobs)
    pool: list[_Worker] = []
    context = multiprocessing.get_context("spawn" if fresh or not sys.platform.startswith("linux") else "fork")
    if context.get_start_method() != "fork":
        _start_resource_tracker()
    try:
        while pending or pool:
            while pending and len(pool) < workers:
                pool.append(_Worker(function, context))
                pool[-1].start()  # once in the pool: a Ctrl+C while it starts still finds it to stop
            for worker in pool:
                while pending and len(worker.held) < IN_HAND:
                    worker.give(pending.popleft())
            patience = _wait_time(pool, timeout)
            if cancelled is not None:
                patience = CANCEL_CHECK if patience is None else min(patience, CANCEL_CHECK)
            wait([w.connection for w in pool] + [w.process.sentinel for w in pool], patience)
            if cancelled is not None and cancelled():
                return
            for worker in list(pool):
                yield from worker.results(lost)
                why = worker.trouble(timeout)
                if why is None and (worker.held or pending):
                    continue
                pool.remove(worker)
                worker.stop()
                if why is not None and worker.held:
                    yield lost(worker.held.popleft(), why)
                pending.extendleft(reversed(worker.held))  # innocent: they run again elsewhere
    finally:
        for worker in pool:
            worker.stop()


def _wait_time(pool: list[_Worker], timeout: float | None) -> float | None:
    if timeout is None:
        return None
    busy = [w.started for w in pool if w.held]
    return max(0.0, min(busy) + timeout - time.monotonic()) if busy else None


class _Worker(Generic[Job, Result]):
    """One worker process, the jobs it holds (oldest running), and when that one started."""

    def __init__(self, function: Callable[[Job], Result], context) -> None:
        self.connection, child = context.Pipe()
        self.child = child
        self.process = context.Process(target=_serve, args=(function, child, os.getpid()), daemon=True)
        self.held: deque[Job] = deque()
        self.started = time.monotonic()
        self.doing = ""
        self.gone = False

    def start(self) -> None:
        # Ctrl+C is held back while the worker starts, so the worker can never get it before it
        # has learned to ignore it; the parent gets a Ctrl+C pressed meanwhile right after.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            self.child.close()
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def give(self, job: Job) -> None:
        if not self.held:
            self.started = time.monotonic()
        self.held.append(job)
        try:
            self.connection.send(job)
        except OSError:  # it died: results() reads what it said before, trouble() says so
            pass

    def results(self, lost: Callable[[Job, Lost], Result]) -> Iterator[Result]:
        """What the worker has sent so far: results of its oldest jobs (``lost`` for a job
        that raised), and notes."""
        while not self.gone and self.connection.poll():
            try:
                kind, value = self.connection.recv()
            except (EOFError, OSError):
                self.gone = True
                break
            if kind == "note":
                self.doing = value
                continue
            job = self.held.popleft()
            self.started, doing, self.doing = time.monotonic(), self.doing, ""
            yield lost(job, Lost("error", doing, error=value)) if kind == "error" else value

    def trouble(self, timeout: float | None) -> Lost | None:
        """Why this worker must go, if it must: it died, or its job is past the time limit."""
        if self.gone or not self.process.is_alive():
            return Lost("died", self.doing) if self.held else Lost("died")
        if timeout is not None and self.held and time.monotonic() - self.started > timeout:
            return Lost("timeout", self.doing, timeout)
        return None

    def stop(self) -> None:
        """End the process: asked first (so it can remove a half-written file), then killed."""
        if self.process.pid is None:  # never started
            self.connection.close()
            return
        if self.process.is_alive():
            self.connection.close()  # an idle worker ends on the closed pipe, with no signal to land mid-callback
            self.process.join(IDLE_END)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(GRACE)
            if self.process.is_alive():
                self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(function: Callable, connection: Connection, parent: int) -> None:
    """The worker's loop: a job in, its result (or the error it raised) out, until the pipe closes."""
    global _channel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back since the start: dropped now
    signal.signal(signal.SIGTERM, _exit_on_term)
    _end_with_parent(parent)
    _channel = connection
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("result", function(job))
        except Exception as error:  # noqa: BLE001 - a bug in the function fails its job, not the batch
            reply = ("error", f"{type(error).__name__}: {error}")
        connection.send(reply)


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)  # unwinds, so an atomic write in progress removes its temporary file


def _end_with_parent(parent: int) -> None:
    """Die with the parent: a batch killed from outside leaves no worker running."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent was already gone before prctl
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
