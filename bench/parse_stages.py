"""Where the parser's time goes: microseconds per command in each stage, over the bench corpus.

    .venv/bin/python bench/parse_stages.py [--rounds 5]

Each stage function is wrapped with a timer, so the figures include a little timing overhead
and nested stages are counted inside their parents (the table is not meant to add up).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import DEV_SET, ROOT, corpus

import bangwo.understand.parser as parser_module
from bangwo.providers.registry import load_registry
from bangwo.understand import Lexicon, Parser

MODULE_STAGES = ("find_options", "split_clauses", "travel_frame", "find_times", "find_budget", "_find_quantities",
                 "clean", "detect_lang", "_restore_case")
PARSER_STAGES = ("_frames", "_clause_frames", "_frame_for", "_read")


def timed(spent: Counter[str], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter_ns()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter_ns() - start

    return wrapper


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    args = options.parse_args()
    spent: Counter[str] = Counter()
    for name in MODULE_STAGES:
        if hasattr(parser_module, name):
            setattr(parser_module, name, timed(spent, name, getattr(parser_module, name)))
    parser = Parser(Lexicon.from_catalogues(load_registry().catalogues()))
    parser.lexicon.find = timed(spent, "lexicon.find", parser.lexicon.find)  # type: ignore[method-assign]
    for name in PARSER_STAGES:
        setattr(parser, name, timed(spent, name, getattr(parser, name)))
    commands = corpus([p for p in [DEV_SET, *sorted((ROOT / "tests" / "commands").glob("*.jsonl"))] if p.exists()])
    for text, now in commands:
        parser.parse(text, now)
    spent.clear()
    start = time.perf_counter_ns()
    for _ in range(args.rounds):
        for text, now in commands:
            parser.parse(text, now)
    count = args.rounds * len(commands)
    print(f"{len(commands)} commands x {args.rounds}: {(time.perf_counter_ns() - start) / count / 1000:.1f} us a parse")
    for stage, nanoseconds in spent.most_common():
        print(f"  {stage:18s} {nanoseconds / count / 1000:7.1f} us")
    return 0


if __name__ == "__main__":
    sys.exit(main())
