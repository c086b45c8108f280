"""`bangwo ...`: serve, chat, parse."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from bangwo import __version__

if TYPE_CHECKING:
    from bangwo.config import Settings

SIMULATION_START = datetime.fromisoformat("2026-02-10T00:00:00+08:00")  # the Spring Festival campaign's launch


def _parse_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.providers.registry import load_registry
    from bangwo.understand import Lexicon, Parser

    parser = Parser(Lexicon.from_catalogues(load_registry().catalogues()))
    clock = settings.clock()
    if args.jsonl:
        for line_number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                now = datetime.fromisoformat(request["now"]) if request.get("now") else clock.now()
                result = parser.parse(str(request.get("text", "")), now).to_json_dict()
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                result = {"error": {"code": "invalid_input", "message": f"line {line_number}: {exc}"}}
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return 0
    if args.text is None:
        print("bangwo parse: give the text (bangwo parse --json '帮我点一杯奶茶') or --jsonl on stdin", file=sys.stderr)
        return 2
    now = datetime.fromisoformat(args.now) if args.now else clock.now()
    result = parser.parse(args.text, now).to_json_dict()
    indent = None if args.json else 2
    print(json.dumps(result, ensure_ascii=False, indent=indent))
    return 0


def _serve_command(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    import uvicorn

    from bangwo.api.app import create_app
    from bangwo.services import prepare_store

    host, port = args.host or settings.host, args.port or settings.port
    workers = args.workers or settings.workers
    url = settings.resolved_database_url()
    print(f"bangwo on http://{host}:{port}  (store: {url}, {workers} worker{'s' * (workers > 1)})", file=sys.stderr)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
        return 0
    if url.startswith("sqlite"):
        print("bangwo: several workers share one SQLite file and queue on its write lock; "
              "scale out over PostgreSQL (BANGWO_DATABASE_URL)", file=sys.stderr)
    # Migrate, publish the catalogues and start the default campaign once, before the workers start
    # (they would race to do it); each worker then finds the store ready and keeps no state of its own.
    asyncio.run(prepare_store(settings))
    # Each worker builds its app from the same BANGWO_* environment; a worker that dies is replaced.
    uvicorn.run("bangwo.api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning")
    return 0


def _chat_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.cli_chat import chat_command

    return chat_command(settings, args.phone)


def _seats_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.cli_chat import seats_command

    return seats_command(settings, args.showing, [seat.strip() for seat in args.mark.split(",") if seat.strip()])


def _stats_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.cli_stats import stats_command

    return stats_command(settings, args.since, args.until, args.json)


def _simulate_command(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bangwo.ops.simulate import run_simulation

    if args.people < 1 or args.days < 1:
        print("bangwo simulate: --people and --days must be at least 1", file=sys.stderr)
        return 2
    start = datetime.fromisoformat(args.start) if args.start else settings.now or SIMULATION_START
    if start.tzinfo is None:
        print("bangwo simulate: --start needs a timezone, e.g. 2026-02-10T00:00:00+08:00", file=sys.stderr)
        return 2
    if not settings.database_url:  # never mix a simulated population into the real embedded store
        settings = settings.model_copy(update={"data_dir": settings.data_dir / "simulation"})
        (settings.data_dir / "bangwo.db").unlink(missing_ok=True)
    return asyncio.run(run_simulation(settings, people=args.people, days=args.days, seed=args.seed, start=start))


def _worker_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.cli_worker import worker_command
    from bangwo.commerce.outbox import MAX_BATCH_SIZE

    if not 1 <= args.batch <= MAX_BATCH_SIZE:
        print(f"bangwo worker: --batch must be 1 to {MAX_BATCH_SIZE}", file=sys.stderr)
        return 2
    if not 0.01 <= args.poll_seconds <= 3600:
        print("bangwo worker: --poll-seconds must be 0.01 to 3600", file=sys.stderr)
        return 2
    return worker_command(settings, batch_size=args.batch, poll_seconds=args.poll_seconds, once=args.once)


def build_parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="bangwo",
        description="帮我 (help me): say what you want; bangwo finds it, shows one card, and orders it.",
    )
    root.add_argument("--version", action="version", version=f"bangwo {__version__}")
    commands = root.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="turn a command into intent frames (offline, no model)",
        description="Print the intent frames of a command as DESIGN.md's contract states them.",
    )
    parse.add_argument("text", nargs="?", help="the command, e.g. 帮我点两杯少糖去冰的杨枝甘露")
    parse.add_argument("--json", action="store_true", help="one line of JSON instead of indented")
    parse.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"text": ..., "now": ISO-8601} per line from stdin, write one result per line',
    )
    parse.add_argument("--now", help="resolve dates against this ISO-8601 instant (default: the clock)")
    parse.set_defaults(run=_parse_command)

    serve = commands.add_parser(
        "serve",
        help="start the HTTP API and web page",
        description="Serve the API (/docs, /openapi.json) and the chat page at /. "
        "Configure with BANGWO_DATABASE_URL, BANGWO_DATA_DIR, BANGWO_NOW, BANGWO_HOST, BANGWO_PORT; under a surge, "
        "BANGWO_MAX_IN_FLIGHT, BANGWO_MAX_QUEUE and BANGWO_RATE_* set when a request is told to retry (429/503).",
    )
    serve.add_argument("--host", help="address to listen on (default BANGWO_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default BANGWO_PORT or 8000)")
    serve.add_argument(
        "--workers", type=int, choices=range(1, 65), metavar="N",
        help="worker processes, 1 to 64 (default BANGWO_WORKERS or 1); for more than one, use PostgreSQL "
        "and BANGWO_REDIS_URL so every worker shares the rate limits",
    )
    serve.set_defaults(run=_serve_command)

    chat = commands.add_parser(
        "chat",
        help="talk to the assistant in this terminal",
        description="Chat as the person with this phone number (signed up on first use). "
        "Lines come from stdin, so a conversation can be piped in.",
    )
    chat.add_argument("--phone", required=True, help="mainland mobile number, e.g. 13800138000")
    chat.set_defaults(run=_chat_command)

    seats = commands.add_parser(
        "seats",
        help="draw a showing's seat map in the terminal",
        description="Draw which seats of a showing are free, taken or out of order "
        "(the showing id is in a movie card's holds, e.g. demo-hangzhou-starlight-2@2026-02-10T2000).",
    )
    seats.add_argument("showing", help="the showing id")
    seats.add_argument("--mark", default="", help="seats to mark as yours, e.g. 11-7,11-8")
    seats.set_defaults(run=_seats_command)

    stats = commands.add_parser(
        "stats",
        help="the campaign's live figures, overall and hour by hour",
        description="Commands, AI orders, GMV, cards, budget, DAU, new people, D1/D7 retention, first-time users "
        "aged 60+ and orders per domain, from the configured store (BANGWO_DATABASE_URL or DATA_DIR).",
    )
    stats.add_argument("--since", help="ISO-8601 start (default: the running campaign's start; no zone: Shanghai)")
    stats.add_argument("--until", help="ISO-8601 end (default: now)")
    stats.add_argument("--json", action="store_true", help="the figures as one line of JSON")
    stats.set_defaults(run=_stats_command)

    simulate = commands.add_parser(
        "simulate",
        help="a synthetic population lives through the campaign (the operator's twin)",
        description="People sign up over the campaign's days (most on its first night), invite friends, come back "
        "and order in both languages, against the real services and store, on a simulated clock. The embedded "
        "store is a fresh file in DATA_DIR/simulation; with BANGWO_DATABASE_URL set, that database is used.",
    )
    simulate.add_argument("--people", type=int, default=10_000, help="population size (default 10000)")
    simulate.add_argument("--days", type=int, default=6, help="campaign days to live through (default 6)")
    simulate.add_argument("--seed", type=int, default=1, help="the same seed gives the same run (default 1)")
    simulate.add_argument("--start", help="ISO-8601 campaign start (default BANGWO_NOW or 2026-02-10T00:00+08:00)")
    simulate.set_defaults(run=_simulate_command)

    worker = commands.add_parser(
        "worker",
        help="deliver order events to fulfilment and the figures (run beside serve)",
        description="The outbox relay. Every paid, cancelled or failed order leaves an event in the store; the "
        "worker hands each, oldest first and at least once, to fulfilment (the merchant's dispatch) and to the "
        "figures' hourly counters, which ignore an event they already took. A restarted worker resumes from the first "
        "undelivered event; several can run at once over PostgreSQL. An event a consumer refuses is retried after "
        "2 s, 4 s, 8 s ... up to 10 minutes, while later events go on. SIGINT/SIGTERM finish the batch in hand and "
        "exit 0. Progress goes to stderr. Store from BANGWO_DATABASE_URL or BANGWO_DATA_DIR.",
    )
    worker.add_argument("--batch", type=int, default=100, help="events per transaction, 1 to 1000 (default 100)")
    worker.add_argument(
        "--poll-seconds", type=float, default=1.0, help="how long to wait for new events when idle (default 1)"
    )
    worker.add_argument(
        "--once",
        action="store_true",
        help="deliver what is due now and exit: 0 when all of it was delivered, 1 when an event was refused",
    )
    worker.set_defaults(run=_worker_command)

    from bangwo.cli_campaign import add_campaign_command

    add_campaign_command(commands)
    from bangwo.cli_loadtest import add_loadtest_commands

    add_loadtest_commands(commands)
    return root


def main(argv: list[str] | None = None) -> int:
    root = build_parser()
    args = root.parse_args(argv)
    if not getattr(args, "run", None):
        root.print_help()
        return 2
    from pydantic import ValidationError

    from bangwo.config import Settings

    try:
        settings = Settings()
    except ValidationError as exc:  # a BANGWO_* variable that cannot be read
        for error in exc.errors():
            name = "BANGWO_" + "_".join(str(part) for part in error["loc"]).upper()
            print(f"bangwo: {name}: {error['msg']}", file=sys.stderr)
        return 2
    return int(args.run(args, settings))


if __name__ == "__main__":
    sys.exit(main())
