"""Parser speed: commands per second on one core, latency percentiles, memory.

    .venv/bin/python bench/parse.py [--rounds 20] [--cases FILE ...]

The corpus is every distinct command of the shared dev set and of tests/commands/*.jsonl
(each parsed as itself: there is no result cache to hit). The parser is built once and
warmed, then each command is timed on its own. Printed, for the same run:
- the parser: commands/s, p50/p99/max latency;
- the baseline: the text clean-up every parse starts with (`understand.text.clean`),
  so the ratio says how much the understanding itself costs on top;
- `bangwo parse --jsonl` as a process over the same corpus (start-up included);
- the resident memory of this process with the parser loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bangwo.providers.registry import load_registry
from bangwo.understand import Lexicon, Parser
from bangwo.understand.text import clean

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "eval" / "commands-dev.jsonl"


def corpus(paths: list[Path]) -> list[tuple[str, datetime]]:
    seen: dict[str, datetime] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                seen.setdefault(case["text"], datetime.fromisoformat(case["now"]))
    return list(seen.items())


def percentile(sorted_ns: list[int], share: float) -> float:
    return sorted_ns[min(len(sorted_ns) - 1, int(share * len(sorted_ns)))] / 1000


def timed(function, commands: list[tuple[str, datetime]], rounds: int) -> tuple[float, list[int]]:
    """Commands per second over all rounds, and every single call's nanoseconds."""
    latencies: list[int] = []
    clock = time.perf_counter_ns
    start = clock()
    for _ in range(rounds):
        for text, now in commands:
            before = clock()
            function(text, now)
            latencies.append(clock() - before)
    elapsed_s = (clock() - start) / 1e9
    return len(latencies) / elapsed_s, sorted(latencies)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=20, help="passes over the corpus (default 20)")
    options.add_argument("--cases", type=Path, nargs="*", help="JSON-lines case files (default: dev set + tests)")
    args = options.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the figure says
    paths = args.cases or [p for p in [DEV_SET, *sorted((ROOT / "tests" / "commands").glob("*.jsonl"))] if p.exists()]
    commands = corpus(paths)

    parser = Parser(Lexicon.from_catalogues(load_registry().catalogues()))
    for text, now in commands:  # warm: regex caches, lazily built tables
        parser.parse(text, now)

    parse_rate, parse_ns = timed(parser.parse, commands, args.rounds)
    base_rate, _ = timed(lambda text, now: clean(text), commands, args.rounds)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    stdin = "".join(json.dumps({"text": t, "now": n.isoformat()}, ensure_ascii=False) + "\n" for t, n in commands)
    bangwo = str(Path(sys.executable).parent / "bangwo")
    start = time.perf_counter()
    out = subprocess.run([bangwo, "parse", "--jsonl"], input=stdin * args.rounds, capture_output=True, text=True,
                         check=True).stdout
    cli_rate = len(commands) * args.rounds / (time.perf_counter() - start)
    assert out.count("\n") == len(commands) * args.rounds

    print(f"corpus: {len(commands)} distinct commands from {len(paths)} files, {args.rounds} rounds, one core")
    print(f"parser:      {parse_rate:9.0f} commands/s   p50 {percentile(parse_ns, 0.50):6.1f} us   "
          f"p99 {percentile(parse_ns, 0.99):6.1f} us   max {parse_ns[-1] / 1000:8.1f} us")
    print(f"baseline:    {base_rate:9.0f} commands/s   (text clean-up alone)")
    print(f"ratio parser / baseline: {parse_rate / base_rate:.3f}")
    print(f"bangwo parse --jsonl: {cli_rate:9.0f} commands/s   (a process, start-up included)")
    print(f"resident memory with the parser loaded: {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
