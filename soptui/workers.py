"""Running batch jobs in worker processes, and living through a worker that dies.

``multiprocessing.Pool`` waits for ever for the result of a worker killed by
a signal or by a crash in native code (a plugin's C library, the OOM
killer). ``concurrent.futures`` notices (``BrokenProcessPool``) but then
fails every job still pending. Here jobs go in chunks to a process pool;
when it breaks, the chunks that were in flight are run again one job at a
time in a fresh pool, so exactly the job that kills its worker fails, with
a message, and the batch goes on.

On Ctrl+C (or when the caller stops iterating) the workers are terminated:
SIGTERM makes a worker raise ``SystemExit``, so the output it was writing is
removed by ``soptui.store.atomic_write`` before it exits.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def run(function: Callable[[Job], Result], jobs: Iterable[Job], workers: int,
        crashed: Callable[[Job], Result]) -> Iterator[Result]:
    """``function(job)`` for every job, results as they finish; ``crashed(job)``
    stands for the result of a job whose worker died. ``function`` must be a
    module-level function (it is sent to the workers by name)."""
    jobs = list(jobs)
    if workers <= 1 or len(jobs) <= 1:
        yield from map(function, jobs)
        return
    size = max(1, min(16, len(jobs) // (workers * 8)))
    queue: deque[list[Job]] = deque(jobs[start:start + size] for start in range(0, len(jobs), size))
    suspects: deque[list[Job]] = deque()
    while queue or suspects:
        pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_init)
        try:
            yield from _drain(pool, function, queue, suspects, workers, crashed)
        except BaseException:  # Ctrl+C, or the caller closed us
            _stop(pool)
            raise
        pool.shutdown(wait=True)


def _drain(pool: ProcessPoolExecutor, function, queue: deque, suspects: deque, workers: int, crashed):
    """Run chunks until both queues are empty or the pool breaks."""
    in_flight: dict[Future, tuple[list, bool]] = {}
    while True:
        if suspects:  # after a break: one job at a time, so a crash names its job
            if not in_flight:
                chunk = suspects.popleft()
                in_flight[pool.submit(_run_chunk, function, chunk)] = (chunk, True)
        else:
            while queue and len(in_flight) < workers * 2:
                chunk = queue.popleft()
                in_flight[pool.submit(_run_chunk, function, chunk)] = (chunk, False)
        if not in_flight:
            return
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            chunk, alone = in_flight.pop(future)
            try:
                yield from future.result()
            except BrokenProcessPool:
                broken = True
                if alone:
                    yield crashed(chunk[0])
                else:
                    suspects.extend([job] for job in chunk)
        if broken:
            for chunk, _alone in in_flight.values():  # they broke too, through no fault of their own
                suspects.extend([job] for job in chunk)
            return


def _run_chunk(function, chunk: list) -> list:
    try:
        return [function(job) for job in chunk]
    except SystemExit:  # terminated: the output being written is already removed
        os._exit(128 + signal.SIGTERM)


def _context():
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _stop(pool: ProcessPoolExecutor) -> None:
    for child in multiprocessing.active_children():
        child.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _worker_init() -> None:
    """Workers leave Ctrl+C to the parent, and clean up when it terminates them.

    Plugins load quietly (a forked worker has them already): the parent has
    reported their problems.
    """
    from soptui.plugins import get_plugins

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    get_plugins(quiet=True)


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)
