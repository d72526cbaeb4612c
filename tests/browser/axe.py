"""axe-core, a peer's accessibility rules, run inside the page (`make axe` brings it from npm)."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "build" / "axe-core" / "package" / "axe.min.js"

# One entry per violation: the rule, its impact, and where (CSS selector and a bit of HTML).
RUN_JS = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 160) })),
  }));
}"""


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Every violation axe-core finds in the page as it is now; inject axe first if needed."""
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing: run `make axe`")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    violations: list[dict[str, Any]] = page.evaluate(RUN_JS)
    return violations
