"""Browser journeys: the real app (`python -m mobile`) in Debian's headless Chromium.

Flutter draws on a canvas; what a person (or a screen reader) can perceive is its
accessibility tree, which Flutter web only builds once its hidden placeholder is clicked.
Every test here finds controls by role and accessible name, with the French texts of
shared/strings.py, exactly as an assistive technology would.

Fixtures:
- `browser` (session): one Chromium, launched from /usr/bin/chromium (never `playwright install`).
- `server` (module): the app on 127.0.0.1 with its own data folder; start/stop/kill/restart by PID.
- `user` (test): a factory of fresh 412×915 fr-FR contexts, each wrapped in a `Person` helper.

Waits are always bounded: Playwright's default timeout is set, and the helpers poll with deadlines.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

from shared import strings
from shared.clock import paris_date
from shared.store import DB_NAME
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, textbox
from tests.screenshots import screenshot_path
from tests.serving import free_port, wait_until_serving, web_server_env

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 10_000  # any single wait in a test
START_TIMEOUT_S = 30.0  # server start → HTTP 200
MIN_TARGET = 48  # px, WCAG 2.5.5 / Material touch target
# The heading each tab's screen starts with (Accueil: « Bonjour <prénom> »).
TAB_HEADINGS = {
    strings.TAB_HOME: strings.HELLO,
    strings.TAB_PAYMENTS: strings.PAYMENTS_TITLE,
    strings.TAB_DEMARCHES: strings.TAB_DEMARCHES,
    strings.TAB_PREVENTION: strings.PREVENTION,
    strings.TAB_INFORMATIONS: strings.TAB_INFORMATIONS,
}

expect.set_options(timeout=TIMEOUT_MS)

# Clicks Flutter's semantics placeholder as soon as it exists. Clicking it later races the
# sign-in screen's autofocus: when a text field gets focus before the accessibility tree is on,
# Flutter keeps a hidden <form><input> as its editing element for the whole page, and typed text
# never reaches the accessible <input> (seen 2 times in 4 in this app).
ENABLE_SEMANTICS_EARLY = """
(() => {
  const tryClick = () => {
    const el = document.querySelector('flt-semantics-placeholder');
    if (!el || window.__semanticsClicked) return false;
    window.__semanticsClicked = true;
    el.click();
    return true;
  };
  const watch = () => {
    if (tryClick()) return;
    const obs = new MutationObserver(() => { if (tryClick()) obs.disconnect(); });
    obs.observe(document.documentElement, {childList: true, subtree: true});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();
"""

# Every text and accessible name in the semantics tree, in document order.
TREE_TEXT_JS = """() => {
  const host = document.querySelector('flt-semantics-host');
  if (!host) return '';
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { parts.push(child.textContent); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      for (const attr of ['aria-label', 'aria-description', 'placeholder']) {
        const value = child.getAttribute(attr);
        if (value) parts.push(value);
      }
      walk(child);
    }
  };
  walk(host);
  return parts.join(' ');
}"""

# A dialog's texts and the names of its parts (its title row is named by its texts).
DIALOG_TEXT_JS = """(e) => [e.innerText, ...[...e.querySelectorAll('[aria-label]')]
    .map(n => n.getAttribute('aria-label'))].join(' ')"""

# Where a semantics node is, and the band of the view that clips it (the page body between the
# app bar and the navigation bar), if any: Flutter clips a node's rectangle to its scroll view,
# so a half-hidden button looks smaller than it is.
BOX_JS = """(e) => {
  const r = e.getBoundingClientRect();
  let c = e.parentElement, scrollable = false;
  while (c && c.tagName !== 'FLT-SEMANTICS-HOST') {
    scrollable = !!c.querySelector(':scope > flt-semantics-scroll-overflow');
    if (scrollable || ['hidden', 'scroll', 'auto'].includes(getComputedStyle(c).overflowY)) break;
    c = c.parentElement;
  }
  const b = c && c.tagName !== 'FLT-SEMANTICS-HOST' ? c.getBoundingClientRect() : null;
  return {x: r.x, y: r.y, w: r.width, h: r.height, scrollable,
          band: b ? {top: b.top, bottom: b.bottom, left: b.left, right: b.right} : null};
}"""


def squash(text: str) -> str:
    """Whitespace runs as one space (accessible names fold line breaks)."""
    return " ".join(text.split())


def paris_today() -> date:
    return paris_date(datetime.now(UTC))


def poll(check: Callable[[], Any], what: str, timeout: float = TIMEOUT_MS / 1000) -> Any:
    """Call `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def small_png(path: Path) -> None:
    """Flat Material colours fit in a 128-colour palette: about a third of the size."""
    try:
        from PIL import Image  # Pillow comes with flet's packaging tools
    except ImportError:
        return
    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    palette.save(path, optimize=True)


# --- the server --------------------------------------------------------------------------------
class AppServer:
    """`python -m mobile` on 127.0.0.1, one data folder; stopped only by its own PID.

    `env` adds to the process's environment (REGISTRY_URL: the app with its sender)."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.env = env or {}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir / "server.log"
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        assert not self.running, "server already running"
        env = {**web_server_env(self.port, self.data_dir), **self.env}
        self.starts += 1
        with self.log_path.open("ab") as log:
            log.write(f"\n--- start {self.starts} ---\n".encode())
            log.flush()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mobile"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if wait_until_serving(self.url, self.proc, START_TIMEOUT_S):
            return
        if self.proc.poll() is not None:
            raise RuntimeError(f"server exited ({self.proc.returncode}):\n{self.log_tail()}")
        raise TimeoutError(f"no HTTP 200 from {self.url} in {START_TIMEOUT_S} s\n{self.log_tail()}")

    def _signal(self, sig: signal.Signals, wait: float) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        os.kill(proc.pid, sig)  # this PID only, never a process name
        proc.wait(timeout=wait)

    def stop(self) -> None:
        """SIGTERM (graceful), SIGKILL after 5 s."""
        try:
            self._signal(signal.SIGTERM, wait=5)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL, wait=5)

    def kill(self) -> None:
        """SIGKILL: a crash or a power cut, nothing flushed by the app."""
        self._signal(signal.SIGKILL, wait=5)

    def restart(self, sig: signal.Signals = signal.SIGTERM) -> None:
        self.kill() if sig == signal.SIGKILL else self.stop()
        self.start()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # --- the store, read and prepared from outside the app ------------------------------------
    @contextlib.contextmanager
    def db(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.db_path, timeout=10)
        try:
            yield conn
            conn.commit()
        finally:
            conn.close()

    def account_id(self, nir: str) -> int:
        with self.db() as conn:
            row = conn.execute("SELECT id FROM accounts WHERE nir = ?", (nir,)).fetchone()
        assert row, f"no account {nir} in {self.db_path}"
        return int(row[0])

    def revoke_all(self, nir: str) -> None:
        """Test set-up: no procuration in force for that account (as if revoked earlier)."""
        now = datetime.now(UTC).isoformat()
        with self.db() as conn:
            conn.execute(
                "UPDATE procurations SET revoked_at = ? WHERE revoked_at IS NULL AND account_id = "
                "(SELECT id FROM accounts WHERE nir = ?)",
                (now, nir),
            )


@pytest.fixture(scope="session")
def new_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], AppServer]]:
    """`new_server()`: an AppServer (not started) on a new data folder; all stopped at the end."""
    servers: list[AppServer] = []

    def make() -> AppServer:
        app = AppServer(tmp_path_factory.mktemp("app-data"))
        servers.append(app)
        return app

    try:
        yield make
    finally:
        for app in servers:
            app.stop()


@pytest.fixture(scope="module")
def server(new_server: Callable[[], AppServer]) -> Iterator[AppServer]:
    """One app per test module, with its own data folder (demo accounts seeded at first start)."""
    app = new_server()
    app.start()
    try:
        yield app
    finally:
        app.stop()


# --- the browser -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing: run `make chromium`")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Person:
    """One person at one browser tab: everything goes through roles and accessible names."""

    def __init__(self, context: BrowserContext, server: AppServer) -> None:
        self.context = context
        self.server = server
        self.page: Page = context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self._cdp: Any = None

    # --- opening ------------------------------------------------------------------------------
    def open(self) -> Person:
        self.page.goto(self.server.url, timeout=30_000)
        self.enable_semantics()
        return self

    def enable_semantics(self) -> None:
        """The init script clicks the placeholder early; click it here if that was missed."""
        page = self.page
        page.wait_for_selector(
            "flt-semantics-placeholder, flt-semantics-host flt-semantics",
            state="attached",
            timeout=30_000,
        )
        page.evaluate(
            """() => {
                 const p = document.querySelector('flt-semantics-placeholder');
                 if (p && !window.__semanticsClicked) {
                   window.__semanticsClicked = true;
                   p.click();
                 }
               }"""
        )
        expect(self.button(strings.SIGN_IN_BUTTON).or_(self.tab(strings.TAB_HOME))).to_be_visible(
            timeout=30_000
        )

    # --- finding things -----------------------------------------------------------------------
    def button(self, name: str | re.Pattern[str]) -> Locator:
        return self.page.get_by_role("button", name=name, exact=isinstance(name, str))

    def tab(self, name: str) -> Locator:
        return self.page.get_by_role("tab", name=name, exact=True)

    def textbox(self, label: str) -> Locator:
        return textbox(self.page, label)

    def dialog(self) -> Locator:
        return self.page.get_by_role("alertdialog")

    # --- acting -------------------------------------------------------------------------------
    def fill(self, label: str, text: str, *, keystrokes: bool = False, attempts: int = 4) -> None:
        """Click, wait for Flutter to attach its text input, type, check, retry.

        The text goes in as one input event (like a paste or an on-screen keyboard's
        suggestion), or key by key with `keystrokes=True`: same result, keys cost a frame each.

        Two Flutter web quirks are handled:
        - typing right after a click loses the first characters (Flutter attaches its editing
          element 10–40 ms after focus): wait, then check the value;
        - a field that Flutter already focused by itself (the sign-in screen's autofocus)
          may not attach on a click: the DOM input takes the text but Flutter ignores it.
          What shows it is the hint: Flutter keeps « 13 caractères » in the field's name as
          long as *its* text is empty. So the name must be back to the bare label; if not,
          focus is taken away and the field tapped again.
        """
        box = self.textbox(label)
        page = self.page
        for attempt in range(attempts):
            if attempt:
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                page.wait_for_timeout(200)
            box.click()
            page.wait_for_timeout(150)
            in_tree = page.evaluate(
                "() => !!document.activeElement"
                " && !!document.activeElement.closest('flt-semantics-host')"
            )
            assert in_tree, "typing would go to Flutter's hidden editor: semantics enabled too late"
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            if keystrokes:
                page.keyboard.type(text, delay=15)
            else:
                page.keyboard.insert_text(text)
            page.wait_for_timeout(120)
            name = squash(box.get_attribute("aria-label") or "")
            if box.input_value() == text and (not text or name == squash(label)):
                return
        raise AssertionError(
            f"could not type {text!r} into {label!r}: value {box.input_value()!r}, "
            f"name {box.get_attribute('aria-label')!r}"
        )

    def value_of(self, label: str, expected: str) -> str:
        """What a field holds. Flutter only copies a value it did not type itself into the DOM
        input once that field has focus, so the field is focused first (as a person tapping it)."""
        box = self.textbox(label)
        box.click()
        with contextlib.suppress(AssertionError):
            expect(box).to_have_value(expected, timeout=3000)
        return box.input_value()

    def click(self, name: str | re.Pattern[str]) -> None:
        self.button(name).click()

    def click_tab(self, name: str) -> None:
        """Tap a tab of the navigation bar and wait for its screen (its heading)."""
        tab = self.tab(name)
        heading = self.page.get_by_role("heading", name=TAB_HEADINGS[name], exact=True)
        if name == strings.TAB_HOME:
            heading = self.page.get_by_role("heading", name=re.compile(r"^Bonjour "))
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true", timeout=5000)
        expect(heading).to_be_visible(timeout=5000)

    def path(self) -> str:
        """The address bar's path."""
        return str(self.page.evaluate("location.pathname"))

    def expect_path(self, path: str) -> None:
        poll(lambda: self.path() == path, f"the address {path} (it is {self.path()})")

    def sign_in(self, nir: str, code: str, *, prenom: str | None = None) -> None:
        """Sign in; with `prenom`, wait for « Bonjour <prenom> » on the dashboard."""
        self.fill(strings.NIR_LABEL, nir)
        self.fill(strings.CODE_LABEL, code)
        self.click(strings.SIGN_IN_BUTTON)
        if prenom is not None:
            self.expect_heading(strings.HELLO.format(prenom=prenom))
            expect(self.tab(strings.TAB_HOME)).to_have_attribute("aria-selected", "true")

    def sign_out(self) -> None:
        self.click(strings.SIGN_OUT)
        expect(self.button(strings.SIGN_IN_BUTTON)).to_be_visible()

    def open_procuration(self) -> None:
        """Mes démarches → « Faire ou révoquer une procuration en ligne »."""
        self.click_tab(strings.TAB_DEMARCHES)
        self.click(strings.PROCURATION_LINK)

    def fill_mandataire(
        self,
        civilite: str = strings.MONSIEUR,
        nom: str = "Dupont",
        prenom: str = "Martin",
        naissance: str = "20/09/1970",
        nom_usage: str = "",
    ) -> None:
        radio = self.page.get_by_role("radio", name=civilite, exact=True)
        radio.click()
        expect(radio).to_be_checked()
        self.fill(strings.NOM_LABEL, nom)
        if nom_usage:
            self.fill(strings.NOM_USAGE_LABEL, nom_usage)
        self.fill(strings.PRENOM_LABEL, prenom)
        self.fill(strings.BIRTH_LABEL, naissance)

    def grant(self, **mandataire: str) -> None:
        """The whole request, from Mes démarches to the confirmation page."""
        self.open_procuration()
        self.click(strings.START_REQUEST)
        expect(self.textbox(strings.NOM_LABEL)).to_be_visible()
        self.fill_mandataire(**mandataire)
        self.click(strings.NEXT)
        box = self.page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
        box.click()
        expect(box).to_be_checked()
        self.click(strings.VALIDATE)
        self.expect_heading(strings.CONFIRM_TITLE)

    # --- what the person perceives ------------------------------------------------------------
    def tree_text(self) -> str:
        """Texts and accessible names of the whole semantics tree, whitespace folded."""
        return squash(self.page.evaluate(TREE_TEXT_JS))

    def expect_text(self, text: str, timeout: float = TIMEOUT_MS / 1000) -> None:
        wanted = squash(text)
        try:
            poll(lambda: wanted in self.tree_text(), f"text {text!r}", timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- the tree says:\n{self.tree_text()}") from None

    def expect_no_text(self, text: str) -> None:
        assert squash(text) not in self.tree_text(), f"{text!r} should not be shown"

    def expect_heading(self, text: str) -> None:
        expect(self.page.get_by_role("heading", name=text, exact=True)).to_be_visible()

    def shot(self, name: str) -> Path:
        """A 412×915 screenshot, taken once the pixels follow the tree, mouse out of the way."""
        path = screenshot_path(f"{name}.png")
        self.page.mouse.move(VIEWPORT["width"] - 2, 60)
        self.page.wait_for_timeout(1000)
        self.page.screenshot(path=str(path), timeout=TIMEOUT_MS)
        small_png(path)
        return path

    def scroll_to_top(self) -> None:
        self.page.mouse.move(VIEWPORT["width"] / 2, VIEWPORT["height"] / 2)
        self.page.mouse.wheel(0, -20_000)
        self.page.wait_for_timeout(200)

    # --- accessibility audit ------------------------------------------------------------------
    @property
    def cdp(self) -> Any:
        if self._cdp is None:
            self._cdp = self.context.new_cdp_session(self.page)
            self._cdp.send("DOM.enable")
            self._cdp.send("Accessibility.enable")
        return self._cdp

    @staticmethod
    def _box(node: Locator) -> dict[str, Any]:
        """The node's box, its view's band, and whether it lies fully inside that band."""
        box: dict[str, Any] = node.evaluate(BOX_JS)
        band = box["band"] or {"top": 0, "bottom": VIEWPORT["height"]}
        top, bottom = box["y"], box["y"] + box["h"]
        box["in_view"] = top >= band["top"] - 0.5 and bottom <= band["bottom"] + 0.5
        # Touching an edge of a scrolling view may mean "cut by it": scroll to be sure.
        box["clear"] = top > band["top"] + 0.5 and bottom < band["bottom"] - 0.5
        return box

    def _visible_box(self, node: Locator) -> dict[str, Any]:
        """The node's box once it is fully inside its scroll view (scrolled with the wheel);
        `in_view` says whether that could be done."""
        page = self.page
        box = self._box(node)
        for _ in range(5):
            if not box["scrollable"] or box["clear"]:
                return box
            band = box["band"]
            middle = (band["top"] + band["bottom"]) / 2
            page.mouse.move((band["left"] + band["right"]) / 2, middle)
            page.mouse.wheel(0, box["y"] + box["h"] / 2 - middle)
            before = box
            with contextlib.suppress(AssertionError):
                poll(lambda before=before: self._box(node) != before, "a move", timeout=0.6)
            page.wait_for_timeout(100)
            box = self._box(node)
            if box == before:  # the end of the scroll range: that is where it lives
                return box
        return box

    def in_view(self, node: Locator) -> tuple[bool, dict[str, Any]]:
        """Whether the tree puts the node inside the visible part of its view (scrolling it
        there with the wheel if the view scrolls), and the box it ends up with."""
        box = self._visible_box(node)
        return bool(box["in_view"]), box

    def audit(
        self,
        screen: str,
        *,
        field_errors: dict[str, str] | None = None,
        dialog_title: str | None = None,
        skip_sizes: set[str] | None = None,
    ) -> list[str]:
        """What fails on this screen (empty list: nothing). Checks:
        - every tappable node has a role, every button/textbox/checkbox/radio/tab… has a name
          (Chromium's own accessibility tree, read over CDP);
        - each of them is at least 48×48 px, measured after scrolling it fully into view;
        - each field error is the input's aria-description and a text right after the field
          (or in the field's name, when the field is merged with its label above it);
        - a dialog's title is inside the dialog node (Flet's AlertDialog has no accessible name:
          a known Flet limitation, so the name itself is not required).
        """
        findings: list[str] = []
        page = self.page
        roleless = page.evaluate(
            """() => [...document.querySelectorAll(
                 'flt-semantics-host [flt-tappable]:not([role]),'
                 + ' flt-semantics-host [tabindex="0"]:not([role]):not(h1, h2, h3, h4, h5, h6)')]
               .filter(e => !['INPUT', 'TEXTAREA'].includes(e.tagName))
               .map(e => (e.getAttribute('aria-label') || e.textContent || '')
                         .trim().slice(0, 60))"""
        )
        findings += [f"{screen}: tappable node without a role: {n!r}" for n in roleless]

        nodes = self.cdp.send("Accessibility.getFullAXTree")["nodes"]
        interactive = {
            "button",
            "textbox",
            "searchbox",
            "checkbox",
            "radio",
            "tab",
            "link",
            "switch",
            "slider",
            "combobox",
            "menuitem",
            "option",
            "spinbutton",
        }
        targets: list[tuple[str, str, int]] = []
        dialogs = 0
        for node in nodes:
            if node.get("ignored"):
                continue
            role = node.get("role", {}).get("value", "")
            name = squash(str(node.get("name", {}).get("value", "")))
            if role in ("dialog", "alertdialog"):
                dialogs += 1
                if not name and dialog_title is None:
                    findings.append(f"{screen}: {role} without a name and no title to check")
                continue
            if role not in interactive:
                continue
            if not name:
                findings.append(f"{screen}: {role} without an accessible name")
            if "backendDOMNodeId" in node:
                targets.append((role, name, int(node["backendDOMNodeId"])))

        if dialog_title is not None:
            # Flet's AlertDialog is unnamed in the tree (known Flet limitation, even with
            # semantics_label): require its title text to be inside the alertdialog node.
            dlg = page.get_by_role("alertdialog")
            if dlg.count() != 1:
                findings.append(f"{screen}: expected one alertdialog, found {dlg.count()}")
            elif squash(dialog_title) not in squash(dlg.evaluate(DIALOG_TEXT_JS)):
                findings.append(
                    f"{screen}: alertdialog does not contain its title {dialog_title!r}"
                )
        elif dialogs:
            findings.append(f"{screen}: unexpected dialog in the tree")

        for index, (_, _, backend) in enumerate(targets):
            obj = self.cdp.send("DOM.resolveNode", {"backendNodeId": backend})["object"]
            self.cdp.send(
                "Runtime.callFunctionOn",
                {
                    "objectId": obj["objectId"],
                    "functionDeclaration": "function(i) { this.setAttribute('data-audit', i); }",
                    "arguments": [{"value": f"{screen}-{index}"}],
                },
            )
        for index, (role, name, _) in enumerate(targets):
            if skip_sizes and name in skip_sizes:
                continue
            node = page.locator(f'[data-audit="{screen}-{index}"]')
            if node.count() != 1:
                findings.append(f"{screen}: {role} {name!r} left the tree while measured")
                continue
            box = self._visible_box(node)
            if not box["in_view"]:
                band = box["band"] or {"top": 0, "bottom": VIEWPORT["height"]}
                findings.append(
                    f"{screen}: {role} {name!r} cannot be scrolled into view: the tree puts it "
                    f"at y={box['y']:.0f}–{box['y'] + box['h']:.0f}, the visible area is "
                    f"y={band['top']:.0f}–{band['bottom']:.0f}"
                )
            if box["w"] < MIN_TARGET - 0.5 or box["h"] < MIN_TARGET - 0.5:
                findings.append(
                    f"{screen}: {role} {name!r} is {box['w']:.0f}×{box['h']:.0f} px "
                    f"(< {MIN_TARGET}×{MIN_TARGET})"
                )

        for label, message in (field_errors or {}).items():
            where = self.textbox(label)
            if where.count() != 1:
                findings.append(f"{screen}: field {label!r} not found")
                continue
            description = where.get_attribute("aria-description") or ""
            if squash(description) != squash(message):
                findings.append(
                    f"{screen}: field {label!r} aria-description is {description!r}, "
                    f"expected {message!r}"
                )
            # Flutter puts the error's text node inside the field's own node, right after
            # the <input>; accept it there or in the node that follows the field, or in the
            # field's own name (a field merged with the label above it: widgets.labelled).
            after = where.evaluate(
                """e => [e.nextElementSibling, e.closest('flt-semantics').nextElementSibling]
                        .map(n => n ? (n.getAttribute('aria-label') || n.textContent || '') : '')
                        .concat([e.getAttribute('aria-label') || ''])"""
            )
            if not any(squash(message) in squash(text) for text in after):
                findings.append(
                    f"{screen}: no text {message!r} right after field {label!r} (found {after!r})"
                )
        return findings


@pytest.fixture
def user(browser: Browser, server: AppServer) -> Iterator[Callable[[], Person]]:
    """`user()` opens a fresh context (no cookies, no storage) on the app's sign-in screen."""
    contexts: list[BrowserContext] = []

    def open_person() -> Person:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        context.add_init_script(ENABLE_SEMANTICS_EARLY)
        contexts.append(context)
        return Person(context, server).open()

    try:
        yield open_person
    finally:
        for context in contexts:
            with contextlib.suppress(Exception):
                context.close()


@pytest.fixture
def person(user: Callable[[], Person]) -> Person:
    return user()


@pytest.fixture(name="poll")
def poll_fixture() -> Callable[..., Any]:
    """`poll(check, what, timeout=10)`: a bounded wait for a condition outside the page."""
    return poll


@pytest.fixture(name="paris_today")
def paris_today_fixture() -> date:
    """Today in Europe/Paris, the calendar the rules use."""
    return paris_today()
