"""Double-entry ledger: every transfer's legs sum to zero; balances move in the same transaction.

Accounts: `wallet:<user>` (what bangwo owes a person; never below zero), `merchant:<id>`
(what bangwo owes a merchant), `campaign:<name>` (what free-order cards have cost),
`funding:demo` (where demo wallet credit comes from).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import PaymentRefused
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen, format_fen
from bangwo.store.tables import Account, LedgerEntry

FUNDING_DEMO = "funding:demo"
# Every payment runs these, so they are written once: the same SQL on SQLite and PostgreSQL, compiled
# once and cached; an ORM statement built for each call cost more than the database's work.
# Any account but a debited wallet moves in one statement, opened at its first entry.
_CREDIT_OR_OPEN = text(
    "INSERT INTO accounts (id, kind, balance_fen) VALUES (:id, :kind, :amount) "
    "ON CONFLICT (id) DO UPDATE SET balance_fen = accounts.balance_fen + excluded.balance_fen"
)
_DEBIT_WALLET = text(
    "UPDATE accounts SET balance_fen = balance_fen + :amount WHERE id = :id AND balance_fen + :amount >= 0"
)
_WRITE_ENTRIES = LedgerEntry.__table__.insert()


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
    """Post one balanced transfer. A wallet that would go below zero refuses the whole transfer.

    A wallet's debit moves only if the money is there; the other accounts between debits move in one
    call (each created at its first entry), and one more call writes every entry."""
    if sum(leg.amount_fen for leg in legs) != 0:
        raise ValueError(f"unbalanced transfer: {legs}")
    transfer_id = new_id("tr")
    # One lock order for every transfer, so two transfers never wait on each other in a cycle: a person's
    # wallet first, then the accounts many transfers share, by id (locked last, they are held the shortest).
    moves = sorted(
        (leg for leg in legs if leg.amount_fen != 0),
        key=lambda leg: (not leg.account_id.startswith("wallet:"), leg.account_id),
    )
    credits: list[dict[str, object]] = []  # consecutive accounts that move in one call, in that order
    for leg in moves:
        kind = leg.account_id.split(":", 1)[0]
        if kind == "wallet" and leg.amount_fen < 0:
            if credits:
                await session.execute(_CREDIT_OR_OPEN, credits)
                credits = []
            await _debit_wallet(session, leg)
        else:
            credits.append({"id": leg.account_id, "kind": kind, "amount": leg.amount_fen})
    if credits:
        await session.execute(_CREDIT_OR_OPEN, credits)
    entries = [
        {
            "transfer_id": transfer_id,
            "account_id": leg.account_id,
            "amount_fen": leg.amount_fen,
            "reason": reason,
            "order_id": order_id,
            "created_at": now,
        }
        for leg in moves
    ]
    await session.execute(_WRITE_ENTRIES, entries)  # one statement for every leg, once the balances moved
    return transfer_id


async def _debit_wallet(session: AsyncSession, leg: Leg) -> None:
    if (await session.execute(_DEBIT_WALLET, {"id": leg.account_id, "amount": leg.amount_fen})).rowcount != 1:
        balance = await balance_fen(session, leg.account_id)
        raise PaymentRefused(
            f"not enough balance: {format_fen(-leg.amount_fen)} needed, {format_fen(balance)} in the wallet",
            code="insufficient_balance",
            needed_fen=-leg.amount_fen,
            balance_fen=balance,
        )


async def balance_fen(session: AsyncSession, account_id: str) -> Fen:
    return await session.scalar(select(Account.balance_fen).where(Account.id == account_id)) or 0


async def entries_sum_fen(session: AsyncSession, account_id: str | None = None) -> Fen:
    """The sum of entries, of one account or of all (which must be zero)."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
    if account_id is not None:
        query = query.where(LedgerEntry.account_id == account_id)
    return int(await session.scalar(query) or 0)
