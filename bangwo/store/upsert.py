"""INSERT ... ON CONFLICT on either backend."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def dialect_insert(session: AsyncSession, table: Any) -> Any:
    """An INSERT that knows ON CONFLICT (DO NOTHING / DO UPDATE) for the session's backend."""
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    return insert(table)

