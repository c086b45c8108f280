"""The food and chat cases of the shared dev set pass through `bangwo parse --jsonl`, scored by the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "score_parse.py").exists(), reason="../shared/eval is not beside this checkout")
def test_every_food_and_chat_case_of_the_dev_set_passes(tmp_path: Path):
    lines = (EVAL / "commands-dev.jsonl").read_text(encoding="utf-8").splitlines()
    subset = [line for line in lines if line.strip() and all(
        frame["domain"] in ("food", "chat") for frame in json.loads(line)["expect"]["frames"])]
    assert len(subset) >= 20
    cases = tmp_path / "food_chat.jsonl"
    cases.write_text("\n".join(subset) + "\n", encoding="utf-8")
    bangwo = str(Path(sys.executable).parent / "bangwo")
    result = subprocess.run(
        [sys.executable, str(EVAL / "score_parse.py"), str(cases), "--min", "1.0", "--show-failures", "--",
         bangwo, "parse", "--jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"parse accuracy: 100.0% ({len(subset)}/{len(subset)})" in result.stdout
