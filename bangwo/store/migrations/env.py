"""Alembic environment: always run on a connection handed in by Store.migrate (or the revision script)."""

from __future__ import annotations

from alembic import context

from bangwo.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("bangwo migrations run through Store.migrate(), which hands Alembic a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
context.run_migrations()
