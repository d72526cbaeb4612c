"""A proxy between the app and a real registry that misbehaves on request: loopback only."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class FaultyProxy:
    """Forwards to the registry; `mode` says what goes wrong.

    pass: forward; error500: answer 500 without forwarding; late: forward (so the registry
    applies it), then answer only after `delay` seconds, past the client's timeout;
    twice: forward the same request twice and answer the second reply.
    """

    def __init__(self, target: str, delay: float = 2.0, port: int = 0) -> None:
        self.target = target
        self.mode = "pass"
        self.delay = delay
        self.forwarded = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._relay("GET")

            def do_POST(self) -> None:
                self._relay("POST")

            def log_message(self, *_: object) -> None:  # no request lines (they hold nothing)
                pass

            def _relay(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if proxy.mode == "error500":
                    self._answer(500, b'{"detail": "boom"}')
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                reply = None
                for _ in range(2 if proxy.mode == "twice" else 1):
                    reply = httpx.request(
                        method, proxy.target + self.path, headers=headers, content=body, timeout=20
                    )
                    proxy.forwarded += 1
                assert reply is not None
                if proxy.mode == "late":
                    time.sleep(proxy.delay)
                self._answer(reply.status_code, reply.content)

            def _answer(self, status: int, content: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except OSError:
                    pass  # the client gave up (timeout): what the test wants

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FaultyProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
