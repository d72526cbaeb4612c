"""The counter's page in headless Chromium: the agent signs in, checks a reference, sees a
revocation at once; every control has its French accessible name."""

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, expect

from registry.demo import AGENT_IDENTIFIANT, AGENT_PASSWORD
from shared import strings
from shared.reference import format_reference
from tests.browser.conftest import ENABLE_SEMANTICS_EARLY, TREE_TEXT_JS, Person
from tests.chromium import VIEWPORT
from tests.registry.calls import grant_body, key, revoke_all, sign_in
from tests.registry_process import RegistryProcess
from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser


class CounterPage:
    """What Person needs to open a page: its URL."""

    def __init__(self, url: str) -> None:
        self.url = url


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    process = RegistryProcess(tmp_path_factory.mktemp("counter")).start()
    yield process
    process.stop()


@pytest.fixture
def agent(browser: Browser, registry: RegistryProcess) -> Iterator[Person]:
    context = browser.new_context(viewport={**VIEWPORT, "width": 800}, locale="fr-FR")
    context.add_init_script(ENABLE_SEMANTICS_EARLY)
    person = Person(context, CounterPage(registry.url))  # type: ignore[arg-type]
    person.page.goto(registry.url, timeout=30_000)
    person.page.wait_for_selector(
        "flt-semantics-host flt-semantics", state="attached", timeout=30_000
    )
    expect(person.button(strings.AGENT_SIGN_IN)).to_be_visible(timeout=30_000)
    yield person
    context.close()


def test_the_agent_checks_a_reference_and_sees_the_revocation_at_once(
    agent: Person, registry: RegistryProcess
):
    with httpx.Client(base_url=registry.url + "/v1", timeout=20) as http:
        auth = sign_in(http)
        revoke_all(http, auth)
        granted = http.post("/procurations", json=grant_body(), headers={**auth, **key()}).json()
        agent.fill(strings.AGENT_ID_LABEL, AGENT_IDENTIFIANT)
        agent.fill(strings.AGENT_PASSWORD_LABEL, AGENT_PASSWORD)
        agent.click(strings.AGENT_SIGN_IN)
        expect(agent.button(strings.COUNTER_CHECK_REFERENCE)).to_be_visible()
        names = agent.page.evaluate(TREE_TEXT_JS)
        for label in (
            strings.COUNTER_REFERENCE_LABEL,
            strings.COUNTER_NIR_LABEL,
            strings.COUNTER_NOM_LABEL,
            strings.COUNTER_PRENOM_LABEL,
            strings.COUNTER_BIRTH_LABEL,
            strings.AGENT_SIGN_OUT,
            strings.COUNTER_CHECK_IDENTITY,
        ):
            assert label in names
        agent.fill(strings.COUNTER_REFERENCE_LABEL, format_reference(granted["reference"]))
        agent.click(strings.COUNTER_CHECK_REFERENCE)
        fin = "/".join(reversed(granted["valid_until"].split("-")))
        answer = agent.page.locator("flt-semantics-host")
        expect(answer.get_by_text(strings.COUNTER_VALID.format(fin=fin))).to_be_visible()
        expect(answer.get_by_text("Prénom : Martin")).to_be_visible()
        # The answer is a live region: a screen reader reads it out as soon as it appears.
        expect(agent.page.locator("flt-announcement-polite")).to_contain_text(
            strings.COUNTER_COMPARE
        )
        agent.page.mouse.move(0, 0)
        agent.page.wait_for_timeout(800)
        agent.page.screenshot(path=str(screenshot_path("20-counter-valid.png")))
        http.post(f"/procurations/{granted['reference']}/revocation", headers={**auth, **key()})
        agent.click(strings.COUNTER_CHECK_REFERENCE)
        expect(answer.get_by_text(strings.COUNTER_NONE)).to_be_visible()
