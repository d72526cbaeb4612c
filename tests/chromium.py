"""How every test and the benchmark launch Debian's chromium (never a downloaded browser), and
find a text field in Flutter's accessibility tree."""

import re

from playwright.sync_api import Locator, Page

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 412, "height": 915}  # a phone


def textbox(page: Page, label: str) -> Locator:
    """The text field with that label. While a field is focused and empty, Flutter adds its
    hint to the name (« Numéro de sécurité sociale 13 caractères »): accepted as well."""
    exact = page.get_by_role("textbox", name=label, exact=True)
    with_hint = page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\s+\S"))
    return exact.or_(with_hint)
