"""20 clients at once grant, revoke and check, on each backend: no error reaches anyone, and an
insured never has two active procurations (held by the schema, checked on the timestamps)."""

import itertools
import threading
from collections import Counter
from datetime import UTC, datetime

import httpx
import sqlalchemy as sa

from registry import tables
from tests.registry.calls import grant_body, key, sign_in, sign_in_agent, sign_in_camille
from tests.registry_process import RegistryProcess

CLIENTS, ROUNDS = 20, 6
EXPECTED = {"grant": {201, 409}, "revoke": {200}, "check": {200}, "list": {200}}


def client_rounds(
    url: str, index: int, seen: Counter[tuple[str, int]], failures: list[str]
) -> None:
    try:
        with httpx.Client(base_url=url + "/v1", timeout=30) as http:
            auth = sign_in(http) if index % 2 else sign_in_camille(http)
            agent = sign_in_agent(http)
            for _ in range(ROUNDS):
                body = grant_body()
                granted = http.post("/procurations", json=body, headers={**auth, **key()})
                seen["grant", granted.status_code] += 1
                checked = http.post(
                    "/checks/reference", json={"reference": body["reference"]}, headers=agent
                )
                seen["check", checked.status_code] += 1
                listed = http.get("/procurations", headers=auth)
                seen["list", listed.status_code] += 1
                active = [row for row in listed.json() if row["status"] == "active"]
                for row in active:
                    revoked = http.post(
                        f"/procurations/{row['reference']}/revocation", headers={**auth, **key()}
                    )
                    seen["revoke", revoked.status_code] += 1
    except Exception as error:  # reported to the test, never swallowed
        failures.append(repr(error))


def overlapping(engine: sa.Engine) -> list[tuple[int, str, str]]:
    """Pairs of one insured's procurations whose active periods overlap."""
    p = tables.procurations
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                p.c.account_id, p.c.reference, p.c.created_at, p.c.revoked_at, p.c.closed_at
            ).order_by(p.c.account_id, p.c.created_at)
        ).all()
    far = datetime.max.replace(tzinfo=UTC)
    found = []
    for earlier, later in itertools.pairwise(rows):
        if earlier.account_id != later.account_id:
            continue
        ended = earlier.revoked_at or earlier.closed_at or far
        if later.created_at < ended:
            found.append((later.account_id, earlier.reference, later.reference))
    return found


def test_twenty_clients_at_once_see_no_error_and_never_two_active(registry: RegistryProcess):
    seen: Counter[tuple[str, int]] = Counter()
    failures: list[str] = []
    threads = [
        threading.Thread(target=client_rounds, args=(registry.url, i, seen, failures))
        for i in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    unexpected = {k: n for k, n in seen.items() if k[1] not in EXPECTED[k[0]]}
    assert unexpected == {}
    assert sum(n for (kind, _), n in seen.items() if kind == "grant") == CLIENTS * ROUNDS
    assert seen["grant", 201] >= 2
    engine = registry.engine()
    try:
        assert overlapping(engine) == []
        p = tables.procurations
        with engine.connect() as conn:
            open_rows = conn.execute(
                sa.select(p.c.account_id, sa.func.count())
                .where(p.c.closed_at.is_(None))
                .group_by(p.c.account_id)
            ).all()
        assert all(n <= 1 for _, n in open_rows)
    finally:
        engine.dispose()
