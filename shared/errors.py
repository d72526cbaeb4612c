"""Domain errors: raised inside shared/, translated to French text at the edge."""

from datetime import datetime

from shared import strings
from shared.clock import paris_time
from shared.models import Problem


class DomainError(Exception):
    """Something the person must be told; `message` is the French text."""

    message: str = strings.STORAGE_FAILED

    def __str__(self) -> str:
        return self.message


class InvalidInput(DomainError):
    """What was typed has problems (shown field by field)."""

    message = strings.FORM_SUMMARY

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems


class SignInRefused(DomainError):
    """A wrong code or an unknown NIR (the same message), and the tries left before the lock."""

    def __init__(self, tries_left: int) -> None:
        super().__init__()
        self.tries_left = tries_left
        left = (
            strings.SIGN_IN_LAST_TRY
            if tries_left == 1
            else strings.SIGN_IN_TRIES_LEFT.format(n=tries_left)
        )
        self.message = f"{strings.SIGN_IN_REFUSED} {left}"


class AccountLocked(DomainError):
    def __init__(self, until: datetime) -> None:
        super().__init__()
        self.until = until
        self.message = strings.SIGN_IN_LOCKED.format(heure=paris_time(until))


class ProcurationAlreadyActive(DomainError):
    message = strings.ALREADY_ACTIVE


class StorageError(DomainError):
    """The store could not read or write (full disk, I/O error, busy): nothing was changed."""

    message = strings.STORAGE_FAILED


class NotSignedIn(DomainError):
    message = strings.SESSION_EXPIRED


class NoActiveProcuration(DomainError):
    """A document was asked for, but no procuration is active (revoked, expired or none)."""

    message = strings.NO_DOCUMENT
