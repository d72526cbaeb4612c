"""Waiting for a web server that a test or the benchmark started."""

import subprocess
import time
import urllib.request


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
