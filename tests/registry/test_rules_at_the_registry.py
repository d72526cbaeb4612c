"""The registry applies shared/'s rules again, with its own clock, on SQLite and PostgreSQL;
its schema is what the migrations make."""

import json
from datetime import UTC, date, datetime, timedelta

import httpx
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from registry import tables
from shared import strings
from shared.reference import new_reference
from shared.rules import validity_end
from tests.registry.calls import grant_body, key, revoke_all, sign_in, sign_in_agent
from tests.registry_process import RegistryProcess


def test_a_grant_is_recorded_with_the_validity_computed_at_the_registry(client: httpx.Client):
    auth = sign_in(client)
    revoke_all(client, auth)
    reply = client.post("/procurations", json=grant_body(), headers={**auth, **key()})
    assert reply.status_code == 201, reply.text
    body = reply.json()
    today = date.fromisoformat(body["created_on"])
    assert body["valid_until"] == validity_end(today).isoformat()
    assert body["status"] == "active"


def test_a_creation_date_in_the_future_gives_no_extra_day(client: httpx.Client):
    auth = sign_in(client)
    revoke_all(client, auth)
    later = datetime.now(UTC) + timedelta(days=40)
    reply = client.post(
        "/procurations", json=grant_body(created_at=later.isoformat()), headers={**auth, **key()}
    )
    assert reply.status_code == 201
    created_on = date.fromisoformat(reply.json()["created_on"])
    assert created_on <= datetime.now(UTC).date() + timedelta(days=1)


def test_a_minor_mandataire_is_refused_with_the_seed_message(client: httpx.Client):
    auth = sign_in(client)
    revoke_all(client, auth)
    born = date.today().replace(year=date.today().year - 17).isoformat()
    reply = client.post(
        "/procurations", json=grant_body(date_naissance=born), headers={**auth, **key()}
    )
    assert reply.status_code == 422
    assert reply.json()["code"] == "invalid"
    assert reply.json()["problems"][0]["message"] == strings.MESSAGES["minor"]


def test_a_second_active_procuration_is_refused_in_french(client: httpx.Client):
    auth = sign_in(client)
    revoke_all(client, auth)
    assert (
        client.post("/procurations", json=grant_body(), headers={**auth, **key()}).status_code
        == 201
    )
    reply = client.post("/procurations", json=grant_body(), headers={**auth, **key()})
    assert reply.status_code == 409
    assert reply.json() == {
        "code": "already_active",
        "message": strings.ALREADY_ACTIVE,
        "problems": [],
    }


def test_the_same_key_is_applied_once_and_answered_the_same(client: httpx.Client):
    auth = sign_in(client)
    revoke_all(client, auth)
    headers, body = {**auth, **key()}, grant_body()
    first = client.post("/procurations", json=body, headers=headers)
    again = client.post("/procurations", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    references = [row["reference"] for row in client.get("/procurations", headers=auth).json()]
    assert references.count(body["reference"]) == 1


def test_an_expired_procuration_is_closed_by_the_next_grant(
    client: httpx.Client, registry: RegistryProcess
):
    auth = sign_in(client)
    revoke_all(client, auth)
    old = datetime.now(UTC) - timedelta(days=70)
    expired = client.post(
        "/procurations", json=grant_body(created_at=old.isoformat()), headers={**auth, **key()}
    )
    assert expired.json()["status"] == "expired"  # recorded, closed at once
    # An open row that has run out (as if its month passed at the registry) is closed by a grant.
    engine = registry.engine()
    p = tables.procurations
    fresh = client.post("/procurations", json=grant_body(), headers={**auth, **key()}).json()
    with engine.begin() as conn:
        conn.execute(
            p.update()
            .where(p.c.reference == fresh["reference"])
            .values(created_on=date(2020, 1, 1), valid_until=date(2020, 2, 1))
        )
    reply = client.post("/procurations", json=grant_body(), headers={**auth, **key()})
    assert reply.status_code == 201
    with engine.connect() as conn:
        closed = conn.execute(sa.select(p.c.closed_at).where(p.c.reference == fresh["reference"]))
        assert closed.scalar_one() is not None
    engine.dispose()


def test_the_schema_itself_refuses_two_open_procurations(registry: RegistryProcess):
    engine = registry.engine()
    p = tables.procurations
    row = {
        "account_id": 2,
        "civilite": "Madame",
        "nom": "Durand",
        "prenom": "Anne",
        "date_naissance": date(1980, 2, 1),
        "created_at": datetime.now(UTC),
        "created_on": date.today(),
        "valid_until": validity_end(date.today()),
    }
    with engine.begin() as conn:
        conn.execute(p.update().where(p.c.account_id == 2).values(closed_at=datetime.now(UTC)))
        conn.execute(p.insert().values(reference="SCHEMA0001", **row))
    try:
        with engine.begin() as conn:
            conn.execute(p.insert().values(reference="SCHEMA0002", **row))
    except sa.exc.IntegrityError:
        pass
    else:
        raise AssertionError("two open procurations for one insured were accepted")
    finally:
        with engine.begin() as conn:
            conn.execute(p.update().where(p.c.account_id == 2).values(closed_at=datetime.now(UTC)))
        engine.dispose()


def test_the_counter_sees_a_revocation_at_once(client: httpx.Client):
    auth, agent = sign_in(client), sign_in_agent(client)
    revoke_all(client, auth)
    granted = client.post(
        "/procurations", json=grant_body(nom_usage="Lemoine"), headers={**auth, **key()}
    )
    reference = granted.json()["reference"]
    valid = client.post("/checks/reference", json={"reference": reference.lower()}, headers=agent)
    assert valid.status_code == 200
    answer = valid.json()
    fin = date.fromisoformat(answer["valid_until"]).strftime("%d/%m/%Y")
    assert answer["message"] == strings.COUNTER_VALID.format(fin=fin)
    assert answer["mandataire"]["nom_usage"] == "Lemoine"
    assert set(answer) == {"valid", "message", "valid_until", "mandataire", "checked_at"}
    by_identity = client.post(
        "/checks/identity",
        json={
            "nir": "1 90 03 75 112 004",
            "nom": "LEMOINE",
            "prenom": "martin",
            "date_naissance": "1970-09-20",
        },
        headers=agent,
    )
    assert by_identity.json()["valid"] is True
    client.post(f"/procurations/{reference}/revocation", headers={**auth, **key()})
    after = client.post("/checks/reference", json={"reference": reference}, headers=agent).json()
    assert after == {**after, "valid": False, "message": strings.COUNTER_NONE, "mandataire": None}
    own = {row["reference"]: row for row in client.get("/procurations", headers=auth).json()}
    assert len(own[reference]["checks"]) == 2  # the insured sees the checks that found it valid


def test_a_wrong_mandataire_gets_no_valid_procuration(client: httpx.Client):
    auth, agent = sign_in(client), sign_in_agent(client)
    revoke_all(client, auth)
    client.post("/procurations", json=grant_body(), headers={**auth, **key()})
    reply = client.post(
        "/checks/identity",
        json={
            "nir": "1900375112004",
            "nom": "Dupont",
            "prenom": "Paul",
            "date_naissance": "1970-09-20",
        },
        headers=agent,
    )
    assert reply.json()["message"] == strings.COUNTER_NONE


def test_every_check_is_recorded_with_agent_time_question_and_answer(
    client: httpx.Client, registry: RegistryProcess
):
    agent = sign_in_agent(client)
    unknown = new_reference()
    assert (
        client.post("/checks/reference", json={"reference": unknown}, headers=agent).json()["valid"]
        is False
    )
    engine = registry.engine()
    with engine.connect() as conn:
        row = conn.execute(sa.select(tables.checks).order_by(tables.checks.c.id.desc())).first()
    engine.dispose()
    assert row is not None
    assert (row.agent_id, row.kind, row.answer, row.procuration_id) == (
        1,
        "reference",
        "none",
        None,
    )
    assert json.loads(row.question) == {"reference": unknown}
    assert abs(row.at - datetime.now(UTC)) < timedelta(minutes=1)


def test_the_migrations_make_exactly_the_tables_the_queries_use(registry: RegistryProcess):
    engine = registry.engine()
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, tables.metadata) == []
            assert context.get_current_revision() == "0001"
    finally:
        engine.dispose()
