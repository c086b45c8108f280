"""Double-entry ledger: every transfer's legs sum to zero; balances move in the same transaction.

Accounts: `wallet:<user>` (what bangwo owes a person; never below zero), `merchant:<id>`
(what bangwo owes a merchant), `campaign:<name>` (what free-order cards have cost),
`funding:demo` (where demo wallet credit comes from).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import PaymentRefused
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen, format_fen
from bangwo.store.tables import Account, LedgerEntry
from bangwo.store.upsert import insert_if_missing

FUNDING_DEMO = "funding:demo"


def wallet_account(user_id: str) -> str:
    return f"wallet:{user_id}"


def merchant_account(merchant_id: str) -> str:
    return f"merchant:{merchant_id}"


def campaign_account(campaign: str) -> str:
    return f"campaign:{campaign}"


@dataclass(frozen=True, slots=True)
class Leg:
    account_id: str
    amount_fen: Fen  # positive: the account's balance grows


async def post_transfer(
    session: AsyncSession, legs: list[Leg], *, reason: str, now: datetime, order_id: str | None = None
) -> str:
    """Post one balanced transfer. A wallet that would go below zero refuses the whole transfer."""
    if sum(leg.amount_fen for leg in legs) != 0:
        raise ValueError(f"unbalanced transfer: {legs}")
    transfer_id = new_id("tr")
    # One lock order for every transfer, so two transfers never wait on each other in a cycle.
    for leg in sorted(legs, key=lambda leg: leg.account_id):
        if leg.amount_fen == 0:
            continue
        kind = leg.account_id.split(":", 1)[0]
        await insert_if_missing(session, Account.__table__, id=leg.account_id, kind=kind, balance_fen=0)
        statement = (
            update(Account).where(Account.id == leg.account_id).values(balance_fen=Account.balance_fen + leg.amount_fen)
        )
        if kind == "wallet" and leg.amount_fen < 0:
            statement = statement.where(Account.balance_fen + leg.amount_fen >= 0)
        if (await session.execute(statement)).rowcount != 1:
            balance = await balance_fen(session, leg.account_id)
            raise PaymentRefused(
                f"not enough balance: {format_fen(-leg.amount_fen)} needed, {format_fen(balance)} in the wallet",
                code="insufficient_balance",
                needed_fen=-leg.amount_fen,
                balance_fen=balance,
            )
        session.add(
            LedgerEntry(
                transfer_id=transfer_id,
                account_id=leg.account_id,
                amount_fen=leg.amount_fen,
                reason=reason,
                order_id=order_id,
                created_at=now,
            )
        )
    return transfer_id


async def balance_fen(session: AsyncSession, account_id: str) -> Fen:
    return await session.scalar(select(Account.balance_fen).where(Account.id == account_id)) or 0


async def entries_sum_fen(session: AsyncSession, account_id: str | None = None) -> Fen:
    """The sum of entries, of one account or of all (which must be zero)."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
    if account_id is not None:
        query = query.where(LedgerEntry.account_id == account_id)
    return int(await session.scalar(query) or 0)
