"""Where the tests put the pictures they take: build/screenshots (git-ignored), never the
source tree. `make screenshots` points `SCREENSHOTS_DIR` at assets/screenshots, the README's."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "build" / "screenshots")


def screenshot_path(file_name: str) -> Path:
    """Where to write that picture (its folder made if need be)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / file_name
