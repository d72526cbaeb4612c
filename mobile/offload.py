"""Where the domain's work runs: off Flet's event loop, so one click never freezes the others.

Server and phone: on one thread for the whole process, not asyncio's default pool of up to
cpu+4. Each thread that ever ran scrypt keeps its 16 MB buffer in a malloc arena of its own
(measured: two threads, 16 MB more RSS each time the second or a third arena took a sign-in);
the store's writes take one lock anyway, and one scrypt takes about 50 ms. The calls to the
caisse's registry run on a second thread, so that a slow network holds up no sign-in.

Browser (the static web build, Pyodide): no thread can be started there, and one person has
the page to themselves, so the work runs inline on the event loop, between a fresh load of the
store from IndexedDB (another tab may have written) and its writing back (mobile/storage.py),
so that a screen that says « done » means kept in this browser.
"""

import asyncio
import contextvars
import functools
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from mobile import storage

P = ParamSpec("P")
T = TypeVar("T")

IN_BROWSER = sys.platform == "emscripten"


@functools.cache
def _thread(name: str) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)


async def _in_thread(name: str, action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` in that thread (with the caller's context) and wait for its result."""
    call = functools.partial(contextvars.copy_context().run, action, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_thread(name), call)


async def in_domain_thread(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` in the domain thread and wait for its result."""
    return await _in_thread("domain", action, *args, **kwargs)


async def in_network_thread(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a call to the caisse's registry in a thread of its own: waiting on the network (up
    to its timeout) never holds a sign-in back. No scrypt runs there."""
    return await _in_thread("network", action, *args, **kwargs)


async def inline(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` here on the browser's latest copy of the store; wait until it is kept."""
    await storage.refreshed()
    result = action(*args, **kwargs)
    await storage.written_back()
    return result


offload = inline if IN_BROWSER else in_domain_thread
offload_network = inline if IN_BROWSER else in_network_thread
