"""The command line: help that helps, clear errors, and the parser's JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BANGWO = str(Path(sys.executable).parent / "bangwo")


def run(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BANGWO, *args], input=stdin, capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_help_names_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "chat", "parse", "seats", "campaign", "stats", "simulate"):
        assert command in result.stdout


def test_parse_without_text_says_how_to_use_it():
    result = run("parse")
    assert result.returncode == 2
    assert "bangwo parse --json" in result.stderr


def test_parse_jsonl_answers_every_line_even_a_bad_one():
    lines = [
        json.dumps({"text": "帮我点一杯奶茶", "now": "2026-02-10T10:00:00+08:00"}, ensure_ascii=False),
        "this is not json",
        json.dumps({"text": "下午三点送一杯奶茶", "now": "not a time"}),
        json.dumps({"text": "cancel my food order"}),
    ]
    result = run("parse", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["frames"][0]["items"][0]["name"] == "奶茶"
    assert out[1]["error"]["code"] == "invalid_input" and out[2]["error"]["code"] == "invalid_input"
    assert out[3]["frames"][0]["action"] == "cancel"


def test_every_item_carries_its_options_even_when_none_was_said():
    result = run("parse", "--json", "--now", "2026-02-10T10:00:00+08:00", "一杯少糖的杨枝甘露和两份薯条")
    items = json.loads(result.stdout)["frames"][0]["items"]
    assert [(item["name"], item["options"]) for item in items] == [("杨枝甘露", {"sugar": "less"}), ("薯条", {})]


def test_parse_resolves_dates_against_now():
    result = run("parse", "--json", "--now", "2026-02-10T10:00:00+08:00", "下午三点帮我送一杯奶茶到公司")
    frame = json.loads(result.stdout)["frames"][0]
    assert (frame["date"], frame["time"]) == ("2026-02-10", "15:00")


def test_chat_with_an_invalid_phone_is_refused_clearly(tmp_path: Path):
    result = run("chat", "--phone", "12345", env={"BANGWO_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "11 digits" in result.stdout


def test_a_bad_bangwo_now_is_reported_not_a_traceback():
    result = run("parse", "--json", "奶茶", env={"BANGWO_NOW": "2026-02-10T10:00:00"})
    assert result.returncode == 2
    assert "BANGWO_NOW" in result.stderr and "Traceback" not in result.stderr


def test_seats_draws_the_hall_with_the_persons_seats_marked(tmp_path: Path):
    env = {"BANGWO_DATA_DIR": str(tmp_path), "BANGWO_NOW": "2026-02-10T10:00:00+08:00"}
    result = run("seats", "demo-hangzhou-starlight-h2@2026-02-10T2000", "--mark", "11-7,11-8", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "SCREEN" in lines[1]
    last_row = next(line for line in lines if line.startswith("11 "))
    assert last_row.count("@") == 2 and last_row.index("@") + 2 == last_row.rindex("@")  # side by side
    unknown = run("seats", "demo-hangzhou-starlight-h2@2026-02-10T2000", "--mark", "99-1", env=env)
    assert unknown.returncode == 2 and "99-1" in unknown.stdout
    assert run("seats", "no-such-showing", env=env).returncode == 2
