"""The state of one session, split by job; components re-render when what they read changes.

Fields are assigned on Flet's event loop only (the domain's work runs elsewhere and its
result is assigned after `await`): an observable's change schedules a redraw on that loop.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

import flet as ft

from shared.models import Account, Mandataire, Payment, Problem, Procuration
from shared.reminder import Reminder
from shared.rules import MandataireForm, is_complete
from shared.standing import Standing


def message_for(problems: tuple[Problem, ...], name: str) -> str | None:
    """The message of the first problem on that field, if any."""
    return next((p.message for p in problems if p.field == name), None)


class DialogKind(Enum):
    INFO = "info"
    REVOKE = "revoke"


@dataclass(frozen=True)
class Dialog:
    """A dialog to show: what it says and which answers it offers."""

    kind: DialogKind
    title: str
    text: str


@ft.observable
@dataclass
class Dialogs:
    """The dialog shown over the screens, if any. An observable of its own, which the root
    alone reads: a dialog that opens or closes redraws no screen."""

    shown: Dialog | None = None


@dataclass
class Activity:
    """When the person last did something, for the idle sign-out. Not observed: no screen
    draws it, and a change would redraw every screen at each tap."""

    last: datetime | None = None


@ft.observable
@dataclass
class Session:
    """Who is signed in, what the sign-in screen says, the dialog, the procurations."""

    account: Account | None = None
    current: Procuration | None = None  # the active procuration, as last read from the store
    history: tuple[Procuration, ...] = ()  # every procuration of the account, newest first
    reminder: Reminder | None = None  # the one due today, as last read from the store
    # Where each procuration stands with the caisse's registry, by procuration id.
    standings: dict[int, Standing] = field(default_factory=dict)
    payments: tuple[Payment, ...] = ()
    typed_nir: str = ""  # shown again after a refusal; the code never is
    sign_in_problems: tuple[Problem, ...] = ()
    message: str | None = None
    notice: str | None = None
    dialogs: Dialogs = field(default_factory=Dialogs)
    busy: bool = False  # the progress bar: work that has lasted (Actions._working)
    activity: Activity = field(default_factory=Activity)

    def sign_in_problem(self, name: str) -> str | None:
        return message_for(self.sign_in_problems, name)


@ft.observable
@dataclass
class Request:
    """The procuration request being made: the form, its check, the certification, the grant."""

    form: MandataireForm = field(default_factory=MandataireForm)
    problems: tuple[Problem, ...] = ()
    checked: Mandataire | None = None  # what the recap shows
    certified: bool = False
    granted: Procuration | None = None
    rating: int | None = None

    def problem(self, name: str) -> str | None:
        return message_for(self.problems, name)

    @property
    def can_go_next(self) -> bool:
        """« Suivant » is active once every mandatory field is filled."""
        return is_complete(self.form)

    def reset(self) -> None:
        """Forget the request: granted, abandoned, or the session ended."""
        self.form, self.problems, self.checked = MandataireForm(), (), None
        self.certified, self.granted, self.rating = False, None, None
