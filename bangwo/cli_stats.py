"""`bangwo stats`: the campaign's live figures from the configured store, as Rich tables and sparklines or JSON."""

from __future__ import annotations

import asyncio
from datetime import datetime

from rich.console import Console
from rich.table import Table

from bangwo.config import Settings
from bangwo.domain.errors import BangwoError
from bangwo.domain.money import format_fen
from bangwo.promo.figures import Figures, HourFigures, live_figures
from bangwo.store.engine import Store

_BARS = "▁▂▃▄▅▆▇█"
# The hourly series drawn as sparklines: (label, the figure, shown as money).
_SERIES: tuple[tuple[str, str, bool], ...] = (
    ("commands", "commands", False),
    ("orders placed", "orders_placed", False),
    ("orders paid", "orders_paid", False),
    ("GMV", "gmv_fen", True),
    ("cards issued", "cards_issued", False),
    ("cards redeemed", "cards_redeemed", False),
    ("budget spent", "redeemed_fen", True),
    ("new people", "new_people", False),
    ("active people", "active_people", False),
)


def sparkline(values: list[int]) -> str:
    """One bar a value, scaled to the largest; only an empty hour gets the lowest bar."""
    top = max(values, default=0)
    steps = len(_BARS) - 2
    return "".join(_BARS[0] if value <= 0 else _BARS[1 + value * steps // top] for value in values)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def summary_table(figures: Figures) -> Table:
    t = figures.totals
    table = Table(title=f"{figures.since:%Y-%m-%d %H:%M} → {figures.until:%Y-%m-%d %H:%M} (Shanghai)")
    table.add_column("figure", no_wrap=True)
    table.add_column("value", justify="right")
    rows = [
        ("help-me commands", str(t.commands)),
        ("AI orders placed", str(t.orders_placed)),
        ("AI orders paid", str(t.orders_paid)),
        ("GMV", format_fen(t.gmv_fen)),
        ("cards issued", str(t.cards_issued)),
        ("cards redeemed", f"{t.cards_redeemed} ({format_fen(t.redeemed_fen)})"),
        ("new people", str(t.new_people)),
        ("active people", str(t.active_people)),
        ("first-time users aged 60+", str(t.first_time_aged_60_plus)),
    ]
    if figures.budget is not None:
        b = figures.budget
        rows += [
            (f"budget of {b.campaign_id}", format_fen(b.budget_fen)),
            ("budget spent", format_fen(b.spent_fen)),
            ("budget left", format_fen(b.left_fen)),
        ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def hourly_table(hours: list[HourFigures]) -> Table:
    """A sparkline a figure over the hours shown, with its largest hour."""
    table = Table(title=f"hour by hour, {hours[0].hour:%m-%d %H}:00 → {hours[-1].hour:%m-%d %H}:00")
    table.add_column("figure", no_wrap=True)
    table.add_column("hours", no_wrap=True)
    table.add_column("peak", justify="right", no_wrap=True)
    for label, name, money in _SERIES:
        values = [getattr(hour, name) for hour in hours]
        peak = max(values, default=0)
        table.add_row(label, sparkline(values), format_fen(peak) if money else str(peak))
    return table


def daily_table(figures: Figures) -> Table:
    cohorts = {cohort.day: cohort for cohort in figures.cohorts}
    table = Table(title="day by day")
    for name in ("day", "DAU", "new", "first-time 60+", "D1", "D7"):
        table.add_column(name, justify="left" if name == "day" else "right")
    for day in figures.days:
        cohort = cohorts.get(day.day)
        table.add_row(
            day.day.isoformat(),
            str(day.active_people),
            str(day.new_people),
            str(day.first_time_aged_60_plus),
            _percent(cohort.d1_rate) if cohort else "—",
            _percent(cohort.d7_rate) if cohort else "—",
        )
    return table


def domains_table(figures: Figures) -> Table:
    table = Table(title="orders per domain")
    for name in ("domain", "placed", "paid", "GMV"):
        table.add_column(name, justify="left" if name == "domain" else "right")
    for domain in figures.domains:
        table.add_row(domain.domain, str(domain.placed), str(domain.paid), format_fen(domain.gmv_fen))
    return table


async def _figures(settings: Settings, since: datetime | None, until: datetime | None) -> Figures:
    store = Store(settings.resolved_database_url())
    try:
        await store.migrate()  # a fresh store answers with zeros rather than a missing table
        async with store.read() as session:
            return await live_figures(session, now=settings.clock().now(), since=since, until=until)
    finally:
        await store.close()


def stats_command(settings: Settings, since: str | None, until: str | None, as_json: bool) -> int:
    console = Console(highlight=False)
    try:
        since_at = datetime.fromisoformat(since) if since else None
        until_at = datetime.fromisoformat(until) if until else None
    except ValueError as exc:
        console.print(f"[red]--since/--until: {exc} (ISO-8601, e.g. 2026-02-10T10:00:00+08:00)[/]")
        return 2
    try:
        figures = asyncio.run(_figures(settings, since_at, until_at))
    except BangwoError as exc:
        console.print(f"[red]{exc.message}[/]")
        return 2
    if as_json:
        print(figures.model_dump_json())
        return 0
    console.print(summary_table(figures))
    # As many of the latest hours as fit beside the labels and the peaks (and the table's borders).
    shown = figures.hours[-max(12, console.width - 45):]
    console.print(hourly_table(shown))
    console.print(daily_table(figures))
    if figures.domains:
        console.print(domains_table(figures))
    return 0
