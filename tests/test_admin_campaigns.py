"""Campaign configuration for operators: the admin API (behind the operator token) and `bangwo campaign`."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import redis

from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from tests.test_cli import run

OPERATOR_TOKEN = "operator-token-for-the-tests"
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
REDIS_URL = "redis://127.0.0.1:6379/0"
NIGHT_TWO = {
    "id": "night-two",
    "name": "第二晚 Night two",
    "starts_at": "2026-02-11T00:00:00+08:00",
    "ends_at": "2026-02-12T00:00:00+08:00",
    "card_value_fen": 1_000,
    "budget_fen": 5_000_000,
    "categories": ["food", "movie"],
}


@pytest.fixture
def settings(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> Settings:
    token = getattr(request, "param", OPERATOR_TOKEN)  # parametrized with None: no operator token configured
    return Settings(database_url=database_url, data_dir=tmp_path, operator_token=token)


# ---- the admin API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("settings", [None], indirect=True)
async def test_without_an_operator_token_configured_the_campaign_routes_are_off(client: httpx.AsyncClient):
    response = await client.get("/v1/admin/campaigns", headers=OPERATOR)
    assert response.status_code == 403
    assert "BANGWO_OPERATOR_TOKEN" in response.json()["error"]["message"]


async def test_a_wrong_or_missing_token_is_refused(client: httpx.AsyncClient):
    wrong = {"Authorization": "Bearer not-the-operator-token"}
    assert (await client.get("/v1/admin/campaigns", headers=wrong)).status_code == 401
    assert (await client.get("/v1/admin/campaigns")).status_code == 401
    assert (await client.post("/v1/admin/campaigns", json=NIGHT_TWO, headers=wrong)).status_code == 401
    assert (await client.put("/v1/admin/campaigns/launch", json={"budget_fen": 1}, headers=wrong)).status_code == 401
    # A person's token is not an operator's.
    person = (await client.post("/v1/users", json={"phone": "13600000001"})).json()["token"]
    person_auth = {"Authorization": f"Bearer {person}"}
    assert (await client.get("/v1/admin/campaigns/launch/versions", headers=person_auth)).status_code == 401


async def test_the_list_shows_the_default_campaign_with_its_budget(client: httpx.AsyncClient):
    listed = (await client.get("/v1/admin/campaigns", headers=OPERATOR)).json()["campaigns"]
    assert [c["id"] for c in listed] == ["launch"]
    launch = listed[0]
    assert (launch["version"], launch["redeemed_fen"], launch["running"]) == (1, 0, True)
    assert launch["left_fen"] == launch["budget_fen"] == 300_000_000_000
    assert launch["card_value_fen"] == 2_500 and launch["cap_per_person"] == 21 and launch["categories"] == []


async def test_a_campaign_is_created_changed_and_its_versions_kept(client: httpx.AsyncClient):
    created = await client.post("/v1/admin/campaigns", json=NIGHT_TWO, headers=OPERATOR)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["version"], body["card_value_fen"], body["categories"], body["running"]) == (
        1, 1_000, ["food", "movie"], False)
    assert body["min_pay_fen"] == 1 and body["cards_on_sign_up"] == 1  # left out: the defaults
    again = await client.post("/v1/admin/campaigns", json=NIGHT_TWO, headers=OPERATOR)
    assert again.status_code == 409 and again.json()["error"]["code"] == "campaign_exists"

    changed = await client.put("/v1/admin/campaigns/night-two", json={"budget_fen": 9_000_000}, headers=OPERATOR)
    assert changed.status_code == 200, changed.text
    assert (changed.json()["version"], changed.json()["budget_fen"], changed.json()["card_value_fen"]) == (
        2, 9_000_000, 1_000)
    everywhere = await client.put("/v1/admin/campaigns/night-two", json={"categories": []}, headers=OPERATOR)
    assert everywhere.json()["categories"] == [] and everywhere.json()["version"] == 3

    shown = (await client.get("/v1/admin/campaigns/night-two", headers=OPERATOR)).json()
    assert (shown["version"], shown["left_fen"], shown["redeemed_fen"]) == (3, 9_000_000, 0)
    versions = (await client.get("/v1/admin/campaigns/night-two/versions", headers=OPERATOR)).json()
    assert versions["campaign_id"] == "night-two"
    assert [(v["version"], v["config"]["budget_fen"], v["config"]["categories"]) for v in versions["versions"]] == [
        (1, 5_000_000, ["food", "movie"]), (2, 9_000_000, ["food", "movie"]), (3, 9_000_000, [])]
    assert {v["changed_by"] for v in versions["versions"]} == {"admin-api"}
    listed = (await client.get("/v1/admin/campaigns", headers=OPERATOR)).json()["campaigns"]
    assert [c["id"] for c in listed] == ["launch", "night-two"]


async def test_campaigns_run_in_sequence_and_sign_ups_get_the_running_ones_card(
    client: httpx.AsyncClient, clock: ManualClock
):
    assert (await client.post("/v1/admin/campaigns", json=NIGHT_TWO, headers=OPERATOR)).status_code == 201
    first = (await client.post("/v1/users", json={"phone": "13600000002"})).json()
    assert [card["value"] for card in first["cards"]] == [2_500]
    clock.advance(timedelta(days=1))  # 2026-02-11 10:00: night two has started, after the launch campaign
    second = (await client.post("/v1/users", json={"phone": "13600000003"})).json()
    assert [card["value"] for card in second["cards"]] == [1_000]
    night = (await client.get("/v1/admin/campaigns/night-two", headers=OPERATOR)).json()
    assert night["running"] is True


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"ends_at": "2026-02-10T00:00:00+08:00"}, "ends_at must be after starts_at"),
        ({"categories": ["pizza"]}, "categories: unknown ['pizza']"),
        ({"card_value_fen": 0}, "card_value_fen ≥ 1"),
        ({"cap_per_person": -1}, "cannot be negative"),
        ({"card_valid_days": 0}, "card_valid_days ≥ 1"),
        ({"starts_at": "2026-02-11T00:00:00"}, "need a timezone"),
        ({"id": "Not Valid"}, "id: 1-32 lower-case letters"),
        ({"name": "  "}, "name: required"),
        # Found by tests/test_api_fuzz.py: each of these was a 500 from the database (PostgreSQL; the budget on
        # SQLite too) or from computing an expiry.
        ({"name": "春节\x00免单"}, "name: no control characters"),
        ({"cap_per_person": 2**31}, "every other amount and count ≤ 2147483647"),
        ({"card_value_fen": 2**40}, "every other amount and count ≤ 2147483647"),
        ({"budget_fen": 2**63}, "budget_fen ≤ 9223372036854775807"),
        ({"card_valid_days": 10**9}, "card_valid_days ≤ 3650"),
    ],
)
async def test_a_bad_configuration_is_refused_with_the_rule_it_broke(client: httpx.AsyncClient, change, says):
    response = await client.post("/v1/admin/campaigns", json=NIGHT_TWO | change, headers=OPERATOR)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_campaign" and says in error["message"]


@pytest.mark.parametrize(
    "body",
    [
        NIGHT_TWO | {"card_value_fen": "2500"},  # money is a whole number, not a string
        NIGHT_TWO | {"budget_fen": 25.5},
        NIGHT_TWO | {"surprise": True},  # unknown fields are refused, not ignored
        {key: value for key, value in NIGHT_TWO.items() if key != "starts_at"},
        NIGHT_TWO | {"starts_at": "next tuesday"},
    ],
)
async def test_a_malformed_body_is_refused(client: httpx.AsyncClient, body):
    response = await client.post("/v1/admin/campaigns", json=body, headers=OPERATOR)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request", response.text


async def test_a_change_is_checked_too_and_the_id_stays(client: httpx.AsyncClient):
    late = await client.put("/v1/admin/campaigns/launch", json={"ends_at": "2020-01-01T00:00:00+08:00"},
                            headers=OPERATOR)
    assert late.status_code == 422 and "ends_at must be after starts_at" in late.json()["error"]["message"]
    renamed = await client.put("/v1/admin/campaigns/launch", json={"id": "other"}, headers=OPERATOR)
    assert renamed.status_code == 422
    shown = (await client.get("/v1/admin/campaigns/launch", headers=OPERATOR)).json()
    assert shown["version"] == 1  # nothing refused was saved


async def test_a_campaign_id_that_no_campaign_could_have_is_a_422(client: httpx.AsyncClient):
    # Found by tests/test_api_fuzz.py: a NUL in the id reached PostgreSQL and came back as a 500.
    for method, path in [("GET", "/v1/admin/campaigns/a%00b"), ("GET", "/v1/admin/campaigns/a%00b/versions"),
                         ("PUT", "/v1/admin/campaigns/a%00b")]:
        response = await client.request(method, path, json={"budget_fen": 1} if method == "PUT" else None,
                                        headers=OPERATOR)
        assert response.status_code == 422, (method, path, response.text)
        assert response.json()["error"]["code"] == "invalid_request"


async def test_an_unknown_campaign_is_404(client: httpx.AsyncClient):
    for method, path in [("GET", "/v1/admin/campaigns/nope"), ("GET", "/v1/admin/campaigns/nope/versions"),
                         ("PUT", "/v1/admin/campaigns/nope")]:
        response = await client.request(method, path, json={"budget_fen": 1} if method == "PUT" else None,
                                        headers=OPERATOR)
        assert response.status_code == 404, (method, path)
        assert response.json()["error"]["code"] == "campaign_not_found"


async def test_the_budget_cannot_go_below_what_was_redeemed(client: httpx.AsyncClient, services):
    from tests.factories import propose_food, sign_up_person

    user_id, auth = await sign_up_person(client, "13600000004")
    proposal_id = await propose_food(services, user_id, [("杨枝甘露", 2)])
    paid = await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "k"})
    assert paid.status_code == 201
    below = await client.put("/v1/admin/campaigns/launch", json={"budget_fen": 2_499}, headers=OPERATOR)
    assert below.status_code == 422 and "2500 fen already redeemed" in below.json()["error"]["message"]
    exact = await client.put("/v1/admin/campaigns/launch", json={"budget_fen": 2_500}, headers=OPERATOR)
    assert exact.status_code == 200
    assert (exact.json()["redeemed_fen"], exact.json()["left_fen"]) == (2_500, 0)


async def test_the_campaign_routes_are_in_the_openapi_document(client: httpx.AsyncClient):
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert {"get", "post"} <= set(paths["/v1/admin/campaigns"])
    assert {"get", "put"} <= set(paths["/v1/admin/campaigns/{campaign_id}"])
    assert "get" in paths["/v1/admin/campaigns/{campaign_id}/versions"]


# ---- bangwo campaign ---------------------------------------------------------------------------------


@pytest.fixture
def cli_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """The CLI on the test's store, no Redis unless a test adds it."""
    return {"BANGWO_DATABASE_URL": database_url, "BANGWO_DATA_DIR": str(tmp_path), "BANGWO_REDIS_URL": "",
            "BANGWO_NOW": "2026-02-10T10:00:00+08:00"}


CREATE_NIGHT_TWO = ("campaign", "create", "--id", "night-two", "--name", "第二晚",
                    "--starts", "2026-02-11T00:00:00+08:00", "--ends", "2026-02-12T00:00:00+08:00",
                    "--card-value-fen", "1000", "--budget-fen", "5000000", "--categories", "food,movie")


def test_campaign_help_names_every_action():
    result = run("campaign", "--help")
    assert result.returncode == 0
    for action in ("list", "show", "create", "update", "versions", "reconcile"):
        assert action in result.stdout
    assert "--card-value-fen" in run("campaign", "create", "--help").stdout


def test_the_cli_creates_changes_and_lists_versions(cli_env):
    created = run(*CREATE_NIGHT_TWO, env=cli_env)
    assert created.returncode == 0, created.stderr
    assert "night-two" in created.stdout and "¥10.00" in created.stdout

    changed = run("campaign", "update", "night-two", "--budget-fen", "9000000", "--categories", "all", env=cli_env)
    assert changed.returncode == 0, changed.stderr
    shown = json.loads(run("campaign", "show", "night-two", "--json", env=cli_env).stdout)
    assert (shown["version"], shown["budget_fen"], shown["categories"], shown["left_fen"]) == (2, 9_000_000, [],
                                                                                              9_000_000)
    versions = json.loads(run("campaign", "versions", "night-two", "--json", env=cli_env).stdout)
    assert [(v["version"], v["config"]["budget_fen"], v["changed_by"]) for v in versions] == [
        (1, 5_000_000, "cli"), (2, 9_000_000, "cli")]
    listed = json.loads(run("campaign", "list", "--json", env=cli_env).stdout)
    assert [c["id"] for c in listed] == ["night-two"]
    assert "night-two" in run("campaign", "list", env=cli_env).stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("campaign", "update", "night-two", "--ends", "2026-02-01T00:00:00+08:00"), "ends_at must be after starts_at"),
        (("campaign", "update", "night-two", "--categories", "pizza"), "unknown ['pizza']"),
        (("campaign", "update", "night-two"), "name at least one setting"),
        (("campaign", "update", "nope", "--name", "x"), "no campaign 'nope'"),
        (("campaign", "show", "nope"), "no campaign 'nope'"),
        (("campaign", "versions", "nope"), "no campaign 'nope'"),
        (CREATE_NIGHT_TWO, "already exists"),
        (("campaign", "create", "--id", "x", "--name", "x", "--starts", "2026-02-11T00:00:00", "--ends",
          "2026-02-12T00:00:00+08:00"), "needs a timezone"),
        (("campaign", "update", "night-two", "--budget-fen", "lots"), "invalid int value"),
        (("campaign", "reconcile"), "BANGWO_REDIS_URL is not set"),
    ],
)
def test_the_cli_says_what_is_wrong_without_a_traceback(cli_env, args, says):
    assert run(*CREATE_NIGHT_TWO, env=cli_env).returncode == 0
    result = run(*args, env=cli_env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr


def test_reconcile_compares_redis_with_the_database_and_fixes_it(cli_env):
    client = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    prefix = f"bangwo-test:{uuid.uuid4().hex}:"
    env = cli_env | {"BANGWO_REDIS_URL": REDIS_URL, "BANGWO_REDIS_PREFIX": prefix}
    try:
        assert run(*CREATE_NIGHT_TWO, env=env).returncode == 0
        fresh = run("campaign", "reconcile", env=env)
        assert fresh.returncode == 0 and "not started" in fresh.stdout and "agree" in fresh.stdout

        client.set(f"{prefix}campaign:night-two:reserved_fen", 1_000)  # a reservation whose process died
        found = run("campaign", "reconcile", "night-two", env=env)
        assert found.returncode == 1, found.stderr
        assert "DIFFER" in found.stdout and "1000 fen above" in found.stdout

        fixed = run("campaign", "reconcile", "--fix", env=env)
        assert fixed.returncode == 0 and "Redis set to 0 fen" in fixed.stdout
        assert client.get(f"{prefix}campaign:night-two:reserved_fen") == "0"
        agreed = run("campaign", "reconcile", env=env)
        assert agreed.returncode == 0 and "DIFFER" not in agreed.stdout
    finally:
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
        client.close()
