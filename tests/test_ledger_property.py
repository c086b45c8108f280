"""For any sequence of orders and cancels, the ledger balances and every balance is its entries' sum."""

from __future__ import annotations

import asyncio
import itertools
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bangwo.commerce.checkout import cancel_order, confirm_proposal
from bangwo.commerce.ledger import entries_sum_fen, wallet_account
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.domain.errors import BangwoError
from bangwo.domain.proposal import Order
from bangwo.people import sign_up
from bangwo.services import Services, start_services
from bangwo.store.tables import Account, LedgerEntry
from tests.conftest import SPRING_FESTIVAL_MORNING
from tests.factories import propose_food

DISHES = ["奶茶", "杨枝甘露", "拿铁", "汉堡", "披萨", "饺子"]  # each enough for its shop to deliver alone
operation = st.one_of(
    st.tuples(st.just("order"), st.sampled_from(DISHES), st.integers(min_value=1, max_value=4)),
    st.tuples(st.just("cancel"), st.integers(min_value=0, max_value=9), st.just(0)),
    st.tuples(st.just("wait"), st.integers(min_value=1, max_value=20), st.just(0)),
)
_phones = (f"1390000{n:04d}" for n in itertools.count())


async def play(services: Services, clock: ManualClock, operations: list[tuple[str, object, int]]) -> None:
    clock.set(SPRING_FESTIVAL_MORNING)  # every example starts on the same morning, with shops open
    async with services.store.transaction() as session:
        person = await sign_up(session, phone=next(_phones), policy=services.sign_up_policy, now=clock.now())
    paid: list[Order] = []
    for kind, what, quantity in operations:
        if kind == "order":
            proposal_id = await propose_food(services, person.user_id, [(str(what), quantity)])
            try:
                order, _ = await confirm_proposal(
                    services.store,
                    user_id=person.user_id,
                    proposal_id=proposal_id,
                    idempotency_key=proposal_id,
                    now=clock.now(),
                    fulfillers=services.assistant.fulfillers,
                )
                paid.append(order)
            except BangwoError as refused:
                assert refused.code == "insufficient_balance"
        elif kind == "cancel" and paid:
            order = paid[int(what) % len(paid)]
            try:
                paid[paid.index(order)] = await cancel_order(
                    services.store,
                    user_id=person.user_id,
                    order_id=order.id,
                    now=clock.now(),
                    fulfillers=services.assistant.fulfillers,
                )
            except BangwoError as refused:
                assert refused.code == "too_late_to_cancel"
        elif kind == "wait":
            clock.advance(timedelta(minutes=int(what)))

    async with services.store.read() as session:
        assert await entries_sum_fen(session) == 0
        sums = dict(
            (
                await session.execute(
                    select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_fen)).group_by(LedgerEntry.account_id)
                )
            ).all()
        )
        balances = dict((await session.execute(select(Account.id, Account.balance_fen))).all())
        assert {a: b for a, b in balances.items() if b} == {a: s for a, s in sums.items() if s}
        wallet = balances[wallet_account(person.user_id)]
    spent = sum(o.pay for o in paid if o.status == "paid")
    assert wallet == services.settings.demo_balance_fen - spent >= 0
    assert sum(1 for o in paid if o.status == "paid" and o.discount) <= 1  # one card, used at most once at a time


def test_ledger_balances_for_any_sequence_of_orders_and_cancels(database_url, tmp_path):
    runner = asyncio.Runner()
    clock = ManualClock(SPRING_FESTIVAL_MORNING)
    services = runner.run(start_services(Settings(database_url=database_url, data_dir=tmp_path), clock))

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(operation, min_size=1, max_size=12))
    def check(operations: list[tuple[str, object, int]]) -> None:
        runner.run(play(services, clock, operations))

    try:
        check()
    finally:
        runner.run(services.close())
        runner.close()
