"""CPU seconds processes have used, read from /proc: what a benchmark's parts cost, each apart."""

from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of one process so far (0 once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants (a server's workers)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return []
    return [pid, *(grandchild for child in children for grandchild in process_tree(int(child)))]


def processes_named(name: str) -> list[int]:
    """Every running process whose command is `name` (postgres, redis-server)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    pids.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError):
                continue
    return pids


def tree_cpu_seconds(pid: int) -> float:
    return sum(map(cpu_seconds, process_tree(pid)))


def named_cpu_seconds(name: str) -> float:
    return sum(map(cpu_seconds, processes_named(name)))
