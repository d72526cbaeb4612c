"""What a person can do: each action works the domain off the loop, assigns the state on it,
then shows the screen the guard allows. Screens only call these."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, TypeVar

from mobile.guard import Facts
from mobile.offload import offload, offload_network
from mobile.routes import TABS, Route, known
from mobile.state import Dialog, DialogKind, Request, Session
from shared import strings
from shared.download import Download
from shared.errors import DomainError, InvalidInput, ProcurationAlreadyActive
from shared.history import form_for
from shared.limits import IDLE_LIMIT
from shared.models import Account, Payment, Procuration
from shared.reminder import Reminder
from shared.rules import MandataireForm, read_mandataire
from shared.services import Services, check_sign_in
from shared.standing import Standing

log = logging.getLogger(__name__)
T = TypeVar("T")

# The progress bar (and the buttons greyed out meanwhile) for work that lasts: most of the
# domain's work takes a few milliseconds, and a bar flashed that long says nothing, and costs
# the phone two patches and the frames of its animation.
BUSY_SHOWN_AFTER_S = 0.3


class RevokeAnswer(Enum):
    """The one answer the revoke confirmation gives."""

    BACK = "back"
    REVOKE = "revoke"


class Navigator(Protocol):
    url: str

    def go(self, route: str) -> None: ...


class Broadcast(Protocol):
    """Tells the account's other sessions that its procuration changed."""

    def follow(self, account_id: int) -> None: ...

    def unfollow(self) -> None: ...

    def changed(self, account_id: int, notice: str) -> None: ...


class Handover(Protocol):
    """Gives a file to the person as their platform does (mobile/handover.py)."""

    async def give(self, download: Download) -> str | None: ...


@dataclass(frozen=True)
class Procurations:
    """What the screens show of the account's procurations, read together."""

    current: Procuration | None
    history: tuple[Procuration, ...]
    reminder: Reminder | None
    standings: dict[int, Standing]  # by procuration id: where each stands with the caisse


def _procurations(services: Services, account_id: int) -> Procurations:
    history = tuple(services.history(account_id))
    return Procurations(
        services.current_procuration(account_id),
        history,
        services.reminder(account_id),
        {p.id: services.standing(p) for p in history},
    )


def _grant(
    services: Services, account_id: int, form: MandataireForm
) -> tuple[Procuration, Procurations]:
    """Record the procuration, then read what the screens show of the account's ones."""
    granted = services.grant(account_id, form)
    return granted, _procurations(services, account_id)


def _revoke(services: Services, account_id: int) -> tuple[Procuration | None, Procurations]:
    """Revoke the active procuration (None: none was), then read what the screens show."""
    revoked = services.revoke(account_id)
    return revoked, _procurations(services, account_id)


def _signed_in_view(
    services: Services, account_id: int
) -> tuple[Procurations, tuple[Payment, ...]]:
    return _procurations(services, account_id), tuple(services.payments(account_id))


class Actions:
    """One per session: the only place that changes its Session and Request."""

    def __init__(
        self,
        services: Services,
        session: Session,
        request: Request,
        nav: Navigator,
        broadcast: Broadcast,
        handover: Handover,
    ) -> None:
        self.services, self.session, self.request = services, session, request
        self.nav, self.broadcast, self.handover = nav, broadcast, handover
        self._background: set[asyncio.Task[None]] = set()
        self.working = False  # work under way: no other starts meanwhile

    def facts(self) -> Facts:
        request = self.request
        return Facts(
            signed_in=self.session.account is not None,
            active=self.session.current is not None,
            checked=request.checked is not None,
            granted=request.granted is not None,
        )

    # --- running the domain ---------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def _working(self) -> AsyncIterator[None]:
        """Work under way: no other starts until it ends (`working`); the progress bar and the
        disabled buttons (`session.busy`) show once it has lasted BUSY_SHOWN_AFTER_S."""
        self.working = True
        shown = asyncio.get_running_loop().call_later(BUSY_SHOWN_AFTER_S, self._show_busy)
        try:
            yield
        finally:
            shown.cancel()
            self.working, self.session.busy = False, False

    def _show_busy(self) -> None:
        self.session.busy = True

    async def _domain(
        self, work: Callable[..., T], *args: object, via: Callable[..., Awaitable[T]] = offload
    ) -> T | None:
        """The work in the domain thread (or `via` another); a domain error becomes the
        screen's message."""
        try:
            return await via(work, *args)
        except DomainError as error:
            self.session.message = error.message
        except Exception:
            log.exception("action failed")
            self.session.message = strings.STORAGE_FAILED
        return None

    def _account(self) -> Account | None:
        """The signed-in account, after noting the action; None once idle too long."""
        session = self.session
        if session.account is None:
            return None
        now = self.services.clock()
        last = session.activity.last
        if last and now - last > IDLE_LIMIT:
            self.sign_out(strings.SESSION_EXPIRED)
            return None
        session.activity.last = now
        return session.account

    def check_idle(self) -> None:
        """Called by a timer: sign out a session idle for 15 minutes."""
        last = self.session.activity.last
        if self.session.account and last and self.services.clock() - last > IDLE_LIMIT:
            self.sign_out(strings.SESSION_EXPIRED)

    # --- sign-in --------------------------------------------------------------------------
    def opened_at(self, path: str) -> None:
        """A session starts at this address. At an account screen, it is a page that was open
        when the server stopped (its client comes back with its address): say why Connexion."""
        route = known(path)
        # « / » is also where every fresh visit starts: no message there.
        if self.session.account is None and route not in (None, Route.SIGN_IN, Route.HOME):
            self.session.notice = strings.SESSION_LOST

    async def sign_in(self, nir: str, code: str) -> None:
        session = self.session
        if self.working:
            return
        session.message, session.notice, session.typed_nir = None, None, nir
        _, problems = check_sign_in(nir, code)
        session.sign_in_problems = tuple(problems)
        if problems:
            return
        async with self._working():
            account = await self._domain(self.services.sign_in, nir, code)
            seen = (
                await self._domain(_signed_in_view, self.services, account.id) if account else None
            )
        if account is None or seen is None:
            return
        procurations, session.payments = seen
        self._show(procurations)
        session.account, session.typed_nir = account, ""
        session.activity.last = self.services.clock()
        self.broadcast.follow(account.id)
        wanted = self.nav.url
        self.nav.go(wanted if wanted not in (Route.SIGN_IN, "") else Route.HOME)

    def sign_out(self, message: str | None = None) -> None:
        session = self.session
        session.account, session.current, session.payments = None, None, ()
        session.history, session.reminder, session.standings = (), None, {}
        session.dialogs.shown, session.sign_in_problems, session.notice = None, (), None
        session.message = message
        self.request.reset()
        self.broadcast.unfollow()
        self.nav.go(Route.SIGN_IN)

    # --- moving around --------------------------------------------------------------------
    def go(self, route: str) -> None:
        """Show a screen (the guard may choose a nearer one); the old messages go."""
        if self.session.account is not None and self._account() is None:
            return  # idle too long: signed out
        self.session.message, self.session.notice = None, None
        self.nav.go(route)

    def shown(self, route: str) -> None:
        """A screen is shown, however it was reached: the form asks for the certification again."""
        if route == Route.MANDATAIRE:
            self.request.certified = False

    def open_tab(self, index: int) -> None:
        """A tab: shown at once, then read again, in case another device or tab of the web
        build (which has no pubsub between its tabs) changed the procuration."""
        self.go(TABS[index][0])
        with contextlib.suppress(RuntimeError):  # no running loop: nothing to read again
            self._background.add(asyncio.get_running_loop().create_task(self.refresh()))
            self._background = {task for task in self._background if not task.done()}

    def start_request(self) -> None:
        """« Je démarre ma demande »: the form, with what was typed before if anything."""
        self.go(Route.MANDATAIRE)

    def back_to_dashboard(self) -> None:
        self.request.reset()
        self.go(Route.HOME)

    # --- the form -------------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> None:
        """Keep what is typed; an edited field loses its old message and the recap its check."""
        request = self.request
        request.form = request.form.model_copy(update={name: value})
        request.problems = tuple(p for p in request.problems if p.field not in (name, "mandataire"))
        request.checked, request.certified = None, False

    def next(self) -> None:
        """« Suivant »: the recap, or the problems next to their fields."""
        account = self._account()
        if account is None or not self.request.can_go_next:
            return
        reading = read_mandataire(self.request.form, self.services.today(), account)
        self.request.problems = reading.problems
        self.request.checked, self.request.certified = reading.mandataire, False
        if reading.mandataire is not None:
            self.go(Route.RECAP)

    def certify(self, value: bool) -> None:
        self.request.certified = value

    async def validate(self) -> None:
        """« Valider »: record the procuration, then the confirmation page."""
        request, session = self.request, self.session
        account = self._account()
        if account is None or not request.certified or request.checked is None or self.working:
            return
        async with self._working():
            try:
                granted, seen = await offload(_grant, self.services, account.id, request.form)
            except ProcurationAlreadyActive as error:
                request.reset()
                await self._reload(account.id)
                self.go(Route.PROCURATION)
                session.message = error.message
                return
            except InvalidInput as error:
                request.problems, request.checked = tuple(error.problems), None
                self.go(Route.MANDATAIRE)
                return
            except DomainError as error:
                session.message = error.message
                return
            except Exception:
                log.exception("grant failed")
                session.message = strings.STORAGE_FAILED
                return
        # Assigned together, with no await between: the confirmation is drawn once.
        request.reset()
        request.granted = granted
        self._show(seen)  # « Mes procurations » and the reminder too
        self.go(Route.CONFIRMATION)
        self.broadcast.changed(account.id, strings.GRANTED_ELSEWHERE)

    async def rate(self, stars: int) -> None:
        account, granted = self._account(), self.request.granted
        if account is None or granted is None:
            return
        if await self._domain(self.services.rate, account.id, granted.id, stars) is None:
            return
        self.request.rating = stars
        self.session.notice = strings.RATE_SAVED.format(n=stars)

    # --- dialogs --------------------------------------------------------------------------
    def show_help(self, title: str, text: str) -> None:
        self.session.dialogs.shown = Dialog(DialogKind.INFO, title, text)

    def show_unavailable(self, name: str) -> None:
        self.show_help(strings.UNAVAILABLE_TITLE, strings.UNAVAILABLE_TEXT.format(nom=name))

    def close_dialog(self) -> None:
        self.session.dialogs.shown = None

    def key(self, name: str) -> None:
        """A key pressed anywhere: Escape closes the open dialog (« Retour » for revoking)."""
        if name == "Escape":
            self.session.dialogs.shown = None

    def close_dialog_on_history_move(self) -> bool:
        """Back or Forward in the browser closes an open dialog first (True if it did)."""
        if self.session.dialogs.shown is None:
            return False
        self.session.dialogs.shown = None
        return True

    async def ask_revoke(self) -> None:
        """Open the confirmation, unless what it would revoke already ended elsewhere."""
        account = self._account()
        if account is None:
            return
        await self._reload(account.id)
        if self.session.current is None:
            self.session.notice = strings.ALREADY_ENDED
            return
        self.session.dialogs.shown = Dialog(
            DialogKind.REVOKE, strings.REVOKE_TITLE, strings.REVOKE_TEXT
        )

    async def answer_revoke(self, answer: RevokeAnswer) -> None:
        """The revoke dialog's answer: « Retour » closes it, « Révoquer » revokes at once."""
        self.session.dialogs.shown = None
        account = self._account()
        if answer is not RevokeAnswer.REVOKE or account is None:
            return
        done = await self._domain(_revoke, self.services, account.id)
        if done is None:  # the domain's error is the screen's message
            await self._reload(account.id)
            return
        revoked, seen = done
        self._show_for(account.id, seen)
        if revoked is None:  # ended meanwhile, elsewhere or by its term
            self.session.notice = strings.ALREADY_ENDED
            return
        self.session.notice = strings.REVOKED_DONE
        self.broadcast.changed(account.id, strings.REVOKED_ELSEWHERE)

    # --- the document, the calendar file, making one again ---------------------------------
    async def download_document(self) -> None:
        """« Télécharger ma procuration (PDF) »: made now, from the active procuration."""
        await self._hand_over(self.services.document)

    async def add_to_agenda(self) -> None:
        """« Ajouter à mon agenda »: the .ics of the procuration's last day."""
        await self._hand_over(self.services.agenda)

    async def _hand_over(self, make: Callable[[int], Download]) -> None:
        session = self.session
        account = self._account()
        if account is None or self.working:
            return
        session.message, session.notice = None, None
        async with self._working():
            download = await self._domain(make, account.id)
        if download is None:
            await self._reload(account.id)  # ended meanwhile: its buttons go
            return
        try:
            saved = await self.handover.give(download)
        except Exception as error:
            # The type only: the client's message and a path can name the file's reference.
            log.error("handing the file over failed: %s", type(error).__name__)
            session.message = strings.HANDOVER_FAILED
            return
        if saved:
            session.notice = strings.FILE_SAVED.format(chemin=saved)

    def redo(self, procuration: Procuration) -> None:
        """« Refaire une procuration pour cette personne »: the form filled, checked again."""
        if self._account() is None:
            return
        self.request.reset()
        self.request.form = form_for(procuration.mandataire)
        self.go(Route.MANDATAIRE)  # the guard keeps one procuration at a time

    # --- what other sessions did ----------------------------------------------------------
    def _show(self, seen: Procurations) -> None:
        self.session.current, self.session.standings = seen.current, seen.standings
        self.session.history, self.session.reminder = seen.history, seen.reminder

    async def _reload(self, account_id: int) -> None:
        """Read the procurations again (a failed read keeps what was shown)."""
        try:
            seen = await offload(_procurations, self.services, account_id)
        except Exception:
            log.exception("reading the procurations failed")
            self.session.message = strings.STORAGE_FAILED
            return
        self._show_for(account_id, seen)

    def _show_for(self, account_id: int, seen: Procurations) -> None:
        """Show what was read, unless the session signed out (or in again) meanwhile."""
        if self.session.account is not None and self.session.account.id == account_id:
            self._show(seen)

    async def refresh(self) -> None:
        """The registry answered: show where each procuration stands now."""
        if self.session.account is not None:
            await self._reload(self.session.account.id)

    async def retry(self) -> None:
        """« Réessayer »: send what waits for the caisse now, then show where it stands."""
        account = self._account()
        if account is None:
            return
        await self._domain(self.services.retry, account.id, via=offload_network)
        await self._reload(account.id)

    async def changed_elsewhere(self, account_id: int, notice: str) -> None:
        """Another session of this account granted or revoked: show the truth at once."""
        account = self.session.account
        if account is None or account.id != account_id:
            return
        await self._reload(account_id)
        dialog = self.session.dialogs.shown
        if self.session.current is None and dialog and dialog.kind is DialogKind.REVOKE:
            self.session.dialogs.shown = None
        self.session.notice = notice
        self.nav.go(self.nav.url)
