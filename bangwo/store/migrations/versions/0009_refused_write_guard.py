"""bangwo_required(): a batch of writes refuses itself inside its one statement (PostgreSQL)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 16:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# store/writes.py wraps the row count of each write that must touch a row in this: touching none
# aborts the statement, and with it every write of the batch, even where the statement is its own
# transaction. The error says which write (DETAIL) and what the refusal needs to explain itself (HINT).
_CREATE = """
CREATE OR REPLACE FUNCTION bangwo_required(touched bigint, write_index integer, explanation text)
RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    IF touched = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'BW001', MESSAGE = 'bangwo: a write that must touch a row touched none',
            DETAIL = write_index::text, HINT = coalesce(explanation, '');
    END IF;
    RETURN touched;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # SQLite runs a batch's writes one by one and checks each
        op.execute(_CREATE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS bangwo_required(bigint, integer, text)")
