"""Parser throughput on the dev set's food and chat cases.

    .venv/bin/python bench/parse.py [--repeat 200] [--cases ../shared/eval/commands-dev.jsonl]

Prints commands per second for: the parser in process; `bangwo parse --jsonl` as a
process (start-up included); and, as the baseline measured in the same run, a process that
only reads and writes the same JSON lines (the floor any --jsonl parser pays).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bangwo.providers.registry import load_registry
from bangwo.understand import Lexicon, Parser

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "commands-dev.jsonl"
ECHO = (
    "import json, sys\n"
    "for line in sys.stdin:\n"
    "    json.loads(line)\n"
    "    print(json.dumps({'lang': 'zh', 'frames': []}))"
)


def food_and_chat_cases(path: Path) -> list[dict]:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [c for c in cases if all(f["domain"] in ("food", "chat") for f in c["expect"]["frames"])]


def rate_of_process(command: list[str], stdin: str, lines: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    assert len(result.stdout.splitlines()) == lines, result.stderr[-500:]
    return lines / elapsed


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=200, help="how many times the cases are fed (default 200)")
    options.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    args = options.parse_args()
    cases = food_and_chat_cases(args.cases)
    requests = [{"text": c["text"], "now": c["now"]} for c in cases] * args.repeat
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests)

    parser = Parser(Lexicon.from_catalogues(load_registry().catalogues()))
    parsed = [(r["text"], datetime.fromisoformat(r["now"])) for r in requests]
    start = time.perf_counter()
    for text, now in parsed:
        parser.parse(text, now)
    in_process = len(parsed) / (time.perf_counter() - start)

    bangwo = str(Path(sys.executable).parent / "bangwo")
    cli = rate_of_process([bangwo, "parse", "--jsonl"], stdin, len(requests))
    floor = rate_of_process([sys.executable, "-c", ECHO], stdin, len(requests))

    print(f"cases: {len(cases)} food and chat commands x {args.repeat} = {len(requests)} lines")
    print(f"parser in process:           {in_process:8.0f} commands/s  ({1e6 / in_process:.0f} us a command)")
    print(f"bangwo parse --jsonl:        {cli:8.0f} commands/s  (start-up included)")
    print(f"baseline: JSON echo process: {floor:8.0f} lines/s")
    print(f"ratio bangwo parse --jsonl / baseline: {cli / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
