"""The campaign budget's hot counter in Redis (BANGWO_REDIS_URL), in front of the database's record.

At the peak most confirmations arrive after the budget is gone; the counter refuses them with one
Redis round trip instead of a write transaction. The database stays the record: its conditional
UPDATE still decides every redemption, so the budget is exact even if Redis is wrong.

The counter holds the fen reserved against a campaign's budget, and it must never be *below* the
record (then it would let through what the record refuses, and stop being a fast refusal):
- checkout reserves here first, then spends in the database, and gives the reservation back only
  when the payment's transaction surely did not commit;
- a refund gives back here only after the database's refund committed.
A crash in between can therefore only leave the counter *above* the record (some budget held back,
never overspent); `bangwo campaign reconcile` shows both and `--fix` sets the counter from the record.
A missing counter (a new campaign, a flushed Redis) starts from the record at its first reservation.
Run Redis without key eviction (maxmemory-policy noeviction): an evicted counter restarts from the
record and forgets reservations in flight.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.money import Fen
from bangwo.promo.campaigns import campaign, campaigns
from bangwo.store.tables import CampaignRow

log = logging.getLogger("bangwo.promo")

# KEYS[1]: the counter; ARGV: the amount, the budget, the record (where a missing counter starts).
# Atomic: no other command runs between the check and the increment.
_RESERVE = """
local counted = redis.call('GET', KEYS[1])
if not counted then
  counted = ARGV[3]
  redis.call('SET', KEYS[1], counted)
end
if tonumber(counted) + tonumber(ARGV[1]) > tonumber(ARGV[2]) then
  return 0
end
redis.call('INCRBY', KEYS[1], ARGV[1])
return 1
"""
# A missing counter is left missing: it starts from the record, which already has the amount back.
_GIVE_BACK = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('DECRBY', KEYS[1], ARGV[1])
end
return false
"""


class BudgetCounter:
    """Reserves and gives back campaign budget in Redis; the shape checkout expects of a budget guard."""

    def __init__(self, client: Redis, *, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self._reserve = client.register_script(_RESERVE)
        self._give_back = client.register_script(_GIVE_BACK)

    @classmethod
    def from_url(cls, url: str, *, prefix: str) -> BudgetCounter:
        return cls(Redis.from_url(url, decode_responses=True), prefix=prefix)

    def key(self, campaign_id: str) -> str:
        return f"{self.prefix}campaign:{campaign_id}:reserved_fen"

    async def reserve(self, campaign_id: str, amount_fen: Fen, *, budget_fen: Fen, recorded_fen: Fen) -> bool:
        """Count the amount against the budget if it fits (False: it does not)."""
        if amount_fen <= 0:
            return True
        fits = await self._reserve(keys=[self.key(campaign_id)], args=[amount_fen, budget_fen, recorded_fen])
        return fits == 1

    async def give_back(self, campaign_id: str, amount_fen: Fen) -> None:
        """Uncount an amount. Never raises: a give-back lost to a Redis failure leaves the counter above
        the record, which holds budget back but never overspends, until reconcile repairs it."""
        if amount_fen <= 0:
            return
        try:
            await self._give_back(keys=[self.key(campaign_id)], args=[amount_fen])
        except RedisError:
            log.exception("campaign %s: %s fen could not be given back in Redis; run bangwo campaign reconcile",
                          campaign_id, amount_fen)

    async def counted_fen(self, campaign_id: str) -> Fen | None:
        """What the counter holds; None: it has not started yet."""
        value = await self.client.get(self.key(campaign_id))
        return None if value is None else int(value)

    async def set_counted(self, campaign_id: str, fen: Fen) -> None:
        await self.client.set(self.key(campaign_id), fen)

    async def ping(self) -> None:
        await self.client.ping()

    async def close(self) -> None:
        await self.client.aclose()


@dataclass(frozen=True, slots=True)
class Reconciliation:
    campaign_id: str
    recorded_fen: Fen  # the database's redeemed_fen: the record
    counted_fen: Fen | None  # Redis's counter; None: not started (it starts from the record)
    fixed: bool

    @property
    def agrees(self) -> bool:
        return self.counted_fen is None or self.counted_fen == self.recorded_fen


async def reconcile(session: AsyncSession, counter: BudgetCounter, campaign_id: str | None = None, *,
                    fix: bool = False) -> list[Reconciliation]:
    """Compare the counter with the record, campaign by campaign; `fix` sets a disagreeing counter to the record.

    Run --fix when no confirmation is in flight: one that reserved before the fix and commits after it
    leaves the counter below the record by its amount (the database still refuses any overspend)."""
    rows: list[CampaignRow] = [await campaign(session, campaign_id)] if campaign_id else await campaigns(session)
    results = []
    for row in rows:
        counted = await counter.counted_fen(row.id)
        fixing = fix and counted is not None and counted != row.redeemed_fen
        if fixing:
            await counter.set_counted(row.id, row.redeemed_fen)
        results.append(Reconciliation(row.id, row.redeemed_fen, counted, fixing))
    return results
