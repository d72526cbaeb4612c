"""The page the web app is served in: Flet's web client, with our own index.html.

Flet's web server takes its client from the folder named by FLET_WEB_PATH (flet_web's
`get_package_web_dir`). `use_our_page()` points it at a folder built once per content under
build/web/: hard links to every file of flet_web's client, and its index.html changed for what
Flet 1.0.5 offers no setting for:
- nothing asked from another host: at start-up the client appends
  <script src="https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/…/rive_native.js">
  (its Rive extension initialises itself whether or not an animation is shown; this app shows
  none), so the page refuses any script that is not from the server it came from;
- zoom allowed (WCAG 1.4.4): Flutter's engine replaces every viewport meta by one with
  `maximum-scale=1.0, user-scalable=no`; the page drops those two settings;
- a main landmark (axe `region`): the engine appends its <flutter-view>, which holds the whole
  accessibility tree, to <body>; the page moves it into a <main> as soon as it appears;
- a dialog named by its title (axe `aria-dialog-name`): Flutter puts the title (or a
  semantics_label) on a node inside its alertdialog node; the page points aria-labelledby at it;
- French: the page's language, title and description, the loading status, and a notice while
  the server cannot be reached, in place of the client's « Working... » (its boot screen's text
  is a constant of the compiled client, and stays hidden behind the notice).
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
from pathlib import Path

from shared import strings

BUILD = Path(__file__).resolve().parent.parent / "build" / "web"

# Runs before anything else on the page (first element of <head>).
PAGE_SCRIPT = """
(() => {
  "use strict";
  const scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src");
  Object.defineProperty(HTMLScriptElement.prototype, "src", {
    ...scriptSrc,
    set(value) {
      if (new URL(value, document.baseURI).origin === location.origin) {
        scriptSrc.set.call(this, value);
      } else {
        console.info("Script not loaded, it is not on this server: " + value);
      }
    },
  });
  const metaContent = Object.getOwnPropertyDescriptor(HTMLMetaElement.prototype, "content");
  Object.defineProperty(HTMLMetaElement.prototype, "content", {
    ...metaContent,
    set(value) {
      if (this.name === "viewport") {
        value = String(value).split(",").map((part) => part.trim())
          .filter((part) => !/^(maximum-scale|user-scalable)\\s*=/i.test(part)).join(", ");
      }
      metaContent.set.call(this, value);
    },
  });
  const showOffline = (offline) => {
    document.getElementById("offline").hidden = !offline;
    const view = document.querySelector("flutter-view");
    if (view) view.inert = offline;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => showOffline(false));
      this.addEventListener("close", () => showOffline(true));
    }
  };
  new MutationObserver((_, observer) => {
    const view = document.querySelector("body > flutter-view");
    if (view) {
      observer.disconnect();
      document.getElementById("app").append(view);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  const stops = () => [...document.querySelectorAll(
    "flt-semantics-host [tabindex='0']:not(h1, h2, h3, h4, h5, h6), flt-semantics-host input")]
    .filter((node) => !node.closest("[inert], [aria-hidden=true]"));
  window.addEventListener("keydown", (event) => {
    const picker = event.key === "Escape" && document.querySelector("[role=dialog]");
    if (picker) {
      const inside = stops().filter((node) => picker.contains(node));
      if (inside.length && !inside.includes(document.activeElement)) inside.pop().focus();
      return;
    }
    if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = stops();
    if (!list.length) return;
    const here = document.activeElement;
    const after = (node) => here && here !== document.body
      && here.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    const next = event.shiftKey
      ? list.filter((node) => node !== here && !after(node) && !node.contains(here)).pop()
        || list[list.length - 1]
      : list.find((node) => node !== here && after(node) && !node.contains(here)) || list[0];
    event.preventDefault();
    event.stopImmediatePropagation();
    next.focus();
  }, true);
  new MutationObserver(() => {
    for (const dialog of document.querySelectorAll("[role=alertdialog]:not([aria-labelledby])")) {
      const title = dialog.querySelector(
        "[aria-label], [role=heading], h1, h2, h3, h4, h5, h6, span");
      const node = title && title.closest("[id]");
      if (node) dialog.setAttribute("aria-labelledby", node.id);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
"""

OFFLINE_STYLE = """
#offline { position: fixed; inset: 0; z-index: 10; display: flex; flex-direction: column;
  align-items: center; justify-content: center; gap: 8px; padding: 24px; text-align: center;
  background: #ffffff; color: #1b1b1f; font: 18px/1.5 Roboto, Arial, sans-serif; }
#offline[hidden] { display: none; }
#offline p { margin: 0; max-width: 36em; }
#offline .title { font-size: 24px; font-weight: 500; }
"""


def _replace_once(text: str, old: str, new: str) -> str:
    """`text` with its one `old` replaced; Flet's page changed if `old` is not there once."""
    if text.count(old) != 1:
        raise ValueError(f"flet_web's index.html has changed: {old!r} is not there once")
    return text.replace(old, new)


def page_html(flet_index: str) -> str:
    """Flet's index.html with our script, French texts and the offline notice."""
    esc = html.escape
    page = _replace_once(flet_index, "<html>", '<html lang="fr">')
    page = _replace_once(
        page,
        "<head>",
        f"<head>\n  <script>{PAGE_SCRIPT}</script>\n"
        '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    )
    page = _replace_once(page, "<title>Flet</title>", f"<title>{esc(strings.APP_TITLE)}</title>")
    page = _replace_once(
        page,
        '<meta name="apple-mobile-web-app-title" content="Flet">',
        f'<meta name="apple-mobile-web-app-title" content="{esc(strings.APP_TITLE)}">',
    )
    page = _replace_once(
        page,
        '<meta name="description" content="Flet application.">',
        f'<meta name="description" content="{esc(strings.PAGE_DESCRIPTION)}">',
    )
    page = _replace_once(page, 'aria-label="Loading"', f'aria-label="{esc(strings.LOADING)}"')
    return _replace_once(
        page,
        "<body>",
        f"<body>\n  <style>{OFFLINE_STYLE}</style>\n"
        '  <div id="offline" role="alert" hidden>\n'
        f'    <p class="title">{esc(strings.OFFLINE_TITLE)}</p>\n'
        f"    <p>{esc(strings.OFFLINE_TEXT)}</p>\n"
        "  </div>\n"
        '  <main id="app"></main>',
    )


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system: a copy
        shutil.copy2(source, target)


def build_web_root(source: Path, parent: Path) -> Path:
    """The client folder with our page, built once per content (concurrent starts are safe)."""
    page = page_html((source / "index.html").read_text(encoding="utf-8"))
    key = hashlib.sha256(f"{source.resolve()}\n{page}".encode()).hexdigest()[:16]
    root = parent / key
    if root.is_dir():
        return root
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f".{key}.{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    for path in source.rglob("*"):
        target = staging / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.name != "index.html" or path.parent != source:
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(path, target)
    (staging / "index.html").write_text(page, encoding="utf-8")
    try:
        staging.rename(root)
    except OSError:  # another process finished first: its folder is the same
        shutil.rmtree(staging, ignore_errors=True)
    return root


def use_our_page() -> None:
    """Have Flet's web server send our page; nothing to do inside a built app (no web server)."""
    if os.environ.get("FLET_PLATFORM"):  # a built app's runtime sets it (flet.utils.is_embedded)
        return
    from flet_web import get_package_web_dir

    os.environ["FLET_WEB_PATH"] = str(build_web_root(Path(get_package_web_dir()), BUILD))
