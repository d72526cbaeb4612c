"""What the registry's tests send: sign-ins, a grant body, fresh idempotency keys."""

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.reference import new_reference


def sign_in(http: httpx.Client, nir: str = ALEXIS_NIR, code: str = ALEXIS_CODE) -> dict[str, str]:
    """Authorization headers of an insured's fresh token."""
    reply = http.post("/sessions/insured", json={"nir": nir, "code": code})
    assert reply.status_code == 201, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def sign_in_camille(http: httpx.Client) -> dict[str, str]:
    return sign_in(http, CAMILLE_NIR, CAMILLE_CODE)


def sign_in_agent(http: httpx.Client) -> dict[str, str]:
    from registry.demo import AGENT_IDENTIFIANT, AGENT_PASSWORD

    reply = http.post(
        "/sessions/agent", json={"identifiant": AGENT_IDENTIFIANT, "mot_de_passe": AGENT_PASSWORD}
    )
    assert reply.status_code == 201, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def grant_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reference": new_reference(),
        "civilite": "Monsieur",
        "nom": "Dupont",
        "prenom": "Martin",
        "date_naissance": "1970-09-20",
        "created_at": datetime.now(UTC).isoformat(),
    }
    return {**body, **changes}


def revoke_all(http: httpx.Client, auth: dict[str, str]) -> None:
    """Leave the insured with no active procuration, whatever an earlier test did."""
    for row in http.get("/procurations", headers=auth).json():
        if row["status"] == "active":
            reply = http.post(
                f"/procurations/{row['reference']}/revocation", headers={**auth, **key()}
            )
            assert reply.status_code == 200
