"""`bangwo loadtest`, `bangwo check-invariants` and `bangwo chaos`: the launch night against a running bangwo, the
check of every invariant of its store (after a load test, a chaos run, or any time), and the launch night with
workers, PostgreSQL and Redis breaking under it, end to end.

Importing this module is cheap (argparse only): httpx, rich and the store load when a subcommand runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bangwo.ops.schedule import Schedule

if TYPE_CHECKING:
    from bangwo.config import Settings
    from bangwo.ops.invariants import InvariantReport

_STORE_HELP = ("the store the server writes, to check (default BANGWO_DATABASE_URL, or DATA_DIR/bangwo.db: "
               "what `bangwo serve` uses with the same settings)")


def _store_url(args: argparse.Namespace, settings: Settings, prog: str) -> str | None:
    """The store to check; None (with a message) when it is an SQLite file that does not exist:
    opening it would create an empty one and every check would fail for the wrong reason."""
    url = args.database_url or settings.resolved_database_url()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).exists():
            print(f"{prog}: no store at {path}; pass --database-url (the server's BANGWO_DATABASE_URL)",
                  file=sys.stderr)
            return None
    return url


def _instant(text: str, prog: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        print(f"{prog}: --now needs an ISO-8601 instant with a zone, e.g. 2026-02-10T20:00:00+08:00",
              file=sys.stderr)
        return None
    return value


def _loadtest_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.ops.loadtest import LoadConfig, parse_mix, run_loadtest, write_json

    prog = "bangwo loadtest"
    try:
        schedule = _schedule(args)
        mix = parse_mix(args.mix) if args.mix else None
    except ValueError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    if not (0 <= args.invite_share <= 1 and 0 <= args.confirm_share <= 1) or min(args.max_in_flight,
                                                                                   args.connections) < 1:
        print(f"{prog}: shares are between 0 and 1; --max-in-flight and --connections at least 1", file=sys.stderr)
        return 2
    database_url = None
    if not args.no_check:
        database_url = _store_url(args, settings, prog)
        if database_url is None:
            return 2
    config = LoadConfig(
        url=args.url.rstrip("/"), schedule=schedule, process=args.arrivals, seed=args.seed,
        **({"mix": mix} if mix else {}), invite_share=args.invite_share, confirm_share=args.confirm_share,
        max_in_flight=args.max_in_flight, connections=args.connections, timeout_seconds=args.timeout,
        retries=args.retries, max_retry_wait_seconds=args.max_retry_wait, drain_seconds=args.drain,
        forwarded_for=not args.no_forwarded_for, live=not args.no_live,
    )
    try:
        result = asyncio.run(run_loadtest(config, database_url=database_url, fallback_now=settings.clock().now()))
    except ConnectionError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        write_json(result, Path(args.json))
    return 1 if result.failures() else 0


def _acknowledged_ids(path: str) -> list[str]:
    """Order ids from a `bangwo loadtest --json` result, or one id a line."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        return list(json.loads(text)["acknowledged_order_ids"])
    return [line.strip() for line in text.splitlines() if line.strip()]


def _check_invariants_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.ops.invariants import report_table
    from bangwo.ops.loadtest import wide_console

    prog = "bangwo check-invariants"
    database_url = _store_url(args, settings, prog)
    if database_url is None:
        return 2
    try:
        acknowledged = _acknowledged_ids(args.orders) if args.orders else []
    except (OSError, ValueError, KeyError) as exc:
        print(f"{prog}: --orders {args.orders}: {exc}", file=sys.stderr)
        return 2
    now: datetime | None
    if args.now:
        now = _instant(args.now, prog)
    elif args.url:
        now = asyncio.run(_clock_of(args.url))
        if now is None:
            print(f"{prog}: no bangwo answers GET {args.url}/healthz; give --now instead", file=sys.stderr)
    else:
        now = settings.clock().now()
        if settings.now is not None:  # holds expire by the server's clock, which started when the server did
            print(f"{prog}: BANGWO_NOW is set, so this clock started just now, not when the server did; "
                  "pass --url (the server's clock) or --now to check holds at the server's time", file=sys.stderr)
    if now is None:
        return 2
    report = asyncio.run(_check(database_url, now, acknowledged))
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        wide_console().print(report_table(report))
    return 0 if report.ok else 1


def _chaos_command(args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.ops.chaos import ChaosConfig, ChaosSetupError, fault_timetable, parse_faults, run_chaos, write_json
    from bangwo.ops.loadtest import LoadConfig, parse_mix, wide_console

    prog = "bangwo chaos"
    try:
        schedule = _schedule(args)
        mix = parse_mix(args.mix)
        faults = parse_faults(args.faults)
        fault_timetable(schedule.seconds, args.fault_every, faults)  # enough beats for the faults asked
    except ValueError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    now = None
    if args.now:
        now = _instant(args.now, prog)
        if now is None:
            return 2
    if not (1 <= args.workers <= 64) or args.fault_grace < 0 or args.recovery_timeout <= 0:
        print(f"{prog}: --workers is 1 to 64, --fault-grace at least 0, --recovery-timeout above 0", file=sys.stderr)
        return 2
    config = ChaosConfig(
        load=LoadConfig(schedule=schedule, seed=args.seed, mix=mix, drain_seconds=args.drain, live=False),
        workers=args.workers, fault_every_seconds=args.fault_every, faults=faults, fault_grace_seconds=args.fault_grace,
        recovery_timeout_seconds=args.recovery_timeout, database_url=args.database_url, redis_url=args.redis_url,
        pg_restart_command=args.pg_restart_command, redis_restart_command=args.redis_restart_command,
        postgres_bin=args.postgres_bin, now=now, port=args.port, keep=args.keep, seed=args.seed,
    )
    try:
        result = asyncio.run(run_chaos(config, wide_console()))
    except ChaosSetupError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        write_json(result, Path(args.json))
    return 1 if result.failures() else 0


async def _check(database_url: str, now: datetime, acknowledged: list[str]) -> InvariantReport:
    from bangwo.ops.invariants import check_invariants
    from bangwo.store.engine import Store

    store = Store(database_url)
    try:
        return await check_invariants(store, now, acknowledged)
    finally:
        await store.close()


async def _clock_of(url: str) -> datetime | None:
    import httpx

    from bangwo.ops.loadtest import server_now

    async with httpx.AsyncClient(base_url=url.rstrip("/"), timeout=5) as client:
        return await server_now(client)


def _schedule(args: argparse.Namespace) -> Schedule:
    return Schedule(args.rate, args.ramp, args.hold, args.spike, args.spike_seconds)


def _add_schedule_options(parser: argparse.ArgumentParser, default: Schedule) -> None:
    """The launch's shape, the same options for the load test and the chaos run (with their own defaults)."""
    parser.add_argument("--rate", type=float, default=default.rate_per_second,
                        help="journeys arriving per second once ramped up (default %(default)s)")
    parser.add_argument("--ramp", type=float, default=default.ramp_seconds,
                        help="seconds to go from 0 to --rate (default %(default)s)")
    parser.add_argument("--hold", type=float, default=default.hold_seconds,
                        help="seconds at --rate (default %(default)s)")
    parser.add_argument("--spike", type=float, default=default.spike_factor,
                        help="the spike's rate as a multiple of --rate (default %(default)s)")
    parser.add_argument("--spike-seconds", type=float, default=default.spike_seconds,
                        help="seconds the spike lasts (default %(default)s)")
    parser.add_argument("--drain", type=float, default=30.0,
                        help="seconds journeys still in flight may finish after the last arrival; then they are "
                        "cancelled and counted as unfinished (default %(default)s)")


def add_loadtest_commands(commands: argparse._SubParsersAction) -> None:
    """`bangwo loadtest` and `bangwo check-invariants`, on the root parser's subcommands."""
    load = commands.add_parser(
        "loadtest",
        help="the launch night against a running bangwo, then the invariant check",
        description="Open-model load over HTTP: people arrive at a scheduled rate whatever the server does "
        "(ramp from 0 to --rate over --ramp seconds, hold for --hold, then --spike times the rate for "
        "--spike-seconds), sign up (some with a friend's invite code), order in Chinese or English (mostly food; "
        "groceries, movie tickets, hotels, flights), answer the assistant's questions, confirm with an "
        "Idempotency-Key and check the order; others come back to check an order. 429/503 are retried after "
        "Retry-After with the same key and counted as shed load. A live view runs while it does; at the end, "
        "per route: count, throughput, p50/p95/p99 latency, the share of 2xx/4xx/429/503/5xx/transport errors; "
        "then every invariant of the store (see `bangwo check-invariants`). Exit code 1 if an invariant is "
        "violated or any request ended in a 5xx or a transport error.",
        epilog="example: bangwo serve & bangwo loadtest --rate 20 --ramp 60 --hold 60 --spike 10 "
        "--spike-seconds 30 --json loadtest.json",
    )
    load.add_argument("--url", default="http://127.0.0.1:8000", help="the bangwo to load (default %(default)s)")
    _add_schedule_options(load, Schedule(20.0, ramp_seconds=60.0, hold_seconds=60.0, spike_factor=10.0,
                                         spike_seconds=30.0))
    load.add_argument("--arrivals", choices=("poisson", "fixed"), default="poisson",
                      help="a Poisson process of the scheduled rate, or evenly spaced arrivals (default %(default)s)")
    load.add_argument("--seed", type=int, default=1,
                      help="seeds the arrivals and the choices people make (default %(default)s)")
    load.add_argument("--mix", default="",
                      help="journey weights (default food=55,grocery=8,movie=10,travel=2,browse=5,status=20); "
                      "status is a returning person checking an order, browse a new person who only asks")
    load.add_argument("--invite-share", type=float, default=0.3,
                      help="share of new people signing up with an earlier person's invite code (default %(default)s)")
    load.add_argument("--confirm-share", type=float, default=0.9,
                      help="share of cards confirmed; the rest are left to lapse (default %(default)s)")
    load.add_argument("--max-in-flight", type=int, default=5000,
                      help="journeys at once; an arrival beyond it is dropped and counted, the generator was full "
                      "(default %(default)s)")
    load.add_argument("--connections", type=int, default=500,
                      help="HTTP connections at most; a request beyond them waits, and its latency shows it "
                      "(default %(default)s)")
    load.add_argument("--timeout", type=float, default=30.0,
                      help="seconds a request may take; beyond, it counts as a transport error (default %(default)s)")
    load.add_argument("--retries", type=int, default=3,
                      help="tries after the first on 429/503, and for confirms and reads on a 5xx or a lost "
                      "connection (default %(default)s)")
    load.add_argument("--max-retry-wait", type=float, default=10.0,
                      help="seconds: a longer Retry-After is not waited for, the journey ends as shed "
                      "(default %(default)s)")
    load.add_argument("--no-forwarded-for", action="store_true",
                      help="do not give each person an address of their own in X-Forwarded-For (uvicorn trusts it "
                      "from 127.0.0.1); without it every sign-up comes from one address")
    load.add_argument("--no-live", action="store_true", help="no live view (it is off anyway when not in a terminal)")
    load.add_argument("--no-check", action="store_true", help="skip the invariant check at the end")
    load.add_argument("--database-url", help=_STORE_HELP)
    load.add_argument("--json", metavar="PATH", help="write the whole result as JSON (for scripts)")
    load.set_defaults(run=_loadtest_command)

    check = commands.add_parser(
        "check-invariants",
        aliases=["invariants"],
        help="check every invariant of a store (money, cards, budget, seats, stock, holds)",
        description="Read the store with SQL aggregates and check: acknowledged orders exist; every transfer sums "
        "to zero; balances equal their entries; no wallet below zero; each order paid once and each cancelled "
        "order refunded once, with their outbox events; each campaign's redeemed_fen exact and within budget; "
        "redeemed cards belong to paid orders; nobody over the card cap; no seat sold twice; no stock, flight "
        "seat or room night beyond capacity; no hold left behind; paid orders have their goods. Exit code 1 if "
        "any is violated.",
        epilog="example: bangwo check-invariants --database-url postgresql+asyncpg://bangwo@127.0.0.1/bangwo "
        "--url http://127.0.0.1:8000 --orders loadtest.json",
    )
    check.add_argument("--database-url", help=_STORE_HELP)
    check.add_argument("--orders", metavar="PATH",
                       help="order ids that must exist: a `bangwo loadtest --json` result, or one id a line")
    check.add_argument("--now", help="check holds as of this ISO-8601 instant (default: the clock of --url, else this "
                       "process's clock, which starts at BANGWO_NOW when that is set)")
    check.add_argument("--url", help="a running bangwo whose clock (GET /healthz) to check holds by")
    check.add_argument("--json", action="store_true", help="print the report as one line of JSON")
    check.set_defaults(run=_check_invariants_command)
    _add_chaos_command(commands)


def _add_chaos_command(commands: argparse._SubParsersAction) -> None:
    chaos = commands.add_parser(
        "chaos",
        help="the launch night with workers killed and PostgreSQL and Redis restarted, then every invariant",
        description="End to end, on services of its own: starts a PostgreSQL cluster (initdb into a temporary "
        "directory, a free port; as root it runs as the postgres user) and a Redis (a child process, nothing on "
        "disk), `bangwo serve --workers N` and the relay `bangwo worker` on them; runs the load test and, while people "
        "arrive, one fault every --fault-every seconds: a uvicorn worker killed with SIGKILL just after a "
        "confirmation was sent (again and again), the relay killed with SIGKILL and started again, PostgreSQL "
        "restarted (pg_ctl restart -m fast), Redis flushed (FLUSHALL), killed and started again (each once). "
        "Each fault is logged with its time as it happens. Then it waits for recovery (every worker answering, "
        "the relay drained, no trip left paid with a leg not booked) and checks every invariant of the store, "
        "with the orders the confirms were answered with, and that every order was completed (paid, goods sold, "
        "delivery planned or tickets issued, dispatched) or compensated (refunded, goods back, dispatch withdrawn). "
        "The report: the faults (kind, time, how long until the part was back), the load per route, failed requests "
        "during a fault and outside every fault, the recovery time, each invariant, the verdict. Exit code 0 only "
        "if every fault was injected and recovered from, every invariant holds, every order was completed or "
        "compensated and no request failed outside a fault; 1 otherwise; 2 if the run could not be set up. Never "
        "touches another PostgreSQL or Redis unless --database-url / --redis-url name one. Linux only.",
        epilog="example: bangwo chaos --json chaos.json   (about 2 minutes with the defaults: 50 s of load, the drain, "
        "recovery)",
    )
    chaos.add_argument("--workers", type=int, default=2, help="uvicorn workers of bangwo serve (default %(default)s)")
    _add_schedule_options(chaos, Schedule(10.0, ramp_seconds=10.0, hold_seconds=30.0, spike_factor=2.0,
                                          spike_seconds=10.0))
    chaos.add_argument("--mix", default="food=45,grocery=8,movie=10,travel=12,browse=5,status=20",
                       help="journey weights, as for bangwo loadtest; more travel than its default, for trips: paid "
                       "first, then booked leg by leg, the saga a kill can cut (default %(default)s)")
    chaos.add_argument("--seed", type=int, default=1,
                       help="seeds the arrivals, people's choices and which worker is killed (default %(default)s)")
    chaos.add_argument("--faults", default="worker_kill,relay_kill,postgres_restart,redis_restart",
                       help="the kinds of fault to inject (default all: %(default)s)")
    chaos.add_argument("--fault-every", type=float, default=5.0,
                       help="seconds between faults; the once-only faults take every other beat, worker kills the "
                       "rest (default %(default)s)")
    chaos.add_argument("--fault-grace", type=float, default=5.0,
                       help="seconds after a part is back during which failed requests are still put down to its "
                       "fault (default %(default)s)")
    chaos.add_argument("--recovery-timeout", type=float, default=120.0,
                       help="seconds to wait after the load for recovery (default %(default)s)")
    chaos.add_argument("--now", help="start every process's clock at this ISO-8601 instant (BANGWO_NOW); a process "
                       "that is started again starts its clock there again (default: the wall clock)")
    chaos.add_argument("--port", type=int, help="the port bangwo serve listens on (default: a free one)")
    chaos.add_argument("--database-url",
                       help="use this store instead of a cluster of the run's own (a database bangwo alone uses); "
                       "PostgreSQL is then restarted only with --pg-restart-command")
    chaos.add_argument("--pg-restart-command", help="a shell command that restarts the PostgreSQL of --database-url")
    chaos.add_argument("--redis-url", help="use this Redis instead of one of the run's own; only its database is "
                       "flushed (FLUSHDB), and it is restarted only with --redis-restart-command")
    chaos.add_argument("--redis-restart-command", help="a shell command that restarts the Redis of --redis-url")
    chaos.add_argument("--postgres-bin", help="where initdb and pg_ctl are (default: the newest "
                       "/usr/lib/postgresql/*/bin, else the PATH)")
    chaos.add_argument("--keep", action="store_true",
                       help="keep the run's directory (the logs of serve, the relay, PostgreSQL and Redis, and the "
                       "cluster's data); it is kept anyway when the run fails")
    chaos.add_argument("--json", metavar="PATH", help="write the whole result as JSON")
    chaos.set_defaults(run=_chaos_command)
