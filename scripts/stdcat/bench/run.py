"""Whole-process measurements: wall time and peak memory of commands, run in turn.

Each command runs as a child process; its wall time is a monotonic clock around start and reap,
its peak memory the kernel's own figure for the finished child (``wait4``: the largest resident
set of the child and the processes it waited for, as ``/usr/bin/time -v`` reports it). Commands
compared with each other run in turn (A B C A B C …), so that a machine whose speed drifts during
the run moves them all alike; ratios are taken run by run, then their median.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class MeasureError(RuntimeError):
    """A measured command failed: the figures would mean nothing."""


@dataclass
class Command:
    """One command to measure: what to run, where, with which environment additions."""

    argv: Sequence[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    before: Callable[[], None] | None = None  # set-up before each run, not timed (e.g. clearing a cache)


@dataclass
class Sample:
    seconds: float
    peak_bytes: int


@dataclass
class Series:
    """Every run of one command and their medians."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_bytes(self) -> int:
        return int(statistics.median(s.peak_bytes for s in self.samples))


def run_once(command: Command) -> Sample:
    """Run a command to its end; raise ``MeasureError`` with its output if it fails."""
    if command.before is not None:
        command.before()
    env = {**os.environ, **command.env}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command.argv, cwd=command.cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise MeasureError(f"{' '.join(command.argv)} exited {process.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss * 1024)  # Linux gives kilobytes


def in_turn(commands: dict[str, Command], runs: int, warmup: int = 1) -> dict[str, Series]:
    """Run the commands in turn ``runs`` times after ``warmup`` uncounted rounds."""
    series = {name: Series() for name in commands}
    for round_ in range(warmup + runs):
        for name, command in commands.items():
            sample = run_once(command)
            if round_ >= warmup:
                series[name].samples.append(sample)
    return series


def ratio(a: Series, b: Series) -> float:
    """The median of the run-by-run ratios of ``a``'s time to ``b``'s."""
    return statistics.median(x.seconds / y.seconds for x, y in zip(a.samples, b.samples, strict=True))
