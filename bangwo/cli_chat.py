"""`bangwo chat` and `bangwo seats`: the assistant in a terminal; cards and seat maps drawn with Rich."""

from __future__ import annotations

import asyncio
import sys

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from bangwo.assistant.conversation import describe_order, is_yes
from bangwo.assistant.desks.movie import seat_words
from bangwo.assistant.desks.travel import describe_leg
from bangwo.config import Settings
from bangwo.domain.cinema import Hall
from bangwo.domain.errors import BangwoError
from bangwo.domain.frame import Lang
from bangwo.domain.money import format_fen
from bangwo.domain.proposal import Proposal
from bangwo.people import sign_up, user_by_phone
from bangwo.services import Services, start_services

# One character a seat, so rows line up in any terminal: the kind when free, else what stops its sale.
_FREE_MARK = {"standard": "o", "vip": "v", "couple": "c", "wheelchair": "w"}


def seat_map_lines(hall: Hall, unavailable: frozenset[str], mine: frozenset[str] = frozenset()) -> list[str]:
    """The hall as Rich-markup text, screen at the top: [@] your seats, x taken, # out of order; free seats
    show their kind (o standard, v VIP, c couple, w wheelchair place). A gap is an aisle."""
    seat_map = hall.seat_map
    first, last = min(s.column for s in seat_map.seats), max(s.column for s in seat_map.seats)
    width = (last - first + 1) * 2 - 1
    lines = [f"    {'银幕 SCREEN'.center(width - 3)}", f"    {'─' * width}"]
    for row in seat_map.rows:
        cells = ["  "] * (last - first + 1)
        for seat in seat_map.row(row):
            if seat.id in mine:
                mark = "[bold green]@[/]"
            elif seat.id in hall.broken_seat_ids:
                mark = "[dim]#[/]"
            elif seat.id in unavailable:
                mark = "[dim]x[/]"
            else:
                mark = _FREE_MARK[seat.kind]
            cells[seat.column - first] = mark + " "
        lines.append(f"{row:>2}  " + "".join(cells).rstrip())
    lines.append(
        "    [bold green]@[/] yours  o free  v VIP  c couple  w wheelchair  [dim]x[/] taken  [dim]#[/] out of order"
    )
    return lines


async def draw_seats(settings: Settings, showing_id: str, mine: frozenset[str], console: Console) -> int:
    services = await start_services(settings)
    try:
        showing, hall, taken = await services.assistant.movies.seat_map(showing_id, services.clock.now())
        unknown = sorted(mine - {seat.id for seat in hall.seat_map.seats})
        if unknown:
            console.print(f"[red]not seats of {hall.name_en}: {', '.join(unknown)}[/]")
            return 2
        console.print(f"[bold]{hall.name_zh} {hall.name_en}[/] · {showing.format} · {showing.start:%Y-%m-%d %H:%M}")
        for line in seat_map_lines(hall, taken - mine, mine):
            console.print(line)
        return 0
    finally:
        await services.close()


def seats_command(settings: Settings, showing_id: str, mine: list[str]) -> int:
    console = Console(highlight=False)
    try:
        return asyncio.run(draw_seats(settings, showing_id, frozenset(mine), console))
    except BangwoError as exc:
        console.print(f"[red]{exc.message}[/]")
        return 2


def proposal_card(proposal: Proposal, lang: Lang) -> Panel:
    zh = lang == "zh"
    table = Table(show_header=True, header_style="bold", box=None, expand=True)
    table.add_column("商品" if zh else "Item")
    table.add_column("选项" if zh else "Options")
    table.add_column("数量" if zh else "Qty", justify="right")
    table.add_column("金额" if zh else "Amount", justify="right")
    for line in proposal.lines:
        seats = line.details.get("seats")
        leg = (describe_leg(line, lang) or "").removeprefix(line.title).strip(" ,")  # the title has its column
        what = seat_words(seats, lang) if seats else leg or line.details.get("options_label", "")
        table.add_row(line.title, what, str(line.quantity), format_fen(line.unit_price * line.quantity))
    table.add_row("", "", "合计" if zh else "Total", format_fen(proposal.total))
    if proposal.discount:
        table.add_row("", "", "免单卡" if zh else "Free-order card", f"-{format_fen(proposal.discount)}")
    table.add_row("", "", "[bold]实付[/]" if zh else "[bold]You pay[/]", f"[bold green]{format_fen(proposal.pay)}[/]")
    merchant = (proposal.merchant or {}).get("name", "")
    delivery = proposal.delivery or {}
    if proposal.domain == "movie":
        details = proposal.lines[0].details
        subtitle = f"{details['hall']} · {details['start'][:16].replace('T', ' ')}"
    elif delivery.get("slot_start"):
        slot = f"{delivery['slot_start'][11:16]}–{delivery['slot_end'][11:16]}"
        subtitle = f"{delivery.get('address', '')} · " + (f"{slot}送达" if zh else f"arrives {slot}")
    elif delivery:
        eta = delivery.get("eta", "")[11:16]
        subtitle = f"{delivery.get('address', '')} · " + (f"预计{eta}送达" if zh else f"arrives around {eta}")
    else:
        subtitle = ""
    return Panel(table, title=f"[bold]{merchant}[/]", subtitle=subtitle)


async def _session(services: Services, phone: str, console: Console) -> str:
    async with services.store.transaction() as session:
        user_id = await user_by_phone(session, phone)
        if user_id is None:
            signed = await sign_up(session, phone=phone, policy=services.sign_up_policy, now=services.clock.now())
            user_id = signed.user_id
            console.print(
                f"[dim]signed up {phone}: ¥25 free-order card and "
                f"{format_fen(services.settings.demo_balance_fen)} in the wallet[/]"
            )
    return user_id


async def run_chat(settings: Settings, phone: str, console: Console) -> int:
    services = await start_services(settings)
    try:
        user_id = await _session(services, phone, console)
        session_id: str | None = None
        console.print("[bold]帮我[/] bangwo — say what you want (empty line or Ctrl-D to leave)")
        while True:
            console.print("[bold cyan]>[/] ", end="")
            line = sys.stdin.readline()
            if not line.strip():
                return 0
            try:
                reply = await services.assistant.chat(user_id, line.strip(), session_id)
            except BangwoError as exc:
                console.print(f"[red]{exc.message}[/]")
                continue
            session_id = reply.session_id
            lang: Lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in line) else "en"
            if reply.proposal is None:
                console.print(reply.reply)
                continue
            console.print(proposal_card(reply.proposal, lang))
            for hold in (h for h in reply.proposal.holds if h.get("kind") == "movie"):
                _, hall, taken = await services.assistant.movies.seat_map(hold["showing_id"], services.clock.now())
                for row in seat_map_lines(hall, taken, frozenset(hold["seats"])):
                    console.print(row)
            for note in reply.proposal.notes:
                console.print(f"[yellow]{note}[/]")
            console.print("确认下单？\\[y/n] " if lang == "zh" else "Confirm? \\[y/n] ", end="")
            answer = sys.stdin.readline().strip().lower()
            if not is_yes(answer):
                console.print("好的，没有下单。" if lang == "zh" else "OK, nothing ordered.")
                continue
            try:
                order, _ = await services.assistant.confirm(
                    user_id, reply.proposal.id, f"cli:{reply.proposal.id}", services.clock.now()
                )
            except BangwoError as exc:
                console.print(f"[red]{exc.message}[/]")
                continue
            console.print(f"[green]{describe_order(order, lang)}[/] [dim]{order.id}[/]")
    finally:
        await services.close()


def chat_command(settings: Settings, phone: str) -> int:
    console = Console(highlight=False)
    try:
        return asyncio.run(run_chat(settings, phone, console))
    except BangwoError as exc:
        console.print(f"[red]{exc.message}[/]")
        return 2
    except KeyboardInterrupt:
        return 130
