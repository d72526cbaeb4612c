"""`make web-serve`: the static site of build/web/ on http://127.0.0.1:8551, like any static host.

Usage: python tools/serve_web.py [--port N] [--host 127.0.0.1] [--dir build/web]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Module workers and WebAssembly need these exact types; a machine's mime.types may lack them.
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".gz": "application/gzip",
    ".whl": "application/zip",
    ".map": "application/json",
}


class StaticSite(SimpleHTTPRequestHandler):
    """Files only, the types a browser insists on, no log line per request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.extensions_map = {**self.extensions_map, **TYPES}
        super().__init__(*args, **kwargs)  # this serves the request: the types come first

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a page load is some forty requests."""


def serve(folder: Path, host: str, port: int) -> None:
    """Serve `folder` until interrupted."""
    if not (folder / "index.html").is_file():
        raise SystemExit(f"no site in {folder}: run `make web` first")
    handler = functools.partial(StaticSite, directory=str(folder))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"Serving {folder} on http://{host}:{server.server_address[1]}/", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8551)
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "web")
    args = parser.parse_args()
    serve(args.dir, args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
