"""What one signed-in person sees and does: plain Python, tested without flet."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mobile.routes import Screen
from shared import strings
from shared.errors import DomainError, InvalidInput, ProcurationAlreadyActive
from shared.models import Account, Mandataire, Payment, Problem, Procuration
from shared.rules import MandataireForm, read_mandataire, validity_end
from shared.services import Services, check_sign_in

IDLE_LIMIT = timedelta(minutes=15)
MANDATORY = ("civilite", "nom", "prenom", "date_naissance")


def message_for(problems: tuple[Problem, ...], name: str) -> str | None:
    """The message of the first problem on that field, if any."""
    return next((p.message for p in problems if p.field == name), None)


@dataclass
class Flow:
    """The procuration request being filled in."""

    form: MandataireForm = field(default_factory=MandataireForm)
    problems: tuple[Problem, ...] = ()
    certified: bool = False
    granted: Procuration | None = None
    rating: int | None = None

    def problem(self, name: str) -> str | None:
        return message_for(self.problems, name)


@dataclass
class Dialog:
    """A modal to show: title, text, and whether it is the revoke confirmation."""

    title: str
    text: str
    revoke: bool = False


@dataclass
class AppState:
    """One browser session or one phone: its own account, screen and flow; no module state."""

    services: Services
    account: Account | None = None
    screen: Screen = Screen.SIGN_IN
    flow: Flow = field(default_factory=Flow)
    sign_in_problems: tuple[Problem, ...] = ()
    typed_nir: str = ""  # shown again after a refusal; the code never is
    message: str | None = None
    notice: str | None = None
    dialog: Dialog | None = None
    last_activity: datetime | None = None
    # The active procuration as last read by settle() or go(): what the screens show, so that
    # a drawing reads the store once, not once per screen part.
    current: Procuration | None = None

    # --- session -------------------------------------------------------------------------
    def touch(self) -> bool:
        """Note an action; False (and signed out) when the session was idle too long."""
        now = self.services.clock()
        if self.account and self.last_activity and now - self.last_activity > IDLE_LIMIT:
            self.sign_out(strings.SESSION_EXPIRED)
            return False
        self.last_activity = now
        return True

    def idle_expired(self) -> bool:
        """Called by a timer: sign out a session idle for 15 minutes."""
        idle = self.last_activity and self.services.clock() - self.last_activity > IDLE_LIMIT
        if self.account and idle:
            self.sign_out(strings.SESSION_EXPIRED)
            return True
        return False

    def sign_in(self, nir: str, code: str) -> bool:
        self.message, self.notice, self.typed_nir = None, None, nir
        _, problems = check_sign_in(nir, code)
        self.sign_in_problems = tuple(problems)
        if problems:
            return False
        try:
            self.account = self.services.sign_in(nir, code)
        except DomainError as error:
            self.message = error.message
            return False
        self.last_activity, self.typed_nir = self.services.clock(), ""
        self.go(Screen.HOME)
        return True

    def sign_out(self, message: str | None = None) -> None:
        self.account, self.flow, self.dialog = None, Flow(), None
        self.sign_in_problems, self.notice = (), None
        self.message = message
        self.screen = Screen.SIGN_IN

    def sign_in_problem(self, name: str) -> str | None:
        return message_for(self.sign_in_problems, name)

    # --- reading -------------------------------------------------------------------------
    @property
    def account_id(self) -> int:
        assert self.account is not None, "screen shown without an account"
        return self.account.id

    def current_procuration(self) -> Procuration | None:
        """Read the active procuration from the store, and keep it as `current`."""
        self.current = self.services.current_procuration(self.account_id) if self.account else None
        return self.current

    def payments(self) -> list[Payment]:
        return self.services.payments(self.account_id) if self.account else []

    def recap_mandataire(self) -> Mandataire | None:
        """The mandataire as the recap shows it (None if the form no longer reads)."""
        return read_mandataire(self.flow.form, self.services.today(), self.account).mandataire

    def validity_if_granted_today(self) -> date:
        return validity_end(self.services.today())

    # --- navigation ----------------------------------------------------------------------
    def go(self, screen: Screen) -> None:
        """Show a screen; account screens need a live session."""
        if not self.account:
            self.screen = Screen.SIGN_IN
            return
        if not self.touch():
            return
        self.message, self.notice = None, None
        self.current_procuration()
        self.screen = self._allowed(screen)

    def settle(self) -> None:
        """Keep the screen true to the store: another device may have revoked, a day may end."""
        self.current_procuration()
        self.screen = self._allowed(self.screen)
        if self.dialog and self.dialog.revoke and self.current is None:
            self.dialog = None

    def _allowed(self, screen: Screen) -> Screen:
        if not self.account:
            return Screen.SIGN_IN
        if screen in (
            Screen.PRINCIPLES,
            Screen.MANDATAIRE,
            Screen.RECAP,
            Screen.PROCURATION_ACTIVE,
        ):
            active = self.current is not None
            if active or screen is Screen.PROCURATION_ACTIVE:
                return Screen.PROCURATION_ACTIVE if active else Screen.PRINCIPLES
        if screen is Screen.RECAP and self.recap_mandataire() is None:
            return Screen.MANDATAIRE
        if screen is Screen.CONFIRMATION and self.flow.granted is None:
            return Screen.HOME
        return screen

    def open_procuration(self) -> None:
        """« Faire ou révoquer une procuration en ligne »: the active one, or the principles."""
        self.go(Screen.PROCURATION_ACTIVE)

    def start_request(self) -> None:
        self.flow = Flow()
        self.go(Screen.MANDATAIRE)

    def back_to_dashboard(self) -> None:
        self.flow = Flow()
        self.go(Screen.HOME)

    # --- the form ------------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> None:
        """Keep what is typed; an edited field loses its old message."""
        self.flow.form = self.flow.form.model_copy(update={name: value})
        kept = (p for p in self.flow.problems if p.field not in (name, "mandataire"))
        self.flow.problems = tuple(kept)

    @property
    def can_go_next(self) -> bool:
        """« Suivant » is active once every mandatory field is filled."""
        return all(getattr(self.flow.form, name).strip() for name in MANDATORY)

    def next(self) -> None:
        """Check the form; show the recap, or the problems next to their fields."""
        if not self.account or not self.touch():
            return
        reading = read_mandataire(self.flow.form, self.services.today(), self.account)
        self.flow.problems = reading.problems
        if reading.mandataire is None:
            return
        self.flow.certified = False
        self.go(Screen.RECAP)

    def back_from_form(self) -> None:
        self.go(Screen.PRINCIPLES)

    def back_from_recap(self) -> None:
        self.go(Screen.MANDATAIRE)

    def certify(self, value: bool) -> None:
        self.flow.certified = value

    def validate(self) -> None:
        """« Valider »: record the procuration, then the confirmation page."""
        if not self.account or not self.touch() or not self.flow.certified:
            return
        try:
            granted = self.services.grant(self.account_id, self.flow.form)
        except ProcurationAlreadyActive as error:
            self.flow = Flow()
            self.go(Screen.PROCURATION_ACTIVE)
            self.message = error.message
            return
        except InvalidInput as error:
            self.flow.problems = tuple(error.problems)
            self.go(Screen.MANDATAIRE)
            return
        except DomainError as error:
            self.message = error.message
            return
        self.flow = Flow(granted=granted)
        self.go(Screen.CONFIRMATION)

    def rate(self, stars: int) -> None:
        granted = self.flow.granted
        if not self.account or granted is None or not self.touch():
            return
        try:
            self.services.rate(self.account_id, granted.id, stars)
        except DomainError as error:
            self.message = error.message
            return
        self.flow.rating = stars
        self.notice = strings.RATE_SAVED.format(n=stars)

    # --- dialogs -------------------------------------------------------------------------
    def ask_revoke(self) -> None:
        """Open the confirmation, unless there is nothing left to revoke."""
        if not self.touch():
            return
        if self.current_procuration() is None:
            self.settle()
            return
        self.dialog = Dialog(strings.REVOKE_TITLE, strings.REVOKE_TEXT, revoke=True)

    def show_unavailable(self, name: str) -> None:
        self.dialog = Dialog(strings.UNAVAILABLE_TITLE, strings.UNAVAILABLE_TEXT.format(nom=name))

    def show_help(self, title: str, text: str) -> None:
        self.dialog = Dialog(title, text)

    def close_dialog(self) -> None:
        self.dialog = None

    def revoke(self) -> None:
        """« Révoquer » in the dialog: immediate; every screen shows the new state."""
        self.dialog = None
        if not self.account or not self.touch():
            return
        try:
            self.services.revoke(self.account_id)
        except DomainError as error:
            self.message = error.message
            return
        if self.screen is Screen.PROCURATION_ACTIVE:
            self.go(Screen.PRINCIPLES)
        self.notice = strings.REVOKED_DONE
