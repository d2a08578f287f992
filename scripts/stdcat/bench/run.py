"""Whole-process measurements: wall time and peak memory of commands, run in turn.

Each command runs as a child process; its wall time is a monotonic clock around start and reap,
its peak memory the kernel's own figure for the finished child: the largest resident set of the
child and the processes it waited for, read by GNU ``time`` (``%M``). GNU time starts the command
itself: a child started by this (larger) Python process would report at least this process's
own size, which the kernel carries over to the child it starts. Commands
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

GNU_TIME = "/usr/bin/time"  # Debian's package `time`


class MeasureError(RuntimeError):
    """A measured command failed: the figures would mean nothing."""


@dataclass
class Command:
    """One command to measure: what to run, where, with which environment additions."""

    argv: Sequence[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    before: Callable[[], None] | None = None  # set-up before each run, not timed (e.g. clearing a cache)
    most_runs: int | None = None  # a slow baseline may be run fewer times (its ratio is then of medians)


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
    with tempfile.TemporaryFile() as log, tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        argv = [GNU_TIME, "-f", "%M", "-o", peak.name, *command.argv]
        start = time.perf_counter()
        code = subprocess.call(argv, cwd=command.cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - start
        if code != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise MeasureError(f"{' '.join(command.argv)} exited {code}:\n{tail}")
        kilobytes = int(peak.read().split()[-1])
    return Sample(seconds, kilobytes * 1024)


def in_turn(commands: dict[str, Command], runs: int, warmup: int = 1) -> dict[str, Series]:
    """Run the commands in turn ``runs`` times after ``warmup`` uncounted rounds."""
    series = {name: Series() for name in commands}
    for round_ in range(warmup + runs):
        for name, command in commands.items():
            counted = round_ - warmup
            if command.most_runs is not None and (counted < 0 or counted >= command.most_runs):
                continue
            sample = run_once(command)
            if counted >= 0:
                series[name].samples.append(sample)
    return series


def ratio(a: Series, b: Series) -> float:
    """The median of the run-by-run ratios of ``a``'s time to ``b``'s (of their medians if not paired)."""
    if len(a.samples) != len(b.samples):
        return a.seconds / b.seconds
    return statistics.median(x.seconds / y.seconds for x, y in zip(a.samples, b.samples, strict=True))
