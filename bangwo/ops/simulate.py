"""`bangwo simulate`: a synthetic population lives through a campaign against the real services and store.

People arrive over the campaign's days, most on its first night; each invites friends (most
none or one, a few dozens), who join hours later from their own phones; a few run invitation
farms from one device. Every day some come back and say what they want, in Chinese or English;
the assistant answers as it would anyone, they answer its questions, and most confirm the card.
Time is simulated: every event runs at its own instant on a manual clock, in order, so a run is
repeatable for a seed. At the end the campaign's figures are printed.
"""

from __future__ import annotations

import heapq
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bangwo.config import Settings
from bangwo.domain.clock import ManualClock, local
from bangwo.domain.errors import BangwoError
from bangwo.domain.money import format_fen
from bangwo.people import sign_up_recorded
from bangwo.promo.figures import Figures, live_figures
from bangwo.services import Services, start_services

# What people say, by what they want; {city} is filled with where they live.
COMMANDS: dict[str, tuple[str, ...]] = {
    "food": (
        "帮我点两杯少糖去冰的杨枝甘露",
        "来一杯大杯珍珠奶茶，少糖",
        "帮我点一份宫保鸡丁和一碗米饭",
        "点个麦辣鸡腿堡套餐",
        "help me order a large bubble tea, less sugar, no ice",
        "order two beef noodles",
        "a latte and a croissant please",
    ),
    "grocery": (
        "帮我买一盒鸡蛋、两瓶牛奶和一箱可乐",
        "买两副春联和十张福字",
        "buy a nut gift box and a bag of rice",
        "买两盒草莓",
        "buy a box of eggs and two bottles of milk",
    ),
    "movie": (
        "帮我买两张惊蛰无声首映的票，最后一排，晚上八点左右",
        "two tickets for Star Wanderer tonight",
        "买一张团圆饭的票，明天晚上",
        "three tickets for Run Little Bear tomorrow afternoon",
    ),
    "travel": (
        "帮我订明天上午去上海的机票",
        "订一间西湖附近的酒店，两晚，从明天开始",
        "book a hotel near the Bund for two nights",
        "fly me to Sanya on Friday",
    ),
    "status": ("我的奶茶到哪了", "我的电影票订好了吗", "where is my order?", "我的超市订单到哪了"),
    "chat": ("你好", "帮我写一副春联", "what can you do?", "今天天气怎么样"),
}
COMMAND_WEIGHTS = {"food": 50, "grocery": 14, "movie": 10, "travel": 4, "status": 12, "chat": 10}
CITIES = (
    ("hangzhou", "杭州市西湖区文三路{n}号"),
    ("shanghai", "上海市黄浦区南京东路{n}号"),
    ("beijing", "北京市东城区王府井大街{n}号"),
)
# The share of the campaign's arrivals on each day: the launch night carries the most.
DAY_SHARE = (0.34, 0.2, 0.15, 0.12, 0.1, 0.09)
# The chance that someone active on day d comes back on day d+1, falling as the novelty wears off.
RETURN_CHANCE = (0.55, 0.45, 0.4, 0.35, 0.33, 0.3)
CONFIRM_CHANCE = 0.75
ORGANIC_SHARE = 0.35  # the rest arrive through an invitation
FARM_SHARE = 0.005  # of people, run a farm: many sign-ups from one device within minutes
FARM_SIZE = 20
AGED_60_PLUS = 0.08


@dataclass(order=True)
class Event:
    at: datetime
    seq: int
    kind: str = field(compare=False)  # "join" | "command"
    person: int = field(compare=False)
    text: str = field(default="", compare=False)


@dataclass
class Person:
    index: int
    phone: str
    device: str
    city: tuple[str, str]
    birth_year: int
    ip: str
    invited_by: int | None = None
    user_id: str | None = None
    invite_code: str | None = None


@dataclass
class SimulationResult:
    people: int
    signed_up: int
    refused_sign_ups: int
    commands: int
    proposals: int
    orders: int
    orders_by_domain: Counter[str]
    seconds: float
    events: int


class Simulation:
    def __init__(self, services: Services, clock: ManualClock, *, people: int, days: int, seed: int) -> None:
        self.services, self.clock = services, clock
        self.random = random.Random(seed)
        self.days = days
        self.start = clock.now()
        self.queue: list[Event] = []
        self.seq = 0
        self.people: list[Person] = []
        self.sessions: dict[int, str] = {}
        self.tally: Counter[str] = Counter()
        self.orders_by_domain: Counter[str] = Counter()
        self._plan(people)

    def _push(self, at: datetime, kind: str, person: int, text: str = "") -> None:
        self.seq += 1
        heapq.heappush(self.queue, Event(at, self.seq, kind, person, text))

    def _arrival(self) -> datetime:
        """A moment in the campaign, most on its first night and in the evenings."""
        day = self.random.choices(range(self.days), weights=DAY_SHARE[: self.days] or None)[0]
        hour = self.random.choices(
            range(24), weights=[2, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 7, 6, 5, 5, 6, 7, 8, 9, 10, 10, 8, 5]
        )[0]
        return self.start + timedelta(days=day, hours=hour, minutes=self.random.uniform(0, 60))

    def _new_person(self, invited_by: int | None, device: str | None = None) -> Person:
        index = len(self.people)
        # A carrier's address blocks are shared by many; a farm works from one address.
        ip = f"10.{self.random.randint(0, 255)}.{self.random.randint(0, 255)}.{self.random.randint(1, 254)}"
        if device is not None and invited_by is not None:
            ip = self.people[invited_by].ip
        person = Person(
            index=index,
            phone=f"13{self.random.randint(0, 9)}{index:08d}",
            device=device or f"dev-{index}-{self.random.getrandbits(32):08x}",
            city=self.random.choice(CITIES),
            birth_year=self.random.randint(1940, 1965)
            if self.random.random() < AGED_60_PLUS
            else self.random.randint(1966, 2006),
            invited_by=invited_by,
            ip=ip,
        )
        self.people.append(person)
        return person

    def _plan(self, total: int) -> None:
        """Organic arrivals; the invitation trees grow from them as people join (see _join)."""
        self.target = total
        for _ in range(max(1, round(total * ORGANIC_SHARE))):
            person = self._new_person(None)
            self._push(self._arrival(), "join", person.index)

    def _friends(self) -> int:
        """How many friends a person brings: most none or one, a few a great many (a heavy tail)."""
        if self.random.random() < 0.02:
            return self.random.randint(8, 30)
        return min(6, int(self.random.expovariate(1 / 1.1)))

    async def run(self, progress: Callable[[int, int], None] | None = None) -> SimulationResult:
        began = time.perf_counter()
        handled = 0
        end = self.start + timedelta(days=self.days)
        while self.queue:
            event = heapq.heappop(self.queue)
            if event.at >= end:
                continue
            self.clock.set(max(event.at, self.clock.now()))
            if event.kind == "join":
                await self._join(event.person)
            else:
                await self._say(event.person, event.text)
            handled += 1
            if progress:
                progress(handled, handled + len(self.queue))
        if progress:
            progress(handled, handled)  # what was left fell after the campaign's end
        return SimulationResult(
            people=self.target,
            signed_up=self.tally["signed_up"],
            refused_sign_ups=self.tally["refused"],
            commands=self.tally["commands"],
            proposals=self.tally["proposals"],
            orders=self.tally["orders"],
            orders_by_domain=self.orders_by_domain,
            seconds=time.perf_counter() - began,
            events=handled,
        )

    async def _join(self, index: int) -> None:
        person = self.people[index]
        inviter = self.people[person.invited_by] if person.invited_by is not None else None
        now = self.clock.now()
        try:
            signed = await sign_up_recorded(
                self.services.store,
                phone=person.phone,
                policy=self.services.sign_up_policy,
                now=now,
                birth_year=person.birth_year,
                device_id=person.device,
                ip=person.ip,
                invite_code=inviter.invite_code if inviter else None,
            )
        except BangwoError:
            self.tally["refused"] += 1
            return
        person.user_id, person.invite_code = signed.user_id, signed.invite_code
        self.tally["signed_up"] += 1
        self._plan_days(person, now)
        if self.random.random() < FARM_SHARE:
            for _ in range(FARM_SIZE):  # one device, many "friends", within minutes
                self._invite(person, now + timedelta(minutes=self.random.uniform(1, 20)), device=f"farm-{index}")
        for _ in range(self._friends()):
            self._invite(person, now + timedelta(hours=self.random.expovariate(1 / 6)))

    def _invite(self, inviter: Person, at: datetime, device: str | None = None) -> None:
        if len(self.people) >= self.target:
            return
        friend = self._new_person(inviter.index, device)
        self._push(at, "join", friend.index)

    def _plan_days(self, person: Person, joined: datetime) -> None:
        """The days this person comes back, and what they say each time."""
        day, at = 0, joined
        while True:
            for _ in range(self.random.randint(1, 3)):
                kind = self.random.choices(list(COMMAND_WEIGHTS), weights=list(COMMAND_WEIGHTS.values()))[0]
                moment = at + timedelta(minutes=self.random.uniform(1, 180))
                self._push(moment, "command", person.index, self.random.choice(COMMANDS[kind]))
            if self.random.random() > RETURN_CHANCE[min(day, len(RETURN_CHANCE) - 1)]:
                return
            day += 1
            at = local(joined).replace(hour=self.random.randint(8, 22)) + timedelta(days=day)

    async def _say(self, index: int, text: str) -> None:
        person = self.people[index]
        assert person.user_id is not None
        assistant = self.services.assistant
        self.tally["commands"] += 1
        reply = await assistant.chat(person.user_id, text, self.sessions.get(index))
        self.sessions[index] = reply.session_id
        for _ in range(3):  # answer what it asks: the address, the city, the passenger
            if reply.state != "need_info":
                break
            reply = await assistant.chat(person.user_id, self._answer(person, reply.reply), reply.session_id)
        if reply.state == "proposal" and reply.proposal is not None:
            self.tally["proposals"] += 1
            if self.random.random() < CONFIRM_CHANCE:
                done = await assistant.chat(
                    person.user_id, "好的" if reply.proposal.lang == "zh" else "yes", reply.session_id
                )
                if done.state == "done" and done.order is not None:
                    self.tally["orders"] += 1
                    self.orders_by_domain[done.order.domain] += 1

    def _answer(self, person: Person, question: str) -> str:
        city_id, street = person.city
        if "地址" in question or "Where should it go" in question:
            return street.format(n=person.index % 500 + 1)
        if "城市" in question or "city" in question.lower():
            return {"hangzhou": "杭州", "shanghai": "上海", "beijing": "北京"}[city_id]
        if "姓名" in question or "name" in question:
            return f"乘客{person.index}"
        return "算了"


async def run_simulation(settings: Settings, *, people: int, days: int, seed: int, start: datetime) -> int:
    """Run a simulation on the configured store with a progress bar, then print what happened."""
    console = Console(highlight=False)
    clock = ManualClock(start)
    services = await start_services(settings, clock)
    try:
        simulation = Simulation(services, clock, people=people, days=days, seed=seed)
        with Progress(
            TextColumn("[bold]simulating[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("events"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[when]}"),
            console=console,
        ) as bar:
            task = bar.add_task("events", total=None, when="")

            def show(done: int, total: int) -> None:
                if done % 50 == 0 or done == total:
                    bar.update(task, completed=done, total=total, when=f"{local(clock.now()):%m-%d %H:%M}")

            result = await simulation.run(show)
        console.print(result_table(result))
        async with services.store.read() as session:
            figures = await live_figures(session, now=clock.now(), since=start, until=clock.now())
        console.print(figures_table(figures))
        return 0
    finally:
        await services.close()


def result_table(result: SimulationResult) -> Table:
    table = Table(title="simulation", show_header=False)
    rows = [
        ("people planned", f"{result.people:,}"),
        ("signed up", f"{result.signed_up:,}"),
        ("sign-ups refused", f"{result.refused_sign_ups:,}"),
        ("commands", f"{result.commands:,}"),
        ("cards shown (proposals)", f"{result.proposals:,}"),
        ("orders", f"{result.orders:,}"),
        ("orders by domain", ", ".join(f"{d} {n:,}" for d, n in result.orders_by_domain.most_common())),
        ("events", f"{result.events:,} in {result.seconds:.1f} s ({result.events / max(result.seconds, 1e-9):.0f}/s)"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def figures_table(figures: Figures) -> Table:
    """The campaign as its operator sees it (the same figures as `bangwo stats` and the operator page)."""
    totals = figures.totals
    table = Table(title="the campaign's figures", show_header=False)
    table.add_row("commands", f"{totals.commands:,}")
    table.add_row("orders placed / paid", f"{totals.orders_placed:,} / {totals.orders_paid:,}")
    table.add_row("GMV", format_fen(totals.gmv_fen))
    table.add_row("cards issued / redeemed", f"{totals.cards_issued:,} / {totals.cards_redeemed:,}")
    if figures.budget:
        budget = figures.budget
        table.add_row("budget spent / left", f"{format_fen(budget.spent_fen)} / {format_fen(budget.left_fen)}")
    table.add_row("new people", f"{totals.new_people:,}")
    table.add_row("DAU by day", ", ".join(f"{d.day:%m-%d} {d.active_people:,}" for d in figures.days))
    table.add_row("first-time aged 60+", f"{sum(d.first_time_aged_60_plus for d in figures.days):,}")
    d1 = [c.d1_rate for c in figures.cohorts if c.d1_rate is not None]
    table.add_row("D1 retention (mean of cohorts)", f"{sum(d1) / len(d1):.0%}" if d1 else "-")
    table.add_row("orders by domain", ", ".join(f"{d.domain} {d.placed:,}" for d in figures.domains))
    peak = max(figures.hours, key=lambda h: h.commands, default=None)
    if peak is not None:
        busiest = f"{peak.hour:%m-%d %H:00}: {peak.commands:,} commands, {peak.orders_placed:,} orders"
        table.add_row("busiest hour", busiest)
    return table
