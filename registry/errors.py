"""What the registry refuses, beyond the domain's own errors (shared.errors)."""

from shared import strings
from shared.errors import DomainError, SignInRefused


class NotAuthenticated(DomainError):
    """No token, an unknown one, or one that has expired."""

    message = strings.REGISTRY_NOT_AUTHENTICATED


class Forbidden(DomainError):
    """A valid token of the wrong kind (an agent's where the insured acts, or the reverse)."""

    message = strings.REGISTRY_FORBIDDEN


class UnknownProcuration(DomainError):
    """No procuration with that reference among the insured's own."""

    message = strings.REGISTRY_UNKNOWN_PROCURATION


class ReferenceTaken(DomainError):
    """The reference made by the app is already another procuration's."""

    message = strings.REGISTRY_REFERENCE_TAKEN


class AgentSignInRefused(SignInRefused):
    """A wrong agent identifier or password (the tries left are not told at the counter)."""

    def __init__(self, tries_left: int) -> None:
        super().__init__(tries_left)
        self.message = strings.AGENT_SIGN_IN_REFUSED
