"""The README's worked examples, run as written: the CLI blocks line by line, the HTTP block against a real server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bangwo.ops.processes import free_port

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
SPRING_FESTIVAL = "2026-02-10T10:00:00+08:00"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def console_examples() -> list[tuple[str, list[str]]]:
    """Each `$ command` with the output lines the README shows under it."""
    examples: list[tuple[str, list[str]]] = []
    for block in blocks("console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif line.strip():
                examples[-1][1].append(line)
    return examples


def matches_in_order(expected: list[str], actual: list[str]) -> bool:
    """Every expected line matches some later actual line; `...` stands for any text."""
    position = 0
    for want in expected:
        pattern = re.compile(".*".join(re.escape(part) for part in want.split("...")) + r"\s*$")
        while position < len(actual) and not pattern.match(actual[position].strip()):
            position += 1
        if position == len(actual):
            return False
        position += 1
    return True


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "BANGWO_DATA_DIR": str(tmp_path / "data"),
        "BANGWO_DATABASE_URL": database_url,
        "BANGWO_NOW": SPRING_FESTIVAL,
        "COLUMNS": "100",
    }


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=lambda value: str(value)[:40])
def test_console_example(command: str, expected: list[str], env: dict[str, str]):
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    actual = [line for line in result.stdout.splitlines() if line.strip()]
    assert matches_in_order(expected, actual), "\n".join(actual)


def test_http_example_against_a_running_server(env: dict[str, str]):
    [script] = [block for block in blocks("sh") if "$BANGWO" in block]
    port = free_port()
    server = subprocess.Popen([str(BIN / "bangwo"), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            assert time.monotonic() < deadline, "the server did not start in 30 s"
            time.sleep(0.2)
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True,
                                env={**env, "BANGWO": base}, timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr + result.stdout
    out = result.stdout
    assert '"state": "proposal"' in out
    assert '"discount": 1999' in out and '"pay": 1\n' in out  # ¥20 order: the one-cent bubble tea
    assert '"status": "paid"' in out and '"stage": "accepted"' in out
    assert "\ncancelled\n" in out
    assert '"balance": 500000' in out and '"available"' in out
    assert "Silent Awakening (premiere)" in out and "Seats held until" in out
    assert out.count('"status":"valid"') == 2 and "\nimage/png\n" in out
