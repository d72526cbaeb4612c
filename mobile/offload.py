"""Where the domain's work runs: off Flet's event loop, so one click never freezes the others.

Server and phone: on two threads for the whole process, not asyncio's default pool of up to
cpu+4: each thread that ever ran scrypt keeps its 16 MB buffer in its own malloc arena, and two
are enough on the store's single lock.

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
def _domain_threads() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="domain")


async def in_domain_thread(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` in a domain thread (with the caller's context) and wait for its result."""
    call = functools.partial(contextvars.copy_context().run, action, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_domain_threads(), call)


async def inline(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` here on the browser's latest copy of the store; wait until it is kept."""
    await storage.refreshed()
    result = action(*args, **kwargs)
    await storage.written_back()
    return result


offload = inline if IN_BROWSER else in_domain_thread
