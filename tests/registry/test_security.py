"""Who may do what at the registry: every protected endpoint with each wrong kind of token."""

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from registry import tables
from registry.demo import AGENT_PASSWORD
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.errors import SignInRefused
from shared.nir import format_nir
from tests.registry.app_side import FORM, alexis, open_app
from tests.registry.calls import (
    grant_body,
    key,
    revoke_all,
    sign_in,
    sign_in_agent,
    sign_in_camille,
)
from tests.registry_process import RegistryProcess

PUBLIC = {("GET", "/v1/health"), ("POST", "/v1/sessions/insured"), ("POST", "/v1/sessions/agent")}
INSURED_ONLY = {
    ("GET", "/v1/procurations"),
    ("POST", "/v1/procurations"),
    ("POST", "/v1/procurations/{reference}/revocation"),
}
AGENT_ONLY = {("POST", "/v1/checks/reference"), ("POST", "/v1/checks/identity")}
ANYONE_SIGNED_IN = {("DELETE", "/v1/sessions/current")}


def call(
    http: httpx.Client, method: str, path: str, headers: dict[str, str], reference: str
) -> httpx.Response:
    bodies = {
        "/v1/procurations": grant_body(),
        "/v1/checks/reference": {"reference": reference},
        "/v1/checks/identity": {
            "nir": ALEXIS_NIR,
            "nom": "Dupont",
            "prenom": "Martin",
            "date_naissance": "1970-09-20",
        },
    }
    url = path.removeprefix("/v1").replace("{reference}", reference)
    return http.request(
        method,
        url,
        headers={**headers, **key()},
        json=bodies.get(path) if method == "POST" else None,
    )


@pytest.fixture
def alexis_reference(client: httpx.Client) -> str:
    auth = sign_in(client)
    revoke_all(client, auth)
    return str(
        client.post("/procurations", json=grant_body(), headers={**auth, **key()}).json()[
            "reference"
        ]
    )


def expire(registry: RegistryProcess, headers: dict[str, str]) -> None:
    digest = hashlib.sha256(headers["Authorization"].removeprefix("Bearer ").encode()).hexdigest()
    engine = registry.engine()
    with engine.begin() as conn:
        conn.execute(
            tables.tokens.update()
            .where(tables.tokens.c.token_hash == digest)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    engine.dispose()


def test_the_matrix_names_every_endpoint_of_the_openapi_document(client: httpx.Client):
    document = client.get("/openapi.json").json()
    seen = {(m.upper(), path) for path, ops in document["paths"].items() for m in ops}
    assert seen == PUBLIC | INSURED_ONLY | AGENT_ONLY | ANYONE_SIGNED_IN


@pytest.mark.parametrize("method, path", sorted(INSURED_ONLY | AGENT_ONLY | ANYONE_SIGNED_IN))
def test_no_token_or_a_made_up_one_is_refused(
    client: httpx.Client, alexis_reference: str, method: str, path: str
):
    for headers in ({}, {"Authorization": "Bearer made-up"}, {"Authorization": "Basic eDp5"}):
        reply = call(client, method, path, headers, alexis_reference)
        assert reply.status_code == 401, (headers, reply.text)
        assert reply.json()["message"] == strings.REGISTRY_NOT_AUTHENTICATED
        assert reply.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("method, path", sorted(INSURED_ONLY))
def test_an_agent_token_cannot_act_for_an_insured(
    client: httpx.Client, alexis_reference: str, method: str, path: str
):
    reply = call(client, method, path, sign_in_agent(client), alexis_reference)
    assert reply.status_code == 403
    assert reply.json()["message"] == strings.REGISTRY_FORBIDDEN


@pytest.mark.parametrize("method, path", sorted(AGENT_ONLY))
def test_an_insured_token_cannot_check_at_the_counter(
    client: httpx.Client, alexis_reference: str, method: str, path: str
):
    reply = call(client, method, path, sign_in(client), alexis_reference)
    assert reply.status_code == 403


@pytest.mark.parametrize("method, path", sorted(INSURED_ONLY | AGENT_ONLY | ANYONE_SIGNED_IN))
def test_an_expired_token_is_refused(
    client: httpx.Client, registry: RegistryProcess, alexis_reference: str, method: str, path: str
):
    headers = sign_in_agent(client) if (method, path) in AGENT_ONLY else sign_in(client)
    assert call(client, "GET", "/v1/health", headers, alexis_reference).status_code == 200
    expire(registry, headers)
    assert call(client, method, path, headers, alexis_reference).status_code == 401


def test_another_insureds_token_reaches_none_of_alexis_procurations(
    client: httpx.Client, alexis_reference: str
):
    camille = sign_in_camille(client)
    assert alexis_reference not in {
        row["reference"] for row in client.get("/procurations", headers=camille).json()
    }
    reply = client.post(
        f"/procurations/{alexis_reference}/revocation", headers={**camille, **key()}
    )
    assert reply.status_code == 404
    agent = sign_in_agent(client)
    still = client.post("/checks/reference", json={"reference": alexis_reference}, headers=agent)
    assert still.json()["valid"] is True


def test_a_signed_out_token_no_longer_works(client: httpx.Client):
    auth = sign_in(client)
    assert client.delete("/sessions/current", headers=auth).status_code == 204
    assert client.get("/procurations", headers=auth).status_code == 401


def test_tokens_are_random_and_stored_only_as_hashes(
    client: httpx.Client, registry: RegistryProcess
):
    values = {sign_in(client)["Authorization"].removeprefix("Bearer ") for _ in range(3)}
    assert len(values) == 3 and all(len(v) >= 43 for v in values)
    engine = registry.engine()
    with engine.connect() as conn:
        stored = {row[0] for row in conn.execute(sa.select(tables.tokens.c.token_hash))}
        expiries = [row[0] for row in conn.execute(sa.select(tables.tokens.c.expires_at))]
    engine.dispose()
    assert not values & stored
    assert {hashlib.sha256(v.encode()).hexdigest() for v in values} <= stored
    assert all(at <= datetime.now(UTC) + timedelta(hours=8, minutes=1) for at in expiries)


def test_no_token_nir_or_code_reaches_a_log(
    client: httpx.Client,
    registry: RegistryProcess,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG)
    services = open_app(tmp_path, registry.url)  # the app's side logs too (httpx at DEBUG)
    me = alexis(services)
    services.revoke(me)
    services.grant(me, FORM)
    services.sync.deliver()
    services.sync.refresh()
    agent = sign_in_agent(client)
    client.post(
        "/checks/identity",
        headers=agent,
        json={
            "nir": CAMILLE_NIR,
            "nom": "Durand",
            "prenom": "Anne",
            "date_naissance": "1980-02-01",
        },
    )
    client.post("/sessions/insured", json={"nir": CAMILLE_NIR, "code": "99999999"})
    tokens = [agent["Authorization"].removeprefix("Bearer ")]
    with services.store.reading() as tx:
        tokens += [row[0] for row in tx.conn.execute("SELECT token FROM registry_tokens")]
    canaries = [
        ALEXIS_NIR,
        CAMILLE_NIR,
        format_nir(ALEXIS_NIR),
        format_nir(CAMILLE_NIR),
        ALEXIS_CODE,
        CAMILLE_CODE,
        "99999999",
        AGENT_PASSWORD,
        *tokens,
    ]
    logs = registry.log() + "\n".join(r.getMessage() for r in caplog.records)
    assert "registry token issued" in logs and "outbox entry" in logs
    assert [c for c in canaries if c in logs] == []


def test_the_lockout_counts_at_the_registry_too(client: httpx.Client):
    sign_in_camille(client)  # a success starts the count afresh
    for left in (4, 3, 2, 1):
        reply = client.post("/sessions/insured", json={"nir": CAMILLE_NIR, "code": "00000000"})
        assert reply.status_code == 401
        assert reply.json()["message"] == SignInRefused(tries_left=left).message
    locked = client.post("/sessions/insured", json={"nir": CAMILLE_NIR, "code": "00000000"})
    assert locked.status_code == 429
    right = client.post("/sessions/insured", json={"nir": CAMILLE_NIR, "code": CAMILLE_CODE})
    assert right.status_code == 429
    assert right.json()["message"].startswith("Après 5 essais infructueux")
