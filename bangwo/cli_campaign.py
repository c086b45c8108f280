"""`bangwo campaign ...`: an operator's campaigns on the configured store, and the budget's Redis counter.

Importing this module is cheap (argparse only): `bangwo --help` stays fast; the store, Redis and the
campaign rules are loaded when a subcommand runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bangwo.config import Settings
    from bangwo.store.tables import CampaignRow

CHANGED_BY = "cli"
PROG = "bangwo campaign"
# Flag, then the CampaignConfig field it sets; every one is a whole number but --categories.
_NUMBERS = (
    ("--card-value-fen", "card_value_fen", "each card's value in fen (default 2500 = ¥25)"),
    ("--min-pay-fen", "min_pay_fen", "the least a person pays for an order, in fen (default 1)"),
    ("--cap-per-person", "cap_per_person", "most cards one person can hold from this campaign (default 21)"),
    ("--cards-on-sign-up", "cards_on_sign_up", "cards a new person gets (default 1)"),
    ("--invite-reward", "invite_reward", "cards the inviter gets for each verified friend (default 1)"),
    ("--budget-fen", "budget_fen", "the total value cards may redeem, in fen (default 300000000000 = ¥3 billion)"),
    ("--card-valid-days", "card_valid_days", "days a card stays valid after it is issued (default 30)"),
    ("--review-threshold", "review_threshold",
     "a person's invitation rewards beyond this many wait for an operator's review (default 10)"),
)


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 instant: {text!r}") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a timezone, e.g. 2026-02-10T00:00:00+08:00")
    return value


def _categories(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    return () if names == ("all",) else names


def _add_settings(parser: argparse.ArgumentParser, *, creating: bool) -> None:
    parser.add_argument("--name", required=creating, help="what people and operators see, e.g. 春节免单卡")
    parser.add_argument("--starts", type=_instant, required=creating, metavar="ISO",
                        help="when it starts, with a timezone, e.g. 2026-02-10T00:00:00+08:00")
    parser.add_argument("--ends", type=_instant, required=creating, metavar="ISO", help="when it ends (after --starts)")
    for flag, _field, text in _NUMBERS:
        parser.add_argument(flag, type=int, metavar="N", help=text)
    parser.add_argument("--categories", type=_categories, metavar="LIST",
                        help="comma-separated domains the cards apply to (food,grocery,movie,flight,hotel,trip); "
                        "'all' for every one (the default)")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line, by CampaignConfig field."""
    given = {"name": args.name, "starts_at": args.starts, "ends_at": args.ends, "categories": args.categories}
    given |= {name: getattr(args, name) for _flag, name, _text in _NUMBERS}
    return {name: value for name, value in given.items() if value is not None}


def _summary(row: CampaignRow) -> dict[str, Any]:
    from bangwo.promo.campaigns import config_of

    left = max(0, row.budget_fen - row.redeemed_fen)
    return config_of(row).as_json() | {"version": row.version, "redeemed_fen": row.redeemed_fen, "left_fen": left}


def _print_campaign(row: CampaignRow) -> None:
    from bangwo.domain.clock import local
    from bangwo.domain.money import format_fen

    print(f"{row.id}  {row.name}  (version {row.version})")
    print(f"  runs           {local(row.starts_at).isoformat()} → {local(row.ends_at).isoformat()}")
    print(f"  card           {format_fen(row.card_value_fen)}, valid {row.card_valid_days} days; "
          f"a person pays at least {format_fen(row.min_pay_fen)}")
    print(f"  cards          {row.cards_on_sign_up} on sign-up, {row.invite_reward} for each invited friend, "
          f"at most {row.cap_per_person} a person; rewards beyond {row.review_threshold} are reviewed")
    print(f"  categories     {', '.join(row.categories) or 'all'}")
    print(f"  budget         {format_fen(row.budget_fen)}: {format_fen(row.redeemed_fen)} redeemed, "
          f"{format_fen(max(0, row.budget_fen - row.redeemed_fen))} left")


async def _list(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.domain.clock import local
    from bangwo.domain.money import format_fen
    from bangwo.promo.campaigns import campaigns

    rows = await campaigns(session)
    if args.json:
        print(json.dumps([_summary(row) for row in rows], ensure_ascii=False))
        return 0
    if not rows:
        print("no campaigns yet: create one with `bangwo campaign create` (bangwo serve starts a default one)")
        return 0
    print(f"{'ID':<20} {'VER':>3}  {'STARTS':<10} {'ENDS':<10} {'CARD':>8} {'BUDGET':>18} {'REDEEMED':>16}  NAME")
    for row in rows:
        print(f"{row.id:<20} {row.version:>3}  {local(row.starts_at).date()!s:<10} {local(row.ends_at).date()!s:<10} "
              f"{format_fen(row.card_value_fen):>8} {format_fen(row.budget_fen):>18} "
              f"{format_fen(row.redeemed_fen):>16}  {row.name}")
    return 0


async def _show(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.promo.campaigns import campaign

    row = await campaign(session, args.id)
    if args.json:
        print(json.dumps(_summary(row), ensure_ascii=False))
    else:
        _print_campaign(row)
    return 0


async def _create(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.promo.campaigns import CampaignConfig, create_campaign

    config = CampaignConfig(id=args.id, **_changes(args))
    row = await create_campaign(session, config, changed_by=CHANGED_BY, now=settings.clock().now())
    print("created:")
    _print_campaign(row)
    return 0


async def _update(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.promo.campaigns import change_campaign

    changes = _changes(args)
    if not changes:
        print(f"{PROG} update: name at least one setting to change (see {PROG} update --help)", file=sys.stderr)
        return 2
    row = await change_campaign(session, args.id, changes, changed_by=CHANGED_BY, now=settings.clock().now())
    print("changed:")
    _print_campaign(row)
    return 0


async def _versions(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.promo.campaigns import campaign_versions

    rows = await campaign_versions(session, args.id)
    if args.json:
        print(json.dumps([{"version": v.version, "config": v.config, "changed_by": v.changed_by,
                           "created_at": v.created_at.isoformat()} for v in rows], ensure_ascii=False))
        return 0
    for version in rows:
        print(f"version {version.version}  {version.created_at.isoformat()}  by {version.changed_by}")
        print(f"  {json.dumps(version.config, ensure_ascii=False, sort_keys=True)}")
    return 0


async def _reconcile(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> int:
    from bangwo.promo.budget_counter import BudgetCounter, reconcile

    if not settings.redis_url:
        print(f"{PROG} reconcile: BANGWO_REDIS_URL is not set, so the database alone keeps the budget "
              "and there is nothing to compare", file=sys.stderr)
        return 2
    counter = BudgetCounter.from_url(settings.redis_url, prefix=settings.redis_prefix)
    try:
        results = await reconcile(session, counter, args.id, fix=args.fix)
    finally:
        await counter.close()
    print(f"{'CAMPAIGN':<20} {'DATABASE (RECORD)':>20} {'REDIS COUNTER':>20}  VERDICT")
    for result in results:
        counted = "not started" if result.counted_fen is None else f"{result.counted_fen} fen"
        if result.fixed:
            verdict = f"differed; Redis set to {result.recorded_fen} fen"
        elif result.counted_fen is None:
            verdict = "agree (the counter starts from the record)"
        elif result.agrees:
            verdict = "agree"
        else:
            gap = result.counted_fen - result.recorded_fen
            verdict = (f"DIFFER: Redis {abs(gap)} fen {'above' if gap > 0 else 'below'} the record "
                       f"({'held back, never overspent' if gap > 0 else 'the database still refuses overspending'}); "
                       f"--fix sets Redis from the record")
        print(f"{result.campaign_id:<20} {f'{result.recorded_fen} fen':>20} {counted:>20}  {verdict}")
    return 0 if all(r.agrees or r.fixed for r in results) else 1


Action = Callable[["AsyncSession", argparse.Namespace, "Settings"], Awaitable[int]]


def _on_store(action: Action, *, writes: bool) -> Callable[[argparse.Namespace, Settings], int]:
    """Run the action in one transaction on the configured store; domain errors become a message and exit 2."""

    async def run(args: argparse.Namespace, settings: Settings) -> int:
        from bangwo.store.engine import Store

        store = Store(settings.resolved_database_url())
        try:
            await store.migrate()
            scope = store.transaction() if writes else store.read()
            async with scope as session:
                return await action(session, args, settings)
        finally:
            await store.close()

    def command(args: argparse.Namespace, settings: Settings) -> int:
        from alembic.util.exc import CommandError
        from redis.exceptions import RedisError
        from sqlalchemy.exc import DBAPIError

        from bangwo.domain.errors import BangwoError

        try:
            return asyncio.run(run(args, settings))
        except BangwoError as exc:
            print(f"{PROG} {args.action}: {exc.message}", file=sys.stderr)
            return 2
        except (OSError, DBAPIError) as exc:
            print(f"{PROG}: cannot reach the store at {settings.resolved_database_url()}: {exc}", file=sys.stderr)
            return 1
        except RedisError as exc:
            print(f"{PROG}: cannot reach Redis at {settings.redis_url}: {exc}", file=sys.stderr)
            return 1
        except CommandError as exc:  # the store was migrated by another version of bangwo
            print(f"{PROG}: cannot migrate the store at {settings.resolved_database_url()}: {exc}", file=sys.stderr)
            return 1

    return command


def add_campaign_command(commands: argparse._SubParsersAction) -> None:
    """`bangwo campaign` and its subcommands, on the root parser's subcommands."""
    campaign = commands.add_parser(
        "campaign",
        help="configure free-order campaigns; check the budget's Redis counter",
        description="Campaigns on the configured store (BANGWO_DATABASE_URL, or the SQLite file in "
        "BANGWO_DATA_DIR). Every change is a new version, kept; money is in fen (2500 = ¥25).",
    )
    campaign.set_defaults(run=lambda _args, _settings: campaign.print_help() or 2)
    actions = campaign.add_subparsers(dest="action", metavar="ACTION")

    listing = actions.add_parser("list", help="every campaign, with its budget and what was redeemed",
                                 description="Every campaign in start order, with its budget and what was redeemed.")
    listing.add_argument("--json", action="store_true", help="one line of JSON")
    listing.set_defaults(run=_on_store(_list, writes=False))

    show = actions.add_parser("show", help="one campaign's settings and budget",
                              description="One campaign's current settings, what was redeemed and what is left.")
    show.add_argument("id", help="the campaign's id, e.g. launch")
    show.add_argument("--json", action="store_true", help="one line of JSON")
    show.set_defaults(run=_on_store(_show, writes=False))

    create = actions.add_parser(
        "create",
        help="start a new campaign",
        description="Create a campaign (version 1). Settings left out take Qianwen's Spring Festival values. "
        "Campaigns may run in sequence; sign-ups get the cards of the one that started last among those running.",
        epilog="example: bangwo campaign create --id spring-2026 --name 春节免单卡 "
        "--starts 2026-02-10T00:00:00+08:00 --ends 2026-02-16T00:00:00+08:00 --budget-fen 250000",
    )
    create.add_argument("--id", required=True, help="1-32 lower-case letters, digits or -, e.g. spring-2026")
    _add_settings(create, creating=True)
    create.set_defaults(run=_on_store(_create, writes=True))

    update = actions.add_parser(
        "update",
        help="change a campaign's settings (a new version)",
        description="Change the settings given; the rest stay as they are. What was redeemed is kept, and cards "
        "already issued keep their value and expiry. The budget cannot go below what was already redeemed.",
        epilog="example: bangwo campaign update launch --budget-fen 500000 --categories food,movie",
    )
    update.add_argument("id", help="the campaign's id")
    _add_settings(update, creating=False)
    update.set_defaults(run=_on_store(_update, writes=True))

    versions = actions.add_parser("versions", help="every configuration a campaign has had",
                                  description="Every configuration the campaign has had, oldest first.")
    versions.add_argument("id", help="the campaign's id")
    versions.add_argument("--json", action="store_true", help="one line of JSON")
    versions.set_defaults(run=_on_store(_versions, writes=False))

    reconcile = actions.add_parser(
        "reconcile",
        help="compare the budget's Redis counter with the database",
        description="With BANGWO_REDIS_URL set, the budget's hot counter lives in Redis and the database keeps "
        "the record. Print both for each campaign and whether they agree (exit 1 when they do not). Redis can "
        "only be above the record after a crash (budget held back, never overspent); --fix sets it from the "
        "record. Fix when no confirmation is in flight.",
    )
    reconcile.add_argument("id", nargs="?", help="one campaign (default: all)")
    reconcile.add_argument("--fix", action="store_true", help="set every disagreeing counter from the database")
    reconcile.set_defaults(run=_on_store(_reconcile, writes=False))
