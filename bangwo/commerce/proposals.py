"""Proposals on the table: saved when the assistant makes one, read back for the card and checkout."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import NotFound
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.store.tables import ProposalRow


async def save_proposal(
    session: AsyncSession,
    proposal: Proposal,
    *,
    user_id: str,
    chat_session_id: str | None,
    merchant_id: str | None,
    address_id: str | None,
    now: datetime,
) -> None:
    """Store a new proposal; any earlier open proposal of the same chat is replaced by it."""
    if chat_session_id is not None:
        await session.execute(
            update(ProposalRow)
            .where(ProposalRow.session_id == chat_session_id, ProposalRow.status == "open")
            .values(status="replaced")
        )
    session.add(
        ProposalRow(
            id=proposal.id,
            user_id=user_id,
            session_id=chat_session_id,
            domain=proposal.domain,
            merchant_id=merchant_id,
            address_id=address_id,
            lines=[line.model_dump(mode="json") for line in proposal.lines],
            details={
                "merchant": proposal.merchant,
                "delivery": proposal.delivery,
                "holds": proposal.holds,
                "notes": proposal.notes,
            },
            subtotal_fen=proposal.subtotal,
            total_fen=proposal.total,
            discount_fen=proposal.discount,
            pay_fen=proposal.pay,
            card_id=proposal.card_id,
            status="open",
            created_at=now,
            expires_at=proposal.expires_at,
        )
    )


def proposal_from_row(row: ProposalRow) -> Proposal:
    return Proposal(
        id=row.id,
        domain=row.domain,
        expires_at=row.expires_at,
        lines=[ProposalLine.model_validate(line) for line in row.lines],
        subtotal=row.subtotal_fen,
        discount=row.discount_fen,
        card_id=row.card_id,
        total=row.total_fen,
        pay=row.pay_fen,
        holds=row.details.get("holds") or [],
        merchant=row.details.get("merchant"),
        delivery=row.details.get("delivery"),
        notes=row.details.get("notes") or [],
    )


async def load_proposal(session: AsyncSession, proposal_id: str, user_id: str, *, lock: bool = False) -> ProposalRow:
    """The person's own proposal; another person's is reported exactly like a missing one."""
    query = select(ProposalRow).where(ProposalRow.id == proposal_id)
    if lock:
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None or row.user_id != user_id:
        raise NotFound(f"no proposal {proposal_id!r} of yours", code="proposal_not_found")
    return row
