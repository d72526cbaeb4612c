"""Starting and waiting for the web app in a test or the benchmark: loopback only."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def web_server_env(port: int, data_dir: Path) -> dict[str, str]:
    """Flet's own settings for an offline web server on 127.0.0.1 with its own data folder."""
    return dict(
        os.environ,
        FLET_FORCE_WEB_SERVER="true",
        FLET_SERVER_IP="127.0.0.1",
        FLET_SERVER_PORT=str(port),
        FLET_WEB_NO_CDN="true",
        FLET_APP_STORAGE_DATA=str(data_dir),
        PYTHONUNBUFFERED="1",
    )


def wait_until_serving(url: str, proc: subprocess.Popen[bytes], timeout: float) -> bool:
    """True once `url` answers HTTP 200; False if the process exited or time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            time.sleep(0.02)
    return False


class StaticSite:
    """tools/serve_web.py serving a built static site on 127.0.0.1, a free port; stopped by PID."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        serve = Path(__file__).resolve().parents[1] / "tools" / "serve_web.py"
        self.proc = subprocess.Popen(
            [sys.executable, str(serve), "--dir", str(folder), "--port", str(self.port)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        if not wait_until_serving(self.url, self.proc, timeout=15):
            self.stop()
            raise RuntimeError(f"no static site on {self.url}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)  # this PID only
            self.proc.wait(timeout=5)

    def __enter__(self) -> "StaticSite":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
