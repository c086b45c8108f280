"""bangwo is Apache-2.0: nothing it installs to run may be GPL-licensed."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution

from packaging.requirements import Requirement

# The extras pyproject.toml asks for: uvicorn[standard], sqlalchemy[asyncio].
EXTRAS_WE_INSTALL = {"uvicorn": "standard", "sqlalchemy": "asyncio"}


def _runtime_closure(name: str) -> dict[str, str]:
    """Every distribution installed for running `name` (not its test extras), with its licence text."""
    seen: dict[str, str] = {}
    todo = [name]
    while todo:
        current = todo.pop()
        try:
            dist = distribution(current)
        except PackageNotFoundError:
            continue  # an optional dependency for another platform
        key = dist.metadata["Name"].lower()
        if key in seen:
            continue
        meta = dist.metadata
        classifiers = " ".join(c for c in meta.get_all("Classifier") or [] if c.startswith("License"))
        seen[key] = " ".join(filter(None, [meta.get("License-Expression"), meta.get("License", "")[:200], classifiers]))
        for requirement in dist.requires or []:
            parsed = Requirement(requirement)
            if parsed.marker is None or parsed.marker.evaluate({"extra": EXTRAS_WE_INSTALL.get(key, "")}):
                todo.append(parsed.name)
    return seen


def test_no_runtime_dependency_is_gpl():
    licences = _runtime_closure("bangwo")
    assert {"fastapi", "sqlalchemy", "alembic", "rapidfuzz"} <= set(licences)
    gpl = {name: text for name, text in licences.items() if re.search(r"(?<![AL])GPL|General Public License", text)
           and not re.search(r"LGPL|Lesser General Public", text)}
    assert gpl == {}
