"""Proposals on the table: saved when the assistant makes one, read back for the card and checkout."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
) -> list[dict[str, Any]]:
    """Store a new proposal; any earlier open proposal of the same chat is replaced by it.
    Returns the holds of the proposals it replaced, for the caller to release."""
    replaced: list[dict[str, Any]] = []
    if chat_session_id is not None:
        replaced = await _close_open_proposals(
            session, (ProposalRow.session_id == chat_session_id, ProposalRow.status == "open"), "replaced"
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
                "lang": proposal.lang,
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
    return replaced


async def decline_proposal(session: AsyncSession, proposal_id: str, user_id: str) -> list[dict[str, Any]]:
    """The person said no: the card can no longer be paid. Returns its holds, for the caller to release."""
    return await _close_open_proposals(
        session, (ProposalRow.id == proposal_id, ProposalRow.user_id == user_id, ProposalRow.status == "open"),
        "declined",
    )


async def _close_open_proposals(session: AsyncSession, where: tuple[Any, ...], status: str) -> list[dict[str, Any]]:
    closing = list(await session.scalars(select(ProposalRow).where(*where).with_for_update()))
    if closing:
        await session.execute(
            update(ProposalRow).where(ProposalRow.id.in_([row.id for row in closing])).values(status=status)
        )
    return [hold for row in closing for hold in row.details.get("holds") or []]


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
        lang=row.details.get("lang"),
    )


async def load_proposal(session: AsyncSession, proposal_id: str, user_id: str, *, lock: bool = False) -> ProposalRow:
    """The person's own proposal; another person's is reported exactly like a missing one."""
    query = select(ProposalRow).where(ProposalRow.id == proposal_id)
    if lock:
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None or row.user_id != user_id:
        raise not_yours(proposal_id)
    return row


def not_yours(proposal_id: str) -> NotFound:
    """Another person's proposal is reported exactly like a missing one."""
    return NotFound(f"no proposal {proposal_id!r} of yours", code="proposal_not_found")
