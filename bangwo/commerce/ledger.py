"""Double-entry ledger: every transfer's legs sum to zero; balances move in the same transaction.

Accounts: `wallet:<user>` (what bangwo owes a person; never below zero), `merchant:<id>`
(what bangwo owes a merchant), `campaign:<name>` (what free-order cards have cost),
`funding:demo` (where demo wallet credit comes from).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import PaymentRefused
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen, format_fen
from bangwo.store.tables import Account, LedgerEntry
from bangwo.store.writes import Refusal, Write, rows_inserted, run_writes

FUNDING_DEMO = "funding:demo"
# A debited wallet moves only if the money is there; any other account moves in one statement, opened
# at its first entry.
_CREDITED = "ON CONFLICT (id) DO UPDATE SET balance_fen = accounts.balance_fen + excluded.balance_fen"
_DEBIT_WALLET = "UPDATE accounts SET balance_fen = balance_fen + :amount WHERE id = :id AND balance_fen + :amount >= 0"
_BALANCE = "SELECT balance_fen FROM accounts WHERE id = :id"  # what a refused debit reports


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
    transfer_id = new_id("tr")
    await run_writes(session, transfer_writes(transfer_id, legs, reason=reason, now=now, order_id=order_id))
    return transfer_id


def transfer_writes(
    transfer_id: str, legs: list[Leg], *, reason: str, now: datetime, order_id: str | None = None
) -> list[Write]:
    """The writes of one balanced transfer, to run in a batch of others: a wallet's debit moves only if
    the money is there (else the batch is refused), the other accounts between debits move in one
    statement (each created at its first entry), and one more writes every entry."""
    if sum(leg.amount_fen for leg in legs) != 0:
        raise ValueError(f"unbalanced transfer: {legs}")
    # One lock order for every transfer, so two transfers never wait on each other in a cycle: a person's
    # wallet first, then the accounts many transfers share, by id (locked last, they are held the shortest).
    moves = sorted(
        (leg for leg in legs if leg.amount_fen != 0),
        key=lambda leg: (not leg.account_id.startswith("wallet:"), leg.account_id),
    )
    writes: list[Write] = []
    credits: list[dict[str, object]] = []  # consecutive accounts that move in one statement, in that order
    for leg in moves:
        kind = leg.account_id.split(":", 1)[0]
        if kind == "wallet" and leg.amount_fen < 0:
            writes += _credits(credits)
            credits = []
            writes.append(Write(_DEBIT_WALLET, {"id": leg.account_id, "amount": leg.amount_fen}, _short_of(leg),
                                explanation=_BALANCE))
        else:
            credits.append({"id": leg.account_id, "kind": kind, "balance_fen": leg.amount_fen})
    writes += _credits(credits)
    if moves:  # one statement for every leg, once the balances moved
        writes.append(rows_inserted("ledger_entries", [
            {"transfer_id": transfer_id, "account_id": leg.account_id, "amount_fen": leg.amount_fen,
             "reason": reason, "order_id": order_id, "created_at": now}
            for leg in moves
        ]))
    return writes


def _credits(accounts: list[dict[str, object]]) -> list[Write]:
    return [rows_inserted("accounts", accounts, on_conflict=_CREDITED)] if accounts else []


def _short_of(debit: Leg) -> Refusal:
    def not_enough(balance_read: str | None) -> Exception:
        balance = int(balance_read or 0)
        return PaymentRefused(
            f"not enough balance: {format_fen(-debit.amount_fen)} needed, {format_fen(balance)} in the wallet",
            code="insufficient_balance",
            needed_fen=-debit.amount_fen,
            balance_fen=balance,
        )

    return not_enough


async def balance_fen(session: AsyncSession, account_id: str) -> Fen:
    return await session.scalar(select(Account.balance_fen).where(Account.id == account_id)) or 0


async def entries_sum_fen(session: AsyncSession, account_id: str | None = None) -> Fen:
    """The sum of entries, of one account or of all (which must be zero)."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
    if account_id is not None:
        query = query.where(LedgerEntry.account_id == account_id)
    return int(await session.scalar(query) or 0)
