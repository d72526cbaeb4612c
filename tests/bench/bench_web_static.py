"""The static web build (`make web`, Python on Pyodide in the page) against the server mode,
in the same headless chromium and the same run, runs interleaved.

- web_static.first_screen.first_visit / .second_visit: from the navigation to the site (served
  as plain files) to a usable sign-in screen, in a new browser profile, then again in the same
  profile (its HTTP cache and its IndexedDB store); the floor is web.first_screen's measure of
  the server mode (server start → usable sign-in screen).
- web_static.sign_in: the click on « Me connecter » → « Bonjour <prénom> » on the Accueil, timed
  inside the page; the floor is the same click on the server mode.
- web_static.key_derivation: one check of a code personnel by shared/secrets.py in Chromium's
  Pyodide (PBKDF2-HMAC-SHA256 over hmac), against scrypt in this CPython (the server's).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench_common import APP_ROOT, Result, Target, compared, log
from bench_web import (
    APP,
    CODE_LABEL,
    HEADING,
    NIR_LABEL,
    SIGN_IN,
    Browser,
    Server,
    enable_semantics,
    timed_click,
    type_into,
)
from playwright.sync_api import BrowserContext, Page

from tests.serving import StaticSite

ACCOUNTS = (("2851275056012", "13572468", "Camille"), ("1900375112004", "24681357", "Alexis"))
PAGE_LOAD_MS = 120_000

# What the page sends its Python worker, kept like bench_web's WS_HOOK_JS keeps what it sends
# the server: type_into() confirms typing once the text has reached Python.
WORKER_HOOK_JS = """(() => {
  window.__wsOut = window.__wsOut || [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, transfer) {
    try {
      if (data && data.byteLength !== undefined) {
        const bytes = ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
        window.__wsOut.push(String.fromCharCode.apply(null, bytes.subarray(0, 8192)));
      }
    } catch (e) { /* never break the app */ }
    return post.call(this, data, transfer);
  };
})();"""


def site_folder() -> Path:
    """The built site of the app measured (built now if it is not up to date)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_web", APP_ROOT / "tools" / "build_web.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Path(module.build())


def usable_after(page: Page, url: str) -> float:
    """Milliseconds from the navigation to a usable sign-in screen (as bench_web measures it)."""
    start = time.perf_counter()
    page.goto(url, timeout=PAGE_LOAD_MS)
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=PAGE_LOAD_MS)
    page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")
    page.get_by_role("button", name=SIGN_IN).wait_for(timeout=PAGE_LOAD_MS)
    return (time.perf_counter() - start) * 1e3


# Checks a code with shared/secrets.py in the page's own Pyodide: seconds per check.
KDF_IN_PAGE_JS = """async ([source, runs]) => {
  const { loadPyodide } = await import("./pyodide/pyodide.mjs");
  const py = await loadPyodide({ indexURL: new URL("./pyodide/", location.href).href });
  py.FS.writeFile("/home/pyodide/secrets_measured.py", source);
  py.globals.set("runs", runs);
  return py.runPython(`
import sys, time
sys.path.insert(0, "/home/pyodide")
import secrets_measured as s
assert s.KDF == s.PBKDF2, s.KDF
stored = s.hash_code("24681357")
times = []
for _ in range(runs):
    start = time.perf_counter()
    assert s.code_matches("24681357", stored)
    times.append(time.perf_counter() - start)
times
`).toJs();
}"""


def scrypt_check() -> float:
    """Seconds for one check of a code with shared/secrets.py here (scrypt, OpenSSL)."""
    from shared.secrets import code_matches, hash_code

    stored = hash_code("24681357")
    assert stored.startswith("scrypt$")
    start = time.perf_counter()
    assert code_matches("24681357", stored)
    return time.perf_counter() - start


def timed_sign_in(page: Page, account: tuple[str, str, str]) -> float:
    """Type the demo account, then milliseconds from the click to the Accueil's heading."""
    nir, code, prenom = account
    type_into(page, NIR_LABEL, nir)
    type_into(page, CODE_LABEL, code)
    button = page.get_by_role("button", name=SIGN_IN)
    return timed_click(page, button, (HEADING, f"Bonjour {prenom}", True))


class StaticBench:
    """The web_static measures, with bench_web's Browser (its chromium, its seeded data)."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser

    def _context(self) -> BrowserContext:
        context = self.browser.context()
        context.add_init_script(WORKER_HOOK_JS)
        return context

    def _static_run(self, site: StaticSite, account: tuple[str, str, str]) -> tuple[float, ...]:
        """First visit, second visit in the same profile, then a timed sign-in there."""
        context = self._context()
        try:
            first_page = context.new_page()
            first = usable_after(first_page, site.url)
            first_page.close()
            page = context.new_page()
            second = usable_after(page, site.url)
            return first, second, timed_sign_in(page, account)
        finally:
            context.close()

    def _server_run(self, account: tuple[str, str, str]) -> tuple[float, float]:
        """web.first_screen's measure (server start → usable), then a timed sign-in."""
        server = Server(APP, self.browser.data_dir("static-floor"), self.browser.logs)
        try:
            server.wait_http()
            context = self._context()
            try:
                page = context.new_page()
                page.goto(server.url)
                enable_semantics(page, "button", SIGN_IN)
                usable = (time.perf_counter() - server.started) * 1e3
                return usable, timed_sign_in(page, account)
            finally:
                context.close()
        finally:
            server.stop()

    def key_derivation(self, site: StaticSite, runs: int) -> Result:
        context = self._context()
        try:
            page = context.new_page()
            page.goto(site.url + "favicon.png")
            source = (APP_ROOT / "shared" / "secrets.py").read_text(encoding="utf-8")
            in_page = [t * 1e3 for t in page.evaluate(KDF_IN_PAGE_JS, [source, runs])]
        finally:
            context.close()
        here = [scrypt_check() * 1e3 for _ in range(runs)]
        result = compared(
            "web_static.key_derivation",
            "ms",
            in_page,
            "scrypt n=2^14 in this CPython",
            here,
            Target(max_value=1000),
        )
        from shared.secrets import PBKDF2_PARAMETERS

        result.notes.append(
            f"in the page: PBKDF2-HMAC-SHA256, {PBKDF2_PARAMETERS['i']:,} iterations, over hmac"
        )
        return result

    def bench(self, runs: int) -> list[Result]:
        folder = site_folder()
        samples: dict[str, list[float]] = {k: [] for k in ("first", "second", "sign_in")}
        floors: dict[str, list[float]] = {k: [] for k in ("first_screen", "sign_in")}
        with StaticSite(folder) as site:
            derivation = self.key_derivation(site, runs)
            self._static_run(site, ACCOUNTS[0])  # warm chromium and the disk cache
            self._server_run(ACCOUNTS[0])
            for index in range(runs):
                account = ACCOUNTS[index % 2]
                order = ("static", "server") if index % 2 == 0 else ("server", "static")
                for which in order:
                    if which == "static":
                        first, second, sign_in = self._static_run(site, account)
                        samples["first"].append(first)
                        samples["second"].append(second)
                        samples["sign_in"].append(sign_in)
                        log(
                            f"  static: first {first:.0f}, second {second:.0f}, "
                            f"sign-in {sign_in:.0f} ms"
                        )
                    else:
                        usable, sign_in = self._server_run(account)
                        floors["first_screen"].append(usable)
                        floors["sign_in"].append(sign_in)
                        log(f"  server: first screen {usable:.0f}, sign-in {sign_in:.0f} ms")
        server_first = "server mode's web.first_screen"
        results = [
            compared(
                "web_static.first_screen.first_visit",
                "ms",
                samples["first"],
                server_first,
                floors["first_screen"],
                Target(),
            ),
            compared(
                "web_static.first_screen.second_visit",
                "ms",
                samples["second"],
                server_first,
                floors["first_screen"],
                Target(max_ratio=2),
            ),
            compared(
                "web_static.sign_in",
                "ms",
                samples["sign_in"],
                "server mode's sign-in",
                floors["sign_in"],
                Target(max_value=1500),
            ),
        ]
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
        archive = (folder / "app.zip").stat().st_size / 2**20
        results[0].notes.append(
            f"site {size:.0f} MiB, app.zip {archive:.1f} MiB; the first visit includes seeding"
            " the two demo accounts (two key derivations)"
        )
        results[2].notes.append(
            f"static sign-in spread {min(samples['sign_in']):.0f}-{max(samples['sign_in']):.0f} "
            f"ms; median server sign-in {statistics.median(floors['sign_in']):.0f} ms"
        )
        return [*results, derivation]
