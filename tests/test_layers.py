"""The house rules of DESIGN.md's layout: imports point down, and domain/ does no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "bangwo"

# What each folder may import from bangwo (besides itself). Folders not named here sit on top.
ALLOWED = {
    "domain": set(),
    "understand": {"domain"},
    "providers": {"domain", "store"},  # demo providers keep their inventory in the store
    "store": {"domain"},
    "promo": {"domain", "store"},
    "commerce": {"domain", "store", "promo"},
    "people": {"domain", "store", "promo", "commerce"},
    "assistant": {"domain", "store", "promo", "commerce", "people", "providers", "understand"},
    # The operator's tools drive the whole composed system, as a person or an operator would.
    "ops": {"domain", "store", "promo", "commerce", "people", "providers", "understand", "assistant", "services",
            "config"},
}
IO_MODULES = {"os", "socket", "subprocess", "sqlalchemy", "httpx", "requests", "asyncio", "pathlib"}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_point_down(layer: str):
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] == "bangwo" and len(parts) > 1 and parts[1] != layer:
                assert parts[1] in ALLOWED[layer], f"{path.relative_to(PACKAGE)} imports {name}"


def test_domain_does_no_io():
    for path in (PACKAGE / "domain").rglob("*.py"):
        roots = {name.split(".")[0] for name in imports_of(path)}
        assert not roots & IO_MODULES, f"{path.name} imports {roots & IO_MODULES}"
        assert "open(" not in path.read_text(encoding="utf-8"), path.name
