"""The registry's HTTP API under /v1: thin routes over access, procurations and checks."""

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from registry import access, checks, procurations
from registry.context import Registry
from registry.errors import Forbidden, NotAuthenticated, ReferenceTaken, UnknownProcuration
from registry.schemas import (
    AgentSignIn,
    CheckByIdentity,
    CheckByReference,
    CheckOut,
    ErrorOut,
    GrantIn,
    InsuredSignIn,
    MandataireOut,
    ProcurationOut,
    TokenOut,
)
from shared import strings
from shared.errors import (
    AccountLocked,
    DomainError,
    InvalidInput,
    ProcurationAlreadyActive,
    SignInRefused,
    StorageError,
)
from shared.rules import MandataireForm

_STATUS: dict[type[DomainError], tuple[int, str]] = {
    InvalidInput: (422, "invalid"),
    SignInRefused: (401, "sign_in_refused"),
    AccountLocked: (429, "locked"),
    NotAuthenticated: (401, "not_authenticated"),
    Forbidden: (403, "forbidden"),
    UnknownProcuration: (404, "unknown_procuration"),
    ProcurationAlreadyActive: (409, "already_active"),
    ReferenceTaken: (409, "reference_taken"),
    StorageError: (503, "unavailable"),
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut} for status in (400, 401, 403, 404, 409, 422, 429, 503)
}
IdempotencyKey = Annotated[
    str, Header(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", alias="Idempotency-Key")
]
_bearer = HTTPBearer(auto_error=False, description="Token given by /v1/sessions/…")
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _error(error: DomainError) -> JSONResponse:
    status, code = next(v for k, v in _STATUS.items() if isinstance(error, k))
    body = procurations.refusal_body(error, code)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if isinstance(error, AccountLocked):
        headers = {"Retry-After": "1800"}
    return JSONResponse(body, status_code=status, headers=headers)


def _answer(answer: procurations.Answer) -> JSONResponse:
    return JSONResponse(answer.body, status_code=answer.status)


def _token(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials else None


def _check_out(verdict: checks.Verdict) -> CheckOut:
    m = verdict.mandataire
    return CheckOut(
        valid=verdict.valid,
        message=verdict.message,
        valid_until=verdict.valid_until,
        mandataire=MandataireOut(**m.model_dump(mode="json")) if m else None,
        checked_at=verdict.checked_at,
    )


def router(registry: Registry) -> APIRouter:
    api = APIRouter(prefix="/v1", responses=_ERRORS)

    @api.get("/health", responses={})
    def health() -> dict[str, str]:
        """Whether the registry answers (no token needed, nothing about anyone)."""
        return {"status": "ok"}

    @api.post("/sessions/insured", status_code=201)
    def sign_in_insured(body: InsuredSignIn) -> TokenOut:
        """The insured signs in with NIR and code personnel (5 failures lock 30 minutes)."""
        token = access.sign_in_insured(registry, body.nir, body.code)
        return TokenOut(token=token.value, expires_at=token.expires_at)

    @api.post("/sessions/agent", status_code=201)
    def sign_in_agent(body: AgentSignIn) -> TokenOut:
        """A counter agent signs in with identifiant and mot de passe."""
        token = access.sign_in_agent(registry, body.identifiant, body.mot_de_passe)
        return TokenOut(token=token.value, expires_at=token.expires_at)

    @api.delete("/sessions/current", status_code=204)
    def sign_out(credentials: Bearer) -> Response:
        """Forget the token used for this request."""
        access.sign_out(registry, _token(credentials))
        return Response(status_code=204)

    @api.get("/procurations")
    def own_procurations(credentials: Bearer) -> list[ProcurationOut]:
        """The insured's own procurations, newest first, with the counter checks of each."""
        account_id = access.insured(registry, _token(credentials))
        return [ProcurationOut(**row) for row in procurations.own(registry, account_id)]

    @api.post("/procurations", status_code=201, response_model=ProcurationOut)
    def grant(body: GrantIn, key: IdempotencyKey, credentials: Bearer) -> JSONResponse:
        """Record a procuration made in the app; the rules are applied again here."""
        account_id = access.insured(registry, _token(credentials))
        form = MandataireForm(
            civilite=body.civilite,
            nom=body.nom,
            nom_usage=body.nom_usage or "",
            prenom=body.prenom,
            date_naissance=procurations.as_text(body.date_naissance),
        )
        return _answer(
            procurations.grant(registry, account_id, key, body.reference, form, body.created_at)
        )

    @api.post("/procurations/{reference}/revocation", response_model=ProcurationOut)
    def revoke(reference: str, key: IdempotencyKey, credentials: Bearer) -> JSONResponse:
        """Revoke one of the insured's procurations: the counter refuses it from now on."""
        account_id = access.insured(registry, _token(credentials))
        return _answer(procurations.revoke(registry, account_id, key, reference.upper()))

    @api.post("/checks/reference")
    def check_reference(body: CheckByReference, credentials: Bearer) -> CheckOut:
        """The counter checks the reference printed on the procuration (agents only)."""
        return _check_out(checks.by_reference(registry, _token(credentials), body.reference))

    @api.post("/checks/identity")
    def check_identity(body: CheckByIdentity, credentials: Bearer) -> CheckOut:
        """The counter checks the insured's NIR and the mandataire's identity (agents only)."""
        born = procurations.as_text(body.date_naissance)
        token = _token(credentials)
        return _check_out(
            checks.by_identity(registry, token, body.nir, body.nom, body.prenom, born)
        )

    return api


def install(app: FastAPI, registry: Registry) -> None:
    """The routes and the handlers that turn every refusal into a French ErrorOut."""

    async def domain_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, DomainError)
        return _error(error)

    async def bad_request(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        fields = sorted({str(e["loc"][-1]) for e in error.errors() if e.get("loc")})
        problems = [
            {"field": f, "code": "invalid_value", "message": strings.MESSAGES["invalid_value"]}
            for f in fields
        ]
        body = {
            "code": "bad_request",
            "message": strings.REGISTRY_BAD_REQUEST,
            "problems": problems,
        }
        return JSONResponse(body, status_code=422)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if not request.url.path.startswith("/v1/"):
            return await http_exception_handler(request, error)
        code = "bad_request" if error.status_code in (400, 422) else "not_found"
        body = {"code": code, "message": strings.REGISTRY_BAD_REQUEST, "problems": []}
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)

    async def database_down(_: Request, error: Exception) -> JSONResponse:
        return _error(StorageError())

    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(sa.exc.OperationalError, database_down)
    app.include_router(router(registry))
