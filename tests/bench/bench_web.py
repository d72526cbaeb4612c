"""The app served in web mode, driven in one headless chromium; hello_app.py is the floor.

Times are taken inside the page: a click starts at the `pointerdown` the browser sees, and the
next screen is "present" when a MutationObserver first finds its landmark in Flutter's
accessibility tree. Playwright's own delays (actionability checks, polling) are left out.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from bench_common import APP_ROOT, Result, Target, compared, log
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.chromium import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, textbox
from tests.serving import free_port, wait_until_serving, web_server_env

HERE = Path(__file__).resolve().parent
SESSIONS = 10  # per memory sample
TIMEOUT_MS = 30_000

# Demo accounts (shared/demo.py) and the landmarks of each screen.
ACCOUNTS = (("2851275056012", "13572468", "Camille"), ("1900375112004", "24681357", "Alexis"))
SIGN_IN = "Me connecter"
NIR_LABEL, CODE_LABEL = "Numéro de sécurité sociale", "Code personnel"

# Landmark = (css selector, accessible name, exact?) found by the in-page watcher.
HOST = "flt-semantics-host"
HEADING = ", ".join(f"{HOST} h{n}" for n in range(1, 7)) + f", {HOST} [role=heading]"
TEXT = f"{HOST} span, {HOST} flt-semantics"
Landmark = tuple[str, str, bool]

# Added to every page: notes when websocket messages arrive during a timed click (to split its
# time into "until the server's last message" and "Flutter drawing it"), and keeps what the
# page sends, so that typing is confirmed only once the server has been told the new value.
WS_HOOK_JS = """(() => {
  const Native = window.WebSocket;
  window.__wsOut = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => {
        const w = window.__bench;
        if (w && w.t0 !== null && w.t1 === null) w.m = performance.now();
      });
    }
    send(data) {
      try {
        let text = typeof data === "string" ? data : "";
        if (!text && data && data.byteLength !== undefined) {
          const bytes = ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            : new Uint8Array(data);
          text = String.fromCharCode.apply(null, bytes.subarray(0, 8192));
        }
        window.__wsOut.push(text);
      } catch (e) { /* never break the app */ }
      return super.send(data);
    }
  };
})();"""

WATCH_JS = """([selector, name, exact]) => {
  const norm = (s) => (s || "").replace(/\\s+/g, " ").trim();
  const found = () => {
    for (const el of document.querySelectorAll(selector)) {
      const n = norm(el.getAttribute("aria-label") || el.textContent);
      if (exact ? n === name : n.includes(name)) return true;
    }
    return false;
  };
  if (found()) return false;
  const w = (window.__bench = { t0: null, t1: null, m: null });
  const observer = new MutationObserver(() => {
    if (w.t0 !== null && w.t1 === null && found()) {
      w.t1 = performance.now();
      observer.disconnect();
    }
  });
  window.addEventListener("pointerdown", () => { if (w.t0 === null) w.t0 = performance.now(); },
                          { capture: true, once: true });
  observer.observe(document.documentElement,
                   { subtree: true, childList: true, attributes: true, characterData: true });
  return true;
}"""


@dataclass(frozen=True)
class AppSpec:
    """How to start one of the two apps, and what its first usable screen shows."""

    name: str
    argv: tuple[str, ...]
    cwd: Path
    ready: tuple[str, str]  # role, name of the control that makes the screen usable


APP = AppSpec("app", (sys.executable, "-m", "mobile"), APP_ROOT, ("button", SIGN_IN))
HELLO = AppSpec("hello", (sys.executable, str(HERE / "hello_app.py")), HERE, ("tab", "Deux"))


class Server:
    """One web server process on 127.0.0.1, stopped by its PID."""

    def __init__(self, spec: AppSpec, data_dir: Path, log_dir: Path) -> None:
        self.spec = spec
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = web_server_env(self.port, data_dir)
        self.log_path = log_dir / f"{spec.name}-{self.port}.log"
        self._log = self.log_path.open("wb")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(spec.argv),
            cwd=spec.cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_http(self, timeout: float = 30) -> float:
        """Seconds from start to the first HTTP 200."""
        if wait_until_serving(self.url, self.proc, timeout):
            return time.perf_counter() - self.started
        if self.proc.poll() is not None:
            raise RuntimeError(f"{self.spec.name} exited; see {self.log_path}")
        raise TimeoutError(f"no HTTP 200 from {self.url}")

    def rss_kb(self) -> int:
        with open(f"/proc/{self.proc.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self._log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- page helpers -------------------------------------------------------------------------------
def enable_semantics(page: Page, role: str, name: str) -> None:
    """Flutter builds its DOM accessibility tree only after this hidden button is clicked."""
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=TIMEOUT_MS)
    page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")
    page.get_by_role(role, name=name).first.wait_for(timeout=TIMEOUT_MS)  # type: ignore[arg-type]


def type_into(page: Page, label: str, text: str) -> None:
    """Type into a Flutter TextField, confirmed by the value reaching the server.

    Flutter attaches its text input 10–40 ms after focus (more under load): text typed
    before that shows in the DOM <input> but never reaches Flutter, nor the server.
    (Texts are looked for in the raw msgpack frames: UTF-8 bytes, as a binary string.)
    """
    box = textbox(page, label)
    for attempt in range(5):
        sent = page.evaluate("window.__wsOut.length")
        # A field focused before the accessibility tree existed (autofocus) looks focused
        # but ignores typing until it is focused again: start from no focus at all.
        page.evaluate("document.activeElement?.blur()")
        page.wait_for_timeout(60)
        box.click()
        page.wait_for_timeout(120 if attempt == 0 else 400)
        if attempt:
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
        page.keyboard.insert_text(text)
        try:
            page.wait_for_function(
                "([n, t]) => { const utf8 = unescape(encodeURIComponent(t));"
                " return window.__wsOut.slice(n).some((m) => m.includes(utf8)); }",
                arg=[sent, text],
                timeout=2_000,
            )
            return
        except PlaywrightTimeout:
            log(f"typed {label!r} did not reach the server, typing again")
    raise AssertionError(f"could not type {text!r} into {label!r}")


SIGN_IN_ERRORS = re.compile("obligatoire|incorrect|comporter|verrouill", re.IGNORECASE)


def sign_in(page: Page, account: tuple[str, str, str]) -> int:
    """Sign in on the sign-in screen; returns the number of retries it took."""
    nir, code, prenom = account
    hello = page.get_by_role("heading", name=f"Bonjour {prenom}")
    refused = page.locator(HOST).get_by_text(SIGN_IN_ERRORS)
    for attempt in range(4):
        type_into(page, NIR_LABEL, nir)
        type_into(page, CODE_LABEL, code)
        page.get_by_role("button", name=SIGN_IN).click()
        try:
            if attempt == 0:  # no message yet: whichever comes first
                hello.or_(refused).first.wait_for(timeout=20_000)
            else:  # the previous message is still shown
                hello.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            pass
        if hello.count():
            return attempt
        shown = "; ".join(refused.all_text_contents()) or "no message"
        log(f"sign-in as {prenom} did not go through ({shown}), retrying")
    raise AssertionError(f"could not sign in as {prenom}")


@dataclass
class Split:
    """Where the time of timed clicks went: until the last server message, then drawing."""

    parts: dict[str, list[tuple[float, float]]]

    def add(self, label: str, t0: float, m: float | None, t1: float) -> None:
        if m is not None:
            self.parts.setdefault(label, []).append((m - t0, t1 - m))

    def describe(self, per_label: bool = False) -> str:
        rows = [p for parts in self.parts.values() for p in parts]
        if not rows:
            return "no websocket message seen"
        text = (
            f"pointerdown -> last server message {statistics.median(r[0] for r in rows):.0f} ms"
            f", -> landmark drawn {statistics.median(r[1] for r in rows):.0f} ms (medians)"
        )
        if per_label:
            text += "; per click (server, drawing): " + ", ".join(
                f"{label} {statistics.median(r[0] for r in parts):.0f}/"
                f"{statistics.median(r[1] for r in parts):.0f}"
                for label, parts in self.parts.items()
            )
        return text


def timed_click(
    page: Page, target: Any, landmark: Landmark, split: Split | None = None, label: str = ""
) -> float:
    """Milliseconds from the click's pointerdown to the landmark of the next screen."""
    if not page.evaluate(WATCH_JS, list(landmark)):
        raise AssertionError(f"{landmark[1]!r} is on screen before the click")
    target.click()
    page.wait_for_function("() => window.__bench && window.__bench.t1 !== null", timeout=15_000)
    t0, t1, m = page.evaluate("[window.__bench.t0, window.__bench.t1, window.__bench.m]")
    if split is not None:
        split.add(label or landmark[1], float(t0), None if m is None else float(m), float(t1))
    return float(t1) - float(t0)


class Browser:
    """One chromium for every web measure; contexts are closed after use."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.logs = workdir / "logs"
        self.logs.mkdir(exist_ok=True)
        self._seeded = workdir / "seeded"
        self.retries = 0  # sign-ins typed again (Flutter lost the typed text)

    def __enter__(self) -> Browser:
        self._seed()
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.browser.close()
        self._pw.stop()

    def _seed(self) -> None:
        """A data folder with the demo accounts, copied for each server (no scrypt at start)."""
        from shared.demo import seed_demo_accounts
        from shared.store import open_store

        store = open_store(self._seeded)
        seed_demo_accounts(store)
        store.close()

    def data_dir(self, label: str) -> Path:
        target = self.workdir / f"data-{label}-{free_port()}"
        shutil.copytree(self._seeded, target)
        return target

    def context(self) -> BrowserContext:
        context = self.browser.new_context(viewport=VIEWPORT, locale="fr-FR")  # type: ignore[arg-type]
        context.add_init_script(WS_HOOK_JS)
        return context

    # --- web.first_screen -----------------------------------------------------------------
    def _first_screen(self, spec: AppSpec, data_dir: Path) -> tuple[float, float]:
        server = Server(spec, data_dir, self.logs)
        try:
            http = server.wait_http()
            context = self.context()
            try:
                page = context.new_page()
                page.goto(server.url)
                enable_semantics(page, *spec.ready)
                usable = time.perf_counter() - server.started
            finally:
                context.close()
        finally:
            server.stop()
        return usable * 1e3, http * 1e3

    def bench_first_screen(self, runs: int) -> Result:
        app_dir, hello_dir = self.data_dir("first"), self.data_dir("first-hello")
        self._first_screen(HELLO, hello_dir)  # warm bytecode and chromium
        self._first_screen(APP, app_dir)
        values: list[float] = []
        floors: list[float] = []
        http_app: list[float] = []
        http_hello: list[float] = []
        for index in range(runs):
            order = (APP, HELLO) if index % 2 == 0 else (HELLO, APP)
            for spec in order:
                usable, http = self._first_screen(spec, app_dir if spec is APP else hello_dir)
                (values if spec is APP else floors).append(usable)
                (http_app if spec is APP else http_hello).append(http)
        result = compared(
            "web.first_screen",
            "ms",
            values,
            "hello-world app",
            floors,
            Target(max_ratio=1.2),
        )
        result.notes.append(
            f"server start -> HTTP 200: app {statistics.median(http_app):.0f} ms, "
            f"hello {statistics.median(http_hello):.0f} ms (median); the rest is the browser"
        )
        return result

    # --- web.transition -------------------------------------------------------------------
    def _app_flow(
        self, page: Page, account: tuple[str, str, str], split: Split
    ) -> dict[str, float]:
        """One pass over the main clicks; returns milliseconds per click."""
        times: dict[str, float] = {}
        role = page.get_by_role

        def timed(label: str, target: Any, landmark: Landmark) -> None:
            times[label] = timed_click(page, target, landmark, split, label)

        enable_semantics(page, "button", SIGN_IN)
        self.retries += sign_in(page, account)
        for tab in ("Mes paiements", "Mes démarches"):
            timed(f"tab {tab}", role("tab", name=tab), (HEADING, tab, True))
        role("button", name="Faire ou révoquer une procuration en ligne").click()
        role("button", name="Je démarre ma demande").click()
        role("radio", name="Monsieur").click()
        expect(role("radio", name="Monsieur")).to_be_checked()
        type_into(page, "Nom*", "Dupont")
        type_into(page, "Prénom*", "Martin")
        type_into(page, "Date de naissance*", "20/09/1970")
        suivant = role("button", name="Suivant", exact=True)
        expect(suivant).to_be_enabled()
        timed("Suivant", suivant, (HEADING, "2. Récapitulatif et validation", True))
        role("checkbox").click()
        expect(role("checkbox")).to_be_checked()
        valider = role("button", name="Valider", exact=True)
        expect(valider).to_be_enabled()
        timed("Valider", valider, (HEADING, "Ma procuration est validée !", True))
        tab = "Mes informations"
        timed(f"tab {tab}", role("tab", name=tab), (HEADING, tab, True))
        role("button", name="Révoquer", exact=True).click()
        dialog = role("alertdialog")
        dialog.wait_for()
        revoke = dialog.get_by_role("button", name="Révoquer", exact=True)
        timed("Révoquer", revoke, (TEXT, "Aucune procuration en cours", False))
        hello = (HEADING, f"Bonjour {account[2]}", True)
        timed("tab Accueil", role("tab", name="Accueil"), hello)
        return times

    def _hello_flow(self, page: Page, split: Split) -> list[float]:
        enable_semantics(page, *HELLO.ready)
        times = []
        for _ in range(3):
            for index, name in ((1, "Deux"), (0, "Un")):
                landmark = (TEXT, f"Bonjour, écran {index + 1}", True)
                tab = page.get_by_role("tab", name=name)
                times.append(timed_click(page, tab, landmark, split, name))
        return times

    def bench_transition(self, runs: int) -> Result:
        per_click: dict[str, list[float]] = {}
        app_split, hello_split = Split({}), Split({})
        values: list[float] = []
        floors: list[float] = []
        app = Server(APP, self.data_dir("transition"), self.logs)
        hello = Server(HELLO, self.data_dir("transition-hello"), self.logs)
        try:
            app.wait_http()
            hello.wait_http()
            for index in range(runs):
                for which in ("hello", "app") if index % 2 == 0 else ("app", "hello"):
                    context = self.context()
                    try:
                        page = context.new_page()
                        if which == "app":
                            page.goto(app.url)
                            times = self._app_flow(page, ACCOUNTS[index % 2], app_split)
                            for click, ms in times.items():
                                per_click.setdefault(click, []).append(ms)
                            values.extend(times.values())
                        else:
                            page.goto(hello.url)
                            floors.extend(self._hello_flow(page, hello_split))
                    finally:
                        context.close()
        finally:
            app.stop()
            hello.stop()
        result = compared(
            "web.transition",
            "ms",
            values,
            "hello-world tab switch",
            floors,
            Target(max_ratio=1.3, max_value=150),
        )
        result.notes.append(
            "median per click: "
            + ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in per_click.items())
        )
        result.notes.append(f"app: {app_split.describe(per_label=True)}")
        result.notes.append(f"hello: {hello_split.describe()}")
        result.notes.append(f"sign-ins typed again so far: {self.retries}")
        return result

    # --- web.rss_per_session --------------------------------------------------------------
    def _rss_growth(self, spec: AppSpec, run: int) -> tuple[float, list[int]]:
        """kB per extra session: robust slope of VmRSS after sessions 1..SESSIONS."""
        server = Server(spec, self.data_dir(f"rss-{spec.name}"), self.logs)
        rss: list[int] = []
        try:
            server.wait_http()
            context = self.context()
            try:
                for n in range(SESSIONS):
                    page = context.new_page()
                    page.goto(server.url)
                    if spec is APP:
                        enable_semantics(page, "button", SIGN_IN)
                        self.retries += sign_in(page, ACCOUNTS[(run + n) % 2])
                    else:
                        enable_semantics(page, *HELLO.ready)
                    page.close()  # the server keeps the session (FLET_SESSION_TIMEOUT)
                    time.sleep(0.2)
                    rss.append(server.rss_kb())
            finally:
                context.close()
        finally:
            server.stop()
        # Theil–Sen: the median of the slopes between every two points. One-time steps (a
        # worker thread's first sign-in, a lazy import) do not move it; steady growth does.
        slope = statistics.median(
            (rss[j] - rss[i]) / (j - i) for i in range(len(rss)) for j in range(i + 1, len(rss))
        )
        return slope, rss

    def bench_rss(self, runs: int) -> Result:
        values: list[float] = []
        floors: list[float] = []
        first: list[list[int]] = []
        for index in range(runs):
            order = (APP, HELLO) if index % 2 == 0 else (HELLO, APP)
            for spec in order:
                slope, rss = self._rss_growth(spec, index)
                (values if spec is APP else floors).append(slope / 1024)
                if spec is APP:
                    first.append(rss)
                log(f"  {spec.name}: {slope:.0f} kB/session, VmRSS (kB) {rss}")
        result = compared(
            "web.rss_per_session",
            "MB",
            values,
            "hello-world session",
            floors,
            Target(max_ratio=2),
        )
        steps = [max(b - a for a, b in itertools.pairwise(r)) for r in first]
        result.notes.append(
            f"app: largest single step between two sessions {statistics.median(steps) / 1024:.1f}"
            " MB (median over runs), left out by the robust slope"
        )
        result.notes.append(
            f"Theil-Sen slope of VmRSS over {SESSIONS} sequential sessions, each closed after "
            "sign-in (the server keeps it); app VmRSS after 1 and "
            f"{SESSIONS} sessions: {statistics.median(r[0] for r in first) / 1024:.0f} / "
            f"{statistics.median(r[-1] for r in first) / 1024:.0f} MB"
        )
        result.notes.append(f"sign-ins typed again so far: {self.retries}")
        return result
