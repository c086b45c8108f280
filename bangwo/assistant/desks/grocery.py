"""The grocery desk: reads the supermarkets' free stock, lets the skill make the card, and holds
its units in the store (reading again when another buyer takes the last ones first)."""

from __future__ import annotations

from datetime import datetime

from bangwo.assistant.skills.food import CardOffer, Customer, Refusal
from bangwo.assistant.skills.grocery import GrocerySkill
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.proposal import Proposal
from bangwo.providers.base import GroceryProvider, OutOfStock
from bangwo.store.engine import Store

# Another buyer may take the last units between reading the stock and holding it; read again this often.
HOLD_ATTEMPTS = 5


class GroceryDesk:
    def __init__(
        self, *, store: Store, skill: GrocerySkill, providers: dict[str, GroceryProvider], proposal_seconds: int
    ) -> None:
        self.store = store
        self.skill = skill
        self.providers = providers
        self.proposal_seconds = proposal_seconds

    async def propose(
        self, frame: IntentFrame, *, lang: Lang, customer: Customer, card: CardOffer | None, now: datetime
    ) -> Proposal | Refusal:
        """A card whose units are held until it lapses, or why there is none."""
        baskets, unknown_shop = self.skill.baskets(frame, customer)
        for _ in range(HOLD_ATTEMPTS):
            try:
                async with self.store.transaction() as session:
                    free: dict[str, int] = {}
                    for name, provider in self.providers.items():
                        ids = [i for b in baskets if b.merchant.provider == name for i in b.item_ids()]
                        free |= await provider.free_stock(session, ids, now)
                    outcome = self.skill.propose(
                        frame, baskets, free, unknown_shop=unknown_shop, lang=lang, customer=customer, card=card,
                        now=now, proposal_seconds=self.proposal_seconds,
                    )
                    if isinstance(outcome, Refusal):
                        return outcome
                    hold = outcome.holds[0]
                    await self.providers[hold["provider"]].hold_items(
                        session, hold["items"], hold_id=hold["hold_id"], until=outcome.expires_at, now=now
                    )
                    return outcome
            except OutOfStock:
                continue  # someone was faster: read the shelves again
        return Refusal(
            "刚才有人抢先买走了，请再试一次。" if lang == "zh" else "Someone bought those just now; please try again."
        )
