"""axe-core, a peer's accessibility rules, run inside the page (`make axe` brings it from npm)."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

# build/axe-core/<version>/package/axe.min.js, the version the Makefile names.
AXE_DIR = Path(__file__).resolve().parents[2] / "build" / "axe-core"

# Per violation: the rule, its impact, and each node (selector, some HTML, what to fix).
RUN_JS = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary,
    })),
  }));
}"""


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Every violation axe-core finds in the page as it is now; inject axe first if needed."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        found = sorted(AXE_DIR.glob("*/package/axe.min.js"))
        if not found:
            raise FileNotFoundError(f"no axe-core in {AXE_DIR}: `make pytest` brings it")
        page.add_script_tag(path=str(found[-1]))
    violations: list[dict[str, Any]] = page.evaluate(RUN_JS)
    return violations
