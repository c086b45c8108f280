"""Live figures from a known fixture: every number below is worked out by hand from the rows the fixture writes.

Times are Shanghai time. The campaign ("launch", made by the app from the test clock) starts 2026-02-10 10:00;
the clock is then moved to 2026-02-17 12:30, so the default range is 02-10 10:00 → 02-17 12:30.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from bangwo.api.app import create_app
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.domain.errors import InvalidInput
from bangwo.promo.figures import Figures, HourFigures, live_figures
from bangwo.services import Services
from bangwo.store.tables import CampaignRow, Card, ChatMessage, ChatSession, OrderRow, ProposalRow, User

OPERATOR_TOKEN = "operator-token-for-figures-01"
NOW = datetime.fromisoformat("2026-02-17T12:30:00+08:00")
BANGWO = str(Path(sys.executable).parent / "bangwo")


def at(moment: str) -> datetime:
    """'02-10 10:06' → that minute of 2026 in Shanghai."""
    return datetime.fromisoformat(f"2026-{moment.replace(' ', 'T')}:00+08:00")


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path, operator_token=OPERATOR_TOKEN)


# The people: (id, birth year, signed up). 60+ in 2026 means born in 1966 or before.
PEOPLE = [
    ("ann", 1990, "02-10 10:05"),
    ("bao", 1960, "02-10 10:20"),  # 66
    ("chen", 1966, "02-10 11:10"),  # exactly 60
    ("dai", 1967, "02-11 09:30"),  # 59
    ("eve", None, "02-12 07:30"),  # UTC 02-11 23:30: a Shanghai day apart from its UTC day
    ("fang", 1950, "02-09 20:00"),  # signed up before the range, first active inside it
    ("gu", 1940, "02-09 20:30"),  # signed up and first active before the range
]
# Commands (the person's chat messages); each also gets an assistant reply, which is no command.
COMMANDS = [
    ("ann", "02-10 10:06"), ("ann", "02-10 10:07"), ("ann", "02-11 10:15"), ("ann", "02-17 11:00"),
    ("bao", "02-10 10:25"),
    ("chen", "02-10 11:15"), ("chen", "02-11 08:00"),
    ("dai", "02-11 09:31"), ("dai", "02-12 12:00"),
    ("eve", "02-12 07:40"),
    ("fang", "02-10 10:30"),
    ("gu", "02-09 21:00"), ("gu", "02-10 12:00"),
]
# Orders: (id, person, domain, status, placed, total, card discount, the card it used).
ORDERS = [
    ("o1", "ann", "food", "paid", "02-10 10:08", 3_200, 2_500, "card-ann"),
    ("o2", "bao", "movie", "paid", "02-10 10:40", 9_000, 2_500, "card-bao"),
    ("o3", "bao", "grocery", "cancelled", "02-10 11:05", 4_000, 0, None),
    ("o4", "chen", "food", "cancelled", "02-10 11:20", 2_800, 2_500, None),  # its card came back on cancel
    ("o5", "dai", "flight", "paid", "02-11 09:45", 80_000, 2_500, "card-dai"),
    ("o6", "bao", "hotel", "paid", "02-17 12:00", 30_000, 0, None),
    ("o7", "gu", "food", "paid", "02-09 21:10", 1_500, 0, None),  # before the range
]
# Cards: (id, person, issued, status, the order that redeemed it).
CARDS = [
    ("card-ann", "ann", "02-10 10:05", "redeemed", "o1"),
    ("card-bao", "bao", "02-10 10:20", "redeemed", "o2"),
    ("card-chen", "chen", "02-10 11:10", "available", None),
    ("card-dai", "dai", "02-11 09:30", "redeemed", "o5"),
    ("card-ann-invite", "ann", "02-11 09:30", "available", None),  # ann invited dai
    ("card-eve", "eve", "02-12 07:30", "available", None),
    ("card-fang", "fang", "02-09 20:00", "available", None),  # before the range
    ("card-gu", "gu", "02-09 20:30", "available", None),  # before the range
]
BUDGET_FEN, REDEEMED_FEN = 10_000, 7_500  # the three redeemed cards took ¥25 each


async def _write_fixture(services: Services) -> None:
    async with services.store.transaction() as session:
        for number, (person, birth_year, joined) in enumerate(PEOPLE):
            session.add(User(id=person, phone=f"1380013{number:04d}", name=person, birth_year=birth_year,
                             invite_code=f"INV{number}", created_at=at(joined)))
        await session.flush()  # no ORM relationships: rows that point at others go in after them
        for person, _, joined in PEOPLE:
            session.add(ChatSession(id=f"chat-{person}", user_id=person, pending=None, proposal_id=None,
                                    created_at=at(joined), updated_at=at(joined)))
        await session.flush()
        for person, moment in COMMANDS:
            session.add(ChatMessage(session_id=f"chat-{person}", role="person", text="帮我", state=None,
                                    created_at=at(moment)))
            session.add(ChatMessage(session_id=f"chat-{person}", role="assistant", text="好的", state="answer",
                                    created_at=at(moment)))
        for order_id, person, domain, status, placed, total, discount, card_id in ORDERS:
            priced = dict(domain=domain, merchant_id=None, lines=[], details={}, subtotal_fen=total, total_fen=total,
                          discount_fen=discount, pay_fen=total - discount, card_id=card_id)
            session.add(ProposalRow(id=f"p-{order_id}", user_id=person, session_id=None, address_id=None,
                                    status="confirmed", created_at=at(placed),
                                    expires_at=at(placed) + timedelta(minutes=10), **priced))
            await session.flush()
            session.add(OrderRow(id=order_id, user_id=person, proposal_id=f"p-{order_id}", idempotency_key=order_id,
                                 status=status, accepted_at=None, preparing_at=None, delivering_at=None,
                                 delivered_at=None, refundable_until=None, created_at=at(placed),
                                 cancelled_at=at(placed) + timedelta(minutes=5) if status == "cancelled" else None,
                                 **priced))
        for card_id, person, issued, status, order_id in CARDS:
            session.add(Card(id=card_id, user_id=person, campaign="launch", value_fen=2_500, status=status,
                             reason="sign_up", issued_at=at(issued), expires_at=at(issued) + timedelta(days=30),
                             order_id=order_id))
        await session.execute(
            update(CampaignRow).where(CampaignRow.id == "launch").values(budget_fen=BUDGET_FEN,
                                                                         redeemed_fen=REDEEMED_FEN)
        )


@pytest.fixture
async def fixture_services(services: Services, clock: ManualClock) -> Services:
    await _write_fixture(services)
    clock.set(NOW)
    return services


async def _figures(services: Services, **window: datetime) -> Figures:
    async with services.store.read() as session:
        return await live_figures(session, now=services.clock.now(), **window)


def _hour(figures: Figures, moment: str) -> HourFigures:
    [hour] = [hour for hour in figures.hours if hour.hour == at(moment)]
    return hour


async def test_default_range_is_the_campaign_so_far(fixture_services: Services) -> None:
    figures = await _figures(fixture_services)

    assert figures.since == at("02-10 10:00") and figures.until == NOW
    t = figures.totals
    # ann 4 + bao 1 + chen 2 + dai 2 + eve 1 + fang 1 + gu 1 (gu's 02-09 command is before the range); no replies.
    assert t.commands == 12
    # o1–o6; o7 is before the range. Paid: o1, o2, o5, o6.
    assert (t.orders_placed, t.orders_paid) == (6, 4)
    # Not cancelled: o1 3200 + o2 9000 + o5 80000 + o6 30000.
    assert t.gmv_fen == 122_200
    # ann, bao, chen, dai, ann's invite card, eve (fang's and gu's came before the range).
    assert t.cards_issued == 6
    # ann's, bao's and dai's cards are redeemed (chen's came back when o4 was cancelled): ¥25 each.
    assert (t.cards_redeemed, t.redeemed_fen) == (3, 7_500)
    # ann, bao, chen, dai, eve signed up in the range; fang and gu before it.
    assert t.new_people == 5
    # Everyone did something in the range.
    assert t.active_people == 7
    # bao (1960), chen (1966) and fang (1950) were first active on 02-10; gu (1940) first on 02-09; dai is 59.
    assert t.first_time_aged_60_plus == 3

    assert figures.budget is not None
    assert (figures.budget.campaign_id, figures.budget.budget_fen) == ("launch", 10_000)
    assert (figures.budget.spent_fen, figures.budget.left_fen) == (7_500, 2_500)


async def test_hour_by_hour_in_shanghai_hours(fixture_services: Services) -> None:
    figures = await _figures(fixture_services)

    # 02-10 10:00 through 02-17 12:00: seven days of 24 hours and three more.
    assert len(figures.hours) == 7 * 24 + 3
    assert figures.hours[0].hour == at("02-10 10:00") and figures.hours[-1].hour == at("02-17 12:00")
    ten = _hour(figures, "02-10 10:00")
    # Commands ann 10:06, 10:07, bao 10:25, fang 10:30; orders o1, o2 (both paid: 3200 + 9000);
    # cards ann's and bao's issued and both redeemed; ann and bao signed up; active ann, bao, fang.
    assert ten.model_dump(exclude={"hour"}) == {
        "commands": 4, "orders_placed": 2, "orders_paid": 2, "gmv_fen": 12_200, "cards_issued": 2,
        "cards_redeemed": 2, "redeemed_fen": 5_000, "new_people": 2, "active_people": 3,
    }
    eleven = _hour(figures, "02-10 11:00")
    # chen's command 11:15; o3 and o4 both cancelled; chen's card issued 11:10; chen signed up; active bao, chen.
    assert eleven.model_dump(exclude={"hour"}) == {
        "commands": 1, "orders_placed": 2, "orders_paid": 0, "gmv_fen": 0, "cards_issued": 1,
        "cards_redeemed": 0, "redeemed_fen": 0, "new_people": 1, "active_people": 2,
    }
    nine = _hour(figures, "02-11 09:00")
    # dai signed up 09:30 with a card (and ann got one for inviting dai), asked 09:31, paid o5 at 09:45 with the card.
    assert nine.model_dump(exclude={"hour"}) == {
        "commands": 1, "orders_placed": 1, "orders_paid": 1, "gmv_fen": 80_000, "cards_issued": 2,
        "cards_redeemed": 1, "redeemed_fen": 2_500, "new_people": 1, "active_people": 1,
    }
    # eve: 07:30 and 07:40 Shanghai, which is 23:30 and 23:40 UTC the day before.
    seven = _hour(figures, "02-12 07:00")
    assert (seven.commands, seven.new_people, seven.cards_issued, seven.active_people) == (1, 1, 1, 1)
    assert _hour(figures, "02-11 23:00").commands == 0
    # Nothing happened at 03:00 on 02-13.
    assert not any(_hour(figures, "02-13 03:00").model_dump(exclude={"hour"}).values())


async def test_days_cohorts_and_domains(fixture_services: Services) -> None:
    figures = await _figures(fixture_services)

    days = {day.day: (day.active_people, day.new_people, day.first_time_aged_60_plus) for day in figures.days}
    assert list(days) == [date(2026, 2, d) for d in range(10, 18)]
    assert days == {
        date(2026, 2, 10): (5, 3, 3),  # active ann bao chen fang gu; new ann bao chen; first 60+ bao chen fang
        date(2026, 2, 11): (3, 1, 0),  # active ann chen dai; new dai (59); eve's activity is Shanghai 02-12
        date(2026, 2, 12): (2, 1, 0),  # active dai eve; new eve (no birth year)
        date(2026, 2, 13): (0, 0, 0),
        date(2026, 2, 14): (0, 0, 0),
        date(2026, 2, 15): (0, 0, 0),
        date(2026, 2, 16): (0, 0, 0),
        date(2026, 2, 17): (2, 0, 0),  # active ann (command), bao (o6)
    }

    cohorts = [(c.day, c.people, c.d1_active, c.d7_active) for c in figures.cohorts]
    assert cohorts == [
        (date(2026, 2, 10), 3, 2, 2),  # ann bao chen: ann and chen on 02-11; ann and bao on 02-17
        (date(2026, 2, 11), 1, 1, None),  # dai: active 02-12; 02-18 has not come
        (date(2026, 2, 12), 1, 0, None),  # eve: nothing on 02-13
    ]
    feb10 = figures.cohorts[0]
    assert feb10.d1_rate == pytest.approx(2 / 3) and feb10.d7_rate == pytest.approx(2 / 3)
    assert (figures.cohorts[1].d1_rate, figures.cohorts[1].d7_rate) == (1.0, None)
    assert figures.cohorts[2].d1_rate == 0.0

    assert [(d.domain, d.placed, d.paid, d.gmv_fen) for d in figures.domains] == [
        ("food", 2, 1, 3_200),  # o1 paid, o4 cancelled (o7 before the range)
        ("flight", 1, 1, 80_000),
        ("grocery", 1, 0, 0),  # o3 cancelled
        ("hotel", 1, 1, 30_000),
        ("movie", 1, 1, 9_000),
    ]


async def test_a_window_of_its_own(fixture_services: Services) -> None:
    # No zone on `since`: read as Shanghai time.
    figures = await _figures(fixture_services, since=datetime(2026, 2, 10, 11, 0),
                             until=at("02-11 10:00"))

    assert figures.since == at("02-10 11:00")
    t = figures.totals
    # chen 11:15, gu 12:00, chen 02-11 08:00, dai 09:31 (ann's 02-11 10:15 is after the end).
    assert t.commands == 4
    # o3, o4 (cancelled), o5 (paid 80000).
    assert (t.orders_placed, t.orders_paid, t.gmv_fen) == (3, 1, 80_000)
    # chen's, dai's and ann's invite card issued; dai's redeemed by o5.
    assert (t.cards_issued, t.cards_redeemed, t.redeemed_fen) == (3, 1, 2_500)
    assert t.new_people == 2  # chen, dai
    assert t.active_people == 4  # bao (o3), chen, gu, dai
    # chen: first active 11:15. bao's first activity (10:25) and fang's (10:30) came before the window.
    assert t.first_time_aged_60_plus == 1
    assert len(figures.hours) == 24  # 02-10 11:00 … 02-11 10:00
    assert [(d.day, d.active_people) for d in figures.days] == [(date(2026, 2, 10), 3), (date(2026, 2, 11), 2)]
    # chen's cohort (ann and bao signed up before the window): chen active 02-11; dai's 02-12 is past the end.
    assert [(c.day, c.people, c.d1_active, c.d7_active) for c in figures.cohorts] == [
        (date(2026, 2, 10), 1, 1, None),
        (date(2026, 2, 11), 1, None, None),
    ]


async def test_an_empty_or_backwards_range_is_refused(fixture_services: Services) -> None:
    with pytest.raises(InvalidInput):
        await _figures(fixture_services, since=at("02-12 10:00"), until=at("02-11 10:00"))
    with pytest.raises(InvalidInput):
        await _figures(fixture_services, since=NOW - timedelta(days=800))  # longer than any campaign


# The admin API


async def test_admin_stats_answers_the_operator(fixture_services: Services, client: httpx.AsyncClient) -> None:
    auth = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}

    response = await client.get("/v1/admin/stats", headers=auth)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["totals"]["commands"] == 12 and body["totals"]["gmv_fen"] == 122_200
    assert body["budget"]["left_fen"] == 2_500 and len(body["hours"]) == 171
    assert body["hours"][0]["hour"] == "2026-02-10T10:00:00+08:00"

    window = await client.get("/v1/admin/stats", headers=auth,
                              params={"since": "2026-02-10T11:00:00+08:00", "until": "2026-02-11T10:00:00+08:00"})
    assert window.status_code == 200 and window.json()["totals"]["orders_placed"] == 3

    backwards = await client.get("/v1/admin/stats", headers=auth,
                                 params={"since": "2026-02-12T00:00:00Z", "until": "2026-02-11T00:00:00Z"})
    assert backwards.status_code == 422 and backwards.json()["error"]["code"] == "invalid_range"


async def test_admin_stats_wants_the_operator_token(client: httpx.AsyncClient) -> None:
    missing = await client.get("/v1/admin/stats")
    wrong = await client.get("/v1/admin/stats", headers={"Authorization": "Bearer not-the-operator-token"})

    for response in (missing, wrong):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"


async def test_admin_stats_is_off_without_a_configured_token(
    database_url: str, tmp_path: Path, clock: ManualClock
) -> None:
    app = create_app(Settings(database_url=database_url, data_dir=tmp_path), clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
            response = await client.get("/v1/admin/stats", headers={"Authorization": f"Bearer {OPERATOR_TOKEN}"})

    assert response.status_code == 403
    assert "BANGWO_OPERATOR_TOKEN" in response.json()["error"]["message"]


# The command line


async def _bangwo(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BANGWO_DATABASE_URL": database_url, "BANGWO_DATA_DIR": str(data_dir),
           "BANGWO_NOW": NOW.isoformat(), "COLUMNS": "120"}
    return await asyncio.to_thread(
        subprocess.run, [BANGWO, *args], capture_output=True, text=True, timeout=60, env=env
    )


async def test_cli_prints_the_figures(fixture_services: Services, database_url: str, tmp_path: Path) -> None:
    as_json = await _bangwo(database_url, tmp_path, "stats", "--json")

    assert as_json.returncode == 0, as_json.stderr
    body = json.loads(as_json.stdout)
    assert body["totals"]["commands"] == 12 and body["totals"]["first_time_aged_60_plus"] == 3
    assert body["cohorts"][0]["d1_active"] == 2

    table = await _bangwo(database_url, tmp_path, "stats", "--since", "2026-02-10T10:00", "--until",
                          "2026-02-11T10:00+08:00")
    assert table.returncode == 0, table.stderr
    # 02-10 10:00 → 02-11 10:00: GMV o1 + o2 + o5; the 02-10 cohort's D1 so far is chen alone (1 of 3).
    for shown in ("help-me commands", "GMV", "¥922.00", "budget left", "¥25.00", "hour by hour", "▁", "█",
                  "first-time 60+", "33%", "flight"):
        assert shown in table.stdout, shown

    bad = await _bangwo(database_url, tmp_path, "stats", "--since", "yesterday")
    assert bad.returncode == 2 and "ISO-8601" in bad.stdout


# The operator page


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, tuple[str, dict[str, str | None]]] = {}
        self.labels_for: set[str] = set()
        self.references: list[str] = []
        self.script = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = (tag, a)
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        self.references += [value for name, value in attrs if name in ("src", "href", "action") and value]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script += data


async def test_operator_page_is_served_and_uses_only_its_api(client: httpx.AsyncClient) -> None:
    response = await client.get("/admin")

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = _Page()
    page.feed(response.text)
    assert 'name="viewport"' in response.text and "width=device-width" in response.text
    assert page.references == []  # no script, style sheet or font from anywhere
    assert page.script.strip()
    assert set(re.findall(r"""["'`](/[a-z0-9/_.-]*)""", page.script)) == {"/v1/admin/stats"}
    assert "fetch(" in page.script and "sessionStorage" in page.script and "Bearer " in page.script
    assert "error.message" in page.script  # the API's own words when the token is wrong or unset
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|eval\(", page.script)
    # The token form: a labelled password field; the charts are SVG with names for screen readers.
    assert page.ids["token"][1].get("type") == "password" and "token" in page.labels_for
    assert page.ids["token-form"][0] == "form"
    assert page.ids["status"][1].get("aria-live") == "polite"
    for chart in ("chart-commands", "chart-orders", "chart-gmv", "chart-cards", "budget", "chart-new",
                  "chart-dau", "cohorts", "domains"):
        assert chart in page.ids, chart
    assert "createElementNS" in page.script and "http://www.w3.org/2000/svg" in page.script
    assert 'role", "img"' in page.script or "role','img'" in page.script
