"""The Alembic migrations build exactly the tables the code declares, and applying them twice is harmless."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bangwo.store.engine import Store
from bangwo.store.tables import Base


async def test_migrations_match_the_declared_tables_and_can_be_rerun(database_url: str):
    store = Store(database_url)
    try:
        await store.migrate()
        await store.migrate()
        async with store.engine.connect() as connection:
            differences = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
        assert differences == []
    finally:
        await store.close()
