"""The shared dev set through `bangwo parse --jsonl`, scored by the shared scorer: at least 95 %."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "score_parse.py").exists(), reason="../shared/eval is not beside this checkout")
def test_the_dev_set_scores_at_least_95_percent():
    bangwo = str(Path(sys.executable).parent / "bangwo")
    result = subprocess.run(
        [sys.executable, str(EVAL / "score_parse.py"), str(EVAL / "commands-dev.jsonl"), "--min", "0.95",
         "--show-failures", "--", bangwo, "parse", "--jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    accuracy = float(re.search(r"parse accuracy: ([\d.]+)%", result.stdout).group(1))
    assert accuracy >= 95.0
