"""Where the domain's work runs: one domain thread on a server or a phone, inline in the browser
(Pyodide cannot start a thread), between a refresh of the browser's store and its writing back."""

import asyncio
import threading
import time

from mobile import offload, storage
from mobile.storage import BrowserFolder
from tests.mobile.phone import run_to_end


def test_on_a_server_the_work_runs_in_a_domain_thread():
    ran_in = run_to_end(offload.offload(threading.current_thread))
    assert ran_in.name.startswith("domain") and ran_in is not threading.current_thread()
    assert offload.offload is offload.in_domain_thread


def test_on_a_server_work_asked_at_once_runs_on_the_same_one_thread():
    """Each thread that ran scrypt keeps a 16 MB malloc arena: one thread, one arena."""

    def slow() -> threading.Thread:
        time.sleep(0.05)
        return threading.current_thread()

    async def at_once() -> list[threading.Thread]:
        return list(await asyncio.gather(*(offload.offload(slow) for _ in range(3))))

    assert len(set(run_to_end(at_once()))) == 1


def test_the_registry_calls_run_on_a_thread_of_their_own():
    """A registry that takes its whole timeout to answer holds up no sign-in."""
    network = run_to_end(offload.offload_network(threading.current_thread))
    domain = run_to_end(offload.offload(threading.current_thread))
    assert network.name.startswith("network") and domain.name.startswith("domain")


def test_in_the_browser_the_work_runs_inline_between_refresh_and_write_back(monkeypatch):
    steps: list[str] = []

    class Tab(BrowserFolder):
        async def refreshed(self) -> None:
            steps.append("refreshed")

        async def written_back(self) -> None:
            steps.append("written back")

    monkeypatch.setattr(storage, "_browser", Tab())
    threads = set(threading.enumerate())

    def work(value: int) -> tuple[int, threading.Thread]:
        steps.append("work")
        return value * 2, threading.current_thread()

    async def on_the_page() -> tuple[tuple[int, threading.Thread], threading.Thread]:
        return await offload.inline(work, 21), threading.current_thread()

    (result, ran_in), page = run_to_end(on_the_page())
    assert (result, ran_in) == (42, page)
    assert steps == ["refreshed", "work", "written back"]
    assert set(threading.enumerate()) == threads  # no thread was started
