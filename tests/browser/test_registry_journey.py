"""Issue 13's journey across the two processes: the app (with REGISTRY_URL) grants and revokes,
the registry's counter page in the same Chromium sees it; then the registry is stopped, the app
keeps the changes in its outbox, and delivers them by itself once the registry is back."""

import contextlib
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, expect

from registry import tables
from registry.demo import AGENT_IDENTIFIANT, AGENT_PASSWORD
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.sync import backoff
from tests.browser.conftest import (
    ENABLE_SEMANTICS_EARLY,
    TIMEOUT_MS,
    AppServer,
    Person,
    poll,
    squash,
)
from tests.chromium import VIEWPORT
from tests.registry_process import RegistryProcess

pytestmark = pytest.mark.browser

REVOCATION_SEEN_WITHIN_S = 2.0  # the promise: revoked in the app → refused at the counter
DAY = r"\d\d/\d\d/\d{4}"
REFERENCE_ON_SCREEN = re.compile(rf"{strings.REFERENCE_LABEL} ([0-9A-Z]{{5}}-[0-9A-Z]{{5}})")


def sentence(template: str) -> re.Pattern[str]:
    """A sentence of shared/strings.py, whatever its date and time (the days may turn at
    midnight during the journey); the end date {fin} is captured."""
    pattern = re.escape(squash(template))
    for field, value in (("date", DAY), ("heure", r"\d\d:\d\d"), ("fin", f"({DAY})")):
        pattern = pattern.replace(re.escape("{" + field + "}"), value)
    return re.compile(pattern)


TRANSMITTED = sentence(strings.SYNC_TRANSMITTED)
REVOCATION_TRANSMITTED = sentence(strings.SYNC_REVOCATION_TRANSMITTED)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    """The caisse's registry on SQLite, on a free port it keeps across restarts."""
    process = RegistryProcess(tmp_path_factory.mktemp("journey-registry")).start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def server(
    registry: RegistryProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """The app, told where the registry is: its sender runs."""
    app = AppServer(tmp_path_factory.mktemp("journey-app"), env={"REGISTRY_URL": registry.url})
    app.start()
    yield app
    app.stop()


class Counter:
    """The agent at the counter page, in a wide context of their own."""

    def __init__(self, person: Person, url: str) -> None:
        self.person, self.url = person, url
        self.answer = person.page.locator("flt-semantics-host")

    def open(self, attempts: int = 3) -> None:
        """Open the page and sign in (again after a restart: the old session died with it).

        The identifiant field takes the focus by itself: Flutter may not attach its text input
        to a click that comes in the same moment, and the typed text is dropped (« Ce champ est
        obligatoire »). Signing in is tried again then, a bounded number of times."""
        page, person = self.person.page, self.person
        page.goto(self.url, timeout=30_000)
        page.wait_for_selector("flt-semantics-host flt-semantics", state="attached", timeout=30_000)
        signed_in = person.button(strings.COUNTER_CHECK_REFERENCE)
        for _ in range(attempts):
            expect(person.button(strings.AGENT_SIGN_IN)).to_be_visible(timeout=30_000)
            person.fill(strings.AGENT_ID_LABEL, AGENT_IDENTIFIANT)
            person.fill(strings.AGENT_PASSWORD_LABEL, AGENT_PASSWORD)
            person.click(strings.AGENT_SIGN_IN)
            with contextlib.suppress(AssertionError):
                expect(signed_in).to_be_visible(timeout=5000)
                return
        raise AssertionError(f"the agent could not sign in: {person.tree_text()}")

    def check(self, reference: str) -> None:
        self.person.fill(strings.COUNTER_REFERENCE_LABEL, reference)
        self.person.click(strings.COUNTER_CHECK_REFERENCE)

    def says(self, text: str, timeout_ms: float = TIMEOUT_MS) -> None:
        expect(self.answer.get_by_text(text)).to_be_visible(timeout=timeout_ms)


@pytest.fixture
def counter(browser: Browser, registry: RegistryProcess) -> Iterator[Counter]:
    context = browser.new_context(viewport={**VIEWPORT, "width": 800}, locale="fr-FR")
    context.add_init_script(ENABLE_SEMANTICS_EARLY)
    agent = Counter(Person(context, server=None), registry.url)  # type: ignore[arg-type]
    agent.open()
    yield agent
    context.close()


def revoke_in_the_dialog(person: Person) -> float:
    """« Révoquer » in the confirmation dialog; the moment it was pressed."""
    dialog = person.dialog()
    expect(dialog).to_contain_text(strings.REVOKE_TITLE)
    dialog.get_by_role("button", name=strings.REVOKE, exact=True).click()
    pressed = time.monotonic()
    expect(dialog).to_have_count(0)
    return pressed


def sender_patience(server: AppServer) -> float:
    """How long the app's sender may take by itself: until its next attempt (the backoff kept
    in its outbox), plus one backoff more in case that attempt meets the registry still starting."""
    with server.db() as conn:
        row = conn.execute("SELECT next_attempt_at, attempts FROM outbox ORDER BY id").fetchone()
    assert row is not None, "the outbox is empty: nothing waited for the registry"
    due = (datetime.fromisoformat(row[0]) - datetime.now(UTC)).total_seconds()
    return max(0.0, due) + backoff(int(row[1]) + 1).total_seconds() + TIMEOUT_MS / 1000


def test_the_counter_follows_the_app_even_when_the_registry_was_down(
    server: AppServer,
    registry: RegistryProcess,
    user: Callable[[], Person],
    counter: Counter,
):
    person = user()
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")

    # Granted in the app: the confirmation says the caisse has it, the counter says valid.
    person.grant()
    poll(lambda: TRANSMITTED.search(person.tree_text()), "« Transmise à votre caisse »")
    [first] = REFERENCE_ON_SCREEN.findall(person.tree_text())
    [fin] = sentence(strings.RECAP_VALIDITY).findall(person.tree_text())
    counter.check(first)
    counter.says(strings.COUNTER_VALID.format(fin=fin))
    for line in ("Civilité : Monsieur", "Nom : Dupont", "Prénom : Martin"):
        counter.says(line)
    counter.says("Date de naissance : 20/09/1970")

    # Revoked from Mes informations: the counter refuses it within 2 s of « Révoquer ».
    person.click_tab(strings.TAB_INFORMATIONS)
    person.click(strings.REVOKE)
    pressed = revoke_in_the_dialog(person)
    none = counter.answer.get_by_text(strings.COUNTER_NONE)
    while not none.is_visible():
        assert time.monotonic() - pressed < REVOCATION_SEEN_WITHIN_S, "the counter still accepts"
        counter.person.click(strings.COUNTER_CHECK_REFERENCE)  # the field keeps the reference
        counter.person.page.wait_for_timeout(100)
    seen_after = time.monotonic() - pressed
    assert seen_after < REVOCATION_SEEN_WITHIN_S, f"refused only {seen_after:.1f} s after"

    # The registry stops (SIGKILL, by its PID): the app grants and revokes all the same.
    registry.kill()
    person.grant()
    person.expect_text(strings.SYNC_PENDING)
    expect(person.button(strings.SYNC_RETRY)).to_be_visible()
    [second] = REFERENCE_ON_SCREEN.findall(person.tree_text())
    person.open_procuration()
    person.click(strings.WANT_REVOKE)
    revoke_in_the_dialog(person)
    person.expect_text(strings.REVOKED_DONE)
    person.expect_text(strings.SYNC_REVOCATION_PENDING, timeout=3)  # where it was revoked
    person.click_tab(strings.TAB_DEMARCHES)
    person.click(strings.HISTORY_TITLE)
    person.expect_heading(strings.HISTORY_TITLE)
    person.expect_text(strings.SYNC_REVOCATION_PENDING)
    person.expect_text(strings.SYNC_PENDING)

    # Back on the same port and data. « Réessayer » is NOT pressed: the sender retries by
    # itself when its backoff (read from the app's outbox) runs out, and the page that stayed
    # open on « Mes procurations » redraws without a reload (a reload would drop the mark).
    person.page.evaluate("window.__notReloaded = true")
    registry.start()
    patience = sender_patience(server)
    try:
        poll(lambda: len(REVOCATION_TRANSMITTED.findall(person.tree_text())) == 2, "both", patience)
    except AssertionError as error:
        raise AssertionError(f"{error}\n{person.tree_text()}\n{server.log_tail()}") from None
    tree = person.tree_text()
    assert len(TRANSMITTED.findall(tree)) == 2, tree  # both grants
    person.expect_no_text(strings.SYNC_PENDING)
    person.expect_no_text(strings.SYNC_REVOCATION_PENDING)
    assert person.page.evaluate("window.__notReloaded === true")
    engine = registry.engine()
    with engine.connect() as conn:
        revoked_at = conn.execute(
            sa.select(tables.procurations.c.revoked_at).where(
                tables.procurations.c.reference == second.replace("-", "")
            )
        ).scalar_one()
    engine.dispose()
    assert revoked_at is not None  # the counter's « Aucune » below is the revocation's

    counter.open()
    counter.check(second)
    counter.says(strings.COUNTER_NONE)

    # Neither process logged what names a person, opens a procuration or resumes a session:
    # Flet logs every disconnect with the session's key (the agent's signed-in page here).
    session_key = counter.person.page.evaluate("sessionStorage.getItem('_flet_session_id')")
    assert session_key, "the counter page holds Flet's session key"
    counter.person.context.close()
    poll(lambda: "disconnected" in registry.log(), "the counter page's disconnect")
    logged = registry.log() + server.log_path.read_text(errors="replace")
    key_parts = [part for part in session_key.split("_") if len(part) >= 8]
    assert key_parts and [part for part in key_parts if part in logged] == []
    canaries = [ALEXIS_NIR, ALEXIS_CODE, AGENT_PASSWORD, "Dupont", "Martin"]
    canaries += [form for ref in (first, second) for form in (ref, ref.replace("-", ""))]
    assert [canary for canary in canaries if canary in logged] == []
