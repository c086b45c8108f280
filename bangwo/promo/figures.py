"""Live figures of a campaign, overall and hour by hour, counted by the store.

Every count is an SQL aggregate grouped by the Shanghai hour or day, so no table is loaded whole;
only the grouped rows (a few per hour or day) come back. A range includes both ends.

"Active" means the person sent a "help me" command (a chat message of theirs) or placed an order.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import case, func, literal_column, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bangwo.domain.clock import SHANGHAI, local
from bangwo.domain.errors import InvalidInput
from bangwo.promo.campaigns import running_campaign
from bangwo.store.tables import CampaignRow, Card, ChatMessage, ChatSession, OrderRow, User

PLACED = ("paid", "cancelled")  # every order a person confirmed, even one later cancelled
OLD_AGE = 60
MAX_RANGE = timedelta(days=400)  # a campaign runs at most a year; beyond that the hourly series is no use
HOUR_FORMAT = "%Y-%m-%d %H"
DAY_FORMAT = "%Y-%m-%d"
# Shanghai keeps no summer time, so SQLite can move UTC to Shanghai by a constant.
_SQLITE_SHIFT = "'+8 hours'"
_POSTGRES_FORMAT = {HOUR_FORMAT: "YYYY-MM-DD HH24", DAY_FORMAT: "YYYY-MM-DD"}


class HourFigures(BaseModel):
    hour: datetime  # the hour's start, Shanghai time
    commands: int
    orders_placed: int
    orders_paid: int
    gmv_fen: int
    cards_issued: int
    cards_redeemed: int
    redeemed_fen: int  # what the cards redeemed this hour took off their orders (the budget spent)
    new_people: int
    active_people: int


class DayFigures(BaseModel):
    day: date  # Shanghai
    active_people: int  # DAU
    new_people: int
    first_time_aged_60_plus: int


class Cohort(BaseModel):
    """The people who signed up on `day`, and how many of them were active 1 and 7 days later.

    A later day that has not started by the end of the range has no figure yet (None).
    """

    day: date
    people: int
    d1_active: int | None
    d1_rate: float | None
    d7_active: int | None
    d7_rate: float | None


class DomainOrders(BaseModel):
    domain: str
    placed: int
    paid: int
    gmv_fen: int


class BudgetFigures(BaseModel):
    campaign_id: str
    campaign_name: str
    budget_fen: int
    spent_fen: int
    left_fen: int


class Totals(BaseModel):
    commands: int
    orders_placed: int
    orders_paid: int
    gmv_fen: int
    cards_issued: int
    cards_redeemed: int
    redeemed_fen: int
    new_people: int
    active_people: int  # distinct people active anywhere in the range
    first_time_aged_60_plus: int


class Figures(BaseModel):
    since: datetime
    until: datetime
    totals: Totals
    budget: BudgetFigures | None  # the campaign running at `until` (or the last one started before it)
    hours: list[HourFigures]
    days: list[DayFigures]
    cohorts: list[Cohort]
    domains: list[DomainOrders]


def _bucket(column: Any, dialect: str, text_format: str) -> ColumnElement[str]:
    """The Shanghai hour or day of an instant as text ('2026-02-10 09', '2026-02-10'), computed in the store.

    Constants are written into the SQL, not bound, so PostgreSQL sees the same expression in SELECT and GROUP BY.
    """
    if dialect == "sqlite":
        return func.strftime(literal_column(f"'{text_format}'"), column, literal_column(_SQLITE_SHIFT))
    if dialect == "postgresql":
        shanghai = func.timezone(literal_column(f"'{SHANGHAI.key}'"), column)
        return func.to_char(shanghai, literal_column(f"'{_POSTGRES_FORMAT[text_format]}'"))
    raise NotImplementedError(f"figures are counted on SQLite and PostgreSQL, not {dialect}")


def _activity() -> Any:
    """(user_id, at) of every command and every order: what makes a person active."""
    commands = (
        select(ChatSession.user_id.label("user_id"), ChatMessage.created_at.label("at"))
        .join(ChatSession, ChatSession.id == ChatMessage.session_id)
        .where(ChatMessage.role == "person")
    )
    orders = select(OrderRow.user_id.label("user_id"), OrderRow.created_at.label("at"))
    return union_all(commands, orders).subquery("activity")


def _order_sums() -> tuple[ColumnElement[int], ...]:
    """Orders placed, orders paid, and GMV (the total of every order not cancelled)."""
    return (
        func.count(),
        func.sum(case((OrderRow.status == "paid", 1), else_=0)),
        func.sum(case((OrderRow.status != "cancelled", OrderRow.total_fen), else_=0)),
    )


async def _campaign_at(session: AsyncSession, instant: datetime) -> CampaignRow | None:
    return await running_campaign(session, instant) or await session.scalar(
        select(CampaignRow).where(CampaignRow.starts_at <= instant).order_by(CampaignRow.starts_at.desc()).limit(1)
    )


def _aware(instant: datetime) -> datetime:
    """Operators think in Shanghai time: an instant without a zone is read as one."""
    return instant if instant.tzinfo else instant.replace(tzinfo=SHANGHAI)


def _hours(since: datetime, until: datetime) -> list[datetime]:
    hour = local(since).replace(minute=0, second=0, microsecond=0)
    hours = []
    while hour <= until:
        hours.append(hour)
        hour += timedelta(hours=1)
    return hours


def _days(since: datetime, until: datetime) -> list[date]:
    first, last = local(since).date(), local(until).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


async def _counts(session: AsyncSession, statement: Any, keys: int = 1) -> dict[Any, tuple[int, ...]]:
    """Grouped rows as {key: (numbers...)}: the first `keys` columns are the key (a tuple when several)."""
    counts = {}
    for row in await session.execute(statement):
        key = row[0] if keys == 1 else tuple(row[:keys])
        counts[key] = tuple(int(value or 0) for value in row[keys:])  # SUM of no rows is NULL
    return counts


async def live_figures(
    session: AsyncSession, *, now: datetime, since: datetime | None = None, until: datetime | None = None
) -> Figures:
    """The figures from `since` to `until` (default: the running campaign's start to now; never past now)."""
    until = min(_aware(until), now) if until else now
    campaign = await _campaign_at(session, until)
    if since is None:
        since = max(campaign.starts_at, until - MAX_RANGE) if campaign else until - timedelta(days=1)
    since = _aware(since)
    if since >= until:
        raise InvalidInput("since must be before until (and before now)", code="invalid_range")
    if until - since > MAX_RANGE:
        raise InvalidInput(f"a range of at most {MAX_RANGE.days} days", code="invalid_range")

    dialect = session.bind.dialect.name

    def hour_of(column: Any) -> ColumnElement[str]:
        return _bucket(column, dialect, HOUR_FORMAT)

    def day_of(column: Any) -> ColumnElement[str]:
        return _bucket(column, dialect, DAY_FORMAT)

    activity = _activity()
    in_range = activity.c.at.between(since, until)
    counted = await _count_hourly(session, since, until, hour_of, activity)

    day_active = await _counts(
        session,
        select(day_of(activity.c.at), func.count(activity.c.user_id.distinct())).where(in_range).group_by(
            day_of(activity.c.at)
        ),
    )
    active_total = await session.scalar(select(func.count(activity.c.user_id.distinct())).where(in_range)) or 0
    first_time_old = await _first_time_aged(session, since, until, day_of, activity)
    cohorts = await _cohorts(session, since, until, day_of, activity)
    domains = await _domains(session, since, until)

    hours = [
        HourFigures(hour=hour, **{name: values.get(hour.strftime(HOUR_FORMAT), 0) for name, values in counted.items()})
        for hour in _hours(since, until)
    ]
    new_by_day: dict[date, int] = defaultdict(int)
    for hour in hours:
        new_by_day[hour.hour.date()] += hour.new_people
    days = [
        DayFigures(
            day=day,
            active_people=day_active.get(day.strftime(DAY_FORMAT), (0,))[0],
            new_people=new_by_day[day],
            first_time_aged_60_plus=first_time_old.get(day, 0),
        )
        for day in _days(since, until)
    ]
    totals = Totals(
        **{name: sum(getattr(hour, name) for hour in hours) for name in counted if name != "active_people"},
        active_people=active_total,
        first_time_aged_60_plus=sum(day.first_time_aged_60_plus for day in days),
    )
    budget = None
    if campaign is not None:
        budget = BudgetFigures(
            campaign_id=campaign.id,
            campaign_name=campaign.name,
            budget_fen=campaign.budget_fen,
            spent_fen=campaign.redeemed_fen,
            left_fen=max(0, campaign.budget_fen - campaign.redeemed_fen),
        )
    return Figures(
        since=local(since), until=local(until), totals=totals, budget=budget, hours=hours, days=days, cohorts=cohorts,
        domains=domains,
    )


async def _count_hourly(
    session: AsyncSession, since: datetime, until: datetime, hour_of: Any, activity: Any
) -> dict[str, dict[str, int]]:
    """{figure: {'2026-02-10 09': n}} for every figure counted hour by hour."""
    commands_hour = hour_of(ChatMessage.created_at)
    commands = await _counts(
        session,
        select(commands_hour, func.count())
        .where(ChatMessage.role == "person", ChatMessage.created_at.between(since, until))
        .group_by(commands_hour),
    )
    orders_hour = hour_of(OrderRow.created_at)
    orders = await _counts(
        session,
        select(orders_hour, *_order_sums())
        .where(OrderRow.status.in_(PLACED), OrderRow.created_at.between(since, until))
        .group_by(orders_hour),
    )
    issued_hour = hour_of(Card.issued_at)
    issued = await _counts(
        session,
        select(issued_hour, func.count()).where(Card.issued_at.between(since, until)).group_by(issued_hour),
    )
    # A card has no redemption time of its own: it was redeemed when the order it paid for was placed.
    redeemed = await _counts(
        session,
        select(orders_hour, func.count(), func.sum(OrderRow.discount_fen))
        .select_from(Card)
        .join(OrderRow, OrderRow.id == Card.order_id)
        .where(Card.status == "redeemed", OrderRow.created_at.between(since, until))
        .group_by(orders_hour),
    )
    joined_hour = hour_of(User.created_at)
    joined = await _counts(
        session,
        select(joined_hour, func.count()).where(User.created_at.between(since, until)).group_by(joined_hour),
    )
    active_hour = hour_of(activity.c.at)
    active = await _counts(
        session,
        select(active_hour, func.count(activity.c.user_id.distinct()))
        .where(activity.c.at.between(since, until))
        .group_by(active_hour),
    )

    def nth(values: dict[Any, tuple[int, ...]], position: int) -> dict[str, int]:
        return {hour: numbers[position] for hour, numbers in values.items()}

    return {
        "commands": nth(commands, 0),
        "orders_placed": nth(orders, 0),
        "orders_paid": nth(orders, 1),
        "gmv_fen": nth(orders, 2),
        "cards_issued": nth(issued, 0),
        "cards_redeemed": nth(redeemed, 0),
        "redeemed_fen": nth(redeemed, 1),
        "new_people": nth(joined, 0),
        "active_people": nth(active, 0),
    }


async def _first_time_aged(
    session: AsyncSession, since: datetime, until: datetime, day_of: Any, activity: Any
) -> dict[date, int]:
    """Per Shanghai day: people aged 60 or more that year whose first activity ever fell on that day."""
    latest_birth_year = local(until).year - OLD_AGE  # nobody born later is 60 on any day of the range
    first = (
        select(activity.c.user_id.label("user_id"), func.min(activity.c.at).label("first_at"))
        .join(User, User.id == activity.c.user_id)
        .where(User.birth_year <= latest_birth_year)
        .group_by(activity.c.user_id)
        .subquery("first_activity")
    )
    first_day = day_of(first.c.first_at)
    rows = await session.execute(
        select(first_day, User.birth_year, func.count())
        .join(User, User.id == first.c.user_id)
        .where(first.c.first_at.between(since, until))
        .group_by(first_day, User.birth_year)
    )
    counts: dict[date, int] = defaultdict(int)
    for day_text, birth_year, people in rows:
        day = date.fromisoformat(day_text)
        if birth_year <= day.year - OLD_AGE:
            counts[day] += people
    return counts


async def _cohorts(session: AsyncSession, since: datetime, until: datetime, day_of: Any, activity: Any
                   ) -> list[Cohort]:
    """D1 and D7 retention of each day's sign-ups: the share of them active 1 and 7 Shanghai days later."""
    joined_day = day_of(User.created_at)
    sizes = await _counts(
        session,
        select(joined_day, func.count()).where(User.created_at.between(since, until)).group_by(joined_day),
    )
    # Distinct (person, day) pairs first, so counting rows counts people.
    active_days = (
        select(activity.c.user_id.label("user_id"), day_of(activity.c.at).label("day"))
        .where(activity.c.at.between(since, until))
        .distinct()
        .subquery("active_days")
    )
    # Grouped by (sign-up day, active day): at most days × days rows, whatever the number of people.
    active = await _counts(
        session,
        select(joined_day, active_days.c.day, func.count())
        .join(active_days, active_days.c.user_id == User.id)
        .where(User.created_at.between(since, until))
        .group_by(joined_day, active_days.c.day),
        keys=2,
    )

    def retained(day: date, offset: int) -> int | None:
        later = day + timedelta(days=offset)
        if _day_start(later) > until:
            return None
        return active.get((day.strftime(DAY_FORMAT), later.strftime(DAY_FORMAT)), (0,))[0]

    cohorts = []
    for day_text, (people,) in sorted(sizes.items()):
        day = date.fromisoformat(day_text)
        d1, d7 = retained(day, 1), retained(day, 7)
        cohorts.append(
            Cohort(
                day=day,
                people=people,
                d1_active=d1,
                d1_rate=None if d1 is None else d1 / people,
                d7_active=d7,
                d7_rate=None if d7 is None else d7 / people,
            )
        )
    return cohorts


async def _domains(session: AsyncSession, since: datetime, until: datetime) -> list[DomainOrders]:
    per_domain = await _counts(
        session,
        select(OrderRow.domain, *_order_sums())
        .where(OrderRow.status.in_(PLACED), OrderRow.created_at.between(since, until))
        .group_by(OrderRow.domain),
    )
    domains = [
        DomainOrders(domain=domain, placed=placed, paid=paid, gmv_fen=gmv_fen)
        for domain, (placed, paid, gmv_fen) in per_domain.items()
    ]
    return sorted(domains, key=lambda d: (-d.placed, d.domain))
